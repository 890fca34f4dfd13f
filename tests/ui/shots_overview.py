"""Screenshots of the project overview (Overblik) with the demo project, at 1366×768.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shots_overview.py [OUT_DIR]
Writes PNGs to screenshots/ (git-ignored) or OUT_DIR.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.demo import create_demo  # noqa: E402
from facilitator.domain.enums import IdeaStatus  # noqa: E402
from facilitator.storage.database import Database  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402
from ui.project.overview_view import OverviewView  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "screenshots"


def _follow_up_some_asks(db: Database, clock: FakeClock, project_id) -> None:
    """A few asks sent and answered, so the ask table has more than one status."""
    from facilitator.domain.enums import AskAnswer
    from facilitator.services import capture, follow_up, meetings

    clock.advance(86400 * 200)
    today = clock.now().astimezone().date()
    asks = [a for m in meetings.list_meetings(db, project_id) for a in capture.list_asks(db, m.id)]
    for n, ask in enumerate(asks[:9]):
        follow_up.mark_sent(db, ask.id, follow_up.SentInput(today, ask.department or "Plan og Byg"))
        if n % 3:
            answer = (AskAnswer.GRANTED, AskAnswer.REFUSED, AskAnswer.PARTLY, AskAnswer.NOT_OURS)[n % 4]
            follow_up.record_answer(db, ask.id, follow_up.AnswerInput(today, answer))


def main() -> None:
    """The demo project's overview, then filtered to the ideas under way."""
    app = create_application()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock()
        db = Database.open_file(Path(folder) / "f.db", clock)
        project = create_demo(db, clock)
        _follow_up_some_asks(db, clock, project.id)
        view = OverviewView(db, ChangeHub())
        view.resize(1366, 768)
        view.set_project(project.id)
        view.show()
        app.processEvents()
        view.idea_table.setFocus()
        for row, status in ((0, IdeaStatus.WORKING), (2, IdeaStatus.REALISED), (3, IdeaStatus.PARKED)):
            view.idea_table.setCurrentIndex(view.idea_filter.index(row, 0))
            view.set_status(status)
        app.processEvents()
        view.grab().save(str(OUT / "overview.png"))
        view.tables.setCurrentIndex(1)
        app.processEvents()
        view.grab().save(str(OUT / "overview_asks.png"))
        view.filter_box.setCurrentIndex(2)
        view.filter_box.activated.emit(2)
        app.processEvents()
        view.grab().save(str(OUT / "overview_filtered.png"))
        view.set_status(IdeaStatus.NEW)
        app.processEvents()
        view.grab().save(str(OUT / "overview_after_change.png"))
        view.close()
        db.dispose()


if __name__ == "__main__":
    main()
