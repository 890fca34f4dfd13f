"""The brief for the political leadership: its data (anonymised), the PDF file, and when it was sent.

Every privacy decision is taken here, before layout: the builder only ever
sees consented names and group labels, and no e-mail address, phone or CPR
number, so no layout code can leak them. Every text field of the brief's data
goes through the one `Redactor` (`_anonymised`), the file name too (`public_title`).
"""

from __future__ import annotations

import errno
import os
import tempfile
import uuid
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.anonymise import Redactor, nfc
from facilitator.domain.enums import MeetingStatus, PromptKind, Role
from facilitator.i18n import LANGUAGES, _
from facilitator.reports.brief_data import (
    BriefAsk,
    BriefData,
    BriefIdea,
    BriefPhase,
    BriefPriorities,
    BriefPriority,
    BriefStep,
)
from facilitator.services import agenda, capture, carry_over, live, priorities, settings, summary
from facilitator.services.carry_rows import CarriedAnswer, CarriedStep, SinceLast, WaitingAsk
from facilitator.services.consent import carried_by, project_redactor
from facilitator.services.people_rows import BriefRecordRow
from facilitator.services.rows import PhaseRow, PromptRow, TurnRow
from facilitator.storage.database import Database
from facilitator.storage.models import BriefRecord, Idea, Meeting, Person, ResourceAsk
from facilitator.storage.os_errors import describe_os_error

# The brief's own dataclasses: each is copied with its texts redacted.
_Brief = TypeVar("_Brief", BriefIdea, BriefAsk, BriefStep, BriefPhase, BriefData,
                  CarriedAnswer, CarriedStep, WaitingAsk, SinceLast, BriefPriority)

# Ideas page 1 lists as the citizens' priorities: the first five places, ties kept, but never
# more than this many lines (the rest tied with the last are counted).
PRIORITY_PLACES = 5
PRIORITY_CAP = 10


class BriefError(validation.ValidationError):
    """A brief cannot be made or saved; `message` is one Danish line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "brief")


# ----- which meeting --------------------------------------------------------


def latest_meeting_id(db: Database) -> uuid.UUID | None:
    """The most recently held meeting: the last one closed, else one running now.

    A meeting only planned has nothing to tell the councillors yet.
    """
    with db.session() as s:
        closed = s.scalars(
            select(Meeting.id)
            .where(Meeting.status == MeetingStatus.CLOSED)
            .order_by(Meeting.ended_at.desc(), Meeting.scheduled_at.desc())
        ).first()
        if closed is not None:
            return closed
        return s.scalars(
            select(Meeting.id)
            .where(Meeting.status == MeetingStatus.RUNNING)
            .order_by(Meeting.started_at.desc())
        ).first()


def _meeting(s: Session, meeting_id: uuid.UUID) -> Meeting:
    meeting = s.get(Meeting, meeting_id)
    if meeting is None:
        raise BriefError(_("Mødet findes ikke (id {id}).").format(id=meeting_id))
    return meeting


# ----- gathering and anonymising -------------------------------------------


def _anonymised(value: _Brief, redact: Redactor) -> _Brief:
    """A copy of a frozen brief dataclass with every text field (and text tuple) redacted."""
    changes: dict[str, Any] = {}
    for field in fields(value):
        current = getattr(value, field.name)
        # type() and not isinstance(): an enum (a StrEnum is a str) must stay an enum.
        if type(current) is str:
            changes[field.name] = redact(current)
        elif type(current) is tuple and current and all(type(x) is str for x in current):
            changes[field.name] = tuple(redact(x) for x in current)
    return replace(value, **changes)


# The brief prints no ids: blanked, so the same meetings give the same brief data.
NO_ID = uuid.UUID(int=0)


def _for_brief(value: _Brief, redact: Redactor) -> _Brief:
    """A «Siden sidst» row with its texts redacted and its ids blanked."""
    ids: dict[str, Any] = {
        f.name: NO_ID for f in fields(value) if isinstance(getattr(value, f.name), uuid.UUID)}
    return replace(_anonymised(value, redact), **ids)


def _anonymised_since(since: SinceLast, redact: Redactor) -> SinceLast | None:
    """«Siden sidst» for the brief: None when nothing happened; every text redacted."""
    if not since.has_news:
        return None
    return replace(
        _for_brief(since, redact),
        answers=tuple(_for_brief(a, redact) for a in since.answers),
        steps_done=tuple(_for_brief(x, redact) for x in since.steps_done),
        steps_open=tuple(_for_brief(x, redact) for x in since.steps_open),
        asks_waiting=tuple(_for_brief(w, redact) for w in since.asks_waiting),
        to_report=tuple(_for_brief(a, redact) for a in since.to_report),
    )


def thinking_seconds(
    phase: PhaseRow, turns: list[TurnRow], prompts: list[PromptRow]
) -> float | None:
    """Seconds of silence before a citizen took the floor in `phase`, when the hold-back it opened
    with ran out before anyone spoke (the citizens thought first); None otherwise."""
    if phase.started_at is None or phase.first_speaker is not Role.CITIZEN:
        return None
    opening = next((p for p in prompts if p.kind is PromptKind.HOLD_BACK
                    and p.phase_id == phase.id and p.at == phase.started_at and p.seconds), None)
    if opening is None or opening.seconds is None:
        return None
    first = next((t for t in turns if t.phase_id == phase.id and t.role is not Role.SILENCE
                  and t.started_at >= opening.at), None)
    if first is None or first.role is not Role.CITIZEN:
        return None
    waited = (first.started_at - opening.at).total_seconds()
    return waited if waited >= opening.seconds else None


def _priorities(
    rounds: tuple[priorities.PriorityRoundRow, ...], numbers: dict[uuid.UUID, int], redact: Redactor
) -> BriefPriorities | None:
    """The latest round's leading ideas, titles redacted like every idea title (None: no round)."""
    if not rounds:
        return None
    latest = rounds[-1]
    top = priorities.leading(latest, PRIORITY_PLACES)
    shown = tuple(
        _anonymised(BriefPriority(priorities.rank_of(latest, c), c.title, c.votes,
                                  numbers.get(c.idea_id)), redact)
        for c in top[:PRIORITY_CAP])
    return BriefPriorities(latest.number, len(rounds), latest.total_votes, shown,
                           max(0, len(top) - PRIORITY_CAP))


