"""The files of the backups folder: names, the .json beside each backup, and what a backup holds."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from facilitator.i18n import _
from facilitator.storage.database import Database, StorageError

BACKUP_FOLDER = "backups"
PREFIX = "facilitator-"
ID_PATTERN = re.compile(r"^\d{8}-\d{6}(?:-\d+)?$")

# Tables whose newest `created_at` is a backup's "last entry".
ENTRY_TABLES = ("idea", "resource_ask", "next_step", "meeting", "project")


@dataclass(frozen=True)
class BackupInfo:
    """One backup: when and why it was made, and what it holds."""

    id: str
    path: Path
    created_at: datetime
    reason: str
    projects: int
    meetings: int
    last_entry: datetime | None
    # The order the backups were made in (1, 2, 3 …); None for one made before it was kept.
    sequence: int | None = None


def database_file(db: Database) -> Path:
    """The file behind an open database (a plain path or a `file:` URI)."""
    name = db.engine.url.database
    if db.engine.dialect.name != "sqlite" or not name or name == ":memory:":
        raise StorageError(_("Kun en databasefil kan sikkerhedskopieres."))
    if name.startswith("file:"):
        return Path(url2pathname(urlparse(name).path))
    return Path(name)


def backup_path(backups: Path, backup_id: str) -> Path:
    """The backup file for an id."""
    return backups / f"{PREFIX}{backup_id}.db"


def _meta_path(backup: Path) -> Path:
    return backup.with_suffix(".json")


def create_private(path: Path) -> None:
    """Create an empty file readable by the user only (0600); fails if it exists."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(handle)
    os.chmod(path, 0o600)


def free_id(backups: Path, created_at: datetime) -> str:
    """An unused id from the local time: 20260303-190000, then -2, -3 within the same second.

    A later backup in the same second always gets a higher number, even if
    rotation deleted an earlier one, so ids sort as they were made.
    """
    base = created_at.astimezone().strftime("%Y%m%d-%H%M%S")
    numbers = [
        int(match.group(1) or 1)
        for path in backups.glob(f"{PREFIX}{base}*")
        if (match := re.match(rf"^{PREFIX}{base}(?:-(\d+))?\.", path.name))
    ]
    return f"{base}-{max(numbers) + 1}" if numbers else base


def _stamp(value: object) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    # The models store naive UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def contents_of(connection: sqlite3.Connection) -> tuple[int, int, datetime | None]:
    """Projects, meetings and the newest entry's time in an open database."""
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}

    def scalar(sql: str) -> object:
        return connection.execute(sql).fetchone()[0]

    def count(table: str) -> int:
        return int(str(scalar(f'SELECT count(*) FROM "{table}"'))) if table in tables else 0

    stamps = [
        stamp
        for table in ENTRY_TABLES
        if table in tables
        and (stamp := _stamp(scalar(f'SELECT max(created_at) FROM "{table}"'))) is not None
    ]
    return count("project"), count("meeting"), max(stamps) if stamps else None


def write_meta(info: BackupInfo) -> None:
    """Write the .json beside a backup (0600), replacing any older one atomically."""
    meta = _meta_path(info.path)
    partial = meta.with_name(meta.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private(partial)
    partial.write_text(
        json.dumps(
            {
                "id": info.id,
                "created_at": info.created_at.isoformat(),
                "reason": info.reason,
                "projects": info.projects,
                "meetings": info.meetings,
                "last_entry": info.last_entry.isoformat() if info.last_entry else None,
                "sequence": info.sequence,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    os.replace(partial, meta)


def _from_file(path: Path, backup_id: str) -> BackupInfo:
    """What a backup without (readable) .json holds, read from the backup itself."""
    from facilitator.storage.integrity import connect_read_only

    created = datetime.strptime(backup_id[:15], "%Y%m%d-%H%M%S").astimezone()
    try:
        with closing(connect_read_only(path)) as connection:
            projects, meetings, last = contents_of(connection)
    except sqlite3.Error:
        projects, meetings, last = 0, 0, None
    return BackupInfo(backup_id, path, created, "", projects, meetings, last)


def read_info(path: Path) -> BackupInfo:
    """A backup's description from its .json, else from the file."""
    backup_id = path.stem[len(PREFIX):]
    try:
        data = json.loads(_meta_path(path).read_text(encoding="utf-8"))
        created = _stamp(data["created_at"])
        if created is None:
            raise ValueError(data["created_at"])
        return BackupInfo(
            backup_id, path, created, str(data.get("reason", "")), int(data.get("projects", 0)),
            int(data.get("meetings", 0)), _stamp(data.get("last_entry")),
            _sequence(data.get("sequence")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return _from_file(path, backup_id)


def _sequence(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _order(info: BackupInfo) -> tuple[bool, int, datetime, int]:
    # The order they were made in, not the time they carry: a backup stamped
    # while the clock was a year ahead must not stay "the newest". Backups from
    # before the order was kept come below every numbered one, among themselves
    # by time (two in the same second: "-2" is newer than the plain id).
    suffix = info.id[16:]
    return (info.sequence is not None, info.sequence or 0, info.created_at,
            int(suffix) if suffix.isdigit() else 1)


def next_sequence(folder: Path) -> int:
    """The order number for the next backup in the data folder: one more than any there."""
    return 1 + max((b.sequence or 0 for b in list_backups(folder)), default=0)


def list_backups(folder: Path) -> list[BackupInfo]:
    """The data folder's backups, newest (made last) first, whatever their time stamps say."""
    backups = folder / BACKUP_FOLDER
    if not backups.is_dir():
        return []
    found = [
        read_info(path)
        for path in backups.glob(f"{PREFIX}*.db")
        if ID_PATTERN.match(path.stem[len(PREFIX):])
    ]
    return sorted(found, key=_order, reverse=True)


def remove_backup(info: BackupInfo) -> None:
    """Delete a backup and its .json."""
    info.path.unlink(missing_ok=True)
    _meta_path(info.path).unlink(missing_ok=True)
