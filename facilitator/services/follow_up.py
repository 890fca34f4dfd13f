"""The follow-up desk's actions: an ask's decision path and a next step's end.

An ask moves registreret → sendt til forvaltningen → svar modtaget → meldt tilbage
til borgerne. Each change is one call and one commit: it updates the ask's current
state and adds a `FollowUpEvent`, stamped with the day it happened, when it was
recorded and by whom (the official's name from the settings). Events are never
edited; recording a stage again is a correction (the newer event wins, the older
stays in the history) and `withdraw` takes a stage back, also as an event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.enums import AskAnswer, AskStatus, FollowUpKind, StepState
from facilitator.domain.validation import ValidationError
from facilitator.i18n import _
from facilitator.services.rows import FollowUpEventRow
from facilitator.services.settings import get_settings
from facilitator.storage.database import Database
from facilitator.storage.models import FollowUpEvent, Meeting, NextStep, ResourceAsk

ANSWER_STATUS = {
    AskAnswer.GRANTED: AskStatus.GRANTED,
    AskAnswer.PARTLY: AskStatus.PARTLY,
    AskAnswer.REFUSED: AskStatus.DECLINED,
    AskAnswer.NOT_OURS: AskStatus.NOT_OURS,
}


@dataclass(frozen=True)
class SentInput:
    """The ask went to a department: which, to whom, on which day."""

    happened_on: date
    department: str
    sent_to: str = ""


@dataclass(frozen=True)
class AnswerInput:
    """The department answered: how, in what words, on which day."""

    happened_on: date
    answer: AskAnswer
    text: str = ""


@dataclass(frozen=True)
class ReportInput:
    """The answer was reported back to the citizens: on which day, how or at which meeting."""

    happened_on: date
    how: str = ""
    meeting_id: uuid.UUID | None = None


def _check_day(day: date, earliest: date, today: date, earliest_reason: str) -> None:
    if day > today:
        raise ValidationError(_("Datoen ligger i fremtiden."), "happened_on")
    if day < earliest:
        raise ValidationError(earliest_reason, "happened_on")


def _event(db: Database, s: Session, **fields: object) -> FollowUpEvent:
    event = FollowUpEvent(
        recorded_by=get_settings(db).official_name,
        recorded_at=db.clock.now(),
        **fields,
    )
    s.add(event)
    return event


def _today(db: Database) -> date:
    return db.clock.now().astimezone().date()


def mark_sent(db: Database, ask_id: uuid.UUID, data: SentInput) -> None:
    """The ask was sent to the department; again, it corrects the earlier sending."""
    clean = validation.clean_fields({
        "department": lambda: validation.required_text(data.department, "department", _("Forvaltning")),
        "sent_to": lambda: validation.optional_text(
            data.sent_to, "sent_to", _("Sendt til"), validation.MAX_TITLE_LENGTH
        ),
    })
    with db.session() as s:
        ask = s.get_one(ResourceAsk, ask_id)
        _check_day(data.happened_on, ask.asked_on, _today(db), _("Spørgsmålet kan ikke sendes før mødet."))
        if ask.answered_on is not None and data.happened_on > ask.answered_on:
            raise ValidationError(_("Spørgsmålet kan ikke være sendt efter svaret kom."), "happened_on")
        ask.department = clean["department"]
        ask.sent_to = clean["sent_to"]
        ask.forwarded_on = data.happened_on
        if ask.status == AskStatus.OPEN:
            ask.status = AskStatus.FORWARDED
        _event(db, s, ask_id=ask.id, kind=FollowUpKind.SENT, happened_on=data.happened_on,
               department=clean["department"], sent_to=clean["sent_to"])
        s.commit()


def record_answer(db: Database, ask_id: uuid.UUID, data: AnswerInput) -> None:
    """The department's answer came; again, it corrects the earlier answer."""
    text = validation.optional_text(data.text, "text", _("Svaret"))
    with db.session() as s:
        ask = s.get_one(ResourceAsk, ask_id)
        earliest, reason = ask.asked_on, _("Svaret kan ikke komme før mødet.")
        if ask.forwarded_on is not None:
            earliest, reason = ask.forwarded_on, _("Svaret kan ikke komme, før spørgsmålet blev sendt.")
        _check_day(data.happened_on, earliest, _today(db), reason)
        if ask.reported_on is not None and data.happened_on > ask.reported_on:
            raise ValidationError(_("Svaret kan ikke komme, efter det blev meldt tilbage."), "happened_on")
        ask.answer = data.answer
        ask.answer_text = text
        ask.answered_on = data.happened_on
        ask.status = ANSWER_STATUS[data.answer]
        _event(db, s, ask_id=ask.id, kind=FollowUpKind.ANSWERED, happened_on=data.happened_on,
               answer=data.answer, text=text)
        s.commit()


