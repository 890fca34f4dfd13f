"""Table models of the project overview: the village × theme heat map, asks, the idea list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from facilitator.domain.enums import IdeaStatus
from facilitator.domain.formats import amount_dkk, entry_date
from facilitator.i18n import _
from facilitator.services.project_overview import (
    AskFigure,
    AskStatusDepartment,
    ProjectIdeaRow,
    VillageThemeCounts,
)
from ui.common.row_model import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex

# The heat map runs from paper white to the house green (#1f6f43); totals sit on grey.
COLD = QColor("#f7faf8")
HOT = QColor("#1f6f43")
TOTAL_BACKGROUND = QColor("#e9eeeb")
ZERO_TEXT = QColor("#8a948f")
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def heat_colour(count: int, most: int) -> QColor:
    """The cell's colour: the more ideas (of the most in any cell), the deeper the green."""
    if count <= 0 or most <= 0:
        return COLD
    # A single idea already shows clearly; the busiest cell is the full green.
    share = 0.2 + 0.8 * count / most
    return QColor(
        round(COLD.red() + (HOT.red() - COLD.red()) * share),
        round(COLD.green() + (HOT.green() - COLD.green()) * share),
        round(COLD.blue() + (HOT.blue() - COLD.blue()) * share),
    )


def two_lines(text: str) -> str:
    """A column heading on at most two lines, broken at the space that balances them best."""
    words = text.split()
    if len(words) < 2:
        return text
    splits = [(" ".join(words[:n]), " ".join(words[n:])) for n in range(1, len(words))]
    first, second = min(splits, key=lambda pair: max(len(pair[0]), len(pair[1])))
    return f"{first}\n{second}"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class _GridModel(QAbstractTableModel):
    """A read-only grid with a totals row and a totals column at its end."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[str, ...] = ()
        self._columns: tuple[str, ...] = ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The rows and the totals row (none when there is nothing to count)."""
        return 0 if parent.isValid() or not self._rows else len(self._rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The columns and the totals column."""
        return 0 if parent.isValid() or not self._rows else len(self._columns) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column names across the top, row names down the side, "I alt" last in both."""
        names = self._columns if orientation == Qt.Orientation.Horizontal else self._rows
        if role == Qt.ItemDataRole.DisplayRole:
            if section == len(names):
                return _("I alt")
            if not 0 <= section < len(names):
                return None
            return two_lines(names[section]) if orientation == Qt.Orientation.Horizontal else names[section]
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < len(names):
            return names[section]
        if role == Qt.ItemDataRole.FontRole and section == len(names):
            return _bold()
        return None

    def is_total(self, index: Index) -> bool:
        """Whether the cell is in the totals row or column."""
        return index.row() == len(self._rows) or index.column() == len(self._columns)


class HeatMapModel(_GridModel):
    """Ideas by village (rows) and theme (columns): the count as text, the colour by count."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = VillageThemeCounts((), (), ())
        self._most = 0

    def set_rows(self, table: VillageThemeCounts) -> None:
        """Show these counts instead of the old ones."""
        self.beginResetModel()
        self._table = table
        self._rows, self._columns = table.villages, table.themes
        self._most = max((c for row in table.counts for c in row), default=0)
        self.endResetModel()

    def count_at(self, index: Index) -> int:
        """The number a cell shows."""
        t, row, column = self._table, index.row(), index.column()
        if row == len(t.villages):
            return t.total if column == len(t.themes) else t.theme_total(t.themes[column])
        if column == len(t.themes):
            return t.village_total(t.villages[row])
        return t.counts[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The count, its colour, and a sentence saying it for the tooltip."""
        if not index.isValid() or index.row() >= self.rowCount() or index.column() >= self.columnCount():
            return None
        count = self.count_at(index)
        total = self.is_total(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTRE
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(TOTAL_BACKGROUND if total else heat_colour(count, self._most))
        if role == Qt.ItemDataRole.ForegroundRole:
            if not total and count == 0:
                return QBrush(ZERO_TEXT)
            dark = not total and heat_colour(count, self._most).lightness() < 140
            return QBrush(QColor("white") if dark else QColor("#10301f"))
        if role == Qt.ItemDataRole.FontRole and total:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._sentence(index, count)
        return None

    def _sentence(self, index: Index, count: int) -> str:
        t = self._table
        village = t.villages[index.row()] if index.row() < len(t.villages) else ""
        theme = t.themes[index.column()] if index.column() < len(t.themes) else ""
        ideas = _("1 idé") if count == 1 else _("{n} idéer").format(n=count)
        return " · ".join(part for part in (village, theme, ideas) if part)


def amount_text(dkk: int) -> str:
    """An amount in the table: "45.000 kr.", empty for none."""
    return amount_dkk(dkk) if dkk else ""


class AskGridModel(_GridModel):
    """Asks by department (rows) and status (columns): how many in each cell, kroner at the side.

    After the departments comes "I alt" (asks per status); after the statuses "I alt" and
    "Beløb" (what a department is asked for). A cell's own amount is in its tooltip, and
    the amounts per status stand under the table (`status_amounts`): amounts in every
    column would make the table too wide to sit beside the heat map.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table = AskStatusDepartment((), (), ())

    def set_rows(self, table: AskStatusDepartment) -> None:
        """Show these figures instead of the old ones."""
        self.beginResetModel()
        self._table = table
        self._rows = table.departments
        self._columns = tuple(status.label for status in table.statuses)
        self.endResetModel()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The statuses, "I alt" and "Beløb"."""
        return 0 if parent.isValid() or not self._rows else len(self._columns) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """As the grid's, with "Beløb" after "I alt"."""
        names = self._columns if orientation == Qt.Orientation.Horizontal else self._rows
        if section == len(names) + 1 and self._rows:
            if role == Qt.ItemDataRole.DisplayRole:
                return _("Beløb")
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
            return None
        return super().headerData(section, orientation, role)

    def is_total(self, index: Index) -> bool:
        """Whether the cell is in a totals row or column."""
        return index.row() >= len(self._rows) or index.column() >= len(self._columns)

    def figure_at(self, index: Index) -> AskFigure:
        """The asks a cell counts (for "Beløb": the same asks as "I alt" beside it)."""
        t = self._table
        row, column = min(index.row(), len(t.departments)), min(index.column(), len(t.statuses))
        if row == len(t.departments):
            return t.total if column == len(t.statuses) else t.status_total(t.statuses[column])
        if column == len(t.statuses):
            return t.department_total(t.departments[row])
        return t.figures[row][column]

    def text_at(self, index: Index) -> str:
        """A count, or in the "Beløb" column an amount; empty for nothing."""
        figure = self.figure_at(index)
        if index.column() == len(self._columns) + 1:
            return amount_text(figure.amount_dkk)
        return str(figure.count) if figure.count else ""

    def status_amounts(self) -> str:
        """What the asks of each status ask for: "Åben: 6.500 kr. · Bevilget: 45.000 kr."."""
        t = self._table
        return " · ".join(
            f"{status.label}: {amount_text(t.status_total(status).amount_dkk)}"
            for status in t.statuses
            if t.status_total(status).amount_dkk
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Counts and amounts, lined up on the right as figures are; each cell's amount on hover."""
        if not index.isValid() or index.row() >= self.rowCount() or index.column() >= self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text_at(index)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            figure = self.figure_at(index)
            if not figure.count:
                return None
            asks = _("1 ønske") if figure.count == 1 else _("{n} ønsker").format(n=figure.count)
            return " · ".join(p for p in (asks, amount_text(figure.amount_dkk)) if p)
        if self.is_total(index):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(TOTAL_BACKGROUND)
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
        return None


class ProjectIdeaModel(RowTableModel[ProjectIdeaRow]):
    """The project's ideas: title, meeting, village, theme and status."""

    STATUS_COLUMN = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(_("Idé"), lambda r: r.title),
                Column(_("Møde"), lambda r: f"{entry_date(r.meeting_at.date())} {r.meeting_title}"),
                Column(_("Sted"), lambda r: r.village),
                Column(_("Tema"), lambda r: r.theme),
                Column(_("Status"), lambda r: r.status.label),
            ],
            parent,
        )

    def tooltip(self, row: ProjectIdeaRow, column: int) -> str | None:
        """The idea in full, with where it came from."""
        return f"{row.title}\n{row.meeting_title} · {row.village} · {row.theme}"


class IdeaStatusFilter(QSortFilterProxyModel):
    """Shows only the ideas of one status (None: every idea)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status: IdeaStatus | None = None

    def set_status(self, status: IdeaStatus | None) -> None:
        """Show only this status (None: all)."""
        # begin/endFilterChange came with Qt 6.10 and replace invalidateRowsFilter (deprecated
        # there); the app still runs on 6.8 with Python 3.11.
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            self.status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.status = status
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        """An idea of the chosen status."""
        if self.status is None:
            return True
        model = self.sourceModel()
        if not isinstance(model, ProjectIdeaModel):
            return True
        row = model.row_at(source_row)
        return row is not None and row.status == self.status
