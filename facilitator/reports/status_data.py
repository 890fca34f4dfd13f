"""What a project status brief says, as plain data: gathered, anonymised, ready to lay out.

The builder (reports/status_brief.py) only lays this out; every privacy decision
is taken in services/project_status.py, as for the meeting brief.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from facilitator.domain.decision_path import DepartmentFigures
from facilitator.domain.enums import AskAnswer, AskKind, AskStatus, FollowUpKind, StepState


class DecisionReason(StrEnum):
    """Why an ask is listed under "needs a political decision" (the rule the page states)."""

    FLAGGED = "flagged"  # marked at the meeting as needing a decision, and not answered yet
    REFUSED = "refused"  # the department said no
    PARTLY = "partly"  # the department granted only part of it
    OVERDUE = "overdue"  # no answer, and "svar senest" has passed


@dataclass(frozen=True)
class StatusEvent:
    """One recorded change in an ask's history (never edited; a correction is a newer event)."""

    happened_on: date
    kind: FollowUpKind
    department: str
    sent_to: str
    answer: AskAnswer | None
    withdrawn_kind: FollowUpKind | None
    text: str


@dataclass(frozen=True)
class StatusAsk:
    """One ask with where it stands and its decision-path clock as of the brief's day."""

    number: int  # its number in the appendix
    what: str
    kind: AskKind
    amount_dkk: int | None
    asked_by: str  # a group label or a consented name
    idea_title: str
    meeting_title: str
    asked_on: date
    answer_needed_by: date | None
    department: str
    sent_to: str
    status: AskStatus
    answer: AskAnswer | None
    answer_text: str
    sent_on: date | None
    answered_on: date | None
    reported_on: date | None
    reported_how: str
    needs_decision: bool  # marked so at the meeting
    days_to_answer: int | None
    waiting_days: int  # days the citizens waited (or wait) for the answer
    overdue_days: int
    since: bool  # asked at a meeting on or after the brief's "since" day
    history: tuple[StatusEvent, ...]

    @property
    def waits_on_department(self) -> bool:
        """Sent, and no answer yet: the department holds it."""
        return self.sent_on is not None and self.answered_on is None

    @property
    def waits_on_official(self) -> bool:
        """Not sent yet: the official holds it."""
        return self.sent_on is None and self.answered_on is None


@dataclass(frozen=True)
class StatusDecision:
    """An ask that needs a political decision, and why."""

    ask: StatusAsk
    reason: DecisionReason


@dataclass(frozen=True)
class StatusIdea:
    """A realised idea."""

    title: str
    carried_by: str
    place: str
    meeting_title: str


@dataclass(frozen=True)
class StatusStep:
    """A next step and how it ended (or that it is still open)."""

    what: str
    owner: str
    state: StepState
    state_on: date | None
    due_on: date | None
    meeting_title: str


@dataclass(frozen=True)
class StatusData:
    """Everything one project status brief shows."""

    language: str
    municipality: str
    official_name: str
    official_department: str
    logo_png: bytes | None
    project_name: str
    since: date | None  # None: the whole project
    today: date
    meetings: int  # meetings held in the period
    asks: tuple[StatusAsk, ...]  # every ask of the project (appendix); `since` marks the period's
    decisions: tuple[StatusDecision, ...]
    departments: tuple[DepartmentFigures, ...]  # the period's asks
    realised: tuple[StatusIdea, ...]
    steps_done: tuple[StatusStep, ...]  # done in the period
    steps_open: int
    steps_overdue: int

    @property
    def period_asks(self) -> tuple[StatusAsk, ...]:
        """The asks made at meetings in the period."""
        return tuple(a for a in self.asks if a.since)

    @property
    def answered(self) -> tuple[StatusAsk, ...]:
        """The period's asks that were answered."""
        return tuple(a for a in self.period_asks if a.answered_on is not None)

    @property
    def waiting(self) -> tuple[StatusAsk, ...]:
        """Every unanswered ask of the project, longest wait first."""
        open_asks = [a for a in self.asks if a.answered_on is None]
        return tuple(sorted(open_asks, key=lambda a: (-a.waiting_days, a.number)))

    @property
    def median_days_to_answer(self) -> float | None:
        """The median days from the meeting to the answer over the period's answered asks."""
        days = [a.days_to_answer for a in self.answered if a.days_to_answer is not None]
        return float(statistics.median(days)) if days else None
