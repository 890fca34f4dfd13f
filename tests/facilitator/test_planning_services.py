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


def test_follow_hold_back_moves_only_phases_on_the_old_default(db, meeting_factory):
    meeting = meeting_factory(db)
    first = agenda.list_phases(db, meeting.id)[0]
    agenda.update_phase(db, first.id, first.title, first.planned_minutes, 30)
    phases = agenda.follow_hold_back(db, meeting.id, 10, 15)
    assert [p.hold_back_seconds for p in phases] == [30, 15, 15, 15]
    with pytest.raises(ValidationError):
        agenda.follow_hold_back(db, meeting.id, 15, 601)
