"""The restore screen, the damaged-database start, read-only mode and the app's automatic backups."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

import ui.app
from facilitator.paths import database_path
from facilitator.services import backups, projects
from facilitator.storage.backup import list_backups, make_backup
from facilitator.storage.read_only import is_read_only
from tests.backup_factory import add_meeting, big_database, damage, idea_titles, open_folder
from tests.ui.modal import DISCARD_QUESTION, answer_next_box
from ui.backups.restore_dialog import BackupTableModel, RestoreDialog
from ui.main_window import MainWindow
from ui.safety_net import SafetyNet

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
YES = QMessageBox.StandardButton.Yes


@pytest.fixture
def folder(tmp_path, clock) -> Path:
    """A data folder with one meeting of two ideas, a backup of it, then a third idea."""
    path = tmp_path / "data"
    path.mkdir()
    db = open_folder(path, clock)
    meeting = add_meeting(db, ideas=2)
    make_backup(db, backups.REASON_MEETING_CLOSED)
    clock.advance(3600)
    from facilitator.services import capture

    capture.add_idea(db, meeting.id, capture.IdeaInput("Idé efter sikkerhedskopien 🌳"))
    projects.create_project(db, "اجتماع المواطنين", [])
    make_backup(db, backups.REASON_PERIODIC)
    db.dispose()
    return path


@pytest.fixture
def app_db(folder, clock):
    """The folder's database, open."""
    db = open_folder(folder, clock)
    yield db
    db.dispose()


def shown(qtbot, widget):
    """Show a widget as the official sees it and wait until it can take shortcuts."""
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_backup_table_model_passes_the_model_tester(qtmodeltester, folder):
    model = BackupTableModel()
    model.set_rows(list_backups(folder))
    qtmodeltester.check(model)


def test_dialog_lists_the_backup_made_last_first_even_when_the_clock_was_ahead_before(
    qtbot, folder, clock
):
    db = open_folder(folder, clock)
    right = clock.now()
    clock.set_wall(right + timedelta(days=365))
    make_backup(db, backups.REASON_PERIODIC)
    clock.set_wall(right + timedelta(minutes=5))
    made_last = make_backup(db, backups.REASON_EXIT)
    db.dispose()
    dialog = shown(qtbot, RestoreDialog(folder, clock))
    first = [dialog.model.index(0, c).data() for c in range(2)]
    assert first == [made_last.created_at.astimezone().strftime("%d-%m-%Y %H:%M"), "ved lukning"]
    assert str(right.year + 1) in dialog.model.index(1, 0).data()  # the one stamped a year ahead


def test_dialog_lists_backups_with_date_reason_and_contents(qtbot, folder, clock):
    dialog = shown(qtbot, RestoreDialog(folder, clock))
    model = dialog.model
    assert model.rowCount() == 2
    cells = [[model.index(r, c).data() for c in range(5)] for r in range(2)]
    newest, oldest = list_backups(folder)
    assert cells[0] == [
        newest.created_at.astimezone().strftime("%d-%m-%Y %H:%M"), "automatisk", "2", "1",
        newest.last_entry.astimezone().strftime("%d-%m-%Y %H:%M"),
    ]
    assert cells[1][1:4] == ["mødet er afsluttet", "1", "1"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Dato og tid", "Årsag", "Projekter", "Møder", "Seneste indtastning"]
    assert dialog.selected() == newest  # the newest is chosen at once
    assert str(folder / "backups") in dialog.folder_label.text()


def test_an_empty_backups_folder_says_so(qtbot, tmp_path, clock):
    dialog = shown(qtbot, RestoreDialog(tmp_path, clock))
    assert dialog.empty.isVisible() and not dialog.table.isVisible()
    assert not dialog.restore_button.isEnabled()


def test_restore_after_confirmation_backs_up_first_and_brings_data_back(qtbot, folder, app_db, clock):
    current = idea_titles(database_path(folder))
    oldest = list_backups(folder)[-1]
    dialog = shown(qtbot, RestoreDialog(folder, clock, app_db))
    dialog.table.selectRow(1)
    seen: list[str] = []
    answer = answer_next_box(YES, seen)
    with qtbot.waitSignal(dialog.restored) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    answer.stop()
    assert "gemmes først som en ny sikkerhedskopi" in seen[0]
    assert restored.args[0].restored.id == oldest.id
    assert len(idea_titles(database_path(folder))) == 2
    safety = list_backups(folder)[0]
    assert safety.reason == "før gendannelse"
    assert idea_titles(safety.path) == current
    assert not dialog.isVisible()


def test_ctrl_r_restores_the_chosen_backup_and_the_dialog_keeps_the_outcome(
    qtbot, folder, app_db, clock
):
    oldest = list_backups(folder)[-1]
    dialog = shown(qtbot, RestoreDialog(folder, clock, app_db))
    dialog.table.selectRow(1)
    assert dialog.outcome is None
    answer = answer_next_box(YES)
    with qtbot.waitSignal(dialog.restored) as restored:
        QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_R, CTRL)
    answer.stop()
    assert dialog.outcome is restored.args[0]
    assert dialog.outcome.restored.id == oldest.id
    assert len(idea_titles(database_path(folder))) == 2
    assert not dialog.isVisible()


