"""Personer og samtykke, driven by the keyboard: add, withdraw, find, export, erase, retention."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QWidget

from facilitator.domain.enums import ConsentSource
from facilitator.services import capture, people, privacy, projects
from facilitator.services.audit import AuditAction, list_audit
from facilitator.services.privacy_settings import get_retention_months, retention
from facilitator.storage.backup import make_backup
from ui.capture.entry_dialogs import AskDialog, IdeaDialog
from ui.common.changes import ChangeHub
from ui.people import people_dialog
from ui.people.people_dialog import PeopleDialog
from ui.people.people_model import PeopleTableModel, PersonEntry
from ui.people.person_form import PersonForm

from .modal import DISCARD_QUESTION, escape_answering

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
KAREN = "Karen Vestergaard"
UNUSUAL = ["x" * 10_000, "Ånd 🌳🏡", "كريم الحسن", "Rene\u0301 Ørsted", "<b>ikke fed</b> & co"]


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key through the window, so shortcuts fire as for a real key press."""
    QTest.keyClick(widget.window().windowHandle(), key, modifiers)


def answer_box(qtbot, button_text: str | None, seen: list[str]) -> QTimer:
    """On the next message box, put the focus on a button and press Space (None: press Esc)."""
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        timer.stop()
        seen.append(box.text())
        if button_text is None:
            QTest.keyClick(box, Qt.Key.Key_Escape)
            return
        chosen = next(b for b in box.findChildren(QPushButton) if b.text() == button_text)
        chosen.setFocus()
        QTest.keyClick(chosen, Qt.Key.Key_Space)

    timer.timeout.connect(poll)
    timer.start()
    return timer


@pytest.fixture
def meeting(db, meeting_factory):
    return meeting_factory(db)


@pytest.fixture
def hub():
    return ChangeHub()


@pytest.fixture
def dialog(qtbot, db, hub, meeting):
    """The people dialog of the meeting's project, shown."""
    widget = PeopleDialog(db, hub, meeting.project_id)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def shown(dialog: PeopleDialog, column: int) -> list[str]:
    model = dialog.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def open_form(qtbot, dialog: PeopleDialog) -> PersonForm:
    press(dialog, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.form.isVisible())
    qtbot.waitExposed(dialog.form)
    assert isinstance(dialog.form, PersonForm)
    return dialog.form


# ----- the model ----------------------------------------------------------------------


def test_people_model_passes_the_model_tester(qtmodeltester, db, meeting):
    model = PeopleTableModel()
    karen = people.add_person(db, meeting.project_id, KAREN, "k@example.org", True, False,
                               date(2026, 3, 3), ConsentSource.ORAL)
    jens = people.withdraw_consent(db, people.add_person(db, meeting.project_id, "Jens", "",
                                                           True, True).id)
    model.set_rows([PersonEntry(karen, "Mols"), PersonEntry(jens, "Mols")])
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(7)] == [
        KAREN, "k@example.org", "Ja", "Nej", "03-03-2026 · Mundtligt", "Gældende", "Mols"]
    assert model.index(1, PeopleTableModel.NAMED).data() == "Nej"  # withdrawn: no longer
    assert model.index(1, PeopleTableModel.STATE).data() == "Trukket tilbage 03-03-2026"
    model.set_rows([])
    qtmodeltester.check(model)


# ----- add -------------------------------------------------------------------------


