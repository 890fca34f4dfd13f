"""Screenshots of the room view (1920×1080, 1024×768; light and dark; a priority round) and of
the live screen with its preview (1366×768, 1024×600).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shots_room.py [out-folder]
Writes PNGs to screenshots/ (git-ignored) or the folder given.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.room_state import RoomOptions, RoomVote  # noqa: E402
from facilitator.services import capture, priorities  # noqa: E402
from facilitator.services.capture import IdeaInput  # noqa: E402
from tests.conftest import meeting_factory  # noqa: E402
from ui.app import create_application, install_fonts  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402
from ui.live.live_page import LivePage  # noqa: E402
from ui.room.room_view import RoomView  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "screenshots"

IDEAS = (
    ("Shelter og bålplads ved Agri Bavnehøj", "Agri Borgerforening", "Natur og friluftsliv"),
    ("Bænke langs stranden i Femmøller", "Femmøller Strandlaug", "Natur og friluftsliv"),
    ("Fælles el-ladestander ved forsamlingshuset", "Knebel Borgerforening", "Trafik"),
    ("Byttecentral i den gamle brugs", "Vistoft Lokalråd", "Fællesskab"),
    ("Sikker cykelsti mellem Knebel og Agri, så børnene kan cykle i skole", "Forældregruppen i Knebel",
     "Trafik"),
    ("Fællesspisning én gang om måneden", "Helgenæs Beboerforening", "Fællesskab"),
    ("Stiforbindelse rundt om Mols Bjerge", "", "Natur og friluftsliv"),
    ("Lys ved busstoppestedet på Strandvejen", "Knebel Borgerforening", "Trafik"),
)

LONG_ROUND = [title for title, _g, _t in IDEAS] + [
    "Hundeskov ved Vistoft", "Fælles værksted i den gamle smedje", "Bedre mobildækning i Agri",
    "Loppemarked hver sommer", "Udsigtstårn på Bavnehøj", "Busforbindelse om aftenen",
    "Fællesbad ved molen", "Borgerhus i præstegården", "Frugtlund ved skolen",
    "Affaldssortering ved stranden", "Shelterplads til skoleklasser", "Vinterbadeklub i Knebel",
    "Cykelværksted for unge", "Naturlegeplads ved kirken", "Markedsdag i Femmøller",
    "Lokalt madmarked om lørdagen",
]


def main() -> None:
    """A realistic meeting with eight ideas, drawn on the wall and on the live screen."""
    app = QApplication.instance() or create_application(sys.argv)
    install_fonts(app)
    OUT.mkdir(parents=True, exist_ok=True)
    from facilitator.storage.database import Database

    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock()
        db = Database.open_file(Path(folder) / "f.db", clock)
        meeting = meeting_factory.__wrapped__()(db, title="Borgermøde i Knebel om Mols' fremtid")
        page = LivePage(db, ChangeHub(), clock)
        page.start(meeting.id)
        page.next_phase()  # the ideas round
        for title, group, theme in IDEAS:
            clock.advance(40)
            capture.add_idea(db, meeting.id, IdeaInput(title, "", group, theme=theme))
        assert page.running is not None
        page.running.set_question("Hvad skal der til, for at I bruger naturen omkring jer mere?")
        page.room._ideas_changed(meeting.id)
        page.capture.load(meeting.id)
        page.publish()
        state = page.room.state
        from dataclasses import replace
        view = RoomView()
        for dark in (False, True):
            for width, height in ((1920, 1080), (1024, 768)):
                view.resize(width, height)
                view.show_state(replace(state, dark=dark))
                view.show()
                app.processEvents()
                name = "dark" if dark else "light"
                view.grab().save(str(OUT / f"room-{name}-{width}x{height}.png"))
        view.show_state(replace(state, group_by_theme=True, time_left=12 * 60))
        view.resize(1920, 1080)
        app.processEvents()
        view.grab().save(str(OUT / "room-themes-1920x1080.png"))
        # A round as «Prioritering» stores it, relayed by the live page as it is when voting.
        round_row = priorities.start_round(db, meeting.id)
        for number, count in enumerate((7, 12, 3, 9, 15, 4, 6, 1), start=1):
            round_row = priorities.set_votes(db, round_row.id, number, count)
        page.priorities_shown.emit(round_row)
        votes = page.room.state.priorities
        page.priorities_shown.emit(None)
        for width, height in ((1920, 1080), (1024, 768)):
            view.resize(width, height)
            view.show_state(replace(state, priorities=votes))
            app.processEvents()
            view.grab().save(str(OUT / f"room-votes-{width}x{height}.png"))
        # A long round: every number on the wall while the room votes (two columns).
        many = replace(votes, entries=tuple(
            RoomVote(n, title, 0) for n, title in enumerate(LONG_ROUND, start=1)), total=0)
        for width, height in ((1920, 1080), (1024, 768)):
            view.resize(width, height)
            view.show_state(replace(state, priorities=many))
            app.processEvents()
            view.grab().save(str(OUT / f"room-votes-24-{width}x{height}.png"))
        page.room.set_options(RoomOptions())
        for width, height in ((1366, 768), (1024, 600)):
            page.resize(width, height)
            page.show()
            app.processEvents()
            app.processEvents()
            page.refresh()
            page.room_box.draw_now()
            page.grab().save(str(OUT / f"live-preview-{width}x{height}.png"))
        page.stop()
        db.dispose()


if __name__ == "__main__":
    main()
