"""Render test briefs to PNG in screenshots/ for looking at (not a test; run by hand).

Run: .venv/bin/python -m tests.facilitator.shots_brief
Writes screenshots/brief-<name>.pdf and brief-<name>-<page>.png (pdftoppm, 80 dpi);
SHOTS_DIR=/some/folder writes them there instead.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from facilitator.domain.enums import CheckKind
from facilitator.domain.talk_share import TalkShare
from facilitator.reports.brief import build_brief
from facilitator.reports.brief_data import BriefIdea
from tests.facilitator.brief_factory import (
    MADE_ON,
    known_meeting,
    large_meeting,
    replace_data,
    typical_meeting,
)
from tests.facilitator.test_brief import png_logo

OUT = Path(os.environ.get("SHOTS_DIR", Path(__file__).resolve().parents[2] / "screenshots"))


def long_idea() -> BriefIdea:
    """A 10,000-character idea."""
    words = " ".join(f"ord{i:04d}" for i in range(1_250))
    return BriefIdea("Start " + words + " Slut", "detalje " * 400, "Borgergruppen", "Agri", "Natur",
                     CheckKind.PLAN, "note " * 100)


def main() -> None:
    """Build each brief, write it and its pages as PNG."""
    OUT.mkdir(exist_ok=True)
    empty = known_meeting(official_name="", official_department="", venue="", places=(),
                          attendance=None, ideas=(), asks=(), steps=(), phases=(),
                          share=TalkShare({}), hold_backs=0, hold_backs_respected=0)
    briefs = {
        "typical-da": (replace_data(typical_meeting(), logo_png=png_logo()), "da"),
        "typical-en": (replace_data(typical_meeting(), logo_png=png_logo()), "en"),
        "known-da": (known_meeting(), "da"),
        "large-da": (large_meeting(), "da"),
        "long-idea-da": (known_meeting(ideas=(long_idea(),)), "da"),
        "empty-da": (empty, "da"),
    }
    for name, (data, language) in briefs.items():
        pdf = OUT / f"brief-{name}.pdf"
        pdf.write_bytes(build_brief(data, language, made_on=MADE_ON, invariant=True))
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(OUT / f"brief-{name}")],
                       check=True)
        print(pdf)


if __name__ == "__main__":
    main()
