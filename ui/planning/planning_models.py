"""Table models for the planning screens: projects, meetings and agenda phases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from facilitator.i18n import _
from facilitator.services.rows import MeetingRow, PhaseRow, ProjectRow


class Identified(Protocol):
    """A plain row with an id: the table keeps its selection by it."""

    @property
    def id(self) -> Any:
        """The row's identity (a UUID for stored rows, the file's id for a backup)."""
        ...


Row = TypeVar("Row", bound=Identified)
Index = QModelIndex | QPersistentModelIndex

# The row object itself, for views that need the id or the whole row.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

DATE_FORMAT = "%d-%m-%Y %H:%M"
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
TEXT_ALIGNMENT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def format_schedule(when: datetime) -> str:
    """A meeting time as the official writes it: 03-03-2026 19:00."""
    return when.strftime(DATE_FORMAT)


def format_minutes(total: int) -> str:
    """A duration in the agenda's words: "45 min", "2 t", "1 t 30 min"."""
    hours, minutes = divmod(total, 60)
    if hours and minutes:
        return _("{h} t {m} min").format(h=hours, m=minutes)
    if hours:
        return _("{h} t").format(h=hours)
    return _("{m} min").format(m=minutes)


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over a list of plain rows; subclasses name the columns."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def headers(self) -> list[str]:
        """Column titles."""
        raise NotImplementedError

    def cell(self, row: Row, column: int) -> Any:
        """What a cell displays."""
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows; the same rows in the same order only update, so selection stays."""
        rows = list(rows)
        if [r.id for r in rows] == [r.id for r in self._rows] and rows:
            self._rows = rows
            last = self.index(len(rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[Row]:
        """The rows shown."""
        return list(self._rows)

    def row_at(self, index: Index) -> Row | None:
        """The row behind an index, if any."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def row_of(self, row_id: Any) -> int:
        """The position of the row with this id, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of rows (none under a row: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(self.headers())

    def numeric_columns(self) -> set[int]:
        """Columns of numbers, right-aligned like in a spreadsheet."""
        return set()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles across the top, aligned like their cells; no row numbers down the side."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers()):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = section in self.numeric_columns()
            return int((NUMBER_ALIGNMENT if numeric else TEXT_ALIGNMENT).value)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, the row itself and tooltips."""
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < self.columnCount():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.cell(row, index.column())
            return None if value is None else str(value)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric_columns():
            return int(NUMBER_ALIGNMENT.value)
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: Row, column: int, role: int) -> Any:
        """Other roles (alignment, fonts); none by default."""
        return None


class ProjectTableModel(RowTableModel[ProjectRow]):
    """Projects: name, number of meetings, archived or active."""

    def headers(self) -> list[str]:
        """Column titles."""
        return [_("Projekt"), _("Møder"), _("Status")]

    def numeric_columns(self) -> set[int]:
        """The meeting count."""
        return {1}

    def cell(self, row: ProjectRow, column: int) -> Any:
        """Name, meeting count, status."""
        if column == 0:
            return row.name
        if column == 1:
            return row.meeting_count
        return _("Arkiveret") if row.archived else _("Aktiv")

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

    def headers(self) -> list[str]:
        """Column titles."""
        return [_("Møde"), _("Dato og tid"), _("Sted"), _("Status")]

    def cell(self, row: MeetingRow, column: int) -> Any:
        """Title, dd-mm-yyyy HH:MM, venue, status label."""
        return (row.title, format_schedule(row.scheduled_at), row.venue, row.status.label)[column]


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
        super().__init__(parent)
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

    def headers(self) -> list[str]:
        """Column titles."""
        # «Min.», not «Minutter»: on a 1024 px screen the phase's title needs the room.
        return [_("Nr."), _("Kl."), _("Punkt"), _("Min."), _("Ventetid (sek.)")]

    def cell(self, row: PhaseRow, column: int) -> Any:
        """Number from 1, start time, title, minutes, seconds."""
        if column == self.NUMBER:
            return row.position + 1
        if column == self.START:
            if self._starts_at is None:
                return None
            before = sum(r.planned_minutes for r in self._rows if r.position < row.position)
            return (self._starts_at + timedelta(minutes=before)).strftime("%H:%M")
        if column == self.TITLE:
            return row.title
        if column == self.MINUTES:
            return row.planned_minutes
        return row.hold_back_seconds

    def extra_data(self, row: PhaseRow, column: int, role: int) -> Any:
        """Raw values for the editors."""
        if role == Qt.ItemDataRole.EditRole and column in self.FIELDS:
            return getattr(row, self.FIELDS[column])
        return None

    def numeric_columns(self) -> set[int]:
        """Everything but the title."""
        return {self.NUMBER, self.START, self.MINUTES, self.HOLD_BACK}

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
