"""Checking a database file without ever writing to it: quick_check at start, a report for `check`."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from facilitator.i18n import _
from facilitator.storage.database import StorageError
from facilitator.storage.os_errors import describe_failure

# A report lists this many problems; a badly damaged file can have thousands.
MAX_LISTED = 20


class DatabaseDamaged(StorageError):
    """The database file failed its integrity check; it must not be opened for writing."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        if problems == [empty_problem()]:
            message = _("Databasen kan ikke åbnes, fordi den er tom, selv om der findes "
                        "sikkerhedskopier: {path}. Facilitator har ikke ændret noget i den.")
        else:
            message = _("Databasen kan ikke åbnes, fordi den er beskadiget: {path}. "
                        "Facilitator har ikke ændret noget i den.")
        super().__init__(message.format(path=path))
        self.path = path
        self.problems = problems


def empty_problem() -> str:
    """The problem found in a database file that holds nothing while backups exist."""
    return _("Databasefilen er tom (ingen tabeller, måske 0 byte), men der findes "
             "sikkerhedskopier: den er sandsynligvis blevet tømt ved en fejl.")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to `path`, not even a WAL checkpoint on close."""
    uri = path.resolve().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=5, check_same_thread=False)
    try:
        # Reading a WAL database needs its -shm file; in a folder that cannot be
        # written it cannot be made, and the file itself (immutable) is still readable.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        connection.close()
        if "unable to open" not in str(exc):
            raise
        connection = sqlite3.connect(
            uri + "&immutable=1", uri=True, timeout=5, check_same_thread=False
        )
    return connection


def _problem(exc: BaseException) -> str:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "not a database" in reason:
        return _("Filen er ikke en læsbar database (den er overskrevet eller ødelagt).")
    if "malformed" in reason:
        return _("Databasefilen er beskadiget (SQLite kan ikke læse dens opbygning).")
    return _("Databasen kan ikke læses: {reason}").format(reason=describe_failure(exc))


def _check(path: Path, pragma: str) -> list[str]:
    if not path.is_file():
        return [_("Filen findes ikke: {path}").format(path=path)]
    try:
        with closing(connect_read_only(path)) as connection:
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
            problems = [str(row[0]) for row in rows if str(row[0]) != "ok"]
            if pragma == "integrity_check" and not problems:
                broken = connection.execute("PRAGMA foreign_key_check").fetchall()
                problems += [
                    _("Brudt henvisning i tabellen {table} (række {row}).").format(
                        table=row[0], row=row[1]
                    )
                    for row in broken
                ]
            return problems
    except Exception as exc:  # a damaged file may fail in any way; it is reported, never raised
        return [_problem(exc)]


def quick_check(path: Path) -> list[str]:
    """`PRAGMA quick_check` of the file, read-only: an empty list when it is fine, else the problems."""
    return _check(path, "quick_check")


def integrity_check(path: Path) -> list[str]:
    """The thorough check (`integrity_check` and broken references), read-only; [] when fine."""
    return _check(path, "integrity_check")


def holds_nothing(path: Path) -> bool:
    """True for a database file without a single table (0 bytes, or emptied), -wal included."""
    try:
        if path.stat().st_size == 0 and not Path(str(path) + "-wal").exists():
            return True
        with closing(connect_read_only(path)) as connection:
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            return int(tables) == 0
    except Exception:  # unreadable: quick_check says why
        return False


def _empty_with_backups(path: Path) -> bool:
    from facilitator.storage.backup_files import list_backups

    return holds_nothing(path) and bool(list_backups(path.parent))


def problems_at_start(path: Path) -> list[str]:
    """What stops the database from being opened for writing; [] when it is fine or missing.

    A database that holds nothing while backups exist counts as damaged: it was
    emptied by accident (a sync program, a failed copy), and opening it would
    quietly give the official an empty app instead of offering the backups.
    Without backups, an empty file is simply a new database.
    """
    if not path.exists():
        return []
    if _empty_with_backups(path):
        return [empty_problem()]
    return quick_check(path)


def problems_for_check(path: Path) -> list[str]:
    """The thorough check for `facilitator check`, with the same rule for an emptied file."""
    if path.is_file() and _empty_with_backups(path):
        return [empty_problem()]
    return integrity_check(path)


def refuse_if_damaged(path: Path) -> None:
    """Raise DatabaseDamaged if an existing database file fails `problems_at_start`."""
    problems = problems_at_start(path)
    if problems:
        raise DatabaseDamaged(path, problems)


def schema_of(path: Path) -> str | None:
    """The Alembic revision stored in the file, or None if it cannot be read."""
    try:
        with closing(connect_read_only(path)) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except Exception:
        return None
    return None if row is None else str(row[0])


def format_report(path: Path, problems: list[str]) -> str:
    """The integrity report in Danish: what was checked, what is wrong, and what to do."""
    from facilitator.storage.backup import list_backups, reason_label

    lines = [_("Database: {path}").format(path=path)]
    if path.is_file():
        size = f"{path.stat().st_size / (1024 * 1024):.1f}".replace(".", ",")
        lines.append(
            _("Størrelse: {size} MB · skemaversion: {schema}").format(
                size=size, schema=schema_of(path) or "–"
            )
        )
    if problems:
        lines.append(_("Resultat: BESKADIGET – {count} fejl fundet.").format(count=len(problems)))
        lines += [f"  – {problem}" for problem in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            lines.append(_("  … og {count} fejl mere.").format(count=len(problems) - MAX_LISTED))
    else:
        lines.append(_("Resultat: i orden – ingen fejl fundet."))
    backups = list_backups(path.parent)
    if backups:
        newest = backups[0]
        lines.append(
            _("Sikkerhedskopier: {count}; nyeste {id} ({reason}).").format(
                count=len(backups), id=newest.id, reason=reason_label(newest.reason)
            )
        )
    else:
        lines.append(_("Sikkerhedskopier: ingen endnu."))
    if problems:
        lines.append(
            _("Gendan en sikkerhedskopi med «facilitator backup --restore ID» "
              "(se dem med «facilitator backup --list»). Den beskadigede fil gemmes ved siden af.")
        )
    return "\n".join(lines)


def integrity_report(path: Path) -> str:
    """Run the thorough check on the database file and describe the result in Danish."""
    return format_report(path, problems_for_check(path))
