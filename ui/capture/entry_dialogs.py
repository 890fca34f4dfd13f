"""Quick-entry dialogs for ideas, resource asks and next steps: Enter saves, Esc cancels."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QPlainTextEdit,
    QWidget,
)

from facilitator.domain import validation
from facilitator.domain.enums import AskKind, CheckKind, OwnerSide
from facilitator.domain.formats import entry_amount, entry_date
from facilitator.i18n import _
from facilitator.services import capture, privacy
from facilitator.services.rows import AskRow, IdeaRow, PlaceRow, StepRow
from facilitator.storage.database import Database
from ui.capture.entry_frame import (
    EnterSaves,
    EntryDialog,
    choice_combo,
    choose_person,
    line_edit,
    person_combo,
    suggest,
)

__all__ = ["AskDialog", "EntryDialog", "IdeaDialog", "StepDialog"]


class IdeaDialog(EntryDialog):
    """Quick entry of an idea, or editing one."""

    def __init__(
        self,
        db: Database,
        meeting_id: uuid.UUID,
        places: Sequence[PlaceRow],
        known_ideas: Sequence[IdeaRow] = (),
        idea: IdeaRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, _("Ret idé") if idea else _("Ny idé"), parent)
        self._meeting_id = meeting_id
        self._idea = idea
        self.title_edit = line_edit(idea.title if idea else "", _("Hvad vil borgerne?"))
        self.detail_edit = QPlainTextEdit(idea.detail if idea else "")
        self.detail_edit.setPlaceholderText(_("Uddybning (valgfri) — Skift+Enter giver ny linje"))
        self.detail_edit.setTabChangesFocus(True)
        self.detail_edit.setFixedHeight(72)
        self.detail_edit.installEventFilter(EnterSaves(self))
        self.proposed_by_edit = line_edit(
            idea.proposed_by if idea else "", _("fx Borgergruppen i Knebel")
        )
        self._person_before = privacy.linked_person_id(db, "idea", idea.id) if idea else None
        self.person_combo = person_combo(db, meeting_id, self._person_before)
        place_choices = [(_("(intet sted)"), None)] + [(p.name, p.id) for p in places]
        if idea and idea.place_id and idea.place_id not in {p.id for p in places}:
            place_choices.append((idea.place_name, idea.place_id))  # a place since removed
        self.place_combo = choice_combo(place_choices, idea.place_id if idea else None)
        self.theme_edit = line_edit(idea.theme if idea else "", _("fx Natur, Trafik, Fællesskab"))
        suggest(self.theme_edit, [i.theme for i in known_ideas])
        check_choices = [(_("Nej"), None)] + [(k.label, k) for k in CheckKind]
        self.check_combo = choice_combo(check_choices, idea.needs_check if idea else None)
        self.check_note_edit = line_edit(idea.check_note if idea else "", _("Hvad skal tjekkes?"))
        context = self.project_context(meeting_id)
        self.add_free_text(_("&Idé"), "title", self.title_edit, context)
        self.add_free_text(_("&Uddybning"), "detail", self.detail_edit, context)
        self.carried = self.add_carried_by(
            _("&Foreslået af"), "proposed_by", meeting_id, self.proposed_by_edit)
        self.carried.person_chosen.connect(lambda p: choose_person(self.person_combo, p))
        if self.person_combo is not None:
            self.add_field(_("&Person (valgfri)"), "person_id", self.person_combo)
        self.add_field(_("&Sted"), "place", self.place_combo)
        self.add_field(_("&Tema"), "theme", self.theme_edit)
        self.add_field(_("Skal t&jekkes"), "needs_check", self.check_combo)
        self.add_field(_("&Note om tjek"), "check_note", self.check_note_edit)
        self._sync_note()
        self.check_combo.currentIndexChanged.connect(self._sync_note)
        self.carried.show_state()
        self.title_edit.setFocus()

    def _sync_note(self) -> None:
        self.check_note_edit.setEnabled(self.check_combo.currentData() is not None)

    def _input(self) -> capture.IdeaInput:
        check = self.check_combo.currentData()
        return capture.IdeaInput(
            title=self.title_edit.text(),
            detail=self.detail_edit.toPlainText(),
            proposed_by=self.proposed_by_edit.text(),
            place_id=self.place_combo.currentData(),
            theme=self.theme_edit.text(),
            needs_check=check,
            check_note=self.check_note_edit.text() if check is not None else "",
        )

    def problems(self) -> list[validation.Problem]:
        """The idea's refused fields."""
        return capture.idea_problems(self._input())

    def store(self) -> IdeaRow:
        """Add or update the idea."""
        data, person = self._input(), self.person_link(self.person_combo, self._person_before)
        if self._idea is None:
            return capture.add_idea(self._db, self._meeting_id, data, person=person)
        return capture.update_idea(self._db, self._idea.id, data, person=person)


