"""The closing summary shows what is stored: shares, first speakers, hold-backs, gaps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator.domain.enums import Role
from facilitator.live_meeting import LiveMeeting
from facilitator.services.summary import meeting_summary
from ui.summary.summary_page import PhaseSummaryModel, SummaryPage


def run_meeting_with_a_crash(db, clock, meeting_factory):
    meeting = meeting_factory(db)
    session = LiveMeeting.start(db, meeting.id, clock)
    session.mark(Role.CITIZEN)
    for _ in range(4):
        clock.advance(15)
        session.tick()  # heartbeat every 15 s
    del session  # the battery runs out
    clock.advance(180)
    session, _gap = LiveMeeting.resume(db, meeting.id, clock)
    session.mark(Role.OFFICIAL)
    clock.advance(20)
    session.next_phase()
    session.mark(Role.CITIZEN)
    clock.advance(40)
    session.close()
    return meeting


def test_summary_shows_figures_and_the_gap(qtbot, db, clock, meeting_factory) -> None:
    meeting = run_meeting_with_a_crash(db, clock, meeting_factory)
    page = SummaryPage(db)
    qtbot.addWidget(page)
    page.load(meeting.id)
    assert page.title.full_text() == "Opsummering: Borgermøde i Knebel"
    assert page.figures["opened"].text() == "2 af 4"
    assert page.figures["gaps"].text() == "1 (i alt 3 min.)"
    assert page.figures["hold_backs"].text() == "2 af 2"
    assert "Borger 83 %" in page.share_bar.legend.text()  # 100 s of 120 s of talk
    assert [page.model.index(r, 2).data() for r in range(2)] == ["1:20", "0:40"]
    assert [page.model.index(r, 3).data() for r in range(4)] == ["Borger", "Borger", "–", "–"]
    assert "Afbrudt" in page.timeline_legend.text()


def test_phase_summary_model_passes_qtmodeltester(qtmodeltester, db, clock, meeting_factory) -> None:
    meeting = run_meeting_with_a_crash(db, clock, meeting_factory)
    model = PhaseSummaryModel()
    model.set_rows(list(meeting_summary(db, meeting.id).phases))
    qtmodeltester.check(model)


# ----- the brief and the attendance -----------------------------------------------


def shown_summary(qtbot, db, meeting_id):
    """The summary page of a meeting, shown and active (so shortcuts reach it)."""
    from PySide6.QtWidgets import QApplication

    page = SummaryPage(db)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.load(meeting_id)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def test_brief_button_opens_the_brief_window_for_this_meeting(
    qtbot, db, clock, meeting_factory
) -> None:
    from PySide6.QtCore import Qt

    meeting = run_meeting_with_a_crash(db, clock, meeting_factory)
    page = shown_summary(qtbot, db, meeting.id)
    assert page.brief_button.text() == "Lav politisk orientering (Ctrl+B)"
    assert page.brief_button.objectName() == "primaryButton"
    qtbot.mouseClick(page.brief_button, Qt.MouseButton.LeftButton)
    window = page.brief_window
    assert window is not None and window.isVisible()
    assert window.meeting_id == meeting.id
    assert window.windowTitle() == "Politisk orientering – Borgermøde i Knebel"
    qtbot.waitUntil(lambda: window.pdf_path is not None, timeout=20000)
    assert window.document.pageCount() >= 1
    # Asking again brings the same window forward instead of a second one.
    page.open_brief()
    assert page.brief_window is window
    window.close()


def test_ctrl_b_opens_the_brief_window(qtbot, db, clock, meeting_factory) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    meeting = run_meeting_with_a_crash(db, clock, meeting_factory)
    page = shown_summary(qtbot, db, meeting.id)
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.brief_window is not None and page.brief_window.isVisible())
    qtbot.waitUntil(lambda: page.brief_window.pdf_path is not None, timeout=20000)
    assert page.brief_window.meeting_id == meeting.id
    page.brief_window.close()


def test_attendance_is_saved_at_once_and_shown_again(qtbot, db, clock, meeting_factory) -> None:
    from PySide6.QtCore import Qt

    from facilitator.services import meetings

    meeting = run_meeting_with_a_crash(db, clock, meeting_factory)
    page = shown_summary(qtbot, db, meeting.id)
    assert page.attendance.text() == "ikke talt"
    page.attendance.setFocus()
    page.attendance.selectAll()
    qtbot.keyClicks(page.attendance, "37")
    assert meetings.get_meeting(db, meeting.id).attendance == 37
    qtbot.keyClick(page.attendance, Qt.Key.Key_Up)
    assert meetings.get_meeting(db, meeting.id).attendance == 38
    again = SummaryPage(db)
    qtbot.addWidget(again)
    again.load(meeting.id)
    assert again.attendance.value() == 38
    # Down to "ikke talt" means not counted.
    page.attendance.setValue(-1)
    assert meetings.get_meeting(db, meeting.id).attendance is None
    assert not page.message.isVisible()


def test_loading_a_summary_does_not_overwrite_the_attendance(
    qtbot, db, clock, meeting_factory
) -> None:
    from facilitator.services import meetings

    meeting = run_meeting_with_a_crash(db, clock, meeting_factory)
    meetings.set_attendance(db, meeting.id, 0)
    page = SummaryPage(db)
    qtbot.addWidget(page)
    page.load(meeting.id)
    assert page.attendance.value() == 0 and page.attendance.text() == "0"
    assert meetings.get_meeting(db, meeting.id).attendance == 0


# ----- the prioritisation rounds ---------------------------------------------------


def shown_rows(model) -> list[tuple[str, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def test_the_summary_shows_each_round_ranked_with_its_votes(qtbot, db, clock, meeting_factory) -> None:
    from facilitator.services import capture, priorities

    meeting = run_meeting_with_a_crash(db, clock, meeting_factory)
    page = shown_summary(qtbot, db, meeting.id)
    # No round: no «Prioritering» at all.
    assert not page.priorities.isVisible()
    for title in ["Shelter", "Café <b>i</b> huset", "Sti", "Bålplads"]:
        capture.add_idea(db, meeting.id, capture.IdeaInput(title))
    first = priorities.start_round(db, meeting.id)
    for number, votes in ((1, 4), (2, 11), (3, 1), (4, 11)):
        priorities.set_votes(db, first.id, number, votes)
    second = priorities.start_round(db, meeting.id)
    priorities.set_votes(db, second.id, 3, 1200)
    page.load(meeting.id)
    assert page.priorities.isVisible()
    model = page.priorities.model()
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headings == ["Runde", "Plads", "Prioriteret idé", "Stemmer"]
    # Ties share a place; the room's order breaks them.
    assert shown_rows(model) == [
        ("1", "1.", "Café <b>i</b> huset", "11"), ("1", "1.", "Bålplads", "11"),
        ("1", "3.", "Shelter", "4"), ("1", "4.", "Sti", "1"),
        ("2", "1.", "Sti", "1.200"), ("2", "2.", "Shelter", "0"),
        ("2", "2.", "Café <b>i</b> huset", "0"), ("2", "2.", "Bålplads", "0"),
    ]
    # Beside the phases, not below them.
    assert page.priorities.geometry().top() == page.table.geometry().top()


def test_priority_table_model_passes_qtmodeltester(qtmodeltester, db, meeting_factory) -> None:
    from facilitator.services import capture, priorities
    from ui.summary.priority_table import PriorityTableModel, ranked_ideas

    meeting = meeting_factory(db)
    for title in ("Shelter", "Sti"):
        capture.add_idea(db, meeting.id, capture.IdeaInput(title))
    round_ = priorities.set_votes(db, priorities.start_round(db, meeting.id).id, 2, 5)
    model = PriorityTableModel()
    model.set_rows(ranked_ideas([round_]))
    qtmodeltester.check(model)
