"""The title bar (and so the taskbar) names the meeting and the page, in Danish."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from facilitator.services import meetings
from tests.ui.window_keys import key, shown_window
from ui.main_window import TITLE_CHARS, MainWindow, window_title

from .modal import answer_next_box

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier




def test_the_title_follows_the_meeting_from_page_to_page(qtbot, db, clock, meeting_factory):
    meeting = meeting_factory(db)
    window = shown_window(qtbot, db, clock)
    assert window.windowTitle() == "Facilitator"
    window.start_page.select_meeting(meeting.id)

    key(qtbot, window, Qt.Key.Key_O, CTRL)
    assert window.pages.currentWidget() is window.agenda_page
    assert window.windowTitle() == "Borgermøde i Knebel — Dagsorden — Facilitator"

    key(qtbot, window, Qt.Key.Key_Return, CTRL)
    assert window.pages.currentWidget() is window.live_page
    assert window.windowTitle() == "Borgermøde i Knebel — Live — Facilitator"

    clock.advance(60)
    answer_next_box(QMessageBox.StandardButton.Yes)
    key(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.summary_page)
    assert window.windowTitle() == "Borgermøde i Knebel — Opsummering — Facilitator"
    # Closing offers the private reflection first (window-modal); Esc skips it.
    offered = window.summary_page.reflection_dialog
    assert offered is not None and offered.isVisible()
    QTest.keyClick(offered, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.summary_page.reflection_dialog is None)
    assert window.windowTitle() == "Borgermøde i Knebel — Opsummering — Facilitator"

    qtbot.mouseClick(window.summary_page.reopen_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.corrections_page
    assert window.windowTitle() == "Borgermøde i Knebel — Rettelser — Facilitator"

    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.windowTitle() == "Borgermøde i Knebel — Opsummering — Facilitator"
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.start_page
    assert window.windowTitle() == "Facilitator"


def test_a_long_meeting_title_is_shortened_in_the_title_bar(qtbot, db, clock, meeting_factory):
    long_title = "Borgermøde om fælleshuset,\nstierne og badebroen i Knebel " + "og omegn " * 12
    meeting = meeting_factory(db, title=long_title)
    window = shown_window(qtbot, db, clock)
    window.start_page.select_meeting(meeting.id)
    key(qtbot, window, Qt.Key.Key_O, CTRL)
    shown, page, app = window.windowTitle().split(" — ")
    assert (page, app) == ("Dagsorden", "Facilitator")
    assert len(shown) <= TITLE_CHARS and shown.endswith("…")
    assert shown.startswith("Borgermøde om fælleshuset, stierne og badebroen i Knebel")


def test_a_renamed_meeting_shows_its_new_name_at_once(qtbot, db, clock, meeting_factory):
    meeting = meeting_factory(db)
    window = shown_window(qtbot, db, clock)
    window.open_meeting(meeting.id)
    meetings.update_meeting(
        db, meeting.id, "Borgermøde i Agri", meeting.scheduled_at, meeting.venue,
        [p.id for p in meeting.places],
    )
    window.hub.meeting_changed.emit(meeting.id)
    assert window.windowTitle() == "Borgermøde i Agri — Dagsorden — Facilitator"


def test_window_title_without_a_meeting_is_the_app_name() -> None:
    assert window_title() == "Facilitator"
    assert window_title("", "Live") == "Facilitator"
    assert window_title("Kort møde", "Live") == "Kort møde — Live — Facilitator"
    assert window_title("x" * TITLE_CHARS, "Live") == "x" * TITLE_CHARS + " — Live — Facilitator"
    assert window_title("x" * (TITLE_CHARS + 1), "Live").startswith("x" * (TITLE_CHARS - 1) + "… —")


def test_a_failing_read_keeps_the_last_title_instead_of_an_error(qtbot, db, clock, meeting_factory, monkeypatch) -> None:
    from facilitator.services import meetings
    from facilitator.storage.database import StorageError

    meeting = meeting_factory(db)
    window = MainWindow(db, clock)
    qtbot.addWidget(window)
    window.open_meeting(meeting.id)
    before = window.windowTitle()

    def broken(*_args, **_kwargs):
        raise StorageError("Databasen kan ikke læses.")

    monkeypatch.setattr(meetings, "get_meeting", broken)
    window.update_title()  # no exception reaches the user
    assert window.windowTitle() == before
