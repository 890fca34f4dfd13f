"""Service functions added for the planning screens (no Qt)."""

from __future__ import annotations

from datetime import datetime

import pytest

from facilitator.domain.validation import ValidationError
from facilitator.services import agenda, live, projects


def test_split_place_names_accepts_commas_semicolons_and_lines():
    assert projects.split_place_names(" Knebel, Agri;Vrinners\r\nRolsø\n\n , ") == [
        "Knebel", "Agri", "Vrinners", "Rolsø"]
    assert projects.split_place_names("") == []


def test_replace_with_default_template_is_one_clean_agenda(db, meeting_factory):
    meeting = meeting_factory(db)
    agenda.add_phase(db, meeting.id, "Kaffe", 20)
    phases = agenda.replace_with_default_template(db, meeting.id)
    assert [p.planned_minutes for p in phases] == [10, 40, 25, 15]
    assert [p.position for p in phases] == [0, 1, 2, 3]


def test_a_started_agenda_is_never_replaced(db, meeting_factory):
    earlier = meeting_factory(db, title="Før")
    meeting = meeting_factory(db)
    live.start_meeting(db, meeting.id, db.clock.now())
    before = agenda.list_phases(db, meeting.id)
    with pytest.raises(ValidationError, match="gået i gang"):
        agenda.replace_with_copy(db, earlier.id, meeting.id)
    assert agenda.list_phases(db, meeting.id) == before


def test_agenda_sources_are_other_meetings_of_the_project_with_phases(db, meeting_factory):
    old = meeting_factory(db, title="Gammel", scheduled_at=datetime(2025, 5, 1, 19, 0))
    newer = meeting_factory(db, title="Nyere", scheduled_at=datetime(2026, 1, 1, 19, 0))
    meeting_factory(db, title="Tom", with_agenda=False)
    target = meeting_factory(db, title="Mål", with_agenda=False)
    other_project = projects.create_project(db, "Løsning Lykkes")
    assert other_project.id != target.project_id
    assert [m.id for m in agenda.agenda_sources(db, target.id)] == [newer.id, old.id]


def test_new_profile_hold_back_moves_only_phases_on_the_old_default(db, meeting_factory):
    from facilitator.domain.enums import Regulation, SelfDriving
    from facilitator.services import meetings

    meeting = meeting_factory(db)
    first = agenda.list_phases(db, meeting.id)[0]
    agenda.update_phase(db, first.id, first.title, first.planned_minutes, 30)
    meetings.set_profile(db, meeting.id, SelfDriving.NEEDS_SUPPORT, Regulation.LIGHT)
    assert [p.hold_back_seconds for p in agenda.list_phases(db, meeting.id)] == [30, 15, 15, 15]
    with pytest.raises(ValidationError):
        meetings.set_profile(db, meeting.id, SelfDriving.NEEDS_SUPPORT, Regulation.LIGHT, 601)
    assert [p.hold_back_seconds for p in agenda.list_phases(db, meeting.id)] == [30, 15, 15, 15]


def test_an_ask_shows_when_its_idea_was_deleted(db, meeting_factory):
    from facilitator.services import capture

    meeting = meeting_factory(db)
    idea = capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter"))
    capture.add_ask(db, meeting.id, capture.AskInput("Tilladelse", idea_id=idea.id))
    capture.delete_entry(db, "idea", idea.id)
    assert capture.list_asks(db, meeting.id)[0].idea_title == "Shelter (slettet)"
    capture.restore_entry(db, "idea", idea.id)
    assert capture.list_asks(db, meeting.id)[0].idea_title == "Shelter"


def test_new_meeting_with_default_agenda_in_one_go(db, meeting_factory):
    from datetime import datetime

    from facilitator.services import meetings, projects

    project = projects.create_project(db, "Mols i Udvikling")
    row = meetings.create_meeting(db, project.id, "Møde", datetime(2026, 3, 3, 19), with_default_agenda=True)
    assert [p.position for p in agenda.list_phases(db, row.id)] == [0, 1, 2, 3]
