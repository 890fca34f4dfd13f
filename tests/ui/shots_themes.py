"""Screenshots of the themes: the live screen's idea list with themes, the board, the dialog.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shots_themes.py [folder]
Writes PNGs at 1366×768 and 1024×600 to the folder (default /tmp/theme-shots).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.services import agenda, capture  # noqa: E402
from facilitator.storage.database import Database  # noqa: E402
from tests.ui.shots_capture import fill  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

SIZES = ((1366, 768), (1024, 600))


def main() -> int:
    """Grab the live screen, the board and the theme dialog at each size."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/theme-shots")
    app = create_application(sys.argv[:1])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open_file(Path(folder) / "shots.db", clock)
        meeting_id = fill(db, clock)
        agenda.apply_default_template(db, meeting_id)  # a meeting starts with an agenda
        for title in ("Legeplads ved skolen med plads til de helt små og en bænk til bedsteforældrene",
                      "Fællesspisning i forsamlingshuset"):
            capture.add_idea(db, meeting_id, capture.IdeaInput(title, proposed_by="Anna"))
        capture.add_idea(db, meeting_id, capture.IdeaInput(
            "Kunst på gavlene", proposed_by="Kulturforeningen", theme="Kultur, kunst og fællesskab på tværs af landsbyerne"))
        window = MainWindow(db, clock)
        window.start_meeting(meeting_id)
        assert window.pages.currentWidget() is window.live_page
        panel = window.live_page.capture
        for width, height in SIZES:
            window.resize(width, height)
            window.show()
            app.processEvents()
            panel.sections["idea"].table.selectRow(0)
            app.processEvents()
            window.grab().save(str(out / f"live_themes_{width}x{height}.png"))
            dialog = panel.theme_of_selected()
            assert dialog is not None
            app.processEvents()
            dialog.grab().save(str(out / f"theme_dialog_{width}x{height}.png"))
            dialog.reject()
            app.processEvents()
            board = panel.open_theme_board()
            assert board is not None
            app.processEvents()
            board.grab().save(str(out / f"theme_board_{width}x{height}.png"))
            window.grab().save(str(out / f"theme_board_over_window_{width}x{height}.png"))
            board.new_theme.setText("Natur og friluftsliv")
            board.add_theme()  # a new, still empty theme: the board says it is kept only with ideas
            app.processEvents()
            board.grab().save(str(out / f"theme_board_new_theme_{width}x{height}.png"))
            board.reject()
            app.processEvents()
            window.key_help.toggle()
            app.processEvents()
            window.grab().save(str(out / f"live_keys_{width}x{height}.png"))
            window.key_help.toggle()
            app.processEvents()
        for width, height in SIZES:
            window.resize(width, height)
            window.show_summary(meeting_id)
            app.processEvents()
            window.grab().save(str(out / f"summary_{width}x{height}.png"))
        window.shut_down()
        db.dispose()
    print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
