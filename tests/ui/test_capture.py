"""The capture panel, driven from the keyboard as the official does during a meeting."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from facilitator.domain.enums import AskKind, CheckKind, OwnerSide
from facilitator.services import capture, meetings, projects
from tests.ui.modal import answer_next_box
from ui.capture import CapturePanel
from ui.capture.models import (
    MARKER_ALERT_ROLE,
    MARKER_ROLE,
    SUBTITLE_ROLE,
    AskTableModel,
    IdeaTableModel,
    StepTableModel,
)
from ui.common.changes import ChangeHub

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def meeting(db):
    """A planned meeting in Mols i Udvikling with three villages."""
    project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri", "Rønde"])
    return meetings.create_meeting(
        db,
        project.id,
        "Borgermøde",
        datetime(2026, 3, 3, 19, 0),
        "Knebel Forsamlingshus",
        [p.id for p in project.places],
    )


@pytest.fixture
def live(qtbot, db, meeting):
    """A stand-in for the live screen: a window holding the panel, with Ctrl+I/R/N bound."""
    window = QWidget()
    hub = ChangeHub(window)
    panel = CapturePanel(db, hub, window)
    QVBoxLayout(window).addWidget(panel)
    for keys, slot in (
        ("Ctrl+I", panel.new_idea),
        ("Ctrl+R", panel.new_ask),
        ("Ctrl+N", panel.new_step),
    ):
        QShortcut(QKeySequence(keys), window).activated.connect(slot)
    # The live screen may use Ctrl+Z for something of its own; in the lists it must undo a delete.
    window_undo = QShortcut(QKeySequence("Ctrl+Z"), window)
    window_undo.activated.connect(lambda: window.setProperty("window_undo_fired", True))
    qtbot.addWidget(window)
    window.resize(900, 560)
    window.show()
    qtbot.waitExposed(window)
    panel.load(meeting.id)
    return SimpleNamespace(window=window, hub=hub, panel=panel, meeting=meeting)


def activate(qtbot, window):
    # A window manager hands activation back to the window when a dialog closes;
    # the offscreen platform does not, and shortcuts only fire in the active window.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def open_entry(qtbot, live, key):
    """Press the live screen's shortcut and wait for the quick entry."""
    activate(qtbot, live.window)
    QTest.keyClick(live.window.windowHandle(), key, CTRL)
    qtbot.waitUntil(
        lambda: live.panel.entry_dialog is not None and live.panel.entry_dialog.isVisible()
    )
    return live.panel.entry_dialog


def type_text(qtbot, dialog, text):
    """Type where the cursor is."""
    qtbot.keyClicks(dialog.focusWidget(), text)


def tab(qtbot, dialog, times=1):
    """Move to the next field as a person does."""
    for _ in range(times):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)


def paste(qtbot, widget, text):
    """Paste text the way long or exotic text arrives: from the clipboard."""
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_V, CTRL)


def press_enter(qtbot, live, dialog, kind="idea"):
    """Enter saves and closes; wait for the panel to report the save."""
    with qtbot.waitSignal(live.panel.entry_saved, timeout=2000) as saved:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert saved.args == [kind]
    qtbot.waitUntil(lambda: live.panel.entry_dialog is None)


def shown(live, kind, column=0, role=Qt.ItemDataRole.DisplayRole):
    """What one column of a list shows."""
    model = live.panel.sections[kind].model
    return [model.data(model.index(r, column), role) for r in range(model.rowCount())]


def heading(live, kind):
    """The list's heading with its count."""
    return live.panel.sections[kind].heading.text()


def add_ideas(db, clock, meeting, *titles):
    """Ideas entered earlier, a second apart so their order is fixed."""
    rows = []
    for title in titles:
        clock.advance(1)
        rows.append(capture.add_idea(db, meeting.id, capture.IdeaInput(title=title)))
    return rows


def select_row(qtbot, live, kind, row):
    """Click a row, as the official would before pressing Enter or Delete."""
    table = live.panel.sections[kind].table
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    table.setFocus()
    assert table.current_row() == row
    return table


# ----- entering by keyboard ---------------------------------------------------


