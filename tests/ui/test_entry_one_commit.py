"""Saving an idea or ask with its person in the quick entry: one commit, one hub change, all or nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from facilitator.services import capture, people, privacy
from tests.ui import test_capture
from tests.ui.test_capture import open_entry, press_enter, type_text
from tests.ui.test_carried_by import choose, offered, to_carried_by
from ui.capture.entry_frame import choose_person

live = test_capture.live
meeting = test_capture.meeting


@pytest.fixture
def karen(db, meeting):
    return people.add_person(db, meeting.project_id, "Karen Vestergaard", may_be_named=True)


@pytest.fixture
def commits(db):
    seen: list[object] = []
    record = seen.append  # one bound method: the same one must be removed
    event.listen(db.engine, "commit", record)
    yield seen
    event.remove(db.engine, "commit", record)


def test_an_idea_with_its_person_is_saved_in_one_commit_and_published_once(
    qtbot, live, db, karen, commits
):
    dialog = to_carried_by(qtbot, live)
    type_text(qtbot, dialog, "kar")
    assert offered(dialog) == ["Karen Vestergaard – må nævnes ved navn"]
    choose(qtbot, dialog)
    heard: list[object] = []
    live.hub.ideas_changed.connect(heard.append)
    before = len(commits)
    press_enter(qtbot, live, dialog)
    assert len(commits) - before == 1
    assert heard == [live.meeting.id]
    [idea] = capture.list_ideas(db, live.meeting.id)
    assert privacy.linked_person_id(db, "idea", idea.id) == karen.id
    assert test_capture.shown(live, "idea")[0] == "Shelter ved Agri Bavnehøj"


def test_a_failed_link_leaves_no_ask_and_the_dialog_open_with_a_danish_message(
    qtbot, live, db, karen, commits, monkeypatch
):
    def fails(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(people, "link_person", fails)
    dialog = open_entry(qtbot, live, Qt.Key.Key_R)
    type_text(qtbot, dialog, "Tømmer til shelteret")
    choose_person(dialog.person_combo, karen)  # as picking her in «Ønsket af» does
    assert dialog.person_combo.currentData() == karen.id
    heard: list[object] = []
    live.hub.asks_changed.connect(heard.append)
    before = len(commits)
    qtbot.keyClick(dialog.what_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.is_error and "Traceback" not in dialog.message.text()
    assert dialog.message.text().startswith("⚠ ")
    assert capture.list_asks(db, live.meeting.id) == []
    assert len(commits) == before and heard == []
    # The cause gone, the same Enter saves it once: nothing was half-stored before.
    monkeypatch.undo()
    press_enter(qtbot, live, dialog, "ask")
    [ask] = capture.list_asks(db, live.meeting.id)
    assert ask.what == "Tømmer til shelteret"
    assert privacy.linked_person_id(db, "ask", ask.id) == karen.id
    assert heard == [live.meeting.id]
