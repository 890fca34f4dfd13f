"""Screenshots of «Prioritering»: choosing the items, then the counts with their bars.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shots_voting.py
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
from facilitator.live_meeting import LiveMeeting  # noqa: E402
from facilitator.services import capture, priorities  # noqa: E402
from facilitator.services.capture import IdeaInput  # noqa: E402
from tests.conftest import meeting_factory  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402
from ui.priorities.voting_dialog import VotingDialog  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "screenshots"
IDEAS = (
    ("Shelter og bålplads ved søen", 14),
    ("Stisystem rundt om byen med bænke og lys", 23),
    ("Fællesspisning i hallen en gang om måneden", 9),
    ("Legeplads ved skolen", 17),
    ("Delebil til landsbyen", 4),
    ("Naturlegeplads og udekøkken ved spejderhytten, så børnefamilier kan mødes", 11),
)


def main() -> None:
    """A meeting with six ideas, a round with counts, grabbed at two sizes."""
    app = QApplication.instance() or create_application(sys.argv)
    OUT.mkdir(exist_ok=True)
    from facilitator.storage.database import Database

    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock()
        db = Database.open_file(Path(folder) / "f.db", clock)
        meeting = meeting_factory.__wrapped__()(db)
        running = LiveMeeting.start(db, meeting.id, clock)
        running.mark(Role.CITIZEN)
        for index, (title, _votes) in enumerate(IDEAS):
            if index == 3:
                running.next_phase()
            capture.add_idea(db, meeting.id, IdeaInput(title=title))
        scope = VotingDialog(db, ChangeHub(), meeting.id)
        scope.resize(860, 560)
        scope.show()
        app.processEvents()
        scope.grab().save(str(OUT / "voting-scope.png"))
        round_row = priorities.start_round(db, meeting.id)
        for number, (_title, votes) in enumerate(IDEAS, start=1):
            priorities.set_votes(db, round_row.id, number, votes)
        for width, height in ((860, 560), (700, 480)):
            dialog = VotingDialog(db, ChangeHub(), meeting.id)
            dialog.resize(width, height)
            dialog.show()
            dialog.number_field.setText("2")
            app.processEvents()
            dialog.grab().save(str(OUT / f"voting-counts-{width}.png"))
            dialog.forget_changes()  # nothing typed left: closing asks nothing
            dialog.close()


if __name__ == "__main__":
    main()
