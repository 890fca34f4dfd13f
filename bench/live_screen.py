"""The live screen's speed at the start and at the end of a four-hour meeting.

Two figures, each at the start of a meeting and after 4 hours with 3,000 turns
and 2,000 ideas (inserted in bulk, then the meeting resumed as after a restart):

- key press → screen updated: a speaker key sent to the live page's window (as a
  person's key press), until the turn is committed (WAL, synchronous=FULL, so the
  fsync is included), the state published and the page repainted;
  target p95 ≤ 20 ms;
- computing the state: `LiveMeeting.state()`, the pure function the screen draws
  from four times a second; target p95 ≤ 5 ms.

Prints p50 / p95 / max against the targets; never asserts.

    .venv/bin/python bench/live_screen.py [--presses 300] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.domain.enums import Role  # noqa: E402
from facilitator.services import agenda, live, meetings, projects  # noqa: E402
from facilitator.storage.database import Database  # noqa: E402
from facilitator.storage.models import Idea, SpeakerTurn  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402
from ui.live.live_page import LivePage  # noqa: E402

KEY_TARGET_P95_MS = 20.0
STATE_TARGET_P95_MS = 5.0
TURNS = 3000
IDEAS = 2000
HOURS = 4
KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_0)


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    index = max(0, min(len(sorted_values) - 1, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def report(name: str, values: list[float], target: float) -> None:
    """One line: p50, p95, max and the target."""
    ordered = sorted(values)
    p95 = percentile(ordered, 0.95)
    verdict = "ok" if p95 <= target else "OVER TARGET"
    print(
        f"  {name:<34} p50 {statistics.median(ordered):6.2f} ms   p95 {p95:6.2f} ms   "
        f"max {ordered[-1]:6.2f} ms   (target p95 ≤ {target:.0f} ms: {verdict})"
    )


def measure(app: QApplication, page: LivePage, presses: int, clock: FakeClock) -> None:
    """Time key presses and state computations on the running page."""
    keys: list[float] = []
    window = page.windowHandle()
    for n in range(presses):
        clock.advance(3)
        started = time.perf_counter()
        QTest.keyClick(window, KEYS[n % len(KEYS)])
        page.repaint()
        keys.append((time.perf_counter() - started) * 1000)
    states: list[float] = []
    running = page.running
    assert running is not None
    for _n in range(presses):
        clock.advance(0.25)
        started = time.perf_counter()
        running.state()
        states.append((time.perf_counter() - started) * 1000)
    turns = len(running.facts.ledger.turns)
    print(f"  ({turns} turns stored)")
    report("key press → screen updated", keys, KEY_TARGET_P95_MS)
    report("computing the state", states, STATE_TARGET_P95_MS)


def fill(db: Database, meeting_id: object, clock: FakeClock) -> None:
    """Four hours of turns across the agenda and 2,000 ideas, written in bulk."""
    phases = agenda.list_phases(db, meeting_id)  # type: ignore[arg-type]
    start = clock.now()
    step = HOURS * 3600 / TURNS
    roles = (Role.CITIZEN, Role.CITIZEN, Role.OFFICIAL, Role.POLITICIAN, Role.SILENCE)
    turns = [
        {
            "meeting_id": meeting_id,
            "phase_id": phases[i * len(phases) // TURNS].id,
            "role": roles[i % len(roles)],
            "started_at": start + timedelta(seconds=i * step),
            "ended_at": start + timedelta(seconds=(i + 1) * step),
        }
        for i in range(TURNS)
    ]
    ideas = [
        {
            "meeting_id": meeting_id,
            "phase_id": phases[1].id,
            "title": f"Idé {i}: shelter, sti eller bålplads ved stranden",
            "detail": "",
            "proposed_by": "Borgergruppen",
            "theme": "",
            "check_note": "",
            "created_at": start + timedelta(seconds=i),
        }
        for i in range(IDEAS)
    ]
    with db.session() as s:
        s.execute(insert(SpeakerTurn), turns)
        s.execute(insert(Idea), ideas)
        s.commit()
    clock.advance(HOURS * 3600)
    live.touch(db, meeting_id, clock.now())  # type: ignore[arg-type]


def main() -> None:
    """Build a meeting, time it at the start, fill four hours, time it again."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=300)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    app = QApplication.instance() or create_application(sys.argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        clock = FakeClock()
        db = Database.open_file(Path(folder) / "f.db", clock)
        project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri"])
        meeting = meetings.create_meeting(db, project.id, "Borgermøde i Knebel", clock.now())
        agenda.apply_default_template(db, meeting.id)
        page = LivePage(db, ChangeHub(), clock)
        page.resize(1366, 768)
        page.show()
        app.processEvents()
        page.start(meeting.id)
        print("At the start of the meeting:")
        measure(app, page, args.presses, clock)
        page.stop()
        live.close_meeting(db, meeting.id, clock.now())

        second = meetings.create_meeting(db, project.id, "Fire timer i Agri", clock.now())
        agenda.apply_default_template(db, second.id)
        page.start(second.id)
        page.stop()
        fill(db, second.id, clock)
        page.resume(second.id)
        app.processEvents()
        print(f"After {HOURS} hours, {TURNS} turns and {IDEAS} ideas:")
        measure(app, page, args.presses, clock)
        page.stop()
        db.dispose()


if __name__ == "__main__":
    main()
