"""An idea's life after the meeting: new, being worked on, realised or parked."""

from __future__ import annotations

import uuid

from facilitator.domain.enums import IdeaStatus
from facilitator.domain.validation import ValidationError
from facilitator.i18n import _
from facilitator.services.project_overview import ProjectIdeaRow, project_idea_row
from facilitator.storage.database import Database
from facilitator.storage.models import Idea


def set_idea_status(db: Database, idea_id: uuid.UUID, status: IdeaStatus | str) -> ProjectIdeaRow:
    """Give an idea a new status, stored at once; the idea as the overview lists it."""
    try:
        chosen = IdeaStatus(status)
    except ValueError:
        raise ValidationError(_("Ukendt status for en idé."), "status") from None
    with db.session() as s:
        idea = s.get(Idea, idea_id)
        if idea is None:
            raise ValidationError(_("Idéen findes ikke længere."), "status")
        if idea.deleted_at is not None:
            raise ValidationError(_("Idéen er slettet og kan ikke få ny status."), "status")
        idea.status = chosen
        s.commit()
        return project_idea_row(s, idea)
