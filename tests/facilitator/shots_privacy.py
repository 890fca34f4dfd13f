"""Render the privacy notice (da, en) and an access export as PNG pages into screenshots/ to look at.

Run: .venv/bin/python -m tests.facilitator.shots_privacy
"""

from __future__ import annotations

import subprocess
import tempfile
from datetime import date
from pathlib import Path

from facilitator.clock import FakeClock
from facilitator.domain.enums import AskKind, ConsentSource, OwnerSide
from facilitator.reports.privacy_notice import build_privacy_notice
from facilitator.services import capture, meetings, people, privacy, projects
from facilitator.services.settings import Settings
from facilitator.storage.database import Database

OUT = Path(__file__).resolve().parents[2] / "screenshots"


def pages(pdf: Path, stem: str) -> None:
    """PNG pages of a PDF at 80 dpi."""
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(OUT / stem)], check=True)


def main() -> None:
    """Write the notice in both languages and one export."""
    OUT.mkdir(exist_ok=True)
    settings = Settings("Syddjurs Kommune", "Mette Holm Sørensen", "Plan og Udvikling")
    for language in ("da", "en"):
        path = OUT / f"privacy_notice_{language}.pdf"
        path.write_bytes(build_privacy_notice(settings, language, 12, date(2026, 3, 3), True))
        pages(path, f"privacy_notice_{language}")
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open_file(Path(folder) / "f.db", FakeClock())
        project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri"])
        meeting = meetings.create_meeting(db, project.id, "Borgermøde i Knebel",
                                          __import__("datetime").datetime(2026, 3, 3, 19, 0))
        karen = people.add_person(db, project.id, "Karen Vestergaard", "karen.v@example.org",
                                   True, True, date(2026, 3, 3), ConsentSource.WRITTEN)
        people.add_person(db, project.id, "Jens Bødker")
        idea = capture.add_idea(db, meeting.id, capture.IdeaInput(
            "Shelter ved stranden", "Med bålplads; Jens Bødker kender lodsejeren",
            "Borgergruppen i Agri"))
        people.link_idea_person(db, idea.id, karen.id)
        ask = capture.add_ask(db, meeting.id, capture.AskInput(
            "Tilskud til shelter", AskKind.MONEY, 12_500, idea.id, "Shelter-gruppen"))
        people.link_ask_person(db, ask.id, karen.id)
        capture.add_step(db, meeting.id, capture.StepInput(
            "Ring til Karen Vestergaard om lodsejeren", OwnerSide.MUNICIPALITY, "Kommunen"))
        privacy.export_person_pdf(db, karen.id, OUT / "person_export.pdf")
        db.dispose()
    pages(OUT / "person_export.pdf", "person_export")


if __name__ == "__main__":
    main()
