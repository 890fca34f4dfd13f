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
    share_nudge_due,
)
from facilitator.domain.phase_timing import PhaseTiming
from facilitator.domain.talk_share import Interval, TalkShare, rolling_share, talk_share
from facilitator.i18n import _
from facilitator.services import agenda, live, meetings
from facilitator.services.rows import GapRow, MeetingRow, PhaseRow
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

    def __init__(self, db: Database, meeting_id: uuid.UUID, clock: Clock) -> None:
        self._db = db
        self.meeting_id = meeting_id
        self._timeline = MeetingTimeline(clock)
        self._hold_back: HoldBack | None = None
        self._hold_back_id: uuid.UUID | None = None
        self._nudges: list[Nudge] = []
        self._last_share_nudge: datetime | None = None
        self._last_touch = self._timeline.now()
        self._reload()

    # ----- starting ---------------------------------------------------------

    @classmethod
    def start(cls, db: Database, meeting_id: uuid.UUID, clock: Clock) -> LiveSession:
        """Start a planned meeting; the first phase opens with a hold-back."""
        session = cls(db, meeting_id, clock)
        live.start_meeting(db, meeting_id, session.now())
        session._reload()
        session._begin_hold_back()
        return session

    @classmethod
    def resume(cls, db: Database, meeting_id: uuid.UUID, clock: Clock) -> tuple[LiveSession, GapRow | None]:
        """Carry on an interrupted (or reopened) meeting; returns the gap left behind."""
        session = cls(db, meeting_id, clock)
        gap = live.resume_meeting(db, meeting_id, session.now())
        session._reload()
        return session, gap

    def _reload(self) -> None:
        self.meeting: MeetingRow = meetings.get_meeting(self._db, self.meeting_id)
        self.phases: list[PhaseRow] = agenda.list_phases(self._db, self.meeting_id)
        self._turns = live.list_turns(self._db, self.meeting_id)
        prompts = live.list_prompts(self._db, self.meeting_id)
        shares = [p.at for p in prompts if p.kind is PromptKind.TALK_SHARE]
        self._last_share_nudge = max(shares) if shares else None

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
        now = self.now()
        if self.speaker is role:
            return
        waiting = self._hold_back is not None and self._hold_back.phase(now) is HoldBackPhase.WAITING
        if role is Role.OFFICIAL and official_nudge_due(waiting, self._citizen_spoke_in_phase()):
            if waiting and self._hold_back_id is not None:
                live.set_outcome(self._db, self._hold_back_id, HoldBackOutcome.BROKEN)
                self._end_hold_back()
            self._nudge(PromptKind.EARLY_OFFICIAL, now)
        if role is Role.CITIZEN:
            if waiting and self._hold_back is not None and self._hold_back_id is not None:
                live.set_outcome(self._db, self._hold_back_id, HoldBackOutcome.RESPECTED)
                self._end_hold_back()
            # A citizen has the floor: the suggestion to invite one has done its job.
            self._nudges = [n for n in self._nudges if n.kind is not PromptKind.SILENCE_SUGGESTION]
        live.record_turn(self._db, self.meeting_id, role, now)
        self._turns = live.list_turns(self._db, self.meeting_id)
        self._reload_phases()

    def asked_question(self) -> None:
        """The official asked the room a question: hold back and let the citizens answer."""
        self._begin_hold_back()

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
        """Close the meeting."""
        if self._hold_back_id is not None and self._hold_back is not None:
            live.set_outcome(self._db, self._hold_back_id, HoldBackOutcome.RESPECTED)
            self._end_hold_back()
        self.meeting = live.close_meeting(self._db, self.meeting_id, self.now())
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
            self._nudge(PromptKind.TALK_SHARE, now, round(recent.share(Role.OFFICIAL) * 100))
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
        if self._hold_back_id is not None:
            live.set_outcome(self._db, self._hold_back_id, HoldBackOutcome.RESPECTED)
            self._end_hold_back()
        self.meeting = live.go_to_phase(self._db, self.meeting_id, index, self.now())
        self._turns = live.list_turns(self._db, self.meeting_id)
        self._reload_phases()
        self._begin_hold_back()

    def _reload_phases(self) -> None:
        self.phases = agenda.list_phases(self._db, self.meeting_id)

    def _begin_hold_back(self) -> None:
        seconds = self.phases[self.phase_index].hold_back_seconds
        if seconds <= 0:
            return
        if self._hold_back_id is not None:
            live.set_outcome(self._db, self._hold_back_id, HoldBackOutcome.RESPECTED)
        now = self.now()
        event = live.log_prompt(self._db, self.meeting_id, PromptKind.HOLD_BACK, now, float(seconds))
        self._hold_back = HoldBack(now, float(seconds))
        self._hold_back_id = event.id

    def _end_hold_back(self) -> None:
        self._hold_back = None
        self._hold_back_id = None

    def _check_hold_back(self, now: datetime) -> None:
        if self._hold_back is None or self._hold_back.phase(now) is not HoldBackPhase.OUTLASTED:
            return
        # The official waited the whole hold-back: respected, and the silence
        # now calls for an open question or handing the word to a citizen.
        if self._hold_back_id is not None:
            live.set_outcome(self._db, self._hold_back_id, HoldBackOutcome.RESPECTED)
        self._end_hold_back()
        if self.speaker is not Role.CITIZEN:
            self._nudge(PromptKind.SILENCE_SUGGESTION, now)

    def _citizen_spoke_in_phase(self) -> bool:
        phase_id = self.phases[self.phase_index].id
        return any(t.role is Role.CITIZEN and t.phase_id == phase_id for t in self._turns)

    def _nudge(self, kind: PromptKind, now: datetime, percent: int | None = None) -> None:
        event = live.log_prompt(self._db, self.meeting_id, kind, now, None if percent is None else float(percent))
        self._nudges = [n for n in self._nudges if n.kind is not kind]
        self._nudges.append(Nudge(event.id, kind, nudge_text(kind, percent, self.meeting.talk_window_minutes)))


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
