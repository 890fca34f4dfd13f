"""The line under a "carried by" field: the name warning with its two ways on, or a notice."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from facilitator.i18n import _

_WARNING = (
    "#carriedNote { color: #6b4200; background: #fff4d6; border: 1px solid #d9a93c;"
    " border-radius: 4px; }"
)
_INFO = (
    "#carriedNote { color: #1d3f6e; background: #e8f1fb; border: 1px solid #8fb3de;"
    " border-radius: 4px; }"
)


class CarriedByNote(QFrame):
    """The line under a "carried by" field: a warning with its two ways on, or a short notice.

    Kept short (one line of text, one of buttons): the quick entries fill most of a
    1024×600 screen. The longer explanation is in the tooltip and the accessible description.
    """

    shown_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carriedNote")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a typed "<b>" shows as typed
        self.use_group_button = QPushButton(_("Brug en &gruppe"))
        self.add_person_button = QPushButton(_("Ti&lføj personen med samtykke …"))
        for push in (self.use_group_button, self.add_person_button):
            # Enter on a focused button presses it; it never saves the form behind it.
            push.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.use_group_button)
        buttons.addWidget(self.add_person_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.setSpacing(5)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self._texts = ("", "")  # what to say, at length and in short
        self.setVisible(False)

    def _fit_text(self) -> None:
        # On a narrow form (a 1024×600 screen) a second line would push the form off the screen.
        full, short = self._texts
        layout = self.layout()
        inner = layout.contentsMargins() if layout is not None else self.contentsMargins()
        room = self.contentsRect().width() - inner.left() - inner.right()
        fits = self.text.fontMetrics().horizontalAdvance(full) <= room
        self.text.setText(full if fits else short)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Say it at length only where that stays one line."""
        super().resizeEvent(event)
        self._fit_text()

    def show_warning(self, text: str, why: str, offer_person: bool, short: str = "") -> None:
        """⚠ and the ways on (adding the person only where that makes sense).

        `short` is said instead of `text` where `text` would take a second line.
        """
        self.setStyleSheet(_WARNING)
        self._texts = ("⚠ " + text, "⚠ " + (short or text))
        self._fit_text()
        self.setToolTip(why)
        self.setAccessibleDescription(why)
        self.use_group_button.show()
        self.add_person_button.setVisible(offer_person)
        self._show(True)

    def show_info(self, text: str) -> None:
        """A short notice, no buttons."""
        self.setStyleSheet(_INFO)
        self._texts = ("ℹ " + text, "ℹ " + text)
        self._fit_text()
        self.setToolTip("")
        self.setAccessibleDescription("")
        self.use_group_button.hide()
        self.add_person_button.hide()
        self._show(True)

    def clear(self) -> None:
        """Nothing to say."""
        self._show(False)

    def _show(self, on: bool) -> None:
        self.setVisible(on)
        # The form hides the row and makes room (or gives it back).
        self.shown_changed.emit(on)

    @property
    def warning(self) -> bool:
        """A warning (not a notice) is showing."""
        return self.isVisible() and self.use_group_button.isVisibleTo(self)
