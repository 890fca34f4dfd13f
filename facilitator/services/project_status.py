"""A project's status for the councillors: asks since a day, answers and how fast, waits,
decisions needed, what was realised. Gathered and anonymised here, laid out in reports/.

The privacy rule is the meeting brief's: one `Redactor` per document built from
every person on record (a name only with consent; e-mail addresses, phone and
CPR numbers never), applied to every text field before layout sees it.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.anonymise import nfc
from facilitator.domain.decision_path import AskDates, ask_clock, department_figures
from facilitator.domain.enums import AskAnswer, IdeaStatus, MeetingStatus, StepState
from facilitator.i18n import LANGUAGES, _
from facilitator.reports.status_data import (
    DecisionReason,
    StatusAsk,
    StatusData,
    StatusDecision,
    StatusEvent,
    StatusIdea,
    StatusStep,
)
from facilitator.services import settings
from facilitator.services.consent import carried_by, project_redactor, redacted
from facilitator.storage.database import Database
from facilitator.storage.models import (
    FollowUpEvent,
    Idea,
    Meeting,
    NextStep,
    Person,
    Place,
    Project,
    ResourceAsk,
)


class ProjectError(validation.ValidationError):
    """A project cannot be found or reported on; `message` is one Danish line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "project")


# ----- which project --------------------------------------------------------


def latest_project_id(db: Database) -> uuid.UUID | None:
    """The project of the most recently held meeting, else the newest project."""
    with db.session() as s:
        held = s.scalars(
            select(Meeting.project_id)
            .where(Meeting.status != MeetingStatus.PLANNED)
            .order_by(Meeting.scheduled_at.desc())
        ).first()
        if held is not None:
            return held
        return s.scalars(select(Project.id).order_by(Project.created_at.desc())).first()


def project_of(s: Session, project_id: uuid.UUID) -> Project:
    """The project, or a Danish refusal naming the id."""
    project = s.get(Project, project_id)
    if project is None:
        raise ProjectError(_("Projektet findes ikke (id {id}).").format(id=project_id))
    return project


# ----- gathering ------------------------------------------------------------


def _event(e: FollowUpEvent) -> StatusEvent:
    return StatusEvent(happened_on=e.happened_on, kind=e.kind, department=e.department,
                       sent_to=e.sent_to, answer=e.answer, withdrawn_kind=e.withdrawn_kind,
                       text=e.text)


def decision_reason(ask: StatusAsk, today: date) -> DecisionReason | None:
    """The page's rule: refused or partly granted, unanswered past "svar senest", or marked at
    the meeting as needing a decision and not answered yet."""
    if ask.answer is AskAnswer.REFUSED:
        return DecisionReason.REFUSED
    if ask.answer is AskAnswer.PARTLY:
        return DecisionReason.PARTLY
    if ask.answered_on is None and ask.answer_needed_by is not None and today > ask.answer_needed_by:
        return DecisionReason.OVERDUE
    if ask.answered_on is None and ask.needs_decision:
        return DecisionReason.FLAGGED
    return None


def _dates(ask: ResourceAsk) -> AskDates:
    return AskDates(department=ask.department, asked_on=ask.asked_on, sent_on=ask.forwarded_on,
                    answered_on=ask.answered_on, reported_on=ask.reported_on,
                    answer_needed_by=ask.answer_needed_by)


def _asks(s: Session, meetings: dict[uuid.UUID, Meeting], people: dict[uuid.UUID, Person],
          since: date | None, today: date) -> tuple[list[StatusAsk], list[AskDates]]:
    """Every live ask of the project's meetings, in the order asked, and the period's dates."""
    rows = s.scalars(
        select(ResourceAsk)
        .where(ResourceAsk.meeting_id.in_(meetings), ResourceAsk.deleted_at.is_(None))
        .order_by(ResourceAsk.asked_on, literal_column('"resource_ask".rowid'))
    ).all()
    history: dict[uuid.UUID, list[StatusEvent]] = {}
    for event in s.scalars(select(FollowUpEvent)
                           .where(FollowUpEvent.ask_id.in_([a.id for a in rows]))
                           .order_by(literal_column('"follow_up_event".rowid'))):
        assert event.ask_id is not None
        history.setdefault(event.ask_id, []).append(_event(event))
    asks, period = [], []
    for number, ask in enumerate(rows, start=1):
        meeting = meetings[ask.meeting_id]
        in_period = since is None or meeting.scheduled_at.date() >= since
        idea = s.get(Idea, ask.idea_id) if ask.idea_id else None
        clock = ask_clock(_dates(ask), today)
        person = people.get(ask.person_id) if ask.person_id else None
        asks.append(StatusAsk(
            number=number, what=ask.what, kind=ask.kind, amount_dkk=ask.amount_dkk,
            asked_by=carried_by(person, ask.asked_by),
            idea_title=idea.title if idea is not None and idea.deleted_at is None else "",
            meeting_title=meeting.title, asked_on=ask.asked_on,
            answer_needed_by=ask.answer_needed_by, department=ask.department,
            sent_to=ask.sent_to, status=ask.status, answer=ask.answer,
            answer_text=ask.answer_text, sent_on=ask.forwarded_on, answered_on=ask.answered_on,
            reported_on=ask.reported_on, reported_how=ask.reported_how,
            needs_decision=ask.needs_decision, days_to_answer=clock.days_to_answer,
            waiting_days=clock.waiting_days, overdue_days=clock.overdue_days, since=in_period,
            history=tuple(history.get(ask.id, ())),
        ))
        if in_period:
            period.append(_dates(ask))
    return asks, period


