"""How long search takes, as the official types, in a database of 10,000 ideas.

Builds a database with 10,000 ideas (title and detail from a Danish vocabulary),
2,000 resource asks and 2,000 next steps over 4 projects and 40 meetings, then times
`facilitator.services.search.search` — the call the search dialog makes on every
key — for each prefix of a few typed queries ("s", "st", "stø", ...). Prints p50,
p95 and max against the target; never asserts.

    .venv/bin/python bench/search.py [--ideas 10000] [--rounds 5] [--dir DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from facilitator.clock import SystemClock
from facilitator.domain.enums import AskKind, OwnerSide
from facilitator.services import meetings, projects
from facilitator.services.search import search
from facilitator.storage.database import Database
from facilitator.storage.models import Idea, NextStep, ResourceAsk

TARGET_P95_MS = 50.0
WARM_UP_CALLS = 5
# What an official might type; every prefix of each is timed, as keys arrive one by one.
TYPED = ("støjvold", "shelter ved", "bålplads", "aeblelund", "cykelsti til skolen",
         "helgenæs", "legeplads", "tilskud", "k", "forsamlingshus")
WORDS = (
    "shelter sti bålplads strand skov støjvold cykelsti skole legeplads hal forsamlingshus "
    "æblelund bænke bord fællesspisning badebro mole hundeskov naturlegeplads trafik "
    "fartdæmpning fortov busstoppested købmand café bibliotek kirke præstegård mose eng "
    "hjertestarter lys belysning shelterplads kajak bålhytte udsigt bakke helgenæs knebel "
    "agri vistoft femmøller ebeltoft tilskud tilladelse lodsejer kommune forvaltning grøn "
    "genbrug affald vand kloak fiber mobildækning bredbånd ældre unge børn familier "
    "frivillige forening festival marked loppemarked koncert teater udstilling"
).split()


def sentence(rng: random.Random, n: int) -> str:
    """`n` words of the vocabulary, the first capitalised."""
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize()


def seed(db: Database, ideas: int, rng: random.Random) -> None:
    """4 projects of 10 meetings; `ideas` ideas and a fifth as many asks and next steps."""
    meeting_ids = []
    for p in range(4):
        project = projects.create_project(db, f"Projekt {p + 1}", ["Knebel", "Agri"])
        for m in range(10):
            meeting = meetings.create_meeting(
                db, project.id, f"Borgermøde {m + 1}", datetime(2026, 1, 1, 19) + timedelta(days=30 * m))
            meeting_ids.append(meeting.id)
    now = db.clock.now()
    idea_rows = [
        {"meeting_id": meeting_ids[i % len(meeting_ids)], "title": sentence(rng, rng.randint(2, 6)),
         "detail": sentence(rng, rng.randint(0, 25)), "proposed_by": "", "theme": "",
         "check_note": "", "created_at": now}
        for i in range(ideas)
    ]
    ask_rows = [
        {"meeting_id": meeting_ids[i % len(meeting_ids)], "what": sentence(rng, rng.randint(2, 8)),
         "kind": AskKind.OTHER, "asked_by": "", "department": "", "sent_to": "",
         "answer_text": "", "reported_how": "", "asked_on": now.date(), "created_at": now}
        for i in range(ideas // 5)
    ]
    step_rows = [
        {"meeting_id": meeting_ids[i % len(meeting_ids)], "what": sentence(rng, rng.randint(2, 8)),
         "owner_side": OwnerSide.CITIZENS, "owner_label": "", "created_at": now}
        for i in range(ideas // 5)
    ]
    with db.session() as s:  # the triggers index every row as it is inserted
        s.execute(insert(Idea), idea_rows)
        s.execute(insert(ResourceAsk), ask_rows)
        s.execute(insert(NextStep), step_rows)
        s.commit()


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    index = max(0, min(len(sorted_values) - 1, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=10_000, help="ideas stored")
    parser.add_argument("--rounds", type=int, default=5, help="times every prefix is searched")
    parser.add_argument("--dir", help="folder for the database (default: a temp folder)")
    args = parser.parse_args(argv)
    prefixes = [typed[:n] for typed in TYPED for n in range(1, len(typed) + 1)]

    with tempfile.TemporaryDirectory(prefix="facilitator-bench-", dir=args.dir) as folder:
        db = Database.open_file(Path(folder) / "bench.db", SystemClock())
        try:
            seed_started = time.perf_counter()
            seed(db, args.ideas, random.Random(7))
            seed_s = time.perf_counter() - seed_started
            for query in prefixes[:WARM_UP_CALLS]:
                search(db, query)
            timings_ms: list[float] = []
            worst: tuple[float, str, int] = (0.0, "", 0)
            for _round in range(args.rounds):
                for query in prefixes:
                    started = time.perf_counter()
                    hits = search(db, query)
                    elapsed = (time.perf_counter() - started) * 1000
                    timings_ms.append(elapsed)
                    worst = max(worst, (elapsed, query, len(hits)))
        finally:
            db.dispose()

    timings_ms.sort()
    p95 = percentile(timings_ms, 0.95)
    print(f"search: {len(prefixes)} typed prefixes × {args.rounds} rounds on {args.ideas} ideas, "
          f"{args.ideas // 5} asks, {args.ideas // 5} next steps")
    print(f"  seeded (and indexed by the triggers) in {seed_s:.2f} s")
    print(f"  p50 {statistics.median(timings_ms):6.2f} ms")
    print(f"  p95 {p95:6.2f} ms   (target: p95 < {TARGET_P95_MS:g} ms)")
    print(f"  max {timings_ms[-1]:6.2f} ms   ({worst[1]!r}, {worst[2]} hits)")
    verdict = "meets" if p95 < TARGET_P95_MS else "MISSES"
    print(f"  {verdict} the target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
