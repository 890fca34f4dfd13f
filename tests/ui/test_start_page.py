"""The start screen and the meeting form, driven by keys and clicks as the official would."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.domain.enums import MeetingStatus, Regulation, SelfDriving
from facilitator.services import agenda, live, meetings, projects
from ui.common.changes import ChangeHub
from ui.planning.meeting_form import MeetingForm
from ui.planning.planning_models import (
    ROW_ROLE,
    MeetingTableModel,
    PhaseTableModel,
    ProjectTableModel,
)
from ui.start.start_page import ProjectForm, StartPage

from .modal import DISCARD_QUESTION, escape_answering

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
UNUSUAL = ["Borgermøde 🌳🏡", "اجتماع المواطنين", "Cafe\u0301 i Agri", "ﬁ ligatur & <b>ikke fed</b>"]


def native(keys: str) -> str:
    """A shortcut as the tooltip names it (translated when Qt's Danish catalogue is loaded)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key through the window, so shortcuts fire as for a real key press."""
    QTest.keyClick(widget.window().windowHandle(), key, modifiers)


def paste(qtbot, field: QWidget, text: str) -> None:
    """Put `text` in a field the way a person pastes it."""
    QApplication.clipboard().setText(text)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)


@pytest.fixture
def page(qtbot, db):
    """The start page, shown."""
    widget = StartPage(db, ChangeHub())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    # Shortcuts need an active window; the platform activates a shown one a moment later.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def open_dialog(qtbot, page: StartPage, key: Qt.Key, modifiers: Qt.KeyboardModifier):
    """Press a shortcut and wait for its dialog."""
    press(page, key, modifiers)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    qtbot.waitExposed(page.dialog)
    return page.dialog


def visible(text: str) -> str:
    """Text without the invisible direction marks that keep mixed-script lines in order."""
    return text.translate({0x200E: None, 0x2068: None, 0x2069: None})


def shown(model, column: int = 0) -> list[str]:
    """What a model displays in a column."""
    return [model.index(r, column).data() for r in range(model.rowCount())]


