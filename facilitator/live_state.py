"""What the live screen shows, as one value computed from stored facts and "now".

`live_state(facts, now)` is a pure function: it writes nothing and reads no
clock, so the live screen, a future room view and the tests all draw from the
same value, and a 4-hour meeting is computed in the same time as a short one
(the turn ledger keeps finished turns summed per phase).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from facilitator.domain.enums import PromptKind, Role
from facilitator.domain.hold_back import HoldBack, HoldBackPhase
from facilitator.domain.phase_timing import PhaseTiming
from facilitator.domain.profile import hold_back_words
from facilitator.domain.talk_share import Interval, TalkShare, talk_share
from facilitator.i18n import _
from facilitator.services.rows import MeetingRow, PhaseRow, TurnRow

# How long the screen says "Borgerne har ordet" after a citizen ended a
# hold-back: long enough to be seen at a glance, short enough not to linger.
FLOOR_TAKEN_SECONDS = 4.0


class Cue(StrEnum):
    """What the big place on the live screen says right now."""

    IDLE = "idle"  # nothing to wait for: ask the room, press S
    WAITING = "waiting"  # a hold-back runs: wait
    FLOOR_TAKEN = "floor_taken"  # someone other than the official ended the wait: well done
    NUDGE = "nudge"  # a gentle message to read


@dataclass(frozen=True)
class Nudge:
    """A gentle, dismissable message: a short headline and one plain sentence."""

    prompt_id: uuid.UUID
    kind: PromptKind
    headline: str
    text: str


@dataclass(frozen=True)
class FloorTaken:
    """A hold-back that ended because `role` took the floor at `at`."""

    role: Role
    at: datetime


def _add(seconds: Mapping[Role, float], role: Role, more: float) -> dict[Role, float]:
    total = dict(seconds)
    total[role] = total.get(role, 0.0) + more
    return total


@dataclass(frozen=True)
class TurnLedger:
    """The meeting's turns in time order, with finished turns' seconds summed per phase.

    Adding a turn costs O(1) work beyond the tuple copy; shares for the meeting
    and the phase need no walk over old turns, and the rolling window walks back
    only over the turns it covers.
    """

    turns: tuple[TurnRow, ...] = ()
    finished: Mapping[uuid.UUID | None, Mapping[Role, float]] = field(default_factory=dict)

    @classmethod
    def of(cls, turns: list[TurnRow]) -> TurnLedger:
        """A ledger of stored turns (in one pass: a resume of a long meeting stays fast)."""
        finished: dict[uuid.UUID | None, dict[Role, float]] = {}
        for turn in turns:
            if turn.ended_at is not None:
                seconds = max(0.0, (turn.ended_at - turn.started_at).total_seconds())
                per_role = finished.setdefault(turn.phase_id, {})
                per_role[turn.role] = per_role.get(turn.role, 0.0) + seconds
        return cls(tuple(turns), finished)

    def with_turn(self, turn: TurnRow) -> TurnLedger:
        """This ledger with `turn` added, or updated if it is the running turn that just ended."""
        turns = self.turns
        if turns and turns[-1].id == turn.id:
            turns = turns[:-1]
        finished = dict(self.finished)
        if turn.ended_at is not None:
            seconds = max(0.0, (turn.ended_at - turn.started_at).total_seconds())
            finished[turn.phase_id] = _add(finished.get(turn.phase_id, {}), turn.role, seconds)
        return TurnLedger((*turns, turn), finished)

    @property
    def running(self) -> TurnRow | None:
        """The turn that holds the floor now, if any."""
        last = self.turns[-1] if self.turns else None
        return last if last is not None and last.ended_at is None else None

    def _with_running(self, seconds: Mapping[Role, float], now: datetime, phase_id: object) -> TalkShare:
        running = self.running
        if running is not None and (phase_id is None or running.phase_id == phase_id):
            seconds = _add(seconds, running.role, max(0.0, (now - running.started_at).total_seconds()))
        return TalkShare(dict(seconds))

    def meeting_share(self, now: datetime) -> TalkShare:
        """The whole meeting's talk share up to `now`."""
        total: dict[Role, float] = {}
        for per_role in self.finished.values():
            for role, seconds in per_role.items():
                total[role] = total.get(role, 0.0) + seconds
        return self._with_running(total, now, None)

    def phase_share(self, phase_id: uuid.UUID, now: datetime) -> TalkShare:
        """One phase's talk share up to `now` (all its visits)."""
        return self._with_running(self.finished.get(phase_id, {}), now, phase_id)

    def recent_share(self, now: datetime, window: timedelta) -> TalkShare:
        """The talk share of the last `window` up to `now`."""
        start = now - window
        recent: list[Interval] = []
        for turn in reversed(self.turns):
            if turn.ended_at is not None and turn.ended_at <= start:
                break  # turns are in time order: everything before is older still
            recent.append(Interval(turn.role, turn.started_at, turn.ended_at))
        return talk_share(recent, start, now)

    def citizen_spoke_in(self, phase_id: uuid.UUID) -> bool:
        """Whether a citizen has had the floor in the phase."""
        running = self.running
        if running is not None and running.role is Role.CITIZEN and running.phase_id == phase_id:
            return True
        return Role.CITIZEN in self.finished.get(phase_id, {})


