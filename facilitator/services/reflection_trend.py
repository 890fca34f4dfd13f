"""The official's own trend: per meeting of a project, the reflection beside what was measured.

Meeting by meeting, in the order they were held: the four scores the official
gave themselves, and the figures the closing summary computes from what is
stored (services/summary.py): the citizens' share of the talk, the items a
citizen opened, the hold-backs kept and the nudges. Shown only in the app,
on the project page; the note is not part of it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from facilitator.domain.enums import PromptKind, Role
from facilitator.services import reflection, summary
from facilitator.storage.database import Database
from facilitator.storage.models import Meeting

# The prompts that tell the official they took the floor too soon or too much; a
# suggestion during a long silence is help, not a nudge.
NUDGE_KINDS = (PromptKind.EARLY_OFFICIAL, PromptKind.TALK_SHARE)


@dataclass(frozen=True)
class TrendRow:
    """One held meeting: the official's scores (None: not given) and the measured figures."""

    meeting_id: uuid.UUID
    title: str
    scheduled_at: datetime
    supportive: int | None
    relations: int | None
    liaison: int | None
    adapting: int | None
    reflected: bool
    # The citizens' share of all talk, 0.0-1.0; None when nobody's talk was recorded.
    citizens_share: float | None
    items_opened_by_citizens: int
    items: int
    hold_backs_kept: int
    hold_backs: int
    nudges: int

    def score(self, key: str) -> int | None:
        """The score of one competence, by its key."""
        value: int | None = getattr(self, key)
        return value


def _held_meetings(db: Database, project_id: uuid.UUID) -> list[uuid.UUID]:
    with db.session() as s:
        # Planned meetings have nothing measured yet; ties in time keep the order they were made.
        query = (
            select(Meeting.id)
            .where(Meeting.project_id == project_id, Meeting.started_at.is_not(None))
            .order_by(Meeting.scheduled_at, Meeting.created_at)
        )
        return list(s.scalars(query))


def reflection_trend(db: Database, project_id: uuid.UUID) -> list[TrendRow]:
    """The project's held meetings, oldest first, each with its reflection and figures."""
    rows: list[TrendRow] = []
    for meeting_id in _held_meetings(db, project_id):
        measured = summary.meeting_summary(db, meeting_id)
        stored = reflection.get_reflection(db, meeting_id)
        talk = measured.share
        rows.append(TrendRow(
            meeting_id=meeting_id,
            title=measured.meeting.title,
            scheduled_at=measured.meeting.scheduled_at,
            supportive=stored.supportive if stored else None,
            relations=stored.relations if stored else None,
            liaison=stored.liaison if stored else None,
            adapting=stored.adapting if stored else None,
            reflected=stored is not None,
            citizens_share=talk.share(Role.CITIZEN) if talk.talk_seconds > 0 else None,
            items_opened_by_citizens=measured.phases_opened_by_citizens,
            items=len(measured.phases),
            hold_backs_kept=measured.hold_backs_respected,
            hold_backs=measured.hold_backs,
            nudges=sum(measured.nudges.get(kind, 0) for kind in NUDGE_KINDS),
        ))
    return rows