def test_ideas_asks_and_step_entered_by_keyboard_are_stored_and_shown(qtbot, live, db, clock):
    ideas = [
        ("Shelter ved Agri Bavnehøj", "Borgergruppen i Agri", "Agri"),
        ("Fælles el-ladestander ved forsamlingshuset", "Knebel Borgerforening", "Knebel"),
        ("Byttecentral i den gamle brugs", "Rønde Lokalråd", "Rønde"),
    ]
    for title, group, place in ideas:
        clock.advance(5)
        dialog = open_entry(qtbot, live, Qt.Key.Key_I)
        assert dialog.focusWidget() is dialog.title_edit  # typing starts at once
        type_text(qtbot, dialog, title)
        tab(qtbot, dialog, 2)  # past the optional detail
        type_text(qtbot, dialog, group)
        tab(qtbot, dialog)
        assert dialog.focusWidget() is dialog.place_combo
        type_text(qtbot, dialog, place)
        press_enter(qtbot, live, dialog)

    clock.advance(5)
    dialog = open_entry(qtbot, live, Qt.Key.Key_R)
    assert dialog.focusWidget() is dialog.what_edit
    type_text(qtbot, dialog, "Tilladelse til shelter i landzone")
    tab(qtbot, dialog)
    type_text(qtbot, dialog, "Tilladelse")
    press_enter(qtbot, live, dialog, "ask")

    clock.advance(5)
    dialog = open_entry(qtbot, live, Qt.Key.Key_R)
    type_text(qtbot, dialog, "Tilskud til ladestander")
    tab(qtbot, dialog)
    type_text(qtbot, dialog, "Penge")
    tab(qtbot, dialog)
    type_text(qtbot, dialog, "12.500")
    tab(qtbot, dialog)
    type_text(qtbot, dialog, "Fælles el")
    tab(qtbot, dialog)
    type_text(qtbot, dialog, "Knebel Borgerforening")
    tab(qtbot, dialog)
    type_text(qtbot, dialog, "01-05-2026")
    press_enter(qtbot, live, dialog, "ask")

    clock.advance(5)
    dialog = open_entry(qtbot, live, Qt.Key.Key_N)
    assert dialog.focusWidget() is dialog.what_edit
    type_text(qtbot, dialog, "Afklare landzonetilladelse")
    tab(qtbot, dialog)
    type_text(qtbot, dialog, "Kommunen")
    tab(qtbot, dialog)
    type_text(qtbot, dialog, "Plan og Byg")
    tab(qtbot, dialog)
    type_text(qtbot, dialog, "24-03-2026")
    press_enter(qtbot, live, dialog, "step")

    stored_ideas = capture.list_ideas(db, live.meeting.id)
    assert [(i.title, i.proposed_by, i.place_name) for i in stored_ideas] == ideas
    asks = capture.list_asks(db, live.meeting.id)
    assert [(a.what, a.kind, a.amount_dkk) for a in asks] == [
        ("Tilladelse til shelter i landzone", AskKind.PERMIT, None),
        ("Tilskud til ladestander", AskKind.MONEY, 12500),
    ]
    assert asks[1].idea_id == stored_ideas[1].id
    assert asks[1].asked_by == "Knebel Borgerforening"
    assert asks[1].answer_needed_by == date(2026, 5, 1)
    steps = capture.list_steps(db, live.meeting.id)
    assert [(s.what, s.owner_side, s.owner_label, s.due_on) for s in steps] == [
        ("Afklare landzonetilladelse", OwnerSide.MUNICIPALITY, "Plan og Byg", date(2026, 3, 24))
    ]

    assert heading(live, "idea") == "Idéer (3)"
    assert heading(live, "ask") == "Ressourceønsker (2)"
    assert heading(live, "step") == "Næste skridt (1)"
    assert shown(live, "idea") == [t for t, _g, _p in ideas]
    assert shown(live, "idea", role=SUBTITLE_ROLE)[0] == "Borgergruppen i Agri · Agri"
    assert shown(live, "ask", AskTableModel.AMOUNT_COLUMN) == ["", "12.500 kr."]
    assert shown(live, "ask", role=MARKER_ROLE) == ["", "12.500 kr."]
    assert shown(live, "ask", 3) == ["", "Fælles el-ladestander ved forsamlingshuset"]
    assert "svar senest 01-05-2026" in shown(live, "ask", role=SUBTITLE_ROLE)[1]
    assert shown(live, "step", 1) == ["Kommunen"]
    assert shown(live, "step", 3) == ["24-03-2026"]
    # The newest entry is selected, so Enter or Delete acts on what was just typed.
    assert live.panel.sections["step"].table.current_row() == 0


