"""Screenshots of the planning screens at 1366×768, for looking at them (not a test).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/screens_planning.py [out-folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.services import agenda, live, meetings, projects  # noqa: E402
from facilitator.storage.database import Database  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402
from ui.planning.agenda_page import AgendaPage  # noqa: E402
from ui.planning.meeting_form import MeetingForm  # noqa: E402
from ui.start.start_page import StartPage  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def seed(db: Database) -> tuple[object, object]:
    """Mols i Udvikling with four villages and two meetings, one of them held."""
    projects.create_project(db, "Løsning Lykkes", ["Løsning"])
    mols = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri", "Vrinners", "Rolsø"])
    places = {p.name: p.id for p in mols.places}
    held = meetings.create_meeting(
        db, mols.id, "Stier mellem landsbyerne", datetime(2026, 1, 20, 19, 0),
        "Agri Forsamlingshus", [places["Agri"], places["Vrinners"]],
    )
    agenda.apply_default_template(db, held.id)
    live.start_meeting(db, held.id, db.clock.now())
    live.close_meeting(db, held.id, db.clock.now())
    upcoming = meetings.create_meeting(
        db, mols.id, "Borgermøde om fælleshuset i Knebel", datetime(2026, 3, 3, 19, 0),
        "Knebel Forsamlingshus", [places["Knebel"], places["Rolsø"]],
    )
    agenda.apply_default_template(db, upcoming.id)
    return mols.id, upcoming.id


def grab(widget: QWidget, path: Path) -> None:
    """Show at the projector-ish laptop size and save a PNG."""
    widget.resize(1366, 768)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> None:
    """Grab the start screen, the agenda editor and the meeting form."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    create_application()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open_file(Path(folder) / "f.db", FakeClock())
        hub = ChangeHub()
        project_id, meeting_id = seed(db)
        start = StartPage(db, hub)
        start.select_project(project_id)
        grab(start, out / "planning_start.png")
        page = AgendaPage(db, hub)
        page.load(meeting_id)
        grab(page, out / "planning_agenda.png")
        form = MeetingForm(db, hub, project_id, parent=start)
        form.show()
        QApplication.processEvents()
        form.grab().save(str(out / "planning_meeting_form.png"))
        empty_db = Database.open_file(Path(folder) / "empty.db", FakeClock())
        grab(StartPage(empty_db, ChangeHub()), out / "planning_start_empty.png")
        long_meeting = meetings.create_meeting(
            db, project_id, "Et meget langt mødenavn " * 20 + "🌳", datetime(2026, 4, 1, 18, 30),
            "اجتماع في القاعة", [],
        )
        agenda.add_phase(db, long_meeting.id, "Cafe\u0301-snak om " + "stier og fællesskab " * 20, 600)
        page.load(long_meeting.id)
        grab(page, out / "planning_agenda_long.png")
        empty_db.dispose()
        start.new_project()
        QApplication.processEvents()
        assert start.dialog is not None
        start.dialog.grab().save(str(out / "planning_project_form.png"))
        db.dispose()


if __name__ == "__main__":
    main()
