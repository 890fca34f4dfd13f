"""Focus lands where the next key is meant to go, and Tab never gets trapped in a list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit

from facilitator.domain.enums import Role
from facilitator.services import agenda, capture, live, meetings, projects
from tests.ui.all_screens import SCREEN_NAMES, build, filled, settle
from ui.common.changes import ChangeHub
from ui.live.live_page import LivePage
from ui.main_window import MainWindow
from ui.planning.agenda_page import AgendaPage
from ui.planning.meeting_form import MeetingForm
from ui.planning.planning_models import PhaseTableModel

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def show(qtbot, widget, width=1366, height=768):
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def type_keys(window, text: str) -> None:
    """Type as a person does: each key goes wherever the focus is."""
    for char in text:
        QTest.keyClick(window.windowHandle(), char)


def test_after_a_new_meeting_the_first_keys_go_into_the_first_agenda_title(qtbot, db, clock):
    project = projects.create_project(db, "Mols i Udvikling", ["Knebel"])
    window = show(qtbot, MainWindow(db, clock))
    window.start_page.select_project(project.id)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: isinstance(window.start_page.dialog, MeetingForm))
    form = window.start_page.dialog
    qtbot.waitUntil(form.isVisible)
    form.title_edit.setText("Borgermøde om stier")
    form.date_edit.setText("03-03-2026")
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.agenda_page)
    page: AgendaPage = window.agenda_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    assert page.table.currentIndex().row() == 0
    assert page.table.currentIndex().column() == PhaseTableModel.TITLE
    type_keys(window, "Velkommen")
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Return)
    meeting = meetings.list_meetings(db, project.id)[0]
    assert agenda.list_phases(db, meeting.id)[0].title == "Velkommen"


@pytest.fixture
def live_page(qtbot, db, clock, meeting_factory):
    meeting = meeting_factory(db)
    page = LivePage(db, ChangeHub(), clock)
    show(qtbot, page)
    assert page.start(meeting.id)
    return page


def open_entry(qtbot, page, key):
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    QTest.keyClick(page.windowHandle(), key, CTRL)
    qtbot.waitUntil(lambda: page.capture.entry_dialog is not None)
    dialog = page.capture.entry_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def assert_speaker_keys_work_at_once(qtbot, page, db) -> None:
    qtbot.waitUntil(page.isActiveWindow)
    focused = QApplication.focusWidget()
    assert not isinstance(focused, QLineEdit)
    assert page.isAncestorOf(focused)
    for key, role in ((Qt.Key.Key_1, Role.CITIZEN), (Qt.Key.Key_2, Role.OFFICIAL)):
        page._clock.advance(5)
        QTest.keyClick(page.windowHandle(), key)
        assert page.controls.speaker_buttons[role].isChecked()
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_S)
    prompts = live.list_prompts(db, page.running.meeting_id)
    assert len(prompts) >= 1  # the hold-back started


def test_after_saving_an_idea_the_speaker_keys_work_at_once(qtbot, live_page, db) -> None:
    dialog = open_entry(qtbot, live_page, Qt.Key.Key_I)
    qtbot.keyClicks(dialog.title_edit, "Shelter ved stranden")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: live_page.capture.entry_dialog is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is live_page.capture.sections["idea"].table)
    assert_speaker_keys_work_at_once(qtbot, live_page, db)
    assert [i.title for i in capture.list_ideas(db, live_page.running.meeting_id)] == [
        "Shelter ved stranden"
    ]


@pytest.mark.parametrize("key,kind", [(Qt.Key.Key_R, "ask"), (Qt.Key.Key_N, "step")])
def test_after_cancelling_a_quick_entry_the_speaker_keys_work_at_once(
    qtbot, live_page, db, key, kind
) -> None:
    dialog = open_entry(qtbot, live_page, key)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: live_page.capture.entry_dialog is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is live_page.capture.sections[kind].table)
    assert_speaker_keys_work_at_once(qtbot, live_page, db)


def test_closing_a_dialog_of_the_start_page_gives_the_keyboard_back_to_its_lists(
    qtbot, db, clock, meeting_factory
) -> None:
    meeting = meeting_factory(db)
    window = show(qtbot, MainWindow(db, clock))
    start = window.start_page
    start.select_project(meeting.project_id)
    start.select_meeting(meeting.id)
    for keys in ((Qt.Key.Key_Comma, CTRL), (Qt.Key.Key_P, CTRL | SHIFT), (Qt.Key.Key_E, CTRL)):
        start.project_table.setFocus()
        QTest.keyClick(window.windowHandle(), *keys)
        qtbot.waitUntil(lambda: start.dialog is not None and start.dialog.isVisible())
        start.dialog.reject()
        qtbot.waitUntil(lambda: start.dialog is None)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is start.meeting_table)


# ----- Tab is never trapped in a list -------------------------------------------


def item_views(screen) -> list[QAbstractItemView]:
    """The lists and tables a person can Tab into (not a combo box's popup list)."""
    return [
        v for v in screen.findChildren(QAbstractItemView)
        if v.isVisible() and v.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(v.parentWidget(), QComboBox)
        and v.window() is screen.window()
    ]


WITH_LISTS = {"start_page", "agenda_page", "live_page", "summary_page", "corrections_page",
              "meeting_form", "people_dialog", "restore_dialog", "brief_window", "groups_dialog"}


def _inside(view, widget) -> bool:
    return widget is view or view.isAncestorOf(widget)


@pytest.mark.parametrize("name", SCREEN_NAMES)
def test_tab_shift_tab_and_ctrl_tab_leave_every_list(qtbot, db, clock, meeting_factory, name):
    data = filled(db, clock, meeting_factory)
    screen = show(qtbot, build(name, db, clock, data))
    settle(qtbot, screen)
    views = item_views(screen)
    assert views or name not in WITH_LISTS
    for view in views:
        assert not view.tabKeyNavigation(), view
        for key, modifiers in (
            (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_Backtab, SHIFT),
            (Qt.Key.Key_Tab, CTRL),
            (Qt.Key.Key_Tab, CTRL | SHIFT),
        ):
            view.setFocus()
            assert _inside(view, QApplication.focusWidget())
            QTest.keyClick(view, key, modifiers)
            assert not _inside(view, QApplication.focusWidget()), (view, key, modifiers)
        model = view.model()
        if model.rowCount() >= 2:
            view.setFocus()
            view.setCurrentIndex(model.index(0, view.currentIndex().column() if view.currentIndex().isValid() else 0))
            QTest.keyClick(view, Qt.Key.Key_Down)
            assert view.currentIndex().row() == 1
            assert _inside(view, QApplication.focusWidget())
