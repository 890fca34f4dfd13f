"""The data folder: checked writable before use, and held by one running app at a time."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from facilitator.clock import Clock
from facilitator.i18n import _
from facilitator.paths import database_path
from facilitator.storage.database import Database, StorageError
from facilitator.storage.stale_files import remove_stale_copies

LOCK_FILE = "facilitator.lock"


def ensure_writable(folder: Path) -> None:
    """Create the folder if needed and prove it can be written, with a Danish message if not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".facilitator-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StorageError(
            _("Datamappen {folder} kan ikke skrives ({reason}). Vælg en anden mappe med "
              "--data-dir, eller bed IT om adgang.").format(folder=folder, reason=exc.strerror or exc)
        ) from exc


class InstanceLock:
    """An exclusive OS lock on the data folder, released when the process ends (even on kill -9).

    Two windows on one database would each believe they run the live meeting
    and would end each other's speaker turns; the second one is refused.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self._file: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock or raise StorageError with a Danish message."""
        # Private like everything in the data folder (it only holds the process id).
        handle = os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600), "r+b")
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise StorageError(
                _("Facilitator kører allerede med de samme data (måske i et andet vindue). "
                  "Brug det åbne vindue, eller luk det først.")
            ) from exc
        handle.truncate(0)
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._file = handle

    def release(self) -> None:
        """Let go of the lock."""
        if self._file is not None:
            self._file.close()
            self._file = None


def open_app_database(folder: Path, clock: Clock) -> Database:
    """Open the data folder for the app: writable, locked to this process, cleared, migrated.

    Cleared: half-written backups and brief previews a killed app left behind
    (they may hold names an erasure has removed since) are deleted.

    The lock is released when the database is disposed, or by the OS when the
    process ends, even after kill -9.
    """
    ensure_writable(folder)
    lock = InstanceLock(folder)
    lock.acquire()
    try:
        # Held by this process now: no other app writes a backup or shows a preview here.
        remove_stale_copies(folder)
        db = Database.open_file(database_path(folder), clock)
    except BaseException:
        lock.release()
        raise
    db.close_with(lock.release)
    return db
