"""The search results: a list model of hits and a delegate that draws each as three short lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from facilitator.domain.formats import date_time
from facilitator.i18n import N_, _
from facilitator.services.rows import SearchHitRow
from ui.planning.planning_widgets import join_isolated

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

KIND_NAMES = {"idea": N_("Idé"), "ask": N_("Ressourceønske"), "step": N_("Næste skridt")}
# A calm colour per kind, beside its name (never the colour alone).
KIND_COLOURS = {"idea": "#1f6f43", "ask": "#8a5a00", "step": "#2f5d8a"}


def place_line(hit: SearchHitRow) -> str:
    """«Borgermøde i Knebel · 03-03-2026 19:00 · Mols i Udvikling»."""
    return join_isolated([hit.meeting_title, date_time(hit.meeting_at), hit.project_name])


class SearchResultModel(QAbstractListModel):
    """The hits of the latest search, best first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SearchHitRow] = []

    def set_rows(self, rows: Sequence[SearchHitRow]) -> None:
        """Show these hits (as the service returned them)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[SearchHitRow]:
        """The hits shown."""
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """How many hits (a list has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The title for display and screen readers, the meeting in the tooltip, the row itself."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{_(KIND_NAMES[hit.kind])}: {hit.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (hit.title, hit.snippet, place_line(hit)) if p)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return place_line(hit)
        if role == ROW_ROLE:
            return hit
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """Line 1: the kind and the title; line 2: the meeting, its date, the project; line 3: the detail."""

    PADDING = 8

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() - 1, 8.0))
        detail = QFont(small)
        detail.setItalic(True)
        return title, small, detail

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 - Qt API
        """Room for two lines, three when there is a detail to show."""
        title, small, detail = self._fonts(option)
        hit: SearchHitRow | None = index.data(ROW_ROLE)
        height = QFontMetrics(title).height() + QFontMetrics(small).height() + 2 * self.PADDING + 2
        if hit is not None and hit.snippet:
            height += QFontMetrics(detail).height() + 2
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Draw the hit; the selected one in the palette's highlight."""
        hit: SearchHitRow | None = index.data(ROW_ROLE)
        if hit is None:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = text_colour if selected else QColor("#555555")
        title_font, small_font, detail_font = self._fonts(option)
        area = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        top = area.top()

        kind = _(KIND_NAMES[hit.kind])
        painter.setFont(small_font)
        kind_metrics = QFontMetrics(small_font)
        kind_width = kind_metrics.horizontalAdvance(kind) + 12
        title_height = QFontMetrics(title_font).height()
        badge = QRect(area.left(), top + (title_height - kind_metrics.height()) // 2 - 1,
                      kind_width, kind_metrics.height() + 2)
        painter.setPen(QColor("#ffffff") if not selected else QColor(KIND_COLOURS[hit.kind]))
        painter.fillRect(badge, QColor(KIND_COLOURS[hit.kind]) if not selected else text_colour)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, kind)

        painter.setFont(title_font)
        painter.setPen(text_colour)
        title_rect = QRect(badge.right() + 8, top, area.right() - badge.right() - 8, title_height)
        self._line(painter, title_rect, hit.title)
        top += title_height + 2

        painter.setFont(small_font)
        painter.setPen(muted)
        small_height = QFontMetrics(small_font).height()
        self._line(painter, QRect(area.left(), top, area.width(), small_height), place_line(hit))
        top += small_height + 2
        if hit.snippet:
            painter.setFont(detail_font)
            self._line(painter, QRect(area.left(), top, area.width(),
                                      QFontMetrics(detail_font).height()), hit.snippet)
        painter.setPen(QColor("#dddddd"))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()

    @staticmethod
    def _line(painter: QPainter, rect: QRect, text: str) -> None:
        one_line = " ".join(text.split())
        elided = painter.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
