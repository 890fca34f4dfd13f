"""Which agenda items a round can cover: those holding ideas, in agenda order."""

from __future__ import annotations

from facilitator.domain.enums import Role
from facilitator.live_meeting import LiveMeeting
from facilitator.services import capture, priorities
from facilitator.services.capture import IdeaInput


def test_scope_lists_items_with_ideas_in_agenda_order(db, clock, meeting_factory) -> None:
    meeting = meeting_factory(db)
    running = LiveMeeting.start(db, meeting.id, clock)
    running.mark(Role.CITIZEN)
    running.next_phase()
    capture.add_idea(db, meeting.id, IdeaInput(title="Shelter ved søen"))
    capture.add_idea(db, meeting.id, IdeaInput(title="Stisystem"))
    running.previous_phase()
    gone = capture.add_idea(db, meeting.id, IdeaInput(title="Slettet idé"))
    capture.delete_entry(db, "idea", gone.id)
    running.next_phase()
    running.next_phase()
    capture.add_idea(db, meeting.id, IdeaInput(title="Legeplads"))

    choices = priorities.scope_choices(db, meeting.id)
    phases = running.facts.phases
    assert [(c.phase_id, c.ideas) for c in choices] == [(phases[1].id, 2), (phases[2].id, 1)]
    assert [c.title for c in choices] == [phases[1].title, phases[2].title]


def test_a_round_can_take_the_ideas_captured_outside_any_item(db, clock, meeting_factory) -> None:
    meeting = meeting_factory(db)
    running = LiveMeeting.start(db, meeting.id, clock)
    capture.add_idea(db, meeting.id, IdeaInput(title="Shelter ved søen"))
    outside = capture.add_idea(db, meeting.id, IdeaInput(title="Delebil"), phase_id=None)
    with db.session() as s:  # an idea with no agenda item (as one captured before the meeting had one)
        from facilitator.storage.models import Idea

        s.get_one(Idea, outside.id).phase_id = None
        s.commit()
    choices = priorities.scope_choices(db, meeting.id)
    assert [(c.phase_id, c.ideas) for c in choices] == [(running.facts.phases[0].id, 1), (None, 1)]
    only_outside = priorities.start_round(db, meeting.id, [None])
    assert [c.title for c in only_outside.choices] == ["Delebil"]
    both = priorities.start_round(db, meeting.id, [running.facts.phases[0].id, None])
    assert [c.title for c in both.choices] == ["Shelter ved søen", "Delebil"]
