"""Screenshots of Personer og samtykke, the add form and the person choice in the idea dialog.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shots_people.py
Writes PNGs to screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.domain.enums import ConsentSource  # noqa: E402
from facilitator.services import meetings, people, projects  # noqa: E402
from facilitator.services.privacy_settings import set_project_ended  # noqa: E402
from facilitator.storage.database import Database  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.capture.entry_dialogs import IdeaDialog  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402
from ui.people.people_dialog import PeopleDialog  # noqa: E402
from ui.people.person_form import PersonForm  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "screenshots"


def _grab_confirmation(dialog: PeopleDialog, app: object) -> None:
    """The erase confirmation as shown (grabbed instead of run, then cancelled)."""
    from PySide6.QtWidgets import QMessageBox

    def grab_and_cancel(box: QMessageBox) -> int:
        box.show()
        box.grab().save(str(OUT / "people_erase_confirmation.png"))
        box.hide()
        return 0

    original = QMessageBox.exec
    QMessageBox.exec = grab_and_cancel  # type: ignore[method-assign]
    try:
        dialog.erase_person()
    finally:
        QMessageBox.exec = original  # type: ignore[method-assign]


def main() -> None:
    """Fill a project with a few people and grab each widget at 1366×768 (forms at their size)."""
    app = create_application()
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock()
        db = Database.open_file(Path(folder) / "f.db", clock)
        project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri"])
        meeting = meetings.create_meeting(db, project.id, "Borgermøde i Knebel",
                                          datetime(2026, 3, 3, 19, 0))
        people.add_person(db, project.id, "Karen Vestergaard", "karen.v@example.org", True, True,
                           date(2026, 3, 3), ConsentSource.WRITTEN)
        people.add_person(db, project.id, "Jens Bødker")
        people.add_person(db, project.id, "Aisha Rahman", "20 30 40 50", False, True,
                           date(2026, 2, 10), ConsentSource.ORAL)
        gone = people.add_person(db, project.id, "Søren Kjærgaard Østergaard", "", True, False,
                                  date(2026, 1, 20), ConsentSource.ORAL)
        people.withdraw_consent(db, gone.id)
        set_project_ended(db, project.id, date(2026, 12, 31))
        dialog = PeopleDialog(db, ChangeHub(), project.id)
        dialog.resize(1366, 768)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / "people_dialog.png"))
        dialog.search_edit.setText("gaard")
        app.processEvents()
        dialog.grab().save(str(OUT / "people_dialog_search.png"))
        form = PersonForm(db, project.id, date(2026, 3, 3), dialog)
        form.name_edit.setText("Mette Lund")
        form.named_check.setChecked(True)
        form.show()
        app.processEvents()
        form.grab().save(str(OUT / "person_form.png"))
        form.close()
        dialog.search_edit.clear()
        _grab_confirmation(dialog, app)
        idea = IdeaDialog(db, meeting.id, [])
        idea.show()
        app.processEvents()
        idea.grab().save(str(OUT / "idea_dialog_person.png"))
        db.dispose()


if __name__ == "__main__":
    main()
