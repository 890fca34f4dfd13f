"""A priority round on the wall: one horizontal bar per idea with its dots, most dots first.

Ranked by votes (ties by the idea's number, so equal bars never swap places
while the official types); the bar's length is the share of the largest count,
and the count is written beside it, so the colour is never the only signal.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.i18n import _, ngettext
from facilitator.room_state import RoomPriorities
from ui.room.room_palette import LIGHT, RoomPalette


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(9, px))
    font.setBold(bold)
    return font


class PriorityBars(QWidget):
    """Draws a `RoomPriorities`: a heading, then a row per idea (label, bar, count)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.priorities: RoomPriorities | None = None
        self.palette_ = LIGHT
        self.text_px = 32
        self.heading = QLabel(self)
        self.heading.setObjectName("roomBarsHeading")
        self.more = QLabel(self)
        self.more.setObjectName("roomMore")
        self._rows: list[tuple[QLabel, QLabel, QRect]] = []

    def show_priorities(self, priorities: RoomPriorities | None, palette: RoomPalette, text_px: int) -> None:
        """Draw this round (None: nothing)."""
        self.priorities, self.palette_, self.text_px = priorities, palette, text_px
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Re-lay the rows for the new size."""
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        for title, count, _bar in self._rows:
            for label in (title, count):
                label.hide()
                label.setParent(None)
                label.deleteLater()
        self._rows = []
        colours = self.palette_
        self.setStyleSheet(f"QLabel {{ color: {colours.text}; background: transparent; }}"
                           f" QLabel#roomMore {{ color: {colours.secondary}; }}")
        self.more.hide()
        self.more.setText("")
        priorities = self.priorities
        if priorities is None:
            self.heading.setText("")
            self.update()
            return
        px = self.text_px
        self.heading.setFont(_font(px, bold=True))
        self.heading.setText(
            _("Prioritering, runde {round}").format(round=priorities.round) + " · "
            + ngettext("{n} prik i alt", "{n} prikker i alt", priorities.total).format(n=priorities.total)
        )
        row_height = round(px * 1.7)
        self.heading.setGeometry(0, 0, self.width(), row_height)
        ranked = priorities.ranked()
        # A long title takes two lines when every row still fits that way, else it is shortened.
        two_lines = len(ranked) * round(px * 2.9) <= self.height() - row_height * 2
        line_height = round(px * 2.9) if two_lines else row_height
        room = max(1, (self.height() - row_height * 2) // line_height)
        shown = ranked[:room]
        largest = max((v.votes for v in ranked), default=0)
        # Half the width for the titles, more on a narrow screen (up to some 22 letters' room).
        label_width = round(max(self.width() * 0.5, min(self.width() * 0.65, px * 22)))
        count_width = round(px * 3.2)
        bar_left = label_width + px // 2
        bar_room = max(1, self.width() - bar_left - count_width - px // 2)
        y = row_height
        for vote in shown:
            title = QLabel(self)
            title.setObjectName("roomBarTitle")
            title.setFont(_font(px))
            title.setTextFormat(Qt.TextFormat.RichText)
            title.setWordWrap(two_lines)
            text_width = label_width - round(px * 2.2)
            elided = title.fontMetrics().elidedText(
                vote.title, Qt.TextElideMode.ElideRight, text_width * (2 if two_lines else 1)
                - (px * 3 if two_lines else 0))
            title.setText(f'<span style="color:{colours.accent}; font-weight:bold">{vote.number}</span>'
                          f"&nbsp;&nbsp;{html.escape(elided)}")
            title.setGeometry(0, y, label_width, line_height)
            count = QLabel(str(vote.votes), self)
            count.setObjectName("roomBarCount")
            count.setFont(_font(px, bold=True))
            length = round(bar_room * vote.votes / largest) if largest else 0
            bar_top = y + (line_height - row_height) // 2 + row_height // 5
            bar = QRect(bar_left, bar_top, length, row_height - 2 * (row_height // 5))
            count.setGeometry(bar_left + length + px // 3, y, count_width, line_height)
            for label in (title, count):
                label.show()
            self._rows.append((title, count, bar))
            y += line_height
        hidden = len(ranked) - len(shown)
        if hidden:
            self.more.setFont(_font(round(px * 0.8)))
            self.more.setText(ngettext("+ {n} idé mere", "+ {n} idéer mere", hidden).format(n=hidden))
            self.more.setGeometry(0, y, self.width(), row_height)
            self.more.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """The bars themselves."""
        painter = QPainter(self)
        colour = QColor(self.palette_.bar)
        for _title, _count, bar in self._rows:
            if bar.width() > 0:
                painter.fillRect(bar, colour)

    def rows(self) -> list[tuple[str, str, int]]:
        """(title text, count text, bar length) of each row shown, top to bottom (tests read them)."""
        return [(t.text(), c.text(), bar.width()) for t, c, bar in self._rows]
