"""The live meeting's actions: start, speaker turns, phase changes, prompts, resume, close.

Times come from the caller (the live session's timeline), never from the
system clock here, so a meeting's durations are immune to clock changes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.enums import HoldBackOutcome, MeetingStatus, PromptKind, Role
from facilitator.i18n import _
from facilitator.services.agenda import phase_row, phases_of
from facilitator.services.meetings import meeting_row
from facilitator.services.rows import GapRow, MeetingRow, PhaseRow, PromptRow, TurnRow
from facilitator.storage.database import Database
from facilitator.storage.models import Meeting, MeetingGap, Phase, PromptEvent, SpeakerTurn


def _turn_row(t: SpeakerTurn) -> TurnRow:
    return TurnRow(t.id, t.phase_id, t.role, t.started_at, t.ended_at)


def _prompt_row(p: PromptEvent) -> PromptRow:
    return PromptRow(p.id, p.phase_id, p.kind, p.at, p.seconds, p.outcome, p.dismissed_at)


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


def _log(s: Session, meeting: Meeting, kind: PromptKind, at: datetime, seconds: float | None = None) -> PromptEvent:
    event = PromptEvent(meeting_id=meeting.id, phase_id=meeting.current_phase_id, kind=kind, at=at, seconds=seconds)
    s.add(event)
    return event


def _begin_hold_back(s: Session, meeting: Meeting, at: datetime) -> PromptEvent | None:
    """Log a hold-back for the current phase, unless the phase has it switched off (0 s)."""
    if meeting.current_phase_id is None:
        return None
    seconds = s.get_one(Phase, meeting.current_phase_id).hold_back_seconds
    return _log(s, meeting, PromptKind.HOLD_BACK, at, float(seconds)) if seconds > 0 else None


@dataclass(frozen=True)
class TurnChange:
    """What one switch of the floor changed: the turn that ended (if any) and the one that began."""

    ended: TurnRow | None
    started: TurnRow


@dataclass(frozen=True)
class SpeakerChange:
    """What marking a speaker changed, so the live screen need not re-read every turn."""

    turns: TurnChange
    nudge: PromptRow | None
    phase: PhaseRow  # the current agenda item after the change (its first speaker may be set)


def _switch_turn(s: Session, meeting: Meeting, role: Role, at: datetime) -> tuple[SpeakerTurn | None, SpeakerTurn]:
    """End the running turn at `at` and start `role`'s; the first real speaker opens the phase."""
    previous = _open_turn(s, meeting.id)
    if previous is not None:
        previous.ended_at = max(at, previous.started_at)
    turn = SpeakerTurn(meeting_id=meeting.id, phase_id=meeting.current_phase_id, role=role, started_at=at)
    s.add(turn)
    if meeting.current_phase_id is not None and role is not Role.SILENCE:
        phase = s.get_one(Phase, meeting.current_phase_id)
        if phase.first_speaker is None:
            phase.first_speaker = role
    return previous, turn


def _change(switched: tuple[SpeakerTurn | None, SpeakerTurn]) -> TurnChange:
    """The rows of a switch, read after the commit (the new turn's id is set by then)."""
    previous, turn = switched
    return TurnChange(None if previous is None else _turn_row(previous), _turn_row(turn))


def start_meeting(db: Database, meeting_id: uuid.UUID, at: datetime) -> tuple[MeetingRow, PromptRow | None]:
    """Start a planned meeting in its first phase, which opens with a hold-back."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        phases = phases_of(s, meeting_id)
        if not phases:
            raise validation.ValidationError(
                _("Dagsordenen er tom. Tilføj mindst ét punkt, før mødet starter."), "agenda"
            )
        if meeting.status is not MeetingStatus.PLANNED:
            raise validation.ValidationError(_("Mødet er allerede startet."), "status")
        other = s.scalars(
            select(Meeting).where(Meeting.status == MeetingStatus.RUNNING, Meeting.id != meeting_id)
        ).first()
        if other is not None:
            raise validation.ValidationError(
                _("Mødet »{title}« er stadig i gang. Fortsæt eller afslut det først.").format(
                    title=other.title
                ),
                "status",
            )
        meeting.status = MeetingStatus.RUNNING
        meeting.started_at = at
        meeting.last_seen_at = at
        _enter_phase(meeting, phases[0], at)
        hold_back = _begin_hold_back(s, meeting, at)
        s.commit()
        return meeting_row(s, meeting), None if hold_back is None else _prompt_row(hold_back)


def mark_speaker(
    db: Database,
    meeting_id: uuid.UUID,
    role: Role,
    at: datetime,
    hold_back: tuple[uuid.UUID, HoldBackOutcome] | None = None,
    nudge: PromptKind | None = None,
) -> SpeakerChange:
    """`role` takes the floor: in one commit the turn changes, a waiting hold-back may end, a nudge may be logged."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        switched = _switch_turn(s, meeting, role, at)
        if hold_back is not None:
            s.get_one(PromptEvent, hold_back[0]).outcome = hold_back[1]
        event = _log(s, meeting, nudge, at) if nudge is not None else None
        s.commit()
        phase = s.get_one(Phase, meeting.current_phase_id)
        return SpeakerChange(
            _change(switched), None if event is None else _prompt_row(event), phase_row(phase)
        )


