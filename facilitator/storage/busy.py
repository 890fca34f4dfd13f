"""Writing to a database another connection keeps busy: wait and retry, all or nothing.

SQLite's own busy timeout sleeps inside the library, where no test can reach
it. For a write that must either finish completely or change nothing (an
erasure), the waiting is done here instead, with an injectable `Backoff`, on a
connection whose busy timeout is switched off for the while.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection

from facilitator.storage.database import BUSY_TIMEOUT_MS, Database

T = TypeVar("T")

# SQLite's result codes for "another connection holds the lock".
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED


@dataclass(frozen=True)
class Backoff:
    """How to wait for a busy database: the pauses between tries (seconds), and how to pause."""

    # About ten seconds in all: long enough for a backup or a brief being made to finish.
    pauses: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8, 1.0, 1.5, 2.0, 2.0, 2.0)
    sleep: Callable[[float], None] = time.sleep


class DatabaseBusy(sqlite3.OperationalError):
    """The database stayed busy for every try."""


def is_busy(exc: BaseException) -> bool:
    """Whether an error means another connection holds the database (try again later)."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def retry_while_busy(action: Callable[[], T], backoff: Backoff) -> T:
    """Run `action`, pausing and trying again while the database is busy; then DatabaseBusy."""
    for pause in backoff.pauses:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
        backoff.sleep(pause)
    try:
        return action()
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise DatabaseBusy(str(exc)) from exc
        raise


def checkpoint_truncate(connection: sqlite3.Connection) -> None:
    """Copy the write-ahead log into the file and cut it to zero bytes, or raise if busy.

    It cannot finish while another connection writes, or reads a snapshot the
    log still holds; SQLite then answers "busy" instead of raising.
    """
    busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise sqlite3.OperationalError("database is locked: the checkpoint could not finish")


@contextmanager
def _no_busy_timeout(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    # The waiting is done by Backoff, not inside SQLite; the pool gets the connection back as it was.
    connection.execute("PRAGMA busy_timeout=0")
    try:
        yield connection
    finally:
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _begin(connection: sqlite3.Connection) -> None:
    # First the log is emptied: that proves no other connection reads an old
    # snapshot or writes now, so the checkpoint after this write can finish too.
    checkpoint_truncate(connection)
    connection.execute("BEGIN IMMEDIATE")


@contextmanager
def sole_writer(db: Database, backoff: Backoff) -> Iterator[tuple[sqlite3.Connection, Connection]]:
    """One write transaction, taken only once nobody else uses the database; commits on exit.

    Yields the raw sqlite3 connection and the SQLAlchemy connection around it
    (one transaction). Raises DatabaseBusy, having changed nothing, if the
    database stayed busy for every try; an error inside rolls everything back.
    """
    with db.engine.connect() as outer:
        raw = outer.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        with _no_busy_timeout(raw):
            retry_while_busy(lambda: _begin(raw), backoff)
            try:
                yield raw, outer
                raw.commit()
            except BaseException:
                raw.rollback()
                raise


def wipe_free_space(db: Database, backoff: Backoff) -> None:
    """Rebuild the file so no freed page keeps deleted text, and empty the write-ahead log.

    VACUUM rewrites every page; the TRUNCATE checkpoint copies them into the
    main file and cuts the -wal file to zero bytes. Each waits (by `backoff`)
    while another connection keeps the database busy; DatabaseBusy if it stays so.
    The rebuild's scratch copy stays in memory, so nothing is written outside
    the data folder.
    """
    raw = db.engine.raw_connection()
    try:
        connection = raw.driver_connection
        assert isinstance(connection, sqlite3.Connection)
        with _no_busy_timeout(connection):
            connection.execute("PRAGMA temp_store=MEMORY")
            try:
                retry_while_busy(lambda: connection.execute("VACUUM"), backoff)
            finally:
                # Even if VACUUM failed (it needs room for a copy), the erasure ran with
                # secure_delete: once checkpointed, the main file holds only zeroed cells,
                # and the -wal with the old frames is cut to nothing.
                retry_while_busy(lambda: checkpoint_truncate(connection), backoff)
    finally:
        raw.close()
