"""Capture during the meeting: ideas, resource asks and next steps.

Deleting marks a row as deleted instead of removing it, so that "undo" is a
plain update and a mistaken delete never loses what a citizen said.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, literal_column, select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.enums import AskKind, AskStatus, CheckKind, OwnerSide, Role, StepState
from facilitator.i18n import _
from facilitator.services import people
from facilitator.services.rows import AskRow, IdeaRow, StepRow
from facilitator.storage.database import Database
from facilitator.storage.models import (
    Idea,
    Meeting,
    NextStep,
    Place,
    ResourceAsk,
    SoftDeleted,
    SpeakerTurn,
)


@dataclass(frozen=True)
class IdeaInput:
    """What the quick entry for an idea collects."""

    title: str
    detail: str = ""
    proposed_by: str = ""
    place_id: uuid.UUID | None = None
    theme: str = ""
    needs_check: CheckKind | None = None
    check_note: str = ""


@dataclass(frozen=True)
class AskInput:
    """What the quick entry for a resource ask collects."""

    what: str
    kind: AskKind = AskKind.OTHER
    amount_dkk: int | None = None
    idea_id: uuid.UUID | None = None
    asked_by: str = ""
    answer_needed_by: date | None = None
    department: str = ""
    needs_decision: bool = False


@dataclass(frozen=True)
class StepInput:
    """What the quick entry for a next step collects."""

    what: str
    owner_side: OwnerSide = OwnerSide.CITIZENS
    owner_label: str = ""
    due_on: date | None = None
    done: bool = False


@dataclass(frozen=True)
class PersonLink:
    """The person who carries an idea or ask, chosen in its dialog (None: no one in particular).

    Passed to add/update only when the choice changed: without it the link stays as it is.
    """

    person_id: uuid.UUID | None


def _link(s: Session, entry: Idea | ResourceAsk, person: PersonLink | None) -> None:
    if person is not None:
        people.link_person(s, entry, person.person_id)


def capture_order(model: type[SoftDeleted]) -> ColumnElement[int]:
    """Sort key for entries in the order they were captured: SQLite's rowid.

    Not `created_at`: that is wall-clock time, and a clock set back during a
    meeting would list a later idea first. A rowid is given as one more than
    the largest in the table, so it only grows as entries are added; an edit,
    a delete (which only marks the row) or an undo keeps it, and so do VACUUM,
    the backup API and a table rebuild that copies the rows in rowid order.
    """
    table = model.__tablename__  # type: ignore[attr-defined]
    return literal_column(f'"{table}".rowid')


# ----- ideas ---------------------------------------------------------------


def idea_row(s: Session, idea: Idea) -> IdeaRow:
    """An idea as the capture lists show it (read in the caller's session)."""
    place = s.get(Place, idea.place_id) if idea.place_id else None
    return IdeaRow(
        id=idea.id,
        meeting_id=idea.meeting_id,
        title=idea.title,
        detail=idea.detail,
        proposed_by=idea.proposed_by,
        place_id=idea.place_id,
        place_name=place.name if place else "",
        theme=idea.theme,
        needs_check=idea.needs_check,
        check_note=idea.check_note,
        created_at=idea.created_at,
    )


def clean_theme(theme: str) -> str:
    """An idea's theme as stored: trimmed, on one line ("" is no theme); refused if too long."""
    text = validation.optional_text(theme, "theme", _("Tema"))
    # A pasted theme may hold a line break or a run of spaces; it groups with the one typed.
    return " ".join(text.split())


def _apply_idea(idea: Idea, data: IdeaInput) -> None:
    clean = validation.clean_fields({
        "title": lambda: validation.required_text(
            data.title, "title", _("Idéen"), validation.MAX_TEXT_LENGTH
        ),
        "detail": lambda: validation.optional_text(data.detail, "detail", _("Uddybning")),
        "proposed_by": lambda: validation.optional_text(
            data.proposed_by, "proposed_by", _("Foreslået af")
        ),
        "theme": lambda: clean_theme(data.theme),
        "check_note": lambda: validation.optional_text(
            data.check_note, "check_note", _("Note om tjek")
        ),
    })
    idea.title = clean["title"]
    idea.detail = clean["detail"]
    idea.proposed_by = clean["proposed_by"]
    idea.place_id = data.place_id
    idea.theme = clean["theme"]
    idea.needs_check = data.needs_check
    idea.check_note = clean["check_note"]


def idea_problems(data: IdeaInput) -> list[validation.Problem]:
    """Every field of an idea that saving it would refuse, in the form's order."""
    return validation.problems_of(lambda: _apply_idea(Idea(), data))


def add_idea(
    db: Database,
    meeting_id: uuid.UUID,
    data: IdeaInput,
    phase_id: uuid.UUID | None = None,
    person: PersonLink | None = None,
) -> IdeaRow:
    """Save a new idea at once, with the person who proposed it, in one commit."""
    with db.session() as s:
        if phase_id is None:
            phase_id = s.get_one(Meeting, meeting_id).current_phase_id
        idea = Idea(meeting_id=meeting_id, phase_id=phase_id, created_at=db.clock.now())
        _apply_idea(idea, data)
        s.add(idea)
        _link(s, idea, person)
        s.commit()
        return idea_row(s, idea)


def update_idea(
    db: Database, idea_id: uuid.UUID, data: IdeaInput, person: PersonLink | None = None
) -> IdeaRow:
    """Save an edited idea (and a changed person), in one commit."""
    with db.session() as s:
        idea = s.get_one(Idea, idea_id)
        _apply_idea(idea, data)
        _link(s, idea, person)
        s.commit()
        return idea_row(s, idea)


def list_ideas(db: Database, meeting_id: uuid.UUID) -> list[IdeaRow]:
    """A meeting's ideas in the order they were captured (whatever the clock said)."""
    with db.session() as s:
        ideas = s.scalars(
            select(Idea)
            .where(Idea.meeting_id == meeting_id, Idea.deleted_at.is_(None))
            .order_by(capture_order(Idea))
        )
        return [idea_row(s, i) for i in ideas]


# ----- resource asks -------------------------------------------------------


def _ask_row(s: Session, ask: ResourceAsk) -> AskRow:
    idea = s.get(Idea, ask.idea_id) if ask.idea_id else None
    return AskRow(
        id=ask.id,
        meeting_id=ask.meeting_id,
        kind=ask.kind,
        what=ask.what,
        amount_dkk=ask.amount_dkk,
        idea_id=ask.idea_id,
        idea_title=_linked_title(idea),
        asked_by=ask.asked_by,
        department=ask.department,
        needs_decision=ask.needs_decision,
        status=ask.status,
        asked_on=ask.asked_on,
        answer_needed_by=ask.answer_needed_by,
        created_at=ask.created_at,
    )


def _linked_title(idea: Idea | None) -> str:
    if idea is None:
        return ""
    if idea.deleted_at is not None:
        return _("{title} (slettet)").format(title=idea.title)
    return idea.title


def _apply_ask(ask: ResourceAsk, data: AskInput) -> None:
    clean = validation.clean_fields({
        "what": lambda: validation.required_text(
            data.what, "what", _("Ønsket"), validation.MAX_TEXT_LENGTH
        ),
        "amount_dkk": lambda: validation.amount_dkk(data.amount_dkk),
        "asked_by": lambda: validation.optional_text(data.asked_by, "asked_by", _("Ønsket af")),
        "department": lambda: validation.optional_text(
            data.department, "department", _("Afdeling")
        ),
    })
    ask.what = clean["what"]
    ask.kind = data.kind
    ask.amount_dkk = clean["amount_dkk"]
    ask.idea_id = data.idea_id
    ask.asked_by = clean["asked_by"]
    ask.answer_needed_by = data.answer_needed_by
    ask.department = clean["department"]
    ask.needs_decision = data.needs_decision


def ask_problems(data: AskInput) -> list[validation.Problem]:
    """Every field of a resource ask that saving it would refuse, in the form's order."""
    return validation.problems_of(lambda: _apply_ask(ResourceAsk(), data))


def add_ask(
    db: Database, meeting_id: uuid.UUID, data: AskInput, person: PersonLink | None = None
) -> AskRow:
    """Save a new resource ask at once (with the person who made it, in one commit).

    It starts open, asked today.
    """
    now = db.clock.now()
    with db.session() as s:
        s.get_one(Meeting, meeting_id)
        ask = ResourceAsk(
            # The local calendar day: an ask made at 00:30 in Denmark is dated that day, not the UTC one.
            meeting_id=meeting_id, status=AskStatus.OPEN, asked_on=now.astimezone().date(), created_at=now
        )
        _apply_ask(ask, data)
        s.add(ask)
        _link(s, ask, person)
        s.commit()
        return _ask_row(s, ask)


def update_ask(
    db: Database, ask_id: uuid.UUID, data: AskInput, person: PersonLink | None = None
) -> AskRow:
    """Save an edited resource ask (and a changed person), in one commit."""
    with db.session() as s:
        ask = s.get_one(ResourceAsk, ask_id)
        _apply_ask(ask, data)
        _link(s, ask, person)
        s.commit()
        return _ask_row(s, ask)


def list_asks(db: Database, meeting_id: uuid.UUID) -> list[AskRow]:
    """A meeting's resource asks in the order they were made."""
    with db.session() as s:
        asks = s.scalars(
            select(ResourceAsk)
            .where(ResourceAsk.meeting_id == meeting_id, ResourceAsk.deleted_at.is_(None))
            .order_by(capture_order(ResourceAsk))
        )
        return [_ask_row(s, a) for a in asks]


# ----- next steps ----------------------------------------------------------


def _step_row(step: NextStep) -> StepRow:
    return StepRow(
        id=step.id,
        meeting_id=step.meeting_id,
        what=step.what,
        owner_label=step.owner_label,
        owner_side=step.owner_side,
        due_on=step.due_on,
        done=step.done,
        created_at=step.created_at,
        state=step.state,
        state_on=step.state_on,
    )


def _apply_step(step: NextStep, data: StepInput) -> None:
    clean = validation.clean_fields({
        "what": lambda: validation.required_text(
            data.what, "what", _("Næste skridt"), validation.MAX_TEXT_LENGTH
        ),
        "owner_label": lambda: validation.optional_text(
            data.owner_label, "owner_label", _("Ansvarlig")
        ),
    })
    step.what = clean["what"]
    step.owner_side = data.owner_side
    step.owner_label = clean["owner_label"]
    step.due_on = data.due_on
    # The capture form's "done" box and the desk's states agree: ticking it is "done",
    # unticking a done step opens it again; a step not done or dropped stays so.
    if data.done and step.state != StepState.DONE:
        step.state, step.state_on = StepState.DONE, None
    elif not data.done and step.state == StepState.DONE:
        step.state, step.state_on = StepState.OPEN, None
    step.done = data.done


def step_problems(data: StepInput) -> list[validation.Problem]:
    """Every field of a next step that saving it would refuse, in the form's order."""
    return validation.problems_of(lambda: _apply_step(NextStep(), data))


def add_step(db: Database, meeting_id: uuid.UUID, data: StepInput) -> StepRow:
    """Save a new next step at once."""
    with db.session() as s:
        s.get_one(Meeting, meeting_id)
        step = NextStep(meeting_id=meeting_id, created_at=db.clock.now())
        _apply_step(step, data)
        s.add(step)
        s.commit()
        return _step_row(step)


def update_step(db: Database, step_id: uuid.UUID, data: StepInput) -> StepRow:
    """Save an edited next step."""
    with db.session() as s:
        step = s.get_one(NextStep, step_id)
        _apply_step(step, data)
        s.commit()
        return _step_row(step)


def list_steps(db: Database, meeting_id: uuid.UUID) -> list[StepRow]:
    """A meeting's next steps in the order they were agreed."""
    with db.session() as s:
        steps = s.scalars(
            select(NextStep)
            .where(NextStep.meeting_id == meeting_id, NextStep.deleted_at.is_(None))
            .order_by(capture_order(NextStep))
        )
        return [_step_row(x) for x in steps]


# ----- delete and undo (same for all three) --------------------------------

_CAPTURED: dict[str, type[SoftDeleted]] = {
    "idea": Idea,
    "ask": ResourceAsk,
    "step": NextStep,
}


def delete_entry(db: Database, kind: str, entry_id: uuid.UUID) -> None:
    """Delete an idea, ask or step ("idea" / "ask" / "step"); `restore_entry` undoes it."""
    with db.session() as s:
        s.get_one(_CAPTURED[kind], entry_id).deleted_at = db.clock.now()
        s.commit()


def restore_entry(db: Database, kind: str, entry_id: uuid.UUID) -> None:
    """Undo a delete."""
    with db.session() as s:
        s.get_one(_CAPTURED[kind], entry_id).deleted_at = None
        s.commit()


@dataclass(frozen=True)
class EntryCounts:
    """How many entries a meeting has stored (deleted ones not counted)."""

    ideas: int
    asks: int
    steps: int
    turns: int


def count_entries(db: Database, meeting_id: uuid.UUID) -> EntryCounts:
    """What is stored for a meeting: what a resumed meeting can promise was kept."""
    with db.session() as s:

        def count(model: type[SoftDeleted]) -> int:
            return s.scalar(
                select(func.count()).select_from(model).where(  # type: ignore[arg-type]
                    model.meeting_id == meeting_id, model.deleted_at.is_(None)  # type: ignore[attr-defined]
                )
            ) or 0

        # Speaking turns only: the silence a phase change or a question starts is not a marking.
        turns = s.scalar(
            select(func.count()).select_from(SpeakerTurn).where(
                SpeakerTurn.meeting_id == meeting_id, SpeakerTurn.role != Role.SILENCE
            )
        ) or 0
        return EntryCounts(count(Idea), count(ResourceAsk), count(NextStep), turns)
