"""The next meeting knows: the agenda page offers «Opfølgning siden sidst», the live screen
ticks next steps done and records answers reported back during that item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.domain.enums import PhaseKind
from facilitator.services import agenda
from tests.facilitator.carry_history import make_history
from ui.common.changes import ChangeHub
from ui.planning.agenda_page import AgendaPage

CTRL = Qt.KeyboardModifier.ControlModifier


def press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key through the window, so shortcuts fire as for a real key press."""
    QTest.keyClick(widget.window().windowHandle(), key, modifiers)


def agenda_page(qtbot, db, meeting_id) -> AgendaPage:
    page = AgendaPage(db, ChangeHub())
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.load(meeting_id)
    return page


def test_the_agenda_page_offers_the_follow_up_item_and_ctrl_o_puts_it_first(
        qtbot, db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    page = agenda_page(qtbot, db, h.second.id)
    offer = page.follow_up
    assert offer.isVisible() and offer.add_button.isVisible()
    assert offer.summary.text() == (
        "2 svar modtaget · 1 næste skridt gjort · 1 skridt forfaldent · 1 ønske venter på svar")
    assert "Send kort over stierne" in offer.details.text()
    page.grab().save("/tmp/shots-carry/agenda_offer.png")

    press(page, Qt.Key.Key_O, CTRL)
    stored = agenda.list_phases(db, h.second.id)
    assert (stored[0].title, stored[0].kind) == ("Opfølgning siden sidst", PhaseKind.FOLLOW_UP)
    assert page.model.rows()[0].kind is PhaseKind.FOLLOW_UP
    assert not offer.add_button.isVisible() and offer.on_agenda.isVisible()
    press(page, Qt.Key.Key_O, CTRL)  # a second time does nothing: the item is there once
    assert [p.kind for p in agenda.list_phases(db, h.second.id)].count(PhaseKind.FOLLOW_UP) == 1
    assert not page.message.is_error
    page.grab().save("/tmp/shots-carry/agenda_on.png")


def test_a_first_meeting_has_no_offer(qtbot, db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    page = agenda_page(qtbot, db, h.first.id)
    assert not page.follow_up.isVisible()
    press(page, Qt.Key.Key_O, CTRL)
    assert all(p.kind is None for p in agenda.list_phases(db, h.first.id))
