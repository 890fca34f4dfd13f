"""`facilitator backup --list`, `backup --restore ID` and `check`, run as a user would, without Qt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facilitator.clock import FakeClock
from facilitator.paths import database_path
from facilitator.services import backups
from facilitator.storage.backup import list_backups, make_backup
from facilitator.storage.folder_lock import FolderLock
from tests.backup_factory import add_meeting, damage, idea_titles, open_folder
from tests.test_commands import assert_one_line_refusal, cli


def no_qt(result) -> None:
    """The last line the runner prints: the exit status and that no PySide6 module was imported."""
    assert result.stdout.splitlines()[-1].endswith("qt []"), result.stdout
    assert "Traceback" not in result.stderr + result.stdout


@pytest.fixture
def folder(tmp_path) -> Path:
    """A data folder with two meetings and a backup after each."""
    path = tmp_path / "data"
    path.mkdir()
    clock = FakeClock()
    db = open_folder(path, clock)
    add_meeting(db, "Første møde", ideas=3)
    make_backup(db, backups.REASON_MEETING_CLOSED)
    clock.advance(3600)
    add_meeting(db, "Andet møde", ideas=1)
    make_backup(db, backups.REASON_PERIODIC)
    db.dispose()
    return path


def test_list_shows_each_backup_with_its_contents(folder):
    result = cli("backup", "--list", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    no_qt(result)
    lines = result.stdout.splitlines()
    assert lines[0] == f"Sikkerhedskopier i {folder} (nyeste først):"
    newest, oldest = list_backups(folder)
    assert lines[1].startswith(newest.id) and lines[2].startswith(oldest.id)
    assert "automatisk" in lines[1] and "projekter: 1, møder: 2" in lines[1]
    assert "mødet er afsluttet" in lines[2] and "projekter: 1, møder: 1" in lines[2]
    assert re.search(r"seneste indtastning: \d\d-\d\d-2026 \d\d:\d\d", lines[1])


def test_list_of_an_empty_folder_says_so(tmp_path):
    result = cli("--data-dir", str(tmp_path), "backup", "--list")
    assert result.returncode == 0, result.stderr
    assert f"Der er ingen sikkerhedskopier i {tmp_path} endnu." in result.stdout


def test_restore_brings_the_backup_back_and_keeps_the_current_state(folder):
    oldest = list_backups(folder)[-1]
    before = idea_titles(database_path(folder))
    result = cli("backup", "--restore", oldest.id, "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    no_qt(result)
    assert f"Sikkerhedskopien {oldest.id} fra" in result.stdout
    assert "Det hidtidige indhold er gemt som sikkerhedskopi" in result.stdout
    assert len(idea_titles(database_path(folder))) == 3
    safety = list_backups(folder)[0]
    assert safety.reason == "før gendannelse" and idea_titles(safety.path) == before


def test_restore_refuses_while_the_app_holds_the_folder(folder):
    lock = FolderLock(folder)
    lock.acquire()
    try:
        before = database_path(folder).read_bytes()
        result = cli("backup", "--restore", list_backups(folder)[-1].id, "--data-dir", str(folder))
    finally:
        lock.release()
    assert_one_line_refusal(result, "kører allerede")
    assert database_path(folder).read_bytes() == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("backup", "--restore", "20990101-000000"), "ingen sikkerhedskopi med id «20990101-000000»"),
        (("backup",), "Skriv enten --list eller --restore ID."),
        (("backup", "--list", "--restore", "x"), "Skriv enten --list eller --restore ID."),
    ],
)
def test_backup_refusals_are_one_danish_line(folder, args, words):
    result = cli(*args, "--data-dir", str(folder))
    assert_one_line_refusal(result, words)


def test_restore_into_a_missing_folder_is_one_danish_line(tmp_path):
    result = cli("backup", "--restore", "x", "--data-dir", str(tmp_path / "findes-ikke"))
    assert_one_line_refusal(result, "findes ikke")


def test_check_passes_a_sound_database(folder):
    result = cli("check", "--data-dir", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    no_qt(result)
    assert "Resultat: i orden – ingen fejl fundet." in result.stdout
    assert "Sikkerhedskopier: 2;" in result.stdout


def test_check_exits_non_zero_on_damage_and_never_writes(folder):
    db = open_folder(folder, FakeClock())
    add_meeting(db, "Stort møde", ideas=40, detail="Sti langs fjorden. " * 200)
    db.dispose()
    damaged = damage(database_path(folder))
    result = cli("check", "--data-dir", str(folder))
    assert result.returncode == 1
    no_qt(result)
    assert "Resultat: BESKADIGET" in result.stdout
    assert "facilitator backup --restore ID" in result.stdout
    assert database_path(folder).read_bytes() == damaged


def test_check_without_a_database_is_one_danish_line(tmp_path):
    result = cli("check", "--data-dir", str(tmp_path))
    assert_one_line_refusal(result, f"Der er ingen database i {tmp_path}.")
