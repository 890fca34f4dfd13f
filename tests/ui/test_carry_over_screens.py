"""The next meeting knows: the agenda page offers «Opfølgning siden sidst», the live screen
ticks next steps done and records answers reported back during that item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.domain.enums import PhaseKind, StepState
from facilitator.services import agenda
from tests.facilitator.carry_history import make_history
from ui.common.changes import ChangeHub
from ui.planning.agenda_page import AgendaPage

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


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
        "2 svar modtaget · 1 næste skridt gjort · 1 forfaldent skridt · 1 ønske venter på svar")
    assert offer.details[2].full_text() == (
        "Forfaldne næste skridt (1): Send kort over stierne – Plan og Byg · frist 20. mar. 2026")
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
    page.grab().save("/tmp/shots-carry/live_ordinary.png")
    press(page, Qt.Key.Key_O, CTRL)
    assert all(p.kind is None for p in agenda.list_phases(db, h.first.id))


def live_page(qtbot, db, clock, meeting_id):
    from ui.live.live_page import LivePage

    page = LivePage(db, ChangeHub(), clock)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    assert page.start(meeting_id)
    return page


def listed(view) -> list[str]:
    return [view.item(i).text() for i in range(view.count())]


def test_during_the_follow_up_item_keys_tick_a_step_done_and_record_a_report(
        qtbot, db, clock, meeting_factory) -> None:
    from facilitator.domain.enums import FollowUpKind
    from facilitator.services import follow_up
    from facilitator.storage.models import NextStep, ResourceAsk
    from ui.common.key_help import described_keys

    h = make_history(db, clock, meeting_factory)
    agenda.add_follow_up_item(db, h.second.id)
    hub_calls: list[object] = []
    page = live_page(qtbot, db, clock, h.second.id)
    page._hub.steps_changed.connect(hub_calls.append)
    page._hub.asks_changed.connect(hub_calls.append)
    box = page.follow_up
    assert box.isVisible()
    assert listed(box.steps)[0].startswith("⚠ Send kort over stierne")
    assert len(listed(box.steps)) == 2
    assert [t.split(" – ")[0] for t in listed(box.answers)] == [
        "Tilskud til shelter ved Agri Bavnehøj", "Ny asfalt på Skovvejen"]
    assert ("Ctrl+D", "Under opfølgningen: det valgte næste skridt er gjort") in [
        (k.replace("⌃", "Ctrl+"), d) for k, d in described_keys(page, enabled_only=True)]
    for _ in range(3):
        QApplication.processEvents()  # let the layouts settle before the picture
    page.grab().save("/tmp/shots-carry/live_follow_up.png")

    today = clock.now().astimezone().date()
    press(page, Qt.Key.Key_D, CTRL)  # the overdue step, chosen first, is done
    with db.session() as s:
        step = s.get_one(NextStep, h.late)
        assert (step.state, step.state_on, step.done) == (StepState.DONE, today, True)
    event = follow_up.history(db, step_id=h.late)[-1]
    assert (event.kind, event.meeting_id) == (FollowUpKind.STEP, h.second.id)
    assert listed(box.steps) == [t for t in listed(box.steps) if "stierne" not in t]
    assert len(listed(box.steps)) == 1

    press(page, Qt.Key.Key_M, CTRL | SHIFT)  # choose the second answer, then back to the first
    assert box.answers.currentItem().text().startswith("Ny asfalt på Skovvejen")
    press(page, Qt.Key.Key_M, CTRL | SHIFT)
    assert box.answers.currentItem().text().startswith("Tilskud til shelter")
    press(page, Qt.Key.Key_M, CTRL)  # the first answer was told in the room
    with db.session() as s:
        ask = s.get_one(ResourceAsk, h.granted)
        assert (ask.reported_on, ask.reported_how, ask.reported_meeting_id) == (
            today, "på mødet", h.second.id)
    assert [t.split(" – ")[0] for t in listed(box.answers)] == ["Ny asfalt på Skovvejen"]
    assert hub_calls == [h.first.id, h.first.id]
    assert not page.message.is_error

    press(page, Qt.Key.Key_PageDown)  # the next item: the box and its keys go
    assert not box.isVisible()
    assert not any("opfølgningen" in d for _k, d in described_keys(page, enabled_only=True))
    press(page, Qt.Key.Key_D, CTRL)
    with db.session() as s:
        assert s.get_one(NextStep, h.open).state == StepState.OPEN


def test_an_ordinary_item_shows_no_follow_up(qtbot, db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    page = live_page(qtbot, db, clock, h.second.id)
    assert not page.follow_up.isVisible()
    page.grab().save("/tmp/shots-carry/live_ordinary.png")
