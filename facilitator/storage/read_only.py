"""Opening a damaged database read-only, so what can be read is shown and nothing is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL

from facilitator.clock import Clock
from facilitator.i18n import _
from facilitator.paths import database_path
from facilitator.storage import database
from facilitator.storage.database import Database, StorageError


def _read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # No journal_mode here: changing it is a write. query_only makes a write
    # fail even before SQLite looks at the file's mode.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class ReadOnlyDatabase(Database):
    """A database opened with SQLite's `mode=ro`: every write fails with "readonly"."""

    def __init__(self, path: Path, clock: Clock | None = None) -> None:
        # The file: URI must be quoted for SQLAlchemy's URL parser, which unquotes it once.
        url = URL.create(
            "sqlite", database=path.resolve().as_uri(), query={"mode": "ro", "uri": "true"}
        )
        super().__init__(url.render_as_string(hide_password=False), clock)
        event.remove(self.engine, "connect", database._sqlite_pragmas)
        event.listen(self.engine, "connect", _read_only_pragmas)
        self.path = path

    def migrate(self) -> None:
        """A read-only database is never upgraded."""
        raise StorageError(_("Databasen er åbnet skrivebeskyttet og kan ikke opgraderes."))


def is_read_only(db: Database) -> bool:
    """True for a database opened read-only because it is damaged."""
    return isinstance(db, ReadOnlyDatabase)


def open_read_only(folder: Path, clock: Clock) -> Database:
    """Open the data folder's database read-only, holding the folder's lock like the app does."""
    from facilitator.storage.data_folder import InstanceLock

    lock = InstanceLock(folder)
    lock.acquire()
    try:
        db = ReadOnlyDatabase(database_path(folder), clock)
        with db.engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except StorageError:
        lock.release()
        raise
    except Exception as exc:
        lock.release()
        raise StorageError(
            _("Databasen er så beskadiget, at den heller ikke kan åbnes skrivebeskyttet. Gendan "
              "en sikkerhedskopi, eller bed IT om hjælp. (Teknisk: {reason})").format(
                reason=str(getattr(exc, "orig", None) or exc).splitlines()[0]
            )
        ) from exc
    db.close_with(lock.release)
    return db
