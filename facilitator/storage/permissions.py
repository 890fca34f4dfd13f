"""Files that hold citizens' data are readable by the user only: folder 0700, database 0600.

Like a umask of 077, applied right where the files are made: group and other
bits are taken away, the owner's bits are left as they are (a database the
owner made read-only stays read-only). POSIX only; on Windows the user's
profile folder already keeps other users out.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def _owner_only(path: Path) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        os.chmod(path, mode & 0o700)


def private_folder(folder: Path) -> None:
    """Take group/other access away from the data folder (not from a shared or the home folder)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        info = folder.stat()
        # A sticky folder (/tmp) is shared by design, and the home folder is not ours to change.
        if info.st_mode & stat.S_ISVTX or info.st_uid != os.getuid() or folder == Path.home():
            return
        _owner_only(folder)


def private_database(path: Path) -> None:
    """Create the database file 0600 if it is missing, and tighten it and its -wal/-shm.

    SQLite gives a new -wal and -shm the database file's permissions, so a
    0600 database file makes them 0600 too.
    """
    if os.name != "posix":
        return
    with contextlib.suppress(FileExistsError):
        # An empty file is a valid empty SQLite database.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    for candidate in (path, *(path.with_name(path.name + s) for s in SQLITE_COMPANIONS)):
        # Best effort: a file we do not own is reported by SQLite when it is opened, if at all.
        with contextlib.suppress(OSError):
            if candidate.exists():
                _owner_only(candidate)