class AskDialog(EntryDialog):
    """Quick entry of a resource ask, or editing one."""

    def __init__(
        self,
        db: Database,
        meeting_id: uuid.UUID,
        ideas: Sequence[IdeaRow],
        known_asks: Sequence[AskRow] = (),
        ask: AskRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, _("Ret ressourceønske") if ask else _("Nyt ressourceønske"), parent)
        self._meeting_id = meeting_id
        self._ask = ask
        self.what_edit = line_edit(ask.what if ask else "", _("Hvad beder borgerne kommunen om?"))
        self.kind_combo = choice_combo(
            [(k.label, k) for k in AskKind], ask.kind if ask else AskKind.OTHER
        )
        self.amount_edit = line_edit(
            entry_amount(ask.amount_dkk if ask else None), _("fx 12.500 (valgfrit)"))
        idea_choices = [(_("(ingen idé)"), None)] + [(i.title[:120], i.id) for i in ideas]
        if ask and ask.idea_id and ask.idea_id not in {i.id for i in ideas}:
            # Keep the link to an idea deleted since, so editing the ask does not drop it.
            idea_choices.append(
                (_("{title} (slettet)").format(title=ask.idea_title[:120]), ask.idea_id)
            )
        self.idea_combo = choice_combo(idea_choices, ask.idea_id if ask else None)
        self.idea_combo.setMinimumContentsLength(24)
        self.idea_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.asked_by_edit = line_edit(ask.asked_by if ask else "", _("fx Shelter-gruppen"))
        self._person_before = privacy.linked_person_id(db, "ask", ask.id) if ask else None
        self.person_combo = person_combo(db, meeting_id, self._person_before)
        self.answer_by_edit = line_edit(
            entry_date(ask.answer_needed_by) if ask else "", _("DD-MM-ÅÅÅÅ")
        )
        self.department_edit = line_edit(ask.department if ask else "", _("fx Plan og Byg"))
        suggest(self.department_edit, [a.department for a in known_asks])
        self.decision_check = QCheckBox(_("Kræver p&olitisk beslutning"))
        self.decision_check.setChecked(ask.needs_decision if ask else False)
        self.add_free_text(_("Ø&nske"), "what", self.what_edit, self.project_context(meeting_id))
        self.add_field(_("&Type"), "kind", self.kind_combo)
        self.add_field(_("&Beløb i kr."), "amount_dkk", self.amount_edit)
        self.add_field(_("Til &idé"), "idea", self.idea_combo)
        self.carried = self.add_carried_by(
            _("Ønsket &af"), "asked_by", meeting_id, self.asked_by_edit)
        self.carried.person_chosen.connect(lambda p: choose_person(self.person_combo, p))
        if self.person_combo is not None:
            self.add_field(_("&Person (valgfri)"), "person_id", self.person_combo)
        self.add_field(_("S&var ønskes senest"), "answer_needed_by", self.answer_by_edit)
        self.add_field(_("Af&deling"), "department", self.department_edit)
        self.add_field("", "needs_decision", self.decision_check)
        self.carried.show_state()
        self.what_edit.setFocus()

    def _parsed(self) -> dict[str, Any]:
        return validation.clean_fields({
            "amount_dkk": lambda: validation.parse_amount_dkk(self.amount_edit.text()),
            "answer_needed_by": lambda: validation.parse_date(
                self.answer_by_edit.text(), "answer_needed_by", _("Svar ønskes senest")
            ),
        })

    def _input(self, parsed: dict[str, Any]) -> capture.AskInput:
        return capture.AskInput(
            what=self.what_edit.text(),
            kind=self.kind_combo.currentData(),
            amount_dkk=parsed.get("amount_dkk"),
            idea_id=self.idea_combo.currentData(),
            asked_by=self.asked_by_edit.text(),
            answer_needed_by=parsed.get("answer_needed_by"),
            department=self.department_edit.text(),
            needs_decision=self.decision_check.isChecked(),
        )

    def problems(self) -> list[validation.Problem]:
        """The ask's refused fields: what cannot be read as an amount or a date, and the rest."""
        try:
            parsed, refused = self._parsed(), []
        except validation.ValidationError as exc:
            parsed, refused = {}, list(exc.problems)
        return refused + capture.ask_problems(self._input(parsed))

    def store(self) -> AskRow:
        """Parse amount and date, then add or update the ask."""
        data, person = self._input(self._parsed()), self.person_link(self.person_combo, self._person_before)
        if self._ask is None:
            return capture.add_ask(self._db, self._meeting_id, data, person=person)
        return capture.update_ask(self._db, self._ask.id, data, person=person)


