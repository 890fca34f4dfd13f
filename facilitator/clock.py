"""Injected time: monotonic seconds for durations, wall clock only for dates.

Every timer in the app is a pure function of "now" asked from a `Clock`, never
a count of ticks, so nothing drifts and tests can run a three-hour meeting on a
`FakeClock` in milliseconds.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Where the app asks for the time."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never jumps when the system clock is set."""
        ...

    def now(self) -> datetime:
        """The wall-clock time, timezone-aware UTC; only for dates and timestamps."""
        ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        """Seconds from the OS monotonic clock."""
        return time.monotonic()

    def now(self) -> datetime:
        """The current UTC time."""
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to; `set_wall` simulates a system clock change."""

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._mono = monotonic_start
        self._wall = start or datetime(2026, 3, 3, 18, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        """The fake monotonic time."""
        return self._mono

    def now(self) -> datetime:
        """The fake wall time."""
        return self._wall

    def advance(self, seconds: float) -> None:
        """Move both clocks forward together, as real time passes."""
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def set_wall(self, when: datetime) -> None:
        """Jump the wall clock only (a user or NTP changing the system time)."""
        self._wall = when


class MeetingTimeline:
    """Maps monotonic readings onto one wall-clock timeline anchored once per run.

    The anchor is taken when a meeting starts or resumes. Afterwards every
    timestamp is `anchor_wall + (monotonic - anchor_mono)`, so a system clock
    change during the meeting moves no stored timestamp and no duration.
    """

    def __init__(self, clock: Clock, not_before: datetime | None = None) -> None:
        self._clock = clock
        self._anchor_mono = clock.monotonic()
        # A resumed meeting never goes back in time, even if the system clock
        # was set back meanwhile: its timeline carries on from the last moment stored.
        wall = clock.now()
        self._anchor_wall = max(wall, not_before) if not_before is not None else wall

    def now(self) -> datetime:
        """The current moment on the meeting's timeline."""
        return self._anchor_wall + timedelta(seconds=self._clock.monotonic() - self._anchor_mono)