def test_saving_tells_the_hub_so_other_views_refresh(qtbot, live):
    dialog = open_entry(qtbot, live, Qt.Key.Key_I)
    type_text(qtbot, dialog, "Shelter ved Agri Bavnehøj")
    with qtbot.waitSignal(live.hub.ideas_changed) as changed:
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert changed.args == [live.meeting.id]


def test_needs_check_flag_is_stored_and_shown_with_text(qtbot, live, db):
    dialog = open_entry(qtbot, live, Qt.Key.Key_I)
    type_text(qtbot, dialog, "Shelter ved Agri Bavnehøj")
    assert not dialog.check_note_edit.isEnabled()
    tab(qtbot, dialog, 5)
    assert dialog.focusWidget() is dialog.check_combo
    type_text(qtbot, dialog, "Lokalplan")
    tab(qtbot, dialog)
    assert dialog.focusWidget() is dialog.check_note_edit
    type_text(qtbot, dialog, "Landzone")
    press_enter(qtbot, live, dialog)

    (idea,) = capture.list_ideas(db, live.meeting.id)
    assert (idea.needs_check, idea.check_note) == (CheckKind.PLAN, "Landzone")
    assert shown(live, "idea", IdeaTableModel.CHECK_COLUMN) == ["⚑ Tjek: Lokalplan / kommuneplan"]
    assert shown(live, "idea", role=MARKER_ROLE) == ["⚑ Tjek: Lokalplan / kommuneplan"]
    assert shown(live, "idea", role=MARKER_ALERT_ROLE) == [True]
    assert "Landzone" in shown(live, "idea", role=Qt.ItemDataRole.ToolTipRole)[0]


def test_escape_asks_before_throwing_typed_text_away(qtbot, live, db):
    dialog = open_entry(qtbot, live, Qt.Key.Key_I)
    type_text(qtbot, dialog, "Halvfærdig tanke")
    seen: list[str] = []
    answerer = answer_next_box("Skriv videre", seen)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    answerer.stop()
    assert seen == ["Det, du har skrevet, er ikke gemt. Vil du kassere det?"]
    assert dialog.isVisible() and dialog.title_edit.text() == "Halvfærdig tanke"
    answerer = answer_next_box("Kassér")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: live.panel.entry_dialog is None)
    answerer.stop()
    assert capture.list_ideas(db, live.meeting.id) == []
    assert heading(live, "idea") == "Idéer (0)"


def test_escape_on_an_empty_entry_closes_at_once(qtbot, live, db):
    open_entry(qtbot, live, Qt.Key.Key_I)
    qtbot.keyClick(live.panel.entry_dialog.title_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: live.panel.entry_dialog is None)


def test_enter_in_detail_saves_and_shift_enter_breaks_the_line(qtbot, live, db):
    dialog = open_entry(qtbot, live, Qt.Key.Key_I)
    type_text(qtbot, dialog, "Shelter")
    tab(qtbot, dialog)
    type_text(qtbot, dialog, "To sheltere")
    qtbot.keyClick(dialog.detail_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(qtbot, dialog, "og et bålsted")
    press_enter(qtbot, live, dialog)
    assert capture.list_ideas(db, live.meeting.id)[0].detail == "To sheltere\nog et bålsted"


# ----- editing, deleting, undoing --------------------------------------------


def test_enter_on_a_row_edits_the_idea(qtbot, live, db, clock):
    add_ideas(db, clock, live.meeting, "Shelter", "Ladestander", "Byttecentral")
    live.panel.load(live.meeting.id)
    table = select_row(qtbot, live, "idea", 1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: live.panel.entry_dialog is not None)
    dialog = live.panel.entry_dialog
    assert dialog.title_edit.text() == "Ladestander"
    assert dialog.focusWidget() is dialog.title_edit
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_A, CTRL)
    type_text(qtbot, dialog, "Fælles el-ladestander ved forsamlingshuset")
    press_enter(qtbot, live, dialog)

    titles = [i.title for i in capture.list_ideas(db, live.meeting.id)]
    assert titles == ["Shelter", "Fælles el-ladestander ved forsamlingshuset", "Byttecentral"]
    assert shown(live, "idea") == titles
    assert heading(live, "idea") == "Idéer (3)"


