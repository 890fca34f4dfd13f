"""The screens the room view may use, from an object that can be swapped in tests.

In the app it is Qt's own list, and `changed` fires when a projector is plugged
in or removed; a test gives a list it edits and emits `changed` itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen


class QtScreens(QObject):
    """The machine's screens (QGuiApplication.screens()), and a signal when they change."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            # Methods, not lambdas: Qt drops the connections when this object goes.
            app.screenAdded.connect(self._screen_changed)
            app.screenRemoved.connect(self._screen_changed)

    def _screen_changed(self, _screen: QScreen) -> None:
        self.changed.emit()

    def screens(self) -> list[QScreen]:
        """The screens now; the first is the primary one."""
        return list(QGuiApplication.screens())

    def primary(self) -> QScreen | None:
        """The laptop's own screen."""
        return QGuiApplication.primaryScreen()
