"""Erasing one person from a database file with plain SQL: the live database and every backup.

Plain `sqlite3` and not the ORM, because a backup may hold an older schema
(made before a migration): each step first asks which tables and columns the
file has. The same function runs on the live database and, through
`storage.backup.rewrite_backups`, on every backup, so both are erased alike.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.domain.anonymise import REDACTED, Redactor, addresses_naming, nfc

# Free text that may hold a citizen's name, per table: every text column the
# user types. Soft-deleted rows are included: a deleted entry can be undone, so
# it must not keep the name either. Village names are searched too, though the
# eraser keeps a village's own name (it is a place, not the person).
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "project": ("name",),
    "place": ("name",),
    "meeting": ("title", "venue"),
    "phase": ("title", "question"),
    "idea": ("title", "detail", "proposed_by", "theme", "check_note"),
    "resource_ask": ("what", "asked_by", "department", "sent_to", "answer_text", "reported_how"),
    "next_step": ("what", "owner_label"),
    "brief_record": ("recipients",),
    # A group may be named after someone on purpose ("Anna Holms gruppe").
    "citizen_group": ("name",),
    # The follow-up history: who it was sent to, the answer's words, how it was reported back.
    # `recorded_by` is the official's own name (from the settings), scrubbed too in case the
    # erased person is the official who recorded it.
    "follow_up_event": ("department", "sent_to", "text", "recorded_by"),
    # The official's private reflection may name a citizen.
    "reflection": ("note",),
}
# Text columns deliberately left alone, and why (a test checks that every text
# column of the models is in one list or the other).
KEPT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("person", "name"),  # the person's own row is deleted
    ("person", "contact"),
    ("setting", "value"),  # the municipality's sender details and logo, not citizens' text
    ("brief_record", "language"),  # a language code
    ("audit_log", "action"),  # a kind of action, never a name
)
LINK_TABLES = ("idea", "resource_ask")

@dataclass(frozen=True)
class ErasureTarget:
    """Who is erased: the record, the project whose texts are searched, and what to remove."""

    person_id: uuid.UUID
    project_id: uuid.UUID
    name: str
    contact: str
    # What the name is replaced by ("[slettet person]"), in the language of the erasure.
    replacement: str


class Eraser:
    """Finds a person's name and contact in a text the way the brief does, and replaces them.

    The brief's own `Redactor` does the finding, so whatever the brief would hide
    (any case, without diacritics, a possessive, a lone capitalised part of the
    name) is erased: once the person record is gone nothing else would hide it.
    Other people's full names and the project's village names are kept, and so
    are other contact details: only this person's own contact is erased.
    """

    def __init__(self, target: ErasureTarget, others: Iterable[str], places: Iterable[str]) -> None:
        hidden = [n for n in (target.name, target.contact) if n.strip()]
        self._name = target.name
        self._redact = Redactor(hidden, others, places, contact_details=False)
        self._replacement = target.replacement

    def __call__(self, text: str) -> str | None:
        """The text with the person replaced, or None when it does not mention them."""
        composed = nfc(text)
        # A "[…]" the user typed must survive; park it on a character the text does not use.
        parked = next(chr(c) for c in range(0xE000, 0xF8FF) if chr(c) not in composed)
        text = composed.replace(REDACTED, parked)
        # An address that holds part of the name goes whole ("kovalenko.o@gmail.com").
        for start, end in reversed(addresses_naming(text, [self._name])):
            text = text[:start] + REDACTED + text[end:]
        redacted = self._redact(text)
        if redacted == composed.replace(REDACTED, parked):
            return None
        return redacted.replace(REDACTED, self._replacement).replace(parked, REDACTED)


def _columns(connection: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}


def _scrub_table(
    connection: sqlite3.Connection, table: str, columns: tuple[str, ...], where: str,
    params: tuple[object, ...], erase: Eraser,
) -> int:
    present = [c for c in columns if c in _columns(connection, table)]
    if not present:
        return 0
    changed = 0
    listed = ", ".join(f'"{c}"' for c in present)
    rows = connection.execute(f'SELECT rowid, {listed} FROM "{table}" WHERE {where}', params)
    for rowid, *values in rows.fetchall():
        updates = {}
        for column, value in zip(present, values, strict=True):
            if isinstance(value, str):
                new = erase(value)
                if new is not None:
                    updates[column] = new
        if updates:
            assignments = ", ".join(f'"{c}" = ?' for c in updates)
            connection.execute(
                f'UPDATE "{table}" SET {assignments} WHERE rowid = ?', (*updates.values(), rowid)
            )
            changed += 1
    return changed


def erase_in(connection: sqlite3.Connection, target: ErasureTarget) -> int:
    """Erase the person on an open connection (the caller commits); returns rows changed.

    The person row is deleted, links to it set to NULL, and the name and the
    contact replaced in every free text (TEXT_COLUMNS) of every project. What
    the person said stays, without the name.
    """
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    person_key = target.person_id.hex  # SQLAlchemy stores a UUID as 32 hex digits on SQLite
    changed = 0
    for table in LINK_TABLES:
        if table in tables and "person_id" in _columns(connection, table):
            cursor = connection.execute(
                f'UPDATE "{table}" SET person_id = NULL WHERE person_id = ?', (person_key,)
            )
            changed += cursor.rowcount
    if "person" in tables:
        changed += connection.execute("DELETE FROM person WHERE id = ?", (person_key,)).rowcount
    erase = Eraser(target, *_neighbours(connection, tables, target))
    # Every project: the same citizen may be named in another project's notes.
    for table, columns in TEXT_COLUMNS.items():
        if table in tables:
            changed += _scrub_table(connection, table, columns, "1 = 1", (), erase)
    if changed and "search_fts" in tables:
        # The triggers re-indexed every rewritten text, but FTS5 keeps a replaced word in
        # its older index segments until they are merged: rebuilding writes the index anew
        # from the scrubbed entries, and secure_delete/VACUUM then wipe the freed pages.
        connection.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    return changed


def _neighbours(
    connection: sqlite3.Connection, tables: set[str], target: ErasureTarget
) -> tuple[list[str], list[str]]:
    """Everyone else and every village: kept, even where they share a name part."""
    others = [row[0] for row in connection.execute(
        "SELECT name FROM person WHERE id != ?", (target.person_id.hex,))] if "person" in tables else []
    places = [row[0] for row in connection.execute("SELECT name FROM place")] if "place" in tables else []
    return others, places


def erase_people_in(targets: list[ErasureTarget]) -> _Eraser:
    """A `change` for `rewrite_backups`: erases every target on the connection it is given."""
    return _Eraser(tuple(targets))


@dataclass(frozen=True)
class _Eraser:
    targets: tuple[ErasureTarget, ...]

    def __call__(self, connection: sqlite3.Connection) -> None:
        # The VACUUM that follows keeps its scratch copy in memory, not in the system's temp folder.
        connection.execute("PRAGMA temp_store=MEMORY")
        for target in self.targets:
            erase_in(connection, target)
