"""Projects and their places: create, rename, archive, list."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from facilitator.domain import validation
from facilitator.i18n import _
from facilitator.services.rows import PlaceRow, ProjectRow
from facilitator.storage.database import Database
from facilitator.storage.models import Meeting, Place, Project


def _project_name(name: str) -> str:
    return validation.required_text(name, "name", _("Projektets navn"))


def _place_names(names: list[str]) -> list[str]:
    cleaned: list[str] = []
    for name in names:
        text = validation.optional_text(name, "places", _("Stednavn"), validation.MAX_TITLE_LENGTH)
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned


def _row(project: Project, meeting_count: int) -> ProjectRow:
    return ProjectRow(
        id=project.id,
        name=project.name,
        archived=project.archived,
        places=tuple(PlaceRow(p.id, p.name) for p in project.places),
        meeting_count=meeting_count,
    )


def list_projects(db: Database, include_archived: bool = False) -> list[ProjectRow]:
    """Projects by name, with their places and meeting counts."""
    with db.session() as s:
        counts = dict(
            s.execute(select(Meeting.project_id, func.count()).group_by(Meeting.project_id)).all()
        )
        query = select(Project).order_by(func.lower(Project.name))
        if not include_archived:
            query = query.where(Project.archived.is_(False))
        return [_row(p, counts.get(p.id, 0)) for p in s.scalars(query)]


def get_project(db: Database, project_id: uuid.UUID) -> ProjectRow:
    """One project."""
    with db.session() as s:
        project = s.get_one(Project, project_id)
        count = s.scalar(select(func.count()).where(Meeting.project_id == project_id)) or 0
        return _row(project, count)


def create_project(db: Database, name: str, places: list[str] | None = None) -> ProjectRow:
    """Create a project with its villages."""
    clean_name = _project_name(name)
    place_names = _place_names(places or [])
    with db.session() as s:
        project = Project(name=clean_name, archived=False, created_at=db.clock.now())
        s.add(project)
        s.flush()
        for place in place_names:
            s.add(Place(project_id=project.id, name=place))
        s.commit()
        s.refresh(project)
        return _row(project, 0)


def rename_project(db: Database, project_id: uuid.UUID, name: str) -> ProjectRow:
    """Give a project a new name."""
    clean_name = _project_name(name)
    with db.session() as s:
        project = s.get_one(Project, project_id)
        project.name = clean_name
        s.commit()
    return get_project(db, project_id)


def set_archived(db: Database, project_id: uuid.UUID, archived: bool) -> ProjectRow:
    """Archive a project (hidden from the start screen) or bring it back."""
    with db.session() as s:
        s.get_one(Project, project_id).archived = archived
        s.commit()
    return get_project(db, project_id)


def add_places(db: Database, project_id: uuid.UUID, names: list[str]) -> ProjectRow:
    """Add villages to a project; names it already has are skipped."""
    place_names = _place_names(names)
    with db.session() as s:
        project = s.get_one(Project, project_id)
        existing = {p.name for p in project.places}
        for place in place_names:
            if place not in existing:
                s.add(Place(project_id=project_id, name=place))
        s.commit()
    return get_project(db, project_id)


def split_place_names(text: str) -> list[str]:
    """Village names typed or pasted one per line or separated by commas (or semicolons)."""
    parts = text.replace(";", ",").replace("\r", "\n").replace("\n", ",").split(",")
    return [name.strip() for name in parts if name.strip()]
