"""«Spørgsmål til salen»: typed on the agenda beforehand or on the live screen, Enter stores it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.services import agenda
from tests.ui.test_agenda_page import choose_row, make_page  # noqa: F401 - a fixture
from tests.ui.test_live_page import page  # noqa: F401 - a fixture: the live screen, started
from ui.planning.planning_models import PhaseTableModel
from ui.planning.question_dialog import QuestionDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
QUESTION = "Hvad skal stien kunne bruges til, også om vinteren?"


def press_question_key(widget) -> QuestionDialog:
    QTest.keyClick(widget.window().windowHandle(), Qt.Key.Key_S, CTRL_SHIFT)
    dialog = widget.findChild(QuestionDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_question_is_prepared_on_the_agenda(qtbot, db, make_page, meeting_factory) -> None:  # noqa: F811
    meeting = meeting_factory(db)
    agenda_page = make_page(meeting.id)
    choose_row(agenda_page, 1)
    dialog = press_question_key(agenda_page)
    assert dialog.field.hasFocus() and dialog.field.text() == ""
    qtbot.keyClicks(dialog.field, QUESTION)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    phases = agenda.list_phases(db, meeting.id)
    assert [p.question for p in phases] == ["", QUESTION, "", ""]
    index = agenda_page.model.index(1, PhaseTableModel.TITLE)
    assert f"Spørgsmål til salen: {QUESTION}" in agenda_page.model.data(index, Qt.ItemDataRole.ToolTipRole)

    # Emptying the field removes it.
    qtbot.waitUntil(lambda: agenda_page.findChild(QuestionDialog) is None)
    agenda_page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is agenda_page)
    choose_row(agenda_page, 1)
    dialog = press_question_key(agenda_page)
    assert dialog.field.text() == QUESTION
    dialog.field.clear()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert agenda.list_phases(db, meeting.id)[1].question == ""


def test_a_too_long_question_is_refused_and_nothing_changes(qtbot, db, make_page, meeting_factory) -> None:  # noqa: F811
    meeting = meeting_factory(db)
    agenda_page = make_page(meeting.id)
    choose_row(agenda_page, 0)
    dialog = press_question_key(agenda_page)
    dialog.field.setText("Hvorfor " * 80)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text() == "⚠ Spørgsmålet er for langt (højst 500 tegn)."
    assert agenda.list_phases(db, meeting.id)[0].question == ""
    dialog.forget_changes()
    dialog.reject()


def test_the_live_screen_types_the_current_items_question(qtbot, db, page) -> None:  # noqa: F811
    meeting_id = page.running.meeting_id
    page.next_phase()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    dialog = press_question_key(page)
    qtbot.keyClicks(dialog.field, QUESTION)
    with qtbot.waitSignal(page.state_changed) as published:
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert published.args[0].phase.question == QUESTION
    assert [p.question for p in agenda.list_phases(db, meeting_id)][:2] == ["", QUESTION]
