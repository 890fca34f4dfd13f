"""The room view's cost on the official's laptop, during an idea round of a long meeting.

Four figures, with the room view presenting on a 1920×1080 projector (offscreen) and a
meeting of `--ideas` ideas, 12 of them in the current item:

- the room's state: `room_state()` from the live state, the pure function the presenter
  calls four times a second; target p95 ≤ 2 ms (it must not eat the live screen's budget);
- a new idea on the wall: the item's ideas read and anonymised again (`room_content`: the
  meeting's ideas numbered, the item's read whole, and the redactor), the state made and the projector's view laid out and painted;
  target p95 ≤ 100 ms (the room sees it well within a second of Enter);
- the preview: what the room sees drawn at 1920×1080 and scaled to the live screen's
  corner; target p95 ≤ 60 ms (drawn 100 ms after a change, never on a key press);
- a full cycle collection with all of that open: Python's collection runs on the GUI
  thread (ui/common/main_thread_gc.py), which leaves out what was there when the app had
  started (gc.freeze); target p95 ≤ 100 ms. It prints how often the
  collector took each generation while the new ideas came: a full collection waits, as
  in Python, until a quarter more objects are long-lived, so it is rare in a meeting.

Prints p50 / p95 / max against the targets; never asserts.

    .venv/bin/python bench/room_view.py [--rounds 60] [--ideas 2000] [--dir DIR]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The live screen's benchmark prints its figures the same way (bench/ is on the path).
from live_screen import report  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.domain.enums import Role  # noqa: E402
from facilitator.room_state import RoomOptions, room_state  # noqa: E402
from facilitator.services import agenda, capture, meetings, people, projects, room  # noqa: E402
from facilitator.services.capture import IdeaInput  # noqa: E402
from facilitator.storage.database import Database  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402
from ui.common.main_thread_gc import collect_on_main_thread  # noqa: E402
from ui.live.live_page import LivePage  # noqa: E402
from ui.room.room_view import RoomView  # noqa: E402

STATE_TARGET_P95_MS = 2.0
IDEA_TARGET_P95_MS = 100.0
PREVIEW_TARGET_P95_MS = 60.0
COLLECT_TARGET_P95_MS = 100.0
IN_ITEM = 12


def main() -> None:
    """Build the meeting, present it, time the three figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--ideas", type=int, default=2000)
    parser.add_argument("--dir", type=Path, default=None)
    options = parser.parse_args()
    app = QApplication.instance() or create_application(sys.argv)
    with tempfile.TemporaryDirectory(dir=options.dir) as folder:
        clock = FakeClock()
        db = Database.open_file(Path(folder) / "bench.db", clock)
        project = projects.create_project(db, "Mols i Udvikling")
        meeting = meetings.create_meeting(db, project.id, "Borgermøde i Knebel", clock.now())
        agenda.apply_default_template(db, meeting.id)
        for n in range(30):  # names the redactor must look for, with and without consent
            people.add_person(db, project.id, f"Borger Nummer{n} Efternavn{n}", may_be_named=n % 2 == 0)
        page = LivePage(db, ChangeHub(), clock)
        page.resize(1366, 768)
        page.show()
        assert page.start(meeting.id)
        collect_on_main_thread(app).settle()  # as the app does once it has started
        running = page.running
        assert running is not None
        running.mark(Role.CITIZEN)
        for n in range(options.ideas - IN_ITEM):
            capture.add_idea(db, meeting.id, IdeaInput(f"Idé {n} om stier og bænke ved søen", "",
                                                        "Knebel Borgerforening"))
        page.next_phase()
        for n in range(IN_ITEM):
            capture.add_idea(db, meeting.id, IdeaInput(f"Shelter nummer {n} ved Agri Bavnehøj", "",
                                                        "Agri Borgerforening", theme="Natur"))
        page.room._ideas_changed(meeting.id)
        page.room.toggle_presenting()
        app.processEvents()
        window = page.room.window
        assert window is not None

        live = running.state()
        ideas, redact = room.room_content(db, meeting.id, live.phase.id)
        state_ms = []
        for _ in range(options.rounds * 10):
            started = time.perf_counter()
            room_state(live, ideas, RoomOptions(), None, redact)
            state_ms.append((time.perf_counter() - started) * 1000)

        idea_ms = []
        collector = collect_on_main_thread(app)
        collected: list[int] = []  # the generation the GUI thread's collector took after each
        for n in range(options.rounds):
            capture.add_idea(db, meeting.id, IdeaInput(f"Ny idé {n}", "", "Vistoft Lokalråd"))
            started = time.perf_counter()
            page.room._ideas_changed(meeting.id)  # what the hub's ideas_changed does
            window.view.repaint()
            idea_ms.append((time.perf_counter() - started) * 1000)
            collected.append(collector.check())

        preview_ms = []
        view = RoomView()
        view.resize(1920, 1080)
        state = page.room.state
        for _ in range(options.rounds):
            started = time.perf_counter()
            view.show_state(state)
            page.room_box.draw_now()
            preview_ms.append((time.perf_counter() - started) * 1000)

        collect_ms = []
        for _ in range(max(options.rounds // 6, 5)):
            started = time.perf_counter()
            gc.collect()
            collect_ms.append((time.perf_counter() - started) * 1000)

        print(f"A meeting of {options.ideas + options.rounds} ideas, {IN_ITEM}+ in the item on the "
              "wall, 30 registered people; the room view presenting at 1920×1080.")
        report("room state (pure)", state_ms, STATE_TARGET_P95_MS)
        report("new idea → on the wall", idea_ms, IDEA_TARGET_P95_MS)
        report("preview drawn", preview_ms, PREVIEW_TARGET_P95_MS)
        report("full cycle collection (GUI thread)", collect_ms, COLLECT_TARGET_P95_MS)
        print(f"  objects tracked by the collector: {len(gc.get_objects()):,}; after the "
              f"{options.rounds} new ideas it collected generation 0 {collected.count(0)}×, "
              f"1 {collected.count(1)}×, all {collected.count(2)}×")
        page.room.stop()
        page.stop()
        db.dispose()


if __name__ == "__main__":
    main()
