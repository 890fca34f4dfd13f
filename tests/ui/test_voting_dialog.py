"""«Prioritering» by keyboard: start a round, number, Tab, count, Enter; corrections; rounds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.domain.enums import Role
from facilitator.live_meeting import LiveMeeting
from facilitator.services import capture, live, priorities
from facilitator.services.capture import IdeaInput
from tests.ui.test_live_page import page  # noqa: F401 - a fixture: the live screen, started
from ui.common.changes import ChangeHub
from ui.priorities.voting_dialog import VotingDialog

TITLES = ("Shelter ved søen", "Stisystem rundt om byen", "Fællesspisning i hallen")


def meeting_with_ideas(db, clock, meeting_factory, titles=TITLES):
    meeting = meeting_factory(db)
    running = LiveMeeting.start(db, meeting.id, clock)
    running.mark(Role.CITIZEN)
    for title in titles:
        clock.advance(30)
        capture.add_idea(db, meeting.id, IdeaInput(title=title))
    return meeting, running


def open_dialog(qtbot, db, meeting_id):
    hub = ChangeHub()
    dialog = VotingDialog(db, hub, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog, hub


def enter_votes(qtbot, dialog, number: str, votes: str, between=Qt.Key.Key_Tab) -> None:
    """Number, Tab (or Space), count, Enter — as the official types it."""
    qtbot.keyClicks(dialog.number_field, number)
    qtbot.keyClick(dialog.number_field, between)
    assert dialog.count_field.hasFocus()
    qtbot.keyClicks(dialog.count_field, votes)
    qtbot.keyClick(dialog.count_field, Qt.Key.Key_Return)


def shown_votes(dialog) -> dict[int, int]:
    return {c.number: c.votes for c in dialog.model.rows()}


def test_a_round_is_started_and_counts_are_entered_by_keyboard(qtbot, db, clock, meeting_factory) -> None:
    meeting, _running = meeting_with_ideas(db, clock, meeting_factory)
    dialog, hub = open_dialog(qtbot, db, meeting.id)
    assert dialog.pages.currentIndex() == 0  # which ideas?
    with qtbot.waitSignal(hub.priorities_changed) as started:
        qtbot.keyClick(dialog.scope_list, Qt.Key.Key_Return)
    assert started.args == [meeting.id]
    assert dialog.round_heading.full_text() == "Prioritering – runde 1"
    assert [c.title for c in dialog.model.rows()] == list(TITLES)
    assert dialog.number_field.hasFocus()

    enter_votes(qtbot, dialog, "2", "14")
    enter_votes(qtbot, dialog, "1", "9", between=Qt.Key.Key_Space)
    assert dialog.number_field.hasFocus() and dialog.number_field.text() == ""
    stored = priorities.latest_round(db, meeting.id)
    assert {c.number: c.votes for c in stored.choices} == {1: 9, 2: 14, 3: 0}
    assert shown_votes(dialog) == {1: 9, 2: 14, 3: 0}
    assert dialog.total_label.text() == "I alt 23 stemmer på 3 idéer"

    # The row just stored is the table's chosen row.
    assert dialog.model.row_at(dialog.table.currentIndex()).number == 1
    # A correction: the same number again overwrites the count.
    enter_votes(qtbot, dialog, "2", "12")
    assert dialog.model.row_at(dialog.table.currentIndex()).number == 2
    assert {c.number: c.votes for c in priorities.latest_round(db, meeting.id).choices}[2] == 12
    assert shown_votes(dialog)[2] == 12


def test_a_row_enter_corrects_its_count(qtbot, db, clock, meeting_factory) -> None:
    meeting, _running = meeting_with_ideas(db, clock, meeting_factory)
    round_row = priorities.start_round(db, meeting.id)
    priorities.set_votes(db, round_row.id, 3, 5)
    dialog, _hub = open_dialog(qtbot, db, meeting.id)
    assert dialog.pages.currentIndex() == 1  # the latest round opens for more counts
    dialog.table.setFocus()
    dialog.table.selectRow(2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.number_field.text() == "3"
    assert dialog.count_field.hasFocus()
    qtbot.keyClicks(dialog.count_field, "7")  # the old count is selected: typing replaces it
    qtbot.keyClick(dialog.count_field, Qt.Key.Key_Return)
    assert {c.number: c.votes for c in priorities.latest_round(db, meeting.id).choices}[3] == 7


def test_bad_input_is_refused_in_danish_and_changes_nothing(qtbot, db, clock, meeting_factory) -> None:
    meeting, _running = meeting_with_ideas(db, clock, meeting_factory)
    priorities.start_round(db, meeting.id)
    dialog, hub = open_dialog(qtbot, db, meeting.id)
    published = []
    hub.priorities_changed.connect(published.append)
    for number, votes in (("9", "3"), ("x", "3"), ("1", "mange"), ("1", "")):
        enter_votes(qtbot, dialog, number, votes)
        assert dialog.message.is_error, (number, votes)
        assert "Skriv" in dialog.message.text() or "nummer" in dialog.message.text()
        dialog.number_field.clear()
        dialog.count_field.clear()
        dialog.number_field.setFocus()
    assert published == []
    assert all(c.votes == 0 for c in priorities.latest_round(db, meeting.id).choices)


def test_a_second_round_over_chosen_items_keeps_the_first(qtbot, db, clock, meeting_factory) -> None:
    meeting, running = meeting_with_ideas(db, clock, meeting_factory, TITLES[:2])
    running.next_phase()
    clock.advance(30)
    capture.add_idea(db, meeting.id, IdeaInput(title="Legeplads ved skolen"))
    dialog, _hub = open_dialog(qtbot, db, meeting.id)
    qtbot.keyClick(dialog.scope_list, Qt.Key.Key_Return)
    enter_votes(qtbot, dialog, "3", "20")

    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pages.currentIndex() == 0
    assert dialog.start_button.text() == "Start runde 2 (Enter)"
    assert dialog.scope_list.count() == 2  # two agenda items hold ideas
    dialog.scope_list.setCurrentRow(0)
    qtbot.keyClick(dialog.scope_list, Qt.Key.Key_Space)  # untick the first item
    qtbot.keyClick(dialog.scope_list, Qt.Key.Key_Return)
    assert dialog.round_heading.full_text() == "Prioritering – runde 2"
    assert [c.title for c in dialog.model.rows()] == ["Legeplads ved skolen"]
    enter_votes(qtbot, dialog, "1", "31")

    rounds = priorities.list_rounds(db, meeting.id)
    assert [r.number for r in rounds] == [1, 2]
    assert {c.title: c.votes for c in rounds[0].choices}["Legeplads ved skolen"] == 20
    assert {c.title: c.votes for c in rounds[1].choices} == {"Legeplads ved skolen": 31}


def test_the_room_hears_of_the_round_while_the_dialog_is_open(qtbot, db, clock, meeting_factory) -> None:
    meeting, _running = meeting_with_ideas(db, clock, meeting_factory)
    priorities.start_round(db, meeting.id)
    shown = []
    dialog, _hub = open_dialog(qtbot, db, meeting.id)
    dialog.round_changed.connect(shown.append)
    enter_votes(qtbot, dialog, "1", "4")
    assert shown[-1] is not None and shown[-1].choices[0].votes == 4
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert shown[-1] is None


def test_ctrl_shift_p_on_the_live_screen_opens_it_and_relays_the_round(qtbot, db, page) -> None:  # noqa: F811
    from PySide6.QtTest import QTest

    capture.add_idea(db, page.running.meeting_id, IdeaInput(title="Shelter ved søen"))
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    shown = []
    page.priorities_shown.connect(shown.append)
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.voting
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.scope_list, Qt.Key.Key_Return)
    enter_votes(qtbot, dialog, "1", "6")
    assert shown[-1].choices[0].votes == 6
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert shown[-1] is None
    qtbot.waitUntil(lambda: page.voting is None)
    # Opened again on the stored round: its bars go back on the wall before any key.
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.voting is not None
    assert shown[-1] is not None and shown[-1].choices[0].votes == 6
    page.voting.reject()


def test_the_room_keys_work_while_the_dots_are_counted(qtbot, db, page) -> None:  # noqa: F811
    from PySide6.QtTest import QTest

    capture.add_idea(db, page.running.meeting_id, IdeaInput(title="Shelter ved søen"))
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.voting
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.scope_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.number_field.hasFocus())
    qtbot.keyClicks(dialog.number_field, "1")
    room = page.room
    dark = room.options.dark
    assert "B: tom storskærm. Ctrl+tal: taler." in dialog.count_hint.text()
    # B in the number field blanks the wall (the field takes digits only) and leaves the number.
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_B)
    assert room.options.blank and dialog.number_field.text() == "1"
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_B)
    assert not room.options.blank
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_F6)
    assert room.options.dark is not dark
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_F7)
    assert room.options.show_time
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: room.presenting)
    # The room window opened on the projector; the keyboard stays in the dialog.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not room.presenting)
    # Ctrl+digit marks who speaks meanwhile; the typed number stays.
    before = len(live.list_turns(db, page.running.meeting_id))
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    turns = live.list_turns(db, page.running.meeting_id)
    assert len(turns) == before + 1 and turns[-1].role is Role.POLITICIAN
    assert dialog.number_field.text() == "1"
    # The count is still typed as before.
    qtbot.keyClick(dialog.number_field, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.count_field, "4")
    qtbot.keyClick(dialog.count_field, Qt.Key.Key_Return)
    assert priorities.latest_round(db, page.running.meeting_id).choices[0].votes == 4
    dialog.reject()


def test_dots_counted_after_the_meeting_are_typed_from_the_corrections(qtbot, db, clock, meeting_factory) -> None:
    from ui.summary.corrections_page import CorrectionsPage

    meeting, running = meeting_with_ideas(db, clock, meeting_factory)
    running.close()
    corrections = CorrectionsPage(db, ChangeHub())
    qtbot.addWidget(corrections)
    corrections.load(meeting.id)
    corrections.show()
    qtbot.waitExposed(corrections)
    corrections.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is corrections)
    qtbot.keyClick(corrections, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = corrections.findChild(VotingDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.scope_list, Qt.Key.Key_Return)
    enter_votes(qtbot, dialog, "3", "8")
    assert {c.number: c.votes for c in priorities.latest_round(db, meeting.id).choices}[3] == 8


def test_votes_typed_by_keyboard_reach_the_summary_and_page_one_of_the_brief(
    qtbot, db, clock, meeting_factory
) -> None:
    import io

    from pypdf import PdfReader

    from facilitator.reports.brief import build_brief
    from facilitator.services import briefs
    from ui.summary.summary_page import SummaryPage

    meeting, running = meeting_with_ideas(db, clock, meeting_factory)
    dialog, _hub = open_dialog(qtbot, db, meeting.id)
    qtbot.keyClick(dialog.scope_list, Qt.Key.Key_Return)
    for number, votes in (("1", "9"), ("2", "17"), ("3", "4"), ("2", "21")):  # 2 corrected
        enter_votes(qtbot, dialog, number, votes)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    running.close()

    summary = SummaryPage(db)
    qtbot.addWidget(summary)
    summary.load(meeting.id)
    model = summary.priorities_model
    shown = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    assert shown == [["1", "1.", "Stisystem rundt om byen", "21"],
                     ["1", "2.", "Shelter ved søen", "9"],
                     ["1", "3.", "Fællesspisning i hallen", "4"]]

    pdf = build_brief(briefs.brief_data(db, meeting.id), "da")
    first = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().replace("\u00a0", " ").split())
    assert "Borgernes prioriteringer" in first and "34 stemmer i alt" in first
    assert "Stisystem rundt om byen" in first and "21 stemmer" in first
    assert first.index("Stisystem rundt om byen") < first.index("Shelter ved søen")


def test_esc_asks_before_a_typed_count_not_yet_stored_is_thrown_away(qtbot, db, clock, meeting_factory) -> None:
    from tests.ui.modal import DISCARD_QUESTION, escape_answering

    meeting, _running = meeting_with_ideas(db, clock, meeting_factory)
    priorities.start_round(db, meeting.id)
    dialog, _hub = open_dialog(qtbot, db, meeting.id)
    qtbot.keyClicks(dialog.number_field, "2")
    qtbot.keyClick(dialog.number_field, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.count_field, "17")
    assert escape_answering(qtbot, dialog.count_field, "Skriv videre") == [DISCARD_QUESTION]
    assert dialog.isVisible() and dialog.count_field.text() == "17"
    qtbot.keyClick(dialog.count_field, Qt.Key.Key_Return)  # stored after all
    assert {c.number: c.votes for c in priorities.latest_round(db, meeting.id).choices}[2] == 17
    assert escape_answering(qtbot, dialog.number_field, "Skriv videre") == []  # nothing typed
    assert not dialog.isVisible()


def test_forgetting_a_typed_count_lets_esc_close_without_asking(qtbot, db, clock, meeting_factory) -> None:
    """What the UI tests' teardown does, so no question waits for a click after a test."""
    from tests.ui.modal import escape_answering

    meeting, _running = meeting_with_ideas(db, clock, meeting_factory)
    priorities.start_round(db, meeting.id)
    dialog, _hub = open_dialog(qtbot, db, meeting.id)
    qtbot.keyClicks(dialog.number_field, "3")
    dialog.forget_changes()
    assert escape_answering(qtbot, dialog.number_field, "Skriv videre") == []
    assert not dialog.isVisible()
    assert all(c.votes == 0 for c in priorities.latest_round(db, meeting.id).choices)
