"""Data folders with real content, and damaged copies of real database files, for the backup tests."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path

from facilitator.clock import FakeClock
from facilitator.paths import database_path
from facilitator.services import agenda, capture, meetings, projects
from facilitator.services.rows import MeetingRow
from facilitator.storage.database import Database

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def open_folder(folder: Path, clock: FakeClock) -> Database:
    """The data folder's database, as the app opens it (without the lock)."""
    return Database.open_file(database_path(folder), clock)


def add_meeting(
    db: Database, title: str = "Borgermøde i Knebel", ideas: int = 2, detail: str = ""
) -> MeetingRow:
    """A project "Mols i Udvikling" (reused) with one more meeting and `ideas` ideas."""
    existing = [p for p in projects.list_projects(db, True) if p.name == "Mols i Udvikling"]
    project = existing[0] if existing else projects.create_project(
        db, "Mols i Udvikling", ["Knebel", "Agri"]
    )
    meeting = meetings.create_meeting(
        db, project.id, title, datetime(2026, 3, 3, 19, 0), "Knebel Forsamlingshus",
        [p.id for p in project.places],
    )
    agenda.apply_default_template(db, meeting.id)
    for number in range(ideas):
        capture.add_idea(
            db, meeting.id, capture.IdeaInput(f"Idé nummer {number} ☕ Cafe\u0301", detail)
        )
    return meetings.get_meeting(db, meeting.id)


def idea_titles(path: Path) -> list[str]:
    """Every idea title stored in a database file (read straight from SQLite)."""
    with sqlite3.connect(path) as connection:
        return sorted(r[0] for r in connection.execute("SELECT title FROM idea"))


def checkpointed(db: Database) -> Path:
    """Dispose the database so its -wal is folded into the file; returns the file."""
    name = db.engine.url.database
    assert name
    db.dispose()
    with sqlite3.connect(name) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Path(name)


def damage(path: Path, keep_wal: bool = False) -> bytes:
    """Overwrite pages in the middle of a database file with garbage; returns the damaged bytes.

    The -wal and -shm are removed, unless `keep_wal` (a crash left committed pages there).
    """
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    assert pages >= 6, "the database is too small to damage in the middle"
    # Every page from 40 % to 60 % of the file: b-tree pages of the big tables are there.
    for number in range(int(pages * 0.4), max(int(pages * 0.6), int(pages * 0.4) + 1)):
        data[number * page:(number + 1) * page] = bytes([0xA5, 0x17, 0x00, 0xFF]) * (page // 4)
    path.write_bytes(bytes(data))
    for suffix in () if keep_wal else ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return bytes(data)


def big_database(folder: Path, clock: FakeClock, ideas: int = 600) -> Path:
    """A data folder with a real, checkpointed database whose middle pages hold ideas (to damage).

    The copies are inserted in one transaction: a service call per idea would
    cost a real fsync each.
    """
    folder.mkdir(parents=True, exist_ok=True)
    db = open_folder(folder, clock)
    add_meeting(db, ideas=1, detail="Borgerne ønsker en sti langs fjorden. " * 20)
    path = checkpointed(db)
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        row = dict(connection.execute("SELECT * FROM idea").fetchone())
        columns = list(row)
        insert = (f"INSERT INTO idea ({', '.join(columns)}) "
                  f"VALUES ({', '.join('?' for _ in columns)})")
        for number in range(ideas):
            row.update(id=uuid.uuid4().hex, title=f"Idé nummer {number + 1}")
            connection.execute(insert, [row[c] for c in columns])
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def copy_fixture(name: str, folder: Path) -> Path:
    """Put a committed fixture database in place as the folder's database."""
    folder.mkdir(parents=True, exist_ok=True)
    target = database_path(folder)
    shutil.copy(FIXTURES / name, target)
    return target
