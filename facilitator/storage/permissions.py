"""Files that hold citizens' data are readable by the user only: folder 0700, database 0600.

Only what the app makes itself is made private: a data folder it creates is
0700, a database file it creates 0600 (SQLite gives the -wal and -shm the
database file's permissions). A folder that already existed is never changed:
it may be shared on purpose. If the database in it can be read by others, the
folder is refused with a Danish explanation, and the user decides what to do.
POSIX only; on Windows the user's profile folder already keeps other users out.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from facilitator.i18n import _

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def create_private_folder(folder: Path) -> bool:
    """Create the folder (and missing parents) if needed; returns True if it was created.

    Only the folder itself is made 0700 (mkdir's mode is cut by the umask, so
    it is set again); the parents get the usual permissions. An existing
    folder is left exactly as it is. OSError if it cannot be made.
    """
    if folder.is_dir():
        return False
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir(mode=PRIVATE_FOLDER)
    except FileExistsError:
        return False  # made meanwhile by someone else: not ours to change
    if os.name == "posix":
        os.chmod(folder, PRIVATE_FOLDER)
    return True


def create_private_file(path: Path) -> bool:
    """Create an empty file readable by the user only, if it is missing; True if created.

    An empty file is a valid empty SQLite database, so SQLite makes its -wal and
    -shm private too. An existing file is never changed.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except FileExistsError:
        return False
    return True


def readable_by_others(path: Path) -> list[tuple[Path, int]]:
    """The database file and its -wal/-shm/-journal that group or others may read, with modes."""
    if os.name != "posix":
        return []
    found: list[tuple[Path, int]] = []
    for candidate in (path, *(path.with_name(path.name + s) for s in SQLITE_COMPANIONS)):
        with contextlib.suppress(OSError):
            mode = candidate.stat().st_mode
            if stat.S_IMODE(mode) & 0o044:
                found.append((candidate, mode))
    return found


def others_can_read_message(files: list[tuple[Path, int]]) -> str:
    """Why a folder is refused, and what the user can do (we never change their files)."""
    first, mode = files[0]
    return _(
        "Databasen {path} kan læses af andre brugere på computeren (rettigheder {mode}). "
        "Facilitator ændrer ikke rettighederne i en mappe, den ikke selv har oprettet. Gør "
        "filen privat, fx med «chmod 600 {path}» i en terminal, eller flyt datamappen til en "
        "mappe, kun du har adgang til. Start derefter Facilitator igen."
    ).format(path=first, mode=stat.filemode(mode))
