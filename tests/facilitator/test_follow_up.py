"""An ask's decision path and a next step's end: every stage, its history, its clock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from facilitator.domain.decision_path import AskDates, ask_clock, department_figures, is_overdue_now
from facilitator.domain.enums import AskAnswer, AskStatus, FollowUpKind, StepState
from facilitator.domain.validation import ValidationError
from facilitator.services import capture, follow_up, settings
from facilitator.services.follow_up import AnswerInput, ReportInput, SentInput

MEETING_DAY = date(2026, 3, 3)


@pytest.fixture
def meeting(db, meeting_factory):
    settings.save_settings(db, settings.Settings("Syddjurs Kommune", "Mette Kragh", "Lokalsamfund"))
    return meeting_factory(db)


def ask_of(db, meeting_id, what="Tilskud til shelter", needed_by=None):
    return capture.add_ask(db, meeting_id, capture.AskInput(what, answer_needed_by=needed_by))


def stored(db, ask_id):
    with db.session() as s:
        from facilitator.storage.models import ResourceAsk

        return s.get_one(ResourceAsk, ask_id)


def days_later(clock, days):
    clock.advance(days * 86400)
    return clock.now().astimezone().date()


def test_an_ask_goes_through_every_stage_with_its_history(db, clock, meeting) -> None:
    ask = ask_of(db, meeting.id)
    assert stored(db, ask.id).status == AskStatus.OPEN

    sent_day = days_later(clock, 2)
    follow_up.mark_sent(db, ask.id, SentInput(sent_day, " Plan og Byg ", "Sagsbehandler Ø. Ærø"))
    row = stored(db, ask.id)
    assert (row.status, row.forwarded_on, row.department, row.sent_to) == (
        AskStatus.FORWARDED, sent_day, "Plan og Byg", "Sagsbehandler Ø. Ærø")

    answer_day = days_later(clock, 10)
    follow_up.record_answer(db, ask.id, AnswerInput(answer_day, AskAnswer.PARTLY, "Halvdelen af beløbet"))
    row = stored(db, ask.id)
    assert (row.status, row.answer, row.answered_on, row.answer_text) == (
        AskStatus.PARTLY, AskAnswer.PARTLY, answer_day, "Halvdelen af beløbet")

    report_day = days_later(clock, 5)
    follow_up.record_report(db, ask.id, ReportInput(report_day, "På borgermødet", meeting.id))
    row = stored(db, ask.id)
    assert (row.reported_on, row.reported_how, row.reported_meeting_id) == (
        report_day, "På borgermødet", meeting.id)

    events = follow_up.history(db, ask_id=ask.id)
    assert [e.kind for e in events] == [FollowUpKind.SENT, FollowUpKind.ANSWERED, FollowUpKind.REPORTED]
    assert {e.recorded_by for e in events} == {"Mette Kragh"}
    assert [e.happened_on for e in events] == [sent_day, answer_day, report_day]


def test_an_answer_recorded_twice_keeps_the_first_in_the_history(db, clock, meeting) -> None:
    ask = ask_of(db, meeting.id)
    day = days_later(clock, 3)
    follow_up.record_answer(db, ask.id, AnswerInput(day, AskAnswer.REFUSED, "Nej"))
    clock.advance(3600)
    follow_up.record_answer(db, ask.id, AnswerInput(day, AskAnswer.GRANTED, "Ja, alligevel"))
    assert (stored(db, ask.id).answer, stored(db, ask.id).status) == (AskAnswer.GRANTED, AskStatus.GRANTED)
    answers = [(e.answer, e.text) for e in follow_up.history(db, ask_id=ask.id)]
    assert answers == [(AskAnswer.REFUSED, "Nej"), (AskAnswer.GRANTED, "Ja, alligevel")]


def test_only_the_latest_stage_can_be_taken_back_and_that_is_kept_too(db, clock, meeting) -> None:
    ask = ask_of(db, meeting.id)
    day = days_later(clock, 1)
    follow_up.mark_sent(db, ask.id, SentInput(day, "Vej og Park"))
    follow_up.record_answer(db, ask.id, AnswerInput(day, AskAnswer.NOT_OURS))
    with pytest.raises(ValidationError):
        follow_up.withdraw(db, ask.id, FollowUpKind.SENT)
    follow_up.withdraw(db, ask.id, FollowUpKind.ANSWERED)
    row = stored(db, ask.id)
    assert (row.status, row.answer, row.answered_on, row.forwarded_on) == (AskStatus.FORWARDED, None, None, day)
    follow_up.withdraw(db, ask.id, FollowUpKind.SENT)
    assert stored(db, ask.id).status == AskStatus.OPEN
    kinds = [(e.kind, e.withdrawn_kind) for e in follow_up.history(db, ask_id=ask.id)]
    assert kinds[-2:] == [(FollowUpKind.WITHDRAWN, FollowUpKind.ANSWERED),
                          (FollowUpKind.WITHDRAWN, FollowUpKind.SENT)]


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda db, ask, today: follow_up.mark_sent(db, ask, SentInput(today + timedelta(days=1), "Plan")),
         "Datoen ligger i fremtiden."),
        (lambda db, ask, today: follow_up.mark_sent(db, ask, SentInput(MEETING_DAY - timedelta(days=1), "Plan")),
         "Spørgsmålet kan ikke sendes før mødet."),
        (lambda db, ask, today: follow_up.mark_sent(db, ask, SentInput(today, "   ")), "Forvaltning"),
        (lambda db, ask, today: follow_up.record_report(db, ask, ReportInput(today)),
         "Der er endnu intet svar at melde tilbage."),
        (lambda db, ask, today: follow_up.record_answer(db, ask, AnswerInput(today, AskAnswer.GRANTED, "x" * 100_001)),
         "Svaret"),
    ],
)
def test_impossible_changes_are_refused_in_danish_and_change_nothing(db, clock, meeting, action, message) -> None:
    ask = ask_of(db, meeting.id)
    today = days_later(clock, 2)
    with pytest.raises(ValidationError) as refused:
        action(db, ask.id, today)
    assert message in refused.value.message
    assert stored(db, ask.id).status == AskStatus.OPEN
    assert follow_up.history(db, ask_id=ask.id) == []


def test_an_answer_before_the_ask_was_sent_is_refused(db, clock, meeting) -> None:
    ask = ask_of(db, meeting.id)
    follow_up.mark_sent(db, ask.id, SentInput(days_later(clock, 5), "Plan og Byg"))
    with pytest.raises(ValidationError, match="før spørgsmålet blev sendt"):
        follow_up.record_answer(db, ask.id, AnswerInput(MEETING_DAY, AskAnswer.GRANTED))


def test_a_next_step_is_done_not_done_or_dropped_with_a_day(db, clock, meeting) -> None:
    step = capture.add_step(db, meeting.id, capture.StepInput("Kontakte lodsejer"))
    day = days_later(clock, 4)
    follow_up.set_step_state(db, step.id, StepState.DONE, day)
    [row] = capture.list_steps(db, meeting.id)
    assert (row.state, row.state_on, row.done) == (StepState.DONE, day, True)
    follow_up.set_step_state(db, step.id, StepState.DROPPED, day, meeting.id)
    [row] = capture.list_steps(db, meeting.id)
    assert (row.state, row.done) == (StepState.DROPPED, False)
    states = [(e.step_state, e.meeting_id) for e in follow_up.history(db, step_id=step.id)]
    assert states == [(StepState.DONE, None), (StepState.DROPPED, meeting.id)]


def test_the_capture_forms_done_box_agrees_with_the_step_state(db, meeting) -> None:
    step = capture.add_step(db, meeting.id, capture.StepInput("Kontakte lodsejer", done=True))
    assert capture.list_steps(db, meeting.id)[0].state == StepState.DONE
    capture.update_step(db, step.id, capture.StepInput("Kontakte lodsejer", done=False))
    assert capture.list_steps(db, meeting.id)[0].state == StepState.OPEN


# ----- the decision-path clock ----------------------------------------------------------------

def d(day: int) -> date:
    return MEETING_DAY + timedelta(days=day)


def test_the_clock_counts_days_from_the_meeting_to_each_stage() -> None:
    ask = AskDates("Plan og Byg", MEETING_DAY, sent_on=d(2), answered_on=d(30), reported_on=d(41),
                   answer_needed_by=d(21))
    clock = ask_clock(ask, today=d(60))
    assert (clock.days_to_sent, clock.days_to_answer, clock.days_to_reported) == (2, 30, 41)
    assert (clock.waiting_days, clock.overdue_days, clock.overdue) == (30, 9, True)
    assert not is_overdue_now(ask, d(60))  # answered: late, but no longer waiting


def test_an_unanswered_ask_waits_until_today_and_is_overdue_after_its_deadline() -> None:
    ask = AskDates("Plan og Byg", MEETING_DAY, sent_on=d(1), answer_needed_by=d(14))
    assert ask_clock(ask, d(14)).overdue_days == 0 and not is_overdue_now(ask, d(14))
    late = ask_clock(ask, d(20))
    assert (late.days_to_answer, late.waiting_days, late.overdue_days) == (None, 20, 6)
    assert is_overdue_now(ask, d(20))


def test_departments_get_their_median_and_their_slowest_wait() -> None:
    asks = [
        AskDates("Plan og Byg", MEETING_DAY, d(1), d(10)),
        AskDates("Plan og Byg", MEETING_DAY, d(1), d(20)),
        AskDates("Plan og Byg", MEETING_DAY, d(1), d(40)),
        AskDates("Vej og Park", MEETING_DAY, d(1), d(5)),
        AskDates("Vej og Park", MEETING_DAY, d(2), None, answer_needed_by=d(10)),
        AskDates("", MEETING_DAY),  # not sent yet: no department, no wait counted
    ]
    plan, road, nobody = department_figures(asks, today=d(50))
    assert (plan.department, plan.asks, plan.answered, plan.median_days_to_answer) == ("Plan og Byg", 3, 3, 20.0)
    assert (plan.slowest_days, plan.slowest_still_waiting) == (40, False)
    assert (road.median_days_to_answer, road.slowest_days, road.slowest_still_waiting, road.overdue) == (
        5.0, 50, True, 1)
    assert (nobody.department, nobody.waiting, nobody.slowest_days) == ("", 1, None)


def test_one_department_however_its_name_was_typed_as_the_desk_filter_has_it() -> None:
    day = date(2026, 3, 3)
    asks = [AskDates("Plan og Byg", day, day + timedelta(days=1), day + timedelta(days=10)),
            AskDates(" plan og  byg", day, day + timedelta(days=1), day + timedelta(days=30))]
    [figure] = department_figures(asks, day + timedelta(days=40))
    assert (figure.department, figure.asks, figure.median_days_to_answer) == ("Plan og Byg", 2, 20.0)
