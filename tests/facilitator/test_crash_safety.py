"""Never lose an entry: every idea whose save returned is still there after kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from facilitator.clock import SystemClock
from facilitator.services import capture, meetings, projects
from facilitator.storage.database import Database

ACKNOWLEDGED_BEFORE_KILL = 200
WHOLE_TEST_TIMEOUT_S = 90.0

# The child saves ideas through the same service call the UI uses and prints a
# title only after the call returned, i.e. after the commit was acknowledged.
CHILD = r"""
import sys
from datetime import datetime
from pathlib import Path

from facilitator.clock import SystemClock
from facilitator.services import agenda, capture, meetings, projects
from facilitator.storage.database import Database

db = Database.open_file(Path(sys.argv[1]), SystemClock())
project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri"])
meeting = meetings.create_meeting(db, project.id, "Borgermøde", datetime(2026, 3, 3, 19, 0))
agenda.apply_default_template(db, meeting.id)
print(f"meeting {meeting.id}", flush=True)
n = 0
while True:
    title = f"Idé nr. {n} – æøå 🌳"
    capture.add_idea(db, meeting.id, capture.IdeaInput(title=title, proposed_by="Borger"))
    print(title, flush=True)
    n += 1
"""


def run_child_until_acknowledged(db_path: Path) -> tuple[str, list[str]]:
    """Start the child, read its acknowledgements, SIGKILL it mid-stream; (meeting id, titles)."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    # Reads below block; if the child hangs, killing it ends them with EOF.
    watchdog = threading.Timer(WHOLE_TEST_TIMEOUT_S, child.kill)
    watchdog.start()
    try:
        assert child.stdout is not None and child.stderr is not None
        first = child.stdout.readline().decode("utf-8")
        assert first.startswith("meeting "), child.stderr.read().decode("utf-8", "replace")
        titles: list[str] = []
        while len(titles) < ACKNOWLEDGED_BEFORE_KILL:
            line = child.stdout.readline().decode("utf-8")
            if not line.endswith("\n"):
                raise AssertionError(
                    f"child stopped after {len(titles)} ideas:\n"
                    + child.stderr.read().decode("utf-8", "replace")
                )
            titles.append(line[:-1])
        child.send_signal(signal.SIGKILL)
        child.wait()
        # Lines already in the pipe were acknowledged too; a torn last line was not.
        for line in child.stdout.read().decode("utf-8").splitlines(keepends=True):
            if line.endswith("\n"):
                titles.append(line[:-1])
        child.stdout.close()
        child.stderr.close()
    finally:
        watchdog.cancel()
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, "the child was not killed mid-stream"
    return first.split()[1], titles


def test_acknowledged_ideas_survive_sigkill(tmp_path):
    db_path = tmp_path / "facilitator.db"
    meeting_id, acknowledged = run_child_until_acknowledged(db_path)
    assert len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL

    db = Database.open_file(db_path, SystemClock())
    try:
        [project] = projects.list_projects(db)
        [meeting] = meetings.list_meetings(db, project.id)
        assert str(meeting.id) == meeting_id
        stored = [idea.title for idea in capture.list_ideas(db, meeting.id)]
        with db.engine.connect() as connection:
            integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
    finally:
        db.dispose()

    assert integrity == ["ok"]
    missing = [title for title in acknowledged if title not in set(stored)]
    assert missing == []
    # Stored in order, nothing torn: at most the one save that was running when killed is extra.
    assert stored[: len(acknowledged)] == acknowledged
    assert len(stored) - len(acknowledged) in (0, 1)
