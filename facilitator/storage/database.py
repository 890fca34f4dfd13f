"""One engine per database file, its SQLite pragmas, and the automatic migration at start."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from facilitator.clock import Clock, SystemClock
from facilitator.i18n import _
from facilitator.storage.os_errors import describe_failure, describe_os_error

# SCHEMA_HEAD, the newest migration, lives in storage/schema.py (importable without
# SQLAlchemy); knowing it lets start-up skip importing Alembic when the database is current.
from facilitator.storage.schema import SCHEMA_HEAD as SCHEMA_HEAD

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


# How long a connection waits for another one's lock before SQLite reports "busy".
BUSY_TIMEOUT_MS = 5000


class StorageError(RuntimeError):
    """The database cannot be opened or written; `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Set outside any transaction: foreign_keys is ignored inside one. WAL with
    # synchronous=FULL makes a commit that returned survive kill -9 and power loss.
    previous = dbapi_connection.isolation_level
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()
    dbapi_connection.isolation_level = previous


class Database:
    """An open, migrated database: the engine and a session factory."""

    def __init__(self, url: str, clock: Clock | None = None) -> None:
        self.url = url
        # Services stamp rows with this clock, so tests can fake the time.
        self.clock: Clock = clock or SystemClock()
        self.engine: Engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._on_dispose: list[Callable[[], None]] = []

    @classmethod
    def open_file(cls, path: Path, clock: Clock | None = None) -> Database:
        """Open (creating if needed) the database file and bring its schema up to date.

        A folder or file made here is private (0700/0600); nothing that already
        exists is changed. The app opens its data folder through
        facilitator/data_door.py, which checks and locks it first.
        """
        from facilitator.storage.permissions import create_private_file, create_private_folder

        try:
            create_private_folder(path.parent)
        except OSError as exc:
            raise StorageError(
                _("Mappen {folder} kan ikke oprettes: {reason}").format(
                    folder=path.parent, reason=describe_os_error(exc)
                )
            ) from exc
        try:
            # Citizens' data: readable by the user only, before SQLite makes any file.
            create_private_file(path)
        except OSError as exc:
            raise StorageError(
                _("Databasen kan ikke åbnes eller skrives: {reason}").format(
                    reason=describe_os_error(exc))
            ) from exc
        db = cls(f"sqlite:///{path}", clock)
        db.migrate()
        return db

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one user action; the caller commits."""
        with self._sessions() as session:
            yield session

    def migrate(self) -> None:
        """Apply every pending Alembic migration, with foreign keys off as SQLite needs."""
        try:
            if self.schema_revision() == SCHEMA_HEAD:
                return
            self._backup_before_upgrade()
            from alembic import command
            from alembic.config import Config

            with self.engine.connect() as connection:
                if self.engine.dialect.name == "sqlite":
                    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
                    connection.commit()
                config = Config()
                config.set_main_option("script_location", str(MIGRATIONS))
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                connection.commit()
                if self.engine.dialect.name == "sqlite":
                    bad = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if bad:
                        raise StorageError(
                            _("Databasen har brudte henvisninger efter opgradering.")
                        )
                    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        except StorageError:
            raise
        except Exception as exc:  # sqlite3/SQLAlchemy errors: unreadable, read-only, not a db
            raise StorageError(
                _("Databasen kan ikke åbnes eller skrives: {reason}").format(
                    reason=describe_failure(exc))
            ) from exc

    def _backup_before_upgrade(self) -> None:
        """Keep a backup of a database that has data before its schema changes (as Vorta does).

        Without a backup the upgrade does not run: a failed migration must leave
        the official something to go back to.
        """
        name = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or not name or name == ":memory:":
            return
        with self.engine.connect() as connection:
            if not inspect(connection).get_table_names():
                return  # a new, empty database has nothing to lose
        from facilitator.storage.backup import REASON_BEFORE_UPGRADE, make_backup

        try:
            make_backup(self, REASON_BEFORE_UPGRADE)
        except StorageError as exc:
            raise StorageError(
                _("Databasen opgraderes ikke, for der kunne ikke tages en sikkerhedskopi "
                  "først. {reason}").format(reason=exc.message)
            ) from exc

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at."""
        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
            return None if row is None else str(row[0])

    def close_with(self, release: Callable[[], None]) -> None:
        """Run `release` when the database is disposed (e.g. to free the data folder's lock)."""
        self._on_dispose.append(release)

    def dispose(self) -> None:
        """Close every connection and release what was tied to the database."""
        self.engine.dispose()
        while self._on_dispose:
            self._on_dispose.pop()()


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0]


def describe_error(exc: BaseException) -> str:
    """A Danish sentence for a database failure the user can act on (never a traceback)."""
    reason = _reason(exc).lower()
    if "full" in reason:
        return _("Disken er fuld, så det kunne ikke gemmes. Frigør plads, og prøv igen – "
                 "det indtastede er ikke gået tabt.")
    if "readonly" in reason or "read-only" in reason or "permission" in reason:
        return _("Databasen kan ikke skrives (skrivebeskyttet). Det indtastede er ikke gemt endnu.")
    if "locked" in reason or "busy" in reason:
        return _("Databasen er optaget lige nu. Prøv igen om et øjeblik.")
    return _("Det kunne ikke gemmes. Prøv igen. ({reason})").format(reason=describe_failure(exc))
