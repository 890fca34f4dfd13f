"""The room view's own top-level window, for the projector."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.i18n import _
from ui.room.room_view import RoomView


class RoomWindow(QWidget):
    """A window holding only the room view; closing it (by the window manager) stops presenting."""

    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(_("Facilitator – storskærm"))
        # The keyboard stays with the official's live screen: the room window never takes it
        # (F5, B and the speaker keys must go on working while it shows).
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        # Closing the main window ends the app even while the room window shows.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.view = RoomView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Tell the presenter, which forgets the window."""
        super().closeEvent(event)
        self.closed.emit()
