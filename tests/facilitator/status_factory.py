"""A project with a follow-up history on a FakeClock: two meetings, asks in every stage, people
with and without consent, a realised idea and steps done and open (status brief and exports)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from facilitator.clock import FakeClock
from facilitator.domain.enums import AskAnswer, AskKind, IdeaStatus, OwnerSide, StepState
from facilitator.services import capture, follow_up, people, settings
from facilitator.services.follow_up import AnswerInput, ReportInput, SentInput
from facilitator.storage.database import Database
from facilitator.storage.models import Idea

FIRST = date(2026, 3, 3)
SECOND = date(2026, 5, 5)
TODAY = date(2026, 6, 15)
HIDDEN = "Birthe Kjærsgaard"  # registered without consent to be named
SHOWN = "Ole Mølgaard"  # consented


@dataclass(frozen=True)
class Project:
    """The ids a test needs."""

    project_id: uuid.UUID
    first: uuid.UUID
    second: uuid.UUID
    asks: dict[str, uuid.UUID]


def at(day: date, hour: int = 10) -> datetime:
    """A UTC moment on `day`."""
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def _realise(db: Database, idea_id: uuid.UUID) -> None:
    # No service sets an idea's status yet: the project page will; the test sets it directly.
    with db.session() as s:
        s.get_one(Idea, idea_id).status = IdeaStatus.REALISED
        s.commit()


def followed_project(db: Database, clock: FakeClock, meeting_factory) -> Project:
    """The project, with the clock left on TODAY."""
    settings.save_settings(db, settings.Settings("Syddjurs Kommune", "Mette Kragh", "Lokalsamfund"))
    clock.set_wall(at(FIRST, 18))
    first = meeting_factory(db, title="Borgermøde i Knebel", scheduled_at=datetime(2026, 3, 3, 19))
    hidden = people.add_person(db, first.project_id, HIDDEN, "birthe@example.dk")
    shown = people.add_person(db, first.project_id, SHOWN, may_be_named=True,
                              consent_on=FIRST)
    shelter = capture.add_idea(db, first.id, capture.IdeaInput(
        "Shelter ved stranden", proposed_by="Borgerforeningen"))
    capture.add_idea(db, first.id, capture.IdeaInput(
        f"Sti langs åen, foreslået af {HIDDEN}", proposed_by="Naturgruppen"))
    asks = {
        "answered": capture.add_ask(db, first.id, capture.AskInput(
            "Tilskud til shelter", AskKind.MONEY, 45000, idea_id=shelter.id,
            asked_by="Borgerforeningen", department="Teknik og Miljø")).id,
        "refused": capture.add_ask(db, first.id, capture.AskInput(
            f"Lån af traktor til {HIDDEN}", AskKind.MATERIALS, asked_by="Naturgruppen",
            department="Vej og Park")).id,
        "overdue": capture.add_ask(db, first.id, capture.AskInput(
            "Tilladelse til bålplads; «gerne» før sommer", AskKind.PERMIT,
            answer_needed_by=FIRST + timedelta(days=30), department="Plan og Byg",
            asked_by="Ole Mølgaard")).id,
    }
    with db.session() as s:
        from facilitator.storage.models import ResourceAsk

        s.get_one(ResourceAsk, asks["overdue"]).person_id = shown.id
        s.get_one(ResourceAsk, asks["refused"]).person_id = hidden.id
        s.commit()
    step = capture.add_step(db, first.id, capture.StepInput(
        "Borgerforeningen tegner shelteret", OwnerSide.CITIZENS, "Borgerforeningen"))
    capture.add_step(db, first.id, capture.StepInput(
        "Kommunen finder en grund", OwnerSide.MUNICIPALITY, due_on=FIRST + timedelta(days=20)))

    clock.set_wall(at(FIRST + timedelta(days=2)))
    follow_up.mark_sent(db, asks["answered"], SentInput(FIRST + timedelta(days=2), "Teknik og Miljø",
                                                        "Sagsbehandler"))
    follow_up.mark_sent(db, asks["refused"], SentInput(FIRST + timedelta(days=2), "Vej og Park"))
    follow_up.mark_sent(db, asks["overdue"], SentInput(FIRST + timedelta(days=2), "Plan og Byg"))
    clock.set_wall(at(FIRST + timedelta(days=12)))
    follow_up.record_answer(db, asks["answered"], AnswerInput(
        FIRST + timedelta(days=12), AskAnswer.GRANTED, "Bevilget; udbetales i april"))
    clock.set_wall(at(FIRST + timedelta(days=20)))
    follow_up.record_answer(db, asks["refused"], AnswerInput(
        FIRST + timedelta(days=20), AskAnswer.REFUSED, f"Nej, {HIDDEN} kan låne hos Vej og Park"))
    follow_up.record_report(db, asks["answered"], ReportInput(FIRST + timedelta(days=20),
                                                              "Opslag i Knebel Brugs"))
    follow_up.set_step_state(db, step.id, StepState.DONE, FIRST + timedelta(days=20))
    _realise(db, shelter.id)

    clock.set_wall(at(SECOND, 18))
    second = meeting_factory(db, title="Borgermøde i Agri", scheduled_at=datetime(2026, 5, 5, 19))
    asks["flagged"] = capture.add_ask(db, second.id, capture.AskInput(
        "Ny bus til Agri", AskKind.MONEY, 1_200_000, department="Teknik og Miljø",
        needs_decision=True, asked_by="Agri Beboerforening")).id
    asks["unsent"] = capture.add_ask(db, second.id, capture.AskInput(
        'Lokale til "strikkeklub; og kaffe"', AskKind.VENUE, asked_by="Æblegruppen")).id
    clock.set_wall(at(SECOND + timedelta(days=1)))
    follow_up.mark_sent(db, asks["flagged"], SentInput(SECOND + timedelta(days=1), "Teknik og Miljø"))
    clock.set_wall(at(TODAY))
    return Project(first.project_id, first.id, second.id, asks)
