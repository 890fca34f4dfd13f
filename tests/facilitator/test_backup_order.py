"""Backups are ranked by the order they were made, not by the clock that stamped them."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from facilitator.services import backups
from facilitator.services.backup_settings import BackupSettings, save_backup_settings
from facilitator.storage.backup import latest_good_backup, list_backups, make_backup, rotate
from tests.backup_factory import add_meeting, open_folder
from tests.test_commands import cli


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def app_db(folder, clock):
    db = open_folder(folder, clock)
    add_meeting(db, ideas=1)
    yield db
    db.dispose()


def year_ahead_then_right(db, clock):
    """A backup made while the clock was a year ahead, then one after it was put right."""
    right = clock.now()
    clock.set_wall(right + timedelta(days=365))
    ahead = make_backup(db, backups.REASON_PERIODIC)
    clock.set_wall(right + timedelta(minutes=5))
    made_after = make_backup(db, backups.REASON_PERIODIC)
    assert ahead.created_at > made_after.created_at  # the stamps say the opposite of the truth
    return ahead, made_after


def test_the_backup_made_last_is_the_newest_whatever_its_stamp(folder, app_db, clock):
    ahead, made_after = year_ahead_then_right(app_db, clock)
    assert [b.id for b in list_backups(folder)] == [made_after.id, ahead.id]
    assert [b.id for b in backups.list_backups(folder)] == [made_after.id, ahead.id]
    good = latest_good_backup(folder)
    assert good is not None and good.id == made_after.id
    listed = cli("backup", "--list", "--data-dir", str(folder))
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.index(made_after.id) < listed.stdout.index(ahead.id)


def test_rotation_keeps_the_backup_made_last_even_when_its_stamp_looks_old(folder, app_db, clock):
    ahead, made_after = year_ahead_then_right(app_db, clock)
    assert rotate(folder, keep_recent=1, keep_daily_days=0) == [ahead.id]
    assert [b.id for b in list_backups(folder)] == [made_after.id]


def test_automatic_rotation_after_a_backup_keeps_the_newest_made(folder, app_db, clock):
    save_backup_settings(app_db, BackupSettings(keep_recent=2, keep_daily_days=0))
    ahead, made_after = year_ahead_then_right(app_db, clock)
    clock.advance(600)
    last = backups.backup_now(app_db, backups.REASON_PERIODIC)
    assert [b.id for b in list_backups(folder)] == [last.id, made_after.id]
    assert not ahead.path.exists()


def test_a_periodic_backup_counts_from_the_backup_made_last(folder, app_db, clock):
    backups.watch_changes(app_db)
    year_ahead_then_right(app_db, clock)
    add_meeting(app_db, "Andet møde", ideas=0)
    clock.advance(60)  # one minute after the last backup: too soon for the next
    assert backups.backup_if_changed(app_db, folder, timedelta(minutes=5)) is None
    clock.advance(300)
    assert backups.backup_if_changed(app_db, folder, timedelta(minutes=5)) is not None


def test_backups_from_before_the_order_was_kept_still_list_below_the_new_ones(
    folder, app_db, clock
):
    old = [make_backup(app_db, "automatisk") for _ in range(2)]
    for info in old:  # as an earlier version wrote them: no order number in the description
        meta = info.path.with_suffix(".json")
        data = json.loads(meta.read_text(encoding="utf-8"))
        data.pop("sequence")
        meta.write_text(json.dumps(data), encoding="utf-8")
    clock.set_wall(clock.now() - timedelta(days=2))  # the new one even carries an older stamp
    new = make_backup(app_db, "automatisk")
    assert new.sequence == 1
    assert [b.id for b in list_backups(folder)] == [new.id, old[1].id, old[0].id]
    assert [b.sequence for b in list_backups(folder)] == [1, None, None]


def test_the_order_survives_a_rewrite_for_erasure(folder, app_db, clock):
    from facilitator.storage.backup import rewrite_backups

    ahead, made_after = year_ahead_then_right(app_db, clock)
    assert rewrite_backups(folder, lambda connection: None) == 2
    assert [(b.id, b.sequence) for b in list_backups(folder)] == [
        (made_after.id, 2), (ahead.id, 1)]
