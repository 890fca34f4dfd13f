"""The official's private reflection after a meeting: save, get, skip, and the purge's part.

It is the official's alone. Nothing here is read by the brief (services/briefs.py),
the access export (services/privacy_export.py) or any other output; a guard test
builds both for a meeting with a reflection and searches them for its note. One
reflection per meeting: saving again replaces the earlier one. It is erased
with the project's people when the project's retention runs out
(services/privacy.py `purge_expired`, through `delete_reflections_of`).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from facilitator.domain import validation
from facilitator.domain.competences import MAX_NOTE_LENGTH, SCALE_MAX, SCALE_MIN
from facilitator.domain.enums import MeetingStatus
from facilitator.domain.validation import ValidationError
from facilitator.i18n import _
from facilitator.storage.database import Database
from facilitator.storage.models import Meeting, Reflection


@dataclass(frozen=True)
class ReflectionInput:
    """What the official answered: a score of 1-5 per competence (None: not answered) and a note."""

    supportive: int | None = None
    relations: int | None = None
    liaison: int | None = None
    adapting: int | None = None
    note: str = ""

    def scores(self) -> dict[str, int | None]:
        """The four scores by competence key."""
        return {
            "supportive": self.supportive,
            "relations": self.relations,
            "liaison": self.liaison,
            "adapting": self.adapting,
        }


@dataclass(frozen=True)
class ReflectionRow:
    """A stored reflection (detached)."""

    meeting_id: uuid.UUID
    supportive: int | None
    relations: int | None
    liaison: int | None
    adapting: int | None
    note: str
    recorded_at: datetime

    def score(self, key: str) -> int | None:
        """The score of one competence, by its key."""
        value: int | None = getattr(self, key)
        return value


def _score(value: int | None, field: str) -> int | None:
    # bool is an int in Python; a ticked box is not a score.
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
        raise ValidationError(
            _("Vælg et tal fra {low} til {high}.").format(low=SCALE_MIN, high=SCALE_MAX), field
        )
    return value


def _clean(data: ReflectionInput) -> dict[str, int | str | None]:
    checks = {key: (lambda v=value, k=key: _score(v, k)) for key, value in data.scores().items()}
    clean: dict[str, int | str | None] = validation.clean_fields({
        **checks,
        "note": lambda: validation.optional_text(data.note, "note", _("Noten"), MAX_NOTE_LENGTH),
    })
    if all(clean[key] is None for key in data.scores()) and not clean["note"]:
        raise ValidationError(
            _("Vælg mindst ét tal eller skriv en note – eller spring refleksionen over."), "supportive"
        )
    return clean


def _row(r: Reflection) -> ReflectionRow:
    return ReflectionRow(r.meeting_id, r.supportive, r.relations, r.liaison, r.adapting, r.note,
                         r.recorded_at)


def save_reflection(db: Database, meeting_id: uuid.UUID, data: ReflectionInput) -> ReflectionRow:
    """Store the reflection of a closed meeting in one commit; it replaces the meeting's earlier one."""
    clean = _clean(data)
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        if meeting.status is not MeetingStatus.CLOSED:
            raise ValidationError(_("Refleksionen skrives, når mødet er afsluttet."), "meeting")
        reflection = s.scalars(select(Reflection).where(Reflection.meeting_id == meeting_id)).first()
        if reflection is None:
            reflection = Reflection(meeting_id=meeting_id)
            s.add(reflection)
        for key, value in clean.items():
            setattr(reflection, key, value)
        reflection.recorded_at = db.clock.now()
        s.commit()
        return _row(reflection)


def get_reflection(db: Database, meeting_id: uuid.UUID) -> ReflectionRow | None:
    """The meeting's reflection, or None if none was written."""
    with db.session() as s:
        found = s.scalars(select(Reflection).where(Reflection.meeting_id == meeting_id)).first()
        return None if found is None else _row(found)


def skip_reflection(db: Database, meeting_id: uuid.UUID) -> None:
    """The official skips the reflection: nothing is stored (an earlier reflection stays)."""
    with db.session() as s:
        s.get_one(Meeting, meeting_id)


def reflections_in(db: Database, project_ids: Iterable[uuid.UUID]) -> int:
    """How many reflections the meetings of these projects have."""
    ids = list(project_ids)
    if not ids:
        return 0
    with db.session() as s:
        return s.scalar(
            select(func.count())
            .select_from(Reflection)
            .join(Meeting, Meeting.id == Reflection.meeting_id)
            .where(Meeting.project_id.in_(ids))
        ) or 0


def delete_reflections_of(connection: sqlite3.Connection, project_ids: Iterable[uuid.UUID]) -> int:
    """Delete the reflections of these projects' meetings on a plain connection; returns how many.

    Plain SQL, like the erasure (services/privacy_erase.py), so the same step
    runs on the live database and on every backup, even one made before the
    reflection table existed. The caller commits.
    """
    keys = [project_id.hex for project_id in project_ids]  # UUIDs are stored as 32 hex digits
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not keys or "reflection" not in tables:
        return 0
    marks = ", ".join("?" for _key in keys)
    cursor = connection.execute(
        f"DELETE FROM reflection WHERE meeting_id IN "  # noqa: S608 - only placeholders are joined
        f"(SELECT id FROM meeting WHERE project_id IN ({marks}))",
        keys,
    )
    return cursor.rowcount
