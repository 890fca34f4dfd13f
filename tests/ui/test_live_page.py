"""The live screen driven by its keys: speakers, hold-back nudge, phases, warnings, close."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.domain.enums import MeetingStatus, PromptKind, Role
from facilitator.live_state import Cue
from facilitator.services import agenda, live, meetings
from ui.common.changes import ChangeHub
from ui.live.live_page import LivePage

from .modal import answer_next_box


@pytest.fixture
def page(qtbot, db, clock, meeting_factory):
    meeting = meeting_factory(db)
    widget = LivePage(db, ChangeHub(), clock)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.start(meeting.id)
    return widget


def key(widget, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget.windowHandle(), k, modifier)


def banner(page) -> str:
    """The nudge in the big place, as the official reads it ("" when none shows)."""
    panel = page.status.signal_panel
    if panel.cue is not Cue.NUDGE:
        return ""
    return f"{panel.word.full_text()} | {panel.detail.text()} | {panel.key_hint.text()}"


def signal_text(page) -> str:
    panel = page.status.signal_panel
    return f"{panel.word.full_text()} {panel.ring.digits.text() if panel.ring.isVisibleTo(page) else ''}"


def test_speaker_keys_store_turns_and_show_the_speaker(page, db, clock) -> None:
    for k, role in ((Qt.Key.Key_1, Role.CITIZEN), (Qt.Key.Key_3, Role.POLITICIAN), (Qt.Key.Key_0, Role.SILENCE)):
        clock.advance(12)
        key(page, k)
        assert page.controls.speaker_buttons[role].isChecked()
    clock.advance(5)
    key(page, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Ctrl+digit works too
    turns = live.list_turns(db, page.running.meeting_id)
    assert [t.role for t in turns] == [Role.CITIZEN, Role.POLITICIAN, Role.SILENCE, Role.OFFICIAL]
    assert "Embedsperson" in page.status.speaker_text.full_text()


def test_hold_back_prompt_and_gentle_nudge_that_does_not_take_focus(page, db, clock, qtbot) -> None:
    assert signal_text(page) == "Vent 10"
    clock.advance(3)
    page.refresh()
    assert signal_text(page) == "Vent 7"
    focus_before = QApplication.focusWidget()
    key(page, Qt.Key.Key_2)  # the official speaks during the hold-back
    qtbot.waitUntil(lambda: banner(page) != "")
    assert "lad borgerne tage ordet først" in banner(page)
    assert QApplication.focusWidget() is focus_before
    key(page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: banner(page) == "")
    prompts = live.list_prompts(db, page.running.meeting_id)
    assert [p.kind for p in prompts] == [PromptKind.HOLD_BACK, PromptKind.EARLY_OFFICIAL]
    assert prompts[1].dismissed_at is not None


def test_question_key_and_silence_suggestion(page, db, clock, qtbot) -> None:
    key(page, Qt.Key.Key_1)
    clock.advance(60)
    key(page, Qt.Key.Key_0)
    key(page, Qt.Key.Key_S)
    assert signal_text(page) == "Vent 10"
    clock.advance(11)
    page.refresh()
    qtbot.waitUntil(lambda: banner(page) != "")
    assert "åbent spørgsmål" in banner(page)


def test_phase_keys_and_time_warnings_in_text(page, db, clock) -> None:
    key(page, Qt.Key.Key_1)
    clock.advance(8 * 60 + 1)  # the welcome is 10 minutes: under 20 % left
    page.refresh()
    assert page.status.phase_card.warning.isVisibleTo(page) and "20 %" in page.status.phase_card.warning.text()
    clock.advance(2 * 60)
    page.refresh()
    assert "overskredet" in page.status.phase_card.warning.text()
    assert page.status.phase_card.countdown.text() == "-0:01"
    key(page, Qt.Key.Key_PageDown)
    assert "Punkt 2 af 4" in page.status.phase_card.title.full_text()
    assert not page.status.phase_card.warning.isVisibleTo(page)
    key(page, Qt.Key.Key_PageUp)
    assert "Punkt 1 af 4" in page.status.phase_card.title.full_text()
    phases = agenda.list_phases(db, page.running.meeting_id)
    assert phases[0].actual_seconds == 10 * 60 + 1 and phases[1].started_at is not None


def test_close_by_keyboard_after_confirmation(page, db, clock, qtbot) -> None:
    key(page, Qt.Key.Key_1)
    clock.advance(30)
    meeting_id = page.running.meeting_id

    seen: list[str] = []
    answerer = answer_next_box(QMessageBox.StandardButton.Yes, seen)
    with qtbot.waitSignal(page.meeting_closed) as closed:
        key(page, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    answerer.stop()
    assert "Afslut mødet nu?" in seen[0]
    assert closed.args == [meeting_id]
    assert meetings.get_meeting(db, meeting_id).status is MeetingStatus.CLOSED


def test_only_the_newest_nudge_shows_and_esc_brings_the_next(page, db, clock, qtbot) -> None:
    key(page, Qt.Key.Key_2)  # during the hold-back: early-official nudge
    clock.advance(1)
    key(page, Qt.Key.Key_0)
    key(page, Qt.Key.Key_S)
    clock.advance(11)
    page.refresh()  # the silence outlasts the new hold-back: a suggestion
    qtbot.waitUntil(lambda: banner(page) != "")
    assert "åbent spørgsmål" in banner(page) and "Esc" in banner(page)
    assert "(+" not in banner(page)  # no codes in the wording
    key(page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "først" in banner(page))
    key(page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: banner(page) == "")


def test_ctrl_digit_marks_the_speaker_while_typing_an_idea(page, db, clock, qtbot) -> None:
    key(page, Qt.Key.Key_1)
    clock.advance(30)
    key(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.capture.entry_dialog is not None and page.capture.entry_dialog.isVisible())
    dialog = page.capture.entry_dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.focusWidget(), "Shelter")
    clock.advance(10)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert [t.role for t in live.list_turns(db, page.running.meeting_id)] == [Role.CITIZEN, Role.POLITICIAN]
    assert dialog.focusWidget().text() == "Shelter"  # the typing is untouched
    dialog.forget_changes()
    dialog.reject()  # not left open as the next test's modal window
