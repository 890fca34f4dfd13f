"""The live meeting's actions: start, speaker turns, phase changes, prompts, resume, close.

Times come from the caller (the live session's timeline), never from the
system clock here, so a meeting's durations are immune to clock changes.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.enums import HoldBackOutcome, MeetingStatus, PromptKind, Role
from facilitator.i18n import _
from facilitator.services.meetings import meeting_row
from facilitator.services.rows import GapRow, MeetingRow, PromptRow, TurnRow
from facilitator.storage.database import Database
from facilitator.storage.models import (
    Idea,
    Meeting,
    MeetingGap,
    NextStep,
    Phase,
    PromptEvent,
    ResourceAsk,
    SpeakerTurn,
)


def _turn_row(t: SpeakerTurn) -> TurnRow:
    return TurnRow(t.id, t.phase_id, t.role, t.started_at, t.ended_at)


def _prompt_row(p: PromptEvent) -> PromptRow:
    return PromptRow(p.id, p.phase_id, p.kind, p.at, p.seconds, p.outcome, p.dismissed_at)


def _phases(s: Session, meeting_id: uuid.UUID) -> list[Phase]:
    return list(s.scalars(select(Phase).where(Phase.meeting_id == meeting_id).order_by(Phase.position)))


def _open_turn(s: Session, meeting_id: uuid.UUID) -> SpeakerTurn | None:
    return s.scalars(
        select(SpeakerTurn).where(SpeakerTurn.meeting_id == meeting_id, SpeakerTurn.ended_at.is_(None))
    ).first()


def _leave_phase(s: Session, meeting: Meeting, at: datetime) -> None:
    """Book the time of the current phase visit."""
    if meeting.current_phase_id is None or meeting.phase_entered_at is None:
        return
    phase = s.get_one(Phase, meeting.current_phase_id)
    phase.actual_seconds += max(0.0, (at - meeting.phase_entered_at).total_seconds())
    phase.ended_at = at


def _enter_phase(meeting: Meeting, phase: Phase, at: datetime) -> None:
    meeting.current_phase_id = phase.id
    meeting.phase_entered_at = at
    if phase.started_at is None:
        phase.started_at = at


def start_meeting(db: Database, meeting_id: uuid.UUID, at: datetime) -> MeetingRow:
    """Start a planned meeting in its first phase."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        phases = _phases(s, meeting_id)
        if not phases:
            raise validation.ValidationError(
                _("Dagsordenen er tom. Tilføj mindst ét punkt, før mødet starter."), "agenda"
            )
        if meeting.status is not MeetingStatus.PLANNED:
            raise validation.ValidationError(_("Mødet er allerede startet."), "status")
        meeting.status = MeetingStatus.RUNNING
        meeting.started_at = at
        meeting.last_seen_at = at
        _enter_phase(meeting, phases[0], at)
        s.commit()
        return meeting_row(s, meeting)


def record_turn(db: Database, meeting_id: uuid.UUID, role: Role, at: datetime) -> TurnRow:
    """`role` takes the floor at `at`: the running turn ends and a new one starts."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        previous = _open_turn(s, meeting_id)
        if previous is not None:
            previous.ended_at = max(at, previous.started_at)
        turn = SpeakerTurn(
            meeting_id=meeting_id, phase_id=meeting.current_phase_id, role=role, started_at=at
        )
        s.add(turn)
        if meeting.current_phase_id is not None and role is not Role.SILENCE:
            phase = s.get_one(Phase, meeting.current_phase_id)
            if phase.first_speaker is None:
                phase.first_speaker = role
        s.commit()
        return _turn_row(turn)


def go_to_phase(db: Database, meeting_id: uuid.UUID, index: int, at: datetime) -> MeetingRow:
    """Move to the phase at `index`; the floor opens (silence) until someone is marked."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        phases = _phases(s, meeting_id)
        if not 0 <= index < len(phases) or phases[index].id == meeting.current_phase_id:
            return meeting_row(s, meeting)
        _leave_phase(s, meeting, at)
        _enter_phase(meeting, phases[index], at)
        turn = _open_turn(s, meeting_id)
        if turn is not None:
            # A new phase opens the floor: the running turn ends and silence
            # begins, so the first speaker of the phase is whoever takes the
            # floor now, not the tail of the previous item.
            turn.ended_at = max(at, turn.started_at)
            s.add(SpeakerTurn(meeting_id=meeting_id, phase_id=phases[index].id, role=Role.SILENCE, started_at=at))
        s.commit()
        return meeting_row(s, meeting)


