"""The main window opens maximised, and where it was left when that still fits a screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication

from ui.main_window import MainWindow
from ui.window_state import (
    GEOMETRY_KEY,
    MAXIMISED_KEY,
    SCREEN_KEY,
    app_settings,
    show_main_window,
)


@pytest.fixture
def store(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


def started(qtbot, clock, store) -> MainWindow:
    """The window as the app shows it at start (before the database is open)."""
    window = MainWindow(None, clock, store)
    qtbot.addWidget(window)
    show_main_window(window, store)
    qtbot.waitExposed(window)
    return window


def screen_rect() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def fills_the_screen(qtbot, window) -> None:
    assert window.isMaximized()
    qtbot.waitUntil(lambda: window.frameGeometry() == screen_rect())


def test_the_first_start_fills_the_screen(qtbot, clock, store) -> None:
    fills_the_screen(qtbot, started(qtbot, clock, store))


def test_a_normal_window_comes_back_where_it_was_closed(qtbot, clock, store) -> None:
    window = started(qtbot, clock, store)
    window.showNormal()
    window.setGeometry(QRect(60, 40, 700, 500))
    qtbot.waitUntil(lambda: window.geometry() == QRect(60, 40, 700, 500))
    window.close()
    assert store.value(MAXIMISED_KEY, type=bool) is False

    again = started(qtbot, clock, store)
    assert not again.isMaximized()
    assert again.geometry() == QRect(60, 40, 700, 500)


def test_a_maximised_window_comes_back_maximised(qtbot, clock, store) -> None:
    started(qtbot, clock, store).close()
    assert store.value(MAXIMISED_KEY, type=bool) is True
    assert store.value(SCREEN_KEY, type=str) == QGuiApplication.primaryScreen().name()
    fills_the_screen(qtbot, started(qtbot, clock, store))


def test_a_place_on_a_screen_that_is_gone_opens_maximised_here(qtbot, clock, store) -> None:
    # Last time it sat on the projector, to the right of the laptop's screen.
    store.setValue(SCREEN_KEY, "HDMI-2")
    store.setValue(GEOMETRY_KEY, QRect(1924, 0, 1200, 760))
    store.setValue(MAXIMISED_KEY, False)
    fills_the_screen(qtbot, started(qtbot, clock, store))


def test_a_place_larger_than_the_screen_now_opens_maximised(qtbot, clock, store) -> None:
    # Same screen, but its resolution is lower than when the window was closed.
    store.setValue(SCREEN_KEY, QGuiApplication.primaryScreen().name())
    store.setValue(GEOMETRY_KEY, QRect(0, 0, 1900, 1040))
    store.setValue(MAXIMISED_KEY, False)
    fills_the_screen(qtbot, started(qtbot, clock, store))


def test_a_window_without_settings_remembers_nothing(qtbot, db, clock, tmp_path) -> None:
    # (The user settings here are the test run's own, see tests/conftest.py.)
    app_settings().clear()
    app_settings().sync()
    window = MainWindow(db, clock)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert app_settings().allKeys() == []


def test_a_window_only_ever_maximised_keeps_no_placeholder_geometry(qtbot, clock, store) -> None:
    window = started(qtbot, clock, store)
    assert window.isMaximized()
    window.close()
    # Qt's normal geometry of a never-normal window is a 200×100 placeholder: never restored.
    assert not store.contains(GEOMETRY_KEY)
    store.setValue(GEOMETRY_KEY, QRect(0, 0, 200, 100))
    store.setValue(MAXIMISED_KEY, False)
    fills_the_screen(qtbot, started(qtbot, clock, store))


def test_a_window_whose_title_bar_would_be_off_screen_opens_maximised(qtbot, clock, store) -> None:
    window = started(qtbot, clock, store)
    window.close()
    store.setValue(MAXIMISED_KEY, False)
    store.setValue(GEOMETRY_KEY, QRect(0, 0, 900, 500))  # inner area at the top: frame above it
    fills_the_screen(qtbot, started(qtbot, clock, store))
