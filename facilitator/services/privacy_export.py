"""Everything stored about one person, for a request of access (GDPR art. 15), as data and JSON.

An idea or ask belongs in the export when it is linked to the person or when
its text mentions the person's name. Other citizens' names in those texts are
hidden: an access request must not hand out third parties' data.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain.anonymise import Redactor, nfc
from facilitator.domain.enums import AskKind, AskStatus
from facilitator.services.capture import capture_order
from facilitator.services.people import person_row
from facilitator.services.people_rows import PersonRow
from facilitator.services.privacy_erase import Eraser, ErasureTarget
from facilitator.storage.database import Database
from facilitator.storage.models import Idea, Meeting, NextStep, Person, Project, ResourceAsk

FORMAT = "facilitator-person-export"
VERSION = 1


@dataclass(frozen=True)
class ExportIdea:
    """An idea the person proposed (linked) or whose text names them."""

    linked: bool
    meeting_title: str
    meeting_at: datetime
    title: str
    detail: str
    proposed_by: str
    theme: str
    created_at: datetime
    deleted: bool


@dataclass(frozen=True)
class ExportAsk:
    """A resource ask the person made (linked) or whose text names them."""

    linked: bool
    meeting_title: str
    meeting_at: datetime
    what: str
    kind: AskKind
    amount_dkk: int | None
    asked_by: str
    status: AskStatus
    asked_on: date
    created_at: datetime
    deleted: bool


@dataclass(frozen=True)
class ExportStep:
    """A next step whose text names the person (steps are never linked to a person)."""

    meeting_title: str
    meeting_at: datetime
    what: str
    owner_label: str
    due_on: date | None
    created_at: datetime
    deleted: bool


@dataclass(frozen=True)
class PersonExport:
    """The person's record and every entry linked to or naming them."""

    person: PersonRow
    project_name: str
    made_at: datetime
    ideas: tuple[ExportIdea, ...]
    asks: tuple[ExportAsk, ...]
    steps: tuple[ExportStep, ...]


def gather(db: Database, person_id: uuid.UUID) -> PersonExport:
    """Collect the export (raises NoResultFound-like errors through `get_one` if unknown)."""
    with db.session() as s:
        person = s.get_one(Person, person_id)
        project = s.get_one(Project, person.project_id)
        neighbours = [
            p.name for p in s.scalars(select(Person).where(Person.project_id == project.id))
            if p.id != person.id
        ]
        places = [place.name for place in project.places]
        # The subject's own name stays; every other citizen's name is hidden, whatever
        # they consented to and in whichever project they are on record (as in the brief).
        everyone_else = s.scalars(select(Person.name).where(Person.id != person.id))
        redact = Redactor(everyone_else, [person.name], places)
        mentions = _mentions(person, neighbours, places)
        meetings = {
            m.id: m for m in s.scalars(select(Meeting).where(Meeting.project_id == project.id))
        }
        ideas = _ideas(s, person, meetings, mentions, redact)
        asks = _asks(s, person, meetings, mentions, redact)
        steps = _steps(s, meetings, mentions, redact)
        return PersonExport(
            person=person_row(person),
            project_name=redact(project.name),
            made_at=db.clock.now(),
            ideas=ideas,
            asks=asks,
            steps=steps,
        )


def _mentions(person: Person, others: list[str], places: list[str]) -> Callable[..., bool]:
    # The erasure's own matcher: what an erasure would remove is what counts as a mention.
    eraser = Eraser(ErasureTarget(person.id, person.project_id, person.name, person.contact, ""),
                    others, places)

    def mentioned(*texts: str) -> bool:
        return any(eraser(t) is not None for t in texts)

    return mentioned


