"""Quick-entry dialogs for ideas, resource asks and next steps: Enter saves, Esc cancels."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import validation
from facilitator.domain.enums import AskKind, CheckKind, OwnerSide
from facilitator.i18n import _
from facilitator.services import capture, meetings, people, privacy
from facilitator.services.rows import AskRow, IdeaRow, PlaceRow, StepRow
from facilitator.storage.database import Database
from ui.capture.models import format_date
from ui.feedback import InlineMessage, attempt
from ui.form_errors import FormErrors
from ui.unsaved import FormDialog


def _line(text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    # Room for a long pasted text; the service sets the real limit and says so in Danish.
    edit.setMaxLength(validation.MAX_TEXT_LENGTH + 1)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


def _combo(choices: Sequence[tuple[str, Any]], current: Any = None) -> QComboBox:
    combo = QComboBox()
    for label, value in choices:
        combo.addItem(label, value)
    found = next((i for i, (_label, value) in enumerate(choices) if value == current), 0)
    combo.setCurrentIndex(found)
    return combo


def _suggest(edit: QLineEdit, words: Sequence[str]) -> None:
    # Groups and themes repeat through a meeting; offer what was typed before.
    unique = sorted({w for w in words if w}, key=str.casefold)
    if unique:
        completer = QCompleter(unique, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)


def _person_combo(
    db: Database, meeting_id: uuid.UUID, current: uuid.UUID | None
) -> QComboBox | None:
    """"Person (valgfri)": the project's people, or None when there is no one to choose.

    The default is no person: the entry is credited to its group label. People
    who withdrew consent are offered only where they are already linked.
    """
    project_id = meetings.get_meeting(db, meeting_id).project_id
    known = [p for p in people.list_people(db, project_id)
             if p.withdrawn_at is None or p.id == current]
    if not known:
        return None
    choices: list[tuple[str, Any]] = [(_("(ingen – gruppen står for det)"), None)]
    choices += [(p.name if p.withdrawn_at is None
                 else _("{name} (samtykke trukket tilbage)").format(name=p.name), p.id)
                for p in known]
    combo = _combo(choices, current)
    combo.setMinimumContentsLength(24)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class _EnterSaves(QObject):
    """Makes Enter in a multi-line field save the dialog; Shift+Enter still breaks the line."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Catch a plain Enter before the text field turns it into a new line."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self._dialog.accept()
                return True
        return False


