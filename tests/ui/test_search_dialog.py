"""Ctrl+F: search as one types, ↓ and Enter open the meeting's summary, Esc closes; never on the live page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.domain.enums import Role
from facilitator.live_meeting import LiveMeeting
from facilitator.services import capture, search
from facilitator.storage.database import StorageError
from ui.common.key_help import described_keys
from ui.main_window import MainWindow
from ui.search.search_dialog import SearchDialog
from ui.search.search_model import SearchResultModel

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def app(qtbot, db, clock, meeting_factory):
    planned = meeting_factory(db, title="Borgermøde om stier")
    closed = meeting_factory(db, title="Borgermøde i Knebel")
    session = LiveMeeting.start(db, closed.id, clock)
    session.mark(Role.CITIZEN)
    clock.advance(60)
    capture.add_idea(db, closed.id, capture.IdeaInput("Støjvold ved skolen", "Langs omfartsvejen"))
    capture.add_idea(db, closed.id, capture.IdeaInput("Æblelund i Agri"))
    gone = capture.add_idea(db, closed.id, capture.IdeaInput("Støjmåler i byen"))
    capture.delete_entry(db, "idea", gone.id)
    capture.add_ask(db, closed.id, capture.AskInput("Tilskud til støjvold", amount_dkk=25000))
    session.close()
    capture.add_step(db, planned.id, capture.StepInput("Tale med lodsejeren om stien"))
    window = MainWindow(db, clock)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.planned, window.closed = planned, closed
    return window


def open_search(qtbot, window) -> SearchDialog:
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F, CTRL)
    dialog = getattr(window, "search_dialog", None)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def shown_titles(dialog: SearchDialog) -> list[str]:
    return [hit.title for hit in dialog.model.rows()]


def test_typing_shows_results_and_down_enter_opens_the_meetings_summary(qtbot, app) -> None:
    dialog = open_search(qtbot, app)
    assert QApplication.focusWidget() is dialog.field
    qtbot.keyClicks(dialog.field, "sto")
    qtbot.waitUntil(lambda: len(dialog.model.rows()) == 2)
    # Folded: "sto" found "Støj…"; the deleted idea is nowhere.
    assert sorted(shown_titles(dialog)) == ["Støjvold ved skolen", "Tilskud til støjvold"]
    assert dialog.status.text() == "2 resultater"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dialog.results
    qtbot.keyClick(dialog.results, Qt.Key.Key_Down)
    assert dialog.current_hit() == dialog.model.rows()[1]
    with qtbot.waitSignal(dialog.result_chosen) as chosen:
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert chosen.args == [app.closed.id]
    assert not dialog.isVisible()
    assert app.pages.currentWidget() is app.summary_page
    assert app.summary_page.meeting_id == app.closed.id


def test_enter_in_the_field_opens_the_first_result_even_before_the_pause(qtbot, app) -> None:
    dialog = open_search(qtbot, app)
    qtbot.keyClicks(dialog.field, "aeble")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # at once: the debounce has not fired
    assert not dialog.isVisible()
    assert app.summary_page.meeting_id == app.closed.id


def test_up_on_the_first_result_goes_back_to_the_field_and_esc_closes(qtbot, app) -> None:
    dialog = open_search(qtbot, app)
    qtbot.keyClicks(dialog.field, "lodsejer")
    qtbot.waitUntil(lambda: shown_titles(dialog) == ["Tale med lodsejeren om stien"])
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is dialog.field
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert app.pages.currentWidget() is app.start_page  # nothing was opened


def test_a_result_of_a_meeting_not_held_yet_opens_its_agenda(qtbot, app) -> None:
    dialog = open_search(qtbot, app)
    qtbot.keyClicks(dialog.field, "lodsejer")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert app.pages.currentWidget() is app.agenda_page
    assert app.agenda_page.meeting_id() == app.planned.id


def test_nothing_found_and_an_empty_field_say_so(qtbot, app) -> None:
    dialog = open_search(qtbot, app)
    assert "Skriv et ord" in dialog.status.text()
    qtbot.keyClicks(dialog.field, 'xyz"*(')
    qtbot.waitUntil(lambda: "Intet fundet" in dialog.status.text())
    assert dialog.status.text() == 'Intet fundet for »xyz"*(«.'
    assert dialog.model.rowCount() == 0
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # nothing to open: the dialog stays
    assert dialog.isVisible()


def test_a_storage_error_is_shown_in_danish_and_nothing_breaks(qtbot, app, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise StorageError("Databasen kan ikke læses lige nu.")

    monkeypatch.setattr(search, "search", broken)
    dialog = open_search(qtbot, app)
    qtbot.keyClicks(dialog.field, "sto")
    qtbot.waitUntil(dialog.message.isVisible)
    assert "Databasen kan ikke læses lige nu." in dialog.message.text()
    assert dialog.model.rowCount() == 0


def test_ctrl_f_works_on_every_page_but_the_live_one_and_f1_lists_it(qtbot, app) -> None:
    for page in (app.start_page, app.agenda_page, app.summary_page, app.corrections_page):
        assert ("Ctrl+F", "Søg i idéer, ressourceønsker og næste skridt") in [
            (k.replace("⌘", "Ctrl+"), d) for k, d in described_keys(page)], page
    app.start_meeting(app.planned.id)
    assert app.pages.currentWidget() is app.live_page
    QTest.keyClick(app.windowHandle(), Qt.Key.Key_F, CTRL)
    assert getattr(app, "search_dialog", None) is None
    assert described_keys(app.live_page) == [
        row for row in described_keys(app.live_page) if "Søg" not in row[1]]
    app.live_page.stop()


def test_the_result_model_passes_the_model_tester(qtmodeltester, db, meeting_factory) -> None:
    meeting = meeting_factory(db)
    capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter", "Med bålplads og brænde"))
    capture.add_step(db, meeting.id, capture.StepInput("Shelter-tegning"))
    model = SearchResultModel()
    model.set_rows(search.search(db, "shel"))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