def test_double_click_edits_an_ask_and_keeps_its_values(qtbot, live, db, clock):
    (idea,) = add_ideas(db, clock, live.meeting, "Shelter ved Agri Bavnehøj")
    capture.add_ask(
        db,
        live.meeting.id,
        capture.AskInput(
            "Tilskud", AskKind.MONEY, 12500, idea.id, "Agri-gruppen", date(2026, 4, 15)
        ),
    )
    live.panel.load(live.meeting.id)
    table = live.panel.sections["ask"].table
    rect = table.visualRect(table.model().index(0, 0))
    # A real double-click is a click followed by a double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: live.panel.entry_dialog is not None)
    dialog = live.panel.entry_dialog
    assert dialog.amount_edit.text() == "12.500"
    assert dialog.answer_by_edit.text() == "15-04-2026"
    assert dialog.idea_combo.currentData() == idea.id
    dialog.amount_edit.setFocus()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_A, CTRL)
    type_text(qtbot, dialog, "15000 kr.")
    press_enter(qtbot, live, dialog, "ask")
    (ask,) = capture.list_asks(db, live.meeting.id)
    assert (ask.amount_dkk, ask.idea_id, ask.answer_needed_by) == (
        15000,
        idea.id,
        date(2026, 4, 15),
    )
    assert shown(live, "ask", AskTableModel.AMOUNT_COLUMN) == ["15.000 kr."]


def test_delete_key_then_ctrl_z_restores_the_idea(qtbot, live, db, clock):
    add_ideas(db, clock, live.meeting, "Shelter", "Ladestander", "Byttecentral")
    live.panel.load(live.meeting.id)
    table = select_row(qtbot, live, "idea", 1)
    with qtbot.waitSignal(live.hub.ideas_changed):
        qtbot.keyClick(table, Qt.Key.Key_Delete)

    assert [i.title for i in capture.list_ideas(db, live.meeting.id)] == ["Shelter", "Byttecentral"]
    assert shown(live, "idea") == ["Shelter", "Byttecentral"]
    assert heading(live, "idea") == "Idéer (2)"
    assert live.panel.undo_bar.isVisible()
    assert live.panel.undo_label.text() == "Slettet: Ladestander"
    assert live.panel.undo_button.text() == "Fortryd (Ctrl+Z)"
    assert table.hasFocus() and table.current_row() == 1  # the cursor stays in the list

    activate(qtbot, live.window)
    QTest.keyClick(live.window.windowHandle(), Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: heading(live, "idea") == "Idéer (3)")
    assert [i.title for i in capture.list_ideas(db, live.meeting.id)] == [
        "Shelter",
        "Ladestander",
        "Byttecentral",
    ]
    assert shown(live, "idea") == ["Shelter", "Ladestander", "Byttecentral"]
    assert not live.panel.undo_bar.isVisible()
    assert not live.window.property("window_undo_fired")


def test_slet_button_and_fortryd_button_for_steps(qtbot, live, db, clock):
    for what in ("Tegne skitse", "Ringe til Naturstyrelsen"):
        clock.advance(1)
        capture.add_step(db, live.meeting.id, capture.StepInput(what))
    live.panel.load(live.meeting.id)
    section = live.panel.sections["step"]
    assert not section.delete_button.isEnabled()  # nothing chosen yet
    select_row(qtbot, live, "step", 0)
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    assert [s.what for s in capture.list_steps(db, live.meeting.id)] == ["Ringe til Naturstyrelsen"]
    assert heading(live, "step") == "Næste skridt (1)"
    assert live.panel.undo_label.text() == "Slettet: Tegne skitse"
    qtbot.mouseClick(live.panel.undo_button, Qt.MouseButton.LeftButton)
    assert [s.what for s in capture.list_steps(db, live.meeting.id)] == [
        "Tegne skitse",
        "Ringe til Naturstyrelsen",
    ]
    assert shown(live, "step") == ["Tegne skitse", "Ringe til Naturstyrelsen"]


