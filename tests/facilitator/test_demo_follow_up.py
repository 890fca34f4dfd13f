"""`facilitator demo` shows the follow-up desk at work: every state of an ask and a step."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from facilitator.domain.enums import (
    AskAnswer,
    FollowUpKind,
    IdeaStatus,
    MeetingStatus,
    PhaseKind,
    StepState,
)
from facilitator.services import agenda, briefs, carry_over, follow_up, meetings, reflection
from facilitator.services.project_overview import project_overview
from facilitator.storage.models import ResourceAsk


def by_date(db, project):
    return sorted(meetings.list_meetings(db, project.id), key=lambda m: m.scheduled_at)


def test_the_demo_asks_are_in_every_state(demo) -> None:
    db, project = demo
    with db.session() as s:
        asks = list(s.scalars(select(ResourceAsk)))
        answers = {a.answer for a in asks}
        assert {AskAnswer.GRANTED, AskAnswer.PARTLY, AskAnswer.REFUSED, AskAnswer.NOT_OURS} <= answers
        assert any(a.forwarded_on is None for a in asks)  # registered, not yet sent
        assert any(a.forwarded_on and a.answered_on is None for a in asks)  # sent, waiting
        assert any(a.answered_on and a.reported_on is None for a in asks)  # answered, to report
        at_meeting = [a for a in asks if a.reported_meeting_id is not None]
        assert at_meeting and all(a.reported_how == "på mødet" for a in at_meeting)
        held = {m.id for m in by_date(db, project) if m.status is MeetingStatus.CLOSED}
        assert {a.reported_meeting_id for a in at_meeting} <= held
        ask = at_meeting[0]
    kinds = [e.kind for e in follow_up.history(db, ask_id=ask.id)]
    assert kinds == [FollowUpKind.SENT, FollowUpKind.ANSWERED, FollowUpKind.REPORTED]


def test_the_planned_meeting_opens_with_what_happened_since(demo) -> None:
    db, project = demo
    first, second, planned = by_date(db, project)
    phases = agenda.list_phases(db, planned.id)
    assert (phases[0].kind, phases[0].title) == (PhaseKind.FOLLOW_UP, "Opfølgning siden sidst")
    assert all(p.kind is None for p in agenda.list_phases(db, second.id))
    since = carry_over.since_last(db, planned.id)
    assert since.previous_id == second.id
    assert since.answers and since.steps_done and since.to_report
    assert since.steps_overdue  # a step left open past its day
    assert any(w.overdue for w in since.asks_waiting)  # an answer past "svar senest"
    states = {s.state for s in since.steps_done} | {s.state for s in since.steps_open}
    assert states == {StepState.DONE, StepState.OPEN}
    assert all(a.answered_on >= date(2026, 2, 24) for a in since.answers)
    # Ticked during the February meeting: told there, so not news at the next one.
    assert "Samler underskrifter for cykelstien" not in {x.what for x in since.steps_done}
    assert "Samler underskrifter for cykelstien" in {
        x.what for x in carry_over.since_last(db, second.id).steps_done}


def test_the_latest_brief_tells_since_last(demo) -> None:
    db, _project = demo
    data = briefs.brief_data(db, briefs.latest_meeting_id(db))
    assert data.since_last is not None
    assert {a.answer for a in data.since_last.answers} >= {AskAnswer.GRANTED, AskAnswer.REFUSED}


def test_the_demo_ideas_are_new_worked_on_realised_and_parked(demo) -> None:
    db, project = demo
    overview = project_overview(db, project.id)
    statuses = {idea.status for idea in overview.ideas}
    assert statuses == set(IdeaStatus)


def test_the_demo_official_reflected_on_each_held_meeting_and_the_brief_keeps_it_private(demo) -> None:
    db, project = demo
    held = [m for m in by_date(db, project) if m.status is MeetingStatus.CLOSED]
    notes = [reflection.get_reflection(db, m.id) for m in held]
    assert all(n is not None and n.note for n in notes)
    data = briefs.brief_data(db, held[-1].id)
    assert notes[-1] is not None and notes[-1].note not in repr(data)