def test_saying_no_restores_nothing(qtbot, folder, app_db, clock):
    before = idea_titles(database_path(folder))
    dialog = shown(qtbot, RestoreDialog(folder, clock, app_db))
    dialog.table.selectRow(1)
    answer = answer_next_box(QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    answer.stop()
    assert idea_titles(database_path(folder)) == before
    assert len(list_backups(folder)) == 2
    assert dialog.isVisible()


def test_a_refused_restore_shows_why_in_danish(qtbot, folder, app_db, clock):
    dialog = shown(qtbot, RestoreDialog(folder, clock, app_db))
    list_backups(folder)[0].path.write_bytes(b"ikke en database" * 400)
    answer = answer_next_box(YES)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    answer.stop()
    assert dialog.message.isVisible()
    assert "selv beskadiget" in dialog.message.text()
    assert dialog.isVisible()


def test_start_page_opens_the_backups_and_a_restore_reopens_the_database(
    qtbot, folder, app_db, clock, monkeypatch
):
    restarts: list[bool] = []
    monkeypatch.setattr(ui.app, "restart", lambda: restarts.append(True))
    window = shown(qtbot, MainWindow(app_db, clock))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_K, CTRL | SHIFT)
    page = window.start_page
    qtbot.waitUntil(lambda: isinstance(page.dialog, RestoreDialog) and page.dialog.isVisible())
    assert page.backups_button.text() == "Sikkerhedskopier …"
    page.dialog.table.selectRow(1)
    answer = answer_next_box(YES)
    qtbot.mouseClick(page.dialog.restore_button, Qt.MouseButton.LeftButton)
    answer.stop()
    assert restarts == [True]
    assert len(idea_titles(database_path(folder))) == 2


def test_run_opens_the_database_again_after_a_restore(qapp, monkeypatch):
    launched: list[object] = []
    statuses = iter([ui.app.RESTART_STATUS, 0])

    class Opener:
        def wait(self) -> None:
            pass

    class Window:
        db = None
        opener = Opener()
        window_settings = None  # nothing remembered between the two windows

        def hide(self) -> None:
            pass

        def deleteLater(self) -> None:  # noqa: N802 - Qt's name
            pass

    def fake_launch(option, clock):
        launched.append(option)
        return Window()

    monkeypatch.setattr(ui.app, "launch", fake_launch)
    monkeypatch.setattr(type(qapp), "exec", lambda *_args: next(statuses))
    assert ui.app.run("folder") == 0
    assert launched == ["folder", "folder"]


# ----- the app's start with a damaged database ------------------------------------------


@pytest.fixture
def damaged_folder(tmp_path, clock) -> tuple[Path, bytes]:
    """A data folder with a good backup and then a damaged database."""
    folder = tmp_path / "data"
    big_database(folder, clock)
    make_backup(database_path(folder), backups.REASON_EXIT, clock=clock)
    return folder, damage(database_path(folder))


