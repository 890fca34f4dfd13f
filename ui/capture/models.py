"""Table models for the captured ideas, resource asks and next steps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from facilitator.i18n import _
from facilitator.services.rows import AskRow, IdeaRow, StepRow

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

# Extra roles for the two-line lists of the live screen: a second line under the title,
# a short marker at the right of the title (a check flag, an amount, who owns a step),
# and whether that marker asks for attention (shown as a tinted tag besides its ⚑ text).
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1
MARKER_ROLE = Qt.ItemDataRole.UserRole + 2
MARKER_ALERT_ROLE = Qt.ItemDataRole.UserRole + 3

# Long texts (a pasted 10,000-character detail) must not make a tooltip fill the screen.
TOOLTIP_LIMIT = 400
CHECK_BACKGROUND = QColor("#fff4d6")


def format_amount_dkk(amount: int | None) -> str:
    """An amount as Danes write it: "12.500 kr."."""
    if amount is None:
        return ""
    return _("{amount} kr.").format(amount=f"{amount:,}".replace(",", "."))


def format_date(day: date | None) -> str:
    """A date as DD-MM-ÅÅÅÅ, the form the entry fields accept."""
    return "" if day is None else day.strftime("%d-%m-%Y")


def check_marker(row: IdeaRow) -> str:
    """The visible flag on an idea that needs a check (text, not colour alone)."""
    if row.needs_check is None:
        return ""
    return _("⚑ Tjek: {kind}").format(kind=row.needs_check.label)


def _clip(text: str) -> str:
    return text if len(text) <= TOOLTIP_LIMIT else text[:TOOLTIP_LIMIT] + "…"


def _joined(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


class Column(Generic[R]):
    """One column: its heading and how a row shows in it."""

    def __init__(self, heading: str, text: Callable[[R], str]) -> None:
        self.heading = heading
        self.text = text


class CaptureTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of plain rows, replaced whole by `set_rows`."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show these rows instead of the old ones."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        """The rows shown, in order."""
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        """The row at a position, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows at the top level; a table has no children."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns at the top level."""
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headings."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self._columns):
                return self._columns[section].heading
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, tooltips and the extra cues of a subclass."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()].text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        if role == SUBTITLE_ROLE:
            return self.subtitle(row)
        if role == MARKER_ROLE:
            return self.marker(row)
        if role == MARKER_ALERT_ROLE:
            return self.marker_alert(row)
        return self.extra_data(row, index.column(), role)

    def tooltip(self, row: R) -> str | None:
        """The full story of a row on hover."""
        return None

    def subtitle(self, row: R) -> str:
        """The second line under the title."""
        return ""

    def marker(self, row: R) -> str:
        """A short tag at the right of the title."""
        return ""

    def marker_alert(self, row: R) -> bool:
        """Whether the tag calls for attention."""
        return False

    def extra_data(self, row: R, column: int, role: int) -> Any:
        """Other roles (background, font) for a subclass to add."""
        return None


class IdeaTableModel(CaptureTableModel[IdeaRow]):
    """Ideas: title, who proposed it, place, theme, and the check flag."""

    CHECK_COLUMN = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(_("Idé"), lambda r: r.title),
                Column(_("Foreslået af"), lambda r: r.proposed_by),
                Column(_("Sted"), lambda r: r.place_name),
                Column(_("Tema"), lambda r: r.theme),
                Column(_("Tjek"), check_marker),
            ],
            parent,
        )

    def tooltip(self, row: IdeaRow) -> str | None:
        """Title, detail and the note on the check."""
        parts = [_clip(row.title)]
        if row.detail:
            parts.append(_clip(row.detail))
        if row.needs_check is not None:
            note = f" — {_clip(row.check_note)}" if row.check_note else ""
            parts.append(check_marker(row) + note)
        return "\n\n".join(parts)

    def subtitle(self, row: IdeaRow) -> str:
        """Who proposed it, where, and the theme."""
        return _joined(row.proposed_by, row.place_name, row.theme)

    def marker(self, row: IdeaRow) -> str:
        """The check flag, if any."""
        return check_marker(row)

    def marker_alert(self, row: IdeaRow) -> bool:
        """A flagged idea calls for attention."""
        return row.needs_check is not None

    def extra_data(self, row: IdeaRow, column: int, role: int) -> Any:
        """A warm tint behind a flagged idea's marker, on top of its ⚑ text."""
        if column == self.CHECK_COLUMN and row.needs_check is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(CHECK_BACKGROUND)
        return None


class AskTableModel(CaptureTableModel[AskRow]):
    """Resource asks: what, kind, amount, linked idea, who asked, answer wanted by."""

    AMOUNT_COLUMN = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(_("Ønske"), lambda r: r.what),
                Column(_("Type"), lambda r: r.kind.label),
                Column(_("Beløb"), lambda r: format_amount_dkk(r.amount_dkk)),
                Column(_("Til idé"), lambda r: r.idea_title),
                Column(_("Ønsket af"), lambda r: r.asked_by),
                Column(_("Svar senest"), lambda r: format_date(r.answer_needed_by)),
            ],
            parent,
        )

    def tooltip(self, row: AskRow) -> str | None:
        """The ask in full."""
        parts = [_clip(row.what)]
        if row.idea_title:
            parts.append(_("Til idéen: {title}").format(title=_clip(row.idea_title)))
        if row.asked_by:
            parts.append(_("Ønsket af: {who}").format(who=_clip(row.asked_by)))
        if row.department:
            parts.append(_("Afdeling: {department}").format(department=_clip(row.department)))
        if row.needs_decision:
            parts.append(_("Kræver politisk beslutning"))
        return "\n".join(parts)

    def subtitle(self, row: AskRow) -> str:
        """Kind, department, political decision, deadline, linked idea and who asked."""
        return _joined(
            row.kind.label,
            row.department,
            _("politisk beslutning") if row.needs_decision else "",
            _("svar senest {day}").format(day=format_date(row.answer_needed_by))
            if row.answer_needed_by
            else "",
            _("til: {title}").format(title=row.idea_title) if row.idea_title else "",
            row.asked_by,
        )

    def marker(self, row: AskRow) -> str:
        """The amount, if any."""
        return format_amount_dkk(row.amount_dkk)

    def extra_data(self, row: AskRow, column: int, role: int) -> Any:
        """Amounts line up on the right, as numbers do."""
        if column == self.AMOUNT_COLUMN and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class StepTableModel(CaptureTableModel[StepRow]):
    """Next steps: what, who owns it, and by when."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(_("Hvad"), lambda r: r.what),
                Column(_("Hvem"), lambda r: r.owner_side.label),
                Column(_("Ansvarlig"), lambda r: r.owner_label),
                Column(_("Frist"), lambda r: format_date(r.due_on)),
            ],
            parent,
        )

    def subtitle(self, row: StepRow) -> str:
        """The owner and the due date."""
        due = _("frist {day}").format(day=format_date(row.due_on)) if row.due_on else ""
        return _joined(row.owner_label, due)

    def marker(self, row: StepRow) -> str:
        """Who has the ball: the citizens or the municipality."""
        return row.owner_side.label

    def tooltip(self, row: StepRow) -> str | None:
        """The step in full with its owner."""
        owner = row.owner_side.label + (f" — {_clip(row.owner_label)}" if row.owner_label else "")
        return f"{_clip(row.what)}\n{owner}"
