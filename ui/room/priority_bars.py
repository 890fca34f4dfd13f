"""A priority round on the wall: one horizontal bar per idea with its dots, most dots first.

Ranked by votes (ties by the idea's number, so equal bars never swap places
while the official types); the bar's length is the share of the largest count,
and the count is written beside it, so the colour is never the only signal.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.i18n import _, ngettext
from facilitator.room_state import RoomPriorities
from ui.common.pixels import pixel_font
from ui.room.room_palette import LIGHT, RoomPalette

# The smallest type the bars take for a long round, as a share of the usual: the usual is
# 3.6 % of the screen's height (room_view.IDEA_SHARE), this keeps it above 3 %.
SMALLEST_SHARE = 0.84


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
        row_height = round(self.text_px * 1.7)
        heading_font = pixel_font(self.text_px, bold=True)
        self.heading.setFont(heading_font)
        self.heading.setText(
            _("Prioritering, runde {round}").format(round=priorities.round) + " · "
            + ngettext("{n} prik i alt", "{n} prikker i alt", priorities.total).format(n=priorities.total)
        )
        self.heading.setGeometry(0, 0, self.width(), row_height)
        ranked = priorities.ranked()
        below = self.height() - row_height * 2
        # Every number must be on the wall while the room votes: one column with two lines
        # for a long title, one line, two columns side by side, closer lines, and last a
        # smaller type (never below 3 % of the screen's height); only beyond that «+ N».
        layouts = [(1, 2.9, 1.0), (1, 1.7, 1.0), (2, 1.7, 1.0), (2, 1.4, 1.0),
                   (2, 1.35, SMALLEST_SHARE)]
        columns, line_factor, scale = layouts[-1]
        for option in layouts:
            height = round(self.text_px * option[2] * option[1])
            if len(ranked) <= option[0] * max(1, below // height):
                columns, line_factor, scale = option
                break
        px = round(self.text_px * scale)
        line_height = round(px * line_factor)
        per_column = max(1, below // line_height)
        shown = ranked[:columns * per_column]
        largest = max((v.votes for v in ranked), default=0)
        gap = px
        column_width = (self.width() - gap * (columns - 1)) // columns
        # The titles take half the width, more on a narrow screen (some 22 letters' room),
        # and two thirds of a column when two stand side by side.
        label_width = round(column_width * 0.66) if columns > 1 else round(
            max(column_width * 0.5, min(column_width * 0.65, px * 22)))
        count_width = round(px * 3.2)
        bar_room = max(1, column_width - label_width - px // 2 - count_width - px // 2)
        two_lines = line_factor > 2
        row_height = round(px * 1.7)
        # The numbers stand in a column of their own, so every title starts at the same place.
        widest = str(max((v.number for v in shown), default=0))
        number_width = QFontMetrics(pixel_font(px, bold=True)).horizontalAdvance(widest) + round(px * 0.6)
        for index, vote in enumerate(shown):
            column, row = divmod(index, per_column)
            x = column * (column_width + gap)
            y = round(self.text_px * 1.7) + row * line_height
            title = QLabel(self)
            title.setObjectName("roomBarTitle")
            title.setFont(pixel_font(px))
            title.setTextFormat(Qt.TextFormat.RichText)
            title.setWordWrap(two_lines)
            text_width = label_width - number_width - round(px * 0.3)
            elided = title.fontMetrics().elidedText(
                vote.title, Qt.TextElideMode.ElideRight,
                text_width * 2 - px * 3 if two_lines else text_width)
            title.setText(
                f'<table cellspacing="0" cellpadding="0"><tr><td width="{number_width}">'
                f'<span style="color:{colours.accent}; font-weight:bold">{vote.number}</span></td>'
                f"<td>{html.escape(elided)}</td></tr></table>")
            title.setGeometry(x, y, label_width, line_height)
            count = QLabel(str(vote.votes), self)
            count.setObjectName("roomBarCount")
            count.setFont(pixel_font(px, bold=True))
            bar_left = x + label_width + px // 2
            length = round(bar_room * vote.votes / largest) if largest else 0
            bar_height = min(row_height, line_height) - 2 * (min(row_height, line_height) // 5)
            bar = QRect(bar_left, y + (line_height - bar_height) // 2, length, bar_height)
            count.setGeometry(bar_left + length + px // 3, y, count_width, line_height)
            for label in (title, count):
                label.show()
            self._rows.append((title, count, bar))
        hidden = len(ranked) - len(shown)
        if hidden:
            self.more.setFont(pixel_font(round(px * 0.8)))
            self.more.setText(ngettext("+ {n} idé mere", "+ {n} idéer mere", hidden).format(n=hidden))
            self.more.setGeometry(0, round(self.text_px * 1.7) + per_column * line_height,
                                  self.width(), row_height)
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
