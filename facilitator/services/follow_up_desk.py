"""The follow-up desk: a project's asks and next steps between meetings, read in one session.

Each entry becomes a frozen `DeskRow` with where it came from (meeting, idea,
village), where it stands (its stage), how long it has waited and whether it is
past its deadline. Waiting is counted by `domain/decision_path` only, so the
desk, the status brief and the export agree. Read-only: nothing here writes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain import decision_path
from facilitator.domain.anonymise import Redactor
from facilitator.domain.decision_path import AskClock, AskDates, DepartmentFigures
from facilitator.domain.enums import AskAnswer, AskStatus, OwnerSide, StepState
from facilitator.i18n import N_
from facilitator.services.capture import capture_order
from facilitator.storage.database import Database
from facilitator.storage.models import (
    Idea,
    Meeting,
    MeetingPlace,
    NextStep,
    Person,
    Place,
    ResourceAsk,
)


class DeskKind(StrEnum):
    """What an entry on the desk is."""

    ASK = "ask"
    STEP = "step"

    @property
    def msgid(self) -> str:
        """The Danish name (a msgid)."""
        return {DeskKind.ASK: N_("Ønske"), DeskKind.STEP: N_("Næste skridt")}[self]


class DeskStage(StrEnum):
    """Where an entry stands: an ask's stage on its decision path, or a next step's state."""

    REGISTERED = "registered"
    SENT = "sent"
    ANSWERED = "answered"
    REPORTED = "reported"
    STEP_OPEN = "step_open"
    STEP_DONE = "step_done"
    STEP_NOT_DONE = "step_not_done"
    STEP_DROPPED = "step_dropped"

    @property
    def msgid(self) -> str:
        """The Danish name (a msgid)."""
        return {
            DeskStage.REGISTERED: N_("Registreret"),
            DeskStage.SENT: N_("Sendt til forvaltningen"),
            DeskStage.ANSWERED: N_("Svar modtaget"),
            DeskStage.REPORTED: N_("Meldt tilbage"),
            DeskStage.STEP_OPEN: N_("Skridt: åbent"),
            DeskStage.STEP_DONE: N_("Skridt: gjort"),
            DeskStage.STEP_NOT_DONE: N_("Skridt: ikke gjort"),
            DeskStage.STEP_DROPPED: N_("Skridt: opgivet"),
        }[self]

    @property
    def is_open(self) -> bool:
        """Still waiting for something: not reported back, not ended."""
        return self in (DeskStage.REGISTERED, DeskStage.SENT, DeskStage.ANSWERED, DeskStage.STEP_OPEN)


STEP_STAGES = {
    StepState.OPEN: DeskStage.STEP_OPEN,
    StepState.DONE: DeskStage.STEP_DONE,
    StepState.NOT_DONE: DeskStage.STEP_NOT_DONE,
    StepState.DROPPED: DeskStage.STEP_DROPPED,
}


@dataclass(frozen=True)
class DeskRow:
    """One ask or next step as the desk shows it (texts as stored: the desk is the official's own)."""

    id: uuid.UUID
    kind: DeskKind
    text: str
    idea_title: str
    meeting_id: uuid.UUID
    meeting_title: str
    meeting_day: date
    villages: tuple[str, ...]
    department: str  # an ask's department; a step's responsible (owner label)
    stage: DeskStage
    age_days: int  # days since the meeting
    deadline: date | None  # "svar senest", or the step's due date
    overdue: bool  # past the deadline and still waiting
    overdue_days: int
    clock: AskClock | None  # an ask's decision-path clock; None for a step
    amount_dkk: int | None = None
    sent_on: date | None = None
    sent_to: str = ""
    answer: AskAnswer | None = None
    answer_text: str = ""
    answered_on: date | None = None
    reported_on: date | None = None
    reported_how: str = ""
    owner_side: OwnerSide | None = None
    state_on: date | None = None


@dataclass(frozen=True)
class DeskFilters:
    """What the desk shows: None means every value; closed entries only when asked."""

    stage: DeskStage | None = None
    department: str | None = None
    village: str | None = None
    meeting_id: uuid.UUID | None = None
    include_closed: bool = False


@dataclass(frozen=True)
class MeetingChoice:
    """A meeting as a filter choice."""

    id: uuid.UUID
    title: str
    day: date


@dataclass(frozen=True)
class DeskChoices:
    """The values the desk's filters offer (from every entry of the project, open or not)."""

    departments: tuple[str, ...]
    villages: tuple[str, ...]
    meetings: tuple[MeetingChoice, ...]


@dataclass(frozen=True)
class AskMailFacts:
    """What an e-mail draft about one ask says, already anonymised."""

    ask_id: uuid.UUID
    what: str
    idea_title: str
    idea_detail: str
    amount_dkk: int | None
    answer_needed_by: date | None
    meeting_title: str
    meeting_day: date
    villages: tuple[str, ...]
    department: str
    sent_to: str
    project_name: str
    official_name: str
    official_department: str
    municipality: str


def _today(db: Database) -> date:
    return db.clock.now().astimezone().date()


def _ask_stage(ask: ResourceAsk) -> DeskStage:
    if ask.reported_on is not None or ask.status == AskStatus.DONE:
        return DeskStage.REPORTED
    if ask.answered_on is not None:
        return DeskStage.ANSWERED
    if ask.forwarded_on is not None:
        return DeskStage.SENT
    return DeskStage.REGISTERED


def ask_dates(ask: ResourceAsk) -> AskDates:
    """The days of one stored ask that the decision-path clock counts."""
    return AskDates(
        department=ask.department,
        asked_on=ask.asked_on,
        sent_on=ask.forwarded_on,
        answered_on=ask.answered_on,
        reported_on=ask.reported_on,
        answer_needed_by=ask.answer_needed_by,
    )


class _Project:
    """A project's meetings, their villages and the ideas' villages, loaded once per call."""

    def __init__(self, s: Session, project_id: uuid.UUID) -> None:
        self.meetings = {
            m.id: m for m in s.scalars(select(Meeting).where(Meeting.project_id == project_id))
        }
        places = {p.id: p.name for p in s.scalars(select(Place).where(Place.project_id == project_id))}
        self.place_names = places
        self.meeting_villages: dict[uuid.UUID, tuple[str, ...]] = {m: () for m in self.meetings}
        if self.meetings:
            links = s.execute(
                select(MeetingPlace.meeting_id, MeetingPlace.place_id).where(
                    MeetingPlace.meeting_id.in_(self.meetings)
                )
            )
            for meeting_id, place_id in links:
                if place_id in places:
                    self.meeting_villages[meeting_id] += (places[place_id],)
        self.meeting_villages = {k: tuple(sorted(v)) for k, v in self.meeting_villages.items()}

    def villages(self, meeting_id: uuid.UUID, idea: Idea | None) -> tuple[str, ...]:
        """The idea's village if it has one, else the meeting's villages."""
        if idea is not None and idea.place_id in self.place_names:
            return (self.place_names[idea.place_id],)
        return self.meeting_villages.get(meeting_id, ())


def _ask_rows(s: Session, project: _Project, today: date) -> list[DeskRow]:
    if not project.meetings:
        return []
    asks = s.scalars(
        select(ResourceAsk)
        .where(ResourceAsk.meeting_id.in_(project.meetings), ResourceAsk.deleted_at.is_(None))
        .order_by(capture_order(ResourceAsk))
    )
    rows = []
    for ask in asks:
        meeting = project.meetings[ask.meeting_id]
        idea = s.get(Idea, ask.idea_id) if ask.idea_id else None
        if idea is not None and idea.deleted_at is not None:
            idea = None
        dates = ask_dates(ask)
        clock = decision_path.ask_clock(dates, today)
        overdue = decision_path.is_overdue_now(dates, today)
        rows.append(DeskRow(
            id=ask.id, kind=DeskKind.ASK, text=ask.what,
            idea_title=idea.title if idea else "",
            meeting_id=meeting.id, meeting_title=meeting.title,
            meeting_day=meeting.scheduled_at.date(),
            villages=project.villages(meeting.id, idea),
            department=ask.department.strip(), stage=_ask_stage(ask),
            age_days=max(0, (today - ask.asked_on).days),
            deadline=ask.answer_needed_by, overdue=overdue,
            overdue_days=clock.overdue_days if overdue else 0, clock=clock,
            amount_dkk=ask.amount_dkk, sent_on=ask.forwarded_on, sent_to=ask.sent_to,
            answer=ask.answer, answer_text=ask.answer_text, answered_on=ask.answered_on,
            reported_on=ask.reported_on, reported_how=ask.reported_how,
        ))
    return rows


def _step_rows(s: Session, project: _Project, today: date) -> list[DeskRow]:
    if not project.meetings:
        return []
    steps = s.scalars(
        select(NextStep)
        .where(NextStep.meeting_id.in_(project.meetings), NextStep.deleted_at.is_(None))
        .order_by(capture_order(NextStep))
    )
    rows = []
    for step in steps:
        meeting = project.meetings[step.meeting_id]
        day = meeting.scheduled_at.date()
        overdue = step.state == StepState.OPEN and step.due_on is not None and today > step.due_on
        rows.append(DeskRow(
            id=step.id, kind=DeskKind.STEP, text=step.what, idea_title="",
            meeting_id=meeting.id, meeting_title=meeting.title, meeting_day=day,
            villages=project.villages(meeting.id, None),
            department=step.owner_label.strip(), stage=STEP_STAGES[step.state],
            age_days=max(0, (today - day).days), deadline=step.due_on, overdue=overdue,
            overdue_days=(today - step.due_on).days if overdue and step.due_on else 0,
            clock=None, owner_side=step.owner_side, state_on=step.state_on,
        ))
    return rows


def matches(row: DeskRow, filters: DeskFilters) -> bool:
    """Whether the desk shows `row` under `filters`."""
    if not filters.include_closed and not row.stage.is_open and filters.stage is None:
        return False
    if filters.stage is not None and row.stage != filters.stage:
        return False
    if filters.department is not None and row.department.casefold() != filters.department.casefold():
        return False
    if filters.village is not None and filters.village not in row.villages:
        return False
    return filters.meeting_id is None or row.meeting_id == filters.meeting_id


def desk_rows(db: Database, project_id: uuid.UUID, filters: DeskFilters | None = None) -> list[DeskRow]:
    """The project's asks, then its next steps, in the order captured, as the filters allow."""
    filters = filters or DeskFilters()
    today = _today(db)
    with db.session() as s:
        project = _Project(s, project_id)
        rows = _ask_rows(s, project, today) + _step_rows(s, project, today)
    return [r for r in rows if matches(r, filters)]


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        if value.strip():
            seen.setdefault(value.strip().casefold(), value.strip())
    return tuple(sorted(seen.values(), key=str.casefold))


def desk_choices(db: Database, project_id: uuid.UUID) -> DeskChoices:
    """What the filters offer: departments, villages and meetings of the project's entries."""
    rows = desk_rows(db, project_id, DeskFilters(include_closed=True))
    with db.session() as s:
        project = _Project(s, project_id)
        meetings = sorted(project.meetings.values(), key=lambda m: (m.scheduled_at, m.title))
        choices = tuple(MeetingChoice(m.id, m.title, m.scheduled_at.date()) for m in meetings)
        villages = _unique([*project.place_names.values(), *(v for r in rows for v in r.villages)])
    return DeskChoices(
        departments=_unique(r.department for r in rows),
        villages=villages,
        meetings=choices,
    )


def department_figures(db: Database, project_id: uuid.UUID) -> list[DepartmentFigures]:
    """Per department the project's asks: how many, the median answer time, the slowest wait."""
    today = _today(db)
    with db.session() as s:
        meetings = select(Meeting.id).where(Meeting.project_id == project_id)
        asks = s.scalars(
            select(ResourceAsk).where(
                ResourceAsk.meeting_id.in_(meetings), ResourceAsk.deleted_at.is_(None)
            )
        )
        dates = [ask_dates(a) for a in asks if a.department.strip()]
    return decision_path.department_figures(dates, today)


def _redactor(s: Session, project_id: uuid.UUID) -> Redactor:
    """Names of people without consent hidden, as in the brief (people of every project count)."""
    people = list(s.scalars(select(Person)))
    shown = [p.name for p in people if p.may_be_named and p.withdrawn_at is None]
    hidden = [p.name for p in people if not (p.may_be_named and p.withdrawn_at is None)]
    places = s.scalars(select(Place.name).where(Place.project_id == project_id))
    return Redactor(hidden, shown, keep_words=places)


def ask_mail_facts(db: Database, ask_id: uuid.UUID) -> AskMailFacts:
    """What an e-mail to the department about one ask says, with no name of a person without consent."""
    from facilitator.services.settings import get_settings

    settings = get_settings(db)
    with db.session() as s:
        ask = s.get_one(ResourceAsk, ask_id)
        meeting = s.get_one(Meeting, ask.meeting_id)
        project = _Project(s, meeting.project_id)
        idea = s.get(Idea, ask.idea_id) if ask.idea_id else None
        if idea is not None and idea.deleted_at is not None:
            idea = None
        redact = _redactor(s, meeting.project_id)
        return AskMailFacts(
            ask_id=ask.id,
            what=redact(ask.what),
            idea_title=redact(idea.title) if idea else "",
            idea_detail=redact(idea.detail) if idea else "",
            amount_dkk=ask.amount_dkk,
            answer_needed_by=ask.answer_needed_by,
            meeting_title=redact(meeting.title),
            meeting_day=meeting.scheduled_at.date(),
            villages=project.villages(meeting.id, idea),
            department=redact(ask.department.strip()),
            # The department's own address or desk, typed by the official: the mail's recipient.
            sent_to=ask.sent_to.strip(),
            project_name=redact(meeting.project.name),
            official_name=settings.official_name,
            official_department=settings.official_department,
            municipality=settings.municipality,
        )
