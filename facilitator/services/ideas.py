"""An idea's life after it was captured: its status, and the theme it is grouped under."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain.danish_order import danish_key
from facilitator.domain.enums import IdeaStatus
from facilitator.domain.validation import ValidationError
from facilitator.i18n import _
from facilitator.services.capture import clean_theme, idea_row
from facilitator.services.project_overview import ProjectIdeaRow, project_idea_row
from facilitator.services.rows import IdeaRow
from facilitator.storage.database import Database
from facilitator.storage.models import Idea, Meeting


def _live_idea(s: Session, idea_id: uuid.UUID, field: str, if_deleted: str) -> Idea:
    """The idea to change, refused in Danish when it is gone or deleted."""
    idea = s.get(Idea, idea_id)
    if idea is None:
        raise ValidationError(_("Idéen findes ikke længere."), field)
    if idea.deleted_at is not None:
        raise ValidationError(if_deleted, field)
    return idea


def set_idea_status(db: Database, idea_id: uuid.UUID, status: IdeaStatus | str) -> ProjectIdeaRow:
    """Give an idea a new status, stored at once; the idea as the overview lists it."""
    try:
        chosen = IdeaStatus(status)
    except ValueError:
        raise ValidationError(_("Ukendt status for en idé."), "status") from None
    with db.session() as s:
        idea = _live_idea(s, idea_id, "status", _("Idéen er slettet og kan ikke få ny status."))
        idea.status = chosen
        s.commit()
        return project_idea_row(s, idea)


def set_idea_theme(db: Database, idea_id: uuid.UUID, theme: str) -> IdeaRow:
    """Group an idea under a theme ("" or only spaces: no theme), stored at once."""
    cleaned = clean_theme(theme)
    with db.session() as s:
        idea = _live_idea(s, idea_id, "theme", _("Idéen er slettet og kan ikke få et tema."))
        idea.theme = cleaned
        s.commit()
        return idea_row(s, idea)


def project_themes(db: Database, meeting_id: uuid.UUID) -> list[str]:
    """The themes the ideas of this meeting's project carry, once each, in Danish order.

    Themes that differ only in case or spacing are one (as in the project's overview);
    the spelling used first is the one offered.
    """
    with db.session() as s:
        project_id = s.get_one(Meeting, meeting_id).project_id
        themes = s.scalars(
            select(Idea.theme)
            .join(Meeting, Idea.meeting_id == Meeting.id)
            .where(Meeting.project_id == project_id, Idea.deleted_at.is_(None), Idea.theme != "")
            .order_by(Meeting.scheduled_at, Idea.created_at)
        )
        spelling: dict[str, str] = {}
        for theme in themes:
            tidy = " ".join(theme.split())
            if tidy:
                spelling.setdefault(tidy.casefold(), tidy)
    return sorted(spelling.values(), key=danish_key)