def make_project(qtbot, page: StartPage, name: str, places: str) -> None:
    """Ctrl+Shift+N, type the name and villages, Ctrl+Enter."""
    dialog = open_dialog(qtbot, page, Qt.Key.Key_N, CTRL | SHIFT)
    assert isinstance(dialog, ProjectForm)
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    for index, line in enumerate(places.split("\n")):
        if index:
            qtbot.keyClick(dialog.places_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.places_edit, line)
    press(dialog, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_project_with_villages_and_meeting_made_through_the_ui(qtbot, page, db):
    make_project(qtbot, page, "Mols i Udvikling", "Knebel, Agri\nVrinners\nRolsø")
    stored = projects.list_projects(db)
    assert [p.name for p in stored] == ["Mols i Udvikling"]
    assert sorted(p.name for p in stored[0].places) == ["Agri", "Knebel", "Rolsø", "Vrinners"]
    assert shown(page.project_model) == ["Mols i Udvikling"]
    assert "Knebel" in page.places_label.text() and "(4)" in page.places_label.text()

    form = open_dialog(qtbot, page, Qt.Key.Key_N, CTRL)
    assert isinstance(form, MeetingForm) and form.windowTitle() == "Nyt møde"
    qtbot.keyClicks(form.title_edit, "Borgermøde om fælleshuset")
    qtbot.keyClicks(form.date_edit, "03-03-2026")
    form.time_edit.clear()
    qtbot.keyClicks(form.time_edit, "19:30")
    qtbot.keyClicks(form.venue_edit, "Knebel Forsamlingshus")
    form.places_list.setFocus()
    knebel = next(i for i in range(form.places_list.count()) if form.places_list.item(i).text() == "Knebel")
    form.places_list.setCurrentRow(knebel)
    qtbot.keyClick(form.places_list.viewport(), Qt.Key.Key_Space)
    assert form.places_list.item(knebel).checkState() == Qt.CheckState.Checked
    with qtbot.waitSignal(page.meeting_opened) as opened:
        qtbot.keyClick(form.venue_edit, Qt.Key.Key_Return)  # Enter saves
    rows = meetings.list_meetings(db, stored[0].id)
    assert len(rows) == 1
    meeting = rows[0]
    assert opened.args == [meeting.id]
    assert (meeting.title, meeting.scheduled_at, meeting.venue) == (
        "Borgermøde om fælleshuset", datetime(2026, 3, 3, 19, 30), "Knebel Forsamlingshus")
    assert [p.name for p in meeting.places] == ["Knebel"]
    # A new meeting comes with the citizen-driven default agenda.
    assert [p.title for p in agenda.list_phases(db, meeting.id)] == [
        "Velkomst ved en borgervært", "Borgernes idérunde",
        "Hvad har I brug for fra kommunen?", "Hvem gør hvad nu?"]
    assert shown(page.meeting_model, 1) == ["03-03-2026 19:30"]
    assert shown(page.meeting_model, 3) == ["Planlagt"]
    assert shown(page.project_model, 1) == ["1"]


@pytest.mark.parametrize(
    ("title", "date", "time", "expected"),
    [
        ("Borgermøde", "31-02-2026", "19:00", "«31-02-2026» er ikke en gyldig dato"),
        ("Borgermøde", "", "19:00", "Dato skal udfyldes."),
        ("Borgermøde", "03-03-2026", "25:00", "«25:00» er ikke et gyldigt klokkeslæt"),
        ("   ", "03-03-2026", "19:00", "Mødets titel skal udfyldes."),
        ("x" * 10_001, "03-03-2026", "19:00", "Mødets titel er for lang (højst 10.000 tegn)."),
    ],
)
def test_refused_meeting_shows_why_and_stores_nothing(qtbot, page, db, title, date, time, expected):
    project = projects.create_project(db, "Mols i Udvikling", ["Knebel"])
    page.refresh()
    form = open_dialog(qtbot, page, Qt.Key.Key_N, CTRL)
    paste(qtbot, form.title_edit, title)
    qtbot.keyClicks(form.date_edit, date)
    form.time_edit.clear()
    qtbot.keyClicks(form.time_edit, time)
    qtbot.keyClick(form.time_edit, Qt.Key.Key_Return)
    assert form.isVisible(), "a refusal keeps the dialog open"
    assert form.message.isVisible() and expected in form.message.text()
    assert meetings.list_meetings(db, project.id) == []
    # Correcting the field and pressing Enter again stores the meeting.
    paste(qtbot, form.title_edit, "Borgermøde")
    paste(qtbot, form.date_edit, "03-03-2026")
    paste(qtbot, form.time_edit, "19:00")
    qtbot.keyClick(form.time_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert [m.title for m in meetings.list_meetings(db, project.id)] == ["Borgermøde"]


@pytest.mark.parametrize("text", [*UNUSUAL, "æ" * 10_000])
def test_unusual_names_stored_and_shown_exactly(qtbot, page, db, text):
    dialog = open_dialog(qtbot, page, Qt.Key.Key_N, CTRL | SHIFT)
    paste(qtbot, dialog.name_edit, text)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert [p.name for p in projects.list_projects(db)] == [text]
    assert shown(page.project_model) == [text]
    assert page.project_title.full_text() == text

    form = open_dialog(qtbot, page, Qt.Key.Key_N, CTRL)
    paste(qtbot, form.title_edit, text)
    paste(qtbot, form.venue_edit, text)
    qtbot.keyClicks(form.date_edit, "03-03-2026")
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)
    stored = meetings.list_meetings(db, projects.list_projects(db)[0].id)
    assert [(m.title, m.venue) for m in stored] == [(text, text)]
    assert shown(page.meeting_model, 0) == [text] and shown(page.meeting_model, 2) == [text]


def test_project_name_over_ten_thousand_characters_is_refused(qtbot, page, db):
    dialog = open_dialog(qtbot, page, Qt.Key.Key_N, CTRL | SHIFT)
    paste(qtbot, dialog.name_edit, "M" * 10_001)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Projektets navn er for lang (højst 10.000 tegn)." in dialog.message.text()
    assert projects.list_projects(db, include_archived=True) == []


def test_empty_project_name_is_refused(qtbot, page, db):
    dialog = open_dialog(qtbot, page, Qt.Key.Key_N, CTRL | SHIFT)
    qtbot.keyClicks(dialog.name_edit, "   ")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Projektets navn skal udfyldes." in dialog.message.text()
    assert projects.list_projects(db, include_archived=True) == []
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_rename_add_villages_and_archive(qtbot, page, db):
    make_project(qtbot, page, "Mols", "Knebel")
    make_project(qtbot, page, "Løsning Lykkes", "Løsning")
    page.select_project(next(p.id for p in projects.list_projects(db) if p.name == "Mols"))

    dialog = open_dialog(qtbot, page, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    assert dialog.name_edit.text() == "Mols"
    paste(qtbot, dialog.name_edit, "Mols i Udvikling")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert page.current_project().name == "Mols i Udvikling"

    dialog = open_dialog(qtbot, page, Qt.Key.Key_L, CTRL)
    qtbot.keyClicks(dialog.places_edit, "Agri, Knebel; Vrinners")
    press(dialog, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.dialog is None)
    mols = page.current_project()
    assert sorted(p.name for p in projects.get_project(db, mols.id).places) == [
        "Agri", "Knebel", "Vrinners"]
    assert "Agri · Knebel · Vrinners" in visible(page.places_label.text())

    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert projects.get_project(db, mols.id).archived
    assert shown(page.project_model) == ["Løsning Lykkes"]
    page.show_archived.setFocus()
    qtbot.keyClick(page.show_archived, Qt.Key.Key_Space)
    assert shown(page.project_model) == ["Løsning Lykkes", "Mols i Udvikling"]
    assert shown(page.project_model, 2) == ["Aktiv", "Arkiveret"]
    page.select_project(mols.id)
    assert page.archive_button.text() == "Genåbn projekt"
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert not projects.get_project(db, mols.id).archived


def test_enter_opens_a_planned_meeting_and_a_closed_one_shows_its_summary(
    qtbot, page, db, meeting_factory
):
    held = meeting_factory(db, title="Stier", scheduled_at=datetime(2026, 1, 20, 19, 0))
    live.start_meeting(db, held.id, db.clock.now())
    live.close_meeting(db, held.id, db.clock.now())
    planned = meeting_factory(db, title="Fælleshuset")
    page.refresh()
    assert shown(page.meeting_model) == ["Fælleshuset", "Stier"]
    assert shown(page.meeting_model, 3) == ["Planlagt", "Afsluttet"]

    page.meeting_table.setFocus()
    page.select_meeting(planned.id)
    with qtbot.waitSignal(page.meeting_opened) as opened:
        press(page, Qt.Key.Key_Return)
    assert opened.args == [planned.id]

    page.select_meeting(held.id)
    with qtbot.waitSignal(page.summary_requested) as summary:
        press(page, Qt.Key.Key_O, CTRL)
    assert summary.args == [held.id]

    rect = page.meeting_table.visualRect(page.meeting_model.index(0, 0))
    viewport = page.meeting_table.viewport()
    with qtbot.waitSignal(page.meeting_opened) as clicked:
        # A double-click is a click followed by a second press within the interval.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [planned.id]


def test_edit_meeting_changes_details_and_profile(qtbot, page, db, meeting_factory):
    meeting = meeting_factory(db)
    page.refresh()
    page.select_meeting(meeting.id)
    form = open_dialog(qtbot, page, Qt.Key.Key_E, CTRL)
    assert form.windowTitle() == "Redigér møde"
    assert (form.title_edit.text(), form.date_edit.text(), form.time_edit.text()) == (
        "Borgermøde i Knebel", "03-03-2026", "19:00")
    paste(qtbot, form.date_edit, "10-03-2026")
    form.group_combo.setFocus()
    qtbot.keyClick(form.group_combo, Qt.Key.Key_Down)
    assert form.group_combo.currentData() == SelfDriving.NEEDS_SUPPORT
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)
    stored = meetings.get_meeting(db, meeting.id)
    assert stored.scheduled_at == datetime(2026, 3, 10, 19, 0)
    assert stored.self_driving is SelfDriving.NEEDS_SUPPORT
    assert stored.hold_back_seconds == 15
    assert {p.hold_back_seconds for p in agenda.list_phases(db, meeting.id)} == {15}
    assert shown(page.meeting_model, 1) == ["10-03-2026 19:00"]


def test_new_meeting_starts_from_the_projects_last_profile(qtbot, page, db, meeting_factory):
    meeting_factory(db, self_driving=SelfDriving.NEEDS_SUPPORT, regulation=Regulation.HEAVY)
    page.refresh()
    form = open_dialog(qtbot, page, Qt.Key.Key_N, CTRL)
    assert form.group_combo.currentData() == SelfDriving.NEEDS_SUPPORT
    assert form.area_combo.currentData() == Regulation.HEAVY
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_shortcuts_are_named_in_tooltips(page):
    assert native("Ctrl+Shift+N") in page.new_project_button.toolTip()
    assert native("Ctrl+N") in page.new_meeting_button.toolTip()
    assert native("F2") in page.rename_button.toolTip()
    assert "Enter" in page.open_button.toolTip()


def test_models_pass_the_model_tester(qtmodeltester, db, meeting_factory):
    meeting = meeting_factory(db)
    meeting_factory(db, title="اجتماع 🌳")
    project_model = ProjectTableModel()
    project_model.set_rows(projects.list_projects(db))
    qtmodeltester.check(project_model)
    meeting_model = MeetingTableModel()
    meeting_model.set_rows(meetings.list_meetings(db, meeting.project_id))
    qtmodeltester.check(meeting_model)
    assert meeting_model.index(0, 0).data(ROW_ROLE).project_id == meeting.project_id
    phase_model = PhaseTableModel()
    phase_model.set_start(meeting.scheduled_at)
    phase_model.set_rows(agenda.list_phases(db, meeting.id))
    qtmodeltester.check(phase_model)
    assert shown(phase_model, PhaseTableModel.START) == ["19:00", "19:10", "19:50", "20:15"]
    empty = MeetingTableModel()
    qtmodeltester.check(empty)
    assert meeting.status is MeetingStatus.PLANNED


def test_tab_goes_through_the_page_in_reading_order(qtbot, page, db, meeting_factory):
    meeting_factory(db)
    page.refresh()
    page.project_table.setFocus()
    order = []
    for _ in range(13):
        press(page, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    # "Lav orientering" is skipped: it is disabled for a planned meeting.
    assert order == [
        page.show_archived, page.new_project_button, page.settings_button, page.backups_button,
        page.add_places_button, page.rename_button, page.archive_button, page.people_button,
        page.open_project_button, page.meeting_table,
        page.new_meeting_button, page.edit_meeting_button, page.open_button,
    ]


# ----- the brief and the settings ---------------------------------------------------


def test_make_brief_is_offered_for_a_closed_meeting_only(qtbot, page, db, meeting_factory):
    held = meeting_factory(db, title="Stier", scheduled_at=datetime(2026, 1, 20, 19, 0))
    live.start_meeting(db, held.id, db.clock.now())
    live.close_meeting(db, held.id, db.clock.now())
    planned = meeting_factory(db, title="Fælleshuset")
    page.refresh()
    page.select_meeting(planned.id)
    assert not page.brief_button.isEnabled()
    press(page, Qt.Key.Key_B, CTRL)
    assert page.brief_window is None

    page.select_meeting(held.id)
    assert page.brief_button.isEnabled()
    assert page.brief_button.text() == "Lav orientering"
    assert native("Ctrl+B") in page.brief_button.toolTip()
    press(page, Qt.Key.Key_B, CTRL)
    window = page.brief_window
    assert window is not None and window.isVisible() and window.meeting_id == held.id
    assert window.windowTitle() == "Politisk orientering – Stier"
    qtbot.waitUntil(lambda: window.pdf_path is not None, timeout=20000)
    window.close()


def test_settings_open_with_ctrl_comma_and_are_saved(qtbot, page, db):
    from facilitator.services import settings
    from ui.settings.settings_dialog import SettingsDialog

    assert native("Ctrl+,") in page.settings_button.toolTip()
    dialog = open_dialog(qtbot, page, Qt.Key.Key_Comma, CTRL)
    assert isinstance(dialog, SettingsDialog)
    qtbot.keyClicks(dialog.municipality_edit, "Syddjurs Kommune")
    qtbot.keyClick(dialog.municipality_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert settings.get_settings(db).municipality == "Syddjurs Kommune"
    qtbot.mouseClick(page.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert page.dialog.municipality_edit.text() == "Syddjurs Kommune"
    qtbot.keyClick(page.dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


# ----- Esc never throws typed text away without asking ------------------------------


def test_escape_asks_before_throwing_a_typed_meeting_away(qtbot, page, db):
    project = projects.create_project(db, "Mols i Udvikling", ["Knebel"])
    page.refresh()
    form = open_dialog(qtbot, page, Qt.Key.Key_N, CTRL)
    assert isinstance(form, MeetingForm)
    qtbot.keyClicks(form.title_edit, "Borgermøde om stier")
    assert escape_answering(qtbot, form.title_edit, "Skriv videre") == [DISCARD_QUESTION]
    assert page.dialog is form and form.isVisible()
    assert form.title_edit.text() == "Borgermøde om stier"
    assert escape_answering(qtbot, form.title_edit, "Kassér") == [DISCARD_QUESTION]
    qtbot.waitUntil(lambda: page.dialog is None)
    assert meetings.list_meetings(db, project.id) == []


def test_escape_asks_before_throwing_ticked_villages_away(qtbot, page, db, meeting_factory):
    meeting = meeting_factory(db)
    page.refresh()
    page.select_project(meeting.project_id)
    page.select_meeting(meeting.id)
    form = open_dialog(qtbot, page, Qt.Key.Key_E, CTRL)
    before = meetings.get_meeting(db, meeting.id)
    form.places_list.setFocus()
    form.places_list.setCurrentRow(0)
    qtbot.keyClick(form.places_list, Qt.Key.Key_Space)
    assert escape_answering(qtbot, form.places_list, "Kassér") == [DISCARD_QUESTION]
    qtbot.waitUntil(lambda: page.dialog is None)
    assert meetings.get_meeting(db, meeting.id) == before


def test_escape_closes_an_unchanged_meeting_form_at_once(qtbot, page, db, meeting_factory):
    meeting = meeting_factory(db)
    page.refresh()
    page.select_project(meeting.project_id)
    page.select_meeting(meeting.id)
    form = open_dialog(qtbot, page, Qt.Key.Key_E, CTRL)
    assert form.title_edit.text() == meeting.title  # filled in, but not changed by the official
    assert escape_answering(qtbot, form.title_edit, "Kassér") == []
    qtbot.waitUntil(lambda: page.dialog is None)


def test_escape_asks_before_throwing_a_typed_project_away(qtbot, page, db):
    dialog = open_dialog(qtbot, page, Qt.Key.Key_N, CTRL | SHIFT)
    assert isinstance(dialog, ProjectForm)
    qtbot.keyClicks(dialog.name_edit, "Mols")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.places_edit, "Knebel, Agri")
    assert escape_answering(qtbot, dialog.places_edit, "Skriv videre") == [DISCARD_QUESTION]
    assert page.dialog is dialog and dialog.isVisible()
    assert (dialog.name_edit.text(), dialog.places_edit.toPlainText()) == ("Mols", "Knebel, Agri")
    assert escape_answering(qtbot, dialog.places_edit, "Kassér") == [DISCARD_QUESTION]
    qtbot.waitUntil(lambda: page.dialog is None)
    assert projects.list_projects(db) == []


def test_escape_closes_an_unchanged_rename_at_once(qtbot, page, db):
    project = projects.create_project(db, "Mols", ["Knebel"])
    page.refresh()
    page.select_project(project.id)
    dialog = open_dialog(qtbot, page, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    assert dialog.name_edit.text() == "Mols"
    assert escape_answering(qtbot, dialog.name_edit, "Kassér") == []
    qtbot.waitUntil(lambda: page.dialog is None)
    assert [p.name for p in projects.list_projects(db)] == ["Mols"]
