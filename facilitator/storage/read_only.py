"""Opening a database read-only (a damaged one, or one on a read-only medium): it is read, never written."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from facilitator.clock import Clock
from facilitator.i18n import _
from facilitator.storage import database
from facilitator.storage.database import Database, StorageError
from facilitator.storage.os_errors import describe_failure


def _read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # No journal_mode here: changing it is a write. query_only makes a write
    # fail even before SQLite looks at the file's mode.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class ReadOnlyDatabase(Database):
    """A database opened with SQLite's `mode=ro`: every write fails with "readonly".

    `immutable` is for a file on a medium nobody can write (a read-only USB
    stick): a WAL database needs its -shm file, which cannot be made there, and
    SQLite reads an immutable file without it.
    """

    def __init__(self, path: Path, clock: Clock | None = None, immutable: bool = False) -> None:
        query = {"mode": "ro", "uri": "true"}
        if immutable:
            query["immutable"] = "1"
        # The file: URI must be quoted for SQLAlchemy's URL parser, which unquotes it once.
        url = URL.create("sqlite", database=path.resolve().as_uri(), query=query)
        super().__init__(url.render_as_string(hide_password=False), clock)
        event.remove(self.engine, "connect", database._sqlite_pragmas)
        event.listen(self.engine, "connect", _read_only_pragmas)
        self.path = path

    def migrate(self) -> None:
        """A read-only database is never upgraded."""
        raise StorageError(_("Databasen er åbnet skrivebeskyttet og kan ikke opgraderes."))


def is_read_only(db: Database) -> bool:
    """True for a database opened read-only (damaged, or on a medium that cannot be written)."""
    return isinstance(db, ReadOnlyDatabase)


def _tables(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one())


def open_read_only_file(path: Path, clock: Clock) -> ReadOnlyDatabase:
    """Open a database file read-only; nothing can write to it through this Database.

    The caller holds the data folder (facilitator/data_door.py opens every folder).
    """
    try:
        db = ReadOnlyDatabase(path, clock)
        try:
            tables = _tables(db)
        except OperationalError as exc:
            if "unable to open" not in str(exc):
                raise
            # A WAL database in a folder where its -shm cannot be made.
            db.dispose()
            db = ReadOnlyDatabase(path, clock, immutable=True)
            tables = _tables(db)
    except Exception as exc:
        raise StorageError(
            _("Databasen er så beskadiget, at den heller ikke kan åbnes skrivebeskyttet. Gendan "
              "en sikkerhedskopi, eller bed IT om hjælp. ({reason})").format(
                reason=describe_failure(exc))
        ) from exc
    if tables == 0:
        db.dispose()
        raise StorageError(
            _("Databasen {path} er tom, så der er intet at vise. Gendan en sikkerhedskopi.")
            .format(path=path)
        )
    return db
