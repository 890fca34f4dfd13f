"""A damaged database is found, reported in Danish, never written to, and can be read read-only."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from facilitator.data_door import Purpose, open_data_folder
from facilitator.paths import database_path
from facilitator.services import backups, projects
from facilitator.storage.backup import list_backups, make_backup
from facilitator.storage.database import StorageError, describe_error
from facilitator.storage.integrity import (
    DatabaseDamaged,
    empty_problem,
    integrity_check,
    integrity_report,
    problems_at_start,
    problems_for_check,
    quick_check,
    refuse_if_damaged,
)
from facilitator.storage.read_only import is_read_only
from tests.backup_factory import big_database, damage, idea_titles
from tests.folder_holder import held_by_another_process


@pytest.fixture(scope="module")
def sound_file(tmp_path_factory) -> Path:
    """A real database file of many pages, checkpointed (made once)."""
    from facilitator.clock import FakeClock

    return big_database(tmp_path_factory.mktemp("sound"), FakeClock())


@pytest.fixture
def folder(tmp_path, sound_file) -> Path:
    """A data folder holding a copy of the sound database."""
    path = tmp_path / "data"
    path.mkdir()
    shutil.copy(sound_file, database_path(path))
    return path


def test_a_sound_database_passes(folder):
    assert quick_check(database_path(folder)) == []
    assert integrity_check(database_path(folder)) == []
    refuse_if_damaged(database_path(folder))
    report = integrity_report(database_path(folder))
    assert "Resultat: i orden" in report
    assert "skemaversion: " in report


def test_overwritten_pages_are_reported_and_the_file_is_not_touched(folder):
    path = database_path(folder)
    damaged = damage(path)
    problems = quick_check(path)
    assert problems, "quick_check found nothing wrong"
    assert integrity_check(path)
    with pytest.raises(DatabaseDamaged) as refused:
        refuse_if_damaged(path)
    assert refused.value.problems == problems
    assert "beskadiget" in refused.value.message
    report = integrity_report(path)
    assert "BESKADIGET" in report and "facilitator backup --restore ID" in report
    assert path.read_bytes() == damaged
    wal = Path(str(path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


@pytest.mark.parametrize(
    "content", [b"this is not a database" * 300, b"SQLite format 3\x00" + b"\xff" * 5000]
)
def test_a_file_that_is_no_database_gives_problems_never_an_exception(tmp_path, content):
    path = tmp_path / "facilitator.db"
    path.write_bytes(content)
    problems = quick_check(path)
    assert len(problems) == 1
    assert "læsbar database" in problems[0] or "beskadiget" in problems[0] or "læses" in problems[0]
    assert path.read_bytes() == content


def test_a_missing_file_is_a_problem_for_the_check_but_fine_at_start(tmp_path):
    path = tmp_path / "facilitator.db"
    assert quick_check(path) == [f"Filen findes ikke: {path}"]
    refuse_if_damaged(path)  # a first start creates it
    assert not path.exists()


def test_read_only_mode_reads_and_refuses_a_save_in_danish(folder, clock):
    path = database_path(folder)
    damage(path)
    before = path.read_bytes()
    db = open_data_folder(folder, clock, Purpose.SALVAGE).database
    try:
        assert is_read_only(db)
        assert [p.name for p in projects.list_projects(db)] == ["Mols i Udvikling"]
        with pytest.raises(Exception) as refused:
            projects.create_project(db, "Nyt projekt", ["Agri"])
        assert describe_error(refused.value) == (
            "Databasen kan ikke skrives (skrivebeskyttet). Det indtastede er ikke gemt endnu."
        )
        with pytest.raises(StorageError, match="skrivebeskyttet"):
            db.migrate()
        # Nor do automatic backups touch it, nor does any connection that could write.
        assert backups.automatic_backup(db, backups.REASON_PERIODIC) is None
        assert backups.watch_changes(db) is False
    finally:
        db.dispose()
    assert path.read_bytes() == before
    assert list_backups(folder) == []


def test_read_only_mode_holds_the_data_folder_lock(folder, clock):
    damage(database_path(folder))
    db = open_data_folder(folder, clock, Purpose.SALVAGE).database
    try:
        # A second app (a second process) is refused while the damaged file is shown.
        with pytest.raises(AssertionError, match="did not get the folder"):
            with held_by_another_process(folder, "lock"):
                pass
    finally:
        db.dispose()
    with held_by_another_process(folder, "lock"):
        pass


def test_restore_over_a_damaged_database_keeps_it_aside_unchanged(folder, clock, sound_file):
    path = database_path(folder)
    good = make_backup(path, "test", clock=clock)
    damaged = damage(path)

    result = backups.restore(folder, good.id, clock)

    assert result.safety is None  # a damaged file is not "backed up": it is kept as it is
    assert result.damaged_copy is not None
    assert result.damaged_copy.name.startswith("facilitator.db.beskadiget-")
    assert result.damaged_copy.read_bytes() == damaged
    assert quick_check(path) == []
    assert idea_titles(path) == idea_titles(sound_file)


def test_latest_good_backup_skips_a_damaged_one(folder, clock):
    path = database_path(folder)
    good = make_backup(path, "test", clock=clock)
    clock.advance(60)
    bad = make_backup(path, "test", clock=clock)
    damage(bad.path)
    assert backups.latest_good_backup(folder) == good


# ----- an emptied database while backups exist ---------------------------------------------


@pytest.mark.parametrize("emptied", ["zero bytes", "no tables"])
def test_an_emptied_database_counts_as_damaged_only_when_backups_exist(folder, clock, emptied):
    path = database_path(folder)
    if emptied == "zero bytes":
        path.write_bytes(b"")
    else:
        path.unlink()
        with closing(sqlite3.connect(path)) as connection:  # a valid file without a single table
            connection.execute("PRAGMA user_version = 7")
        assert path.stat().st_size > 0
    assert problems_at_start(path) == []  # no backups: simply a new database
    refuse_if_damaged(path)

    make_backup(_a_backup_source(folder), "test", clock=clock, folder=folder)
    assert problems_at_start(path) == [empty_problem()]
    assert problems_for_check(path) == [empty_problem()]
    with pytest.raises(DatabaseDamaged, match="fordi den er tom"):
        refuse_if_damaged(path)
    assert "BESKADIGET" in integrity_report(path)


def _a_backup_source(folder: Path) -> Path:
    """A small real database beside the data folder to back up."""
    from facilitator.clock import FakeClock
    from tests.backup_factory import add_meeting, checkpointed, open_folder

    other = folder.parent / "other"
    db = open_folder(other, FakeClock())
    add_meeting(db, ideas=1)
    return checkpointed(db)


def test_restoring_over_an_emptied_database_keeps_it_aside(folder, clock):
    path = database_path(folder)
    good = make_backup(path, "test", clock=clock)
    path.write_bytes(b"")
    result = backups.restore(folder, good.id, clock)
    assert result.safety is None  # an emptied file is not "backed up" as the newest state
    assert result.damaged_copy is not None and result.damaged_copy.read_bytes() == b""
    assert [b.id for b in list_backups(folder)] == [good.id]
    assert quick_check(path) == []
