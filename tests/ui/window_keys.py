"""The main window as a test opens it, and a key press as it reaches the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ui.main_window import MainWindow


def shown_window(qtbot, db, clock) -> MainWindow:
    window = MainWindow(db, clock)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def key(qtbot, window, k, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press as it reaches the window (so shortcuts fire)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.windowHandle(), k, modifiers)