def test_add_a_person_with_consent_by_keyboard(qtbot, db, dialog, meeting):
    assert dialog.empty_label.isVisible()
    form = open_form(qtbot, dialog)
    assert not form.date_edit.isEnabled()  # no consent ticked: nothing to date
    qtbot.keyClicks(form.name_edit, KAREN)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "karen@example.org")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.named_check
    qtbot.keyClick(form.named_check, Qt.Key.Key_Space)
    assert form.date_edit.isEnabled() and form.date_edit.text() == "03-03-2026"
    form.source_combo.setFocus()
    qtbot.keyClick(form.source_combo, Qt.Key.Key_Down)  # Mundtligt → Skriftligt
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form is None)

    [stored] = people.list_people(db, meeting.project_id)
    assert (stored.name, stored.contact, stored.may_be_named, stored.may_be_contacted) == (
        KAREN, "karen@example.org", True, False)
    assert (stored.consent_on, stored.consent_source) == (date(2026, 3, 3), ConsentSource.WRITTEN)
    assert shown(dialog, PeopleTableModel.NAME) == [KAREN]
    assert shown(dialog, PeopleTableModel.GIVEN) == ["03-03-2026 · Skriftligt"]
    assert not dialog.empty_label.isVisible()
    assert "Personen er tilføjet." in dialog.message.text()
    assert [r.action for r in list_audit(db)] == [AuditAction.PERSON_ADDED]


def test_refused_name_shows_a_danish_message_and_stores_nothing(qtbot, db, dialog, meeting):
    form = open_form(qtbot, dialog)
    qtbot.keyClicks(form.name_edit, "   ")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert form.isVisible()
    assert form.message.text() == "⚠ Navn skal udfyldes."
    form.named_check.setChecked(True)
    form.name_edit.setText("Anna")
    form.date_edit.setText("31-02-2026")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert "ikke en gyldig dato" in form.message.text()
    assert people.list_people(db, meeting.project_id) == []
    form.name_edit.setText("x" * 10_001)
    form.date_edit.setText("03-03-2026")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert "for lang" in form.message.text()
    assert people.list_people(db, meeting.project_id) == []


@pytest.mark.parametrize("name", UNUSUAL, ids=["long", "emoji", "arabic", "combining", "markup"])
def test_unusual_names_are_stored_and_shown_exactly(qtbot, db, dialog, meeting, name):
    form = open_form(qtbot, dialog)
    form.name_edit.setText(name)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert [p.name for p in people.list_people(db, meeting.project_id)] == [name]
    assert shown(dialog, PeopleTableModel.NAME) == [name]
    assert shown(dialog, PeopleTableModel.NAMED) == ["Nej"]


# ----- withdraw, find -----------------------------------------------------------------


def test_withdraw_consent_by_keyboard_after_confirming(qtbot, db, dialog, meeting):
    person = people.add_person(db, meeting.project_id, KAREN, "", True, True)
    dialog.refresh()
    assert dialog.withdraw_button.isEnabled()
    seen: list[str] = []
    timer = answer_box(qtbot, None, seen)  # Esc first: nothing changes
    press(dialog, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: bool(seen))
    timer.stop()
    assert people.get_person(db, person.id).withdrawn_at is None
    assert KAREN in seen[0]

    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    timer = answer_box(qtbot, "Træk tilbage", seen)
    press(dialog, Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: people.get_person(db, person.id).withdrawn_at is not None)
    timer.stop()
    assert shown(dialog, PeopleTableModel.STATE) == ["Trukket tilbage 03-03-2026"]
    assert shown(dialog, PeopleTableModel.NAMED) == ["Nej"]
    assert not dialog.withdraw_button.isEnabled()
    assert AuditAction.CONSENT_WITHDRAWN in [r.action for r in list_audit(db)]


