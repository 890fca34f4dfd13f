"""Table models for the planning screens: projects, meetings and agenda phases."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from facilitator.domain.formats import clock_time, date_time
from facilitator.i18n import _
from facilitator.services.rows import MeetingRow, PhaseRow, ProjectRow
from ui.common.row_model import NUMBER, ROW_ROLE, Column, Index, RowTableModel

__all__ = ["ROW_ROLE", "MeetingTableModel", "PhaseTableModel", "ProjectTableModel"]


class ProjectTableModel(RowTableModel[ProjectRow]):
    """Projects: name, number of meetings, archived or active."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(_("Projekt"), lambda r: r.name),
            Column(_("Møder"), lambda r: r.meeting_count, NUMBER),
            Column(_("Status"), lambda r: _("Arkiveret") if r.archived else _("Aktiv")),
        ], parent)

    def extra_data(self, row: ProjectRow, column: int, role: int) -> Any:
        """Archived projects in italics (the Status column says it too)."""
        if role == Qt.ItemDataRole.FontRole and row.archived:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class MeetingTableModel(RowTableModel[MeetingRow]):
    """A project's meetings: title, date and time, venue, status."""

    TITLE, WHEN, VENUE, STATUS = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(_("Møde"), lambda r: r.title),
            Column(_("Dato og tid"), lambda r: date_time(r.scheduled_at)),
            Column(_("Sted"), lambda r: r.venue),
            Column(_("Status"), lambda r: r.status.label),
        ], parent)


PhaseEditor = Callable[[PhaseRow, str, Any], bool]


class PhaseTableModel(RowTableModel[PhaseRow]):
    """The agenda: number, planned clock time, title, minutes and hold-back; editable in place.

    The model never stores anything itself: an edit goes to `editor`, which
    calls the service and answers whether it was accepted, so a refused value
    leaves the stored one showing.
    """

    NUMBER, START, TITLE, MINUTES, HOLD_BACK = range(5)
    FIELDS = {TITLE: "title", MINUTES: "planned_minutes", HOLD_BACK: "hold_back_seconds"}

    def __init__(self, parent: Any = None) -> None:
        # «Min.», not «Minutter»: on a 1024 px screen the phase's title needs the room.
        super().__init__([
            Column(_("Nr."), lambda r: r.position + 1, NUMBER),
            Column(_("Kl."), self._start_of, NUMBER),
            Column(_("Punkt"), lambda r: r.title),
            Column(_("Min."), lambda r: r.planned_minutes, NUMBER),
            Column(_("Ventetid (sek.)"), lambda r: r.hold_back_seconds, NUMBER),
        ], parent)
        self.editor: PhaseEditor | None = None
        self._starts_at: datetime | None = None

    def set_start(self, starts_at: datetime | None) -> None:
        """The meeting's start, so each phase shows when it begins."""
        self._starts_at = starts_at
        if self._rows:
            column = self.START
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def total_minutes(self) -> int:
        """Planned minutes of the whole agenda."""
        return sum(r.planned_minutes for r in self._rows)

    def _start_of(self, row: PhaseRow) -> str | None:
        """When the phase begins by the plan (nothing before the meeting has a time)."""
        if self._starts_at is None:
            return None
        before = sum(r.planned_minutes for r in self._rows if r.position < row.position)
        return clock_time(self._starts_at + timedelta(minutes=before))

    def tooltip(self, row: PhaseRow, column: int) -> str | None:
        """The title's tooltip names the question put to the room, when there is one."""
        text = super().tooltip(row, column)
        if column == self.TITLE and row.question:
            return _("{title}\nSpørgsmål til salen: {question}").format(
                title=text, question=row.question)
        return text

    def extra_data(self, row: PhaseRow, column: int, role: int) -> Any:
        """Raw values for the editors."""
        if role == Qt.ItemDataRole.EditRole and column in self.FIELDS:
            return getattr(row, self.FIELDS[column])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Title, minutes and hold-back can be edited in place."""
        base = super().flags(index)
        if index.isValid() and index.column() in self.FIELDS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Hand an in-place edit to the editor callback; the stored row comes back via set_rows."""
        row = self.row_at(index)
        if row is None or role != Qt.ItemDataRole.EditRole or index.column() not in self.FIELDS:
            return False
        if self.editor is None:
            return False
        return self.editor(row, self.FIELDS[index.column()], value)
