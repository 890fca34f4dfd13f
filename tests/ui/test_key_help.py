"""F1 (or ?) shows the current page's keys over the page; Esc closes it; the focus stays put."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from facilitator.domain.enums import Role
from facilitator.live_meeting import LiveMeeting
from facilitator.services import live
from ui.common.key_help import LIVE_KEYS, KeyOverlay, key_text
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def app(qtbot, db, clock, meeting_factory):
    planned = meeting_factory(db, title="Borgermøde om stier")
    closed = meeting_factory(db, title="Borgermøde i Knebel")
    session = LiveMeeting.start(db, closed.id, clock)
    session.mark(Role.CITIZEN)
    clock.advance(30)
    session.close()
    window = MainWindow(db, clock)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.planned, window.closed = planned, closed
    return window


def go_to(window, name):
    """Show the page as the app does."""
    if name == "start":
        window.show_start()
        return window.start_page, window.start_page.meeting_table
    if name == "agenda":
        window.open_meeting(window.planned.id)
        return window.agenda_page, window.agenda_page.table
    if name == "live":
        window.start_meeting(window.planned.id)
        return window.live_page, window.live_page.capture.sections["idea"].table
    if name == "summary":
        window.show_summary(window.closed.id)
        return window.summary_page, window.summary_page.attendance
    window.correct_meeting(window.closed.id)
    return window.corrections_page, window.corrections_page.capture.sections["step"].table


def overlay_of(page) -> KeyOverlay | None:
    found = [o for o in page.findChildren(KeyOverlay) if o.isVisible()]
    return found[0] if found else None


def texts(overlay) -> str:
    return "\n".join(label.text() for label in overlay.findChildren(QLabel))


EXPECTED = {
    "start": [("Ctrl+Shift+N", "Nyt projekt"), ("Ctrl+N", "Nyt møde"), ("Ctrl+B", "Lav orientering"),
              ("Ctrl+Shift+K", "Sikkerhedskopier …"), ("Return / Enter", "Åbn det valgte møde")],
    "agenda": [("Ctrl+T", "Skriv et nyt punkt"), ("Ctrl+Return / Ctrl+Enter", "Start mødet"),
               ("Ctrl+Up", "Flyt det valgte punkt op"), ("Del", "Fjern det valgte punkt")],
    "live": [("1 / Ctrl+1", "Borger taler"), ("S", "Spørgsmål stillet"),
             ("Ctrl+I", "Ny idé"), ("Ctrl+Shift+A", "Afslut mødet")],
    "summary": [("Esc", "Til forsiden"), ("Ctrl+B", "Lav politisk orientering"),
                ("Alt+F", "fremmødte")],
    "corrections": [("Esc", "Færdig"), ("Ctrl+R", "Nyt ressourceønske")],
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_f1_shows_the_pages_keys_and_esc_closes_it_leaving_the_focus(qtbot, app, name) -> None:
    page, focus = go_to(app, name)
    assert app.pages.currentWidget() is page
    focus.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is focus)
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_F1)
    overlay = overlay_of(page)
    assert overlay is not None
    assert overlay.geometry() == page.rect()  # over the whole page
    assert overlay.panel.geometry().width() <= page.width()
    shown = dict(overlay.rows)
    for keys, words in EXPECTED[name]:
        keys = QKeySequence(keys.split(" / ")[0]).toString(QKeySequence.SequenceFormat.NativeText)
        assert any(k.startswith(keys) and words in d for k, d in shown.items()), (keys, words, shown)
    assert "F1 eller Esc lukker oversigten" in texts(overlay)
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_Escape)
    assert overlay_of(page) is None
    # Esc closed the overlay only: the page is still there and the focus where it was.
    assert app.pages.currentWidget() is page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is focus)


def test_f1_again_closes_it_and_question_mark_opens_it_outside_a_text_field(qtbot, app) -> None:
    page, table = go_to(app, "agenda")
    table.setFocus()
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_Question)
    assert overlay_of(page) is not None
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_F1)
    assert overlay_of(page) is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    # In a text field "?" is a character like any other.
    page.new_title.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.new_title)
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_Question)
    assert overlay_of(page) is None
    assert page.new_title.text() == "?"


def test_a_key_that_moves_the_focus_closes_the_overlay(qtbot, app) -> None:
    page, table = go_to(app, "agenda")
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_F1)
    assert overlay_of(page) is not None
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_T, CTRL)  # "Skriv et nyt punkt"
    qtbot.waitUntil(lambda: overlay_of(page) is None)
    assert QApplication.focusWidget() is page.new_title  # the keyboard stays where it went
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_Escape)  # the page's own Esc, no overlay left
    assert app.pages.currentWidget() is app.start_page


def test_the_speaker_keys_keep_working_while_the_overlay_shows(qtbot, app, db) -> None:
    page, _focus = go_to(app, "live")
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_F1)
    assert overlay_of(page) is not None
    app._clock.advance(5)
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_3)
    assert live.list_turns(db, app.planned.id)[-1].role is Role.POLITICIAN


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_the_overlay_fits_the_page_in_large_type(qtbot, app, size) -> None:
    app.resize(*size)
    for name in EXPECTED:
        page, _focus = go_to(app, name)
        QTest.keyClick(app.windowHandle(), Qt.Key.Key_F1)
        overlay = overlay_of(page)
        assert page.rect().contains(overlay.panel.geometry())
        assert min(label.font().pointSize() for label in overlay.panel.findChildren(QLabel)) >= 12
        assert overlay.panel.sizeHint().height() <= page.height()
        assert overlay.panel.sizeHint().width() <= page.width()
        for label in overlay.panel.findChildren(QLabel):  # no text is cut off
            assert label.width() >= label.sizeHint().width(), (name, label.text())
        QTest.keyClick(app.windowHandle(), Qt.Key.Key_Escape)


def _readme_keys() -> list[set[str]]:
    """The keys of each row of the README's table "Tastatur under mødet"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Tastatur under mødet", 1)[1].split("\n## ", 1)[0]
    names = {"Page Down": "PgDown", "Page Up": "PgUp", "Enter": "Return"}
    rows = []
    for line in table.splitlines():
        cells = line.split("|")
        if len(cells) > 2 and "`" in cells[1]:
            rows.append({names.get(k, k) for k in re.findall(r"`([^`]+)`", cells[1])})
    return rows


def test_the_live_keys_are_the_readmes_table() -> None:
    assert [set(k.keys) for k in LIVE_KEYS] == _readme_keys()


def test_the_live_keys_are_the_live_screens_shortcuts(app) -> None:
    portable = QKeySequence.SequenceFormat.PortableText
    listed = {QKeySequence(k).toString(portable) for row in LIVE_KEYS for k in row.keys}
    # The capture panel's theme keys are its own, listed with the live screen's.
    made = {s.key().toString(portable) for s in app.live_page.findChildren(QShortcut)
            if s.parent() in (app.live_page, app.live_page.capture)}
    # Every shortcut of the live screen is listed; every listed key is one (or a list's own key).
    assert made <= listed
    assert listed - made <= {"Return", "Del"}


@pytest.mark.parametrize("size", [(1366, 749), (1024, 581)])
def test_the_live_keys_fit_a_small_screen_unclipped(qtbot, size) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    rows = [(key_text(k.keys), k.description) for k in LIVE_KEYS]
    overlay = KeyOverlay(page, "Under mødet", rows)
    overlay.show_overlay()
    assert page.rect().contains(overlay.panel.geometry())
    for label in overlay.panel.findChildren(QLabel):
        assert label.font().pointSize() >= 12, label.text()
        assert label.width() >= label.sizeHint().width(), label.text()
