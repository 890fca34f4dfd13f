"""A project with a first meeting, six weeks of follow-up, and a second meeting planned."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from facilitator.domain.enums import AskAnswer, OwnerSide, StepState
from facilitator.services import capture, follow_up, settings
from facilitator.services.follow_up import AnswerInput, SentInput
from facilitator.services.rows import MeetingRow

FIRST_DAY = date(2026, 3, 3)
SECOND_AT = datetime(2026, 4, 14, 19, 0)


@dataclass(frozen=True)
class History:
    """The ids a test looks at."""

    first: MeetingRow
    second: MeetingRow
    granted: uuid.UUID  # answered, not reported back
    refused: uuid.UUID  # answered, not reported back
    overdue: uuid.UUID  # sent, past "svar senest"
    done: uuid.UUID  # a step done since
    late: uuid.UUID  # a step past its day
    open: uuid.UUID  # a step not yet due


def days_later(clock, days: int) -> date:
    """Move the clock `days` ahead; the new local day."""
    clock.advance(days * 86400)
    return clock.now().astimezone().date()


def make_history(db, clock, meeting_factory) -> History:
    """Meeting 1 on 3 March captures three asks and three steps; by 8 April two answers came
    (to be reported back), one ask is overdue, one step was done, one is late."""
    settings.save_settings(db, settings.Settings("Syddjurs Kommune", "Mette Kragh", "Lokalsamfund"))
    first = meeting_factory(db)
    granted = capture.add_ask(db, first.id, capture.AskInput("Tilskud til shelter ved Agri Bavnehøj",
                                                              amount_dkk=25000))
    refused = capture.add_ask(db, first.id, capture.AskInput("Ny asfalt på Skovvejen"))
    overdue = capture.add_ask(db, first.id, capture.AskInput(
        "Lov til bålplads på stranden", answer_needed_by=date(2026, 3, 31)))
    done = capture.add_step(db, first.id, capture.StepInput(
        "Søg fondsmidler til shelteret", OwnerSide.CITIZENS, "Shelter-gruppen", date(2026, 4, 1)))
    late = capture.add_step(db, first.id, capture.StepInput(
        "Send kort over stierne", OwnerSide.MUNICIPALITY, "Plan og Byg", date(2026, 3, 20)))
    still = capture.add_step(db, first.id, capture.StepInput(
        "Aftal møde med naturstyrelsen", OwnerSide.CITIZENS, "Naturgruppen", date(2026, 6, 1)))
    second = meeting_factory(db, title="Opfølgningsmøde i Agri", scheduled_at=SECOND_AT,
                             venue="Agri Forsamlingshus")

    sent = days_later(clock, 2)
    for ask in (granted, refused, overdue):
        follow_up.mark_sent(db, ask.id, SentInput(sent, "Plan og Byg", "Sagsbehandler"))
    follow_up.record_answer(db, granted.id, AnswerInput(days_later(clock, 12), AskAnswer.GRANTED, "Ja"))
    follow_up.record_answer(db, refused.id, AnswerInput(days_later(clock, 3), AskAnswer.REFUSED,
                                                        "Ikke i år"))
    follow_up.set_step_state(db, done.id, StepState.DONE, days_later(clock, 5))
    days_later(clock, 14)  # 8 April: the second meeting is being planned
    return History(first, second, granted.id, refused.id, overdue.id, done.id, late.id, still.id)