def log_prompt(
    db: Database, meeting_id: uuid.UUID, kind: PromptKind, at: datetime, seconds: float | None = None
) -> PromptRow:
    """Log a hold-back, nudge or suggestion in the current phase."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        event = PromptEvent(
            meeting_id=meeting_id, phase_id=meeting.current_phase_id, kind=kind, at=at, seconds=seconds
        )
        s.add(event)
        s.commit()
        return _prompt_row(event)


def set_outcome(db: Database, prompt_id: uuid.UUID, outcome: HoldBackOutcome) -> None:
    """Record how a hold-back ended (respected or broken by the official)."""
    with db.session() as s:
        s.get_one(PromptEvent, prompt_id).outcome = outcome
        s.commit()


def dismiss_prompt(db: Database, prompt_id: uuid.UUID, at: datetime) -> None:
    """The official dismissed a nudge."""
    with db.session() as s:
        s.get_one(PromptEvent, prompt_id).dismissed_at = at
        s.commit()


def touch(db: Database, meeting_id: uuid.UUID, at: datetime) -> None:
    """The live screen is still running at `at` (bounds the gap a crash leaves)."""
    with db.session() as s:
        s.get_one(Meeting, meeting_id).last_seen_at = at
        s.commit()


def _last_activity(s: Session, meeting: Meeting) -> datetime:
    """The last moment the meeting is known to have been running."""
    candidates = [meeting.last_seen_at, meeting.phase_entered_at, meeting.started_at, meeting.ended_at]
    for model, column in (
        (SpeakerTurn, SpeakerTurn.started_at),
        (PromptEvent, PromptEvent.at),
        (Idea, Idea.created_at),
        (ResourceAsk, ResourceAsk.created_at),
        (NextStep, NextStep.created_at),
    ):
        candidates.append(s.scalar(select(func.max(column)).where(model.meeting_id == meeting.id)))
    return max(c for c in candidates if c is not None)


def resume_meeting(db: Database, meeting_id: uuid.UUID, now: datetime) -> GapRow | None:
    """Carry on a meeting that was interrupted (crash, kill, closed window) or reopen a closed one.

    The running turn ends where the app was last seen; the time the app was
    away becomes a visible gap instead of being added to a speaker or a phase.
    """
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        last = _last_activity(s, meeting)
        turn = _open_turn(s, meeting_id)
        if turn is not None:
            turn.ended_at = max(last, turn.started_at)
        if meeting.status is MeetingStatus.RUNNING:
            _leave_phase(s, meeting, last)
        gap: GapRow | None = None
        if now > last:
            s.add(MeetingGap(meeting_id=meeting_id, started_at=last, ended_at=now))
            gap = GapRow(last, now)
        meeting.status = MeetingStatus.RUNNING
        meeting.ended_at = None
        if meeting.current_phase_id is None:
            phases = _phases(s, meeting_id)
            if phases:
                _enter_phase(meeting, phases[-1], now)
        meeting.phase_entered_at = now
        meeting.last_seen_at = now
        s.commit()
        return gap


def close_meeting(db: Database, meeting_id: uuid.UUID, at: datetime) -> MeetingRow:
    """End the meeting: the running turn and phase visit end at `at`."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        turn = _open_turn(s, meeting_id)
        if turn is not None:
            turn.ended_at = max(at, turn.started_at)
        _leave_phase(s, meeting, at)
        meeting.status = MeetingStatus.CLOSED
        meeting.ended_at = at
        meeting.last_seen_at = at
        meeting.phase_entered_at = None
        s.commit()
        return meeting_row(s, meeting)


def list_turns(db: Database, meeting_id: uuid.UUID) -> list[TurnRow]:
    """All turns of a meeting in time order."""
    with db.session() as s:
        turns = s.scalars(
            select(SpeakerTurn).where(SpeakerTurn.meeting_id == meeting_id).order_by(SpeakerTurn.started_at)
        )
        return [_turn_row(t) for t in turns]


def list_prompts(db: Database, meeting_id: uuid.UUID) -> list[PromptRow]:
    """All hold-backs, nudges and suggestions of a meeting in time order."""
    with db.session() as s:
        events = s.scalars(
            select(PromptEvent).where(PromptEvent.meeting_id == meeting_id).order_by(PromptEvent.at)
        )
        return [_prompt_row(p) for p in events]


def list_gaps(db: Database, meeting_id: uuid.UUID) -> list[GapRow]:
    """Interruptions of a meeting in time order."""
    with db.session() as s:
        gaps = s.scalars(
            select(MeetingGap).where(MeetingGap.meeting_id == meeting_id).order_by(MeetingGap.started_at)
        )
        return [GapRow(g.started_at, g.ended_at) for g in gaps]
