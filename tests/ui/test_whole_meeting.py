"""A whole meeting planned and run by keyboard in the real main window, then checked in the database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.domain.enums import (
    AskKind,
    HoldBackOutcome,
    MeetingStatus,
    OwnerSide,
    PromptKind,
    Role,
)
from facilitator.live_state import Cue
from facilitator.services import agenda, capture, live, meetings, projects
from ui.main_window import MainWindow

from .modal import answer_next_box

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot, db, clock):
    main = MainWindow(db, clock)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    activate(qtbot, main)
    return main


def activate(qtbot, window) -> None:
    """The offscreen platform does not hand activation back after a dialog closes."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def key(qtbot, window, k, modifiers=NONE) -> None:
    """A key press as it reaches the window (so shortcuts fire)."""
    activate(qtbot, window)
    QTest.keyClick(window.windowHandle(), k, modifiers)


def type_in(qtbot, dialog, text: str) -> None:
    qtbot.keyClicks(dialog.focusWidget(), text)


def tab(qtbot, dialog, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)


def entry(qtbot, window, k):
    """Open a quick entry on the live screen with its Ctrl shortcut."""
    key(qtbot, window, k, CTRL)
    panel = window.live_page.capture
    qtbot.waitUntil(lambda: panel.entry_dialog is not None and panel.entry_dialog.isVisible())
    return panel.entry_dialog


def save(qtbot, window, dialog) -> None:
    """Enter saves and closes."""
    with qtbot.waitSignal(window.live_page.capture.entry_saved):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.live_page.capture.entry_dialog is None)


