"""Who talked how much: shares by role, the rolling window, the first speaker."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from facilitator.domain.enums import SPEAKING_ROLES, Role


@dataclass(frozen=True)
class Interval:
    """A turn on the timeline; `end` None means it is still running."""

    role: Role
    start: datetime
    end: datetime | None


@dataclass(frozen=True)
class TalkShare:
    """Seconds per role in a stretch of time, and each speaking role's share of the talk."""

    seconds: dict[Role, float] = field(default_factory=dict)

    @property
    def talk_seconds(self) -> float:
        """Seconds anyone spoke (silence excluded)."""
        return sum(self.seconds.get(role, 0.0) for role in SPEAKING_ROLES)

    def share(self, role: Role) -> float:
        """A speaking role's share of the talk, 0.0–1.0 (0 when nobody spoke)."""
        total = self.talk_seconds
        return self.seconds.get(role, 0.0) / total if total > 0 else 0.0

    def whole_percents(self) -> dict[Role, int]:
        """Each speaking role's share in whole percent, adding up to exactly 100.

        Largest remainder: rounding each share alone can print 93 + 6 + 2 = 101 %.
        """
        if self.talk_seconds <= 0:
            return {role: 0 for role in SPEAKING_ROLES}
        exact = {role: self.share(role) * 100 for role in SPEAKING_ROLES}
        whole = {role: int(value) for role, value in exact.items()}
        by_remainder = sorted(SPEAKING_ROLES, key=lambda r: (whole[r] - exact[r], SPEAKING_ROLES.index(r)))
        for role in by_remainder[: 100 - sum(whole.values())]:
            whole[role] += 1
        return whole


def talk_share(intervals: Iterable[Interval], start: datetime, end: datetime) -> TalkShare:
    """Seconds per role that fall between `start` and `end`; running turns count up to `end`."""
    seconds: dict[Role, float] = {}
    for turn in intervals:
        turn_end = turn.end if turn.end is not None else end
        overlap = (min(turn_end, end) - max(turn.start, start)).total_seconds()
        if overlap > 0:
            seconds[turn.role] = seconds.get(turn.role, 0.0) + overlap
    return TalkShare(seconds)


def rolling_share(intervals: Iterable[Interval], now: datetime, minutes: int) -> TalkShare:
    """Talk share over the last `minutes` minutes up to `now`."""
    return talk_share(intervals, now - timedelta(minutes=minutes), now)

