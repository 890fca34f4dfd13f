"""The data folder's storage checks: found or created, writable or not, private enough.

These are the steps; facilitator/data_door.py puts them in order (with the
lock of storage/folder_lock.py, the damage check and the migration) and is the
only way a command or a window opens a data folder.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from facilitator.i18n import _
from facilitator.storage.database import StorageError
from facilitator.storage.os_errors import describe_os_error
from facilitator.storage.permissions import (
    create_private_folder,
    others_can_read_message,
    readable_by_others,
)

WRITE_PROBE = ".facilitator-write-test"
# Errors that mean "nothing can be written here" rather than "something is wrong".
READ_ONLY_ERRORS = {errno.EROFS, errno.EACCES, errno.EPERM}


def cannot_write_message(folder: Path, exc: OSError) -> str:
    """The Danish refusal of a data folder that cannot be made or written."""
    return _("Datamappen {folder} kan ikke skrives ({reason}). Vælg en anden mappe med "
             "--data-dir, eller bed IT om adgang.").format(
        folder=folder, reason=describe_os_error(exc))


def create_folder(folder: Path) -> bool:
    """Make sure the data folder exists; returns True if it was created now (then it is 0700)."""
    try:
        return create_private_folder(folder)
    except OSError as exc:
        raise StorageError(cannot_write_message(folder, exc)) from exc


def _looked_at(path: Path, refusal: str) -> os.stat_result | None:
    """The path's stat, None if it is not there; one it cannot even look at is refused.

    `refusal` is the Danish sentence, with {path} and {reason} to fill in.
    """
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise StorageError(refusal.format(path=path, reason=describe_os_error(exc))) from exc


def folder_exists(folder: Path) -> bool:
    """True if the folder is there; a path that cannot even be looked at is refused in Danish."""
    info = _looked_at(folder, _("Datamappen {path} kan ikke bruges ({reason})."))
    if info is None:
        return False
    if not stat.S_ISDIR(info.st_mode):
        raise StorageError(_("{folder} er en fil, ikke en mappe.").format(folder=folder))
    return True


def file_exists(path: Path) -> bool:
    """True if the database file is there (a path that cannot be looked at is refused)."""
    return _looked_at(path, _("Databasen {path} kan ikke bruges ({reason}).")) is not None


def write_refusal(folder: Path) -> OSError | None:
    """Why nothing can be written in the folder (a probe file is made and removed), or None."""
    probe = folder / WRITE_PROBE
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return exc
    return None


def is_read_only_medium(refusal: OSError | None) -> bool:
    """True when the folder cannot be written because of the medium or its permissions."""
    return refusal is not None and refusal.errno in READ_ONLY_ERRORS


def refuse_if_others_can_read(database: Path) -> None:
    """Refuse a database that group or others can read; the user's files are never changed."""
    exposed = readable_by_others(database)
    if exposed:
        raise StorageError(others_can_read_message(exposed))
