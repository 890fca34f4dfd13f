"""Backups: made with the online backup API (the -wal included), listed, rotated, restored."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from facilitator import live_meeting
from facilitator.clock import FakeClock
from facilitator.domain.enums import MeetingStatus
from facilitator.live_meeting import LiveMeeting
from facilitator.paths import database_path
from facilitator.services import backups, capture, meetings, projects
from facilitator.services.backup_settings import (
    BackupSettings,
    get_backup_settings,
    save_backup_settings,
)
from facilitator.storage import backup
from facilitator.storage.backup import list_backups, make_backup, rotate
from facilitator.storage.database import Database, StorageError
from facilitator.storage.integrity import quick_check
from tests.backup_factory import add_meeting, copy_fixture, idea_titles, open_folder
from tests.facilitator.test_migrations import snapshot

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture
def folder(tmp_path) -> Path:
    """An empty data folder."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def app_db(folder, clock):
    """The data folder's database, open."""
    db = open_folder(folder, clock)
    yield db
    db.dispose()


def test_backup_holds_what_is_still_in_the_wal(folder, app_db):
    add_meeting(app_db, ideas=0)
    meeting = meetings.list_meetings(app_db, projects.list_projects(app_db)[0].id)[0]
    capture.add_idea(app_db, meeting.id, capture.IdeaInput("MARKØR-i-wal-filen"))
    main, wal = database_path(folder), Path(str(database_path(folder)) + "-wal")
    # The row is committed but not checkpointed: only the -wal holds it. A file copy would lose it.
    assert wal.stat().st_size > 0
    assert "MARKØR-i-wal-filen".encode() not in main.read_bytes()
    assert "MARKØR-i-wal-filen".encode() in wal.read_bytes()
    main_before = main.read_bytes()

    info = make_backup(app_db, "test")

    assert "MARKØR-i-wal-filen" in idea_titles(info.path)
    assert main.read_bytes() == main_before  # the backup never checkpoints the source
    with sqlite3.connect(info.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not Path(str(info.path) + "-wal").exists()
    assert info.path.parent == folder / "backups"


@posix_only
def test_backups_folder_and_files_are_readable_by_the_user_only(folder, app_db):
    os.umask(0o022)  # the usual umask would give 0755/0644
    add_meeting(app_db)
    info = make_backup(app_db, "test")
    assert stat.S_IMODE((folder / "backups").stat().st_mode) == 0o700
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(info.path.with_suffix(".json").stat().st_mode) == 0o600


def test_list_shows_what_each_backup_holds_newest_first(folder, app_db, clock):
    add_meeting(app_db, "Første møde")
    first = make_backup(app_db, backups.REASON_MEETING_CLOSED)
    clock.advance(3600)
    add_meeting(app_db, "Andet møde")
    projects.create_project(app_db, "Helgenæs Lokalråd", [])
    last_idea_at = clock.now()
    second = make_backup(app_db, backups.REASON_PERIODIC)
    third = make_backup(app_db, backups.REASON_EXIT)  # the same second as the second one

    found = list_backups(folder)

    assert [b.id for b in found] == [third.id, second.id, first.id]
    assert third.id == f"{second.id}-2"
    assert [(b.projects, b.meetings) for b in found] == [(2, 2), (2, 2), (1, 1)]
    assert [b.reason for b in found] == ["ved lukning", "automatisk", "mødet er afsluttet"]
    assert found[0].last_entry == last_idea_at
    assert found[2].last_entry == datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
    assert found[0].created_at == last_idea_at


def test_list_reads_a_backup_whose_description_was_lost(folder, app_db):
    add_meeting(app_db)
    info = make_backup(app_db, "test")
    info.path.with_suffix(".json").unlink()
    [found] = list_backups(folder)
    assert (found.id, found.projects, found.meetings, found.reason) == (info.id, 1, 1, "")


def backup_at(folder: Path, when: datetime) -> str:
    """A backup of the folder's database made at `when`."""
    return make_backup(database_path(folder), "test", clock=FakeClock(when)).id


def test_rotation_keeps_the_newest_and_the_last_of_each_day(folder, app_db):
    add_meeting(app_db, ideas=0)
    day = datetime(2026, 3, 10, 12, 0).astimezone()
    made = {}
    # Five days back, three backups a day (at 09, 12, 15).
    for back in range(5, -1, -1):
        for hour in (9, 12, 15):
            when = (day - timedelta(days=back)).replace(hour=hour)
            made[(back, hour)] = backup_at(folder, when)

    deleted = rotate(folder, keep_recent=4, keep_daily_days=3)

    kept = {b.id for b in list_backups(folder)}
    newest_four = {made[(0, 15)], made[(0, 12)], made[(0, 9)], made[(1, 15)]}
    daily = {made[(0, 15)], made[(1, 15)], made[(2, 15)]}  # three days, the last of each
    assert kept == newest_four | daily
    assert set(deleted) == set(made.values()) - kept
    assert not any((folder / "backups").glob("*.partial"))
    for backup_id in deleted:
        assert not (folder / "backups" / f"facilitator-{backup_id}.json").exists()


def test_rotation_never_deletes_the_newest(folder, app_db):
    add_meeting(app_db, ideas=0)
    ids = [backup_at(folder, datetime(2026, 3, day, 10, 0, tzinfo=UTC)) for day in (1, 2)]
    assert rotate(folder, keep_recent=0, keep_daily_days=0) == [ids[0]]
    assert [b.id for b in list_backups(folder)] == [ids[1]]


def test_rotation_settings_have_defaults_and_are_used_after_each_backup(folder, app_db):
    assert get_backup_settings(app_db) == BackupSettings(keep_recent=10, keep_daily_days=30)
    save_backup_settings(app_db, BackupSettings(keep_recent=2, keep_daily_days=0))
    add_meeting(app_db, ideas=0)
    made = [backups.backup_now(app_db, backups.REASON_PERIODIC).id for _ in range(4)]
    assert [b.id for b in list_backups(folder)] == made[:1:-1]


@pytest.mark.parametrize("value", ["", "mange", "-3", "0", "99999", "٣"])
def test_rotation_settings_fall_back_to_defaults_on_bad_values(app_db, value):
    from facilitator.storage.models import Setting

    with app_db.session() as s:
        s.add(Setting(key="backup_keep_recent", value=value))
        s.commit()
    assert get_backup_settings(app_db).keep_recent == (10 if value != "٣" else 3)


def test_rotation_settings_refuse_out_of_range_in_danish(app_db):
    from facilitator.domain.validation import ValidationError

    with pytest.raises(ValidationError, match="mellem 1 og"):
        save_backup_settings(app_db, BackupSettings(keep_recent=0))
    assert get_backup_settings(app_db) == BackupSettings()


def test_restore_backs_up_the_current_state_first_and_brings_data_back(folder, clock):
    db = open_folder(folder, clock)
    meeting = add_meeting(db, ideas=2)
    old = make_backup(db, "test")
    clock.advance(120)
    capture.add_idea(db, meeting.id, capture.IdeaInput("Kom til efter sikkerhedskopien"))
    now_titles = idea_titles(database_path(folder))

    result = backups.restore(folder, old.id, clock, db)
    db.dispose()

    assert result.restored.id == old.id
    assert result.safety is not None and result.safety.reason == "før gendannelse"
    assert idea_titles(result.safety.path) == now_titles  # the state before is kept
    assert "Kom til efter sikkerhedskopien" not in idea_titles(database_path(folder))
    reopened = open_folder(folder, clock)
    try:
        assert sorted(i.title for i in capture.list_ideas(reopened, meeting.id)) == [
            "Idé nummer 0 ☕ Cafe\u0301", "Idé nummer 1 ☕ Cafe\u0301"]
    finally:
        reopened.dispose()
    assert quick_check(database_path(folder)) == []


def test_restore_of_an_unknown_or_damaged_backup_is_refused_and_changes_nothing(folder, app_db):
    add_meeting(app_db)
    info = make_backup(app_db, "test")
    before = idea_titles(database_path(folder))
    with pytest.raises(StorageError, match="ingen sikkerhedskopi med id «findes-ikke»"):
        backup.restore(folder, "findes-ikke", app_db.clock)
    info.path.write_bytes(b"ikke en database" * 400)
    with pytest.raises(StorageError, match="selv beskadiget"):
        backup.restore_backup(folder, info.id, app_db.clock)
    assert idea_titles(database_path(folder)) == before
    assert len(list_backups(folder)) == 1  # no safety backup for a refused restore


def test_before_a_migration_a_backup_of_the_old_schema_is_made(folder, clock):
    path = copy_fixture("schema_0001.db", folder)
    before = snapshot(path)
    db = Database.open_file(path, clock)
    db.dispose()
    [info] = list_backups(folder)
    assert info.reason == "før opgradering"
    with sqlite3.connect(info.path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert snapshot(info.path) == before
    assert (info.projects, info.meetings) == (1, 1)


def test_no_backup_for_a_new_or_current_database(folder, clock):
    db = open_folder(folder, clock)
    add_meeting(db)
    db.dispose()
    open_folder(folder, clock).dispose()
    assert list_backups(folder) == []


def test_no_migration_without_its_backup(folder, clock, monkeypatch):
    path = copy_fixture("schema_0001.db", folder)

    def fail(*_args, **_kwargs):
        raise StorageError("Disken er fuld.")

    monkeypatch.setattr(backup, "make_backup", fail)
    with pytest.raises(StorageError, match="opgraderes ikke.*Disken er fuld"):
        Database.open_file(path, clock)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_closing_a_meeting_makes_a_backup_of_it(folder, app_db, clock):
    meeting = add_meeting(app_db)
    session = LiveMeeting.start(app_db, meeting.id, clock)
    clock.advance(600)
    session.close()
    [info] = list_backups(folder)
    assert info.reason == "mødet er afsluttet"
    with sqlite3.connect(info.path) as connection:
        status = connection.execute("SELECT status FROM meeting").fetchone()[0]
    assert status == MeetingStatus.CLOSED.value


def test_a_failing_backup_never_stops_a_meeting_closing(folder, app_db, clock, monkeypatch):
    meeting = add_meeting(app_db)
    calls = []

    def broken(db):
        calls.append(db)
        raise OSError("disk full")

    monkeypatch.setattr(live_meeting, "backup_after_close", broken)
    session = LiveMeeting.start(app_db, meeting.id, clock)
    assert session.close().status is MeetingStatus.CLOSED
    assert calls == [app_db]
    assert meetings.get_meeting(app_db, meeting.id).status is MeetingStatus.CLOSED

    def refuse(*_args, **_kwargs):
        raise StorageError("no")

    monkeypatch.setattr(backup, "make_backup", refuse)
    assert backups.automatic_backup(app_db, backups.REASON_MEETING_CLOSED) is None


def test_periodic_backup_only_when_data_changed(folder, app_db, clock):
    every = timedelta(minutes=5)
    backups.watch_changes(app_db)
    clock.advance(600)
    assert backups.backup_if_changed(app_db, folder, every) is None  # nothing written yet

    add_meeting(app_db)
    clock.advance(600)
    first = backups.backup_if_changed(app_db, folder, every)
    assert first is not None and first.reason == "automatisk"
    clock.advance(600)
    assert backups.backup_if_changed(app_db, folder, every) is None  # unchanged since

    projects.list_projects(app_db)  # reading is no change
    clock.advance(600)
    assert backups.backup_if_changed(app_db, folder, every) is None

    projects.create_project(app_db, "Helgenæs", [])
    second = backups.backup_if_changed(app_db, folder, every)
    assert second is not None and second.projects == 2

    projects.create_project(app_db, "Tved", [])
    clock.advance(60)
    assert backups.backup_if_changed(app_db, folder, every) is None  # too soon after the last
    clock.advance(240)
    third = backups.backup_if_changed(app_db, folder, every)
    assert third is not None and third.projects == 3
    assert [b.id for b in list_backups(folder)] == [third.id, second.id, first.id]


def test_watching_for_changes_leaves_no_wal_behind_on_exit(folder, clock):
    db = open_folder(folder, clock)
    assert backups.watch_changes(db)
    add_meeting(db)
    db.dispose()
    # The watching connection closes last and folds the -wal in, as the app's own would.
    assert not Path(str(database_path(folder)) + "-wal").exists()
    assert len(idea_titles(database_path(folder))) == 2


def test_a_meeting_close_backup_counts_as_the_latest(folder, app_db, clock):
    backups.watch_changes(app_db)
    meeting = add_meeting(app_db)
    LiveMeeting.start(app_db, meeting.id, clock).close()
    clock.advance(3600)
    assert backups.backup_if_changed(app_db, folder, timedelta(minutes=5)) is None
    assert len(list_backups(folder)) == 1


def test_a_clock_set_back_does_not_stop_periodic_backups(folder, app_db, clock):
    backups.watch_changes(app_db)
    add_meeting(app_db)
    assert backups.backup_if_changed(app_db, folder, timedelta(minutes=5)) is not None
    clock.set_wall(clock.now() - timedelta(days=1))
    projects.create_project(app_db, "Tved", [])
    assert backups.backup_if_changed(app_db, folder, timedelta(minutes=5)) is not None


def test_rewrite_backups_applies_a_change_and_leaves_no_trace_in_the_file(folder, app_db, clock):
    meeting = add_meeting(app_db, ideas=0)
    capture.add_idea(app_db, meeting.id, capture.IdeaInput("Jens Jensens private idé"))
    make_backup(app_db, "test")
    clock.advance(60)
    make_backup(app_db, "test")

    def forget(connection: sqlite3.Connection) -> None:
        connection.execute("UPDATE idea SET title = 'anonym' WHERE title LIKE 'Jens%'")

    assert backup.rewrite_backups(folder, forget) == 2
    for info in list_backups(folder):
        assert idea_titles(info.path) == ["anonym"]
        assert b"Jens Jensen" not in info.path.read_bytes()
        assert quick_check(info.path) == []


def test_a_restore_without_an_open_database_is_refused_while_another_app_holds_the_folder(tmp_path, clock):
    from facilitator.services import backups as backup_service
    from facilitator.storage.backup import make_backup
    from tests.folder_holder import held_by_another_process

    first = Database.open_file(tmp_path / "facilitator.db", clock)
    info = make_backup(first, "automatisk")
    first.dispose()
    with held_by_another_process(tmp_path):
        with pytest.raises(StorageError, match="kører allerede"):
            backup_service.restore(tmp_path, info.id, clock)
    assert backup_service.restore(tmp_path, info.id, clock).restored.id == info.id


def test_an_unreadable_backup_and_a_damaged_copy_are_scrubbed_not_blocking(folder, app_db, clock):
    meeting = add_meeting(app_db, ideas=0)
    capture.add_idea(app_db, meeting.id, capture.IdeaInput("Jens Jensens private idé"))
    good = make_backup(app_db, "test")
    clock.advance(60)
    spoiled = make_backup(app_db, "test")
    data = bytearray(spoiled.path.read_bytes())
    data[100:4096] = b"\x00" * (4096 - 100)  # the header page is gone: SQLite cannot open it
    spoiled.path.write_bytes(bytes(data))
    damaged_copy = folder / "facilitator.db.beskadiget-20260303-190000"
    damaged_copy.write_bytes(b"garbage " + b"Jens Jensen" + b" more garbage")

    def forget(connection: sqlite3.Connection) -> None:
        connection.execute("UPDATE idea SET title = 'anonym' WHERE title LIKE 'Jens%'")

    assert backup.rewrite_backups(folder, forget, ["Jens Jensen"]) == 1
    assert idea_titles(good.path) == ["anonym"]
    for path in (spoiled.path, damaged_copy):
        assert b"Jens Jensen" not in path.read_bytes()
    assert len(damaged_copy.read_bytes()) == len(b"garbage Jens Jensen more garbage")


def test_rotation_keeps_the_backup_made_before_a_restore(folder, app_db):
    from facilitator.storage.backup import REASON_BEFORE_RESTORE

    add_meeting(app_db, ideas=0)
    start = datetime(2026, 3, 10, 9, 0).astimezone()
    before_restore = make_backup(
        database_path(folder), REASON_BEFORE_RESTORE, clock=FakeClock(start)
    ).id
    later = [backup_at(folder, start + timedelta(minutes=5 * n)) for n in range(1, 15)]
    rotate(folder, keep_recent=3, keep_daily_days=30)
    kept = {b.id for b in list_backups(folder)}
    assert before_restore in kept and set(later[-3:]) <= kept
