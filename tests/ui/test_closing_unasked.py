"""When the session ends (logout, shutdown) forms with typed text close without asking.

Nobody is there to answer «Kassér det indtastede?»; the same switch lets the UI
tests' teardown close what a test left open, without looking up any widget.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui.common.unsaved import closing_unasked, confirm_discard
from ui.main_window import MainWindow
from ui.start.start_page import ProjectForm

from .modal import DISCARD_QUESTION, answer_next_box, escape_answering


def typed_form(qtbot, parent) -> ProjectForm:
    form = ProjectForm("Nyt projekt", "", True, parent)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.name_edit, "Mols")
    return form


def test_within_the_block_a_typed_form_closes_on_esc_without_a_question(qtbot):
    form = typed_form(qtbot, None)
    with closing_unasked():
        assert escape_answering(qtbot, form.name_edit, "Skriv videre") == []
    qtbot.waitUntil(lambda: not form.isVisible())


def test_outside_the_block_the_question_comes_back(qtbot):
    form = typed_form(qtbot, None)
    with closing_unasked():
        assert confirm_discard(form)
    assert escape_answering(qtbot, form.name_edit, "Skriv videre") == [DISCARD_QUESTION]
    assert form.isVisible() and form.name_edit.text() == "Mols"
    form.forget_changes()


def test_the_block_is_left_asking_again_even_after_an_error(qtbot):
    form = typed_form(qtbot, None)
    try:
        with closing_unasked():
            raise RuntimeError("a failure while closing")
    except RuntimeError:
        pass
    assert escape_answering(qtbot, form.name_edit, "Skriv videre") == [DISCARD_QUESTION]
    form.forget_changes()


def test_shut_down_closes_the_window_over_a_typed_idea_without_asking(
    qtbot, db, clock, meeting_factory, monkeypatch
):
    # The real exit would leave this test process's application quitting for the tests after.
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    meeting = meeting_factory(db)
    window = MainWindow(db, clock)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.start_meeting(meeting.id)
    capture = window.live_page.capture
    capture.new_idea()
    dialog = capture.entry_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.title_edit, "Shelter ved stranden")
    seen: list[str] = []
    answerer = answer_next_box("Skriv videre", seen)
    window.shut_down()
    answerer.stop()
    assert seen == []
    assert not window.isVisible()
    assert capture.entry_dialog is None
    assert exits == [0]
