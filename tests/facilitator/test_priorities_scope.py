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
