"""The search index: every idea, resource ask and next step, folded, in an FTS5 table.

`search_entry` holds one row per entry that is not deleted: its kind, its id,
its meeting and its text folded (domain/search_text.py); `search_fts` is an
FTS5 index over it (external content, so the folded text is stored once).
Triggers keep both up to date on every insert, update and delete, soft delete
and undo included, so no service has to remember the index.

Why triggers with SQL folding and not Python: the eraser rewrites texts on plain
`sqlite3` connections (the live file and every backup, services/privacy_erase.py),
and a trigger calling a Python function would fail on any connection that has not
registered it. The folding is therefore `lower()` and nested `replace()`, frozen
here as it was when this revision was written; `fold()` in domain/search_text.py
must give the same (tests/facilitator/test_search.py checks it).

A later migration that rebuilds idea, resource_ask or next_step (Alembic's batch
mode on SQLite drops and recreates the table) drops their triggers with it and must
create them again (`create_triggers` below).

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# domain/search_text.FOLDS as of this revision (a migration never changes afterwards).
_FOLDS = (
    ("æ", "ae"), ("Æ", "ae"),
    ("ø", "o"), ("Ø", "o"),
    ("å", "a"), ("Å", "a"),
    ("ä", "ae"), ("Ä", "ae"),
    ("ö", "o"), ("Ö", "o"),
    ("ł", "l"), ("Ł", "l"),
    ("ß", "ss"),
    ("œ", "oe"), ("Œ", "oe"),
    ("đ", "d"), ("Đ", "d"), ("ð", "d"), ("Ð", "d"),
    ("þ", "th"), ("Þ", "th"),
    ("aa", "a"),
)

# kind → (table, title column, detail column or None)
SOURCES = {
    "idea": ("idea", "title", "detail"),
    "ask": ("resource_ask", "what", None),
    "step": ("next_step", "what", None),
}


def _fold(expression: str) -> str:
    sql = f"lower({expression})"
    for letter, plain in _FOLDS:
        sql = f"replace({sql}, '{letter}', '{plain}')"
    return sql


def _entry_select(kind: str, alias: str) -> str:
    """The search_entry values for a row of the kind, named `alias` (new or the table)."""
    _table, title, detail = SOURCES[kind]
    detail_sql = _fold(f"{alias}.{detail}") if detail else "''"
    return (f"SELECT '{kind}', {alias}.id, {alias}.meeting_id, "
            f"{_fold(f'{alias}.{title}')}, {detail_sql}")


def create_triggers(kind: str) -> None:
    """The three triggers that keep `search_entry` in step with one kind's table."""
    table, title, detail = SOURCES[kind]
    columns = ", ".join(c for c in (title, detail, "deleted_at", "meeting_id") if c)
    insert = (f"INSERT INTO search_entry (kind, entry_id, meeting_id, title, detail) "
              f"{_entry_select(kind, 'new')} WHERE new.deleted_at IS NULL;")
    forget = f"DELETE FROM search_entry WHERE kind = '{kind}' AND entry_id = old.id;"
    op.execute(f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} "
               f"BEGIN {insert} END")
    # An edit, a soft delete (deleted_at set) or an undo: forget the old entry, index the new.
    op.execute(f"CREATE TRIGGER {table}_search_update AFTER UPDATE OF {columns} ON {table} "
               f"BEGIN {forget} {insert} END")
    op.execute(f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} "
               f"BEGIN {forget} END")


def upgrade() -> None:
    # An INTEGER PRIMARY KEY: the FTS rowid must stay what it is, VACUUM or not.
    op.execute("""
        CREATE TABLE search_entry (
            id INTEGER PRIMARY KEY,
            kind VARCHAR(8) NOT NULL,
            entry_id CHAR(32) NOT NULL,
            meeting_id CHAR(32) NOT NULL,
            title TEXT NOT NULL,
            detail TEXT NOT NULL,
            UNIQUE (kind, entry_id)
        )""")
    # Prefix indexes for the first letters typed: "s", "st", "sto" answer fast.
    op.execute("""
        CREATE VIRTUAL TABLE search_fts USING fts5(
            title, detail, content='search_entry', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
        )""")
    op.execute("CREATE TRIGGER search_entry_insert AFTER INSERT ON search_entry BEGIN "
               "INSERT INTO search_fts (rowid, title, detail) "
               "VALUES (new.id, new.title, new.detail); END")
    op.execute("CREATE TRIGGER search_entry_delete AFTER DELETE ON search_entry BEGIN "
               "INSERT INTO search_fts (search_fts, rowid, title, detail) "
               "VALUES ('delete', old.id, old.title, old.detail); END")
    op.execute("CREATE TRIGGER search_entry_update AFTER UPDATE ON search_entry BEGIN "
               "INSERT INTO search_fts (search_fts, rowid, title, detail) "
               "VALUES ('delete', old.id, old.title, old.detail); "
               "INSERT INTO search_fts (rowid, title, detail) "
               "VALUES (new.id, new.title, new.detail); END")
    for kind, (table, _title, _detail) in SOURCES.items():
        create_triggers(kind)
        # The entries already there, in the order they were captured.
        op.execute(f"INSERT INTO search_entry (kind, entry_id, meeting_id, title, detail) "
                   f"{_entry_select(kind, table)} FROM {table} "
                   f"WHERE {table}.deleted_at IS NULL ORDER BY {table}.rowid")


def downgrade() -> None:
    for table, _title, _detail in SOURCES.values():
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_search_{event}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.execute("DROP TABLE IF EXISTS search_entry")
