"""The people table: name, contact, each consent, when and how it was given, and its state."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from facilitator.i18n import _
from facilitator.services.people_rows import PersonRow
from ui.capture.models import format_date
from ui.planning.planning_models import RowTableModel

MUTED = QColor("#5b6775")


@dataclass(frozen=True)
class PersonEntry:
    """A person as the table shows it, with the project it belongs to (searches cross projects)."""

    person: PersonRow
    project_name: str

    @property
    def id(self) -> uuid.UUID:
        """The person's id (the table keeps the selection by it)."""
        return self.person.id


def consent_state(person: PersonRow) -> str:
    """One phrase for where the consent stands."""
    if person.withdrawn_at is not None:
        return _("Trukket tilbage {date}").format(
            date=format_date(person.withdrawn_at.astimezone().date()))
    if person.may_be_named or person.may_be_contacted:
        return _("Gældende")
    return _("Intet samtykke")


class PeopleTableModel(RowTableModel[PersonEntry]):
    """People with their consents; the project column shows only while searching all projects."""

    NAME, CONTACT, NAMED, CONTACTED, GIVEN, STATE, PROJECT = range(7)

    def headers(self) -> list[str]:
        """Column titles."""
        return [_("Navn"), _("Kontakt"), _("Må nævnes"), _("Må kontaktes"), _("Samtykke givet"),
                _("Status"), _("Projekt")]

    def cell(self, row: PersonEntry, column: int) -> Any:
        """What each column shows; a withdrawn consent reads as "Nej" from then on."""
        person = row.person
        if column == self.NAME:
            return person.name
        if column == self.CONTACT:
            return person.contact or "–"
        if column == self.NAMED:
            return _("Ja") if person.can_be_named else _("Nej")
        if column == self.CONTACTED:
            return _("Ja") if person.can_be_contacted else _("Nej")
        if column == self.GIVEN:
            if person.consent_on is None:
                return "–"
            source = person.consent_source.label if person.consent_source else ""
            return " · ".join(p for p in (format_date(person.consent_on), source) if p)
        if column == self.STATE:
            return consent_state(person)
        return row.project_name

    def extra_data(self, row: PersonEntry, column: int, role: int) -> Any:
        """Withdrawn people in a muted colour (the Status column says it in words)."""
        if role == Qt.ItemDataRole.ForegroundRole and row.person.withdrawn_at is not None:
            return MUTED
        return None
