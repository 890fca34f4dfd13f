"""Run on a screen of a given size (offscreen platform with a screens file): open each quick entry
on a maximized live screen and print where it lands, as JSON. Used by test_capture_placement."""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> None:
    from facilitator.clock import FakeClock
    from facilitator.services import agenda, meetings, people, projects
    from facilitator.storage.database import Database
    from ui.app import create_application
    from ui.common.changes import ChangeHub
    from ui.live.live_page import LivePage

    app = create_application(sys.argv[:1])
    clock = FakeClock()
    db = Database.open_file(Path(tempfile.mkdtemp()) / "f.db", clock)
    project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri"])
    meeting = meetings.create_meeting(
        db, project.id, "Borgermøde i Knebel", datetime(2026, 3, 3, 19), "Knebel Forsamlingshus",
        [p.id for p in project.places],
    )
    agenda.apply_default_template(db, meeting.id)
    # A person makes the idea and ask dialogs one row taller.
    people.add_person(db, project.id, "Anna Jensen", "", True, False, None, None)
    page = LivePage(db, ChangeHub(), clock)
    page.showMaximized()
    page.start(meeting.id)
    for _ in range(10):
        app.processEvents()
    result: dict[str, object] = {
        "screen": rect(app.primaryScreen().availableGeometry()),
        "page": rect(page.frameGeometry()),
        "buttons": [rect(QRect(b.mapToGlobal(QPoint(0, 0)), b.size()))
                    for b in page.controls.speaker_buttons.values() if b.isVisible()],
        "capture": rect(QRect(page.capture.mapToGlobal(QPoint(0, 0)), page.capture.size())),
    }
    for kind, opener in (("idea", page.capture.new_idea), ("ask", page.capture.new_ask),
                         ("step", page.capture.new_step)):
        opener()
        for _ in range(10):
            app.processEvents()
        dialog = page.capture.entry_dialog
        result[kind] = {
            "frame": rect(dialog.frameGeometry()),
            "squeezed": dialog.height() < dialog.minimumSizeHint().height()
            or dialog.width() < dialog.minimumSizeHint().width(),
            "speaker_hint": dialog.speaker_hint.isVisible(),
        }
        dialog.done(0)
        for _ in range(5):
            app.processEvents()
    # The tallest a quick entry gets: a name in «Foreslået af» and Enter pressed (the warning).
    page.capture.new_idea()
    for _ in range(10):
        app.processEvents()
    dialog = page.capture.entry_dialog
    dialog.proposed_by_edit.setText("Søren Bødker-Nielsen")
    dialog.accept()
    for _ in range(10):
        app.processEvents()
    result["idea_warned"] = {
        "frame": rect(dialog.frameGeometry()),
        "squeezed": dialog.height() < dialog.minimumSizeHint().height()
        or dialog.width() < dialog.minimumSizeHint().width(),
        "warning": dialog.carried.note.isVisible(),
        "note": rect(QRect(dialog.carried.note.mapToGlobal(QPoint(0, 0)),
                           dialog.carried.note.size())),
    }
    dialog.forget_changes()
    dialog.done(0)
    page.stop()
    db.dispose()
    print(json.dumps(result))
    QApplication.quit()


if __name__ == "__main__":
    main()
