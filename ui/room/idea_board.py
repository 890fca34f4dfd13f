"""The ideas of the current item on the wall: one column, two when they are many, then the
newest that fit under «+ N tidligere idéer».

The ideas are listed in the order they were said (the newest at the bottom), so a
new idea appears where the room expects it. Sizes are set by the room view from
the screen's height; the board only decides where each idea goes.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.i18n import _, ngettext
from facilitator.room_state import RoomIdeaLine
from ui.common.pixels import pixel_font
from ui.room.room_palette import LIGHT, RoomPalette

MOST_SHOWN = 40


@dataclass(frozen=True)
class BoardSizes:
    """Pixel sizes, from the screen's height."""

    title_px: int
    carried_px: int
    heading_px: int
    gap: int


def grouped(ideas: Sequence[RoomIdeaLine]) -> list[tuple[str, list[RoomIdeaLine]]]:
    """The ideas by theme, themes in the order they first came up; no theme last.

    One theme whatever its case ("Trafik", "trafik"), shown as first spelled, as the
    «Temaer» board groups them.
    """
    groups: dict[str, list[RoomIdeaLine]] = {}
    spelling: dict[str, str] = {}
    for idea in ideas:
        theme = " ".join(idea.theme.split())
        key = theme.casefold()
        spelling.setdefault(key, theme)
        groups.setdefault(key, []).append(idea)
    ordered = [(spelling[key], items) for key, items in groups.items() if key]
    if "" in groups:
        ordered.append(("", groups[""]))
    return ordered


