"""Where the main window was: saved when it closes, restored when the app starts.

The state lives in the user's own Qt settings (an INI file, not the database):
it belongs to this laptop's screens, not to the meetings. A window is put back
only where it fits whole on a screen that is still there; otherwise (the
projector is gone, the resolution shrank) it opens maximised on the screen it
starts on, so it is never off-screen or larger than the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

ORGANISATION = "Facilitator"
APPLICATION = "Facilitator"
MAXIMISED_KEY = "main_window/maximised"
GEOMETRY_KEY = "main_window/geometry"
SCREEN_KEY = "main_window/screen"
# The smallest normal window worth restoring, and the frame a window manager adds.
MIN_NORMAL = QSize(640, 400)
TITLE_BAR = 32
FRAME = 4


def _sensible(geometry: QRect) -> bool:
    return geometry.isValid() and geometry.width() >= MIN_NORMAL.width() and (
        geometry.height() >= MIN_NORMAL.height()
    )


def app_settings() -> QSettings:
    """The user's settings file for window state (tests redirect it with QSettings.setPath)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def save_window_state(window: QWidget, store: QSettings) -> None:
    """Remember whether the window is maximised, its normal geometry and its screen."""
    store.setValue(MAXIMISED_KEY, window.isMaximized() or window.isFullScreen())
    # The normal geometry, so a window closed maximised comes back to a sensible size too;
    # a window only ever maximised has just Qt's placeholder there, which is not kept.
    normal = window.normalGeometry()
    if _sensible(normal):
        store.setValue(GEOMETRY_KEY, normal)
    else:
        store.remove(GEOMETRY_KEY)
    store.setValue(SCREEN_KEY, window.screen().name())
    store.sync()


@dataclass(frozen=True)
class SavedPlace:
    """A saved window state that can be used on the screens there are now."""

    screen: QScreen
    geometry: QRect | None  # the normal geometry, when it lies whole on the screen
    maximised: bool


def saved_place(store: QSettings) -> SavedPlace | None:
    """The saved screen and geometry, if that screen is still there and the window fits on it."""
    if not store.contains(SCREEN_KEY):
        return None
    # Some platforms leave screens unnamed: then the saved geometry tells them apart.
    name = store.value(SCREEN_KEY, "", str)
    screens = [s for s in QGuiApplication.screens() if s.name() == name]
    stored = store.value(GEOMETRY_KEY, QRect(), QRect)
    geometry = stored if isinstance(stored, QRect) and stored.isValid() else None
    if geometry is not None and not _sensible(geometry):
        geometry = None
    # The frame too (the title bar above the inner area), so it can always be grabbed.
    framed = None if geometry is None else geometry.adjusted(-FRAME, -TITLE_BAR, FRAME, FRAME)
    fitting = [s for s in screens if framed is not None and s.availableGeometry().contains(framed)]
    maximised = bool(store.value(MAXIMISED_KEY, False, bool))
    if fitting:
        return SavedPlace(fitting[0], geometry, maximised)
    if maximised and screens:
        return SavedPlace(screens[0], None, True)
    # Gone (the projector), or the window would hang off it (a lower resolution now).
    return None


def show_main_window(window: QWidget, store: QSettings) -> None:
    """Show the window as it was left; maximised on its starting screen when that is not possible."""
    place = saved_place(store)
    if place is None:
        window.showMaximized()
        return
    window.setScreen(place.screen)
    if place.geometry is not None:
        window.setGeometry(place.geometry)
    if place.maximised:
        window.showMaximized()
    else:
        window.show()
