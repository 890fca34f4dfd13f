"""The next meeting knows what happened since the previous one."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from facilitator.domain.enums import AskAnswer, StepState
from facilitator.services import carry_over, follow_up
from facilitator.services.follow_up import ReportInput
from tests.facilitator.carry_history import FIRST_DAY, days_later, make_history


def test_the_second_meeting_sees_answers_done_steps_and_what_waits(db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    since = carry_over.since_last(db, h.second.id)

    assert (since.previous_id, since.since, since.until) == (h.first.id, FIRST_DAY, date(2026, 4, 8))
    assert [(a.ask_id, a.answer) for a in since.answers] == [
        (h.granted, AskAnswer.GRANTED), (h.refused, AskAnswer.REFUSED)]
    assert [a.answered_on for a in since.answers] == [date(2026, 3, 17), date(2026, 3, 20)]
    assert [s.step_id for s in since.steps_done] == [h.done]
    assert [(s.step_id, s.overdue) for s in since.steps_open] == [(h.late, True), (h.open, False)]
    assert [s.step_id for s in since.steps_overdue] == [h.late]
    assert [(w.ask_id, w.overdue, w.waiting_days) for w in since.asks_waiting] == [(h.overdue, True, 36)]
    assert {a.ask_id for a in since.to_report} == {h.granted, h.refused}
    assert since.has_news


def test_the_first_meeting_has_no_previous_and_nothing_to_carry(db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    since = carry_over.since_last(db, h.first.id)
    assert since.previous_id is None
    assert not since.has_news
    assert not carry_over.has_previous(db, h.first.id)
    assert carry_over.has_previous(db, h.second.id)


def test_a_report_and_a_step_reopened_change_what_is_carried(db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    today = clock.now().astimezone().date()
    follow_up.record_report(db, h.granted, ReportInput(today, "på mødet", h.second.id))
    follow_up.set_step_state(db, h.done, StepState.OPEN, today)
    since = carry_over.since_last(db, h.second.id)
    assert [a.ask_id for a in since.to_report] == [h.refused]
    granted = next(a for a in since.answers if a.ask_id == h.granted)
    assert granted.reported_on == today
    assert since.steps_done == ()
    assert h.done in {s.step_id for s in since.steps_open}


def test_what_happened_after_the_meeting_day_is_not_carried_into_it(db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    days_later(clock, 10)  # 20 April, after the second meeting
    follow_up.set_step_state(db, h.late, StepState.DONE, clock.now().astimezone().date())
    since = carry_over.since_last(db, h.second.id)
    assert since.until == date(2026, 4, 14)
    assert [s.step_id for s in since.steps_done] == [h.done]


# ----- the agenda item ---------------------------------------------------------------------------

def test_the_follow_up_item_goes_first_once_and_a_copy_keeps_it(db, clock, meeting_factory) -> None:
    from facilitator.domain.enums import PhaseKind
    from facilitator.domain.validation import ValidationError
    from facilitator.services import agenda

    h = make_history(db, clock, meeting_factory)
    before = [p.title for p in agenda.list_phases(db, h.second.id)]
    item = agenda.add_follow_up_item(db, h.second.id)
    phases = agenda.list_phases(db, h.second.id)
    assert (item.title, item.kind, item.position) == ("Opfølgning siden sidst", PhaseKind.FOLLOW_UP, 0)
    assert [p.title for p in phases] == ["Opfølgning siden sidst", *before]
    assert [p.position for p in phases] == list(range(len(phases)))
    with pytest.raises(ValidationError, match="allerede"):
        agenda.add_follow_up_item(db, h.second.id)
    with pytest.raises(ValidationError, match="intet tidligere møde"):
        agenda.add_follow_up_item(db, h.first.id)

    third = meeting_factory(db, title="Sommermøde", scheduled_at=datetime(2026, 6, 2, 19, 0),
                            with_agenda=False)
    copied = agenda.replace_with_copy(db, h.second.id, third.id)
    assert [(p.title, p.kind) for p in copied][:2] == [
        ("Opfølgning siden sidst", PhaseKind.FOLLOW_UP), (before[0], None)]


def test_the_lines_tell_it_in_danish(db, clock, meeting_factory) -> None:
    from facilitator.reports.formatting import BriefWords
    from facilitator.reports.since_last import since_sections, summary_line

    h = make_history(db, clock, meeting_factory)
    words = BriefWords("da")
    since = carry_over.since_last(db, h.second.id)
    assert summary_line(since, words) == (
        "2 svar modtaget · 1 næste skridt gjort · 1 forfaldent skridt · 1 ønske venter på svar")
    sections = dict(since_sections(since, words))
    assert sections["Svar modtaget"][0] == (
        "Tilskud til shelter ved Agri Bavnehøj – Imødekommet (17. mar. 2026)")
    assert sections["Venter på svar"] == ["Lov til bålplads på stranden – venter i 36 dage (forfaldent)"]
    assert summary_line(carry_over.since_last(db, h.first.id), words) == "Intet nyt siden sidste møde."