def brief_data(db: Database, meeting_id: uuid.UUID) -> BriefData:
    """Everything the brief shows for a meeting, with names hidden where there is no consent."""
    with db.session() as s:
        meeting = _meeting(s, meeting_id)
        attendance = meeting.attendance
        people, redact = project_redactor(s, meeting.project_id)
        idea_people = {
            idea_id: person_id
            for idea_id, person_id in s.execute(
                select(Idea.id, Idea.person_id).where(Idea.meeting_id == meeting_id)
            )
        }
        ask_people = {
            ask_id: person_id
            for ask_id, person_id in s.execute(
                select(ResourceAsk.id, ResourceAsk.person_id).where(
                    ResourceAsk.meeting_id == meeting_id
                )
            )
        }

    def person(person_id: uuid.UUID | None) -> Person | None:
        return people.get(person_id) if person_id is not None else None

    stored = settings.get_settings(db)
    # The summary is the one place that computes talk share, phases and hold-backs.
    result = summary.meeting_summary(db, meeting_id)
    turns, prompts = live.list_turns(db, meeting_id), live.list_prompts(db, meeting_id)
    thinking = [thinking_seconds(p, turns, prompts) for p in agenda.list_phases(db, meeting_id)]
    idea_rows = capture.list_ideas(db, meeting_id)
    # Ideas are numbered in the order they were raised, as appendix A lists them.
    numbers = {idea.id: number for number, idea in enumerate(idea_rows, start=1)}
    ideas = tuple(
        BriefIdea(
            title=i.title,
            detail=i.detail,
            carried_by=carried_by(person(idea_people.get(i.id)), i.proposed_by),
            place=i.place_name,
            theme=i.theme,
            needs_check=i.needs_check,
            check_note=i.check_note,
        )
        for i in idea_rows
    )
    asks = [
        BriefAsk(
            what=a.what,
            kind=a.kind,
            amount_dkk=a.amount_dkk,
            department=a.department,
            answer_needed_by=a.answer_needed_by,
            asked_by=carried_by(person(ask_people.get(a.id)), a.asked_by),
            idea_title=a.idea_title,
            needs_decision=a.needs_decision,
            idea_number=numbers.get(a.idea_id) if a.idea_id is not None else None,
        )
        for a in capture.list_asks(db, meeting_id)
    ]
    # Asks needing a political decision first (stable: otherwise in the order asked).
    asks.sort(key=lambda a: not a.needs_decision)
    steps = tuple(
        BriefStep(what=x.what, owner=x.owner_label, side=x.owner_side, due_on=x.due_on, done=x.done)
        for x in capture.list_steps(db, meeting_id)
    )
    phases = tuple(
        BriefPhase(
            title=p.title,
            planned_minutes=p.planned_minutes,
            actual_seconds=p.actual_seconds,
            first_speaker=p.first_speaker,
            thinking_seconds=seconds,
        )
        for p, seconds in zip(result.phases, thinking, strict=True)
    )
    row = result.meeting
    data = BriefData(
        municipality=nfc(stored.municipality),
        official_name=nfc(stored.official_name),
        official_department=nfc(stored.official_department),
        logo_png=stored.logo_png,
        project_name=row.project_name,
        meeting_title=row.title,
        scheduled_at=row.scheduled_at,
        venue=row.venue,
        places=tuple(p.name for p in row.places),
        attendance=attendance,
        ideas=tuple(_anonymised(i, redact) for i in ideas),
        asks=tuple(_anonymised(a, redact) for a in asks),
        steps=tuple(_anonymised(x, redact) for x in steps),
        phases=tuple(_anonymised(p, redact) for p in phases),
        share=result.share,
        hold_backs=result.hold_backs,
        hold_backs_respected=result.hold_backs_respected,
        since_last=_anonymised_since(carry_over.since_last(db, meeting_id), redact),
        priorities=_priorities(result.rounds, numbers, redact),
    )
    # The settings are the municipality's own words, not citizens' data: left as typed
    # (so an official who shares a citizen's name is still named as the sender).
    return replace(
        _anonymised(data, redact),
        municipality=data.municipality,
        official_name=data.official_name,
        official_department=data.official_department,
    )