def status_data(db: Database, project_id: uuid.UUID, since: date | None = None,
                lang: str = "da") -> StatusData:
    """Everything the project status brief shows, as of today, with names hidden without consent.

    `since`: the period starts that day (asks from meetings on or after it, steps done on or
    after it); None is the whole project. Waits and decisions are every open ask's, whenever
    it was made: a wait does not end with the period.
    """
    if lang not in LANGUAGES:
        raise ProjectError(_("Orienteringen kan laves på dansk (da) eller engelsk (en)."))
    today = db.clock.now().astimezone().date()
    if since is not None and since > today:
        raise ProjectError(_("Startdatoen ligger i fremtiden."))
    with db.session() as s:
        project = project_of(s, project_id)
        people, redact = project_redactor(s, project_id)
        meetings = {m.id: m for m in s.scalars(select(Meeting)
                                               .where(Meeting.project_id == project_id))}
        asks, period = _asks(s, meetings, people, since, today)
        ideas = s.scalars(
            select(Idea)
            .where(Idea.meeting_id.in_(meetings), Idea.deleted_at.is_(None),
                   Idea.status == IdeaStatus.REALISED)
            .order_by(literal_column('"idea".rowid'))
        ).all()
        places = {p.id: p.name
                  for p in s.scalars(select(Place).where(Place.project_id == project_id))}
        realised = [
            StatusIdea(title=i.title,
                       carried_by=carried_by(people.get(i.person_id) if i.person_id else None,
                                             i.proposed_by),
                       place=places.get(i.place_id, "") if i.place_id else "",
                       meeting_title=meetings[i.meeting_id].title)
            for i in ideas
        ]
        steps = s.scalars(
            select(NextStep)
            .where(NextStep.meeting_id.in_(meetings), NextStep.deleted_at.is_(None))
            .order_by(literal_column('"next_step".rowid'))
        ).all()
        done = [StatusStep(what=x.what, owner=x.owner_label, state=x.state, state_on=x.state_on,
                           due_on=x.due_on, meeting_title=meetings[x.meeting_id].title)
                for x in steps if x.state == StepState.DONE
                and (since is None or (x.state_on is not None and x.state_on >= since))]
        open_steps = [x for x in steps if x.state == StepState.OPEN]
        # Held: a meeting that was run, or that holds what the citizens asked (entered after it);
        # a date passed with nothing in it is a plan that was dropped, not a meeting.
        with_entries = {x.meeting_id for x in steps} | set(s.scalars(
            select(ResourceAsk.meeting_id).where(ResourceAsk.meeting_id.in_(meetings),
                                                 ResourceAsk.deleted_at.is_(None))))
        held = sum(1 for m in meetings.values()
                   if (m.status is not MeetingStatus.PLANNED or m.id in with_entries)
                   and m.scheduled_at.date() <= today
                   and (since is None or m.scheduled_at.date() >= since))
        project_name = project.name
    decisions = [StatusDecision(a, reason) for a in asks
                 if (reason := decision_reason(a, today)) is not None]
    stored = settings.get_settings(db)
    data = StatusData(
        language=lang,
        municipality=nfc(stored.municipality),
        official_name=nfc(stored.official_name),
        official_department=nfc(stored.official_department),
        logo_png=stored.logo_png,
        project_name=project_name,
        since=since,
        today=today,
        meetings=held,
        asks=tuple(asks),
        decisions=tuple(decisions),
        departments=tuple(department_figures(period, today)),
        realised=tuple(realised),
        steps_done=tuple(done),
        steps_open=len(open_steps),
        steps_overdue=sum(1 for x in open_steps if x.due_on is not None and x.due_on < today),
    )
    # The settings are the municipality's own words, not citizens' data: left as typed.
    return replace(redacted(data, redact), municipality=data.municipality,
                   official_name=data.official_name,
                   official_department=data.official_department)



def write_status_brief(db: Database, project_id: uuid.UUID, path: Path, since: date | None = None,
                       lang: str = "da") -> Path:
    """Make the project status brief and write it to `path` (atomically, 0600)."""
    from facilitator.reports.status_brief import build_status_brief  # reportlab when needed
    from facilitator.services.private_files import write_private

    data = status_data(db, project_id, since, lang)
    return write_private(Path(path), build_status_brief(data, lang),
                         _("Statusorienteringen kan ikke gemmes som {path}: {reason}."))
