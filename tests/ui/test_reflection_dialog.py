"""The private reflection after closing: offered once, by keyboard (Tab, digits, Ctrl+Enter, Esc)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.domain.enums import Role
from facilitator.live_meeting import LiveMeeting
from facilitator.services.reflection import ReflectionInput, get_reflection, save_reflection
from ui.common.changes import ChangeHub
from ui.main_window import MainWindow
from ui.summary.reflection_dialog import ReflectionDialog
from ui.summary.summary_page import SummaryPage

from .modal import answer_next_box

CTRL = Qt.KeyboardModifier.ControlModifier


def closed_meeting(db, clock, meeting_factory):
    meeting = meeting_factory(db)
    session = LiveMeeting.start(db, meeting.id, clock)
    session.mark(Role.CITIZEN)
    clock.advance(60)
    session.close()
    return meeting


def shown_dialog(qtbot, db, meeting_id, hub=None) -> ReflectionDialog:
    dialog = ReflectionDialog(db, meeting_id, hub)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def press(qtbot, dialog, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the person presses it: to whatever has the focus."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def test_digits_set_the_focused_scale_tab_moves_on_and_ctrl_enter_saves(qtbot, db, clock, meeting_factory):
    meeting = closed_meeting(db, clock, meeting_factory)
    hub = ChangeHub()
    dialog = shown_dialog(qtbot, db, meeting.id, hub)
    scales = dialog.scales
    assert QApplication.focusWidget() is scales["supportive"]

    press(qtbot, dialog, Qt.Key.Key_4)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is scales["relations"]
    press(qtbot, dialog, Qt.Key.Key_2)
    press(qtbot, dialog, Qt.Key.Key_5)  # a second digit changes the answer
    press(qtbot, dialog, Qt.Key.Key_Tab)
    press(qtbot, dialog, Qt.Key.Key_3)
    press(qtbot, dialog, Qt.Key.Key_0)  # 0 takes it back: not answered
    press(qtbot, dialog, Qt.Key.Key_Tab)
    press(qtbot, dialog, Qt.Key.Key_1)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.note
    qtbot.keyClicks(dialog.note, "Lod borgerne tale først")
    # What the scales show is what will be stored.
    assert [b.isChecked() for b in scales["relations"].buttons] == [False] * 4 + [True]
    assert not any(b.isChecked() for b in scales["liaison"].buttons)

    with qtbot.waitSignal(hub.meeting_changed) as changed:
        QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Return, CTRL)
    assert changed.args == [meeting.id]
    stored = get_reflection(db, meeting.id)
    assert stored is not None
    assert (stored.supportive, stored.relations, stored.liaison, stored.adapting) == (4, 5, None, 1)
    assert stored.note == "Lod borgerne tale først"
    assert not dialog.isVisible()


def test_esc_skips_and_stores_nothing(qtbot, db, clock, meeting_factory):
    meeting = closed_meeting(db, clock, meeting_factory)
    dialog = shown_dialog(qtbot, db, meeting.id)
    press(qtbot, dialog, Qt.Key.Key_3)
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert get_reflection(db, meeting.id) is None


def test_a_refusal_is_shown_in_danish_and_the_dialog_stays(qtbot, db, clock, meeting_factory):
    meeting = closed_meeting(db, clock, meeting_factory)
    dialog = shown_dialog(qtbot, db, meeting.id)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Enter, CTRL)  # the keypad's Enter
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert "Vælg mindst ét tal eller skriv en note" in dialog.message.text()
    assert get_reflection(db, meeting.id) is None


def test_the_mouse_and_the_arrows_work_too(qtbot, db, clock, meeting_factory):
    meeting = closed_meeting(db, clock, meeting_factory)
    dialog = shown_dialog(qtbot, db, meeting.id)
    scale = dialog.scales["liaison"]
    qtbot.mouseClick(scale.buttons[1], Qt.MouseButton.LeftButton)
    assert scale.value() == 2 and QApplication.focusWidget() is scale
    qtbot.mouseClick(scale.buttons[1], Qt.MouseButton.LeftButton)  # again: taken back
    assert scale.value() is None
    press(qtbot, dialog, Qt.Key.Key_Right)
    assert scale.value() == 3
    press(qtbot, dialog, Qt.Key.Key_Left)
    press(qtbot, dialog, Qt.Key.Key_Left)
    press(qtbot, dialog, Qt.Key.Key_Left)
    assert scale.value() == 1
    # Alt and a competence's number go straight to its scale.
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.scales["adapting"]
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is scale
    dialog.save_button.click()
    assert get_reflection(db, meeting.id).liaison == 1  # type: ignore[union-attr]


def test_an_earlier_reflection_is_shown_and_replaced(qtbot, db, clock, meeting_factory):
    meeting = closed_meeting(db, clock, meeting_factory)
    save_reflection(db, meeting.id, ReflectionInput(2, 3, 4, 5, "Første tanke"))
    dialog = shown_dialog(qtbot, db, meeting.id)
    assert [dialog.scales[k].value() for k in ("supportive", "relations", "liaison", "adapting")] == [
        2, 3, 4, 5]
    assert dialog.note.toPlainText() == "Første tanke"
    press(qtbot, dialog, Qt.Key.Key_5)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Return, CTRL)
    stored = get_reflection(db, meeting.id)
    assert (stored.supportive, stored.note) == (5, "Første tanke")  # type: ignore[union-attr]


# ----- offered from the summary ----------------------------------------------------------


@pytest.fixture
def summary(qtbot, db, clock, meeting_factory):
    meeting = closed_meeting(db, clock, meeting_factory)
    page = SummaryPage(db, hub=ChangeHub())
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.load(meeting.id)
    page.show()
    qtbot.waitExposed(page)
    return page, meeting


def test_the_summary_offers_the_reflection_once(qtbot, db, summary):
    page, meeting = summary
    dialog = page.offer_reflection(meeting.id)
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    dialog.skip_button.click()
    assert not dialog.isVisible() and get_reflection(db, meeting.id) is None
    assert page.offer_reflection(meeting.id) is None  # once
    # Later, from the button.
    later = None
    page.reflection_button.click()
    later = page.reflection_dialog
    assert later is not None and later.isVisible()
    later.scales["adapting"].set_value(4)
    later.save_button.click()
    assert get_reflection(db, meeting.id).adapting == 4  # type: ignore[union-attr]


def test_no_offer_when_a_reflection_is_already_written(qtbot, db, summary):
    page, meeting = summary
    save_reflection(db, meeting.id, ReflectionInput(3))
    assert page.offer_reflection(meeting.id) is None
    assert page.reflection_dialog is None


def test_closing_a_meeting_in_the_window_offers_the_reflection(qtbot, db, clock, meeting_factory):
    meeting = meeting_factory(db)
    window = MainWindow(db, clock)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.start_meeting(meeting.id)
    window.live_page.mark(Role.CITIZEN)
    clock.advance(30)
    answerer = answer_next_box(QMessageBox.StandardButton.Yes)
    window.live_page.close_meeting()
    answerer.stop()
    assert window.pages.currentWidget() is window.summary_page
    dialog = window.summary_page.reflection_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.meeting_id == meeting.id
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    # Showing the summary again (e.g. after corrections) does not offer it again.
    window.show_summary(meeting.id)
    assert window.summary_page.reflection_dialog is None
