"""Screenshots of the live screen at three laptop sizes: a hold-back, "well done", a nudge.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shots_live.py
Writes PNGs to screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.domain.enums import Role  # noqa: E402
from tests.conftest import meeting_factory  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402
from ui.live.live_page import LivePage  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "screenshots"
SIZES = ((1024, 600), (1366, 768), (1920, 1080))


def main() -> None:
    """Play a few moments of a meeting and grab the screen at each size."""
    app = QApplication.instance() or create_application(sys.argv)
    OUT.mkdir(exist_ok=True)
    from facilitator.storage.database import Database

    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock()
        db = Database.open_file(Path(folder) / "f.db", clock)
        meeting = meeting_factory.__wrapped__()(db, title="Borgermøde i Knebel om stier, shelter og fællesskab")
        page = LivePage(db, ChangeHub(), clock)
        page.start(meeting.id)
        moments = []
        clock.advance(3)
        moments.append("holdback")
        for width, height in SIZES:
            page.resize(width, height)
            page.show()
            app.processEvents()
            app.processEvents()
            page.refresh()
            page.grab().save(str(OUT / f"live-holdback-{width}x{height}.png"))
        page.mark(Role.CITIZEN)
        for width, height in SIZES:
            page.resize(width, height)
            app.processEvents()
            app.processEvents()
            page.grab().save(str(OUT / f"live-floor-{width}x{height}.png"))
        clock.advance(90)
        page.next_phase()
        clock.advance(2)
        page.mark(Role.OFFICIAL)
        for width, height in SIZES:
            page.resize(width, height)
            app.processEvents()
            app.processEvents()
            page.refresh()
            page.grab().save(str(OUT / f"live-nudge-{width}x{height}.png"))
        page.change_text_size(+1)
        page.change_text_size(+1)
        page.resize(1366, 768)
        app.processEvents()
        page.grab().save(str(OUT / "live-large-1366x768.png"))
        page.stop()
        db.dispose()


if __name__ == "__main__":
    main()
