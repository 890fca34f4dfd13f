"""The one door to a data folder: every command and window opens its folder here.

`open_data_folder` does, in this order and nowhere else:

1. find the folder (create it, 0700, only where the purpose may create it);
2. hold it against a second Facilitator (storage/folder_lock.py);
3. see whether it can be written (a read-only medium opens read-only to read);
4. the start-of-session cleanup (`START_CLEANUP`), on a folder that can be written;
5. check the database without writing to it (`quick_check`; a file that holds
   nothing while backups exist counts as damaged) and refuse a damaged one;
6. refuse a database others can read, in a folder the app did not create;
7. open it, migrating with a backup first (Database.migrate);
8. the retention purge (services/privacy_purge.py), held back if the clock
   is far ahead of the data.

It sits above services/ and storage/ (storage must not import services; an
import-linter contract checks that), beside commands.py, which uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import TracebackType

from facilitator.clock import Clock
from facilitator.i18n import _
from facilitator.paths import database_path
from facilitator.services.privacy_purge import StartPurge, purge_at_start
from facilitator.storage import data_folder as steps
from facilitator.storage.database import SCHEMA_HEAD, Database, StorageError
from facilitator.storage.folder_lock import FolderLock
from facilitator.storage.integrity import problems_for_check, refuse_if_damaged
from facilitator.storage.read_only import open_read_only_file
from facilitator.storage.stale_files import remove_stale_copies


class Purpose(Enum):
    """Why a folder is opened; it decides what may be created, written and checked."""

    # The window: created if missing, written, held until the process ends.
    APP = "app"
    # `facilitator demo`: created if missing, written.
    EDIT = "edit"
    # `meetings`, `brief`: an existing database; read-only on a medium that cannot be written.
    READ = "read"
    # A damaged database the official chose to look at: read-only, never checked again.
    SALVAGE = "salvage"
    # `facilitator check`: the thorough check only; the database is not opened.
    CHECK = "check"
    # `facilitator backup`: the folder is held; the backups are listed or one restored.
    BACKUPS = "backups"


# Steps run on every writable folder right after it is held, before the database
# is checked or opened: tidying what an earlier session left half done. Each
# takes the data folder and must never raise for what it leaves alone.
# Stale backups/*.partial and brief previews may hold a name erased since.
START_CLEANUP: tuple[Callable[[Path], object], ...] = (remove_stale_copies,)


@dataclass
class OpenedFolder:
    """An open data folder: its database (if opened) and what was found on the way in."""

    folder: Path
    db: Database | None
    lock: FolderLock = field(repr=False)
    # The database was opened read-only because the folder cannot be written.
    read_only_medium: bool = False
    purge: StartPurge | None = None
    # For CHECK: what the thorough integrity check found ([] when sound).
    problems: list[str] = field(default_factory=list)

    @property
    def database(self) -> Database:
        """The open database (for the purposes that open one)."""
        assert self.db is not None, "this purpose opens no database"
        return self.db

    def close(self) -> None:
        """Close the database and let go of the folder."""
        if self.db is not None:
            self.db.dispose()  # releases the lock too
        self.lock.release()

    def __enter__(self) -> OpenedFolder:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _missing_message(folder: Path, purpose: Purpose) -> str:
    if purpose is Purpose.BACKUPS:
        return _("Datamappen {folder} findes ikke.").format(folder=folder)
    return _("Der er ingen database i {folder}. Opret et demoprojekt med «facilitator demo», "
             "eller vælg en anden mappe med --data-dir.").format(folder=folder)


def open_data_folder(folder: Path, clock: Clock, purpose: Purpose) -> OpenedFolder:
    """Open a data folder for `purpose` (see the module's steps); StorageError in Danish if not.

    A damaged database raises integrity.DatabaseDamaged before anything could
    write to it. The folder stays held until the OpenedFolder (or its
    database) is closed; for the window, until the process ends.
    """
    creates = purpose in (Purpose.APP, Purpose.EDIT)
    created = steps.create_folder(folder) if creates else False
    if not creates and not steps.folder_exists(folder):
        raise StorageError(_missing_message(folder, purpose))
    lock = FolderLock(folder)
    lock.acquire()
    try:
        if purpose is Purpose.APP:
            # Restores and reopening after one happen under this same hold.
            lock.keep_for_process()
        return _open_held(folder, clock, purpose, created, lock)
    except BaseException:
        lock.release()
        raise


def _open_held(
    folder: Path, clock: Clock, purpose: Purpose, created: bool, lock: FolderLock
) -> OpenedFolder:
    path = database_path(folder)
    if purpose is Purpose.BACKUPS:
        return OpenedFolder(folder, None, lock)
    if purpose in (Purpose.READ, Purpose.CHECK, Purpose.SALVAGE) and not steps.file_exists(path):
        raise StorageError(_missing_message(folder, purpose))
    if purpose is Purpose.CHECK:
        return OpenedFolder(folder, None, lock, problems=problems_for_check(path))
    if purpose is Purpose.SALVAGE:
        return _with_lock(OpenedFolder(folder, open_read_only_file(path, clock), lock))
    refusal = steps.write_refusal(folder)
    if refusal is not None and not (purpose is Purpose.READ and steps.is_read_only_medium(refusal)):
        raise StorageError(steps.cannot_write_message(folder, refusal)) from refusal
    if refusal is None:
        for cleanup in START_CLEANUP:
            cleanup(folder)
    refuse_if_damaged(path)
    if refusal is not None:
        return _with_lock(OpenedFolder(folder, _read_only_medium(path, clock), lock, True))
    if not created:
        steps.refuse_if_others_can_read(path)
    db = Database.open_file(path, clock)
    opened = _with_lock(OpenedFolder(folder, db, lock))
    opened.purge = purge_at_start(db, folder)
    return opened


def _with_lock(opened: OpenedFolder) -> OpenedFolder:
    # Disposing the database lets go of the folder, as closing the OpenedFolder does.
    opened.database.close_with(opened.lock.release)
    return opened


def _read_only_medium(path: Path, clock: Clock) -> Database:
    """A sound database on a medium that cannot be written: read as it is, never upgraded."""
    db = open_read_only_file(path, clock)
    if db.schema_revision() != SCHEMA_HEAD:
        db.dispose()
        raise StorageError(
            _("Databasen {path} er fra en anden udgave af Facilitator og skal opgraderes, men "
              "mappen kan ikke skrives. Kopiér datamappen til computeren, og åbn den derfra.")
            .format(path=path)
        )
    return db