class EntryDialog(FormDialog):
    """The shared frame: a form, an inline message, Gem / Annullér; saves through a service."""

    def __init__(self, db: Database, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # Narrow enough to sit over the capture lists of a 1024 px wide live screen.
        self.setMinimumWidth(480)
        self._db = db
        self.saved_row: Any = None
        self._fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.form.setHorizontalSpacing(14)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = InlineMessage(self)
        self.errors = FormErrors(self.message, self.problems)
        self.buttons = QDialogButtonBox()
        save = self.buttons.addButton(_("Gem"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        self.buttons.addButton(_("Annullér"), QDialogButtonBox.ButtonRole.RejectRole)
        # The title bar may be off-screen or tiny on a projector; say what is being entered.
        heading = QLabel(title)
        heading.setObjectName("entryHeading")
        hint = QLabel(_("Enter gemmer · Esc annullerer"))
        hint.setObjectName("entryHint")
        # Shown only where it is true: the live screen adds Ctrl+digit to its quick entries.
        self.speaker_hint = QLabel(_("Ctrl+1/2/3/0 markerer stadig, hvem der taler"))
        self.speaker_hint.setObjectName("entryHint")
        self.speaker_hint.hide()
        self.setStyleSheet(
            "#entryHeading { font-size: 14pt; font-weight: bold; } #entryHint { color: #555; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(self.speaker_hint)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def add_field(self, label: str, field: str, widget: QWidget) -> QWidget:
        """A labelled row; `field` names it so a refusal can put the cursor there."""
        if not isinstance(widget, QPlainTextEdit):
            widget.setMinimumHeight(32)
        self.form.addRow(label, widget)
        if self._fields:
            # Tab walks the form top to bottom, whatever order the widgets were made in.
            QWidget.setTabOrder(list(self._fields.values())[-1], widget)
        self._fields[field] = widget
        self.errors.add_field(field, widget)
        return widget

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Say which speaker keys work here; the frame remembers what the fields held."""
        self.speaker_hint.setVisible(self.marks_speakers())
        super().showEvent(event)

    def marks_speakers(self) -> bool:
        """Ctrl+1 (and its siblings) mark the speaker while this dialog is open."""
        marker = QKeySequence("Ctrl+1")
        return any(s.key() == marker for s in self.findChildren(QShortcut))

    def accept(self) -> None:
        """Save through the service; on refusal stay open with the text as typed."""
        # Every refused field at once, in the form's order; the cursor goes to the first.
        problems = self.problems()
        if problems:
            self.errors.show_problems(problems)
            return
        result = attempt(self.store, self.message, problems=self.errors)
        if result is None:
            return
        self.saved_row = result
        super().accept()

    def store(self) -> Any:
        """Build the input and call the add/update service; raise ValidationError to refuse."""
        raise NotImplementedError

    def problems(self) -> list[validation.Problem]:
        """Every field saving would refuse now (checked without saving), in the form's order."""
        return []


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
        self.title_edit = _line(idea.title if idea else "", _("Hvad vil borgerne?"))
        self.detail_edit = QPlainTextEdit(idea.detail if idea else "")
        self.detail_edit.setPlaceholderText(_("Uddybning (valgfri) — Skift+Enter giver ny linje"))
        self.detail_edit.setTabChangesFocus(True)
        self.detail_edit.setFixedHeight(72)
        self.detail_edit.installEventFilter(_EnterSaves(self))
        self.proposed_by_edit = _line(
            idea.proposed_by if idea else "", _("fx Borgergruppen i Knebel")
        )
        _suggest(self.proposed_by_edit, [i.proposed_by for i in known_ideas])
        self._person_before = privacy.linked_person_id(db, "idea", idea.id) if idea else None
        self.person_combo = _person_combo(db, meeting_id, self._person_before)
        place_choices = [(_("(intet sted)"), None)] + [(p.name, p.id) for p in places]
        if idea and idea.place_id and idea.place_id not in {p.id for p in places}:
            place_choices.append((idea.place_name, idea.place_id))  # a place since removed
        self.place_combo = _combo(place_choices, idea.place_id if idea else None)
        self.theme_edit = _line(idea.theme if idea else "", _("fx Natur, Trafik, Fællesskab"))
        _suggest(self.theme_edit, [i.theme for i in known_ideas])
        check_choices = [(_("Nej"), None)] + [(k.label, k) for k in CheckKind]
        self.check_combo = _combo(check_choices, idea.needs_check if idea else None)
        self.check_note_edit = _line(idea.check_note if idea else "", _("Hvad skal tjekkes?"))
        self.add_field(_("&Idé"), "title", self.title_edit)
        self.add_field(_("&Uddybning"), "detail", self.detail_edit)
        self.add_field(_("&Foreslået af"), "proposed_by", self.proposed_by_edit)
        if self.person_combo is not None:
            self.add_field(_("&Person (valgfri)"), "person_id", self.person_combo)
        self.add_field(_("&Sted"), "place", self.place_combo)
        self.add_field(_("&Tema"), "theme", self.theme_edit)
        self.add_field(_("Skal t&jekkes"), "needs_check", self.check_combo)
        self.add_field(_("&Note om tjek"), "check_note", self.check_note_edit)
        self._sync_note()
        self.check_combo.currentIndexChanged.connect(self._sync_note)
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
        data = self._input()
        if self._idea is None:
            row = capture.add_idea(self._db, self._meeting_id, data)
            # Saved: a retry after a failed link below updates it instead of adding it twice.
            self._idea = row
        else:
            row = capture.update_idea(self._db, self._idea.id, data)
        person = self.person_combo.currentData() if self.person_combo is not None else None
        if person != self._person_before:
            people.link_idea_person(self._db, row.id, person)
            self._person_before = person
        return row


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
        self.what_edit = _line(ask.what if ask else "", _("Hvad beder borgerne kommunen om?"))
        self.kind_combo = _combo(
            [(k.label, k) for k in AskKind], ask.kind if ask else AskKind.OTHER
        )
        amount = (
            "" if ask is None or ask.amount_dkk is None else f"{ask.amount_dkk:,}".replace(",", ".")
        )
        self.amount_edit = _line(amount, _("fx 12.500 (valgfrit)"))
        idea_choices = [(_("(ingen idé)"), None)] + [(i.title[:120], i.id) for i in ideas]
        if ask and ask.idea_id and ask.idea_id not in {i.id for i in ideas}:
            # Keep the link to an idea deleted since, so editing the ask does not drop it.
            idea_choices.append(
                (_("{title} (slettet)").format(title=ask.idea_title[:120]), ask.idea_id)
            )
        self.idea_combo = _combo(idea_choices, ask.idea_id if ask else None)
        self.idea_combo.setMinimumContentsLength(24)
        self.idea_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.asked_by_edit = _line(ask.asked_by if ask else "", _("fx Shelter-gruppen"))
        _suggest(self.asked_by_edit, [a.asked_by for a in known_asks])
        self._person_before = privacy.linked_person_id(db, "ask", ask.id) if ask else None
        self.person_combo = _person_combo(db, meeting_id, self._person_before)
        self.answer_by_edit = _line(
            format_date(ask.answer_needed_by) if ask else "", _("DD-MM-ÅÅÅÅ")
        )
        self.department_edit = _line(ask.department if ask else "", _("fx Plan og Byg"))
        _suggest(self.department_edit, [a.department for a in known_asks])
        self.decision_check = QCheckBox(_("Kræver p&olitisk beslutning"))
        self.decision_check.setChecked(ask.needs_decision if ask else False)
        self.add_field(_("Ø&nske"), "what", self.what_edit)
        self.add_field(_("&Type"), "kind", self.kind_combo)
        self.add_field(_("&Beløb i kr."), "amount_dkk", self.amount_edit)
        self.add_field(_("Til &idé"), "idea", self.idea_combo)
        self.add_field(_("Ønsket &af"), "asked_by", self.asked_by_edit)
        if self.person_combo is not None:
            self.add_field(_("&Person (valgfri)"), "person_id", self.person_combo)
        self.add_field(_("S&var ønskes senest"), "answer_needed_by", self.answer_by_edit)
        self.add_field(_("Af&deling"), "department", self.department_edit)
        self.add_field("", "needs_decision", self.decision_check)
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
        data = self._input(self._parsed())
        if self._ask is None:
            row = capture.add_ask(self._db, self._meeting_id, data)
            self._ask = row  # a retry after a failed link updates instead of adding twice
        else:
            row = capture.update_ask(self._db, self._ask.id, data)
        person = self.person_combo.currentData() if self.person_combo is not None else None
        if person != self._person_before:
            people.link_ask_person(self._db, row.id, person)
            self._person_before = person
        return row


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
        self.what_edit = _line(step.what if step else "", _("Hvad skal der ske?"))
        side = step.owner_side if step else OwnerSide.CITIZENS
        self.owner_side_combo = _combo([(s.label, s) for s in OwnerSide], side)
        self.owner_label_edit = _line(step.owner_label if step else "", _("fx Shelter-gruppen"))
        _suggest(self.owner_label_edit, [s.owner_label for s in known_steps])
        self.due_edit = _line(format_date(step.due_on) if step else "", _("DD-MM-ÅÅÅÅ"))
        self.add_field(_("&Næste skridt"), "what", self.what_edit)
        self.add_field(_("&Hvem har bolden"), "owner_side", self.owner_side_combo)
        self.add_field(_("&Ansvarlig"), "owner_label", self.owner_label_edit)
        self.add_field(_("&Frist"), "due_on", self.due_edit)
        self.what_edit.setFocus()

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
