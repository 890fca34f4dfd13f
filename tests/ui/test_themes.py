"""Grouping ideas into themes by keyboard: T on the chosen idea, a small dialog, stored at once."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from facilitator.domain.enums import Role
from facilitator.domain.validation import MAX_TEXT_LENGTH
from facilitator.services import capture
from facilitator.services.capture import IdeaInput
from tests.ui.window_keys import key, shown_window
from ui.capture import CapturePanel
from ui.capture.models import NOTE_ROLE, SUBTITLE_ROLE
from ui.common.changes import ChangeHub
from ui.common.key_help import key_text
from ui.themes.theme_dialog import ThemeDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def meeting(db, meeting_factory):
    first = meeting_factory(db, title="Borgermøde i Agri", scheduled_at=datetime(2026, 2, 1, 19))
    # Themes used at an earlier meeting of the project are offered too.
    capture.add_idea(db, first.id, IdeaInput("Bedre cykelsti", theme="Trafik"))
    capture.add_idea(db, first.id, IdeaInput("Kulturnat", theme="Kultur og fællesskab"))
    meeting = meeting_factory(db)
    for title, theme in [("Flere busser om aftenen", ""), ("Shelter ved stranden", "Natur"),
                         ("Fælles kalender", "")]:
        capture.add_idea(db, meeting.id, IdeaInput(title, proposed_by="Anna", theme=theme))
    return meeting


@pytest.fixture
def live(qtbot, db, meeting):
    """The capture panel in a window of its own, with a text field beside it."""
    window = QWidget()
    hub = ChangeHub(window)
    panel = CapturePanel(db, hub, window)
    field = QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(panel)
    qtbot.addWidget(window)
    window.resize(1000, 640)
    window.show()
    qtbot.waitExposed(window)
    panel.load(meeting.id)
    return SimpleNamespace(window=window, hub=hub, panel=panel, field=field, meeting=meeting)


def choose_idea(qtbot, live, row: int) -> None:
    """Click an idea in the list, as the official does, and leave the keyboard there."""
    table = live.panel.sections["idea"].table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(row, 0)).center())
    assert table.current_row() == row


def open_theme(qtbot, live, modifiers=Qt.KeyboardModifier.NoModifier) -> ThemeDialog:
    key(qtbot, live.window, Qt.Key.Key_T, modifiers)
    qtbot.waitUntil(lambda: live.panel.theme_dialog is not None
                    and live.panel.theme_dialog.isVisible())
    return live.panel.theme_dialog


def stored_themes(db, meeting) -> dict[str, str]:
    return {i.title: i.theme for i in capture.list_ideas(db, meeting.id)}


def note_of(live, row: int) -> str:
    model = live.panel.sections["idea"].model
    return model.data(model.index(row, 0), NOTE_ROLE)


def test_t_gives_the_chosen_idea_a_theme_and_the_list_shows_it(qtbot, db, live) -> None:
    choose_idea(qtbot, live, 0)
    dialog = open_theme(qtbot, live)
    assert dialog.heading.text() == "Tema for «Flere busser om aftenen»"
    # The project's themes, once each, in Danish order; the field starts with the idea's own.
    items = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
    assert items == ["Kultur og fællesskab", "Natur", "Trafik"]
    assert dialog.theme_text() == ""
    with qtbot.waitSignal(live.hub.ideas_changed) as changed:
        qtbot.keyClicks(dialog.combo.lineEdit(), "Trafik")
        qtbot.keyClick(dialog.combo.lineEdit(), Qt.Key.Key_Return)
    assert changed.args == [live.meeting.id]
    qtbot.waitUntil(lambda: live.panel.theme_dialog is None)
    assert stored_themes(db, live.meeting)["Flere busser om aftenen"] == "Trafik"
    assert note_of(live, 0) == "Tema: Trafik"
    assert note_of(live, 1) == "Tema: Natur"
    assert note_of(live, 2) == ""
    model = live.panel.sections["idea"].model
    assert model.data(model.index(0, 0), SUBTITLE_ROLE) == "Anna"
    # The keyboard is back in the list, on the same idea: the next T acts on it again.
    table = live.panel.sections["idea"].table
    qtbot.waitUntil(table.hasFocus)
    assert table.current_row() == 0


def test_typing_filters_the_offered_themes(qtbot, live) -> None:
    choose_idea(qtbot, live, 2)
    dialog = open_theme(qtbot, live)
    completer = dialog.combo.completer()
    qtbot.keyClicks(dialog.combo.lineEdit(), "fæl")
    offered = [completer.completionModel().index(r, 0).data()
               for r in range(completer.completionCount())]
    assert offered == ["Kultur og fællesskab"]


def test_a_theme_picked_from_the_filtered_list_is_saved(qtbot, db, live) -> None:
    choose_idea(qtbot, live, 2)
    dialog = open_theme(qtbot, live)
    edit = dialog.combo.lineEdit()
    qtbot.keyClicks(edit, "kul")
    popup = dialog.combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.theme_text() == "Kultur og fællesskab"
    if live.panel.theme_dialog is not None:  # the popup's Enter only chose; this one saves
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: live.panel.theme_dialog is None)
    assert stored_themes(db, live.meeting)["Fælles kalender"] == "Kultur og fællesskab"


def test_esc_cancels_and_stores_nothing(qtbot, db, live) -> None:
    choose_idea(qtbot, live, 1)
    dialog = open_theme(qtbot, live)
    assert dialog.theme_text() == "Natur"
    qtbot.keyClicks(dialog.combo.lineEdit(), "liv")
    assert dialog.theme_text() == "liv"  # the theme shown was chosen: typing replaces it
    qtbot.keyClick(dialog.combo.lineEdit(), Qt.Key.Key_Escape)
    if live.panel.theme_dialog is not None:  # the first Esc closed the list of suggestions
        qtbot.keyClick(dialog.combo.lineEdit(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: live.panel.theme_dialog is None)
    assert stored_themes(db, live.meeting)["Shelter ved stranden"] == "Natur"
    assert note_of(live, 1) == "Tema: Natur"


def test_an_emptied_field_clears_the_theme(qtbot, db, live) -> None:
    choose_idea(qtbot, live, 1)
    dialog = open_theme(qtbot, live)
    dialog.combo.lineEdit().selectAll()
    qtbot.keyClick(dialog.combo.lineEdit(), Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.combo.lineEdit(), "   ")
    qtbot.keyClick(dialog.combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: live.panel.theme_dialog is None)
    assert stored_themes(db, live.meeting)["Shelter ved stranden"] == ""
    assert note_of(live, 1) == ""


def test_a_too_long_theme_is_refused_in_the_dialog_and_nothing_changes(qtbot, db, live) -> None:
    choose_idea(qtbot, live, 1)
    dialog = open_theme(qtbot, live)
    QApplication.clipboard().setText("x" * (MAX_TEXT_LENGTH + 1))
    edit = dialog.combo.lineEdit()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
    changes: list[object] = []
    live.hub.ideas_changed.connect(changes.append)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert dialog.message.text() == "⚠ Tema er for lang (højst 100.000 tegn)."
    assert changes == []
    assert stored_themes(db, live.meeting)["Shelter ved stranden"] == "Natur"


def test_t_in_a_text_field_is_typed_and_ctrl_t_opens_the_dialog(qtbot, live) -> None:
    choose_idea(qtbot, live, 0)
    live.field.setFocus()
    key(qtbot, live.window, Qt.Key.Key_T)
    assert live.panel.theme_dialog is None
    assert live.field.text() == "t"
    dialog = open_theme(qtbot, live, CTRL)
    assert dialog.idea.title == "Flere busser om aftenen"


def test_t_without_a_chosen_idea_says_what_to_do(qtbot, live) -> None:
    live.panel.sections["idea"].table.clearSelection()
    live.panel.sections["idea"].table.setFocus()
    key(qtbot, live.window, Qt.Key.Key_T)
    assert live.panel.theme_dialog is None
    assert live.panel.message.isVisible()
    assert "Vælg en idé" in live.panel.message.text()
    assert not live.panel.theme_button.isEnabled()


def test_the_theme_button_opens_the_same_dialog(qtbot, live) -> None:
    choose_idea(qtbot, live, 2)
    qtbot.mouseClick(live.panel.theme_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: live.panel.theme_dialog is not None)
    assert live.panel.theme_dialog.idea.title == "Fælles kalender"


def test_the_live_screen_sets_a_theme_with_t(qtbot, db, clock, meeting) -> None:
    window = shown_window(qtbot, db, clock)
    window.start_meeting(meeting.id)
    panel = window.live_page.capture
    table = panel.sections["idea"].table
    qtbot.waitUntil(lambda: table.model().rowCount() == 3)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(2, 0)).center())
    key(qtbot, window, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: panel.theme_dialog is not None and panel.theme_dialog.isVisible())
    qtbot.keyClicks(panel.theme_dialog.combo.lineEdit(), "Kultur og fællesskab")
    qtbot.keyClick(panel.theme_dialog.combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.theme_dialog is None)
    assert stored_themes(db, meeting)["Fælles kalender"] == "Kultur og fællesskab"
    # A speaker key still reaches the live screen afterwards: the focus went back to the list.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_1)
    assert window.live_page.running.speaker is Role.CITIZEN


def test_f1_on_the_corrections_lists_the_theme_keys(qtbot, db, clock, meeting) -> None:
    window = shown_window(qtbot, db, clock)
    window.correct_meeting(meeting.id)
    rows = dict((description, keys) for keys, description in
                window.key_help.rows_for(window.corrections_page))
    # As F1 names them: in Danish ("Skift") once Qt's Danish catalogue is loaded.
    assert rows["Tema for den valgte idé"] == key_text(["T", "Ctrl+T"])
    assert rows["Temaer: grupper idéerne"] == key_text(["Ctrl+Shift+T"])
    summary = dict((description, keys) for keys, description in
                   window.key_help.rows_for(window.summary_page))
    assert summary["Temaer: grupper idéerne"] == key_text(["Ctrl+Shift+T"])
