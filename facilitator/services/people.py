"""People: citizens the official chose to record by name, and their consent.

People are optional; ideas and asks are credited to a group label by default.
Linking a person to an idea or ask never decides whether the name is shown:
that is the consent's job (see services/briefs.py).
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.enums import ConsentSource
from facilitator.i18n import _
from facilitator.services import audit
from facilitator.services.audit import AuditAction
from facilitator.services.people_rows import PersonRow
from facilitator.storage.database import Database
from facilitator.storage.models import Idea, Meeting, Person, Project, ResourceAsk


def person_row(person: Person) -> PersonRow:
    """A person as a plain row."""
    return PersonRow(
        id=person.id,
        project_id=person.project_id,
        name=person.name,
        contact=person.contact,
        may_be_named=person.may_be_named,
        may_be_contacted=person.may_be_contacted,
        consent_on=person.consent_on,
        consent_source=person.consent_source,
        withdrawn_at=person.withdrawn_at,
        created_at=person.created_at,
    )


def _clean_person(name: str, contact: str) -> tuple[str, str]:
    clean = validation.clean_fields({
        "name": lambda: validation.required_text(name, "name", _("Navn")),
        "contact": lambda: validation.optional_text(
            contact, "contact", _("Kontaktoplysninger"), validation.MAX_TITLE_LENGTH
        ),
    })
    return clean["name"], clean["contact"]


def person_problems(name: str, contact: str) -> list[validation.Problem]:
    """Every field of a new person that saving would refuse, in the form's order."""
    return validation.problems_of(lambda: _clean_person(name, contact))


def add_person(
    db: Database,
    project_id: uuid.UUID,
    name: str,
    contact: str = "",
    may_be_named: bool = False,
    may_be_contacted: bool = False,
    consent_on: date | None = None,
    consent_source: ConsentSource | None = None,
) -> PersonRow:
    """Record a person in a project (logged); consent given without a date is dated today."""
    clean_name, clean_contact = _clean_person(name, contact)
    now = db.clock.now()
    if (may_be_named or may_be_contacted) and consent_on is None:
        # Danish practice: a consent is documented with when it was given.
        consent_on = now.astimezone().date()
    with db.session() as s:
        s.get_one(Project, project_id)
        person = Person(
            project_id=project_id,
            name=clean_name,
            contact=clean_contact,
            may_be_named=may_be_named,
            may_be_contacted=may_be_contacted,
            consent_on=consent_on,
            consent_source=consent_source,
            created_at=now,
        )
        s.add(person)
        # The audit log says that a person was added, never who (same commit).
        audit.log_in(s, now, AuditAction.PERSON_ADDED, 1, project_id)
        s.commit()
        return person_row(person)


def withdraw_consent(db: Database, person_id: uuid.UUID) -> PersonRow:
    """The person withdrew consent: from now on the name never leaves the app (logged)."""
    with db.session() as s:
        person = s.get_one(Person, person_id)
        # The flags stay as history of what was once agreed; `withdrawn_at` overrides them.
        if person.withdrawn_at is None:
            person.withdrawn_at = db.clock.now()
            audit.log_in(s, person.withdrawn_at, AuditAction.CONSENT_WITHDRAWN, 1, person.project_id)
        s.commit()
        return person_row(person)


def get_person(db: Database, person_id: uuid.UUID) -> PersonRow:
    """One person."""
    with db.session() as s:
        return person_row(s.get_one(Person, person_id))


def list_people(db: Database, project_id: uuid.UUID) -> list[PersonRow]:
    """A project's people by name."""
    with db.session() as s:
        people = s.scalars(
            select(Person)
            .where(Person.project_id == project_id)
            .order_by(func.lower(Person.name), Person.created_at)
        )
        return [person_row(p) for p in people]


def _check_same_project(s: Session, meeting_id: uuid.UUID, person_id: uuid.UUID | None) -> None:
    if person_id is None:
        return
    person = s.get(Person, person_id)
    if person is None or person.project_id != s.get_one(Meeting, meeting_id).project_id:
        raise validation.ValidationError(
            _("Personen findes ikke i dette projekt."), "person_id"
        )


def link_person(s: Session, entry: Idea | ResourceAsk, person_id: uuid.UUID | None) -> None:
    """Within the caller's transaction: the person who carries an idea or ask (None: no one).

    The caller commits, so an entry and its person are stored together or not at all.
    """
    _check_same_project(s, entry.meeting_id, person_id)
    entry.person_id = person_id


def link_idea_person(db: Database, idea_id: uuid.UUID, person_id: uuid.UUID | None) -> None:
    """Say which person proposed an idea (None: no one in particular)."""
    with db.session() as s:
        link_person(s, s.get_one(Idea, idea_id), person_id)
        s.commit()


def link_ask_person(db: Database, ask_id: uuid.UUID, person_id: uuid.UUID | None) -> None:
    """Say which person made a resource ask (None: no one in particular)."""
    with db.session() as s:
        link_person(s, s.get_one(ResourceAsk, ask_id), person_id)
        s.commit()