def test_find_searches_every_project(qtbot, db, dialog, meeting):
    other = projects.create_project(db, "Løsning Lykkes")
    people.add_person(db, other.id, "Karen Ørsted")
    people.add_person(db, meeting.project_id, KAREN)
    dialog.refresh()
    assert dialog.table.isColumnHidden(PeopleTableModel.PROJECT)
    press(dialog, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is dialog.search_edit
    qtbot.keyClicks(dialog.search_edit, "KAREN")
    assert shown(dialog, PeopleTableModel.NAME) == [KAREN, "Karen Ørsted"]
    assert shown(dialog, PeopleTableModel.PROJECT) == ["Mols i Udvikling", "Løsning Lykkes"]
    assert not dialog.table.isColumnHidden(PeopleTableModel.PROJECT)
    qtbot.keyClicks(dialog.search_edit, "zzz")
    assert dialog.model.rowCount() == 0
    assert dialog.empty_label.text() == "Ingen personer passer til søgningen."


# ----- erase --------------------------------------------------------------------------


def test_erase_by_keyboard_keeps_contributions_and_reaches_backups(
    qtbot, db, hub, dialog, meeting, tmp_path
):
    person = people.add_person(db, meeting.project_id, KAREN, "k@example.org", True, True)
    idea = capture.add_idea(db, meeting.id, capture.IdeaInput(f"Shelter – {KAREN}s idé"))
    people.link_idea_person(db, idea.id, person.id)
    backup = make_backup(db, "automatisk")
    dialog.refresh()
    dialog.table.setFocus()
    seen: list[str] = []
    timer = answer_box(qtbot, "Annullér", seen)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(seen))
    timer.stop()
    assert "Det kan ikke fortrydes." in seen[0]
    assert [p.id for p in people.list_people(db, meeting.project_id)] == [person.id]

    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert QApplication.focusWidget() is dialog.table  # the keyboard is back where it was
    timer = answer_box(qtbot, "Slet for altid", seen)
    with qtbot.waitSignal(hub.ideas_changed) as changed:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    timer.stop()
    assert changed.args == [meeting.id]
    assert people.list_people(db, meeting.project_id) == []
    assert dialog.model.rowCount() == 0
    [kept] = capture.list_ideas(db, meeting.id)
    assert kept.title == "Shelter – [slettet person] idé"
    assert "Sikkerhedskopier renset: 1." in dialog.message.text()
    assert b"Vestergaard" not in backup.path.read_bytes()
    assert b"Vestergaard" not in (tmp_path / "f.db").read_bytes()


# ----- export, notice, retention ------------------------------------------------------


def test_export_writes_pdf_and_json_where_the_user_chose(qtbot, db, dialog, meeting, tmp_path,
                                                         monkeypatch):
    people.add_person(db, meeting.project_id, KAREN, "k@example.org", True, True)
    dialog.refresh()
    asked: list[str] = []

    def choose(_parent, _title, suggested, _filters):
        asked.append(suggested)
        return str(tmp_path / "indsigt"), _filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    press(dialog, Qt.Key.Key_E, CTRL)
    assert Path(asked[0]).name == f"Indsigt – {KAREN} – 2026-03-03.pdf"
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "indsigt.pdf").pages)
    assert KAREN in text
    assert (tmp_path / "indsigt.json").read_text(encoding="utf-8").count(KAREN) == 1
    assert "indsigt.pdf og indsigt.json" in dialog.message.text()


def test_privacy_notice_is_saved_in_the_chosen_language_and_opened(
    qtbot, db, dialog, tmp_path, monkeypatch
):
    opened: list[Path] = []
    monkeypatch.setattr(people_dialog, "open_file", opened.append)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a: (str(tmp_path / "notice"), "PDF på engelsk (*.pdf)"))
    press(dialog, Qt.Key.Key_E, CTRL | SHIFT)
    assert opened == [tmp_path / "notice.pdf"]
    text = PdfReader(opened[0]).pages[0].extract_text()
    assert "How we handle your information" in text
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    dialog.notice_button.click()  # cancelled: nothing more is written or opened
    assert len(opened) == 1