def test_undo_restores_several_deletes_newest_first(qtbot, live, db, clock):
    add_ideas(db, clock, live.meeting, "A", "B", "C")
    live.panel.load(live.meeting.id)
    table = select_row(qtbot, live, "idea", 0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert shown(live, "idea") == ["C"]
    assert live.panel.undo_label.text() == "Slettet: B"
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert shown(live, "idea") == ["B", "C"]
    assert live.panel.undo_label.text() == "Slettet: A"
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert shown(live, "idea") == ["A", "B", "C"]


# ----- refused input -----------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("abc", "er ikke et beløb i kroner"),
        ("-500", "kan ikke være negativt"),
        ("12.500,50", "hele kroner"),
    ],
)
def test_invalid_amount_is_refused_in_danish_and_nothing_is_stored(
    qtbot, live, db, amount, expected
):
    dialog = open_entry(qtbot, live, Qt.Key.Key_R)
    type_text(qtbot, dialog, "Tilskud til ladestander")
    tab(qtbot, dialog, 2)
    type_text(qtbot, dialog, amount)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    assert dialog.isVisible() and live.panel.entry_dialog is dialog
    assert dialog.message.isVisible() and expected in dialog.message.text()
    assert dialog.what_edit.text() == "Tilskud til ladestander"  # typed text is kept
    assert dialog.amount_edit.text() == amount
    assert dialog.focusWidget() is dialog.amount_edit  # the cursor is where to fix it
    assert capture.list_asks(db, live.meeting.id) == []
    assert heading(live, "ask") == "Ressourceønsker (0)"


def test_impossible_due_date_is_refused_and_nothing_is_stored(qtbot, live, db):
    dialog = open_entry(qtbot, live, Qt.Key.Key_N)
    type_text(qtbot, dialog, "Tegne skitse")
    tab(qtbot, dialog, 3)
    type_text(qtbot, dialog, "31-02-2026")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "«31-02-2026» er ikke en gyldig dato" in dialog.message.text()
    assert dialog.due_edit.text() == "31-02-2026"
    assert capture.list_steps(db, live.meeting.id) == []
    assert heading(live, "step") == "Næste skridt (0)"

    # Fixing the date saves it, and the message goes away.
    qtbot.keyClick(dialog.due_edit, Qt.Key.Key_A, CTRL)
    type_text(qtbot, dialog, "28-02-2026")
    press_enter(qtbot, live, dialog, "step")
    assert capture.list_steps(db, live.meeting.id)[0].due_on == date(2026, 2, 28)


def test_impossible_answer_date_on_an_ask_is_refused(qtbot, live, db):
    dialog = open_entry(qtbot, live, Qt.Key.Key_R)
    type_text(qtbot, dialog, "Tilladelse")
    tab(qtbot, dialog, 5)
    type_text(qtbot, dialog, "30-02-2026")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert "er ikke en gyldig dato" in dialog.message.text()
    assert capture.list_asks(db, live.meeting.id) == []


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (Qt.Key.Key_I, "Idéen skal udfyldes."),
        (Qt.Key.Key_R, "Ønsket skal udfyldes."),
        (Qt.Key.Key_N, "Næste skridt skal udfyldes."),
    ],
)
def test_empty_main_field_is_refused(qtbot, live, db, key, message):
    dialog = open_entry(qtbot, live, key)
    type_text(qtbot, dialog, "   ")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.text() == "⚠ " + message
    assert capture.list_ideas(db, live.meeting.id) == []
    assert capture.list_asks(db, live.meeting.id) == []
    assert capture.list_steps(db, live.meeting.id) == []


# ----- awkward text --------------------------------------------------------------