def start_hold_back(
    db: Database, meeting_id: uuid.UUID, at: datetime, official_stops: bool
) -> tuple[PromptRow | None, TurnChange | None]:
    """The official asked the room a question: a hold-back starts (and the official's turn ends)."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        switched = _switch_turn(s, meeting, Role.SILENCE, at) if official_stops else None
        event = _begin_hold_back(s, meeting, at)
        s.commit()
        return (
            None if event is None else _prompt_row(event),
            None if switched is None else _change(switched),
        )


def resolve_hold_back(
    db: Database, prompt_id: uuid.UUID, outcome: HoldBackOutcome, at: datetime, suggest: bool
) -> PromptRow | None:
    """A hold-back ran out: record its outcome, and log the suggestion if the silence outlasted it."""
    with db.session() as s:
        event = s.get_one(PromptEvent, prompt_id)
        event.outcome = outcome
        suggestion = None
        if suggest:
            meeting = s.get_one(Meeting, event.meeting_id)
            suggestion = _log(s, meeting, PromptKind.SILENCE_SUGGESTION, at)
        s.commit()
        return None if suggestion is None else _prompt_row(suggestion)


def go_to_phase(
    db: Database, meeting_id: uuid.UUID, index: int, at: datetime
) -> tuple[MeetingRow, PromptRow | None, TurnChange | None]:
    """Move to the phase at `index`: the floor opens (silence) and the phase's hold-back starts."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        phases = phases_of(s, meeting_id)
        if not 0 <= index < len(phases) or phases[index].id == meeting.current_phase_id:
            return meeting_row(s, meeting), None, None
        _leave_phase(s, meeting, at)
        _enter_phase(meeting, phases[index], at)
        switched = None
        if _open_turn(s, meeting_id) is not None:
            # A new phase opens the floor: the running turn ends and silence
            # begins, so the first speaker of the phase is whoever takes the
            # floor now, not the tail of the previous item.
            switched = _switch_turn(s, meeting, Role.SILENCE, at)
        hold_back = _begin_hold_back(s, meeting, at)
        s.commit()
        return (
            meeting_row(s, meeting),
            None if hold_back is None else _prompt_row(hold_back),
            None if switched is None else _change(switched),
        )


def log_prompt(
    db: Database, meeting_id: uuid.UUID, kind: PromptKind, at: datetime, seconds: float | None = None
) -> PromptRow:
    """Log a nudge in the current phase."""
    with db.session() as s:
        event = _log(s, s.get_one(Meeting, meeting_id), kind, at, seconds)
        s.commit()
        return _prompt_row(event)


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


def last_activity(db: Database, meeting_id: uuid.UUID) -> datetime | None:
    """The last moment on the meeting's own timeline that is stored.

    Only timeline stamps count (heartbeat, turns, prompts): captured entries
    carry wall-clock times, which a clock change or a sleeping laptop can put
    far from the meeting's timeline.
    """
    with db.session() as s:
        return _last_activity(s, s.get_one(Meeting, meeting_id))


def _last_activity(s: Session, meeting: Meeting) -> datetime | None:
    candidates = [meeting.last_seen_at, meeting.phase_entered_at, meeting.started_at, meeting.ended_at]
    for column in (SpeakerTurn.started_at, SpeakerTurn.ended_at):
        candidates.append(s.scalar(select(func.max(column)).where(SpeakerTurn.meeting_id == meeting.id)))
    for column in (PromptEvent.at, PromptEvent.dismissed_at):
        candidates.append(s.scalar(select(func.max(column)).where(PromptEvent.meeting_id == meeting.id)))
    present = [c for c in candidates if c is not None]
    return max(present) if present else None


def resume_meeting(db: Database, meeting_id: uuid.UUID, now: datetime) -> GapRow | None:
    """Carry on a meeting that was interrupted (crash, kill, closed window, flat battery).

    The running turn ends where the app was last seen; the time the app was
    away becomes a visible gap instead of being added to a speaker or a phase.
    A hold-back that was waiting stays without an outcome: nobody knows how it ended.
    """
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        if meeting.status is not MeetingStatus.RUNNING:
            raise validation.ValidationError(_("Mødet er ikke i gang."), "status")
        last = _last_activity(s, meeting) or now
        turn = _open_turn(s, meeting_id)
        if turn is not None:
            turn.ended_at = max(last, turn.started_at)
        _leave_phase(s, meeting, last)
        gap: GapRow | None = None
        if now > last:
            s.add(MeetingGap(meeting_id=meeting_id, started_at=last, ended_at=now))
            gap = GapRow(last, now)
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
