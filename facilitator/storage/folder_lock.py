"""One Facilitator per data folder: an OS lock on the folder itself, held by the process.

Two apps on one database would each believe they run the live meeting and end
each other's speaker turns, and `demo` or a restore would write under a running
app; the second one is refused. The lock is the operating system's, so it goes
when the process ends, even by kill -9, and nothing is left to clean up.

On POSIX it is `flock` on the data folder's own directory descriptor: no file
that could be deleted by accident (the old `facilitator.lock`) carries it, and
SQLite's own locks on the database file (fcntl locks, dropped when any
descriptor of that file closes) are left alone. On Windows it is a byte lock on
`facilitator.lock`, held open, which Windows does not let anyone delete.

Within one process the folder is held once: a second hold of the same folder
(the damaged-database dialog restoring a backup, the app reopening after a
restore) shares it, and the OS lock goes when the last hold is released. A
second app is always a second process.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from facilitator.i18n import _
from facilitator.storage.database import StorageError
from facilitator.storage.os_errors import describe_os_error

LOCK_FILE = "facilitator.lock"  # Windows only; on POSIX the folder itself is locked
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_BUSY = {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


class FolderInUse(StorageError):
    """Another Facilitator (another process) holds the data folder."""

    def __init__(self) -> None:
        super().__init__(
            _("Facilitator kører allerede med de samme data (måske i et andet vindue). "
              "Brug det åbne vindue, eller luk det først.")
        )


@dataclass
class _Held:
    descriptor: int
    holds: int


_held: dict[object, _Held] = {}
_registry = threading.Lock()


def _open_posix(folder: Path) -> tuple[object, int]:
    descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    info = os.fstat(descriptor)
    # The same folder reached by another path (a symlink) is still the same folder.
    return (info.st_dev, info.st_ino), descriptor


def _open_windows(folder: Path) -> tuple[object, int]:
    descriptor = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    return os.path.normcase(os.path.realpath(folder)), descriptor


def _lock(descriptor: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


class FolderLock:
    """A hold on a data folder for this process; `acquire` refuses if another process holds it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._key: object | None = None

    def acquire(self) -> None:
        """Hold the folder, or raise StorageError with a Danish message."""
        if self._key is not None:
            return
        try:
            key, descriptor = (_open_windows if sys.platform == "win32" else _open_posix)(
                self.folder)
        except OSError as exc:
            if sys.platform == "win32" and exc.errno in _READ_ONLY:
                # No lock file can be made where nothing can be written: nor can another app
                # write there, so there is nothing to guard (a read-only USB stick).
                return
            raise StorageError(
                _("Datamappen {folder} kan ikke bruges ({reason}).").format(
                    folder=self.folder, reason=describe_os_error(exc))
            ) from exc
        with _registry:
            held = _held.get(key)
            if held is not None:
                os.close(descriptor)
                held.holds += 1
                self._key = key
                return
            try:
                _lock(descriptor)
            except OSError as exc:
                os.close(descriptor)
                if exc.errno in _BUSY:
                    raise FolderInUse() from exc
                raise StorageError(
                    _("Datamappen {folder} kan ikke låses ({reason}), så Facilitator kan ikke "
                      "sikre, at kun ét program bruger den. Vælg en mappe på computerens egen "
                      "disk.").format(folder=self.folder, reason=describe_os_error(exc))
                ) from exc
            _held[key] = _Held(descriptor, 1)
            self._key = key

    def keep_for_process(self) -> None:
        """Hold the folder until the process ends, whatever is released meanwhile."""
        with _registry:
            if self._key is not None:
                _held[self._key].holds += 1

    def release(self) -> None:
        """Let go of this hold; the OS lock goes with the process's last hold."""
        with _registry:
            key, self._key = self._key, None
            held = _held.get(key) if key is not None else None
            if held is None:
                return
            held.holds -= 1
            if held.holds == 0:
                del _held[key]
                os.close(held.descriptor)