LONG = ("Lang idé om stier, sheltere og fællesskab i Mols. " * 250)[:9_999] + "!"
AWKWARD = [
    pytest.param(LONG, id="10000-chars"),
    pytest.param("Shelter 🏕️ med bålplads 🔥👍🏽", id="emoji"),
    pytest.param("مشروع الملجأ في أغري", id="rtl-arabic"),
    pytest.param("Cafe\u0301 ved a\u030angen", id="combining-marks"),
]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_is_stored_and_shown_exactly(qtbot, live, db, text):
    assert len(LONG) == 10_000
    dialog = open_entry(qtbot, live, Qt.Key.Key_I)
    paste(qtbot, dialog.title_edit, text)
    paste(qtbot, dialog.detail_edit, text)
    paste(qtbot, dialog.proposed_by_edit, text)
    press_enter(qtbot, live, dialog)
    (idea,) = capture.list_ideas(db, live.meeting.id)
    assert (idea.title, idea.detail, idea.proposed_by) == (text, text, text)
    assert shown(live, "idea") == [text]
    assert shown(live, "idea", 1) == [text]

    dialog = open_entry(qtbot, live, Qt.Key.Key_N)
    paste(qtbot, dialog.what_edit, text)
    paste(qtbot, dialog.owner_label_edit, text)
    press_enter(qtbot, live, dialog, "step")
    (step,) = capture.list_steps(db, live.meeting.id)
    assert (step.what, step.owner_label) == (text, text)
    assert shown(live, "step") == [text]

    dialog = open_entry(qtbot, live, Qt.Key.Key_R)
    paste(qtbot, dialog.what_edit, text)
    press_enter(qtbot, live, dialog, "ask")
    assert capture.list_asks(db, live.meeting.id)[0].what == text
    assert shown(live, "ask") == [text]

    # Reopening for editing shows the text exactly too.
    select_row(qtbot, live, "idea", 0)
    live.panel.edit_selected("idea")
    assert live.panel.entry_dialog.title_edit.text() == text
    assert live.panel.entry_dialog.detail_edit.toPlainText() == text


# ----- refresh from the hub --------------------------------------------------------


def test_refreshes_when_the_hub_reports_a_change_to_this_meeting_only(qtbot, live, db, clock):
    add_ideas(db, clock, live.meeting, "Fra en anden skærm")
    live.hub.ideas_changed.emit(live.meeting.id)
    assert heading(live, "idea") == "Idéer (1)"
    add_ideas(db, clock, live.meeting, "Endnu en")
    live.hub.ideas_changed.emit(uuid.uuid4())
    assert heading(live, "idea") == "Idéer (1)"
    capture.add_step(db, live.meeting.id, capture.StepInput("Skridt"))
    live.hub.steps_changed.emit(live.meeting.id)
    assert heading(live, "step") == "Næste skridt (1)"


def test_renaming_an_idea_updates_the_asks_linked_to_it(qtbot, live, db, clock):
    (idea,) = add_ideas(db, clock, live.meeting, "Shelter")
    capture.add_ask(db, live.meeting.id, capture.AskInput("Tilladelse", idea_id=idea.id))
    live.panel.load(live.meeting.id)
    capture.update_idea(db, idea.id, capture.IdeaInput(title="Shelter ved Agri Bavnehøj"))
    live.hub.ideas_changed.emit(live.meeting.id)
    assert shown(live, "ask", 3) == ["Shelter ved Agri Bavnehøj"]


# ----- the models ----------------------------------------------------------------


def test_models_pass_qtmodeltester(qtmodeltester, db, clock, meeting):
    (idea, flagged) = add_ideas(db, clock, meeting, "Shelter", "Sti")
    flagged = capture.update_idea(
        db,
        flagged.id,
        capture.IdeaInput("Sti", needs_check=CheckKind.LEGISLATION, check_note="Strandbeskyttelse"),
    )
    ask = capture.add_ask(
        db, meeting.id, capture.AskInput("Tilskud", AskKind.MONEY, 12500, idea.id)
    )
    step = capture.add_step(db, meeting.id, capture.StepInput("Skitse", due_on=date(2026, 3, 24)))
    for model, rows in (
        (IdeaTableModel(), [idea, flagged]),
        (AskTableModel(), [ask]),
        (StepTableModel(), [step]),
    ):
        model.set_rows(rows)
        qtmodeltester.check(model, force_py=True)
        model.set_rows([])
        qtmodeltester.check(model, force_py=True)


