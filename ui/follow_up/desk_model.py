"""The desk's table: a project's asks and next steps with age, deadline and an overdue marker."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from facilitator.domain.formats import entry_date
from facilitator.i18n import _, ngettext
from facilitator.services.follow_up_desk import DeskKind, DeskRow
from ui.common.row_model import NUMBER, Column, RowTableModel

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

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(_("Ønske / skridt"), lambda r: " ".join(r.text.split())),
            Column(_("Status"), lambda r: _(r.stage.msgid)),
            Column(_("Frist"), lambda r: entry_date(r.deadline)),
            Column(_("Forfald"), overdue_marker),
            Column(_("Alder"), lambda r: days_text(r.age_days), NUMBER),
            Column(_("Forvaltning / ansvarlig"), lambda r: r.department),
            Column(_("Møde"), lambda r: f"{r.meeting_title} · {entry_date(r.meeting_day)}"),
            Column(_("Landsby"), lambda r: ", ".join(r.villages)),
            Column(_("Idé"), lambda r: r.idea_title),
            Column(_("Slags"), lambda r: _("Ønske") if r.kind is DeskKind.ASK else _("Skridt")),
        ], parent)

    def cell(self, row: DeskRow, column: int) -> str:
        """What a cell says."""
        return self.columns[column].text(row) or ""

    def tooltip(self, row: DeskRow, column: int) -> str | None:
        """The cell in full; the entry's also names the idea and the villages, whose columns
        the desk hides to give the entry's own words the room."""
        if column != self.TEXT:
            return super().tooltip(row, column)
        lines = [self.cell(row, column)]
        if row.idea_title:
            lines.append(_("Idé: {title}").format(title=row.idea_title))
        if row.villages:
            lines.append(_("Landsby: {villages}").format(villages=", ".join(row.villages)))
        return "\n".join(lines)

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
