"""A phase's countdown and its warnings as time runs out."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Warn when a fifth of the phase is left (time to start rounding off) and
# again at the last twentieth (time to stop).
LOW_FRACTION = 0.20
CRITICAL_FRACTION = 0.05


class TimeWarning(StrEnum):
    """How close a phase is to its planned end."""

    NONE = "none"
    LOW = "low"
    CRITICAL = "critical"
    OVERRUN = "overrun"


@dataclass(frozen=True)
class PhaseTiming:
    """A phase's plan against the time used so far."""

    planned_seconds: float
    elapsed_seconds: float

    @property
    def remaining_seconds(self) -> float:
        """Seconds left; negative once the phase has overrun."""
        return self.planned_seconds - self.elapsed_seconds

    @property
    def warning(self) -> TimeWarning:
        """The warning level to show."""
        remaining = self.remaining_seconds
        if remaining <= 0:
            return TimeWarning.OVERRUN
        if remaining <= self.planned_seconds * CRITICAL_FRACTION:
            return TimeWarning.CRITICAL
        if remaining <= self.planned_seconds * LOW_FRACTION:
            return TimeWarning.LOW
        return TimeWarning.NONE
