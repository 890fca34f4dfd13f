"""Save screenshots of every page at 1366×768 into screenshots/ (for looking at, not committed).

Run: .venv/bin/python tools/screenshots.py [--xcb]  (offscreen by default)
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

if "--xcb" not in sys.argv:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.domain.enums import AskKind, CheckKind, OwnerSide, Role  # noqa: E402
from facilitator.services import agenda, capture, meetings, projects  # noqa: E402
from facilitator.services.capture import AskInput, IdeaInput, StepInput  # noqa: E402
from facilitator.storage.database import Database  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "screenshots"


def demo(db: Database) -> tuple[object, object]:
    """A realistic project with one earlier, closed meeting and one planned."""
    project = projects.create_project(
        db, "Mols i Udvikling", ["Knebel", "Agri", "Vrinners", "Rolsø", "Femmøller"]
    )
    projects.create_project(db, "Løsning Lykkes", ["Løsning"])
    ids = {p.name: p.id for p in project.places}
    earlier = meetings.create_meeting(
        db, project.id, "Opstartsmøde på Mols", datetime(2026, 1, 14, 19, 0),
        "Agri Forsamlingshus", [ids["Agri"], ids["Vrinners"]],
    )
    agenda.apply_default_template(db, earlier.id)
    planned = meetings.create_meeting(
        db, project.id, "Borgermøde i Knebel", datetime(2026, 3, 3, 19, 0),
        "Knebel Forsamlingshus", [ids["Knebel"], ids["Agri"]],
    )
    agenda.apply_default_template(db, planned.id)
    return planned, ids


def save(window: MainWindow, name: str) -> None:
    """Grab the whole window."""
    app = create_application()
    for _ in range(5):
        app.processEvents()
    OUT.mkdir(exist_ok=True)
    window.grab().save(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def main() -> None:
    """Walk through a meeting and save a screenshot of each page."""
    create_application()
    clock = FakeClock(datetime(2026, 3, 3, 18, 0).astimezone())
    db = Database.open_file(Path(tempfile.mkdtemp()) / "f.db", clock)
    meeting, places = demo(db)
    window = MainWindow(db, clock)
    window.resize(1366, 768)
    window.show()
    window.show_start()
    window.start_page.select_project(meeting.project_id)
    save(window, "1-start")

    window.open_meeting(meeting.id)
    save(window, "2-agenda")

    window.start_meeting(meeting.id)
    live = window.live_page
    live.mark(Role.CITIZEN)
    clock.advance(420)
    live.next_phase()
    clock.advance(40)
    live.mark(Role.CITIZEN)
    for title, by, place, check in (
        ("Shelter ved Agri Bavnehøj", "Borgergruppen i Agri", "Agri", CheckKind.PLAN),
        ("Fælles el-ladestander ved forsamlingshuset", "Knebel Borgerforening", "Knebel", None),
        ("Sti langs stranden mellem Knebel og Rolsø", "Stigruppen", "Rolsø", CheckKind.LEGISLATION),
    ):
        capture.add_idea(db, meeting.id, IdeaInput(title, proposed_by=by, place_id=places[place], needs_check=check))
        clock.advance(90)
    ideas = capture.list_ideas(db, meeting.id)
    capture.add_ask(db, meeting.id, AskInput("Tilladelse til shelter i landzone", AskKind.PERMIT, None, ideas[0].id, "Borgergruppen i Agri"))
    capture.add_ask(db, meeting.id, AskInput("Tilskud til ladestander", AskKind.MONEY, 12500, ideas[1].id, "Knebel Borgerforening"))
    capture.add_step(db, meeting.id, StepInput("Kontakte lodsejer ved Bavnehøj", OwnerSide.CITIZENS, "Borgergruppen i Agri"))
    live.capture.load(meeting.id)
    live.asked_question()
    clock.advance(3)
    live.mark(Role.OFFICIAL)  # too early: a gentle nudge shows
    clock.advance(1)
    live.asked_question()
    clock.advance(4)
    live.refresh()
    save(window, "3-live-hold-back-nudge")

    live.mark(Role.CITIZEN)
    clock.advance(600)
    live.next_phase()
    clock.advance(300)
    live.refresh()
    live.stop()  # the laptop's battery runs out here
    clock.advance(240)
    window.resume_meeting(meeting.id)
    save(window, "3b-live-resumed")
    live.mark(Role.POLITICIAN)
    clock.advance(120)
    live.next_phase()
    live.mark(Role.CITIZEN)
    clock.advance(500)
    window.show_summary(live.session.close().id)
    live.stop()
    save(window, "4-summary")


if __name__ == "__main__":
    main()
