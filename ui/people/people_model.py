"""The people table: name, contact, each consent, when and how it was given, and its state."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from facilitator.domain.formats import entry_date
from facilitator.i18n import _
from facilitator.services.people_rows import PersonRow
from ui.common.row_model import Column, RowTableModel

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
            date=entry_date(person.withdrawn_at.astimezone().date()))
    if person.may_be_named or person.may_be_contacted:
        return _("Gældende")
    return _("Intet samtykke")


def consent_given(person: PersonRow) -> str:
    """When and how the consent was given ("–" when it never was)."""
    if person.consent_on is None:
        return "–"
    source = person.consent_source.label if person.consent_source else ""
    return " · ".join(p for p in (entry_date(person.consent_on), source) if p)


class PeopleTableModel(RowTableModel[PersonEntry]):
    """People with their consents; the project column shows only while searching all projects."""

    NAME, CONTACT, NAMED, CONTACTED, GIVEN, STATE, PROJECT = range(7)

    def __init__(self, parent: Any = None) -> None:
        # A withdrawn consent reads as "Nej" from then on.
        super().__init__([
            Column(_("Navn"), lambda r: r.person.name),
            Column(_("Kontakt"), lambda r: r.person.contact or "–"),
            Column(_("Må nævnes"), lambda r: _("Ja") if r.person.can_be_named else _("Nej")),
            Column(_("Må kontaktes"),
                   lambda r: _("Ja") if r.person.can_be_contacted else _("Nej")),
            Column(_("Samtykke givet"), lambda r: consent_given(r.person)),
            Column(_("Status"), lambda r: consent_state(r.person)),
            Column(_("Projekt"), lambda r: r.project_name),
        ], parent)

    def extra_data(self, row: PersonEntry, column: int, role: int) -> Any:
        """Withdrawn people in a muted colour (the Status column says it in words)."""
        if role == Qt.ItemDataRole.ForegroundRole and row.person.withdrawn_at is not None:
            return MUTED
        return None