def _ideas(
    s: Session, person: Person, meetings: dict[uuid.UUID, Meeting], mentioned: Callable[..., bool], redact: Redactor
) -> tuple[ExportIdea, ...]:
    found = []
    for idea in s.scalars(
        select(Idea).where(Idea.meeting_id.in_(meetings)).order_by(capture_order(Idea))
    ):
        linked = idea.person_id == person.id
        if not linked and not mentioned(idea.title, idea.detail, idea.proposed_by, idea.theme,
                                        idea.check_note):
            continue
        meeting = meetings[idea.meeting_id]
        found.append(ExportIdea(
            linked=linked, meeting_title=redact(meeting.title), meeting_at=meeting.scheduled_at,
            title=redact(idea.title), detail=redact(idea.detail),
            proposed_by=redact(idea.proposed_by), theme=redact(idea.theme),
            created_at=idea.created_at, deleted=idea.deleted_at is not None,
        ))
    return tuple(found)


def _asks(
    s: Session, person: Person, meetings: dict[uuid.UUID, Meeting], mentioned: Callable[..., bool], redact: Redactor
) -> tuple[ExportAsk, ...]:
    found = []
    for ask in s.scalars(
        select(ResourceAsk).where(ResourceAsk.meeting_id.in_(meetings))
        .order_by(capture_order(ResourceAsk))
    ):
        linked = ask.person_id == person.id
        if not linked and not mentioned(ask.what, ask.asked_by, ask.department):
            continue
        meeting = meetings[ask.meeting_id]
        found.append(ExportAsk(
            linked=linked, meeting_title=redact(meeting.title), meeting_at=meeting.scheduled_at,
            what=redact(ask.what), kind=ask.kind, amount_dkk=ask.amount_dkk,
            asked_by=redact(ask.asked_by), status=ask.status, asked_on=ask.asked_on,
            created_at=ask.created_at, deleted=ask.deleted_at is not None,
        ))
    return tuple(found)


def _steps(
    s: Session, meetings: dict[uuid.UUID, Meeting], mentioned: Callable[..., bool], redact: Redactor
) -> tuple[ExportStep, ...]:
    found = []
    for step in s.scalars(
        select(NextStep).where(NextStep.meeting_id.in_(meetings)).order_by(capture_order(NextStep))
    ):
        if not mentioned(step.what, step.owner_label):
            continue
        meeting = meetings[step.meeting_id]
        found.append(ExportStep(
            meeting_title=redact(meeting.title), meeting_at=meeting.scheduled_at,
            what=redact(step.what), owner_label=redact(step.owner_label), due_on=step.due_on,
            created_at=step.created_at, deleted=step.deleted_at is not None,
        ))
    return tuple(found)


# ----- JSON -----------------------------------------------------------------


def _when(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def as_json(export: PersonExport) -> str:
    """The export as indented UTF-8 JSON (machine-readable, for data portability)."""
    p = export.person
    document = {
        "format": FORMAT,
        "version": VERSION,
        "made_at": _when(export.made_at),
        "person": {
            "name": nfc(p.name),
            "contact": nfc(p.contact),
            "project": export.project_name,
            "may_be_named": p.may_be_named,
            "may_be_contacted": p.may_be_contacted,
            "consent_on": _when(p.consent_on),
            "consent_source": p.consent_source.value if p.consent_source else None,
            "consent_withdrawn_at": _when(p.withdrawn_at),
            "recorded_at": _when(p.created_at),
        },
        "ideas": [
            {"linked": i.linked, "meeting": i.meeting_title, "meeting_at": _when(i.meeting_at),
             "title": i.title, "detail": i.detail, "proposed_by": i.proposed_by,
             "theme": i.theme, "recorded_at": _when(i.created_at), "deleted": i.deleted}
            for i in export.ideas
        ],
        "asks": [
            {"linked": a.linked, "meeting": a.meeting_title, "meeting_at": _when(a.meeting_at),
             "what": a.what, "kind": a.kind.value, "amount_dkk": a.amount_dkk,
             "asked_by": a.asked_by, "status": a.status.value, "asked_on": _when(a.asked_on),
             "recorded_at": _when(a.created_at), "deleted": a.deleted}
            for a in export.asks
        ],
        "next_steps": [
            {"meeting": x.meeting_title, "meeting_at": _when(x.meeting_at), "what": x.what,
             "owner": x.owner_label, "due_on": _when(x.due_on),
             "recorded_at": _when(x.created_at), "deleted": x.deleted}
            for x in export.steps
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