def test_retention_is_saved_and_explained(qtbot, db, dialog, meeting):
    box = dialog.retention_box
    assert "Projektet kører stadig" in box.label.text()
    box.end_edit.setFocus()
    qtbot.keyClicks(box.end_edit, "01-04-2026")
    box.months_spin.setValue(6)
    box.save_button.click()
    assert retention(db, meeting.project_id).ended_on == date(2026, 4, 1)
    assert get_retention_months(db) == 6
    assert "01-10-2026" in box.label.text()
    box.end_edit.setText("i morgen")
    box.save_button.click()
    assert "ikke en gyldig dato" in dialog.message.text()
    assert retention(db, meeting.project_id).ended_on == date(2026, 4, 1)


def test_start_page_opens_people_for_the_chosen_project(qtbot, db, meeting):
    from ui.start.start_page import StartPage

    page = StartPage(db, ChangeHub())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    press(page, Qt.Key.Key_P, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(page.dialog, PeopleDialog))
    assert page.dialog.windowTitle() == "Personer og samtykke – Mols i Udvikling"
    page.dialog.close()


# ----- the person combo in the entry dialogs ------------------------------------------


def test_idea_and_ask_dialogs_offer_a_person_only_when_there_is_one(qtbot, db, meeting):
    plain = IdeaDialog(db, meeting.id, [])
    qtbot.addWidget(plain)
    assert plain.person_combo is None  # no people: the form stays as it was

    karen = people.add_person(db, meeting.project_id, KAREN, "", True, False)
    gone = people.withdraw_consent(db, people.add_person(db, meeting.project_id, "Jens").id)
    dialog = IdeaDialog(db, meeting.id, [])
    qtbot.addWidget(dialog)
    combo = dialog.person_combo
    assert combo is not None
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "(ingen – gruppen står for det)", KAREN]  # withdrawn Jens is not offered
    assert combo.currentData() is None  # default: the group label
    dialog.title_edit.setText("Shelter")
    combo.setCurrentIndex(1)
    dialog.accept()
    idea = dialog.saved_row
    assert privacy.linked_person_id(db, "idea", idea.id) == karen.id

    again = IdeaDialog(db, meeting.id, [], idea=idea)
    qtbot.addWidget(again)
    assert again.person_combo.currentData() == karen.id
    again.person_combo.setCurrentIndex(0)
    again.accept()
    assert privacy.linked_person_id(db, "idea", idea.id) is None

    ask_dialog = AskDialog(db, meeting.id, [idea])
    qtbot.addWidget(ask_dialog)
    ask_dialog.what_edit.setText("Tilskud")
    ask_dialog.person_combo.setCurrentIndex(1)
    ask_dialog.accept()
    assert privacy.linked_person_id(db, "ask", ask_dialog.saved_row.id) == karen.id
    assert gone.withdrawn_at is not None


def test_escape_asks_before_throwing_a_typed_person_away(qtbot, db, dialog, meeting):
    form = open_form(qtbot, dialog)
    qtbot.keyClicks(form.name_edit, "Anna Sørensen")
    assert escape_answering(qtbot, form.name_edit, "Skriv videre") == [DISCARD_QUESTION]
    assert dialog.form is form and form.isVisible() and form.name_edit.text() == "Anna Sørensen"
    assert escape_answering(qtbot, form.name_edit, "Kassér") == [DISCARD_QUESTION]
    qtbot.waitUntil(lambda: dialog.form is None)
    assert people.list_people(db, meeting.project_id) == []


def test_escape_asks_before_throwing_a_ticked_consent_away(qtbot, db, dialog, meeting):
    form = open_form(qtbot, dialog)
    form.named_check.setFocus()
    qtbot.keyClick(form.named_check, Qt.Key.Key_Space)
    assert form.named_check.isChecked()
    assert escape_answering(qtbot, form.named_check, "Skriv videre") == [DISCARD_QUESTION]
    assert form.isVisible() and form.named_check.isChecked()


def test_escape_closes_an_untouched_person_form_at_once(qtbot, db, dialog, meeting):
    form = open_form(qtbot, dialog)
    assert escape_answering(qtbot, form.name_edit, "Kassér") == []
    qtbot.waitUntil(lambda: dialog.form is None)
