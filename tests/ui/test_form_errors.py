"""Forms show every refused field at once, in the form's order, and clear each as it is fixed."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QPushButton, QWidget

from facilitator.domain.validation import MAX_TITLE_LENGTH
from facilitator.services import agenda, capture, meetings, people, projects, settings
from ui.capture.entry_dialogs import AskDialog, StepDialog
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage
from ui.common.form_errors import MARK, FormErrors
from ui.people.person_form import PersonForm
from ui.planning.agenda_page import AgendaPage
from ui.planning.meeting_form import MeetingForm
from ui.settings.settings_dialog import SettingsDialog


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def lines(widget) -> list[str]:
    return widget.message.text().splitlines() if widget.message.isVisible() else []


def marked(errors: FormErrors) -> list[str]:
    """The labels that carry the ⚠ mark."""
    return [label.text() for label, _text in errors._marked.values() if label.text().startswith(MARK)]


def test_the_meeting_form_shows_every_problem_in_field_order_and_clears_each_when_fixed(qtbot, db):
    project = projects.create_project(db, "Mols i Udvikling", ["Knebel"])
    form = shown(qtbot, MeetingForm(db, ChangeHub(), project.id))
    form.title_edit.setText("")
    form.date_edit.setText("31-02-2026")
    form.time_edit.setText("25:00")
    qtbot.keyClick(form.time_edit, Qt.Key.Key_Return)
    assert lines(form) == [
        "⚠ Mødets titel skal udfyldes.",
        "⚠ Dato: «31-02-2026» er ikke en gyldig dato (skriv fx 03-03-2026).",
        "⚠ «25:00» er ikke et gyldigt klokkeslæt (skriv fx 19:00).",
    ]
    assert form.errors.fields_shown() == ["title", "date", "time"]
    assert marked(form.errors) == ["⚠ &Titel:", "⚠ &Dato (DD-MM-ÅÅÅÅ):", "⚠ &Klokkeslæt (TT:MM):"]
    assert QApplication.focusWidget() is form.title_edit  # the first to fix
    assert meetings.list_meetings(db, project.id) == []
    # Fixing the date removes its message at once; the others stay until fixed.
    form.date_edit.setText("03-03-2026")
    assert form.errors.fields_shown() == ["title", "time"]
    assert marked(form.errors) == ["⚠ &Titel:", "⚠ &Klokkeslæt (TT:MM):"]
    qtbot.keyClicks(form.title_edit, "Borgermøde")
    assert form.errors.fields_shown() == ["time"]
    form.time_edit.setText("19:00")
    assert lines(form) == [] and marked(form.errors) == []
    assert form.findChild(type(form.title_edit)) is not None
    qtbot.keyClick(form.time_edit, Qt.Key.Key_Return)
    assert [m.title for m in meetings.list_meetings(db, project.id)] == ["Borgermøde"]


def test_a_field_still_wrong_keeps_its_message_and_a_new_mistake_elsewhere_waits(qtbot, db):
    project = projects.create_project(db, "Mols i Udvikling", ["Knebel"])
    form = shown(qtbot, MeetingForm(db, ChangeHub(), project.id))
    form.date_edit.setText("xx")
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Return)
    assert form.errors.fields_shown() == ["title", "date"]
    form.date_edit.setText("yy")  # still not a date: the message follows what is typed
    assert form.errors.messages()[1] == "Dato: «yy» er ikke en gyldig dato (skriv fx 03-03-2026)."
    form.time_edit.setText("nope")  # not marked before: shown at the next save, not while typing
    assert form.errors.fields_shown() == ["title", "date"]


def test_the_ask_dialog_names_the_missing_text_the_amount_and_the_date_together(
    qtbot, db, meeting_factory
):
    meeting = meeting_factory(db)
    dialog = shown(qtbot, AskDialog(db, meeting.id, []))
    dialog.amount_edit.setText("tolv kroner")
    dialog.answer_by_edit.setText("32-13-2026")
    qtbot.keyClick(dialog.what_edit, Qt.Key.Key_Return)
    assert dialog.errors.fields_shown() == ["what", "amount_dkk", "answer_needed_by"]
    assert len(lines(dialog)) == 3 and all(line.startswith("⚠ ") for line in lines(dialog))
    assert "Ønsket skal udfyldes." in lines(dialog)[0]
    dialog.amount_edit.setText("12.500")
    assert dialog.errors.fields_shown() == ["what", "answer_needed_by"]
    dialog.what_edit.setText("Tilskud til shelter")
    dialog.answer_by_edit.setText("")
    assert dialog.errors.fields_shown() == []
    qtbot.keyClick(dialog.what_edit, Qt.Key.Key_Return)
    assert [(a.what, a.amount_dkk) for a in capture.list_asks(db, meeting.id)] == [
        ("Tilskud til shelter", 12500)
    ]


def test_the_step_dialog_shows_both_problems(qtbot, db, meeting_factory):
    meeting = meeting_factory(db)
    dialog = shown(qtbot, StepDialog(db, meeting.id))
    dialog.due_edit.setText("i morgen")
    qtbot.keyClick(dialog.what_edit, Qt.Key.Key_Return)
    assert dialog.errors.fields_shown() == ["what", "due_on"]
    assert capture.list_steps(db, meeting.id) == []
    dialog.done(0)  # closing would ask whether to discard the typed date


def test_the_person_form_shows_name_and_date_together(qtbot, db):
    project = projects.create_project(db, "Mols i Udvikling", ["Knebel"])
    form = shown(qtbot, PersonForm(db, project.id, date(2026, 3, 3)))
    form.named_check.setChecked(True)
    form.date_edit.setText("31-02-2026")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert form.errors.fields_shown() == ["name", "consent_on"]
    assert lines(form)[0] == "⚠ Navn skal udfyldes."
    assert people.list_people(db, project.id) == []


def test_the_settings_dialog_shows_every_too_long_field(qtbot, db):
    dialog = shown(qtbot, SettingsDialog(db))
    dialog.municipality_edit.setText("K" * (MAX_TITLE_LENGTH + 1))
    dialog.department_edit.setText("A" * (MAX_TITLE_LENGTH + 1))
    dialog.accept()
    assert dialog.errors.fields_shown() == ["municipality", "official_department"]
    assert settings.get_settings(db).municipality == ""
    dialog.municipality_edit.setText("Syddjurs Kommune")
    assert dialog.errors.fields_shown() == ["official_department"]


def test_a_new_agenda_item_shows_title_and_minutes_together(qtbot, db, meeting_factory):
    meeting = meeting_factory(db)
    page = AgendaPage(db, ChangeHub())
    page.load(meeting.id)
    shown(qtbot, page)
    before = len(agenda.list_phases(db, meeting.id))
    page.new_minutes.setValue(0)
    page.add_phase()
    assert page.errors.fields_shown() == ["title", "planned_minutes"]
    assert marked(page.errors) == ["⚠ &Nyt punkt:", "⚠ &Minutter:"]
    page.new_minutes.setValue(20)
    assert page.errors.fields_shown() == ["title"]
    assert len(agenda.list_phases(db, meeting.id)) == before


def test_a_refused_stored_logo_is_marked_and_the_mark_clears_when_the_logo_is_removed(qtbot, db):
    # A logo stored by an earlier version that saving now refuses (a cut-off PNG).
    settings.store_values(db, {"logo_png": base64.b64encode(b"\x89PNG\r\n\x1a\nbroken").decode()})
    dialog = shown(qtbot, SettingsDialog(db))
    dialog.name_edit.setText("N" * (MAX_TITLE_LENGTH + 1))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert dialog.errors.fields_shown() == ["official_name", "logo_png"]
    assert marked(dialog.errors) == ["⚠ Embedspersonens &navn:", "⚠ Logo:"]
    qtbot.mouseClick(dialog.remove_logo_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.fields_shown() == ["official_name"]
    assert marked(dialog.errors) == ["⚠ Embedspersonens &navn:"]
    assert len(lines(dialog)) == 1 and "Embedspersonens navn" in lines(dialog)[0]
    assert dialog.choose_logo_button.accessibleDescription() == ""


def test_choosing_a_good_logo_clears_the_logo_mark_only(qtbot, db, monkeypatch, tmp_path):
    settings.store_values(db, {"logo_png": base64.b64encode(b"\x89PNG\r\n\x1a\nbroken").decode()})
    dialog = shown(qtbot, SettingsDialog(db))
    dialog.name_edit.setText("N" * (MAX_TITLE_LENGTH + 1))
    dialog.accept()
    assert dialog.errors.fields_shown() == ["official_name", "logo_png"]
    image = QImage(300, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6f43"))
    good = tmp_path / "logo.png"
    assert image.save(str(good), "PNG")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(good), ""))
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert dialog.logo == good.read_bytes()
    assert dialog.errors.fields_shown() == ["official_name"]
    assert marked(dialog.errors) == ["⚠ Embedspersonens &navn:"]


def test_a_plain_button_field_must_say_when_it_changes(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    message = InlineMessage(host)
    errors = FormErrors(message)
    with pytest.raises(TypeError):
        errors.add_field("logo_png", QPushButton("Vælg logo …", host))


def test_another_action_clearing_the_agenda_message_clears_the_new_item_marks(
    qtbot, db, meeting_factory
):
    meeting = meeting_factory(db)
    page = AgendaPage(db, ChangeHub())
    page.load(meeting.id)
    shown(qtbot, page)
    page.new_title.setFocus()
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)  # an empty new item is refused
    assert page.errors.fields_shown() == ["title"]
    assert marked(page.errors) == ["⚠ &Nyt punkt:"] and page.message.isVisible()
    first = agenda.list_phases(db, meeting.id)[0]
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    QTest.keyClick(page.windowHandle(), Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert agenda.list_phases(db, meeting.id)[1].id == first.id  # the move went through
    assert not page.message.isVisible()
    assert page.errors.fields_shown() == [] and marked(page.errors) == []
    assert page.new_title.accessibleDescription() == ""
