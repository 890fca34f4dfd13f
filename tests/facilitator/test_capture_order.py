"""Entries are listed in the order they were captured, even when the system clock is set back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from facilitator.domain.enums import ConsentSource, OwnerSide
from facilitator.live_meeting import LiveMeeting
from facilitator.services import briefs, capture, people, privacy


@pytest.fixture
def running(db, meeting_factory, clock):
    """A meeting under way; half an hour in."""
    meeting = meeting_factory(db)
    session = LiveMeeting.start(db, meeting.id, clock)
    clock.advance(1800)
    return meeting, session


def capture_around_a_clock_change(db, clock, meeting) -> None:
    """Three of each kind; the system clock is set back an hour after the first."""
    for number in range(3):
        capture.add_idea(db, meeting.id, capture.IdeaInput(f"Idé {number}"))
        capture.add_ask(db, meeting.id, capture.AskInput(f"Ønske {number}"))
        capture.add_step(db, meeting.id, capture.StepInput(f"Skridt {number}", OwnerSide.CITIZENS))
        if number == 0:
            clock.set_wall(clock.now() - timedelta(hours=1))
        clock.advance(60)


def test_lists_keep_the_order_of_capture_after_the_clock_is_set_back(db, clock, running):
    meeting, _session = running
    capture_around_a_clock_change(db, clock, meeting)
    assert [i.title for i in capture.list_ideas(db, meeting.id)] == ["Idé 0", "Idé 1", "Idé 2"]
    assert [a.what for a in capture.list_asks(db, meeting.id)] == ["Ønske 0", "Ønske 1", "Ønske 2"]
    assert [x.what for x in capture.list_steps(db, meeting.id)] == [
        "Skridt 0", "Skridt 1", "Skridt 2"]


def test_an_edit_or_a_deleted_and_restored_entry_keeps_its_place(db, clock, running):
    meeting, _session = running
    capture_around_a_clock_change(db, clock, meeting)
    first = capture.list_ideas(db, meeting.id)[0]
    clock.set_wall(clock.now() - timedelta(days=1))
    capture.update_idea(db, first.id, capture.IdeaInput("Idé 0, rettet"))
    capture.delete_entry(db, "idea", first.id)
    capture.restore_entry(db, "idea", first.id)
    assert [i.title for i in capture.list_ideas(db, meeting.id)] == [
        "Idé 0, rettet", "Idé 1", "Idé 2"]


def test_the_brief_and_the_access_export_keep_the_order_of_capture(db, clock, running):
    meeting, session = running
    karen = people.add_person(db, meeting.project_id, "Karen Vestergaard", "", True, False,
                              date(2026, 3, 3), ConsentSource.ORAL)
    capture_around_a_clock_change(db, clock, meeting)
    for idea in capture.list_ideas(db, meeting.id):
        people.link_idea_person(db, idea.id, karen.id)
    session.close()
    data = briefs.brief_data(db, meeting.id)
    assert [i.title for i in data.ideas] == ["Idé 0", "Idé 1", "Idé 2"]
    assert [a.what for a in data.asks] == ["Ønske 0", "Ønske 1", "Ønske 2"]
    assert [x.what for x in data.steps] == ["Skridt 0", "Skridt 1", "Skridt 2"]
    export = privacy.export_person(db, karen.id)
    assert [i.title for i in export.ideas] == ["Idé 0", "Idé 1", "Idé 2"]