def start_app(qtbot, folder: Path, clock, monkeypatch):
    """The app's real start path on `folder`, until the damaged-database dialog shows."""
    monkeypatch.setattr(SafetyNet, "install", lambda self: None)  # pytest-qt reports errors
    window = ui.app.launch(str(folder), clock)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: getattr(window, "damaged_dialog", None) is not None, timeout=10000)
    dialog = window.damaged_dialog
    qtbot.waitExposed(dialog)
    return window, dialog


def finish(window) -> None:
    """Close the window and its database as `run` does."""
    window.opener.wait()
    window.close()
    if window.db is not None:
        window.db.dispose()


def test_damaged_database_at_start_restores_the_latest_backup_and_keeps_the_file(
    qtbot, damaged_folder, clock, monkeypatch
):
    folder, damaged = damaged_folder
    window, dialog = start_app(qtbot, folder, clock, monkeypatch)
    assert window.db is None  # nothing was opened for writing
    assert database_path(folder).read_bytes() == damaged
    assert dialog.windowTitle() == "Databasen er beskadiget"
    assert "har ikke ændret noget i filen" in dialog.explanation.text()
    assert "ved lukning" in dialog.offer.text()
    assert dialog.restore_button.isVisibleTo(dialog)

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)

    assert not is_read_only(window.db)
    assert [p.name for p in projects.list_projects(window.db)] == ["Mols i Udvikling"]
    [kept] = folder.glob("facilitator.db.beskadiget-????????-??????")
    assert kept.read_bytes() == damaged
    finish(window)


def test_damaged_database_opened_read_only_shows_a_banner_and_refuses_saves(
    qtbot, damaged_folder, clock, monkeypatch
):
    folder, damaged = damaged_folder
    backups_before = [b.id for b in list_backups(folder)]
    window, dialog = start_app(qtbot, folder, clock, monkeypatch)
    qtbot.mouseClick(dialog.read_only_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.db is not None)
    assert is_read_only(window.db)
    assert window.read_only_banner.isVisible()
    assert window.read_only_banner.text().startswith("Skrivebeskyttet – databasen er beskadiget")
    page = window.start_page
    assert page.project_model.rowCount() == 1  # what can be read is shown

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_N, CTRL | SHIFT)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    form = page.dialog
    qtbot.keyClicks(form.name_edit, "Nyt projekt i Agri")
    qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert form.message.text() == (
        "⚠ Databasen kan ikke skrives (skrivebeskyttet). Det indtastede er ikke gemt endnu.")
    assert form.isVisible() and form.name_edit.text() == "Nyt projekt i Agri"
    assert [p.name for p in projects.list_projects(window.db)] == ["Mols i Udvikling"]
    # The typed text cannot be saved here; Esc still asks before it is thrown away.
    seen: list[str] = []
    answer = answer_next_box("Kassér", seen)
    form.reject()
    answer.stop()
    assert seen == [DISCARD_QUESTION]
    qtbot.waitUntil(lambda: page.dialog is None)
    window.backup_if_changed()
    finish(window)
    assert database_path(folder).read_bytes() == damaged
    assert [b.id for b in list_backups(folder)] == backups_before


def test_damaged_database_without_backups_offers_read_only_and_quit(
    qtbot, tmp_path, clock, monkeypatch
):
    folder = tmp_path / "data"
    damaged = damage(big_database(folder, clock))
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda status=0: exits.append(status)))
    window, dialog = start_app(qtbot, folder, clock, monkeypatch)
    assert not dialog.restore_button.isVisibleTo(dialog)
    assert not dialog.choose_button.isEnabled()
    assert "ingen brugbar sikkerhedskopi" in dialog.offer.text()
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert exits == [1]
    assert window.db is None
    finish(window)
    assert database_path(folder).read_bytes() == damaged


