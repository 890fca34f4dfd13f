"""What the room view may show: the stored ideas numbered and anonymised, and nothing private."""

from __future__ import annotations

import dataclasses

import pytest

from facilitator.domain.anonymise import REDACTED
from facilitator.domain.enums import Role
from facilitator.live_meeting import LiveMeeting
from facilitator.room_state import (
    RoomOptions,
    RoomPriorities,
    RoomState,
    RoomVote,
    room_state,
)
from facilitator.services import capture, people
from facilitator.services.capture import IdeaInput, PersonLink
from facilitator.services.room import room_content, room_ideas


@pytest.fixture
def running(db, clock, meeting_factory) -> LiveMeeting:
    return LiveMeeting.start(db, meeting_factory(db).id, clock)


def test_ideas_are_numbered_across_the_meeting_in_capture_order_with_their_item(db, clock, running) -> None:
    first_item = running.state().phase.id
    capture.add_idea(db, running.meeting_id, IdeaInput("Shelter ved Agri Bavnehøj"))
    running.next_phase()
    second_item = running.state().phase.id
    # A clock set back does not put a later idea first.
    clock.advance(-3600)
    capture.add_idea(db, running.meeting_id, IdeaInput("Bænke ved stranden"))
    gone = capture.add_idea(db, running.meeting_id, IdeaInput("Slettet idé"))
    capture.delete_entry(db, "idea", gone.id)
    ideas = room_ideas(db, running.meeting_id)
    assert [(i.number, i.title, i.phase_id) for i in ideas] == [
        (1, "Shelter ved Agri Bavnehøj", first_item),
        (2, "Bænke ved stranden", second_item),
    ]
    state = room_state(running.state(), ideas, RoomOptions())
    assert [(i.number, i.title) for i in state.ideas] == [(2, "Bænke ved stranden")]


def test_names_show_only_with_consent(db, running) -> None:
    meeting = running.meeting
    søren = people.add_person(db, meeting.project_id, "Søren Kirkegaard", may_be_named=False)
    karen = people.add_person(db, meeting.project_id, "Karen Vestergaard", may_be_named=True)
    withdrawn = people.add_person(db, meeting.project_id, "Olena Kovalenko", may_be_named=True)
    people.withdraw_consent(db, withdrawn.id)
    capture.add_idea(db, meeting.id, IdeaInput("Søren Kirkegaard ønsker en bænk", "", "Søren Kirkegaard"),
                     person=PersonLink(søren.id))
    capture.add_idea(db, meeting.id, IdeaInput("Bålplads, ring 12 34 56 78", "", "Knebel Borgerforening"),
                     person=PersonLink(karen.id))
    capture.add_idea(db, meeting.id, IdeaInput("Fællesspisning", "", "Vistoft Lokalråd"),
                     person=PersonLink(withdrawn.id))
    ideas = room_ideas(db, meeting.id)
    assert ideas[2].carried_by == "Vistoft Lokalråd"  # consent withdrawn: the group only
    assert ideas[0].title == f"{REDACTED} ønsker en bænk"
    assert "Søren" not in ideas[0].carried_by and "Kirkegaard" not in ideas[0].carried_by
    assert ideas[1].carried_by == "Karen Vestergaard, Knebel Borgerforening"
    assert "12 34 56 78" not in ideas[1].title  # a phone number never reaches the wall


def test_the_meetings_own_texts_are_redacted_too(db, clock, meeting_factory) -> None:
    meeting = meeting_factory(db, title="Møde hos Søren Kirkegaard")
    people.add_person(db, meeting.project_id, "Søren Kirkegaard", may_be_named=False)
    running = LiveMeeting.start(db, meeting.id, clock)
    state = room_state(running.state(), [], RoomOptions(), redact=room_content(db, meeting.id)[1])
    assert "Kirkegaard" not in state.meeting_title
    assert state.agenda and len(state.agenda) == running.state().phase_count
    assert state.agenda[state.current_index] == state.item_title


def test_the_room_state_has_no_field_for_anything_private() -> None:
    names = {f.name for f in dataclasses.fields(RoomState)}
    for private in ("share", "hold", "nudge", "speaker", "cue", "talk", "threshold", "unsaved"):
        assert not any(private in name for name in names), private


def test_blank_holds_nothing_and_time_is_shown_only_when_asked(running, clock) -> None:
    running.mark(Role.OFFICIAL)  # a nudge runs
    live = running.state()
    assert live.nudge is not None
    blank = room_state(live, [], RoomOptions(blank=True, dark=True))
    assert blank == RoomState(blank=True, dark=True)
    assert room_state(live, [], RoomOptions()).time_left is None
    planned = live.phase.planned_minutes * 60
    timed = room_state(live, [], RoomOptions(show_time=True))
    assert timed.time_left == planned
    # Whole minutes: the state is the same for the rest of the minute, so nothing redraws.
    clock.advance(10)
    assert room_state(running.state(), [], RoomOptions(show_time=True)) == timed
    clock.advance(60)
    assert room_state(running.state(), [], RoomOptions(show_time=True)).time_left == planned - 60


def test_priorities_rank_most_dots_first_ties_by_number() -> None:
    round_one = RoomPriorities(1, (RoomVote(3, "C", 2), RoomVote(1, "A", 5), RoomVote(2, "B", 2)), 9)
    assert [v.number for v in round_one.ranked()] == [1, 2, 3]
