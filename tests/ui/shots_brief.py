"""Screenshots of the brief window, the settings and sent dialogs, the summary and start page.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shots_brief.py
Writes PNGs to screenshots/ (git-ignored), using the demo project and its real brief.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.demo import create_demo  # noqa: E402
from facilitator.domain.enums import MeetingStatus  # noqa: E402
from facilitator.services import briefs, capture, meetings  # noqa: E402
from facilitator.storage.database import Database  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.brief.brief_window import BriefWindow  # noqa: E402
from ui.capture.entry_dialogs import AskDialog  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402
from ui.settings.settings_dialog import SettingsDialog  # noqa: E402
from ui.start.start_page import StartPage  # noqa: E402
from ui.summary.summary_page import SummaryPage  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "screenshots"


def settle(ms: int = 150) -> None:
    """Let layouts, the PDF view and queued signals run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(widget: QWidget, name: str, width: int = 1366, height: int = 768) -> None:
    """Show at the given size and save a PNG."""
    widget.resize(width, height)
    widget.show()
    settle()
    widget.grab().save(str(OUT / name))
    print(OUT / name)


def main() -> None:
    """Build the demo in a temporary folder and photograph each new screen."""
    OUT.mkdir(exist_ok=True)
    create_application()
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock()
        db = Database.open_file(Path(folder) / "demo.db", clock)
        project = create_demo(db, clock)
        held = [
            m for m in meetings.list_meetings(db, project.id) if m.status is MeetingStatus.CLOSED
        ]
        meeting = held[0]
        briefs.record_sent(
            db, meeting.id, meeting.scheduled_at.date(), "Udvalget for Landdistrikter", "da"
        )

        window = BriefWindow(db, meeting.id)
        window.resize(1366, 768)
        window.show()
        grab(window, "brief_window_busy.png")
        loop = QEventLoop()
        window.brief_ready.connect(loop.quit)
        window.brief_failed.connect(loop.quit)
        if window.pdf_path is None:
            loop.exec()
        settle(400)
        grab(window, "brief_window.png")
        window.record_sent()
        settle()
        window.sent_dialog.grab().save(str(OUT / "sent_dialog.png"))
        window.sent_dialog.reject()
        window.close()

        dialog = SettingsDialog(db)
        grab(dialog, "settings_dialog.png", 760, 520)
        dialog.name_edit.setText("x" * 10_001)
        dialog.show()
        dialog.accept()
        grab(dialog, "settings_dialog_refused.png", 760, 560)
        dialog.reject()

        summary = SummaryPage(db)
        summary.load(meeting.id)
        grab(summary, "summary_with_brief.png")

        start = StartPage(db, ChangeHub())
        start.select_project(project.id)
        start.select_meeting(meeting.id)
        grab(start, "start_with_brief.png")

        asks = capture.list_asks(db, meeting.id)
        ask_dialog = AskDialog(db, meeting.id, capture.list_ideas(db, meeting.id), asks, asks[0])
        ask_dialog.show()
        settle()
        ask_dialog.grab().save(str(OUT / "ask_dialog_department.png"))
        ask_dialog.reject()
        db.dispose()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
