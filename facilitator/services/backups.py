"""Automatic backups (meeting closed, every few minutes while data changes, on exit) and restore.

Every backup is followed by rotation with the stored settings. Whether data
changed is asked of SQLite itself: `PRAGMA data_version` on a watching
read-only connection changes whenever any other connection commits a write.
"""

from __future__ import annotations

import logging
import sqlite3
import weakref
from datetime import timedelta
from pathlib import Path

from facilitator.clock import Clock
from facilitator.services.backup_settings import get_backup_settings
from facilitator.storage import backup as storage
from facilitator.storage.backup import (
    BACKUP_FOLDER,
    REASON_EXIT,
    REASON_MEETING_CLOSED,
    REASON_PERIODIC,
    BackupInfo,
    RestoreResult,
    reason_label,
)
from facilitator.storage.backup_files import database_file
from facilitator.storage.database import Database
from facilitator.storage.read_only import is_read_only

__all__ = [
    "BACKUP_FOLDER", "reason_label", "REASON_EXIT", "REASON_MEETING_CLOSED", "REASON_PERIODIC", "BackupInfo", "RestoreResult",
    "automatic_backup", "backup_if_changed", "backup_now", "data_folder", "latest_good_backup",
    "list_backups", "restore", "watch_changes",
]

# Logged without content or names: logs hold no personal data.
log = logging.getLogger("facilitator.backup")


class _Watch:
    """A connection that only asks `data_version`: it changes when others commit writes.

    Not opened read-only on purpose: if it is the last connection to close,
    SQLite folds the -wal into the file as it does for the app's own ones.
    """

    def __init__(self, path: Path) -> None:
        self._connection: sqlite3.Connection | None = sqlite3.connect(
            path, timeout=5, check_same_thread=False
        )
        self.seen = self.version()

    def version(self) -> int:
        """SQLite's counter of commits made by other connections."""
        if self._connection is None:
            return self.seen
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Let go of the file."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


_watches: weakref.WeakKeyDictionary[Database, _Watch] = weakref.WeakKeyDictionary()


def data_folder(db: Database) -> Path:
    """The data folder the database file lies in (its backups are in "backups" there)."""
    return database_file(db).parent


def watch_changes(db: Database) -> bool:
    """Start noticing writes to the database from now on (the app calls this once it is open).

    Returns False if the file cannot be watched; backups then go by time alone.
    """
    if db in _watches:
        return True
    if is_read_only(db):
        return False  # a damaged file gets no connection that could ever write to it
    try:
        watch = _Watch(database_file(db))
    except Exception as exc:  # watching is a convenience; it must never stop the app opening
        log.warning("cannot watch the database for changes: %s", type(exc).__name__)
        return False
    _watches[db] = watch
    db.close_with(watch.close)
    return True


def _stop_watching(db: Database) -> None:
    watch = _watches.pop(db, None)
    if watch is not None:
        watch.close()


def backup_now(db: Database, reason: str, folder: Path | None = None) -> BackupInfo:
    """Back up the open database, then rotate the backups with the stored settings."""
    folder = folder or data_folder(db)
    watch = _watches.get(db)
    # Read before the backup: a write during it makes the next check back up again.
    version = watch.version() if watch is not None else None
    info = storage.make_backup(db, reason, folder=folder)
    if watch is not None and version is not None:
        watch.seen = version
    settings = get_backup_settings(db)
    storage.rotate(folder, settings.keep_recent, settings.keep_daily_days, now=info.created_at)
    return info


def backup_if_changed(
    db: Database, folder: Path, min_interval: timedelta, reason: str = REASON_PERIODIC
) -> BackupInfo | None:
    """Back up if data changed since the last backup and `min_interval` has passed since it."""
    if is_read_only(db):
        return None  # a damaged database opened read-only changes nothing worth keeping
    watch = _watches.get(db) if watch_changes(db) else None
    if watch is not None and watch.version() == watch.seen:
        return None
    backups = storage.list_backups(folder)
    if backups:
        since = db.clock.now() - backups[0].created_at
        # A clock set back (since < 0) must not stop backups until it catches up.
        if timedelta(0) <= since < min_interval:
            return None
    return backup_now(db, reason, folder)


def automatic_backup(
    db: Database, reason: str, min_interval: timedelta | None = None
) -> BackupInfo | None:
    """An automatic backup that never raises: a failure is logged and the app carries on.

    With `min_interval` it backs up only if data changed (periodic and on exit);
    without, always (a meeting was closed).
    """
    try:
        if is_read_only(db):
            return None
        if min_interval is not None:
            return backup_if_changed(db, data_folder(db), min_interval, reason)
        return backup_now(db, reason)
    except Exception as exc:  # a backup must never break closing a meeting or the app
        log.warning("automatic backup (%s) failed: %s", reason, type(exc).__name__)
        return None


def list_backups(folder: Path) -> list[BackupInfo]:
    """The data folder's backups, newest first."""
    return storage.list_backups(folder)


def latest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup that passes its integrity check (None also if the folder is unreadable)."""
    try:
        return storage.latest_good_backup(folder)
    except OSError:
        return None


def restore(folder: Path, backup_id: str, clock: Clock, db: Database | None = None) -> RestoreResult:
    """Restore a backup into the data folder; an open `db` first lets go of the file.

    The current state is backed up first (or, if damaged, kept aside). The app
    must open the database anew afterwards: the schema may be older and is
    upgraded on opening.
    """
    if db is not None:
        # The app holds the data folder's lock through `db` for the whole restore.
        _stop_watching(db)
        db.engine.dispose()
        return storage.restore(folder, backup_id, clock)
    # No database open here (e.g. the damaged-database dialog): hold the folder
    # first, so a restore never replaces a file another Facilitator writes to.
    from facilitator.storage.folder_lock import FolderLock

    lock = FolderLock(folder)
    lock.acquire()
    try:
        return storage.restore(folder, backup_id, clock)
    finally:
        lock.release()
