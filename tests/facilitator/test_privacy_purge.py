"""The start-up purge never erases people because the computer's clock is wrong."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from facilitator.clock import FakeClock
from facilitator.data_door import Purpose, open_data_folder
from facilitator.paths import database_path
from facilitator.services import people, privacy, projects
from facilitator.services.audit import AuditAction, list_audit
from facilitator.services.privacy_purge import (
    clock_ahead_of_data,
    held_explanation,
    newest_stored_time,
    purge_at_start,
    purge_held,
)
from facilitator.services.privacy_settings import set_project_ended
from facilitator.storage.database import Database

KAREN = "Karen Vestergaard"
STARTED = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
# The retention (12 months) of a project ended on 31-03-2026 runs out on 31-03-2027.
DUE_DAY = datetime(2027, 4, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A data folder with a project that ended 31-03-2026 and Karen in it; written in March 2026."""
    path = tmp_path / "data"
    clock = FakeClock(STARTED)
    db = Database.open_file(database_path(path), clock)
    project = projects.create_project(db, "Mols i Udvikling")
    people.add_person(db, project.id, KAREN, "k@example.org", True, True)
    set_project_ended(db, project.id, date(2026, 3, 31))
    db.dispose()
    return path


def _find(db: Database) -> list[str]:
    """Karen, if she is still stored."""
    return [p.name for p in privacy.find_people(db, "Karen")]


def test_the_clock_may_be_up_to_a_day_ahead_of_the_data():
    assert not clock_ahead_of_data(STARTED + timedelta(days=1), STARTED)
    assert clock_ahead_of_data(STARTED + timedelta(days=1, seconds=1), STARTED)
    assert not clock_ahead_of_data(STARTED - timedelta(days=400), STARTED)  # set back: harmless
    assert not clock_ahead_of_data(STARTED, None)  # nothing stored yet


def test_the_newest_stored_time_is_taken_from_every_table(folder):
    clock = FakeClock(STARTED)
    db = Database.open_file(database_path(folder), clock)
    try:
        assert newest_stored_time(db) is not None
        before = newest_stored_time(db)
        clock.set_wall(datetime(2026, 8, 1, 12, 0, tzinfo=UTC))
        from facilitator.services import audit

        audit.log(db, AuditAction.PERSON_EXPORTED, 1, None)  # only the audit log moves
        assert newest_stored_time(db) == datetime(2026, 8, 1, 12, 0, tzinfo=UTC) > before
    finally:
        db.dispose()


def test_a_clock_far_ahead_of_the_data_holds_the_purge_back(folder):
    db = Database.open_file(database_path(folder), FakeClock(DUE_DAY))
    try:
        result = purge_at_start(db, folder)
        assert (result.erased, result.held, result.today) == (0, 1, date(2027, 4, 1))
        assert result.newest is not None and result.newest.date() == date(2026, 3, 3)
        assert _find(db)  # Karen is still there
        assert not [r for r in list_audit(db) if r.action is AuditAction.RETENTION_PURGE]
        text = held_explanation(result)
        assert "1 person fra et afsluttet projekt" in text and "01-04-2027" in text and "03-03-2026" in text

        # Once the official confirms the date, the same purge erases her.
        assert purge_held(db, folder, result) == 1
        assert not _find(db)
    finally:
        db.dispose()


def test_a_clock_that_agrees_with_the_data_purges_at_once(folder):
    clock = FakeClock(DUE_DAY - timedelta(hours=2))
    db = Database.open_file(database_path(folder), clock)
    try:
        projects.create_project(db, "Helgenæs i Fællesskab")  # the app was used this morning
        clock.advance(2 * 3600)
        result = purge_at_start(db, folder)
        assert (result.erased, result.held) == (1, 0)
        assert not _find(db)
    finally:
        db.dispose()


def test_nothing_due_means_nothing_held(folder):
    db = Database.open_file(database_path(folder), FakeClock(datetime(2027, 3, 1, tzinfo=UTC)))
    try:
        result = purge_at_start(db, folder)
        assert (result.erased, result.held) == (0, 0)
        assert _find(db)
    finally:
        db.dispose()


def test_the_door_reports_a_held_purge(folder):
    with open_data_folder(folder, FakeClock(DUE_DAY), Purpose.EDIT) as opened:
        assert opened.purge is not None and opened.purge.held == 1
        assert _find(opened.database)


def test_the_explanation_counts_people_in_danish():
    from facilitator.services.privacy_purge import StartPurge

    several = StartPurge(date(2027, 4, 1), held=3, newest=STARTED)
    assert held_explanation(several).startswith(
        "3 personer fra afsluttede projekter skal slettes, fordi opbevaringstiden er udløbet. "
        "Men computerens ur siger 01-04-2027, og det nyeste i databasen er fra 03-03-2026.")
