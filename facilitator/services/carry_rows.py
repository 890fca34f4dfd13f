"""What happened in a project since its previous meeting, as plain rows (services/carry_over.py)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from facilitator.domain.enums import AskAnswer, StepState


@dataclass(frozen=True)
class CarriedAnswer:
    """An ask the department answered; `reported_on` is None until the citizens were told."""

    ask_id: uuid.UUID
    meeting_id: uuid.UUID  # the meeting the ask was made at
    what: str
    department: str
    answer: AskAnswer
    answer_text: str
    answered_on: date
    reported_on: date | None


@dataclass(frozen=True)
class CarriedStep:
    """A next step agreed at an earlier meeting: done since, or still open (overdue or not)."""

    step_id: uuid.UUID
    meeting_id: uuid.UUID
    what: str
    owner_label: str
    due_on: date | None
    state: StepState
    state_on: date | None
    overdue: bool


@dataclass(frozen=True)
class WaitingAsk:
    """An ask still without an answer: sent or not, for how many days, past "svar senest" or not."""

    ask_id: uuid.UUID
    meeting_id: uuid.UUID
    what: str
    department: str
    sent_on: date | None
    answer_needed_by: date | None
    waiting_days: int
    overdue: bool


@dataclass(frozen=True)
class SinceLast:
    """A meeting's view of its project since the meeting before it.

    `answers` came and `steps_done` ended between `since` (the previous meeting's
    day) and `until` (this meeting's day, or today when that is earlier);
    `steps_open`, `asks_waiting` and `to_report` are what still waits at `until`,
    from every earlier meeting of the project.
    """

    meeting_id: uuid.UUID
    previous_id: uuid.UUID | None
    previous_title: str
    since: date | None
    until: date
    answers: tuple[CarriedAnswer, ...]
    steps_done: tuple[CarriedStep, ...]
    steps_open: tuple[CarriedStep, ...]  # overdue first
    asks_waiting: tuple[WaitingAsk, ...]  # overdue first
    to_report: tuple[CarriedAnswer, ...]  # answered, not yet reported back to the citizens

    @property
    def steps_overdue(self) -> tuple[CarriedStep, ...]:
        """The open steps past their day."""
        return tuple(s for s in self.steps_open if s.overdue)

    @property
    def has_news(self) -> bool:
        """Something to tell: an answer came, a step was done or is overdue, an ask waits."""
        return bool(self.answers or self.steps_done or self.steps_overdue or self.asks_waiting)
