"""The running meeting: turns key presses into stored facts and computes what the screen shows.

Pure Python and clock-driven: the UI calls `tick()` a few times a second to
redraw, and every figure is recomputed from "now" on the meeting's timeline,
so nothing drifts however long the meeting runs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from facilitator.clock import Clock, MeetingTimeline
from facilitator.domain.enums import HoldBackOutcome, PromptKind, Role
from facilitator.domain.hold_back import (
    HoldBack,
    HoldBackPhase,
    official_nudge_due,
    outcome_when_floor_taken,
    share_nudge_due,
)
from facilitator.domain.phase_timing import PhaseTiming
from facilitator.domain.talk_share import Interval, TalkShare, rolling_share, talk_share
from facilitator.i18n import _
from facilitator.services import agenda, backups, live, meetings
from facilitator.services.rows import GapRow, MeetingRow, PhaseRow, PromptRow
from facilitator.storage.database import Database

# How often the running screen stamps "still alive" into the database, which
# bounds how much time a crash can leave unaccounted for.
HEARTBEAT = timedelta(seconds=15)


@dataclass(frozen=True)
class Nudge:
    """A gentle, dismissable message on the live screen."""

    prompt_id: uuid.UUID
    kind: PromptKind
    text: str


@dataclass(frozen=True)
class LiveState:
    """Everything the live screen shows at one moment."""

    now: datetime
    meeting_elapsed: float
    phase: PhaseRow
    phase_index: int
    phase_count: int
    timing: PhaseTiming
    speaker: Role | None
    speaker_seconds: float
    hold_back: HoldBackPhase | None
    hold_back_remaining: float
    meeting_share: TalkShare
    phase_share: TalkShare
    recent_share: TalkShare
    talk_window_minutes: int
    nudges: tuple[Nudge, ...]


class LiveSession:
    """One running meeting on one laptop."""

    def __init__(
        self, db: Database, meeting_id: uuid.UUID, clock: Clock, not_before: datetime | None = None
    ) -> None:
        self._db = db
        self.meeting_id = meeting_id
        self._timeline = MeetingTimeline(clock, not_before)
        self._hold_back: HoldBack | None = None
        self._hold_back_id: uuid.UUID | None = None
        self._nudges: list[Nudge] = []
        self._last_touch = self._timeline.now()
        self._reload()

    # ----- starting ---------------------------------------------------------

    @classmethod
    def start(cls, db: Database, meeting_id: uuid.UUID, clock: Clock) -> LiveSession:
        """Start a planned meeting; the first phase opens with a hold-back."""
        session = cls(db, meeting_id, clock)
        _meeting, hold_back = live.start_meeting(db, meeting_id, session.now())
        session._reload()
        session._wait(hold_back)
        return session

    @classmethod
    def resume(cls, db: Database, meeting_id: uuid.UUID, clock: Clock) -> tuple[LiveSession, GapRow | None]:
        """Carry on an interrupted meeting; returns the gap left behind."""
        # The timeline carries on from the last stored moment, even if the
        # system clock was set back while the app was away.
        session = cls(db, meeting_id, clock, not_before=live.last_activity(db, meeting_id))
        gap = live.resume_meeting(db, meeting_id, session.now())
        session._reload()
        return session, gap

    def _reload(self) -> None:
        self.meeting: MeetingRow = meetings.get_meeting(self._db, self.meeting_id)
        self.phases: list[PhaseRow] = agenda.list_phases(self._db, self.meeting_id)
        self._turns = live.list_turns(self._db, self.meeting_id)
        prompts = live.list_prompts(self._db, self.meeting_id)
        shares = [p.at for p in prompts if p.kind is PromptKind.TALK_SHARE]
        self._last_share_nudge: datetime | None = max(shares) if shares else None
        self._early_nudged = {p.phase_id for p in prompts if p.kind is PromptKind.EARLY_OFFICIAL}

    def now(self) -> datetime:
        """Now, on the meeting's timeline."""
        return self._timeline.now()

    # ----- what the official does -------------------------------------------

    @property
    def phase_index(self) -> int:
        """Index of the current phase."""
        ids = [p.id for p in self.phases]
        return ids.index(self.meeting.current_phase_id) if self.meeting.current_phase_id in ids else 0

    def mark(self, role: Role) -> None:
        """`role` takes the floor now."""
        if self.speaker is role:
            return
        now = self.now()
        phase_id = self.phases[self.phase_index].id
        waiting = self._waiting(now)
        outcome = outcome_when_floor_taken(role) if waiting else None
        nudge = None
        if role is Role.OFFICIAL and official_nudge_due(
            waiting, self._citizen_spoke_in_phase(), phase_id in self._early_nudged
        ):
            nudge = PromptKind.EARLY_OFFICIAL
        resolved = (self._hold_back_id, outcome) if outcome and self._hold_back_id else None
        _turn, event = live.mark_speaker(self._db, self.meeting_id, role, now, resolved, nudge)
        if outcome is not None:
            self._end_hold_back()
        if role is not Role.SILENCE:
            # Someone has the floor: the suggestion to open it has done its job.
            self._nudges = [n for n in self._nudges if n.kind is not PromptKind.SILENCE_SUGGESTION]
        if event is not None:
            self._early_nudged.add(phase_id)
            self._show(event.id, event.kind)
        self._turns = live.list_turns(self._db, self.meeting_id)
        self._reload_phases()

    def asked_question(self) -> None:
        """The official asked the room a question: hold back and let the citizens answer."""
        official_stops = self.speaker is Role.OFFICIAL
        # A hold-back still waiting is replaced; how it would have ended is unknown.
        self._end_hold_back()
        self._wait(live.start_hold_back(self._db, self.meeting_id, self.now(), official_stops))
        if official_stops:
            self._turns = live.list_turns(self._db, self.meeting_id)

    def next_phase(self) -> None:
        """Go to the next agenda item."""
        self._go_to(self.phase_index + 1)

    def previous_phase(self) -> None:
        """Go back to the previous agenda item."""
        self._go_to(self.phase_index - 1)

    def dismiss(self, prompt_id: uuid.UUID | None = None) -> None:
        """Dismiss a nudge (the newest when none is named)."""
        if not self._nudges:
            return
        nudge = next((n for n in self._nudges if n.prompt_id == prompt_id), self._nudges[-1])
        self._nudges.remove(nudge)
        live.dismiss_prompt(self._db, nudge.prompt_id, self.now())

    def close(self) -> MeetingRow:
        """Close the meeting (a hold-back still waiting stays without an outcome)."""
        self._end_hold_back()
        self.meeting = live.close_meeting(self._db, self.meeting_id, self.now())
        try:
            backup_after_close(self._db)
        except Exception:  # the meeting is closed and stored; a backup problem must not undo that
            pass
        return self.meeting

    # ----- what the screen shows --------------------------------------------

    @property
    def speaker(self) -> Role | None:
        """Who holds the floor now."""
        last = self._turns[-1] if self._turns else None
        return last.role if last is not None and last.ended_at is None else None

    def tick(self) -> LiveState:
        """Advance timers (hold-back expiry, nudges, heartbeat) and return what to show."""
        now = self.now()
        self._check_hold_back(now)
        intervals = [Interval(t.role, t.started_at, t.ended_at) for t in self._turns]
        recent = rolling_share(intervals, now, self.meeting.talk_window_minutes)
        if share_nudge_due(
            recent.share(Role.OFFICIAL),
            recent.talk_seconds,
            self.meeting.talk_share_threshold_pct,
            now,
            self._last_share_nudge,
        ):
            self._last_share_nudge = now
            percent = round(recent.share(Role.OFFICIAL) * 100)
            event = live.log_prompt(self._db, self.meeting_id, PromptKind.TALK_SHARE, now, float(percent))
            self._show(event.id, PromptKind.TALK_SHARE, percent)
        if now - self._last_touch >= HEARTBEAT:
            live.touch(self._db, self.meeting_id, now)
            self._last_touch = now
        return self._state(now, intervals, recent)

    def _state(self, now: datetime, intervals: list[Interval], recent: TalkShare) -> LiveState:
        index = self.phase_index
        phase = self.phases[index]
        entered = self.meeting.phase_entered_at or now
        elapsed = phase.actual_seconds + max(0.0, (now - entered).total_seconds())
        current_turn = self._turns[-1] if self._turns and self._turns[-1].ended_at is None else None
        phase_intervals = [
            Interval(t.role, t.started_at, t.ended_at) for t in self._turns if t.phase_id == phase.id
        ]
        started = self.meeting.started_at or now
        hold_back = self._hold_back
        return LiveState(
            now=now,
            meeting_elapsed=(now - started).total_seconds(),
            phase=phase,
            phase_index=index,
            phase_count=len(self.phases),
            timing=PhaseTiming(phase.planned_minutes * 60.0, elapsed),
            speaker=current_turn.role if current_turn else None,
            speaker_seconds=(now - current_turn.started_at).total_seconds() if current_turn else 0.0,
            hold_back=hold_back.phase(now) if hold_back else None,
            hold_back_remaining=hold_back.remaining(now) if hold_back else 0.0,
            meeting_share=talk_share(intervals, started, now),
            phase_share=talk_share(phase_intervals, started, now),
            recent_share=recent,
            talk_window_minutes=self.meeting.talk_window_minutes,
            nudges=tuple(self._nudges),
        )

    # ----- internals ----------------------------------------------------------

    def _go_to(self, index: int) -> None:
        if not 0 <= index < len(self.phases) or index == self.phase_index:
            return
        # A hold-back cut short by a phase change has no outcome.
        self._end_hold_back()
        self.meeting, hold_back = live.go_to_phase(self._db, self.meeting_id, index, self.now())
        self._turns = live.list_turns(self._db, self.meeting_id)
        self._reload_phases()
        self._wait(hold_back)

    def _reload_phases(self) -> None:
        self.phases = agenda.list_phases(self._db, self.meeting_id)

    def _wait(self, hold_back: PromptRow | None) -> None:
        if hold_back is not None and hold_back.seconds:
            self._hold_back = HoldBack(hold_back.at, hold_back.seconds)
            self._hold_back_id = hold_back.id

    def _waiting(self, now: datetime) -> bool:
        return self._hold_back is not None and self._hold_back.phase(now) is HoldBackPhase.WAITING

    def _end_hold_back(self) -> None:
        self._hold_back = None
        self._hold_back_id = None

    def _check_hold_back(self, now: datetime) -> None:
        if self._hold_back is None or self._hold_back_id is None or self._waiting(now):
            return
        # The official waited the whole hold-back: respected. If nobody has
        # taken the floor, the silence now calls for an open question or for
        # handing the word to a citizen.
        suggest = self.speaker in (None, Role.SILENCE)
        event = live.resolve_hold_back(
            self._db, self._hold_back_id, HoldBackOutcome.RESPECTED, now, suggest
        )
        self._end_hold_back()
        if event is not None:
            self._show(event.id, event.kind)

    def _citizen_spoke_in_phase(self) -> bool:
        phase_id = self.phases[self.phase_index].id
        return any(t.role is Role.CITIZEN and t.phase_id == phase_id for t in self._turns)

    def _show(self, prompt_id: uuid.UUID, kind: PromptKind, percent: int | None = None) -> None:
        self._nudges = [n for n in self._nudges if n.kind is not kind]
        self._nudges.append(Nudge(prompt_id, kind, nudge_text(kind, percent, self.meeting.talk_window_minutes)))


def backup_after_close(db: Database) -> None:
    """The hook run once a meeting is closed: a backup of everything it gave (never raises)."""
    backups.automatic_backup(db, backups.REASON_MEETING_CLOSED)


def nudge_text(kind: PromptKind, percent: int | None, window_minutes: int) -> str:
    """The calm words of a nudge."""
    if kind is PromptKind.EARLY_OFFICIAL:
        return _("Hold igen et øjeblik – lad borgerne tage ordet først i dette punkt.")
    if kind is PromptKind.TALK_SHARE:
        return _(
            "Embedspersonerne har haft {percent} % af taletiden de sidste {minutes} minutter. "
            "Overvej at give ordet til borgerne."
        ).format(percent=percent, minutes=window_minutes)
    if kind is PromptKind.SILENCE_SUGGESTION:
        return _(
            "Stilheden varer ved. Stil et åbent spørgsmål – fx »Hvad er vigtigst for jer?« – "
            "eller giv ordet til en borger."
        )
    return ""
