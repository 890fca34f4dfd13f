"""A project with asks and next steps in every stage, for the follow-up desk's tests."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from facilitator.domain.enums import AskAnswer, OwnerSide
from facilitator.services import capture, follow_up, settings
from facilitator.services.follow_up import AnswerInput, ReportInput, SentInput


def set_today(clock: Any, day: date) -> None:
    """Move the fake clock to noon on `day`."""
    target = datetime(day.year, day.month, day.day, 12, 0).astimezone()
    clock.advance((target - clock.now()).total_seconds())


def fill_desk(db: Any, clock: Any, meeting_factory: Any) -> dict[str, Any]:
    """Two meetings of one project with asks and steps in different stages; today is Friday 20 March.

    «Tilskud til shelter» (Knebel) is registered and 5 days past its deadline; «Nøgle til
    forsamlingshuset» was sent, answered and reported back; «Bænke på torvet» (Agri) is sent;
    the step «Indkalde til arbejdsdag» is 2 days late, «Tjekke lokalplanen» is due Saturday.
    """
    settings.save_settings(db, settings.Settings("Syddjurs Kommune", "Mette Kragh", "Lokalsamfund"))
    first = meeting_factory(db)
    second = meeting_factory(db, title="Borgermøde i Agri", scheduled_at=datetime(2026, 3, 10, 19, 0),
                             meeting_places=("Agri",))
    set_today(clock, date(2026, 3, 4))
    idea = capture.add_idea(db, first.id, capture.IdeaInput("Shelter ved stranden"))
    shelter = capture.add_ask(db, first.id, capture.AskInput(
        "Tilskud til shelter", amount_dkk=12500, idea_id=idea.id, department="Teknik og Miljø",
        answer_needed_by=date(2026, 3, 15)))
    hall = capture.add_ask(db, first.id, capture.AskInput("Nøgle til forsamlingshuset",
                                                          department="Kultur"))
    set_today(clock, date(2026, 3, 11))
    follow_up.mark_sent(db, hall.id, SentInput(date(2026, 3, 4), "Kultur"))
    follow_up.record_answer(db, hall.id, AnswerInput(date(2026, 3, 5), AskAnswer.GRANTED, "Ja"))
    follow_up.record_report(db, hall.id, ReportInput(date(2026, 3, 6), "Opslag"))
    bench = capture.add_ask(db, second.id, capture.AskInput("Bænke på torvet", department="Teknik og Miljø"))
    step = capture.add_step(db, second.id, capture.StepInput(
        "Indkalde til arbejdsdag", OwnerSide.CITIZENS, "Agri Borgerforening", due_on=date(2026, 3, 18)))
    week = capture.add_step(db, second.id, capture.StepInput(
        "Tjekke lokalplanen", OwnerSide.MUNICIPALITY, "Plan og Byg", due_on=date(2026, 3, 21)))
    set_today(clock, date(2026, 3, 20))  # a Friday
    follow_up.mark_sent(db, bench.id, SentInput(date(2026, 3, 12), "Teknik og Miljø"))
    return {"first": first, "second": second, "shelter": shelter, "hall": hall, "bench": bench,
            "step": step, "week": week, "project_id": first.project_id}


