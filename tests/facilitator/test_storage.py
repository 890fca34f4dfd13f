"""The database file: pragmas that make commits durable, migrations, UTC round trips."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.exc import StatementError

from facilitator.clock import FakeClock
from facilitator.services import capture, projects
from facilitator.storage.database import MIGRATIONS, Database, StorageError


def head_revision() -> str:
    """The newest migration shipped with the app."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def pragma(db: Database, name: str) -> object:
    """A pragma's value as seen on a connection taken from the engine's pool."""
    with db.engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_pooled_connections_are_durable_and_enforce_foreign_keys(db):
    assert pragma(db, "journal_mode") == "wal"
    assert pragma(db, "synchronous") == 2  # FULL: a returned commit survives power loss
    assert pragma(db, "foreign_keys") == 1
    assert pragma(db, "busy_timeout") == 5000


def test_every_pooled_connection_gets_the_pragmas(db):
    # Hold one connection so the pool must open a second, fresh one.
    with db.engine.connect() as first, db.engine.connect() as second:
        for connection in (first, second):
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_new_database_is_migrated_to_head(db):
    assert db.schema_revision() == head_revision()


def test_second_open_of_the_same_file_is_a_no_op(tmp_path, clock):
    path = tmp_path / "f.db"
    first = Database.open_file(path, clock)
    project = projects.create_project(first, "Mols i Udvikling", ["Knebel"])
    first.dispose()
    size_before = path.stat().st_size

    again = Database.open_file(path, clock)
    try:
        assert again.schema_revision() == head_revision()
        assert [p.name for p in projects.list_projects(again)] == ["Mols i Udvikling"]
        assert projects.get_project(again, project.id).places[0].name == "Knebel"
        with again.engine.connect() as connection:
            versions = connection.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar()
        assert versions == 1
    finally:
        again.dispose()
    assert path.stat().st_size == size_before


def test_open_creates_missing_parent_folders(tmp_path, clock):
    path = tmp_path / "a" / "b" / "f.db"
    db = Database.open_file(path, clock)
    try:
        assert path.exists()
        assert db.schema_revision() == head_revision()
    finally:
        db.dispose()


def test_utc_datetimes_round_trip_aware(tmp_path, meeting_factory):
    # A moment given in Danish summer time comes back as the same instant, in UTC.
    cest = timezone(timedelta(hours=2))
    stamped = datetime(2026, 6, 18, 21, 30, 15, 123456, tzinfo=cest)
    db = Database.open_file(tmp_path / "tz.db", FakeClock(start=stamped))
    try:
        meeting = meeting_factory(db)
        idea = capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter ved stranden"))
        [stored] = capture.list_ideas(db, meeting.id)
    finally:
        db.dispose()
    assert idea.created_at == stamped
    # Read back from the file: aware, in UTC, the same instant to the microsecond.
    assert stored.created_at.tzinfo is not None
    assert stored.created_at.utcoffset() == timedelta(0)
    assert stored.created_at == stamped
    assert stored.created_at.replace(tzinfo=None) == datetime(2026, 6, 18, 19, 30, 15, 123456)


def test_naive_datetime_is_refused_for_utc_columns(tmp_path):
    class NaiveClock(FakeClock):
        def now(self) -> datetime:
            return datetime(2026, 3, 3, 18, 0)

    db = Database.open_file(tmp_path / "naive.db", NaiveClock())
    try:
        # SQLAlchemy wraps the ValueError raised by the column type.
        with pytest.raises(StatementError, match="naive datetime"):
            projects.create_project(db, "Mols i Udvikling")
        assert projects.list_projects(db) == []
    finally:
        db.dispose()


def test_schema_head_constant_matches_the_migrations_folder():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from facilitator.storage.database import MIGRATIONS, SCHEMA_HEAD

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def test_a_file_that_is_not_a_database_gives_a_danish_message(tmp_path, clock):
    path = tmp_path / "f.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError, match="Databasen kan ikke åbnes"):
        Database.open_file(path, clock)
    assert path.read_bytes() == b"this is not a database" * 100  # never overwritten


def test_models_and_migrations_describe_the_same_schema(db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from facilitator.storage.models import Base

    def mapped(name: str | None, type_: str, _parent: object) -> bool:
        # The search index (migration 0006) is kept by triggers, never through the models:
        # its table, the FTS5 table and that one's shadow tables have no model.
        return not (type_ == "table" and name is not None and name.startswith("search_"))

    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": mapped})
        assert compare_metadata(context, Base.metadata) == []
