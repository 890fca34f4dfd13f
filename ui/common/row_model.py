"""The one base for tables of plain rows: columns declared as (heading, getter, alignment).

Every table in the app shows frozen rows a service returned (services/rows.py), replaced
whole by `set_rows` (Vorta's `views/partials/*_model.py` is the pattern). A model names its
columns once; the base answers Qt's questions (counts, headings, text, alignment, the row
itself under ROW_ROLE) and a subclass adds only what is its own: a tooltip, a font, a
colour, in-place editing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

# The row object itself, for views that need the id or the whole row.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
# Numbers, amounts, times: right-aligned like in a spreadsheet, heading included.
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its heading, what a row shows in it (None: an empty cell), its alignment."""

    heading: str
    value: Callable[[Row], object]
    alignment: Qt.AlignmentFlag = TEXT

    def text(self, row: Row) -> str | None:
        """The cell's text."""
        value = self.value(row)
        return None if value is None else str(value)


def identity(row: object) -> object:
    """What tells rows apart: their id (rows without one are compared whole)."""
    return getattr(row, "id", row)


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over a list of plain rows, in the columns it was given."""

    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns: list[Column[Row]] = list(columns)
        self._rows: list[Row] = []

    # ----- the rows ----------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows; the same rows in the same order only update, so selection stays."""
        rows = list(rows)
        if rows and [identity(r) for r in rows] == [identity(r) for r in self._rows]:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[Row]:
        """The rows shown, in order."""
        return list(self._rows)

    def row_at(self, where: Index | int) -> Row | None:
        """The row behind an index or at a position, if any."""
        if isinstance(where, int):
            position = where
        elif where.isValid():
            position = where.row()
        else:
            return None
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def row_of(self, row_id: object) -> int:
        """The position of the row with this id, or -1."""
        return next((i for i, r in enumerate(self._rows) if identity(r) == row_id), -1)

    # ----- what Qt asks ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        """Number of rows (none under a row: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        """Number of columns."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Headings across the top, aligned like their cells; no row numbers down the side."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].heading
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.columns[section].alignment.value)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltip, alignment, the row itself; other roles from `extra_data`."""
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment.value)
        return self.extra_data(row, index.column(), role)

    # ----- what a subclass may add -------------------------------------------------

    def tooltip(self, row: Row, column: int) -> str | None:
        """The text on hover: by default the cell's own (a clipped cell shows in full)."""
        return self.columns[column].text(row)

    def extra_data(self, row: Row, column: int, role: int) -> Any:
        """Other roles (font, colour, edit value); none by default."""
        return None