class StepDialog(EntryDialog):
    """Quick entry of a next step, or editing one."""

    def __init__(
        self,
        db: Database,
        meeting_id: uuid.UUID,
        known_steps: Sequence[StepRow] = (),
        step: StepRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, _("Ret næste skridt") if step else _("Nyt næste skridt"), parent)
        self._meeting_id = meeting_id
        self._step = step
        self.what_edit = line_edit(step.what if step else "", _("Hvad skal der ske?"))
        side = step.owner_side if step else OwnerSide.CITIZENS
        self.owner_side_combo = choice_combo([(s.label, s) for s in OwnerSide], side)
        self.owner_label_edit = line_edit(step.owner_label if step else "")
        # The municipality's side is a department or a colleague: what was typed before.
        self._municipal_labels = suggest(
            self.owner_label_edit,
            [s.owner_label for s in known_steps if s.owner_side is OwnerSide.MUNICIPALITY])
        self.due_edit = line_edit(entry_date(step.due_on) if step else "", _("DD-MM-ÅÅÅÅ"))
        self.add_free_text(
            _("&Næste skridt"), "what", self.what_edit, self.project_context(meeting_id))
        self.add_field(_("&Hvem har bolden"), "owner_side", self.owner_side_combo)
        self.carried = self.add_carried_by(
            _("&Ansvarlig"), "owner_label", meeting_id, self.owner_label_edit)
        self.add_field(_("&Frist"), "due_on", self.due_edit)
        self._sync_side()
        self.owner_side_combo.currentIndexChanged.connect(self._sync_side)
        self.what_edit.setFocus()

    def _sync_side(self) -> None:
        # Citizens carry a step as a group; the municipality as a department or an official,
        # whose name in the brief is part of the job, so it is neither offered groups nor warned.
        citizens = self.owner_side_combo.currentData() == OwnerSide.CITIZENS
        self.carried.set_active(citizens)
        if not citizens and self._municipal_labels is not None:
            self.owner_label_edit.setCompleter(self._municipal_labels)
        self.owner_label_edit.setPlaceholderText(
            _("fx Shelter-gruppen") if citizens else _("fx Plan og Byg"))

    def _input(self, due_on: date | None) -> capture.StepInput:
        return capture.StepInput(
            what=self.what_edit.text(),
            owner_side=self.owner_side_combo.currentData(),
            owner_label=self.owner_label_edit.text(),
            due_on=due_on,
            done=self._step.done if self._step else False,
        )

    def problems(self) -> list[validation.Problem]:
        """The step's refused fields: a date that cannot be read, and the rest."""
        refused = validation.problems_of(self._due_on)
        due_on = None if refused else self._due_on()
        return refused + capture.step_problems(self._input(due_on))

    def _due_on(self) -> date | None:
        return validation.parse_date(self.due_edit.text(), "due_on", _("Frist"))

    def store(self) -> StepRow:
        """Parse the due date, then add or update the step."""
        data = self._input(self._due_on())
        if self._step is None:
            return capture.add_step(self._db, self._meeting_id, data)
        return capture.update_step(self._db, self._step.id, data)