def test_a_database_too_damaged_to_read_says_so_in_the_dialog(
    qtbot, damaged_folder, clock, monkeypatch
):
    folder, _damaged = damaged_folder
    path = database_path(folder)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * 3996  # page 1: the schema itself
    path.write_bytes(bytes(data))
    window, dialog = start_app(qtbot, folder, clock, monkeypatch)
    qtbot.mouseClick(dialog.read_only_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and window.db is None
    assert "heller ikke kan åbnes skrivebeskyttet" in dialog.message.text()
    assert not dialog.read_only_button.isEnabled()
    assert dialog.restore_button.isEnabled()  # restoring is still offered
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
    assert [p.name for p in projects.list_projects(window.db)] == ["Mols i Udvikling"]
    [kept] = folder.glob("facilitator.db.beskadiget-????????-??????")
    assert kept.read_bytes() == bytes(data)
    finish(window)


def test_damaged_database_restore_of_a_chosen_backup(qtbot, damaged_folder, clock, monkeypatch):
    folder, damaged = damaged_folder
    window, dialog = start_app(qtbot, folder, clock, monkeypatch)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    chooser = dialog.restore_dialog
    qtbot.waitExposed(chooser)
    answer = answer_next_box(YES)
    qtbot.mouseClick(chooser.restore_button, Qt.MouseButton.LeftButton)
    answer.stop()
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
    assert not is_read_only(window.db)
    [kept] = folder.glob("facilitator.db.beskadiget-????????-??????")
    assert kept.read_bytes() == damaged
    finish(window)


# ----- automatic backups in the running app ---------------------------------------------


def test_main_window_backs_up_every_few_minutes_and_on_exit_when_data_changed(
    qtbot, folder, app_db, clock
):
    window = shown(qtbot, MainWindow(app_db, clock))
    assert window.backup_timer.isActive()
    assert window.backup_timer.interval() == 5 * 60 * 1000
    count = len(list_backups(folder))

    clock.advance(600)
    window.backup_if_changed()
    assert len(list_backups(folder)) == count  # nothing changed

    projects.create_project(app_db, "Helgenæs", [])
    clock.advance(300)
    window.backup_timer.timeout.emit()
    assert list_backups(folder)[0].reason == "automatisk"
    assert list_backups(folder)[0].projects == 3

    projects.create_project(app_db, "Tved", [])
    window.close()
    assert not window.backup_timer.isActive()
    assert list_backups(folder)[0].reason == "ved lukning"
    assert list_backups(folder)[0].projects == 4


def test_closing_an_unchanged_window_makes_no_backup(qtbot, folder, app_db, clock):
    window = shown(qtbot, MainWindow(app_db, clock))
    before = [b.id for b in list_backups(folder)]
    clock.advance(timedelta(hours=1).total_seconds())
    window.close()
    assert [b.id for b in list_backups(folder)] == before


def test_an_emptied_database_with_backups_offers_them_instead_of_an_empty_app(
    qtbot, folder, clock, monkeypatch
):
    path = database_path(folder)
    path.write_bytes(b"")  # a sync program emptied it
    window, dialog = start_app(qtbot, folder, clock, monkeypatch)
    assert window.db is None
    assert path.read_bytes() == b""  # not replaced by an empty schema
    assert "Databasefilen er tom" in dialog.details.text()
    assert dialog.restore_button.isVisibleTo(dialog)

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.db is not None, timeout=10000)
    assert sorted(p.name for p in projects.list_projects(window.db)) == [
        "Mols i Udvikling", "اجتماع المواطنين"]
    [kept] = folder.glob("facilitator.db.beskadiget-????????-??????")
    assert kept.read_bytes() == b""
    finish(window)


def test_an_emptied_database_cannot_be_opened_read_only_but_can_be_restored(
    qtbot, folder, clock, monkeypatch
):
    database_path(folder).write_bytes(b"")
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda status=0: exits.append(status)))
    window, dialog = start_app(qtbot, folder, clock, monkeypatch)
    qtbot.mouseClick(dialog.read_only_button, Qt.MouseButton.LeftButton)
    assert window.db is None and dialog.isVisible()
    assert "er tom, så der er intet at vise" in dialog.message.text()
    assert not dialog.read_only_button.isEnabled()
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert exits == [1]
    finish(window)
    assert database_path(folder).read_bytes() == b""
