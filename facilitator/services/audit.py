"""The privacy audit log: what kind of action, when, how many — never whom or what was said."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Connection, insert, literal_column, select
from sqlalchemy.orm import Session

from facilitator.i18n import N_, _
from facilitator.storage.database import Database
from facilitator.storage.models import AuditLog


class AuditAction(StrEnum):
    """The kinds of privacy action the log records."""

    PERSON_ADDED = "person_added"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    PERSON_EXPORTED = "person_exported"
    PERSON_ERASED = "person_erased"
    RETENTION_PURGE = "retention_purge"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name."""
        return {
            AuditAction.PERSON_ADDED: N_("Person tilføjet"),
            AuditAction.CONSENT_WITHDRAWN: N_("Samtykke trukket tilbage"),
            AuditAction.PERSON_EXPORTED: N_("Indsigt udleveret"),
            AuditAction.PERSON_ERASED: N_("Person slettet"),
            AuditAction.RETENTION_PURGE: N_("Sletning efter opbevaringstid"),
        }[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


@dataclass(frozen=True)
class AuditRow:
    """One logged privacy action."""

    at: datetime
    action: AuditAction
    count: int
    project_id: uuid.UUID | None


def log_in(
    s: Session, at: datetime, action: AuditAction, count: int = 1,
    project_id: uuid.UUID | None = None,
) -> None:
    """Add an entry to the log inside the caller's session (committed with its work)."""
    s.add(AuditLog(at=at, action=action.value, count=count, project_id=project_id))


def log_on(
    connection: Connection, at: datetime, action: AuditAction, count: int = 1,
    project_id: uuid.UUID | None = None,
) -> None:
    """Add an entry to the log on the caller's connection, inside its open transaction."""
    connection.execute(insert(AuditLog).values(
        at=at, action=action.value, count=count, project_id=project_id))


def log(db: Database, action: AuditAction, count: int = 1, project_id: uuid.UUID | None = None) -> None:
    """Record one privacy action now, in its own commit."""
    with db.session() as s:
        log_in(s, db.clock.now(), action, count, project_id)
        s.commit()


def list_audit(db: Database) -> list[AuditRow]:
    """The whole log, oldest first."""
    with db.session() as s:
        rows = s.scalars(select(AuditLog).order_by(AuditLog.at, literal_column("rowid")))
        return [AuditRow(r.at, AuditAction(r.action), r.count, r.project_id) for r in rows]