class IdeaBoard(QWidget):
    """Places the ideas' labels; rebuilt when the ideas change, re-packed on a resize."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ideas: tuple[RoomIdeaLine, ...] = ()
        self.by_theme = False
        self.palette_ = LIGHT
        self.sizes = BoardSizes(32, 24, 26, 12)
        self.columns = 1
        self.shown_count = 0
        self.empty_text = ""
        self._labels: list[QLabel] = []
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("roomPlaceholder")
        self.placeholder.setWordWrap(True)
        self.more = QLabel(self)
        self.more.setObjectName("roomMore")

    def show_ideas(
        self, ideas: tuple[RoomIdeaLine, ...], by_theme: bool, palette: RoomPalette,
        sizes: BoardSizes, empty_text: str = "",
    ) -> None:
        """Draw these ideas (capture order) with these sizes; `empty_text` when there are none."""
        self.ideas, self.by_theme, self.palette_, self.sizes = ideas, by_theme, palette, sizes
        self.empty_text = empty_text
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Re-pack for the new size."""
        super().resizeEvent(event)
        self._arrange()

    # ----- labels -----------------------------------------------------------------

    def _clear(self) -> None:
        for label in self._labels:
            label.hide()
            label.setParent(None)
            label.deleteLater()
        self._labels = []

    def _idea_label(self, idea: RoomIdeaLine) -> QLabel:
        sizes, colours = self.sizes, self.palette_
        label = QLabel(self)
        label.setObjectName("roomIdea")
        label.setFont(pixel_font(sizes.title_px))
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        # A table gives the hanging indent: a wrapped title and its group line up after the number.
        widest = str(max(i.number for i in self.ideas))  # the board's numbers line up
        number_width = QFontMetrics(pixel_font(sizes.title_px, bold=True)).horizontalAdvance(widest) \
            + round(sizes.title_px * 0.5)
        text = html.escape(idea.title)
        if idea.carried_by:
            text += (f'<br><span style="font-size:{sizes.carried_px}px; color:{colours.secondary}">'
                     f"{html.escape(idea.carried_by)}</span>")
        label.setText(
            f'<table cellspacing="0" cellpadding="0"><tr><td width="{number_width}">'
            f'<span style="color:{colours.accent}; font-weight:bold">{idea.number}</span></td>'
            f"<td>{text}</td></tr></table>")
        return label

    def _heading_label(self, theme: str) -> QLabel:
        label = QLabel(theme or _("Uden tema"), self)
        label.setObjectName("roomTheme")
        label.setFont(pixel_font(self.sizes.heading_px, bold=True))
        label.setWordWrap(True)
        return label

    # ----- packing ----------------------------------------------------------------

    def _items(
        self, shown: Sequence[RoomIdeaLine], ideas: dict[int, QLabel], headings: dict[str, QLabel]
    ) -> list[QLabel]:
        # Labels are made once per arrangement and reused by every try at packing them.
        def idea(line: RoomIdeaLine) -> QLabel:
            if line.number not in ideas:
                ideas[line.number] = self._idea_label(line)
            return ideas[line.number]

        if not self.by_theme:
            return [idea(i) for i in shown]
        items: list[QLabel] = []
        for theme, lines in grouped(shown):
            if theme not in headings:
                headings[theme] = self._heading_label(theme)
            items.append(headings[theme])
            items += [idea(i) for i in lines]
        return items

    def _pack(
        self, items: list[QLabel], top: int, columns: int, measure: Callable[[QLabel, int], int]
    ) -> list[QRect] | None:
        """Where each item goes in `columns` columns below `top`, or None if they do not fit."""
        gap = self.sizes.gap
        width = (self.width() - gap * 2 * (columns - 1)) // columns
        places: list[QRect] = []
        column, y = 0, top
        for index, label in enumerate(items):
            height = measure(label, width)
            # A theme's heading never ends a column without its first idea.
            follows = measure(items[index + 1], width) + gap if (
                label.objectName() == "roomTheme" and index + 1 < len(items)) else 0
            if y + height + follows > self.height():
                column += 1
                y = top
                if column >= columns or y + height + follows > self.height():
                    return None
            places.append(QRect(column * (width + gap * 2), y, width, height))
            y += height + gap
        return places

    def _arrange(self) -> None:
        self._clear()
        colours = self.palette_
        self.setStyleSheet(
            f"QLabel {{ color: {colours.text}; background: transparent; }}"
            f" QLabel#roomTheme {{ color: {colours.accent}; }}"
            f" QLabel#roomMore, QLabel#roomPlaceholder {{ color: {colours.secondary}; }}"
        )
        self.more.hide()
        self.more.setText("")
        self.placeholder.setFont(pixel_font(self.sizes.carried_px))
        self.placeholder.setGeometry(0, 0, self.width(), self.height())
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.shown_count = 0
        if not self.ideas:
            self.placeholder.setText(self.empty_text)
            self.placeholder.setVisible(bool(self.empty_text))
            return
        self.placeholder.setText("")
        self.placeholder.hide()
        self.more.setFont(pixel_font(self.sizes.carried_px))
        more_height = QFontMetrics(self.more.font()).height() + self.sizes.gap
        total = len(self.ideas)
        ideas: dict[int, QLabel] = {}
        headings: dict[str, QLabel] = {}
        heights: dict[tuple[int, int], int] = {}

        def measure(label: QLabel, width: int) -> int:
            # Laying out rich text is the slow part: each label is measured once per width.
            key = (id(label), width)
            if key not in heights:
                heights[key] = label.heightForWidth(width)
            return heights[key]

        chosen: tuple[list[QLabel], list[QRect], int, int] | None = None
        # No wall holds more than a few dozen readable ideas: start the search there.
        for count in range(min(total, MOST_SHOWN), 0, -1):
            items = self._items(self.ideas[total - count:], ideas, headings)
            top = 0 if count == total else more_height
            for columns in (1, 2):
                places = self._pack(items, top, columns, measure)
                if places is not None:
                    chosen = (items, places, total - count, columns)
                    break
            if chosen is not None:
                break
        if chosen is None:
            # Not even one idea fits (a tiny window): the newest, cut to the board.
            items = self._items(self.ideas[-1:], ideas, headings)
            chosen = (items, [self.rect()] * len(items), total - 1, 1)
        used = {id(label) for label in chosen[0]}
        for label in [*ideas.values(), *headings.values()]:
            if id(label) not in used:
                label.setParent(None)
                label.deleteLater()
        self._show(*chosen)

    def _show(self, items: list[QLabel], places: list[QRect], hidden: int, columns: int) -> None:
        self._labels = items
        self.columns = columns
        self.shown_count = len(self.ideas) - hidden
        for label, place in zip(items, places, strict=True):
            label.setGeometry(place)
            label.show()
        if hidden:
            self.more.setText(ngettext("+ {n} tidligere idé", "+ {n} tidligere idéer", hidden).format(n=hidden))
            self.more.setGeometry(0, 0, self.width(), QFontMetrics(self.more.font()).height())
            self.more.show()

    def idea_labels(self) -> list[QLabel]:
        """The labels of the ideas on the board now (tests read them)."""
        return [label for label in self._labels if label.objectName() == "roomIdea"]
