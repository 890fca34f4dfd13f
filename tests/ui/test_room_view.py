"""The room view on a second screen, driven from the live screen's keys.

The test run has two virtual screens (tests/qt_platform.py): «Laptop», where the
live screen is, and «Projektor» to its right. The room view takes its screen list
from a `FakeScreens` the tests edit, to unplug and plug in the projector.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from facilitator.room_state import RoomState
from facilitator.services import capture, people
from facilitator.services.capture import IdeaInput, PersonLink
from ui.common.changes import ChangeHub
from ui.live.live_page import LivePage
from ui.room.presenter import DARK_KEY, SCREEN_KEY
from ui.room.room_palette import DARK, LIGHT


class FakeScreens(QObject):
    """The machine's two screens, as a list of names a test edits; it emits `changed` itself.

    Names, not QScreen objects: Qt owns its screens, a test only says which are plugged in.
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.names = [s.name() for s in QGuiApplication.screens()]

    def screens(self) -> list[QScreen]:
        return [s for s in QGuiApplication.screens() if s.name() in self.names]

    def primary(self) -> QScreen | None:
        return QGuiApplication.primaryScreen()

    def unplug(self, name: str) -> None:
        self.names.remove(name)
        self.changed.emit()

    def plug_in(self, name: str) -> None:
        self.names.append(name)
        self.changed.emit()


def screen_named(name: str) -> QScreen:
    return next(s for s in QGuiApplication.screens() if s.name() == name)


@pytest.fixture
def preferences(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def screens() -> FakeScreens:
    return FakeScreens()


def make_page(qtbot, db, clock, preferences, screens, meeting=None) -> LivePage:
    page = LivePage(db, ChangeHub(), clock, preferences=preferences, screens=screens)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.move(0, 0)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    if meeting is not None:
        assert page.start(meeting.id)
    return page


@pytest.fixture
def page(qtbot, db, clock, meeting_factory, preferences, screens) -> LivePage:
    assert [s.name() for s in QGuiApplication.screens()] == ["Laptop", "Projektor"]
    page = make_page(qtbot, db, clock, preferences, screens, meeting_factory(db))
    yield page
    page.room.stop()


def key(page, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(page.windowHandle(), k, modifier)


def present(qtbot, page):
    """F5, and wait for the room window to show."""
    key(page, Qt.Key.Key_F5)
    window = page.room.window
    assert window is not None
    qtbot.waitExposed(window)
    return window


def wall(window) -> list[str]:
    """Every label's text in the room window, shown or not."""
    return [label.text() for label in window.findChildren(QLabel)]


def shown_ideas(window) -> list[str]:
    return [label.text() for label in window.view.board.idea_labels() if label.isVisible()]


def open_idea_dialog(qtbot, page):
    """Ctrl+I on the live screen: the idea dialog, shown."""
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    key(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.capture.entry_dialog is not None
                    and page.capture.entry_dialog.isVisible())
    return page.capture.entry_dialog


def capture_idea(qtbot, page, title: str, carried_by: str = "") -> None:
    """Ctrl+I, type, Enter — as the official does."""
    dialog = open_idea_dialog(qtbot, page)
    qtbot.keyClicks(dialog.focusWidget(), title)
    with qtbot.waitSignal(page.capture.entry_saved, timeout=2000):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.capture.entry_dialog is None)


# ----- the screen ----------------------------------------------------------------------


def test_f5_opens_the_room_view_full_screen_on_the_projector_and_f5_closes_it(qtbot, page) -> None:
    assert page.room.window is None
    window = present(qtbot, page)
    qtbot.waitUntil(window.isFullScreen)
    assert window.screen().name() == "Projektor"
    assert window.geometry() == screen_named("Projektor").geometry()
    assert "Stop storskærm (F5)" == page.room_box.present_button.text()
    # The room sees the meeting and its current item.
    texts = wall(window)
    assert "Borgermøde i Knebel" in texts
    assert page.state.phase.title in texts
    key(page, Qt.Key.Key_F5)
    assert page.room.window is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(window) or not window.isVisible())
    assert "Storskærm (F5)" == page.room_box.present_button.text()