@dataclass(frozen=True)
class LiveFacts:
    """What is stored about the running meeting, as the live screen needs it."""

    meeting: MeetingRow
    phases: tuple[PhaseRow, ...]
    ledger: TurnLedger
    hold_back: HoldBack | None = None
    floor_taken: FloorTaken | None = None
    nudges: tuple[Nudge, ...] = ()

    @property
    def phase_index(self) -> int:
        """Index of the current phase."""
        for index, phase in enumerate(self.phases):
            if phase.id == self.meeting.current_phase_id:
                return index
        return 0

    def with_phase(self, phase: PhaseRow) -> LiveFacts:
        """The facts with one agenda item as the service stored it."""
        phases = tuple(phase if p.id == phase.id else p for p in self.phases)
        return self if phases == self.phases else replace(self, phases=phases)


@dataclass(frozen=True)
class LiveState:
    """Everything the live screen shows at one moment."""

    now: datetime
    meeting_title: str
    meeting_elapsed: float
    phase: PhaseRow
    phase_index: int
    phase_count: int
    next_phase_title: str | None
    timing: PhaseTiming
    speaker: Role | None
    speaker_seconds: float
    cue: Cue
    hold_back: HoldBackPhase | None
    hold_back_remaining: float
    hold_back_seconds: float
    hold_back_word: str
    hold_back_hint: str
    floor_taken_by: Role | None
    meeting_share: TalkShare
    phase_share: TalkShare
    recent_share: TalkShare
    talk_window_minutes: int
    talk_window_covers_meeting: bool
    talk_share_threshold_pct: int
    nudges: tuple[Nudge, ...]
    agenda: tuple[str, ...] = ()  # every item's title, in order (the room view lists them)

    @property
    def nudge(self) -> Nudge | None:
        """The newest nudge, the one on screen."""
        return self.nudges[-1] if self.nudges else None

    @property
    def official_recent_pct(self) -> int:
        """The officials' share of the recent talk, in whole percent."""
        return round(self.recent_share.share(Role.OFFICIAL) * 100)


@dataclass(frozen=True)
class TalkWindow:
    """The stretch the officials' recent share is judged over."""

    seconds: float
    minutes_shown: int  # as the words say it
    covers_meeting: bool  # the meeting is still shorter than the window: it is the whole meeting


def talk_window(meeting_elapsed: float, window_minutes: int) -> TalkWindow:
    """The last `window_minutes`, or the whole meeting so far while it is shorter than that.

    Two minutes into a meeting, "the last 10 minutes" would be untrue: the
    window is then exactly the meeting itself.
    """
    elapsed = max(0.0, meeting_elapsed)
    if elapsed < window_minutes * 60:
        return TalkWindow(elapsed, max(1, round(elapsed / 60)), True)
    return TalkWindow(window_minutes * 60.0, window_minutes, False)


