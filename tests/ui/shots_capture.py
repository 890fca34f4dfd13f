"""Screenshots of the capture panel and its entry dialogs with realistic Danish data.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shots_capture.py
Writes PNGs to screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.domain.enums import AskKind, CheckKind, OwnerSide  # noqa: E402
from facilitator.services import capture, meetings, projects  # noqa: E402
from facilitator.storage.database import Database  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.capture import CapturePanel  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "screenshots"


def fill(db: Database, clock: FakeClock) -> object:
    """A Mols i Udvikling meeting with a realistic evening's entries."""
    project = projects.create_project(
        db, "Mols i Udvikling", ["Knebel", "Agri", "Rønde", "Femmøller", "Tved", "Vistoft"]
    )
    meeting = meetings.create_meeting(
        db,
        project.id,
        "Borgermøde om stier og fællesskab",
        datetime(2026, 3, 3, 19, 0),
        "Knebel Forsamlingshus",
        [p.id for p in project.places],
    )
    place = {p.name: p.id for p in project.places}
    ideas = [
        capture.IdeaInput(
            "Shelter ved Agri Bavnehøj",
            "To sheltere og et bålsted til skoleklasser",
            "Borgergruppen i Agri",
            place["Agri"],
            "Natur",
            CheckKind.PLAN,
            "Landzone — kræver landzonetilladelse",
        ),
        capture.IdeaInput(
            "Fælles el-ladestander ved forsamlingshuset",
            "",
            "Knebel Borgerforening",
            place["Knebel"],
            "Energi",
        ),
        capture.IdeaInput(
            "Sti langs kysten fra Femmøller til Ebeltoft",
            "",
            "Stigruppen",
            place["Femmøller"],
            "Natur",
            CheckKind.LEGISLATION,
            "Strandbeskyttelse",
        ),
        capture.IdeaInput(
            "Byttecentral i den gamle brugs", "", "Tved Lokalråd", place["Tved"], "Fællesskab"
        ),
        capture.IdeaInput(
            "Fartdæmpning på Vistoftvej ved skolen",
            "",
            "Forældregruppen",
            place["Vistoft"],
            "Trafik",
            CheckKind.MUNICIPAL_WORK,
            "Vejplan 2026",
        ),
    ]
    rows = []
    for data in ideas:
        clock.advance(60)
        rows.append(capture.add_idea(db, meeting.id, data))
    for data in [
        capture.AskInput(
            "Tilladelse til shelter i landzone",
            AskKind.PERMIT,
            None,
            rows[0].id,
            "Borgergruppen i Agri",
            date(2026, 4, 15),
        ),
        capture.AskInput(
            "Tilskud til ladestander",
            AskKind.MONEY,
            12500,
            rows[1].id,
            "Knebel Borgerforening",
            date(2026, 5, 1),
        ),
        capture.AskInput(
            "Kontakt til Naturstyrelsen om kyststien",
            AskKind.CONTACT,
            None,
            rows[2].id,
            "Stigruppen",
        ),
    ]:
        clock.advance(60)
        capture.add_ask(db, meeting.id, data)
    for data in [
        capture.StepInput(
            "Tegne skitse af shelterplads",
            OwnerSide.CITIZENS,
            "Borgergruppen i Agri",
            date(2026, 3, 24),
        ),
        capture.StepInput(
            "Afklare landzonetilladelse", OwnerSide.MUNICIPALITY, "Plan og Byg", date(2026, 4, 1)
        ),
    ]:
        clock.advance(60)
        capture.add_step(db, meeting.id, data)
    return meeting.id


def main() -> int:
    """Grab the panel and each dialog."""
    app = create_application(sys.argv[:1])
    assert isinstance(app, QApplication)
    OUT.mkdir(exist_ok=True)
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open_file(Path(folder) / "shots.db", clock)
        meeting_id = fill(db, clock)
        panel = CapturePanel(db, ChangeHub())
        panel.load(meeting_id)
        panel.resize(900, 560)
        panel.show()
        app.processEvents()
        panel.sections["idea"].table.selectRow(0)
        panel.grab().save(str(OUT / "capture_panel_900x560.png"))
        panel.sections["step"].table.selectRow(1)
        panel.delete_selected("step")
        app.processEvents()
        panel.grab().save(str(OUT / "capture_panel_undo_offer.png"))
        panel.resize(1366, 768)
        app.processEvents()
        panel.grab().save(str(OUT / "capture_panel_1366x768.png"))
        empty = CapturePanel(db, ChangeHub())
        empty.load(
            meetings.create_meeting(
                db,
                meetings.get_meeting(db, meeting_id).project_id,
                "Tomt møde",
                datetime(2026, 4, 1, 19, 0),
            ).id
        )
        empty.resize(900, 560)
        empty.show()
        app.processEvents()
        empty.grab().save(str(OUT / "capture_panel_empty.png"))
        for name, opener in [
            ("idea", panel.new_idea),
            ("ask", panel.new_ask),
            ("step", panel.new_step),
        ]:
            opener()
            dialog = panel.entry_dialog
            assert dialog is not None
            app.processEvents()
            dialog.grab().save(str(OUT / f"capture_dialog_new_{name}.png"))
            dialog.reject()
            app.processEvents()
        panel.sections["idea"].table.selectRow(0)
        panel.edit_selected("idea")
        panel.entry_dialog.grab().save(str(OUT / "capture_dialog_edit_idea.png"))
        panel.entry_dialog.reject()
        panel.sections["ask"].table.selectRow(1)
        panel.edit_selected("ask")
        dialog = panel.entry_dialog
        dialog.amount_edit.setText("tolv tusind")
        dialog.accept()
        app.processEvents()
        dialog.grab().save(str(OUT / "capture_dialog_refused_ask.png"))
        dialog.reject()
        db.dispose()
    print("wrote", OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