def record_report(db: Database, ask_id: uuid.UUID, data: ReportInput) -> None:
    """The answer was reported back to the citizens; again, it corrects the earlier report."""
    how = validation.optional_text(data.how, "how", _("Hvordan"), validation.MAX_TITLE_LENGTH)
    with db.session() as s:
        ask = s.get_one(ResourceAsk, ask_id)
        if ask.answered_on is None:
            raise ValidationError(_("Der er endnu intet svar at melde tilbage."), "happened_on")
        _check_day(data.happened_on, ask.answered_on, _today(db),
                   _("Svaret kan ikke meldes tilbage, før det kom."))
        if data.meeting_id is not None:
            s.get_one(Meeting, data.meeting_id)
        ask.reported_on = data.happened_on
        ask.reported_how = how
        ask.reported_meeting_id = data.meeting_id
        _event(db, s, ask_id=ask.id, kind=FollowUpKind.REPORTED, happened_on=data.happened_on,
               text=how, meeting_id=data.meeting_id)
        s.commit()


def withdraw(db: Database, ask_id: uuid.UUID, stage: FollowUpKind) -> None:
    """Take back a stage recorded by mistake; only the latest stage can be taken back."""
    with db.session() as s:
        ask = s.get_one(ResourceAsk, ask_id)
        if stage == FollowUpKind.REPORTED and ask.reported_on is not None:
            ask.reported_on, ask.reported_how, ask.reported_meeting_id = None, "", None
        elif stage == FollowUpKind.ANSWERED and ask.answered_on is not None and ask.reported_on is None:
            ask.answer, ask.answer_text, ask.answered_on = None, "", None
            ask.status = AskStatus.FORWARDED if ask.forwarded_on else AskStatus.OPEN
        elif stage == FollowUpKind.SENT and ask.forwarded_on is not None and ask.answered_on is None:
            ask.forwarded_on, ask.sent_to = None, ""
            ask.status = AskStatus.OPEN
        else:
            raise ValidationError(_("Kun det seneste trin kan tages tilbage."), "stage")
        _event(db, s, ask_id=ask.id, kind=FollowUpKind.WITHDRAWN, happened_on=_today(db),
               withdrawn_kind=stage)
        s.commit()


def set_step_state(
    db: Database,
    step_id: uuid.UUID,
    state: StepState,
    happened_on: date,
    meeting_id: uuid.UUID | None = None,
) -> None:
    """A next step was done, not done or dropped (or opened again), on a day; kept in the history."""
    with db.session() as s:
        step = s.get_one(NextStep, step_id)
        created = step.created_at.astimezone().date()
        _check_day(happened_on, created, _today(db), _("Datoen ligger før skridtet blev aftalt."))
        step.state = state
        step.state_on = None if state == StepState.OPEN else happened_on
        step.done = state == StepState.DONE
        _event(db, s, step_id=step.id, kind=FollowUpKind.STEP, happened_on=happened_on,
               step_state=state, meeting_id=meeting_id)
        s.commit()


def _event_row(e: FollowUpEvent) -> FollowUpEventRow:
    return FollowUpEventRow(
        id=e.id, ask_id=e.ask_id, step_id=e.step_id, kind=e.kind, happened_on=e.happened_on,
        department=e.department, sent_to=e.sent_to, answer=e.answer, step_state=e.step_state,
        withdrawn_kind=e.withdrawn_kind, text=e.text, meeting_id=e.meeting_id,
        recorded_by=e.recorded_by, recorded_at=e.recorded_at,
    )


def history(db: Database, *, ask_id: uuid.UUID | None = None, step_id: uuid.UUID | None = None
            ) -> list[FollowUpEventRow]:
    """Every recorded change of one ask or one next step, in the order it was recorded."""
    with db.session() as s:
        # In the order recorded (rowid), not by wall-clock time: see capture.capture_order.
        query = select(FollowUpEvent).order_by(literal_column('"follow_up_event".rowid'))
        if ask_id is not None:
            query = query.where(FollowUpEvent.ask_id == ask_id)
        if step_id is not None:
            query = query.where(FollowUpEvent.step_id == step_id)
        return [_event_row(e) for e in s.scalars(query)]
