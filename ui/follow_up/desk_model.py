"""The desk's table: a project's asks and next steps with age, deadline and an overdue marker."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from facilitator.i18n import _, ngettext
from facilitator.services.follow_up_desk import DeskKind, DeskRow
from ui.capture.models import format_date
from ui.planning.planning_models import RowTableModel

# What a header click sorts by: numbers and dates as such, not as their text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# Overdue rows: a warm background AND the "⚠ … over fristen" text, never colour alone.
OVERDUE_BACKGROUND = QColor("#fde4d8")
OVERDUE_TEXT = QColor("#7a2410")


def days_text(days: int) -> str:
    """«1 dag», «12 dage»."""
    return ngettext("{n} dag", "{n} dage", days).format(n=days)


def overdue_marker(row: DeskRow) -> str:
    """«⚠ 5 dage over» (the deadline) for an overdue entry; empty otherwise."""
    if not row.overdue:
        return ""
    return _("⚠ {days} over").format(days=days_text(row.overdue_days))


class DeskTableModel(RowTableModel[DeskRow]):
    """One line per ask or next step; the desk fills it with `set_rows`."""

    # Where it stands and how late first: on a narrow screen the right-hand columns scroll away.
    TEXT, STAGE, DEADLINE, OVERDUE, AGE, DEPARTMENT, MEETING, VILLAGE, IDEA, KIND = range(10)

    def headers(self) -> list[str]:
        """Column titles."""
        return [_("Ønske / skridt"), _("Status"), _("Frist"), _("Forfald"), _("Alder"),
                _("Forvaltning / ansvarlig"), _("Møde"), _("Landsby"), _("Idé"), _("Slags")]

    def numeric_columns(self) -> set[int]:
        """Age is a number of days."""
        return {self.AGE}

    def cell(self, row: DeskRow, column: int) -> Any:
        """What each cell says."""
        if column == self.TEXT:
            return " ".join(row.text.split())
        if column == self.KIND:
            return _("Ønske") if row.kind is DeskKind.ASK else _("Skridt")
        if column == self.IDEA:
            return row.idea_title
        if column == self.MEETING:
            return f"{row.meeting_title} · {format_date(row.meeting_day)}"
        if column == self.VILLAGE:
            return ", ".join(row.villages)
        if column == self.DEPARTMENT:
            return row.department
        if column == self.STAGE:
            return _(row.stage.msgid)
        if column == self.AGE:
            return days_text(row.age_days)
        if column == self.DEADLINE:
            return format_date(row.deadline)
        return overdue_marker(row)

    def sort_key(self, row: DeskRow, column: int) -> Any:
        """What a header click sorts by."""
        if column == self.AGE:
            return row.age_days
        if column == self.DEADLINE:
            return (row.deadline or date.max).toordinal()
        if column == self.OVERDUE:
            return row.overdue_days
        if column == self.MEETING:
            return f"{row.meeting_day.isoformat()} {row.meeting_title.casefold()}"
        return str(self.cell(row, column)).casefold()

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """As every row table; the entry's tooltip also names the idea and the villages, whose
        columns the desk hides to give the entry's own words the room."""
        row = self.row_at(index)
        if row is not None and role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TEXT:
            lines = [" ".join(row.text.split())]
            if row.idea_title:
                lines.append(_("Idé: {title}").format(title=row.idea_title))
            if row.villages:
                lines.append(_("Landsby: {villages}").format(villages=", ".join(row.villages)))
            return "\n".join(lines)
        return super().data(index, role)

    def extra_data(self, row: DeskRow, column: int, role: int) -> Any:
        """Sort keys, and the overdue rows' colour."""
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        if row.overdue and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE_BACKGROUND)
        if row.overdue and role == Qt.ItemDataRole.ForegroundRole and column == self.OVERDUE:
            return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.TEXT:
            marker = overdue_marker(row)
            return f"{self.cell(row, column)} {marker}".strip()
        return None

    def is_step(self, row: DeskRow) -> bool:
        """Whether the line is a next step."""
        return row.kind is DeskKind.STEP


class DeskSortModel(QSortFilterProxyModel):
    """Sorts the desk by the model's sort keys (age as a number, deadline as a date)."""

    def __init__(self, source: DeskTableModel) -> None:
        super().__init__(source)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def lessThan(  # noqa: N802 - Qt API
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Compare the sort keys (same type within a column)."""
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None
        return bool(a < b)
