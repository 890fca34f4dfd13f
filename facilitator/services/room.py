"""What the room view reads from the database: the meeting's ideas, anonymised.

The room view is a document that leaves the app (it is on a wall), so it goes
through the one redactor like the brief: a name only with consent, never an
e-mail address or a phone number. It reads stored ideas only, so nothing typed
but not yet saved can reach the projector.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable, Mapping
from typing import Final, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.domain.anonymise import Redactor
from facilitator.services.capture import capture_order
from facilitator.services.consent import carried_by, may_be_named, redactor_of
from facilitator.services.rows import RoomIdea
from facilitator.storage.database import Database
from facilitator.storage.models import Idea, Meeting, Person, Place


class _All(enum.Enum):
    ALL = "all"


# `phase_id=ALL`: the ideas of every agenda item (None means those captured outside any item).
ALL: Final[Literal[_All.ALL]] = _All.ALL


def _room_ideas(
    s: Session, meeting: Meeting, redact: Callable[[str], str], people: Mapping[uuid.UUID, Person],
    phase_id: uuid.UUID | None | _All,
) -> list[RoomIdea]:
    # Every idea is numbered in SQL (row_number over the capture order); only the ideas
    # shown are read and anonymised: a new idea late in a long meeting costs the item's
    # ideas, not the meeting's.
    numbered = (
        select(Idea.id.label("idea_id"), Idea.phase_id.label("phase_id"),
               func.row_number().over(order_by=capture_order(Idea)).label("number"))
        .where(Idea.meeting_id == meeting.id, Idea.deleted_at.is_(None))
        .subquery()
    )
    query = select(Idea, numbered.c.number).join(numbered, numbered.c.idea_id == Idea.id)
    if phase_id is not ALL:
        query = query.where(numbered.c.phase_id.is_(None) if phase_id is None
                            else numbered.c.phase_id == phase_id)
    rows = s.execute(query.order_by(numbered.c.number)).all()
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
        for idea, number in rows
    ]


def room_ideas(
    db: Database, meeting_id: uuid.UUID, phase_id: uuid.UUID | None | _All = ALL
) -> list[RoomIdea]:
    """The meeting's ideas numbered 1..n in capture order (of one agenda item, when given)."""
    return room_content(db, meeting_id, phase_id)[0]


class WallRedactor:
    """The project's redactor with a memory of the texts it has hidden names in.

    The wall is redrawn after every idea; the same titles are looked at again and again,
    and building the redactor costs as much as a few dozen texts. One is kept while the
    people on record and the villages stay the same (`_wall_redactor`).
    """

    def __init__(self, redactor: Redactor) -> None:
        self._redactor = redactor
        self._seen: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        """`text` with every name without consent and every contact detail hidden."""
        known = self._seen.get(text)
        if known is None:
            if len(self._seen) > 20_000:  # a very long meeting: start afresh rather than grow
                self._seen.clear()
            known = self._seen[text] = self._redactor(text)
        return known


_kept: dict[object, WallRedactor] = {}


def _wall_redactor(s: Session, project_id: uuid.UUID) -> tuple[Mapping[uuid.UUID, Person], WallRedactor]:
    people = {p.id: p for p in s.scalars(select(Person))}
    places = sorted(s.scalars(select(Place.name).where(Place.project_id == project_id)))
    key = (tuple(sorted((p.name, may_be_named(p)) for p in people.values())), tuple(places))
    kept = _kept.get(key)
    if kept is None:
        _kept.clear()  # one project's meeting at a time: the newest redactor only
        kept = _kept[key] = WallRedactor(redactor_of(people.values(), places))
    return people, kept


def room_content(
    db: Database, meeting_id: uuid.UUID, phase_id: uuid.UUID | None | _All = ALL
) -> tuple[list[RoomIdea], WallRedactor]:
    """The ideas (of one agenda item, when given) and the redactor for the wall's other texts
    (the meeting's title, the agenda, the question), read in one go."""
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        people, redact = _wall_redactor(s, meeting.project_id)
        return _room_ideas(s, meeting, redact, people, phase_id), redact
