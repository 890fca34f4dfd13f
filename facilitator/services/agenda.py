"""The agenda editor's actions: phases added, edited, moved, removed, copied."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.agenda import default_template
from facilitator.domain.enums import MeetingStatus, PhaseKind
from facilitator.domain.formats import number as format_number
from facilitator.i18n import _
from facilitator.services.carry_over import previous_meeting
from facilitator.services.meetings import meeting_row
from facilitator.services.rows import MeetingRow, PhaseRow
from facilitator.storage.database import Database
from facilitator.storage.models import Meeting, Phase


def phase_row(p: Phase) -> PhaseRow:
    """A phase as a plain row."""
    return PhaseRow(
        id=p.id,
        meeting_id=p.meeting_id,
        position=p.position,
        title=p.title,
        planned_minutes=p.planned_minutes,
        hold_back_seconds=p.hold_back_seconds,
        started_at=p.started_at,
        ended_at=p.ended_at,
        actual_seconds=p.actual_seconds,
        first_speaker=p.first_speaker,
        kind=p.kind,
        question=p.question,
    )


def phases_of(s: Session, meeting_id: uuid.UUID) -> list[Phase]:
    """A meeting's phases in order, inside an open session (for other services)."""
    return list(s.scalars(select(Phase).where(Phase.meeting_id == meeting_id).order_by(Phase.position)))


def _renumber(phases: list[Phase]) -> None:
    for index, phase in enumerate(phases):
        phase.position = index


def list_phases(db: Database, meeting_id: uuid.UUID) -> list[PhaseRow]:
    """The agenda in order."""
    with db.session() as s:
        return [phase_row(p) for p in phases_of(s, meeting_id)]


def _clean_phase(title: str, planned_minutes: int) -> tuple[str, int]:
    clean = validation.clean_fields({
        "title": lambda: validation.required_text(title, "title", _("Punktets titel")),
        "planned_minutes": lambda: validation.planned_minutes(planned_minutes),
    })
    return clean["title"], clean["planned_minutes"]


def phase_problems(title: str, planned_minutes: int) -> list[validation.Problem]:
    """Every field of a new agenda item that adding it would refuse, in the form's order."""
    return validation.problems_of(lambda: _clean_phase(title, planned_minutes))


def add_phase(
    db: Database,
    meeting_id: uuid.UUID,
    title: str,
    planned_minutes: int,
    hold_back_seconds: int | None = None,
) -> PhaseRow:
    """Append a phase; hold-back None takes the meeting's default."""
    clean_title, minutes = _clean_phase(title, planned_minutes)
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        hold_back = validation.hold_back_seconds(
            meeting.hold_back_seconds if hold_back_seconds is None else hold_back_seconds
        )
        phase = Phase(
            meeting_id=meeting_id,
            position=len(phases_of(s, meeting_id)),
            title=clean_title,
            planned_minutes=minutes,
            hold_back_seconds=hold_back,
            actual_seconds=0.0,
        )
        s.add(phase)
        s.commit()
        return phase_row(phase)


def update_phase(
    db: Database, phase_id: uuid.UUID, title: str, planned_minutes: int, hold_back_seconds: int
) -> PhaseRow:
    """Change a phase's title, planned minutes and hold-back."""
    clean_title = validation.required_text(title, "title", _("Punktets titel"))
    minutes = validation.planned_minutes(planned_minutes)
    hold_back = validation.hold_back_seconds(hold_back_seconds)
    with db.session() as s:
        phase = s.get_one(Phase, phase_id)
        phase.title = clean_title
        phase.planned_minutes = minutes
        phase.hold_back_seconds = hold_back
        s.commit()
        return phase_row(phase)


# The room reads the question off a screen across the room: a few lines, not an essay.
MAX_QUESTION_LENGTH = 500


def set_question(db: Database, phase_id: uuid.UUID, text: str) -> PhaseRow:
    """Store the question put to the room for an agenda item ("" removes it), in one commit."""
    question = validation.optional_text(text, "question", _("Spørgsmålet"))
    if len(question) > MAX_QUESTION_LENGTH:
        # Not optional_text's own limit: its message («… er for lang») is for a common-gender noun.
        raise validation.ValidationError(_("Spørgsmålet er for langt (højst {limit} tegn).").format(
            limit=format_number(MAX_QUESTION_LENGTH)), "question")
    with db.session() as s:
        phase = s.get_one(Phase, phase_id)
        phase.question = question
        s.commit()
        return phase_row(phase)


def remove_phase(db: Database, phase_id: uuid.UUID) -> None:
    """Remove a phase that has not been run yet."""
    with db.session() as s:
        phase = s.get_one(Phase, phase_id)
        if phase.started_at is not None:
            raise validation.ValidationError(
                _("Et punkt, der er gennemført, kan ikke fjernes."), "phase"
            )
        meeting_id = phase.meeting_id
        s.delete(phase)
        s.flush()
        _renumber(phases_of(s, meeting_id))
        s.commit()