def test_a_captured_idea_appears_on_the_wall_and_unsaved_typing_never_does(qtbot, page) -> None:
    window = present(qtbot, page)
    capture_idea(qtbot, page, "Shelter ved Agri Bavnehøj")
    qtbot.waitUntil(lambda: any("Shelter ved Agri Bavnehøj" in t for t in shown_ideas(window)))
    assert any(">1</span>" in t for t in shown_ideas(window))  # numbered in the meeting
    # Typed in an open quick entry but not saved: not on the wall, not in the preview.
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    key(page, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.capture.entry_dialog is not None)
    dialog = page.capture.entry_dialog
    qtbot.keyClicks(dialog.focusWidget(), "Halvskrevet tanke om en bro")
    page.refresh()
    assert not any("Halvskrevet" in t for t in wall(window))
    assert not any("Halvskrevet" in t for t in page.room_box.renderer.texts())
    dialog.forget_changes()
    dialog.close()


def test_unplugging_the_projector_moves_the_view_to_the_laptop_and_back(
    qtbot, page, screens, monkeypatch
) -> None:
    window = present(qtbot, page)
    qtbot.waitUntil(window.isFullScreen)
    # Say the platform gave the room window the keyboard (offscreen never does): placed
    # again, it hands the keyboard back to the official's window.
    official = page.window()
    handed: list[QWidget] = []
    monkeypatch.setattr(QApplication, "activeWindow", staticmethod(lambda: window))
    monkeypatch.setattr(official, "activateWindow", lambda: handed.append(official))
    screens.unplug("Projektor")
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.screen().name() == "Laptop"
    assert handed and handed[-1] is official
    laptop = screen_named("Laptop").availableGeometry()
    assert laptop.contains(window.geometry())
    assert window.isVisible() and page.room.window is window
    assert [page.room_box.screen_combo.itemData(i)
            for i in range(page.room_box.screen_combo.count())] == ["Laptop"]
    screens.plug_in("Projektor")
    qtbot.waitUntil(window.isFullScreen)
    assert window.screen().name() == "Projektor"


def test_b_blanks_the_wall_and_b_brings_it_back(qtbot, page, db) -> None:
    capture.add_idea(db, page.running.meeting_id, IdeaInput("Bænke ved stranden", "", "Femmøller Borgerforening"))
    page.room._ideas_changed(page.running.meeting_id)
    window = present(qtbot, page)
    assert any("Bænke" in t for t in shown_ideas(window))
    key(page, Qt.Key.Key_B)
    assert window.view.state.blank
    assert all(text == "" for text in wall(window))
    assert page.room_box.blank_box.isChecked()
    key(page, Qt.Key.Key_B)
    assert any("Bænke" in t for t in shown_ideas(window))


def test_the_chosen_screen_is_remembered_for_the_next_page(qtbot, db, clock, page, preferences, screens) -> None:
    combo = page.room_box.screen_combo
    assert combo.currentData() == "Projektor"  # the default: not the laptop's own screen
    assert "denne skærm" in combo.itemText(combo.findData("Laptop"))
    combo.setCurrentIndex(combo.findData("Laptop"))
    combo.activated.emit(combo.currentIndex())
    assert preferences.value(SCREEN_KEY) == "Laptop"
    page.stop()
    again = make_page(qtbot, db, clock, preferences, screens)
    assert again.room_box.screen_combo.currentData() == "Laptop"
    assert again.room.target_screen().name() == "Laptop"
    # On the official's own screen it is an ordinary window, not one that covers the live screen.
    window = present(qtbot, again)
    assert not window.isFullScreen()
    assert window.screen().name() == "Laptop"
    again.room.stop()


