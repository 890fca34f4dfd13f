"""A project with two meetings in different villages, filled for the overview's tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from facilitator.services import agenda, capture, projects
from facilitator.services.capture import AskInput, IdeaInput
from facilitator.services.rows import AskRow, IdeaRow, MeetingRow
from facilitator.storage.database import Database


@dataclass
class FilledProject:
    """The two meetings and what was captured at them, by a short name."""

    first: MeetingRow
    second: MeetingRow
    ideas: dict[str, IdeaRow]
    asks: dict[str, AskRow]


def fill_project(db: Database, meeting_factory) -> FilledProject:
    """Knebel + Agri in March, Femmøller in May: ideas with and without village and theme, asks."""
    first = meeting_factory(db)  # about Knebel and Agri
    second = meeting_factory(db, title="Borgermøde i Femmøller", scheduled_at=datetime(2026, 5, 5, 19, 0),
                             venue="Femmøller Strand", meeting_places=("Femmøller",))
    places = {p.name: p.id for p in projects.get_project(db, first.project_id).places}
    second_item = agenda.list_phases(db, second.id)[1]

    def idea(meeting: MeetingRow, title: str, place: str | None, theme: str = "", phase=None) -> IdeaRow:
        data = IdeaInput(title, place_id=places[place] if place else None, theme=theme)
        return capture.add_idea(db, meeting.id, data, phase_id=phase)

    ideas = {
        "shelter": idea(first, "Shelter ved stranden", "Knebel", "Natur"),
        "sti": idea(first, "Sti langs kysten", "Agri", "natur "),
        "bus": idea(first, "Flere busser om aftenen", "Knebel", "Trafik"),
        "loose": idea(first, "Fælles kalender", None),  # two villages: no village, no theme
        "bænk": idea(second, "Bænke ved havnen", None, "Natur"),  # the meeting's one village
        "item": idea(second, "Madmarked om lørdagen", "Femmøller", phase=second_item.id),
        "gone": idea(second, "Slettet idé", "Femmøller", "Natur"),
    }
    capture.delete_entry(db, "idea", ideas["gone"].id)

    def ask(meeting: MeetingRow, what: str, department: str, amount: int | None) -> AskRow:
        return capture.add_ask(db, meeting.id, AskInput(what, amount_dkk=amount, department=department))

    asks = {
        "tilskud": ask(first, "Tilskud til shelter", "Natur og Miljø", 25000),
        "grus": ask(first, "Grus til stien", "Natur og Miljø", 5000),
        "køreplan": ask(first, "Ny køreplan", "Trafik", None),
        "lokale": ask(second, "Lokale til markedet", "", 1200),
        "gone": ask(second, "Slettet ønske", "Trafik", 99999),
    }
    capture.delete_entry(db, "ask", asks["gone"].id)
    return FilledProject(first, second, ideas, asks)
