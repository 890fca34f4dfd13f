"""Keyboard focus: Tab always leaves a list, and focus goes back where the next key is meant to go."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget


class _CtrlTabLeaves(QObject):
    """Turns Ctrl+Tab / Ctrl+Shift+Tab on a list into a plain Tab / Shift+Tab.

    Qt moves focus only on a plain Tab; Ctrl+Tab is the usual way out of a
    widget that keeps Tab for itself, so it must work here too.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Re-send a Ctrl+Tab as the Tab Qt understands."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            backwards = (
                event.key() == Qt.Key.Key_Backtab
                or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            )
            plain = QKeyEvent(
                QEvent.Type.KeyPress,
                Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(watched, plain)
            return True
        return False


def tab_leaves(view: QAbstractItemView) -> QAbstractItemView:
    """Tab, Shift+Tab and Ctrl+Tab move on to the next widget; arrows still move within the list."""
    view.setTabKeyNavigation(False)
    view.installEventFilter(_CtrlTabLeaves(view))
    return view


def give_focus(widget: QWidget) -> None:
    """Put the keyboard in `widget` and make its window the active one again.

    After a dialog closes some platforms leave no window active, and then no
    key (not even a window-wide shortcut) reaches the app.
    """
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


def return_focus(widget: QWidget) -> None:
    """Give the keyboard back to `widget` if it is still there to take it."""
    if shiboken6.isValid(widget) and widget.isVisible():
        give_focus(widget)
