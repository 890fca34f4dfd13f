"""What needs attention today across the active projects: overdue answers, next steps due.

The start page shows it as one calm line, and nothing at all when nothing is due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from facilitator.domain.enums import StepState
from facilitator.i18n import ngettext
from facilitator.storage.database import Database
from facilitator.storage.models import Meeting, NextStep, Project, ResourceAsk


@dataclass(frozen=True)
class Attention:
    """Counts of what is due: answers past "svar senest", next steps late or due this week."""

    answers_overdue: int = 0
    steps_due_this_week: int = 0
    steps_overdue: int = 0

    @property
    def calm(self) -> bool:
        """Nothing is due."""
        return not (self.answers_overdue or self.steps_due_this_week or self.steps_overdue)


def week_end(today: date) -> date:
    """The Sunday ending `today`'s week (Danish weeks start on Monday)."""
    return today + timedelta(days=6 - today.weekday())


def attention(db: Database, today: date) -> Attention:
    """What is due on `today` in every project that is not archived."""
    with db.session() as s:
        active = select(Meeting.id).join(Project, Project.id == Meeting.project_id).where(
            Project.archived.is_(False)
        )
        answers = s.scalar(
            select(func.count()).select_from(ResourceAsk).where(
                ResourceAsk.meeting_id.in_(active),
                ResourceAsk.deleted_at.is_(None),
                ResourceAsk.answered_on.is_(None),
                ResourceAsk.reported_on.is_(None),
                ResourceAsk.answer_needed_by < today,
            )
        )
        open_steps = select(func.count()).select_from(NextStep).where(
            NextStep.meeting_id.in_(active),
            NextStep.deleted_at.is_(None),
            NextStep.state == StepState.OPEN,
        )
        overdue = s.scalar(open_steps.where(NextStep.due_on < today))
        this_week = s.scalar(
            open_steps.where(NextStep.due_on >= today, NextStep.due_on <= week_end(today))
        )
    return Attention(answers or 0, this_week or 0, overdue or 0)


def attention_line(counts: Attention) -> str:
    """«3 svar er forfaldne · 2 næste skridt forfalder i denne uge»; empty when nothing is due."""
    parts = []
    if counts.answers_overdue:
        parts.append(ngettext("{n} svar er forfaldent", "{n} svar er forfaldne",
                              counts.answers_overdue).format(n=counts.answers_overdue))
    if counts.steps_overdue:
        parts.append(ngettext("{n} næste skridt er forsinket", "{n} næste skridt er forsinkede",
                              counts.steps_overdue).format(n=counts.steps_overdue))
    if counts.steps_due_this_week:
        parts.append(ngettext("{n} næste skridt forfalder i denne uge",
                              "{n} næste skridt forfalder i denne uge",
                              counts.steps_due_this_week).format(n=counts.steps_due_this_week))
    return " · ".join(parts)
