"""Plain rows for people and sent briefs (kept apart from rows.py until the lead merges them)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from facilitator.domain.enums import ConsentSource


@dataclass(frozen=True)
class PersonRow:
    """A citizen recorded by name, with what they consented to."""

    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    contact: str
    may_be_named: bool
    may_be_contacted: bool
    consent_on: date | None
    consent_source: ConsentSource | None
    withdrawn_at: datetime | None
    created_at: datetime

    @property
    def can_be_named(self) -> bool:
        """True while the person's name may leave the app (consented, not withdrawn)."""
        return self.may_be_named and self.withdrawn_at is None

    @property
    def can_be_contacted(self) -> bool:
        """True while the person may be contacted (consented, not withdrawn)."""
        return self.may_be_contacted and self.withdrawn_at is None


@dataclass(frozen=True)
class BriefRecordRow:
    """A brief recorded as sent to the politicians."""

    id: uuid.UUID
    meeting_id: uuid.UUID
    sent_on: date
    recipients: str
    language: str
    created_at: datetime