def test_plan_and_run_a_whole_meeting_by_keyboard(qtbot, window, db, clock) -> None:
    start = window.start_page
    # --- plan: a project with villages, a meeting with the default agenda ---
    key(qtbot, window, Qt.Key.Key_N, CTRL | SHIFT)
    qtbot.waitUntil(lambda: start.dialog is not None and start.dialog.isVisible())
    form = start.dialog
    qtbot.keyClicks(form.name_edit, "Mols i Udvikling")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.places_edit, "Knebel, Agri, Vrinners")
    QTest.keyClick(form.windowHandle(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: start.dialog is None)

    key(qtbot, window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: start.dialog is not None and start.dialog.isVisible())
    form = start.dialog
    qtbot.keyClicks(form.title_edit, "Borgermøde i Knebel")
    qtbot.keyClicks(form.date_edit, "03-03-2026")
    qtbot.keyClick(form.time_edit, Qt.Key.Key_A, CTRL)  # select the suggested time, type over it
    qtbot.keyClicks(form.time_edit, "19:00")
    qtbot.keyClicks(form.venue_edit, "Knebel Forsamlingshus")
    qtbot.keyClick(form.venue_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.agenda_page)
    meeting = meetings.list_meetings(db, projects.list_projects(db)[0].id)[0]
    phases = agenda.list_phases(db, meeting.id)
    assert len(phases) == 4

    # --- run: start; the first phase opens with a hold-back ---
    key(qtbot, window, Qt.Key.Key_Return, CTRL)
    page = window.live_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    assert page.status.signal_panel.word.full_text() == "Vent"
    assert "Lad borgerne tage ordet" in page.status.signal_panel.detail.text()

    clock.advance(4)
    key(qtbot, window, Qt.Key.Key_2)  # the official speaks during the hold-back: a nudge
    qtbot.waitUntil(lambda: page.status.signal_panel.cue is Cue.NUDGE)
    assert "lad borgerne tage ordet først" in page.status.signal_panel.detail.text()
    key(qtbot, window, Qt.Key.Key_Escape)
    clock.advance(20)
    key(qtbot, window, Qt.Key.Key_1)  # a citizen host welcomes everyone
    clock.advance(8 * 60)

    key(qtbot, window, Qt.Key.Key_PageDown)  # the citizens' ideas round
    clock.advance(5)
    key(qtbot, window, Qt.Key.Key_1)
    for title, group in (
        ("Shelter ved Agri Bavnehøj", "Borgergruppen i Agri"),
        ("Fælles el-ladestander ved forsamlingshuset", "Knebel Borgerforening"),
        ("Sti langs stranden", "Stigruppen"),
    ):
        clock.advance(60)
        dialog = entry(qtbot, window, Qt.Key.Key_I)
        type_in(qtbot, dialog, title)
        tab(qtbot, dialog, 2)
        type_in(qtbot, dialog, group)
        save(qtbot, window, dialog)
    clock.advance(60)
    key(qtbot, window, Qt.Key.Key_3)  # a councillor comments
    clock.advance(30)

    key(qtbot, window, Qt.Key.Key_PageDown)  # what do you need from the municipality?
    key(qtbot, window, Qt.Key.Key_1)
    clock.advance(30)
    dialog = entry(qtbot, window, Qt.Key.Key_R)
    type_in(qtbot, dialog, "Tilladelse til shelter i landzone")
    tab(qtbot, dialog)
    type_in(qtbot, dialog, "Tilladelse")
    save(qtbot, window, dialog)
    clock.advance(30)
    dialog = entry(qtbot, window, Qt.Key.Key_R)
    type_in(qtbot, dialog, "Tilskud til ladestander")
    tab(qtbot, dialog)
    type_in(qtbot, dialog, "Penge")
    tab(qtbot, dialog)
    type_in(qtbot, dialog, "12.500")
    save(qtbot, window, dialog)
    clock.advance(60)
    key(qtbot, window, Qt.Key.Key_2)  # the official answers when asked
    clock.advance(60)

    key(qtbot, window, Qt.Key.Key_PageDown)  # who does what next
    key(qtbot, window, Qt.Key.Key_1)
    clock.advance(45)
    dialog = entry(qtbot, window, Qt.Key.Key_N)
    type_in(qtbot, dialog, "Kontakte lodsejer ved Bavnehøj")
    tab(qtbot, dialog)
    type_in(qtbot, dialog, "Borgerne")
    tab(qtbot, dialog)
    type_in(qtbot, dialog, "Borgergruppen i Agri")
    tab(qtbot, dialog)
    type_in(qtbot, dialog, "24-03-2026")
    save(qtbot, window, dialog)
    clock.advance(60)

    # --- close, confirmed with Enter on the question ---
    answerer = answer_next_box(QMessageBox.StandardButton.Yes)
    key(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.summary_page)
    answerer.stop()

    # --- what is stored ---
    stored = meetings.get_meeting(db, meeting.id)
    assert stored.status is MeetingStatus.CLOSED
    turns = live.list_turns(db, meeting.id)
    assert [t.role for t in turns][:4] == [Role.OFFICIAL, Role.CITIZEN, Role.SILENCE, Role.CITIZEN]
    assert all(t.ended_at is not None for t in turns)
    phases = agenda.list_phases(db, meeting.id)
    assert [p.first_speaker for p in phases] == [Role.OFFICIAL, Role.CITIZEN, Role.CITIZEN, Role.CITIZEN]
    assert phases[0].actual_seconds == 4 + 20 + 8 * 60
    prompts = live.list_prompts(db, meeting.id)
    assert prompts[0].kind is PromptKind.HOLD_BACK and prompts[0].outcome is HoldBackOutcome.BROKEN
    assert prompts[1].kind is PromptKind.EARLY_OFFICIAL and prompts[1].dismissed_at is not None
    assert [i.title for i in capture.list_ideas(db, meeting.id)] == [
        "Shelter ved Agri Bavnehøj",
        "Fælles el-ladestander ved forsamlingshuset",
        "Sti langs stranden",
    ]
    asks = capture.list_asks(db, meeting.id)
    assert [(a.kind, a.amount_dkk) for a in asks] == [(AskKind.PERMIT, None), (AskKind.MONEY, 12500)]
    [step] = capture.list_steps(db, meeting.id)
    assert (step.owner_side, step.owner_label, step.due_on) == (
        OwnerSide.CITIZENS, "Borgergruppen i Agri", date(2026, 3, 24))

    # --- what the summary shows ---
    summary = window.summary_page
    assert summary.figures["opened"].text() == "3 af 4"
    assert summary.figures["hold_backs"].text() == "3 af 4"
    assert summary.figures["captured"].text() == "3 · 2 · 1"
    assert summary.figures["nudges"].text().startswith("1 for tidligt på ordet")
    first = [summary.model.index(r, 3).data() for r in range(4)]
    assert first == ["Embedsperson", "Borger", "Borger", "Borger"]
    assert summary.model.index(0, 2).data() == "8:24"
    assert "Borger" in summary.share_bar.legend.text()


def test_closed_meeting_reopens_for_corrections(qtbot, window, db, clock, meeting_factory) -> None:
    from facilitator.live_meeting import LiveMeeting

    meeting = meeting_factory(db)
    session = LiveMeeting.start(db, meeting.id, clock)
    session.mark(Role.CITIZEN)
    clock.advance(60)
    capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter ved Agri Bavnehj"))  # a typo
    session.close()
    window.show_summary(meeting.id)
    turns_before = live.list_turns(db, meeting.id)
    window.summary_page.reopen_button.click()
    page = window.corrections_page
    assert window.pages.currentWidget() is page
    panel = page.capture
    panel.sections["idea"].table.selectRow(0)
    panel.edit_selected("idea")
    qtbot.waitUntil(lambda: panel.entry_dialog is not None and panel.entry_dialog.isVisible())
    dialog = panel.entry_dialog
    dialog.title_edit.setFocus()
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_End)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.title_edit, "øj")
    with qtbot.waitSignal(panel.entry_saved):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.summary_page)
    assert [i.title for i in capture.list_ideas(db, meeting.id)] == ["Shelter ved Agri Bavnehøj"]
    stored = meetings.get_meeting(db, meeting.id)
    assert stored.status is MeetingStatus.CLOSED  # the clock was never restarted
    assert live.list_turns(db, meeting.id) == turns_before and live.list_gaps(db, meeting.id) == []


