"""The quick entry on a really full disk: the Danish message inline, the text kept, Enter retries."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from facilitator.services import capture, meetings, projects
from facilitator.storage.database import Database
from tests.small_disk import fill, integrity, small_disk
from ui.capture import CapturePanel
from ui.common.changes import ChangeHub

DISK_FULL = (
    "⚠ Disken er fuld, så det kunne ikke gemmes. Frigør plads, og prøv igen – "
    "det indtastede er ikke gået tabt."
)
TYPED = "Bålhytte ved stranden"
# Emoji, right-to-left text and a combining accent arrive by paste (QTest types Latin-1 only).
PASTED = " 🔥 – حديقة – Cafe\u0301"
TITLE = TYPED + PASTED
DETAIL = "Borgergruppen i Knebel bygger den selv."


@pytest.fixture
def full_disk_panel(qtbot, tmp_path, clock):
    """The capture panel of a meeting whose database sits on a small disk; (panel, db, meeting, disk, path)."""
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "data" / "facilitator.db"
        db = Database.open_file(path, clock)
        try:
            project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri"])
            meeting = meetings.create_meeting(
                db, project.id, "Borgermøde", datetime(2026, 3, 3, 19, 0), "Knebel Forsamlingshus"
            )
            clock.advance(1)
            earlier = capture.add_idea(db, meeting.id, capture.IdeaInput(title="Shelter ved Agri"))
            window = QWidget()
            panel = CapturePanel(db, ChangeHub(window), window)
            QVBoxLayout(window).addWidget(panel)
            QShortcut(QKeySequence("Ctrl+I"), window).activated.connect(panel.new_idea)
            qtbot.addWidget(window)
            window.resize(1000, 600)
            window.show()
            qtbot.waitExposed(window)
            panel.load(meeting.id)
            yield window, panel, db, meeting, earlier, disk, path
            window.close()
        finally:
            db.dispose()


def shown_titles(panel):
    """The titles the idea list shows."""
    model = panel.sections["idea"].model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_full_disk_keeps_the_typed_idea_and_enter_saves_it_once_there_is_room(
    qtbot, full_disk_panel, clock
):
    window, panel, db, meeting, earlier, disk, path = full_disk_panel
    # As just after a start: the -wal file is empty, so any save needs new room on the disk.
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    filler = fill(disk)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.entry_dialog is not None and panel.entry_dialog.isVisible())
    dialog = panel.entry_dialog
    qtbot.keyClicks(dialog.title_edit, TYPED)
    QApplication.clipboard().setText(PASTED)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.detail_edit, DETAIL)
    clock.advance(5)
    qtbot.keyClick(dialog.detail_edit, Qt.Key.Key_Return)

    # Refused in Danish, under the form; the dialog stays open with every word typed.
    qtbot.waitUntil(dialog.message.isVisible)
    assert dialog.message.text() == DISK_FULL
    assert dialog.isVisible() and panel.entry_dialog is dialog
    assert (dialog.title_edit.text(), dialog.detail_edit.toPlainText()) == (TITLE, DETAIL)
    assert capture.list_ideas(db, meeting.id) == [earlier]
    assert shown_titles(panel) == ["Shelter ved Agri"]

    # Asking again while the disk is still full: refused again, nothing lost, nothing half-saved.
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.text() == DISK_FULL
    assert dialog.title_edit.text() == TITLE
    assert capture.list_ideas(db, meeting.id) == [earlier]

    # Room is freed; Enter again saves exactly what was typed, once.
    filler.unlink()
    with qtbot.waitSignal(panel.entry_saved, timeout=2000) as saved:
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert saved.args == ["idea"]
    qtbot.waitUntil(lambda: panel.entry_dialog is None)
    ideas = capture.list_ideas(db, meeting.id)
    assert [(i.title, i.detail) for i in ideas] == [("Shelter ved Agri", ""), (TITLE, DETAIL)]
    assert ideas[0] == earlier
    assert shown_titles(panel) == ["Shelter ved Agri", TITLE]
    assert integrity(path) == ["ok"]
