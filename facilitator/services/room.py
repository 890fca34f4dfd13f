"""What the room view reads from the database: the meeting's ideas, anonymised.

The room view is a document that leaves the app (it is on a wall), so it goes
through the one redactor like the brief: a name only with consent, never an
e-mail address or a phone number. It reads stored ideas only, so nothing typed
but not yet saved can reach the projector.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select

from facilitator.domain.anonymise import Redactor
from facilitator.services.capture import capture_order
from facilitator.services.consent import carried_by, project_redactor
from facilitator.services.rows import RoomIdea
from facilitator.storage.database import Database
from facilitator.storage.models import Idea, Meeting


def room_ideas(db: Database, meeting_id: uuid.UUID) -> list[RoomIdea]:
    """The meeting's ideas numbered 1..n in capture order, with the phase each belongs to."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        people, redact = project_redactor(s, meeting.project_id)
        ideas = s.scalars(
            select(Idea)
            .where(Idea.meeting_id == meeting_id, Idea.deleted_at.is_(None))
            .order_by(capture_order(Idea))
        )
        return [
            RoomIdea(
                id=idea.id,
                number=number,
                phase_id=idea.phase_id,
                title=redact(idea.title),
                carried_by=redact(carried_by(
                    people.get(idea.person_id) if idea.person_id else None, idea.proposed_by)),
                theme=redact(idea.theme),
            )
            for number, idea in enumerate(ideas, start=1)
        ]


def room_redactor(db: Database, meeting_id: uuid.UUID) -> Redactor:
    """The redactor for the meeting's other texts on the wall (its title, the agenda, the question)."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        return project_redactor(s, meeting.project_id)[1]
