"""Erasing from the people dialog: an open brief preview is made anew, a busy database is reported."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.domain.enums import ConsentSource
from facilitator.services import capture, live, people, privacy
from facilitator.storage.busy import Backoff
from ui.brief.brief_window import BriefWindow
from ui.common.changes import ChangeHub
from ui.people.people_dialog import PeopleDialog

from .test_brief_window import pdf_text
from .test_people_dialog import answer_box

KAREN = "Karen Vestergaard"


@pytest.fixture
def karen(db, meeting_factory):
    """A closed meeting whose brief names Karen (she consented), credited with an idea."""
    meeting = meeting_factory(db)
    live.start_meeting(db, meeting.id, db.clock.now())
    person = people.add_person(db, meeting.project_id, KAREN, "k@example.org", True, True,
                               date(2026, 3, 3), ConsentSource.WRITTEN)
    idea = capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter ved stranden"))
    people.link_idea_person(db, idea.id, person.id)
    live.close_meeting(db, meeting.id, db.clock.now())
    return {"meeting": meeting, "person": person}


def people_dialog(qtbot, db, project_id) -> PeopleDialog:
    dialog = PeopleDialog(db, ChangeHub(), project_id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.table.setFocus()
    return dialog


def erase_by_keyboard(qtbot, dialog: PeopleDialog) -> None:
    seen: list[str] = []
    timer = answer_box(qtbot, "Slet for altid", seen)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(seen))
    timer.stop()


def test_an_open_brief_preview_is_deleted_and_made_anew_without_the_name(
    qtbot, db, karen, tmp_path
):
    window = BriefWindow(db, karen["meeting"].id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.brief_ready, timeout=20000) as first:
        window.show()
    named = first.args[0]
    assert "Vestergaard" in pdf_text(named)  # the preview names her while she is stored

    dialog = people_dialog(qtbot, db, karen["meeting"].project_id)
    with qtbot.waitSignal(window.brief_ready, timeout=20000) as again:
        erase_by_keyboard(qtbot, dialog)
    assert not named.exists()
    assert "Vestergaard" not in pdf_text(again.args[0])
    assert window.save_button.isEnabled()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"Vestergaard" not in path.read_bytes(), path


def test_a_busy_database_is_reported_in_danish_and_the_person_stays(
    qtbot, db, karen, tmp_path, monkeypatch
):
    monkeypatch.setattr(privacy, "Backoff", lambda: Backoff(sleep=lambda _seconds: None))
    dialog = people_dialog(qtbot, db, karen["meeting"].project_id)
    other = sqlite3.connect(tmp_path / "f.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        erase_by_keyboard(qtbot, dialog)
        qtbot.waitUntil(lambda: "ikke slettet" in dialog.message.text())
    finally:
        other.close()
    assert "Databasen er optaget af en anden forbindelse" in dialog.message.text()
    assert [p.name for p in people.list_people(db, karen["meeting"].project_id)] == [KAREN]
    assert dialog.model.rowCount() == 1
