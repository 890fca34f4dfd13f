"""The agenda editor and the meeting profile, driven by keys and clicks as the official would."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QWidget

from facilitator.domain.enums import Regulation, SelfDriving
from facilitator.services import agenda, live, meetings
from tests.ui.modal import answer_next_box
from ui.common.changes import ChangeHub
from ui.planning.agenda_page import AgendaPage
from ui.planning.planning_models import PhaseTableModel

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier
DEFAULT_TITLES = [
    "Velkomst ved en borgervært",
    "Borgernes idérunde",
    "Hvad har I brug for fra kommunen?",
    "Hvem gør hvad nu?",
]


def native(keys: str) -> str:
    """A shortcut as the tooltip names it (translated when Qt's Danish catalogue is loaded)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """A key through the window, so shortcuts fire as for a real key press."""
    QTest.keyClick(widget.window().windowHandle(), key, modifiers)


def stored_titles(db, meeting_id) -> list[str]:
    """The agenda as stored, in order (positions checked to be 0..n-1)."""
    phases = agenda.list_phases(db, meeting_id)
    assert [p.position for p in phases] == list(range(len(phases)))
    return [p.title for p in phases]


def visible(text: str) -> str:
    """Text without the invisible direction marks that keep mixed-script lines in order."""
    return text.translate({0x200E: None, 0x2068: None, 0x2069: None})


def shown_titles(page: AgendaPage) -> list[str]:
    """The agenda as the table shows it."""
    model = page.model
    return [model.index(r, PhaseTableModel.TITLE).data() for r in range(model.rowCount())]


@pytest.fixture
def make_page(qtbot, db):
    """`make(meeting_id)`: the agenda page, shown with that meeting loaded."""

    def make(meeting_id) -> AgendaPage:
        page = AgendaPage(db, ChangeHub())
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        qtbot.waitExposed(page)
        # Shortcuts need an active window; the platform activates a shown one a moment later.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
        page.load(meeting_id)
        return page

    return make


def choose_row(page: AgendaPage, row: int, column: int = PhaseTableModel.TITLE) -> None:
    """Put the table's cursor on a cell, with the keyboard focus in the table."""
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, column))


def add_by_keyboard(qtbot, page: AgendaPage, title: str, minutes: str | None = None) -> None:
    """Ctrl+T, type the title (and minutes), Enter."""
    press(page, Qt.Key.Key_T, CTRL)
    assert page.new_title.hasFocus()
    qtbot.keyClicks(page.new_title, title)
    if minutes is None:
        qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
        return
    qtbot.keyClick(page.new_title, Qt.Key.Key_Tab)
    assert page.new_minutes.hasFocus()
    qtbot.keyClick(page.new_minutes, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.new_minutes, minutes)
    qtbot.keyClick(page.new_minutes, Qt.Key.Key_Return)


def test_header_default_agenda_and_total(db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    assert page.title_label.full_text() == "Borgermøde i Knebel"
    assert visible(page.details_label.full_text()) == (
        "03-03-2026 19:00 · Knebel Forsamlingshus · Agri, Knebel · Planlagt")
    assert shown_titles(page) == DEFAULT_TITLES
    assert page.total_label.text() == "I alt: 1 t 30 min. · slutter ca. kl. 20:30"
    assert page.start_button.isEnabled()


def test_default_template_button_fills_an_empty_agenda(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db, with_agenda=False)
    page = make_page(meeting.id)
    assert shown_titles(page) == [] and not page.start_button.isEnabled()
    assert page.total_label.text().startswith("I alt: 0 min")
    qtbot.mouseClick(page.default_button, Qt.MouseButton.LeftButton)
    assert stored_titles(db, meeting.id) == DEFAULT_TITLES
    assert shown_titles(page) == DEFAULT_TITLES
    assert [p.planned_minutes for p in agenda.list_phases(db, meeting.id)] == [10, 40, 25, 15]
    assert page.start_button.isEnabled()


def test_default_template_replaces_only_after_yes(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    add_by_keyboard(qtbot, page, "Kaffe")
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.No, seen)
    qtbot.mouseClick(page.default_button, Qt.MouseButton.LeftButton)
    assert "5 punkter erstattes" in seen[0]
    assert stored_titles(db, meeting.id) == [*DEFAULT_TITLES, "Kaffe"]
    answer_next_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.default_button, Qt.MouseButton.LeftButton)
    assert stored_titles(db, meeting.id) == DEFAULT_TITLES
    assert shown_titles(page) == DEFAULT_TITLES


