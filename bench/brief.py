"""How long the brief takes for a large meeting, against a bare reportlab build of the same tables.

The meeting: 300 ideas, 100 asks and 2,000 speaker turns (the talk share is
computed beforehand, as the data service does; only the build is timed).

- **brief**: `build_brief(data, "da")` — page 1, header and footer on every page,
  "Side N af M", outline, chart and the appendices, made PDF/A-2b;
- **pdfa**: the PDF/A post-processing alone (`to_pdfa` on reportlab's output: XMP
  metadata, the sRGB output intent, the repaired ToUnicode maps, a rewrite by
  pikepdf) — part of **brief**, timed separately to show its cost;
- **bare**: a plain `SimpleDocTemplate` building the same appendix tables (the
  same cells, the same registered DejaVu font), no header, footer or chart.

Both include making their table cells. Runs alternate after one untimed warm-up
each; prints every run, the medians and the ratio. Targets: brief ≤ 1.5 s and
≤ 1.5× bare. Never asserts.

    .venv/bin/python bench/brief.py [--runs 7] [--ideas 300] [--asks 100] [--turns 2000]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.facilitator.brief_factory

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import SimpleDocTemplate  # noqa: E402

from facilitator.reports.appendices import Appendices  # noqa: E402
from facilitator.reports.brief import build_brief, render_brief  # noqa: E402
from facilitator.reports.brief_data import BriefData  # noqa: E402
from facilitator.reports.fonts import FONT, register_fonts  # noqa: E402
from facilitator.reports.formatting import BriefWords  # noqa: E402
from facilitator.reports.pdfa import ArchiveFacts, to_pdfa  # noqa: E402
from facilitator.reports.styles import make_styles  # noqa: E402
from tests.facilitator.brief_factory import large_meeting  # noqa: E402

MADE_ON = date(2026, 3, 3)


def brief(data: BriefData) -> bytes:
    """The real brief."""
    return build_brief(data, "da", made_on=MADE_ON)


def bare(data: BriefData) -> bytes:
    """The same appendix tables in a plain document: the floor reportlab itself costs."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, initialFontName=FONT)
    doc.build(Appendices(data, BriefWords("da"), make_styles()).tables())
    return out.getvalue()


def timed(build: Callable[[BriefData], bytes], data: BriefData) -> tuple[float, int]:
    """Seconds for one build, and the size of the PDF."""
    start = time.perf_counter()
    pdf = build(data)
    return time.perf_counter() - start, len(pdf)


def main() -> None:
    """Run both builds side by side and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--ideas", type=int, default=300)
    parser.add_argument("--asks", type=int, default=100)
    parser.add_argument("--turns", type=int, default=2_000)
    args = parser.parse_args()

    data = large_meeting(ideas=args.ideas, asks=args.asks, turn_count=args.turns)
    print(f"meeting: {len(data.ideas)} ideas, {len(data.asks)} asks, {args.turns} turns "
          f"({data.share.talk_seconds / 60:.0f} min of talk)")
    timed(brief, data)  # warm-up: font registration, imports, Babel's locale data
    timed(bare, data)
    plain = render_brief(data, "da", made_on=MADE_ON)
    facts = ArchiveFacts(language="da")
    to_pdfa(plain, facts)  # warm-up: pikepdf and the ICC profile
    brief_times, bare_times, pdfa_times = [], [], []
    for run in range(1, args.runs + 1):
        brief_seconds, brief_size = timed(brief, data)
        bare_seconds, bare_size = timed(bare, data)
        start = time.perf_counter()
        to_pdfa(plain, facts)
        pdfa_seconds = time.perf_counter() - start
        brief_times.append(brief_seconds)
        bare_times.append(bare_seconds)
        pdfa_times.append(pdfa_seconds)
        print(f"run {run}: brief {brief_seconds * 1000:7.1f} ms ({brief_size // 1024} KiB)   "
              f"bare {bare_seconds * 1000:7.1f} ms ({bare_size // 1024} KiB)   "
              f"of the brief, PDF/A {pdfa_seconds * 1000:5.1f} ms")
    brief_median = statistics.median(brief_times)
    bare_median = statistics.median(bare_times)
    pdfa_median = statistics.median(pdfa_times)
    print(f"median: brief {brief_median * 1000:.0f} ms (target ≤ 1500 ms), "
          f"bare {bare_median * 1000:.0f} ms, ratio {brief_median / bare_median:.2f}× "
          f"(target ≤ 1.5×); PDF/A post-processing {pdfa_median * 1000:.0f} ms "
          f"({pdfa_median / brief_median:.0%} of the brief)")


if __name__ == "__main__":
    main()
