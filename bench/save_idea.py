"""How long saving one idea takes when the meeting already holds 10,000 ideas.

Times `capture.add_idea` — the service call the quick entry makes, from the call
until the commit has returned (WAL, synchronous=FULL, so the fsync is included).
Prints p50 / p95 / max against the target; never asserts.

    .venv/bin/python bench/save_idea.py [--ideas 10000] [--calls 500] [--dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from facilitator.clock import SystemClock
from facilitator.services import agenda, capture, meetings, projects
from facilitator.storage.database import Database
from facilitator.storage.models import Idea

TARGET_P95_MS = 10.0
WARM_UP_CALLS = 5


def seed(db: Database, ideas: int):
    """A project, a meeting with the default agenda, and `ideas` ideas inserted in one bulk."""
    project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri", "Vistoft"])
    meeting = meetings.create_meeting(db, project.id, "Borgermøde", datetime(2026, 3, 3, 19, 0))
    phases = agenda.apply_default_template(db, meeting.id)
    start = db.clock.now() - timedelta(hours=3)
    rows = [
        {
            "meeting_id": meeting.id,
            "phase_id": phases[i % len(phases)].id,
            "title": f"Idé {i}: shelter, sti eller bålplads ved stranden",
            "detail": "Uddybning " * 10,
            "proposed_by": "Borgergruppen",
            "theme": "Natur",
            "check_note": "",
            "created_at": start + timedelta(milliseconds=i),
        }
        for i in range(ideas)
    ]
    with db.session() as s:
        s.execute(insert(Idea), rows)  # ORM bulk insert: fills the UUID defaults
        s.commit()
    return meeting


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    index = max(0, min(len(sorted_values) - 1, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=10_000, help="ideas already stored")
    parser.add_argument("--calls", type=int, default=500, help="timed add_idea calls")
    parser.add_argument("--dir", help="folder for the database (default: a temp folder)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="facilitator-bench-", dir=args.dir) as folder:
        db = Database.open_file(Path(folder) / "bench.db", SystemClock())
        try:
            seed_started = time.perf_counter()
            meeting = seed(db, args.ideas)
            seed_s = time.perf_counter() - seed_started
            for i in range(WARM_UP_CALLS):  # first calls compile statements; not what a user feels
                capture.add_idea(db, meeting.id, capture.IdeaInput(f"Opvarmning {i}"))
            timings_ms: list[float] = []
            for i in range(args.calls):
                data = capture.IdeaInput(title=f"Ny idé {i}", proposed_by="Borger", theme="Natur")
                started = time.perf_counter()
                capture.add_idea(db, meeting.id, data)
                timings_ms.append((time.perf_counter() - started) * 1000)
            stored = len(capture.list_ideas(db, meeting.id))
        finally:
            db.dispose()

    timings_ms.sort()
    p95 = percentile(timings_ms, 0.95)
    print(f"save_idea: {args.calls} calls of capture.add_idea on a meeting with {args.ideas} ideas")
    print(f"  seeded {args.ideas} ideas in {seed_s:.2f} s; {stored} ideas stored at the end")
    print(f"  p50 {statistics.median(timings_ms):6.2f} ms")
    print(f"  p95 {p95:6.2f} ms   (target: p95 ≤ {TARGET_P95_MS:g} ms)")
    print(f"  max {timings_ms[-1]:6.2f} ms")
    verdict = "meets" if p95 <= TARGET_P95_MS else "MISSES"
    print(f"  {verdict} the target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
