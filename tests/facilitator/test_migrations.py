"""Stored databases of every earlier schema are upgraded, and every row survives unchanged."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from facilitator.services import agenda, capture, live, meetings, priorities, projects, search
from facilitator.storage.database import SCHEMA_HEAD, Database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def snapshot(path: Path) -> dict[str, list[dict[str, object]]]:
    """Every row of every table, as column → value."""
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
            )
        ]
        return {
            t: sorted((dict(r) for r in connection.execute(f'SELECT * FROM "{t}"')), key=repr)
            for t in tables
        }


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.db")), ids=lambda p: p.stem)
def test_earlier_schema_upgrades_row_by_row(tmp_path, clock, fixture: Path) -> None:
    path = tmp_path / "f.db"
    shutil.copy(fixture, path)
    before = snapshot(path)
    db = Database.open_file(path, clock)
    try:
        assert db.schema_revision() == SCHEMA_HEAD
        after = snapshot(path)
        for table, rows in before.items():
            kept = [{k: row[k] for k in rows[0]} for row in after[table]] if rows else after[table]
            assert kept == rows, table
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        # The upgraded data reads back through the services.
        [project] = projects.list_projects(db)
        [meeting] = meetings.list_meetings(db, project.id)
        assert meeting.title == "Borgermøde i Knebel"
        assert sorted(i.title for i in capture.list_ideas(db, meeting.id)) == [
            "Cafe\u0301 i forsamlingshuset ☕", "Shelter ved Agri Bavnehøj"]
        assert sorted(a.what for a in capture.list_asks(db, meeting.id)) == [
            "Tilladelse til shelter", "Tilskud"]
        if fixture.stem < "schema_0005":  # no ask had been sent before the follow-up desk
            assert {a.department for a in capture.list_asks(db, meeting.id)} == {""}
        # Every entry already there is found by search (0006), the deleted one is not.
        assert [h.title for h in search.search(db, "bavnehoj")] == ["Shelter ved Agri Bavnehøj"]
        assert [h.title for h in search.search(db, "cafe")] == ["Cafe\u0301 i forsamlingshuset ☕"]
        assert {h.kind for h in search.search(db, "til")} == {"ask"}
        assert search.search(db, "slettet") == []
        assert len(live.list_gaps(db, meeting.id)) == 1
        # 0007: every agenda item has no question yet, and a round numbers the ideas kept.
        assert {p.question for p in agenda.list_phases(db, meeting.id)} == {""}
        assert priorities.list_rounds(db, meeting.id) == []
        round_ = priorities.start_round(db, meeting.id)
        assert [c.title for c in round_.choices] == [
            "Shelter ved Agri Bavnehøj", "Cafe\u0301 i forsamlingshuset ☕"]
    finally:
        db.dispose()


def test_there_is_a_fixture_for_every_earlier_schema() -> None:
    versions = sorted(p.name.split("_")[0] for p in (FIXTURES.parent.parent / "facilitator" /
                      "storage" / "migrations" / "versions").glob("0*.py"))
    frozen = sorted(p.stem.removeprefix("schema_") for p in FIXTURES.glob("schema_*.db"))
    assert frozen == versions[:-1]  # every version but the newest


def test_a_step_marked_done_before_the_follow_up_desk_is_done_after_the_upgrade(tmp_path, clock) -> None:
    path = tmp_path / "f.db"
    shutil.copy(FIXTURES / "schema_0004.db", path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE next_step SET done = 1")
    db = Database.open_file(path, clock)
    try:
        [project] = projects.list_projects(db)
        [meeting] = meetings.list_meetings(db, project.id)
        assert [(s.done, s.state.value) for s in capture.list_steps(db, meeting.id)] == [(True, "done")]
    finally:
        db.dispose()


def test_schema_0007_goes_back_to_0006_keeping_the_meetings(tmp_path, clock) -> None:
    from alembic import command
    from alembic.config import Config

    from facilitator.storage.database import MIGRATIONS

    path = tmp_path / "f.db"
    db = Database.open_file(path, clock)
    project = projects.create_project(db, "Mols")
    meeting = meetings.create_meeting(db, project.id, "Borgermøde i Knebel", clock.now())
    agenda.apply_default_template(db, meeting.id)
    phase = agenda.list_phases(db, meeting.id)[1]
    agenda.set_question(db, phase.id, "Hvad er vigtigst for jer?")
    capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter ved søen"), phase_id=phase.id)
    priorities.set_votes(db, priorities.start_round(db, meeting.id).id, 1, 7)
    with db.engine.connect() as connection:  # foreign keys on, as a careless tool would have them
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
        connection.commit()
    db.dispose()
    with sqlite3.connect(path) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {r[1] for r in connection.execute("PRAGMA table_info(phase)")}
        titles = [r[0] for r in connection.execute("SELECT title FROM idea")]
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert "priority_round" not in tables and "priority_choice" not in tables
    assert "question" not in columns and titles == ["Shelter ved søen"] and revision == "0006"
