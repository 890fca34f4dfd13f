"""«Om Facilitator» (Ctrl+F1, named in every F1 overlay): versions, data folder, licences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from facilitator.services.backups import data_folder
from facilitator.storage.schema import SCHEMA_HEAD
from facilitator.version import app_version
from ui.about_dialog import AboutDialog, app_icon
from ui.main_window import MainWindow
from ui.versions import version_rows

from .test_key_help import overlay_of, texts
from .test_screen_sizes import assert_fits, room, screen  # noqa: F401 - `screen` is a fixture

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, db, clock):
    shown = MainWindow(db, clock)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def labels(dialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_ctrl_f1_opens_it_with_the_versions_and_the_data_folder(qtbot, window, db) -> None:
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F1, CTRL)
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Om Facilitator"
    shown = labels(dialog)
    versions = dict(version_rows())
    for text in (f"Facilitator {app_version()}", SCHEMA_HEAD, versions["Python"], versions["Qt"],
                 versions["PySide6"], str(data_folder(db))):
        assert text in shown, text
    assert dialog.folder_label.text() == str(data_folder(db))
    # The keyboard starts in the list of licences; Esc closes the dialog.
    assert QApplication.focusWidget() is dialog.licence_list
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_f1_overlay_names_the_key_and_ctrl_f1_opens_it_from_there(qtbot, window) -> None:
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F1)
    overlay = overlay_of(window.start_page)
    assert overlay is not None
    assert "Ctrl+F1: Om Facilitator" in texts(overlay)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F1, CTRL)
    qtbot.waitExposed(window.about_dialog)
    qtbot.waitUntil(lambda: overlay_of(window.start_page) is None)


def test_the_licences_are_listed_and_the_arrow_keys_show_each_text(qtbot, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = AboutDialog(tmp_path, parent)
    dialog.show()
    qtbot.waitExposed(dialog)
    names = [entry.name for entry in dialog.licences]
    for name in ("Facilitator", "Qt / PySide6", "DejaVu Sans", "Noto Emoji", "SQLAlchemy",
                 "reportlab", "alembic", "platformdirs", "anyascii"):
        assert any(n.lower() == name.lower() for n in names), name
    rows = [dialog.licence_list.item(i).text() for i in range(dialog.licence_list.count())]
    assert any(r.startswith("Qt / PySide6") and r.endswith("LGPL-3.0-only") for r in rows)
    dialog.licence_list.setFocus()
    qt_row = names.index("Qt / PySide6")
    for _step in range(qt_row):
        QTest.keyClick(dialog.licence_list, Qt.Key.Key_Down)
    text = dialog.licence_text.toPlainText()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "https://download.qt.io/official_releases/QtForPython/" in text
    QTest.keyClick(dialog.licence_list, Qt.Key.Key_End)
    assert "Qt" not in dialog.licence_text.toPlainText().splitlines()[0]


def test_the_icon_draws_at_every_size() -> None:
    for size in (16, 32, 256):
        pixmap = app_icon().pixmap(size, size)
        assert not pixmap.isNull() and pixmap.width() == size


def test_it_fits_the_screen(qtbot, tmp_path, screen) -> None:  # noqa: F811 - the fixture
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = AboutDialog(tmp_path / "Facilitator", parent)
    dialog.show()
    qtbot.waitExposed(dialog)
    opened = dialog.size()
    usable = room(screen)
    assert opened.width() <= usable.width() and opened.height() <= usable.height()
    assert_fits(dialog, opened)