def test_a_single_screen_gives_an_ordinary_window(qtbot, page, screens) -> None:
    screens.unplug("Projektor")
    window = present(qtbot, page)
    assert not window.isFullScreen()
    assert screen_named("Laptop").availableGeometry().contains(window.geometry())


# ----- what the room never sees ----------------------------------------------------------


def test_no_name_without_consent_and_no_nudge_talk_share_or_hold_back_on_the_wall(
    qtbot, db, clock, meeting_factory, preferences, screens
) -> None:
    meeting = meeting_factory(db, title="Borgermøde hos Søren Kirkegaard")
    søren = people.add_person(db, meeting.project_id, "Søren Kirkegaard", may_be_named=False)
    karen = people.add_person(db, meeting.project_id, "Karen Vestergaard", may_be_named=True)
    page = make_page(qtbot, db, clock, preferences, screens, meeting)
    phase = page.state.phase
    capture.add_idea(db, meeting.id, IdeaInput("Søren Kirkegaard vil have en bænk ved søen", "",
                                               "Søren Kirkegaard"), person=PersonLink(søren.id))
    capture.add_idea(db, meeting.id, IdeaInput("Bålplads", "", "Knebel Borgerforening"),
                     person=PersonLink(karen.id))
    page.room._ideas_changed(meeting.id)
    window = present(qtbot, page)
    key(page, Qt.Key.Key_2)  # the official speaks during the hold-back: a nudge runs
    qtbot.waitUntil(lambda: page.state.nudge is not None)
    page.refresh()
    nudge = page.state.nudge
    texts = wall(window) + page.room_box.renderer.texts()
    joined = "\n".join(texts)
    assert "Karen Vestergaard, Knebel Borgerforening" in joined  # consent: named
    assert "bænk ved søen" in joined  # the idea is there, the name is not
    for hidden in ("Søren", "Kirkegaard", "Soren"):
        assert hidden not in joined
    for never in (nudge.headline, nudge.text, "Taletid", "taletid", "%", "Vent", "Embedsperson",
                  "Borgerne har ordet", page.state.hold_back_word):
        assert never not in joined, never
    assert phase.title in texts
    page.room.stop()


def test_the_themes_switch_and_the_choice_is_remembered(qtbot, page, preferences) -> None:
    window = present(qtbot, page)

    def background() -> str:
        return window.view.grab().toImage().pixelColor(3, 3).name()

    assert background() == LIGHT.background
    key(page, Qt.Key.Key_F6)
    assert window.view.state.dark
    assert background() == DARK.background
    assert page.room_box.dark_box.isChecked()
    assert preferences.value(DARK_KEY, type=bool) is True
    key(page, Qt.Key.Key_F6)
    assert background() == LIGHT.background


def test_time_left_is_off_by_default_and_one_key_away(qtbot, page, clock) -> None:
    window = present(qtbot, page)
    assert not window.view.time.isVisible()
    assert not any("tilbage" in t for t in wall(window))
    key(page, Qt.Key.Key_F7)
    assert window.view.time.isVisible()
    assert "tilbage af punktet" in window.view.time.text()


def test_grouping_is_a_key_too(qtbot, page, db) -> None:
    capture.add_idea(db, page.running.meeting_id, IdeaInput("Bålplads", "", "", theme="Natur"))
    page.room._ideas_changed(page.running.meeting_id)
    window = present(qtbot, page)
    key(page, Qt.Key.Key_F8)
    assert window.view.state.group_by_theme
    assert [x.text() for x in window.view.board.findChildren(QLabel, "roomTheme")] == ["Natur"]


def test_the_preview_redraws_only_when_the_room_sees_something_new(qtbot, page, clock, db) -> None:
    qtbot.waitUntil(lambda: not page.room_box.preview.picture.isNull())
    before = page.room_box.preview.picture.toImage()
    with qtbot.assertNotEmitted(page.room.room_changed):
        for _second in range(5):
            clock.advance(1)
            page.refresh()
    with qtbot.waitSignal(page.room.room_changed):
        capture.add_idea(db, page.running.meeting_id, IdeaInput("Bålplads"))
        page.room._ideas_changed(page.running.meeting_id)
    qtbot.waitUntil(lambda: page.room_box.preview.picture.toImage() != before)
    assert any("Bålplads" in t for t in page.room_box.renderer.texts())


