"""The data folder is held by one app at a time; a second one is refused in Danish."""

from __future__ import annotations

import subprocess
import sys

import pytest

from facilitator.services import projects
from facilitator.storage.data_folder import open_app_database
from facilitator.storage.database import StorageError

HOLD = """
import sys
from pathlib import Path
from facilitator.clock import SystemClock
from facilitator.storage.data_folder import open_app_database
db = open_app_database(Path(sys.argv[1]), SystemClock())
print("open", flush=True)
sys.stdin.readline()
"""


def test_second_app_on_the_same_folder_is_refused_and_changes_nothing(tmp_path, clock) -> None:
    first = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "open"
        with pytest.raises(StorageError, match="kører allerede"):
            open_app_database(tmp_path, clock)
    finally:
        first.kill()
        first.wait()
    # The OS frees the lock when the holder dies, even by kill -9.
    db = open_app_database(tmp_path, clock)
    try:
        assert projects.list_projects(db) == []
    finally:
        db.dispose()


def test_lock_is_released_on_dispose(tmp_path, clock) -> None:
    db = open_app_database(tmp_path, clock)
    db.dispose()
    again = open_app_database(tmp_path, clock)
    again.dispose()
