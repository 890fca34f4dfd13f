"""Small pieces shared by the planning screens: buttons with shortcut tooltips, headings, tables."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QWidget,
)

from facilitator.i18n import _
from ui.common.focus import tab_leaves

# Calm and roomy for a projector: generous padding, one clear primary action per screen.
PLANNING_STYLE = """
QPushButton { padding: 7px 16px; }
QPushButton#primaryButton {
    background: #1f6f43; color: white; font-weight: bold;
    border: 1px solid #17563a; border-radius: 5px; padding: 10px 26px;
}
QPushButton#primaryButton:focus { border: 2px solid #0b2e1e; }
QPushButton#primaryButton:disabled { background: #a9c4b5; border-color: #a9c4b5; }
QTableView::item { padding: 0px 10px; }
QHeaderView::section {
    padding: 6px 10px; background: #e9eeeb; font-weight: bold;
    border: none; border-right: 1px solid #d3dad6; border-bottom: 1px solid #c3ccc7;
}
QLabel#hintText { color: #444444; }
"""


def join_isolated(parts: list[str], separator: str = " · ") -> str:
    """Join user texts into one left-to-right line, each part kept whole even if it is Arabic.

    Without the isolates (FSI … PDI) one right-to-left venue turns the whole line
    around and the date lands at the far end.
    """
    return "\u200e" + separator.join(f"\u2068{p}\u2069" for p in parts if p)


# What a window manager adds around a window (title bar, frame), kept free on a small screen.
FRAME_ALLOWANCE = QSize(24, 48)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to width×height, or less on a small screen, so the whole window with its frame fits."""
    anchor = window.parentWidget() or window
    room = anchor.screen().availableGeometry().size() - FRAME_ALLOWANCE
    window.resize(min(width, room.width()), min(height, room.height()))


def button(text: str, keys: str = "") -> QPushButton:
    """A push button whose tooltip names its shortcut."""
    push = QPushButton(text)
    if keys:
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        push.setToolTip(_("{action} ({keys})").format(action=text, keys=native))
    return push


def buddy_label(text: str, field: QWidget) -> QLabel:
    """A field's label whose "&" letter (Alt+letter) moves the cursor into the field."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


class ElidedLabel(QLabel):
    """A one-line label that ends a too long text with "…" (full text in the tooltip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        # Ignored width: a 500-character title must not widen the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Left in a left-to-right screen, also when the text is Arabic or Hebrew.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Show `text`, shortened to the width if needed."""
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        """The whole text, unshortened."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Re-shorten for the new width."""
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        one_line = " ".join(self._full.split())
        width = max(self.width(), 50)
        super().setText(self.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, width))


def heading(text: str, points: int = 15) -> ElidedLabel:
    """A bold one-line heading, large enough for a projector."""
    label = ElidedLabel(text)
    font = label.font()
    font.setPointSize(points)
    font.setBold(True)
    label.setFont(font)
    return label


def read_only_table(model: QAbstractItemModel) -> QTableView:
    """A calm, row-selecting, read-only table."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tab_leaves(view)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 18)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view
