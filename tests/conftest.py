"""Shared fixtures: offscreen Qt, a fake clock, a fresh database and a meeting factory per test."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

import pytest

# Must come before anything imports Qt (offscreen, two virtual screens).
import tests.qt_platform  # noqa: F401, I001
from facilitator.clock import FakeClock
from facilitator.domain.enums import Regulation, SelfDriving
from facilitator.services import agenda, meetings, projects
from facilitator.services.rows import MeetingRow
from facilitator.storage.database import Database
from facilitator.storage.permissions import create_private_file

PROJECT_NAME = "Mols i Udvikling"
PLACES = ("Agri", "Femmøller", "Helgenæs", "Knebel", "Vistoft")


@pytest.fixture(autouse=True, scope="session")
def _private_config_home(tmp_path_factory) -> None:
    """No test (nor an app it starts) writes the user's own settings, e.g. the window's place."""
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))


@pytest.fixture
def clock() -> FakeClock:
    """A clock that only moves when told to."""
    return FakeClock()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """One database brought to the newest schema by the real migrations, once per run."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    Database.open_file(path, FakeClock()).dispose()
    return path


def copy_of_template(template: Path, path: Path) -> Path:
    """A private copy of the migrated template at `path` (SQLite's backup API: a whole file)."""
    create_private_file(path)
    with sqlite3.connect(template) as source, sqlite3.connect(path) as target:
        source.backup(target)
    source.close()
    target.close()
    return path


@pytest.fixture
def db(tmp_path, clock, migrated_template) -> Iterator[Database]:
    """A fresh database at the newest schema: a copy of the migrated template.

    Running Alembic for every test cost about 0.3 s each; `tests/facilitator/test_migrations.py`
    still runs the migrations themselves, from empty and from every earlier schema.
    """
    database = Database.open_file(copy_of_template(migrated_template, tmp_path / "f.db"), clock)
    yield database
    database.dispose()


MeetingFactory = Callable[..., MeetingRow]


@pytest.fixture
def meeting_factory() -> MeetingFactory:
    """`make(db, **options)`: a meeting in "Mols i Udvikling" with the default agenda.

    The project (with its villages) is created on the first call for a database
    and reused by later calls, so two meetings share one project as in real use.
    """

    def make(
        db: Database,
        *,
        title: str = "Borgermøde i Knebel",
        scheduled_at: datetime = datetime(2026, 3, 3, 19, 0),
        venue: str = "Knebel Forsamlingshus",
        places: Sequence[str] = PLACES,
        meeting_places: Sequence[str] = ("Knebel", "Agri"),
        with_agenda: bool = True,
        self_driving: SelfDriving = SelfDriving.SELF_DRIVING,
        regulation: Regulation = Regulation.LIGHT,
    ) -> MeetingRow:
        existing = [p for p in projects.list_projects(db, True) if p.name == PROJECT_NAME]
        if existing:
            project = projects.add_places(db, existing[0].id, list(places))
        else:
            project = projects.create_project(db, PROJECT_NAME, list(places))
        by_name = {p.name: p.id for p in project.places}
        meeting = meetings.create_meeting(
            db,
            project.id,
            title,
            scheduled_at,
            venue=venue,
            place_ids=[by_name[name] for name in meeting_places if name in by_name],
            self_driving=self_driving,
            regulation=regulation,
        )
        if with_agenda:
            agenda.apply_default_template(db, meeting.id)
        return meetings.get_meeting(db, meeting.id)

    return make