def move_phase(db: Database, phase_id: uuid.UUID, delta: int) -> list[PhaseRow]:
    """Move a phase up (delta -1) or down (+1); returns the new order."""
    with db.session() as s:
        phase = s.get_one(Phase, phase_id)
        phases = phases_of(s, phase.meeting_id)
        index = phases.index(phase)
        target = max(0, min(len(phases) - 1, index + delta))
        phases.insert(target, phases.pop(index))
        _renumber(phases)
        s.commit()
        return [phase_row(p) for p in phases]


def apply_default_template(db: Database, meeting_id: uuid.UUID) -> list[PhaseRow]:
    """Append the default citizen-driven agenda."""
    for item in default_template():
        add_phase(db, meeting_id, item.title, item.planned_minutes, item.hold_back_seconds)
    return list_phases(db, meeting_id)


def _clear_unstarted(s: Session, meeting_id: uuid.UUID) -> None:
    # An agenda that has been (partly) run is history; replacing it would lose it.
    phases = phases_of(s, meeting_id)
    if any(p.started_at is not None for p in phases):
        raise validation.ValidationError(
            _("Dagsordenen kan ikke erstattes, når mødet er gået i gang."), "phase"
        )
    for phase in phases:
        s.delete(phase)
    s.flush()


def _append(
    s: Session,
    meeting: Meeting,
    items: Sequence[tuple[str, int, int | None]],
    kinds: Sequence[PhaseKind | None] = (),
) -> None:
    position = len(phases_of(s, meeting.id))
    for index, (title, minutes, hold_back) in enumerate(items):
        s.add(
            Phase(
                meeting_id=meeting.id,
                position=position + index,
                title=title,
                planned_minutes=minutes,
                hold_back_seconds=meeting.hold_back_seconds if hold_back is None else hold_back,
                actual_seconds=0.0,
                kind=kinds[index] if index < len(kinds) else None,
            )
        )


def replace_with_default_template(db: Database, meeting_id: uuid.UUID) -> list[PhaseRow]:
    """Replace a not yet started agenda by the default one, in one commit."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        _clear_unstarted(s, meeting_id)
        _append(
            s,
            meeting,
            [(t.title, t.planned_minutes, t.hold_back_seconds) for t in default_template()],
        )
        s.commit()
    return list_phases(db, meeting_id)


def replace_with_copy(
    db: Database, source_meeting_id: uuid.UUID, target_meeting_id: uuid.UUID
) -> list[PhaseRow]:
    """Replace a not yet started agenda by a copy of an earlier meeting's, in one commit."""
    with db.session() as s:
        target = s.get_one(Meeting, target_meeting_id)
        source = phases_of(s, source_meeting_id)
        items = [(p.title, p.planned_minutes, p.hold_back_seconds) for p in source]
        _clear_unstarted(s, target_meeting_id)
        # A copied «Opfølgning siden sidst» stays that item: it tells the new meeting's news.
        _append(s, target, items, [p.kind for p in source])
        s.commit()
    return list_phases(db, target_meeting_id)


def agenda_sources(db: Database, meeting_id: uuid.UUID) -> list[MeetingRow]:
    """The project's other meetings that have an agenda to copy, newest first."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        with_phases = select(Phase.meeting_id).distinct()
        others = s.scalars(
            select(Meeting)
            .where(Meeting.project_id == meeting.project_id)
            .where(Meeting.id != meeting_id)
            .where(Meeting.id.in_(with_phases))
            .order_by(Meeting.scheduled_at.desc())
        )
        return [meeting_row(s, m) for m in others]


FOLLOW_UP_MINUTES = 10


def add_follow_up_item(db: Database, meeting_id: uuid.UUID) -> PhaseRow:
    """Put «Opfølgning siden sidst» first on a planned meeting's agenda, in one commit.

    Only a meeting with an earlier one in its project has something to follow up,
    and an agenda holds the item once. What it tells is not stored in it: the
    agenda page and the live screen read `carry_over.since_last` when they show it,
    so an answer that comes the day before the meeting is in it too.
    """
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        if meeting.status != MeetingStatus.PLANNED:
            raise validation.ValidationError(
                _("Opfølgningen kan kun sættes på et møde, der ikke er gået i gang."), "phase")
        if previous_meeting(s, meeting) is None:
            raise validation.ValidationError(
                _("Der er intet tidligere møde i projektet at følge op på."), "phase")
        phases = phases_of(s, meeting_id)
        if any(p.kind == PhaseKind.FOLLOW_UP for p in phases):
            raise validation.ValidationError(
                _("Dagsordenen har allerede et punkt med opfølgning siden sidst."), "phase")
        item = Phase(
            meeting_id=meeting_id,
            position=0,
            title=_("Opfølgning siden sidst"),
            planned_minutes=FOLLOW_UP_MINUTES,
            hold_back_seconds=meeting.hold_back_seconds,
            actual_seconds=0.0,
            kind=PhaseKind.FOLLOW_UP,
        )
        s.add(item)
        _renumber([item, *phases])
        s.commit()
        return phase_row(item)
