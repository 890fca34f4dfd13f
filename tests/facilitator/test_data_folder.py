"""The data folder is held by one app at a time, through the one door; a second one is refused."""

from __future__ import annotations

import os
import sqlite3

import pytest

from facilitator.data_door import START_CLEANUP, Purpose, open_data_folder
from facilitator.paths import database_path
from facilitator.services import projects
from facilitator.storage.database import Database, StorageError
from facilitator.storage.folder_lock import LOCK_FILE, FolderLock
from facilitator.storage.integrity import DatabaseDamaged
from tests.backup_factory import big_database, damage
from tests.folder_holder import held_by_another_process


def test_second_app_on_the_same_folder_is_refused_and_changes_nothing(tmp_path, clock) -> None:
    with held_by_another_process(tmp_path):
        before = database_path(tmp_path).read_bytes()
        with pytest.raises(StorageError, match="kører allerede"):
            open_data_folder(tmp_path, clock, Purpose.APP)
        assert database_path(tmp_path).read_bytes() == before
    # The OS frees the lock when the holder dies, even by kill -9.
    with open_data_folder(tmp_path, clock, Purpose.EDIT) as opened:
        assert projects.list_projects(opened.database) == []


@pytest.mark.parametrize("purpose", list(Purpose))
def test_every_purpose_is_refused_while_another_app_holds_the_folder(tmp_path, clock, purpose):
    Database.open_file(database_path(tmp_path), clock).dispose()
    with held_by_another_process(tmp_path), pytest.raises(StorageError, match="kører allerede"):
        open_data_folder(tmp_path, clock, purpose)


def test_deleting_the_lock_file_does_not_free_the_folder(tmp_path, clock) -> None:
    with held_by_another_process(tmp_path):
        # What a user (or a cleaning tool) might delete by accident: every file but the data.
        (tmp_path / LOCK_FILE).unlink(missing_ok=True)
        assert not (tmp_path / LOCK_FILE).exists()
        with pytest.raises(StorageError, match="kører allerede"):
            open_data_folder(tmp_path, clock, Purpose.APP)


def test_the_lock_is_released_when_the_database_is_disposed(tmp_path, clock) -> None:
    opened = open_data_folder(tmp_path, clock, Purpose.EDIT)
    opened.database.dispose()
    with held_by_another_process(tmp_path, "lock"):
        pass  # another process got it


def test_the_window_holds_its_folder_until_the_process_ends(tmp_path, clock) -> None:
    opened = open_data_folder(tmp_path, clock, Purpose.APP)
    opened.close()
    # Closed, but a restore or a reopen in this process must not let another app in between.
    with pytest.raises(AssertionError, match="did not get the folder"):
        with held_by_another_process(tmp_path, "lock"):
            pass


def test_holds_in_one_process_share_the_lock(tmp_path) -> None:
    first, second = FolderLock(tmp_path), FolderLock(tmp_path)
    first.acquire()
    second.acquire()
    first.release()
    with pytest.raises(AssertionError, match="did not get the folder"):
        with held_by_another_process(tmp_path, "lock"):
            pass
    second.release()
    with held_by_another_process(tmp_path, "lock"):
        pass


def test_a_damaged_database_is_refused_before_anything_writes(tmp_path, clock) -> None:
    folder = tmp_path / "data"
    path = database_path(big_database(folder, clock).parent)
    damaged = damage(path)
    for purpose in (Purpose.APP, Purpose.EDIT, Purpose.READ):
        with pytest.raises(DatabaseDamaged):
            open_data_folder(folder, clock, purpose)
    assert path.read_bytes() == damaged
    assert not (folder / "backups").exists()  # not even a backup "before upgrade"


def test_start_cleanup_runs_once_the_folder_is_held_and_only_where_it_can_write(
    tmp_path, clock, monkeypatch
) -> None:
    seen: list[object] = []

    def tidy(folder):
        # Held by now: another process cannot take the folder while this runs.
        with pytest.raises(AssertionError, match="did not get the folder"):
            with held_by_another_process(folder, "lock"):
                pass
        seen.append(folder)

    monkeypatch.setattr("facilitator.data_door.START_CLEANUP", [*START_CLEANUP, tidy])
    with open_data_folder(tmp_path, clock, Purpose.EDIT):
        pass
    with open_data_folder(tmp_path, clock, Purpose.CHECK):
        pass
    assert seen == [tmp_path]


def test_an_empty_file_without_backups_is_a_new_database(tmp_path, clock) -> None:
    database_path(tmp_path).write_bytes(b"")
    database_path(tmp_path).chmod(0o600)
    with open_data_folder(tmp_path, clock, Purpose.APP) as opened:
        assert projects.list_projects(opened.database) == []
    with sqlite3.connect(database_path(tmp_path)) as connection:
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


def test_the_write_probe_leaves_nothing_behind(tmp_path, clock) -> None:
    with open_data_folder(tmp_path, clock, Purpose.EDIT):
        pass
    names = {p.name for p in tmp_path.iterdir()}
    assert names <= {"facilitator.db", "facilitator.db-wal", "facilitator.db-shm"}
    assert os.name != "posix" or LOCK_FILE not in names


def test_nothing_in_the_app_opens_a_database_or_locks_a_folder_but_the_door():
    """The one door stays the only one: no command or window opens a database file directly."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    allowed = {
        "facilitator/data_door.py",  # the door
        "facilitator/storage/database.py",  # defines open_file
        "facilitator/storage/read_only.py",  # defines open_read_only_file
        "facilitator/storage/folder_lock.py",  # defines FolderLock
        "facilitator/services/backups.py",  # a restore holds the folder (shared with the app's hold)
    }
    calls = re.compile(r"\b(Database\.open_file|open_read_only_file|FolderLock|ReadOnlyDatabase)\(")
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("facilitator", "ui")
        for path in sorted((root / folder).rglob("*.py"))
        if str(path.relative_to(root)) not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if calls.search(line)
    ]
    assert offenders == []