def test_closing_the_meeting_closes_the_room_window_and_it_never_keeps_the_app_open(qtbot, page) -> None:
    from PySide6.QtWidgets import QMessageBox

    from .modal import answer_next_box

    window = present(qtbot, page)
    # Closing the main window ends the app even while the room window shows.
    assert not window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
    answerer = answer_next_box(QMessageBox.StandardButton.Yes, [])
    with qtbot.waitSignal(page.meeting_closed):
        key(page, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    answerer.stop()
    assert page.room.window is None
    assert page.room.state == RoomState(dark=page.room.options.dark)  # nothing of the meeting left


def test_votes_typed_in_prioritering_show_as_bars_on_the_wall_without_names(
    qtbot, db, clock, meeting_factory, preferences, screens
) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.ui.test_voting_dialog import enter_votes

    meeting = meeting_factory(db)
    søren = people.add_person(db, meeting.project_id, "Søren Kirkegaard", may_be_named=False)
    page = make_page(qtbot, db, clock, preferences, screens, meeting)
    capture.add_idea(db, meeting.id, IdeaInput("Shelter ved søen"))
    capture.add_idea(db, meeting.id, IdeaInput("Søren Kirkegaards bænk"), person=PersonLink(søren.id))
    page.room._ideas_changed(meeting.id)
    window = present(qtbot, page)
    key(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.voting
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.scope_list, Qt.Key.Key_Return)
    assert window.view.bars.isVisible() and not window.view.board.isVisible()
    enter_votes(qtbot, dialog, "2", "11")
    enter_votes(qtbot, dialog, "1", "4")
    rows = window.view.bars.rows()
    assert [count for _title, count, _bar in rows] == ["11", "4"]
    assert "bænk" in rows[0][0] and "Shelter" in rows[1][0]
    assert "runde 1" in window.view.bars.heading.text()
    joined = "\n".join(wall(window) + page.room_box.renderer.texts())
    assert "Søren" not in joined and "Kirkegaard" not in joined
    enter_votes(qtbot, dialog, "1", "14")  # a correction reorders the bars at once
    assert [count for _title, count, _bar in window.view.bars.rows()] == ["14", "11"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closing: the wall shows the item's ideas again
    qtbot.waitUntil(lambda: window.view.board.isVisible())
    assert not window.view.bars.isVisible()
    page.room.stop()


def test_a_person_registered_without_consent_during_the_meeting_leaves_the_wall_at_once(
    qtbot, page, db
) -> None:
    meeting_id = page.running.meeting_id
    capture.add_idea(db, meeting_id, IdeaInput("Anna Holm vil have en bænk ved søen"))
    page.room._ideas_changed(meeting_id)
    window = present(qtbot, page)
    assert any("Anna Holm" in text for text in wall(window))  # no one on record yet
    # A new idea: «Anna Holm» typed as who carries it, registered without consent, not saved.
    dialog = open_idea_dialog(qtbot, page)
    qtbot.keyClicks(dialog.focusWidget(), "Bålplads")
    for _ in range(2):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.proposed_by_edit, "Anna Holm")
    qtbot.keyClick(dialog.proposed_by_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.carried.note.isVisible)
    dialog.carried.note.add_person_button.click()
    qtbot.waitUntil(lambda: dialog.carried.person_form is not None)
    qtbot.keyClick(dialog.carried.person_form.name_edit, Qt.Key.Key_Return)  # consent unticked
    qtbot.waitUntil(lambda: dialog.carried.person_form is None)
    texts = "\n".join(wall(window))
    assert "Anna" not in texts and "Holm" not in texts
    assert "vil have en bænk ved søen" in texts
    dialog.forget_changes()
    dialog.reject()