# ----- writing the PDF ------------------------------------------------------

def _cannot_save(path: Path, exc: OSError) -> BriefError:
    return BriefError(
        _("Orienteringen kan ikke gemmes som {path}: {reason}.").format(
            path=path, reason=describe_os_error(exc)
        )
    )


def write_brief(
    db: Database,
    meeting_id: uuid.UUID,
    path: Path,
    language: str = "da",
    made_on: date | None = None,
) -> Path:
    """Make the brief and write it to `path` atomically (a half-written PDF never appears)."""
    if language not in LANGUAGES:
        raise BriefError(_("Orienteringen kan laves på dansk (da) eller engelsk (en)."))
    path = Path(path)
    data = brief_data(db, meeting_id)
    if path.is_dir():
        raise _cannot_save(path, IsADirectoryError(errno.EISDIR, "is a directory"))
    # The temporary file is made first: an unwritable folder is reported before
    # the (slower) layout, and it sits beside the target so os.replace is atomic.
    try:
        handle, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
    except OSError as exc:
        raise _cannot_save(path, exc) from exc
    temp = Path(temp_name)
    try:
        from facilitator.reports.brief import build_brief  # reportlab loads only when needed

        pdf = build_brief(
            data, language=language, made_on=made_on or db.clock.now().astimezone().date()
        )
        with os.fdopen(handle, "wb") as out:
            out.write(pdf)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _cannot_save(path, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


# ----- recorded as sent -----------------------------------------------------


def _record_row(r: BriefRecord) -> BriefRecordRow:
    return BriefRecordRow(r.id, r.meeting_id, r.sent_on, r.recipients, r.language, r.created_at)


def record_sent(
    db: Database, meeting_id: uuid.UUID, sent_on: date, recipients: str, language: str
) -> BriefRecordRow:
    """Record that the brief was sent (when, to whom), so the follow-up knows what was told."""
    clean = validation.required_text(recipients, "recipients", _("Modtagere"))
    if language not in LANGUAGES:
        raise BriefError(_("Orienteringen kan laves på dansk (da) eller engelsk (en)."))
    with db.session() as s:
        _meeting(s, meeting_id)
        record = BriefRecord(
            meeting_id=meeting_id,
            sent_on=sent_on,
            recipients=clean,
            language=language,
            created_at=db.clock.now(),
        )
        s.add(record)
        s.commit()
        return _record_row(record)


def list_sent(db: Database, meeting_id: uuid.UUID) -> list[BriefRecordRow]:
    """The briefs recorded as sent for a meeting, oldest first."""
    with db.session() as s:
        records = s.scalars(
            select(BriefRecord)
            .where(BriefRecord.meeting_id == meeting_id)
            .order_by(BriefRecord.sent_on, BriefRecord.created_at)
        )
        return [_record_row(r) for r in records]


def public_title(db: Database, meeting_id: uuid.UUID) -> str:
    """The meeting's title as it may leave the app (e.g. in a file name): names hidden."""
    with db.session() as s:
        meeting = _meeting(s, meeting_id)
        _people_by_id, redact = project_redactor(s, meeting.project_id)
        return redact(meeting.title)
