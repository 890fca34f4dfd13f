"""How long personal data is kept: the retention setting and the day each project ended.

The retention is stored as one row in the `setting` table (a missing row means
the default), beside the settings of services/settings.py but kept apart from
them: it is a privacy rule, not part of the brief's letterhead.
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.i18n import _
from facilitator.services.settings import store_values
from facilitator.storage.database import Database
from facilitator.storage.models import Meeting, Project, Setting

RETENTION_KEY = "retention_months_after_end"
DEFAULT_RETENTION_MONTHS = 12
MAX_RETENTION_MONTHS = 120


@dataclass(frozen=True)
class Retention:
    """When a project's personal data is due for erasure."""

    project_id: uuid.UUID
    # The day typed by the official, if any.
    ended_on: date | None
    # The day the retention counts from: `ended_on`, else (archived) the last meeting's day.
    counts_from: date | None
    months: int
    # The first day on which the project's people are erased; None while it runs.
    erase_from: date | None


def add_months(day: date, months: int) -> date:
    """`day` moved `months` calendar months on; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def get_retention_months(db: Database) -> int:
    """Months after a project's end that names and contacts are kept (default 12)."""
    with db.session() as s:
        row = s.get(Setting, RETENTION_KEY)
    try:
        months = int(row.value) if row is not None else DEFAULT_RETENTION_MONTHS
    except ValueError:
        return DEFAULT_RETENTION_MONTHS  # a damaged value must not stop the start-up purge
    return min(max(months, 0), MAX_RETENTION_MONTHS)


def set_retention_months(db: Database, months: int) -> int:
    """Store the retention in months (0 to 120); refused in Danish otherwise."""
    if isinstance(months, bool) or not isinstance(months, int) or not (
        0 <= months <= MAX_RETENTION_MONTHS
    ):
        raise validation.ValidationError(
            _("Opbevaringstiden skal være et helt antal måneder fra 0 til {most}.").format(
                most=MAX_RETENTION_MONTHS
            ),
            "retention_months",
        )
    store_values(db, {RETENTION_KEY: str(months)})
    return months


def set_project_ended(db: Database, project_id: uuid.UUID, ended_on: date | None) -> Retention:
    """Record the day a project ended (None: it runs on); the retention counts from it."""
    with db.session() as s:
        project = s.get(Project, project_id)
        if project is None:
            raise validation.ValidationError(_("Projektet findes ikke."), "project_id")
        if ended_on is not None and ended_on < project.created_at.astimezone().date():
            raise validation.ValidationError(
                _("Projektet kan ikke slutte, før det blev oprettet."), "ended_on"
            )
        project.ended_on = ended_on
        s.commit()
    return retention(db, project_id)


def retention(db: Database, project_id: uuid.UUID) -> Retention:
    """When the project's people will be erased, under the current setting."""
    months = get_retention_months(db)
    with db.session() as s:
        project = s.get(Project, project_id)
        if project is None:
            raise validation.ValidationError(_("Projektet findes ikke."), "project_id")
        counts_from = _counts_from(project, _last_meeting_day(s, project_id))
        ended_on = project.ended_on
    return Retention(
        project_id=project_id,
        ended_on=ended_on,
        counts_from=counts_from,
        months=months,
        erase_from=add_months(counts_from, months) if counts_from else None,
    )


def all_retentions(db: Database) -> list[Retention]:
    """The retention of every project (for the start-up purge)."""
    with db.session() as s:
        ids = list(s.scalars(select(Project.id)))
    return [retention(db, project_id) for project_id in ids]


def _last_meeting_day(s: Session, project_id: uuid.UUID) -> date | None:
    last = s.scalar(select(func.max(Meeting.scheduled_at)).where(Meeting.project_id == project_id))
    return last.date() if last is not None else None


def _counts_from(project: Project, last_meeting: date | None) -> date | None:
    # An archived project is over even when nobody typed the day it ended: the
    # last meeting (or, with none, the day it was created) stands in, so that
    # privacy by default does not depend on a field the official may overlook.
    if project.ended_on is not None:
        return project.ended_on
    if project.archived:
        return last_meeting or project.created_at.astimezone().date()
    return None
