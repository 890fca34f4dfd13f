"""Seeing whether a name is left in a file: every byte form of it, in a database and its companions."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path


def file_bytes(path: Path) -> bytes:
    """The database file with its -wal and -shm, as stored on disk."""
    return b"".join(
        p.read_bytes() for p in (path, path.with_name(path.name + "-wal"),
                                 path.with_name(path.name + "-shm")) if p.exists()
    )


def forms(text: str) -> list[bytes]:
    """Every way the text could sit in a file: NFC and NFD UTF-8, and each word alone."""
    found = []
    for form in ("NFC", "NFD"):
        normal = unicodedata.normalize(form, text)
        found += [normal.encode()] + [w.encode() for w in normal.split() if len(w) > 3]
    return found


def assert_absent(data: bytes, *texts: str) -> None:
    """None of the texts, in any form or case, is in the bytes."""
    lowered = data.lower()
    for text in texts:
        for needle in forms(text):
            assert needle.lower() not in lowered, needle


def every_text(path: Path) -> str:
    """Every text value in every table of a database file, joined."""
    with sqlite3.connect(path) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        values = []
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                values += [str(v) for v in row if v is not None]
    return "\n".join(values)
