"""The room view: draws one `RoomState` — large, calm, high contrast, readable from the back.

Every size is a share of the widget's height, so the text is as large on a
1024×768 projector as on a 1920×1080 screen relative to what the room sees:
idea titles are 3.6 % of the height (the issue asks at least 3 %). Blank is a
plain screen in the theme's background with no text at all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from facilitator.domain.formats import duration_words
from facilitator.i18n import _
from facilitator.room_state import RoomState
from ui.common.pixels import set_px
from ui.room.idea_board import BoardSizes, IdeaBoard
from ui.room.priority_bars import PriorityBars
from ui.room.room_palette import palette_for

# Shares of the height: the idea titles are what the room reads, the item's title is the
# headline, the agenda and who carries an idea are quieter.
IDEA_SHARE = 0.036
ITEM_SHARE = 0.058
QUESTION_SHARE = 0.044
SMALL_SHARE = 0.027
MARGIN_SHARE = 0.04


def empty_words() -> str:
    """What the board says before the item's first idea."""
    return _("Idéerne vises her, efterhånden som de bliver skrevet ned.")


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class RoomView(QWidget):
    """Draws a `RoomState`; redraws only when it differs from the one shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomView")
        self.state = RoomState()
        self.meeting = _label("roomMeeting")
        self.item = _label("roomItem")
        self.question = _label("roomQuestion")
        self.rule = QFrame()
        self.rule.setObjectName("roomRule")
        self.rule.setFixedHeight(3)
        self.board = IdeaBoard()
        self.bars = PriorityBars()
        self.agenda_heading = _label("roomAgendaHeading")
        self.agenda_labels: list[QLabel] = []
        self.agenda_box = QVBoxLayout()
        self.agenda_box.setSpacing(6)
        self.agenda_column = QWidget()
        column = QVBoxLayout(self.agenda_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.agenda_heading)
        column.addLayout(self.agenda_box)
        column.addStretch(1)
        self.time = _label("roomTime")
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.body = QHBoxLayout()
        self.body.addWidget(self.board, 3)
        self.body.addWidget(self.bars, 3)
        self.body.addWidget(self.agenda_column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.meeting)
        layout.addWidget(self.item)
        layout.addWidget(self.question)
        layout.addWidget(self.rule)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.time)
        self.bars.hide()
        self._redraw()

    # ----- drawing ---------------------------------------------------------------------

    def show_state(self, state: RoomState) -> None:
        """Show `state` (nothing happens when the room already sees it)."""
        if state == self.state:
            return
        self.state = state
        self._redraw()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Sizes follow the height."""
        super().resizeEvent(event)
        self._redraw()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """The theme's background, on a blank screen too."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(palette_for(self.state.dark).background))

    def title_px(self) -> int:
        """The idea titles' pixel size for the current height."""
        return max(9, round(self.height() * IDEA_SHARE))

    def _redraw(self) -> None:
        state = self.state
        colours = palette_for(state.dark)
        height = max(1, self.height())
        margin = round(height * MARGIN_SHARE)
        layout = self.layout()
        assert layout is not None
        layout.setContentsMargins(margin, round(margin * 0.7), margin, round(margin * 0.6))
        layout.setSpacing(round(height * 0.012))
        self.body.setSpacing(margin)
        self.setStyleSheet(
            f"QLabel {{ color: {colours.text}; background: transparent; }}"
            f" QLabel#roomMeeting, QLabel#roomTime, QLabel#roomAgendaHeading"
            f" {{ color: {colours.secondary}; }}"
            f" QFrame#roomRule {{ background: {colours.rule}; border: none; }}"
        )
        small = height * SMALL_SHARE
        set_px(self.meeting, small)
        set_px(self.item, height * ITEM_SHARE, bold=True)
        set_px(self.question, height * QUESTION_SHARE, italic=True)
        set_px(self.agenda_heading, small, bold=True)
        set_px(self.time, small * 1.15, bold=True)
        self.meeting.setText(state.meeting_title)
        self.item.setText(state.item_title)
        self.question.setText(f"»{state.question}«" if state.question else "")
        self.question.setVisible(bool(state.question))
        self.agenda_heading.setText(_("Dagsorden") if state.agenda else "")
        self._show_agenda(colours.accent, colours.secondary, small)
        self.time.setText(self._time_words())
        self.time.setVisible(state.time_left is not None)
        voting = state.priorities is not None
        self.bars.setVisible(voting and not state.blank)
        self.board.setVisible(not voting and not state.blank)
        self.board.show_ideas(
            () if voting else state.ideas, state.group_by_theme, colours,
            BoardSizes(self.title_px(), round(small), round(height * 0.032), round(height * 0.014)),
            "" if state.blank or not state.item_title else empty_words(),
        )
        self.bars.show_priorities(state.priorities, colours, round(height * IDEA_SHARE))
        for widget in (self.meeting, self.item, self.rule):
            widget.setVisible(not state.blank)
        # While the room votes, the bars get the whole width: the titles must be read in full.
        self.agenda_column.setVisible(not state.blank and not voting)
        self.update()

    def _show_agenda(self, accent: str, secondary: str, px: float) -> None:
        state = self.state
        while len(self.agenda_labels) < len(state.agenda):
            label = _label("roomAgendaItem")
            self.agenda_box.addWidget(label)
            self.agenda_labels.append(label)
        for index, label in enumerate(self.agenda_labels):
            if index >= len(state.agenda):
                label.setText("")
                label.hide()
                continue
            current = index == state.current_index
            # The current item is marked by a sign and weight as well as colour.
            label.setText(("▶ " if current else "") + state.agenda[index])
            colour = accent if current else (secondary if index < state.current_index else "")
            label.setStyleSheet(f"color: {colour};" if colour else "")
            set_px(label, px, bold=current)
            label.show()

    def _time_words(self) -> str:
        left = self.state.time_left
        if left is None:
            return ""
        if left <= 0:
            return _("Punktets tid er brugt")
        return _("Ca. {time} tilbage af punktet").format(time=duration_words(left))

    def texts(self) -> list[str]:
        """Every label's text in the view, shown or not (tests read what could reach the wall)."""
        return [label.text() for label in self.findChildren(QLabel)]
