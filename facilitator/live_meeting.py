"""The running meeting: key presses and the passing of time in, stored facts out.

Two halves, kept apart on purpose:
- the official's actions (`mark`, `asked_question`, `next_phase`, …) and
  `advance()` — the passing of time: a hold-back running out, a talk-share
  nudge, the heartbeat — write to the database, each in one commit, and keep
  the in-memory `LiveFacts` in step from what the service returned;
- `state()` computes what the screen shows with the pure `live_state()`,
  writing nothing.
Every figure is recomputed from "now" on the meeting's timeline, so nothing
drifts however long the meeting runs.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
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
from facilitator.live_state import (
    FloorTaken,
    LiveFacts,
    LiveState,
    Nudge,
    TurnLedger,
    live_state,
    make_nudge,
    talk_window,
)
from facilitator.services import agenda, backups, live, meetings
from facilitator.services.live import TurnChange
from facilitator.services.rows import GapRow, MeetingRow, PhaseRow, PromptRow
from facilitator.storage.database import Database

# How often the running screen stamps "still alive" into the database, which
# bounds how much time a crash can leave unaccounted for.
HEARTBEAT = timedelta(seconds=15)


class LiveMeeting:
    """One running meeting on one laptop."""

    def __init__(
        self, db: Database, meeting_id: uuid.UUID, clock: Clock, not_before: datetime | None = None
    ) -> None:
        self._db = db
        self.meeting_id = meeting_id
        self._timeline = MeetingTimeline(clock, not_before)
        self._hold_back_id: uuid.UUID | None = None
        self._last_touch = self._timeline.now()
        self._reload()

    # ----- starting ---------------------------------------------------------

    @classmethod
    def start(cls, db: Database, meeting_id: uuid.UUID, clock: Clock) -> LiveMeeting:
        """Start a planned meeting; the first phase opens with a hold-back."""
        running = cls(db, meeting_id, clock)
        _meeting, hold_back = live.start_meeting(db, meeting_id, running.now())
        running._reload()
        running._wait(hold_back)
        return running

    @classmethod
    def resume(cls, db: Database, meeting_id: uuid.UUID, clock: Clock) -> tuple[LiveMeeting, GapRow | None]:
        """Carry on an interrupted meeting; returns the gap left behind."""
        # The timeline carries on from the last stored moment, even if the
        # system clock was set back while the app was away.
        running = cls(db, meeting_id, clock, not_before=live.last_activity(db, meeting_id))
        gap = live.resume_meeting(db, meeting_id, running.now())
        running._reload()
        return running, gap

    def _reload(self) -> None:
        """Read the facts from the database (at start and resume; afterwards they are kept in step)."""
        meeting = meetings.get_meeting(self._db, self.meeting_id)
        prompts = live.list_prompts(self._db, self.meeting_id)
        shares = [p.at for p in prompts if p.kind is PromptKind.TALK_SHARE]
        self._last_share_nudge: datetime | None = max(shares) if shares else None
        self._early_nudged = {p.phase_id for p in prompts if p.kind is PromptKind.EARLY_OFFICIAL}
        self.facts = LiveFacts(
            meeting=meeting,
            phases=tuple(agenda.list_phases(self._db, self.meeting_id)),
            ledger=TurnLedger.of(live.list_turns(self._db, self.meeting_id)),
        )

    def now(self) -> datetime:
        """Now, on the meeting's timeline."""
        return self._timeline.now()

    @property
    def meeting(self) -> MeetingRow:
        """The meeting as last stored."""
        return self.facts.meeting

    @property
    def phases(self) -> list[PhaseRow]:
        """The agenda items as last stored."""
        return list(self.facts.phases)

    @property
    def phase_index(self) -> int:
        """Index of the current phase."""
        return self.facts.phase_index

    @property
    def speaker(self) -> Role | None:
        """Who holds the floor now."""
        running = self.facts.ledger.running
        return running.role if running is not None else None

    # ----- what the official does -------------------------------------------

    def mark(self, role: Role) -> None:
        """`role` takes the floor now."""
        if self.speaker is role:
            return
        now = self.now()
        phase_id = self.facts.phases[self.phase_index].id
        waiting = self._waiting(now)
        outcome = outcome_when_floor_taken(role) if waiting else None
        nudge = None
        if role is Role.OFFICIAL and official_nudge_due(
            waiting, self.facts.ledger.citizen_spoke_in(phase_id), phase_id in self._early_nudged
        ):
            nudge = PromptKind.EARLY_OFFICIAL
        resolved = (self._hold_back_id, outcome) if outcome and self._hold_back_id else None
        change = live.mark_speaker(self._db, self.meeting_id, role, now, resolved, nudge)
        self._apply(change.turns)
        self.facts = self.facts.with_phase(change.phase)
        if outcome is not None:
            self._end_hold_back()
            if outcome is HoldBackOutcome.RESPECTED:
                self.facts = replace(self.facts, floor_taken=FloorTaken(role, now))
        if role is not Role.SILENCE:
            # Someone has the floor: the suggestion to open it has done its job;
            # a citizen speaking answers "let the citizens speak first" too.
            done = {PromptKind.SILENCE_SUGGESTION}
            if role is Role.CITIZEN:
                done.add(PromptKind.EARLY_OFFICIAL)
            self._set_nudges([n for n in self.facts.nudges if n.kind not in done])
        if change.nudge is not None:
            self._early_nudged.add(phase_id)
            self._show(make_nudge(change.nudge.id, change.nudge.kind))

    def asked_question(self) -> None:
        """The official asked the room a question: hold back and let the citizens answer."""
        official_stops = self.speaker is Role.OFFICIAL
        # A hold-back still waiting is replaced; how it would have ended is unknown.
        self._end_hold_back()
        hold_back, change = live.start_hold_back(self._db, self.meeting_id, self.now(), official_stops)
        if change is not None:
            self._apply(change)
        self._wait(hold_back)

    def next_phase(self) -> None:
        """Go to the next agenda item."""
        self._go_to(self.phase_index + 1)

    def previous_phase(self) -> None:
        """Go back to the previous agenda item."""
        self._go_to(self.phase_index - 1)

    def dismiss(self) -> None:
        """Dismiss the nudge on screen (the newest)."""
        nudges = list(self.facts.nudges)
        if not nudges:
            return
        live.dismiss_prompt(self._db, nudges[-1].prompt_id, self.now())
        self._set_nudges(nudges[:-1])

    def set_question(self, text: str) -> PhaseRow:
        """Store the question put to the room for the current agenda item."""
        phase = agenda.set_question(self._db, self.facts.phases[self.phase_index].id, text)
        self.facts = self.facts.with_phase(phase)
        return phase

    def close(self) -> MeetingRow:
        """Close the meeting (a hold-back still waiting stays without an outcome)."""
        self._end_hold_back()
        meeting = live.close_meeting(self._db, self.meeting_id, self.now())
        self.facts = replace(self.facts, meeting=meeting)
        try:
            backup_after_close(self._db)
        except Exception:  # the meeting is closed and stored; a backup problem must not undo that
            pass
        return meeting

    # ----- the passing of time, and what the screen shows --------------------

    def advance(self) -> None:
        """Store what the passing of time decided: a hold-back run out, a talk-share nudge, a heartbeat."""
        now = self.now()
        self._check_hold_back(now)
        meeting = self.facts.meeting
        started = meeting.started_at or now
        window = talk_window((now - started).total_seconds(), meeting.talk_window_minutes)
        recent = self.facts.ledger.recent_share(now, timedelta(seconds=window.seconds))
        if share_nudge_due(
            recent.share(Role.OFFICIAL),
            recent.talk_seconds,
            meeting.talk_share_threshold_pct,
            now,
            self._last_share_nudge,
        ):
            self._last_share_nudge = now
            percent = round(recent.share(Role.OFFICIAL) * 100)
            event = live.log_prompt(self._db, self.meeting_id, PromptKind.TALK_SHARE, now, float(percent))
            self._show(
                make_nudge(event.id, PromptKind.TALK_SHARE, percent, window.minutes_shown, window.covers_meeting)
            )
        if now - self._last_touch >= HEARTBEAT:
            live.touch(self._db, self.meeting_id, now)
            self._last_touch = now

    def state(self) -> LiveState:
        """What the screen shows now (writes nothing)."""
        return live_state(self.facts, self.now())

    def tick(self) -> LiveState:
        """`advance()`, then `state()`: for scripts and tests that step a meeting through time."""
        self.advance()
        return self.state()

    # ----- internals ----------------------------------------------------------

    def _apply(self, change: TurnChange) -> None:
        ledger = self.facts.ledger
        if change.ended is not None:
            ledger = ledger.with_turn(change.ended)
        self.facts = replace(self.facts, ledger=ledger.with_turn(change.started))

    def _go_to(self, index: int) -> None:
        if not 0 <= index < len(self.facts.phases) or index == self.phase_index:
            return
        # A hold-back cut short by a phase change has no outcome.
        self._end_hold_back()
        meeting, hold_back, change = live.go_to_phase(self._db, self.meeting_id, index, self.now())
        # What belonged to the item just left ("in this item", "well done") goes with it.
        of_the_item = (PromptKind.EARLY_OFFICIAL, PromptKind.SILENCE_SUGGESTION)
        self.facts = replace(
            self.facts,
            meeting=meeting,
            phases=tuple(agenda.list_phases(self._db, self.meeting_id)),
            nudges=tuple(n for n in self.facts.nudges if n.kind not in of_the_item),
            floor_taken=None,
        )
        if change is not None:
            self._apply(change)
        self._wait(hold_back)

    def _wait(self, hold_back: PromptRow | None) -> None:
        if hold_back is not None and hold_back.seconds:
            self._hold_back_id = hold_back.id
            self.facts = replace(
                self.facts, hold_back=HoldBack(hold_back.at, hold_back.seconds), floor_taken=None
            )

    def _waiting(self, now: datetime) -> bool:
        hold_back = self.facts.hold_back
        return hold_back is not None and hold_back.phase(now) is HoldBackPhase.WAITING

    def _end_hold_back(self) -> None:
        self._hold_back_id = None
        if self.facts.hold_back is not None:
            self.facts = replace(self.facts, hold_back=None)

    def _check_hold_back(self, now: datetime) -> None:
        if self.facts.hold_back is None or self._hold_back_id is None or self._waiting(now):
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
            self._show(make_nudge(event.id, event.kind))

    def _set_nudges(self, nudges: list[Nudge]) -> None:
        if tuple(nudges) != self.facts.nudges:
            self.facts = replace(self.facts, nudges=tuple(nudges))

    def _show(self, nudge: Nudge) -> None:
        # One nudge of a kind at a time: a newer one replaces the older.
        others = [n for n in self.facts.nudges if n.kind is not nudge.kind]
        self._set_nudges([*others, nudge])


def backup_after_close(db: Database) -> None:
    """The hook run once a meeting is closed: a backup of everything it gave (never raises)."""
    backups.automatic_backup(db, backups.REASON_MEETING_CLOSED)