def test_panel_without_a_meeting_opens_nothing(qtbot, db):
    panel = CapturePanel(db, ChangeHub())
    qtbot.addWidget(panel)
    panel.new_idea()
    panel.undo_delete()
    assert panel.entry_dialog is None
    assert not panel.sections["idea"].new_button.isEnabled()


def test_panel_fits_beside_the_live_status_column(qtbot, live):
    assert live.panel.minimumSizeHint().width() <= 900
    for section in live.panel.sections.values():
        assert section.table.isVisible() and section.table.height() >= 120


def test_a_closed_panel_ignores_later_hub_signals(qtbot, db, meeting):
    hub = ChangeHub()
    panel = CapturePanel(db, hub)
    panel.load(meeting.id)
    with qtbot.waitSignal(panel.destroyed):
        panel.deleteLater()
    # A slot on the deleted panel would raise here, and pytest-qt would fail the test.
    hub.ideas_changed.emit(meeting.id)
    hub.asks_changed.emit(meeting.id)
    hub.steps_changed.emit(meeting.id)


# ----- department and political decision on an ask ----------------------------------


def test_ask_department_and_decision_are_typed_stored_and_shown(qtbot, live, db):
    dialog = open_entry(qtbot, live, Qt.Key.Key_R)
    type_text(qtbot, dialog, "Tilladelse til shelter i landzone")
    tab(qtbot, dialog, 6)  # type, amount, idea, asked by, answer date → department
    assert dialog.focusWidget() is dialog.department_edit
    type_text(qtbot, dialog, "Plan og Byg")
    tab(qtbot, dialog)
    assert dialog.focusWidget() is dialog.decision_check
    assert dialog.decision_check.text() == "Kræver p&olitisk beslutning"  # Alt+O ticks it
    qtbot.keyClick(dialog.decision_check, Qt.Key.Key_Space)
    assert dialog.decision_check.isChecked()
    press_enter(qtbot, live, dialog, "ask")
    (ask,) = capture.list_asks(db, live.meeting.id)
    assert (ask.department, ask.needs_decision) == ("Plan og Byg", True)
    subtitle = shown(live, "ask", role=SUBTITLE_ROLE)[0]
    assert subtitle.startswith("Andet · Plan og Byg · politisk beslutning")
    tooltip = shown(live, "ask", role=Qt.ItemDataRole.ToolTipRole)[0]
    assert "Afdeling: Plan og Byg" in tooltip and "Kræver politisk beslutning" in tooltip


def test_editing_an_ask_keeps_department_and_decision(qtbot, live, db):
    capture.add_ask(
        db, live.meeting.id,
        capture.AskInput("Lån af skolens gymnastiksal", AskKind.VENUE, department="Børn og Skole",
                         needs_decision=True),
    )
    live.panel.load(live.meeting.id)
    from ui.capture.entry_dialogs import AskDialog

    (row,) = capture.list_asks(db, live.meeting.id)
    dialog = AskDialog(db, live.meeting.id, [], [row], row)
    qtbot.addWidget(dialog)
    assert dialog.department_edit.text() == "Børn og Skole"
    assert dialog.decision_check.isChecked()
    dialog.decision_check.setChecked(False)
    dialog.department_edit.setText("بلدية 🌳 Rene\u0301")
    dialog.accept()
    (ask,) = capture.list_asks(db, live.meeting.id)
    assert (ask.department, ask.needs_decision) == ("بلدية 🌳 Rene\u0301", False)


def test_too_long_department_is_refused_and_nothing_is_stored(qtbot, live, db):
    from ui.capture.entry_dialogs import AskDialog

    dialog = AskDialog(db, live.meeting.id, [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.what_edit.setText("Tilskud")
    dialog.department_edit.setText("x" * 100_001)
    dialog.accept()
    assert dialog.message.isVisible() and "Afdeling" in dialog.message.text()
    assert dialog.isVisible() and dialog.focusWidget() is dialog.department_edit
    assert capture.list_asks(db, live.meeting.id) == []
    dialog.done(0)  # closing it otherwise asks whether to discard the typed text