def test_next_start_offers_to_resume_a_running_meeting(qtbot, db, clock, meeting_factory) -> None:
    from facilitator.live_meeting import LiveMeeting

    meeting = meeting_factory(db)
    session = LiveMeeting.start(db, meeting.id, clock)
    session.mark(Role.CITIZEN)
    clock.advance(30)
    session.tick()
    session.next_phase()
    del session  # the app was killed here
    clock.advance(120)
    main = MainWindow(db, clock)
    qtbot.addWidget(main)
    main.show()
    seen: list[str] = []
    answerer = answer_next_box(QMessageBox.StandardButton.Yes, seen)
    main.offer_resume()
    answerer.stop()
    assert "Borgermøde i Knebel" in seen[0]
    assert main.pages.currentWidget() is main.live_page
    assert "Punkt 2 af 4" in main.live_page.status.phase_card.title.full_text()
    [gap] = live.list_gaps(db, meeting.id)
    assert (gap.ended_at - gap.started_at).total_seconds() == 120
    assert QApplication.activeModalWidget() is None


def test_closing_the_window_mid_meeting_loses_nothing(qtbot, db, clock, meeting_factory) -> None:
    meeting = meeting_factory(db)
    first = MainWindow(db, clock)
    qtbot.addWidget(first)
    first.show()
    first.start_meeting(meeting.id)
    first.live_page.mark(Role.CITIZEN)
    clock.advance(7)  # before any heartbeat
    closed_at = clock.now()
    first.close()
    assert meetings.get_meeting(db, meeting.id).last_seen_at == closed_at
    clock.advance(60)
    second = MainWindow(db, clock)
    qtbot.addWidget(second)
    second.show()
    answerer = answer_next_box(QMessageBox.StandardButton.Yes)
    second.offer_resume()
    answerer.stop()
    [turn] = live.list_turns(db, meeting.id)
    assert turn.ended_at == closed_at  # the citizen is not credited with the minute away
    [gap] = live.list_gaps(db, meeting.id)
    assert (gap.started_at, gap.ended_at) == (closed_at, clock.now())


def test_closing_the_window_keeps_typed_text_unless_discarded(qtbot, db, clock, meeting_factory) -> None:
    meeting = meeting_factory(db)
    main = MainWindow(db, clock)
    qtbot.addWidget(main)
    main.show()
    main.start_meeting(meeting.id)
    panel = main.live_page.capture
    panel.new_idea()
    qtbot.waitUntil(lambda: panel.entry_dialog is not None and panel.entry_dialog.isVisible())
    panel.entry_dialog.title_edit.setText("Legeplads ved hallen")
    answerer = answer_next_box("Skriv videre")
    assert not main.close()  # refused: the typed idea is still there to save
    answerer.stop()
    assert main.isVisible() and panel.entry_dialog.title_edit.text() == "Legeplads ved hallen"
    with qtbot.waitSignal(panel.entry_saved):
        qtbot.keyClick(panel.entry_dialog.title_edit, Qt.Key.Key_Return)
    assert main.close()
    assert [i.title for i in capture.list_ideas(db, meeting.id)] == ["Legeplads ved hallen"]