def live_state(facts: LiveFacts, now: datetime) -> LiveState:
    """What the screen shows at `now` (pure: writes nothing, reads no clock)."""
    meeting = facts.meeting
    index = facts.phase_index
    phase = facts.phases[index]
    entered = meeting.phase_entered_at or now
    elapsed = phase.actual_seconds + max(0.0, (now - entered).total_seconds())
    running = facts.ledger.running
    started = meeting.started_at or now
    meeting_elapsed = (now - started).total_seconds()
    window = talk_window(meeting_elapsed, meeting.talk_window_minutes)
    hold_back = facts.hold_back
    waiting = hold_back is not None and hold_back.phase(now) is HoldBackPhase.WAITING
    floor = facts.floor_taken
    floor_taken = (
        floor is not None and 0 <= (now - floor.at).total_seconds() < FLOOR_TAKEN_SECONDS
    )
    if waiting:
        cue = Cue.WAITING
    elif floor_taken:
        cue = Cue.FLOOR_TAKEN
    elif facts.nudges:
        cue = Cue.NUDGE
    else:
        cue = Cue.IDLE
    word, hint = hold_back_words(meeting.self_driving)
    following = facts.phases[index + 1].title if index + 1 < len(facts.phases) else None
    return LiveState(
        now=now,
        meeting_title=meeting.title,
        meeting_elapsed=meeting_elapsed,
        phase=phase,
        phase_index=index,
        phase_count=len(facts.phases),
        next_phase_title=following,
        timing=PhaseTiming(phase.planned_minutes * 60.0, elapsed),
        speaker=running.role if running else None,
        speaker_seconds=(now - running.started_at).total_seconds() if running else 0.0,
        cue=cue,
        hold_back=hold_back.phase(now) if hold_back else None,
        hold_back_remaining=hold_back.remaining(now) if hold_back else 0.0,
        hold_back_seconds=hold_back.seconds if hold_back else 0.0,
        hold_back_word=word,
        hold_back_hint=hint,
        floor_taken_by=floor.role if floor is not None and floor_taken else None,
        meeting_share=facts.ledger.meeting_share(now),
        phase_share=facts.ledger.phase_share(phase.id, now),
        recent_share=facts.ledger.recent_share(now, timedelta(seconds=window.seconds)),
        talk_window_minutes=window.minutes_shown,
        talk_window_covers_meeting=window.covers_meeting,
        talk_share_threshold_pct=meeting.talk_share_threshold_pct,
        nudges=facts.nudges,
        agenda=tuple(p.title for p in facts.phases),
    )


def make_nudge(
    prompt_id: uuid.UUID, kind: PromptKind, percent: int | None = None,
    window_minutes: int = 0, covers_meeting: bool = False,
) -> Nudge:
    """A nudge in calm, plain Danish: a headline to read from two metres, and one sentence."""
    if kind is PromptKind.EARLY_OFFICIAL:
        return Nudge(
            prompt_id, kind, _("Lad borgerne tage ordet først"),
            _("Hold igen et øjeblik – lad borgerne tage ordet først i dette punkt."),
        )
    if kind is PromptKind.TALK_SHARE:
        if covers_meeting:
            text = _("Embedspersonerne har haft {percent} % af taletiden i mødets første {minutes} min.")
        else:
            text = _("Embedspersonerne har haft {percent} % af taletiden de sidste {minutes} minutter.")
        return Nudge(
            prompt_id, kind, _("Giv ordet til borgerne"),
            text.format(percent=percent, minutes=window_minutes),
        )
    if kind is PromptKind.SILENCE_SUGGESTION:
        return Nudge(
            prompt_id, kind, _("Stil et åbent spørgsmål"),
            _("Stilheden varer ved. Spørg fx »Hvad er vigtigst for jer?« – eller giv ordet til en borger."),
        )
    return Nudge(prompt_id, kind, "", "")


def floor_taken_words(role: Role) -> str:
    """The short "well done" words when `role` ended a hold-back by taking the floor."""
    if role is Role.POLITICIAN:
        return _("Politikeren har ordet")
    return _("Borgerne har ordet")

