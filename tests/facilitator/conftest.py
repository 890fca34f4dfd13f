"""What the service tests share."""

from __future__ import annotations

import pytest

from facilitator.clock import FakeClock
from facilitator.demo import create_demo
from facilitator.storage.database import Database


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo project, made once per test module: (database, project)."""
    clock = FakeClock()
    db = Database.open_file(tmp_path_factory.mktemp("demo") / "f.db", clock)
    project = create_demo(db, clock)
    yield db, project
    db.dispose()
