"""Citizens first: the hold-back after a question, and when the app nudges the official.

The rules, from competence 1 ("supportive, not directive"): after a phase
starts or the official asks the room a question, the official waits and lets
the citizens take the floor. The app never blocks and never takes over; it
only reminds, calmly, and logs what happened so the official can reflect.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from facilitator.domain.enums import HoldBackOutcome, Role

# The officials' share is only judged once there is enough talk in the window
# to mean something; two minutes keeps a short answer from triggering a nudge.
MIN_TALK_SECONDS_FOR_SHARE_NUDGE = 120.0

# After a talk-share nudge, stay quiet this long: a nudge every few seconds
# would be nagging, not support.
SHARE_NUDGE_COOLDOWN = timedelta(minutes=5)


class HoldBackPhase(StrEnum):
    """Where a running hold-back is."""

    WAITING = "waiting"  # the countdown runs: wait for the citizens
    OUTLASTED = "outlasted"  # the silence outlasted the hold-back


@dataclass(frozen=True)
class HoldBack:
    """A hold-back that started at `started_at` and lasts `seconds`."""

    started_at: datetime
    seconds: float

    def ends_at(self) -> datetime:
        """When the countdown runs out."""
        return self.started_at + timedelta(seconds=self.seconds)

    def remaining(self, now: datetime) -> float:
        """Seconds left of the countdown, never below zero."""
        return max(0.0, (self.ends_at() - now).total_seconds())

    def phase(self, now: datetime) -> HoldBackPhase:
        """Still waiting, or outlasted by silence."""
        return HoldBackPhase.WAITING if now < self.ends_at() else HoldBackPhase.OUTLASTED


def official_nudge_due(
    hold_back_waiting: bool, citizen_spoke_in_phase: bool, nudged_in_phase: bool = False
) -> bool:
    """The official took the floor during the hold-back, or before any citizen in the phase.

    The second reason is given once per phase: repeating it at every turn of an
    official who must explain something would be nagging.
    """
    return hold_back_waiting or (not citizen_spoke_in_phase and not nudged_in_phase)


def outcome_when_floor_taken(role: Role) -> HoldBackOutcome | None:
    """How a waiting hold-back ends when `role` takes the floor (None: it keeps waiting).

    The hold-back asks the official to wait. A citizen answering, or a
    politician taking the floor, ends the wait without the official breaking
    it; the official speaking first breaks it; silence changes nothing.
    """
    if role is Role.OFFICIAL:
        return HoldBackOutcome.BROKEN
    if role is Role.SILENCE:
        return None
    return HoldBackOutcome.RESPECTED


def share_nudge_due(
    official_share: float,
    talk_seconds: float,
    threshold_pct: int,
    now: datetime,
    last_nudge_at: datetime | None,
) -> bool:
    """The officials' recent share of the talk is above the threshold, and no nudge was just shown."""
    if talk_seconds < MIN_TALK_SECONDS_FOR_SHARE_NUDGE:
        return False
    if official_share * 100 <= threshold_pct:
        return False
    return last_nudge_at is None or now - last_nudge_at >= SHARE_NUDGE_COOLDOWN