def test_add_by_keyboard_is_stored_at_the_end(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    add_by_keyboard(qtbot, page, "Kaffe og snak på tværs", "20")
    phases = agenda.list_phases(db, meeting.id)
    assert (phases[-1].title, phases[-1].position, phases[-1].planned_minutes) == (
        "Kaffe og snak på tværs", 4, 20)
    assert phases[-1].hold_back_seconds == meeting.hold_back_seconds
    assert shown_titles(page)[-1] == "Kaffe og snak på tværs"
    assert page.current_phase().id == phases[-1].id
    assert page.new_title.text() == "" and page.new_title.hasFocus()
    assert page.total_label.text().startswith("I alt: 1 t 50 min")


@pytest.mark.parametrize(
    ("title", "minutes", "expected"),
    [
        ("Pause", "0", "Planlagt tid skal være mellem 1 og 600 minutter."),
        ("Pause", "601", "Planlagt tid skal være mellem 1 og 600 minutter."),
        ("   ", "15", "Punktets titel skal udfyldes."),
        ("p" * 10_001, "15", "Punktets titel er for lang (højst 10.000 tegn)."),
    ],
)
def test_refused_new_phase_shows_why_and_stores_nothing(
    qtbot, db, make_page, meeting_factory, title, minutes, expected
):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    if len(title) > 100:
        page.new_title.setText(title)  # a pasted text; typing 10,000 keys proves nothing more
        page.new_title.setFocus()
        qtbot.keyClick(page.new_title, Qt.Key.Key_Tab)
        qtbot.keyClick(page.new_minutes, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(page.new_minutes, minutes)
        qtbot.keyClick(page.new_minutes, Qt.Key.Key_Return)
    else:
        add_by_keyboard(qtbot, page, title, minutes)
    assert page.message.isVisible() and page.message.text() == "⚠ " + expected
    assert stored_titles(db, meeting.id) == DEFAULT_TITLES
    assert shown_titles(page) == DEFAULT_TITLES
    assert page.new_title.text() == title, "the typed text stays for correcting"


def test_remove_by_delete_key_renumbers(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    choose_row(page, 1)
    press(page, Qt.Key.Key_Delete)
    expected = [DEFAULT_TITLES[0], *DEFAULT_TITLES[2:]]
    assert stored_titles(db, meeting.id) == expected
    assert shown_titles(page) == expected
    assert [page.model.index(r, 0).data() for r in range(3)] == ["1", "2", "3"]
    assert page.current_phase().title == DEFAULT_TITLES[2], "the cursor stays in place"
    assert page.total_label.text().startswith("I alt: 50 min")


def test_delete_while_typing_in_a_field_edits_the_text_not_the_agenda(
    qtbot, db, make_page, meeting_factory
):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    press(page, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(page.new_title, "Kaffe")
    page.new_title.setCursorPosition(0)
    press(page, Qt.Key.Key_Delete)
    assert page.new_title.text() == "affe"
    assert stored_titles(db, meeting.id) == DEFAULT_TITLES


def test_reorder_with_ctrl_up_and_down(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    choose_row(page, 3)
    press(page, Qt.Key.Key_Up, CTRL)
    press(page, Qt.Key.Key_Up, CTRL)
    order = [DEFAULT_TITLES[0], DEFAULT_TITLES[3], DEFAULT_TITLES[1], DEFAULT_TITLES[2]]
    assert stored_titles(db, meeting.id) == order
    assert shown_titles(page) == order
    assert page.current_phase().title == "Hvem gør hvad nu?", "the moved phase stays chosen"
    press(page, Qt.Key.Key_Down, CTRL)
    order = [DEFAULT_TITLES[0], DEFAULT_TITLES[1], DEFAULT_TITLES[3], DEFAULT_TITLES[2]]
    assert stored_titles(db, meeting.id) == order
    # The planned clock times follow the new order.
    starts = [page.model.index(r, PhaseTableModel.START).data() for r in range(4)]
    assert starts == ["19:00", "19:10", "19:50", "20:05"]
    choose_row(page, 0)
    press(page, Qt.Key.Key_Up, CTRL)  # already first: nothing moves
    assert stored_titles(db, meeting.id) == order


def test_edit_in_place_by_typing_on_a_cell(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    choose_row(page, 1, PhaseTableModel.TITLE)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert page.table.state() == QAbstractItemView.State.EditingState
    editor = page.table.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, "Forslag fra Vrinners")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The view commits an edit on the next turn of the event loop.
    qtbot.waitUntil(lambda: stored_titles(db, meeting.id)[1] == "Forslag fra Vrinners")
    assert shown_titles(page)[1] == "Forslag fra Vrinners"

    choose_row(page, 1, PhaseTableModel.MINUTES)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, "35")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: agenda.list_phases(db, meeting.id)[1].planned_minutes == 35)
    assert page.total_label.text().startswith("I alt: 1 t 25 min")


@pytest.mark.parametrize(
    ("column", "typed", "expected"),
    [
        (PhaseTableModel.MINUTES, "0", "Planlagt tid skal være mellem 1 og 600 minutter."),
        (PhaseTableModel.MINUTES, "601", "Planlagt tid skal være mellem 1 og 600 minutter."),
        (PhaseTableModel.HOLD_BACK, "601", "Ventetiden skal være mellem 0 og 600 sekunder."),
        (PhaseTableModel.TITLE, " ", "Punktets titel skal udfyldes."),
    ],
)
def test_refused_edit_in_place_keeps_the_stored_value(
    qtbot, db, make_page, meeting_factory, column, typed, expected
):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    before = agenda.list_phases(db, meeting.id)
    choose_row(page, 2, column)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == "⚠ " + expected)
    assert agenda.list_phases(db, meeting.id) == before
    shown = page.model.index(2, column).data()
    assert shown == str({PhaseTableModel.TITLE: before[2].title,
                         PhaseTableModel.MINUTES: before[2].planned_minutes,
                         PhaseTableModel.HOLD_BACK: before[2].hold_back_seconds}[column])


@pytest.mark.parametrize(
    "title", ["Kaffe ☕🍰", "نقاش مفتوح", "Cafe\u0301 og sn\u0308ak", "x" * 10_000, "<b>&amp;</b>"]
)
def test_unusual_phase_titles_stored_and_shown_exactly(qtbot, db, make_page, meeting_factory, title):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    page.new_title.setFocus()
    page.new_title.insert(title)  # as pasted or typed with an input method
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    assert stored_titles(db, meeting.id)[-1] == title
    assert shown_titles(page)[-1] == title
    index = page.model.index(4, PhaseTableModel.TITLE)
    assert index.data(Qt.ItemDataRole.EditRole) == title


def test_copy_agenda_from_an_earlier_meeting(qtbot, db, make_page, meeting_factory):
    earlier = meeting_factory(db, title="Stier", scheduled_at=datetime(2026, 1, 20, 19, 0))
    agenda.add_phase(db, earlier.id, "Rundtur på stien", 30, 20)
    meeting_factory(db, title="Uden dagsorden", with_agenda=False)
    meeting = meeting_factory(db, title="Fælleshuset", with_agenda=False)
    page = make_page(meeting.id)
    # Only meetings of the same project that have an agenda are offered.
    assert [visible(page.sources.itemText(i)) for i in range(page.sources.count())] == [
        "Stier – 20-01-2026 19:00"]
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    copied = agenda.list_phases(db, meeting.id)
    assert [p.title for p in copied] == [*DEFAULT_TITLES, "Rundtur på stien"]
    assert (copied[-1].planned_minutes, copied[-1].hold_back_seconds) == (30, 20)
    assert shown_titles(page) == [*DEFAULT_TITLES, "Rundtur på stien"]
    # The earlier meeting's own agenda is untouched.
    assert stored_titles(db, earlier.id) == [*DEFAULT_TITLES, "Rundtur på stien"]


def test_no_earlier_agenda_disables_copy(db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    assert page.sources.currentText() == "Ingen tidligere møder med dagsorden"
    assert not page.copy_button.isEnabled()


def test_profile_change_stores_the_profile_defaults(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    box = page.profile
    assert box.title() == "Mødeprofil"
    assert (box.hold_back.value(), box.threshold.value(), box.talk_window.value()) == (10, 25, 10)
    box.group.setFocus()
    qtbot.keyClick(box.group, Qt.Key.Key_Down)
    stored = meetings.get_meeting(db, meeting.id)
    assert stored.self_driving is SelfDriving.NEEDS_SUPPORT
    assert (stored.hold_back_seconds, stored.talk_share_threshold_pct) == (15, 30)
    assert (box.hold_back.value(), box.threshold.value()) == (15, 30)
    assert "brug for støtte, får længere tid til at tage ordet" in box.explanation.text()
    # The phases that followed the meeting's hold-back follow it to 15 s.
    assert [p.hold_back_seconds for p in agenda.list_phases(db, meeting.id)] == [15] * 4
    hold_back_column = [page.model.index(r, PhaseTableModel.HOLD_BACK).data() for r in range(4)]
    assert hold_back_column == ["15"] * 4

    box.area.setFocus()
    qtbot.keyClick(box.area, Qt.Key.Key_Up)
    stored = meetings.get_meeting(db, meeting.id)
    assert stored.regulation is Regulation.HEAVY
    assert stored.talk_share_threshold_pct == 35
    assert "stærkt reguleret område" in box.explanation.text()


def test_profile_numbers_are_saved_as_entered(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    agenda.update_phase(db, agenda.list_phases(db, meeting.id)[0].id, DEFAULT_TITLES[0], 10, 30)
    page = make_page(meeting.id)
    box = page.profile
    for spin, typed in ((box.hold_back, "20"), (box.threshold, "40"), (box.talk_window, "15")):
        spin.setFocus()
        qtbot.keyClick(spin, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(spin, typed)
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    stored = meetings.get_meeting(db, meeting.id)
    assert (stored.hold_back_seconds, stored.talk_share_threshold_pct, stored.talk_window_minutes) == (
        20, 40, 15)
    assert stored.self_driving is SelfDriving.SELF_DRIVING, "the profile itself is kept"
    # A phase the official had set on its own keeps its hold-back.
    assert [p.hold_back_seconds for p in agenda.list_phases(db, meeting.id)] == [30, 20, 20, 20]
    box.hold_back.setFocus()
    qtbot.keyClick(box.hold_back, Qt.Key.Key_Up)  # arrow steps are saved too
    assert meetings.get_meeting(db, meeting.id).hold_back_seconds == 21


def test_start_and_back_keys(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    assert native("Ctrl+Return") in page.start_button.toolTip()
    with qtbot.waitSignal(page.start_requested) as started:
        press(page, Qt.Key.Key_Return, CTRL)
    assert started.args == [meeting.id]
    with qtbot.waitSignal(page.back_requested):
        press(page, Qt.Key.Key_Escape)
    with qtbot.waitSignal(page.back_requested):
        press(page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    with qtbot.waitSignal(page.back_requested):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)


def test_escape_while_editing_a_cell_cancels_the_edit_only(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    went_back: list[bool] = []
    page.back_requested.connect(lambda: went_back.append(True))
    choose_row(page, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.keyClicks(page.table.focusWidget(), " ændret")
    press(page, Qt.Key.Key_Escape)
    assert page.table.state() != QAbstractItemView.State.EditingState
    assert stored_titles(db, meeting.id) == DEFAULT_TITLES
    assert went_back == []


def test_empty_agenda_cannot_start_and_a_running_meeting_continues(db, make_page, meeting_factory):
    empty = meeting_factory(db, with_agenda=False)
    page = make_page(empty.id)
    assert not page.start_button.isEnabled()
    running = meeting_factory(db, title="I gang")
    live.start_meeting(db, running.id, db.clock.now())
    page.load(running.id)
    assert page.start_button.isEnabled() and page.start_button.text() == "Fortsæt mødet"


def test_a_number_typed_just_before_start_is_stored_first(qtbot, db, make_page, meeting_factory):
    meeting = meeting_factory(db)
    page = make_page(meeting.id)
    spin = page.profile.threshold
    spin.setKeyboardTracking(False)  # as when the value is only read on leaving the field
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "40")
    with qtbot.waitSignal(page.start_requested) as started:
        QTest.keyClick(page.window().windowHandle(), Qt.Key.Key_Return, CTRL)
    assert started.args == [meeting.id]
    assert meetings.get_meeting(db, meeting.id).talk_share_threshold_pct == 40
