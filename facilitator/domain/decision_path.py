"""The decision-path clock: how long the citizens waited for the municipality.

Pure date arithmetic over an ask's stages, so the desk, the status brief and the
export all count the same way. Days are calendar days from the meeting where the
ask was made; an ask still waiting counts up to "today".
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AskDates:
    """The days that matter on one ask's decision path."""

    department: str
    asked_on: date  # the meeting's day
    sent_on: date | None = None
    answered_on: date | None = None
    reported_on: date | None = None
    answer_needed_by: date | None = None  # "svar senest"


@dataclass(frozen=True)
class AskClock:
    """Days from the meeting to each stage; None for a stage not reached."""

    days_to_sent: int | None
    days_to_answer: int | None
    days_to_reported: int | None
    # Days the citizens have waited (or waited) for the answer.
    waiting_days: int
    # Days past "svar senest" without an answer, or by which the answer came late; 0 if neither.
    overdue_days: int

    @property
    def overdue(self) -> bool:
        """Past its deadline and still unanswered, or answered after it."""
        return self.overdue_days > 0


def _days(start: date, end: date | None) -> int | None:
    return None if end is None else max(0, (end - start).days)


def ask_clock(ask: AskDates, today: date) -> AskClock:
    """The clock of one ask as of `today`."""
    answered_or_today = ask.answered_on or today
    overdue = 0
    if ask.answer_needed_by is not None:
        overdue = max(0, (answered_or_today - ask.answer_needed_by).days)
    return AskClock(
        days_to_sent=_days(ask.asked_on, ask.sent_on),
        days_to_answer=_days(ask.asked_on, ask.answered_on),
        days_to_reported=_days(ask.asked_on, ask.reported_on),
        waiting_days=max(0, (answered_or_today - ask.asked_on).days),
        overdue_days=overdue,
    )


def is_overdue_now(ask: AskDates, today: date) -> bool:
    """Unanswered and past "svar senest" today: what the desk calls "forfalden"."""
    return ask.answered_on is None and ask.answer_needed_by is not None and today > ask.answer_needed_by


@dataclass(frozen=True)
class DepartmentFigures:
    """One department's figures: how many asks, how fast it answered, the slowest wait."""

    department: str
    asks: int
    answered: int
    waiting: int
    overdue: int
    median_days_to_answer: float | None  # over answered asks only
    slowest_days: int | None  # the longest wait, answered or still waiting
    slowest_still_waiting: bool


def department_figures(asks: Iterable[AskDates], today: date) -> list[DepartmentFigures]:
    """Per department (sorted by name, the unnamed last): median and slowest answer times."""
    # "Plan og Byg" and "plan og byg " are one department (as the desk's filter has them),
    # named as it was first written.
    by_department: dict[str, list[AskDates]] = {}
    names: dict[str, str] = {}
    for ask in asks:
        key = " ".join(ask.department.split()).casefold()
        names.setdefault(key, ask.department.strip())
        by_department.setdefault(key, []).append(ask)
    figures = []
    for key, group in by_department.items():
        department = names[key]
        clocks = [(ask, ask_clock(ask, today)) for ask in group]
        answered = [c.days_to_answer for _a, c in clocks if c.days_to_answer is not None]
        waits = [(c.waiting_days, a.answered_on is None) for a, c in clocks if a.sent_on or a.answered_on]
        slowest = max(waits, default=None)
        figures.append(
            DepartmentFigures(
                department=department,
                asks=len(group),
                answered=len(answered),
                waiting=len(group) - len(answered),
                overdue=sum(1 for a in group if is_overdue_now(a, today)),
                median_days_to_answer=float(statistics.median(answered)) if answered else None,
                slowest_days=slowest[0] if slowest else None,
                slowest_still_waiting=bool(slowest and slowest[1]),
            )
        )
    return sorted(figures, key=lambda f: (f.department == "", f.department.casefold()))
