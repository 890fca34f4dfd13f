"""Rows before and after the installed app upgraded a data folder (standard library only).

    python3 .ci/upgrade_check.py snapshot DATA/facilitator.db BEFORE.json
    python3 .ci/upgrade_check.py verify BEFORE.json DATA SCHEMA_HEAD

`verify` exits 1 unless the database is at SCHEMA_HEAD, passes SQLite's integrity
and foreign-key checks, still holds every row it held before (each column that
existed before, with the same value), and the backups folder holds a backup
made before the upgrade whose rows are exactly the rows before.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

BEFORE_UPGRADE = "før opgradering"


def rows(path: Path) -> dict[str, list[str]]:
    """Every row of every table (but Alembic's), each as sorted JSON of column → value."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'")]
        return {
            table: sorted(json.dumps(dict(r), sort_keys=True, default=repr, ensure_ascii=False)
                          for r in connection.execute(f'SELECT * FROM "{table}"'))
            for table in tables
        }
    finally:
        connection.close()


def kept(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    """What of `before` is missing or changed in `after` (empty when every row survived)."""
    problems = []
    for table, old_rows in before.items():
        if table not in after:
            problems.append(f"table {table} is gone")
            continue
        if not old_rows:
            continue
        columns = list(json.loads(old_rows[0]))
        new_rows = sorted(
            json.dumps({c: json.loads(r).get(c) for c in columns}, sort_keys=True,
                       ensure_ascii=False)
            for r in after[table]
        )
        if new_rows != old_rows:
            problems.append(f"table {table}: {len(old_rows)} rows before, rows differ after")
    return problems


def upgrade_backup(data: Path) -> Path | None:
    """The backup the app made before upgrading the schema."""
    for meta in sorted((data / "backups").glob("*.json")):
        if json.loads(meta.read_text(encoding="utf-8")).get("reason") == BEFORE_UPGRADE:
            return meta.with_suffix(".db")
    return None


def verify(before_file: Path, data: Path, head: str) -> int:
    """Check the upgraded data folder; print what held."""
    before = json.loads(before_file.read_text(encoding="utf-8"))
    database = data / "facilitator.db"
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    problems = []
    if revision != head:
        problems.append(f"schema {revision}, not {head}")
    if integrity != "ok" or broken:
        problems.append(f"integrity {integrity}, {len(broken)} broken references")
    problems += kept(before, rows(database))
    backup = upgrade_backup(data)
    if backup is None:
        problems.append("no backup made before the upgrade")
    elif rows(backup) != before:
        problems.append(f"the backup {backup.name} does not hold the rows before the upgrade")
    count = sum(len(r) for r in before.values())
    for problem in problems:
        print(f"upgrade: FAILED {problem}")
    if problems:
        return 1
    print(f"upgrade: schema {head}; all {count} rows of {len(before)} tables kept; "
          f"backup before the upgrade: {backup.name if backup else '-'} with the same rows")
    return 0


def main(argv: list[str]) -> int:
    """snapshot DB OUT | verify BEFORE DATA HEAD."""
    if len(argv) == 3 and argv[0] == "snapshot":
        Path(argv[2]).write_text(json.dumps(rows(Path(argv[1])), ensure_ascii=False),
                                 encoding="utf-8")
        return 0
    if len(argv) == 4 and argv[0] == "verify":
        return verify(Path(argv[1]), Path(argv[2]), argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
