"""How long hiding names and contact details takes for a brief-sized corpus.

The corpus: the texts of 2,000 ideas, 300 asks and 100 next steps (title,
detail, group, place, theme, check note, ...), as the brief redacts them, with
30 registered people (a third with consent). Every tenth idea mentions one of
them by name, in another script or with a case ending, and every twentieth
carries a phone number, an e-mail address or an amount.

- **compile**: building the `Redactor` (once per brief);
- **redact**: running it over every text of the corpus.

Runs after one untimed warm-up; prints every run and the medians in ms. Target:
compile + redact ≤ 250 ms for this corpus (the brief itself takes ≈ 1 s).
Never asserts.

    .venv/bin/python bench/redact.py [--runs 7] [--ideas 2000] [--people 30]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import astuple
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.facilitator.brief_factory

from facilitator.domain.anonymise import Redactor  # noqa: E402
from tests.facilitator.brief_factory import PLACES, many_asks, many_ideas, many_steps  # noqa: E402

TARGET_MS = 250.0
FIRST = ("Olena", "Łukasz", "Søren", "Şükrü", "Anna", "Jens", "Mette", "Иван", "Γιώργος", "Karen")
LAST = ("Kovalenko", "Wiśniewski", "Bødker", "Yılmaz", "Holm", "Nowak", "Dahl", "Петров",
        "Παπαδόπουλος", "Vestergaard")
MENTIONS = ("{first} {last} foreslog det", "Ifølge {last}a", "{first}s idé med {last}",
            "olena kovalenko sagde ja", "Олена Коваленко og Wiśniewskiego")
EXTRAS = ("ring 12 34 56 78", "skriv til anna.holm@kommune.dk", "koster 25.000 kr.",
          "tlf. +45 20 30 40 50", "1. maj 2026 kl. 19.30")


def people(count: int) -> tuple[list[str], list[str]]:
    """`count` names: every third consented (shown), the rest hidden."""
    names = [f"{FIRST[i % len(FIRST)]} {LAST[(i * 3 + i // len(FIRST)) % len(LAST)]}"
             for i in range(count)]
    return [n for i, n in enumerate(names) if i % 3], [n for i, n in enumerate(names) if not i % 3]


def corpus(ideas: int) -> list[str]:
    """Every text field of a large meeting, some of them naming people or giving contacts."""
    texts: list[str] = []
    for i, idea in enumerate(many_ideas(ideas)):
        fields = [x for x in astuple(idea) if isinstance(x, str)]
        if i % 10 == 0:
            fields[1] += " " + MENTIONS[i // 10 % len(MENTIONS)].format(
                first=FIRST[i % len(FIRST)], last=LAST[i % len(LAST)])
        if i % 20 == 0:
            fields[1] += " " + EXTRAS[i // 20 % len(EXTRAS)]
        texts += fields
    for row in (*many_asks(ideas // 7), *many_steps(ideas // 20)):
        texts += [x for x in astuple(row) if isinstance(x, str)]
    return texts


def run_once(hidden: list[str], shown: list[str], texts: list[str]) -> tuple[float, float, int]:
    """Seconds to build the redactor, seconds to redact the corpus, and texts changed."""
    re.purge()  # compiled from scratch, as for each brief (not from re's own cache)
    start = time.perf_counter()
    redact = Redactor(hidden, shown, PLACES)
    built = time.perf_counter()
    changed = sum(1 for t in texts if redact(t) != t)
    return built - start, time.perf_counter() - built, changed


def main() -> None:
    """Time building the redactor and redacting the corpus; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--ideas", type=int, default=2_000)
    parser.add_argument("--people", type=int, default=30)
    args = parser.parse_args()

    hidden, shown = people(args.people)
    texts = corpus(args.ideas)
    print(f"corpus: {len(texts)} texts, {sum(map(len, texts)) // 1000} k characters; "
          f"{len(hidden)} hidden and {len(shown)} consented people")
    run_once(hidden, shown, texts)  # warm-up: imports, first compile of the character tables
    compiles, redacts = [], []
    for run in range(1, args.runs + 1):
        compile_s, redact_s, changed = run_once(hidden, shown, texts)
        compiles.append(compile_s)
        redacts.append(redact_s)
        print(f"run {run}: compile {compile_s * 1000:6.1f} ms   redact {redact_s * 1000:6.1f} ms "
              f"({changed} texts changed)")
    compile_ms = statistics.median(compiles) * 1000
    redact_ms = statistics.median(redacts) * 1000
    print(f"median: compile {compile_ms:.1f} ms, redact {redact_ms:.1f} ms, "
          f"total {compile_ms + redact_ms:.0f} ms (target ≤ {TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
