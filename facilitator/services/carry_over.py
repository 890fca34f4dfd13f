"""The next meeting knows: what happened in a project since its previous meeting.

Answers that came and next steps that were done are found in the follow-up
history (`FollowUpEvent`, by the day they happened) and kept only while the
ask's or step's current state still says so (a withdrawn answer, a step opened
again, no longer counts). What still waits is read from the current states.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain.decision_path import AskDates, ask_clock, is_overdue_now
from facilitator.domain.enums import AskStatus, FollowUpKind, StepState
from facilitator.services.carry_rows import CarriedAnswer, CarriedStep, SinceLast, WaitingAsk
from facilitator.storage.database import Database
from facilitator.storage.models import FollowUpEvent, Meeting, NextStep, ResourceAsk


def previous_meeting(s: Session, meeting: Meeting) -> Meeting | None:
    """The project's meeting just before `meeting` by date, if any (inside an open session)."""
    return s.scalars(
        select(Meeting)
        .where(Meeting.project_id == meeting.project_id)
        .where(Meeting.id != meeting.id)
        .where(Meeting.scheduled_at < meeting.scheduled_at)
        .order_by(Meeting.scheduled_at.desc())
    ).first()


def has_previous(db: Database, meeting_id: uuid.UUID) -> bool:
    """Whether the project had a meeting before this one."""
    with db.session() as s:
        return previous_meeting(s, s.get_one(Meeting, meeting_id)) is not None


def _changed_in(s: Session, kind: FollowUpKind, since: date | None, until: date,
                told_at: uuid.UUID | None) -> set[uuid.UUID]:
    """Asks (ANSWERED) or steps (STEP) with a change of `kind` on a day in [since, until];
    not one recorded during the meeting `told_at` (the room heard it there)."""
    column = FollowUpEvent.step_id if kind == FollowUpKind.STEP else FollowUpEvent.ask_id
    query = select(column).where(FollowUpEvent.kind == kind).where(FollowUpEvent.happened_on <= until)
    if since is not None:
        query = query.where(FollowUpEvent.happened_on >= since)
    if told_at is not None:
        query = query.where((FollowUpEvent.meeting_id.is_(None)) | (FollowUpEvent.meeting_id != told_at))
    if kind == FollowUpKind.STEP:
        query = query.where(FollowUpEvent.step_state == StepState.DONE)
    return {i for i in s.scalars(query) if i is not None}


def _answer(ask: ResourceAsk) -> CarriedAnswer:
    assert ask.answer is not None and ask.answered_on is not None
    return CarriedAnswer(
        ask_id=ask.id, meeting_id=ask.meeting_id, what=ask.what, department=ask.department,
        answer=ask.answer, answer_text=ask.answer_text, answered_on=ask.answered_on,
        reported_on=ask.reported_on,
    )


def _step(step: NextStep, until: date) -> CarriedStep:
    overdue = step.state == StepState.OPEN and step.due_on is not None and step.due_on < until
    return CarriedStep(
        step_id=step.id, meeting_id=step.meeting_id, what=step.what, owner_label=step.owner_label,
        due_on=step.due_on, state=step.state, state_on=step.state_on, overdue=overdue,
    )


def _waiting(ask: ResourceAsk, until: date) -> WaitingAsk:
    dates = AskDates(ask.department, ask.asked_on, ask.forwarded_on, None, None, ask.answer_needed_by)
    return WaitingAsk(
        ask_id=ask.id, meeting_id=ask.meeting_id, what=ask.what, department=ask.department,
        sent_on=ask.forwarded_on, answer_needed_by=ask.answer_needed_by,
        waiting_days=ask_clock(dates, until).waiting_days, overdue=is_overdue_now(dates, until),
    )


def since_last(db: Database, meeting_id: uuid.UUID) -> SinceLast:
    """What happened in the meeting's project since the meeting before it, and what still waits."""
    today = db.clock.now().astimezone().date()
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        previous = previous_meeting(s, meeting)
        since = previous.scheduled_at.date() if previous is not None else None
        # A meeting planned ahead sees up to today; a brief made later, up to its own day.
        until = min(today, meeting.scheduled_at.date())
        earlier = select(Meeting.id).where(Meeting.project_id == meeting.project_id).where(
            Meeting.scheduled_at < meeting.scheduled_at)
        asks = list(s.scalars(
            select(ResourceAsk).where(ResourceAsk.meeting_id.in_(earlier))
            .where(ResourceAsk.deleted_at.is_(None))
            .order_by(ResourceAsk.asked_on, ResourceAsk.created_at)
        ))
        steps = list(s.scalars(
            select(NextStep).where(NextStep.meeting_id.in_(earlier))
            .where(NextStep.deleted_at.is_(None))
            .order_by(NextStep.created_at)
        ))
        told_at = previous.id if previous is not None else None
        answered_now = _changed_in(s, FollowUpKind.ANSWERED, since, until, told_at)
        done_now = _changed_in(s, FollowUpKind.STEP, since, until, told_at)
        answered = [a for a in asks if a.answered_on is not None and a.answer is not None]
        answers = sorted(
            (row for row in map(_answer, answered)
             if row.ask_id in answered_now and row.answered_on <= until),
            key=lambda a: a.answered_on,
        )
        to_report = [_answer(a) for a in answered if a.reported_on is None]
        steps_done = [_step(x, until) for x in steps
                      if x.state == StepState.DONE and x.id in done_now]
        steps_open = sorted(
            (_step(x, until) for x in steps if x.state == StepState.OPEN),
            key=lambda x: (not x.overdue, x.due_on or date.max),
        )
        waiting = sorted(
            (_waiting(a, until) for a in asks
             if a.answered_on is None and a.status in (AskStatus.OPEN, AskStatus.FORWARDED)),
            key=lambda w: (not w.overdue, -w.waiting_days),
        )
        return SinceLast(
            meeting_id=meeting.id,
            previous_id=previous.id if previous is not None else None,
            previous_title=previous.title if previous is not None else "",
            since=since,
            until=until,
            answers=tuple(answers),
            steps_done=tuple(steps_done),
            steps_open=tuple(steps_open),
            asks_waiting=tuple(waiting),
            to_report=tuple(to_report),
        )
