"""The question put to the room for an agenda item: stored, cleared, refused when too long."""

from __future__ import annotations

import pytest

from facilitator.domain.validation import ValidationError
from facilitator.live_meeting import LiveMeeting
from facilitator.services import agenda


@pytest.fixture
def meeting(db, meeting_factory):
    return meeting_factory(db)


def test_a_question_is_stored_trimmed_and_cleared_by_blank(db, meeting) -> None:
    phase = agenda.list_phases(db, meeting.id)[1]
    row = agenda.set_question(db, phase.id, "  Hvad skal Agri have om fem år?\n")
    assert row.question == "Hvad skal Agri have om fem år?" and row.title == phase.title
    assert agenda.list_phases(db, meeting.id)[1].question == "Hvad skal Agri have om fem år?"
    assert {p.question for i, p in enumerate(agenda.list_phases(db, meeting.id)) if i != 1} == {""}
    assert agenda.set_question(db, phase.id, "   ").question == ""
    assert agenda.list_phases(db, meeting.id)[1].question == ""


def test_a_too_long_question_is_refused_in_danish_and_changes_nothing(db, meeting) -> None:
    phase = agenda.list_phases(db, meeting.id)[0]
    agenda.set_question(db, phase.id, "Hvad mangler I?")
    agenda.set_question(db, phase.id, "x" * agenda.MAX_QUESTION_LENGTH)  # the limit itself is fine
    agenda.set_question(db, phase.id, "Hvad mangler I?")
    with pytest.raises(ValidationError, match=r"Spørgsmålet er for langt \(højst 500 tegn\)") as refused:
        agenda.set_question(db, phase.id, "x" * (agenda.MAX_QUESTION_LENGTH + 1))
    assert refused.value.field == "question"
    assert agenda.list_phases(db, meeting.id)[0].question == "Hvad mangler I?"


def test_the_running_meeting_stores_the_question_and_keeps_its_facts_in_step(db, clock, meeting) -> None:
    session = LiveMeeting.start(db, meeting.id, clock)
    session.next_phase()
    row = session.set_question("Hvor skal shelteren stå?")
    assert row.id == session.phases[1].id
    assert session.phases[1].question == "Hvor skal shelteren stå?"
    assert session.state().phase.question == "Hvor skal shelteren stå?"
    assert agenda.list_phases(db, meeting.id)[1].question == "Hvor skal shelteren stå?"
    # The next item starts without the question; going back shows it again.
    session.next_phase()
    assert session.state().phase.question == ""
    session.previous_phase()
    assert session.state().phase.question == "Hvor skal shelteren stå?"
    with pytest.raises(ValidationError):
        session.set_question("x" * 501)
    assert session.phases[1].question == "Hvor skal shelteren stå?"
