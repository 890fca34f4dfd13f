"""A project's citizen groups: the names offered wherever an entry says who carries it.

Remembered per project, so the next meeting offers the groups of the last
one. A group is never a person: a name that looks like one is refused (see
domain/name_guess.py), so the list cannot become a way around consent.
Entries keep their own text; renaming or removing a group changes the list only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.name_guess import Context, fold, has_group_word, looks_like_person
from facilitator.i18n import _
from facilitator.services.people import person_row
from facilitator.services.people_rows import PersonRow
from facilitator.services.rows import GroupRow
from facilitator.storage.database import Database
from facilitator.storage.models import CitizenGroup, Meeting, Person, Place, Project


def _row(group: CitizenGroup) -> GroupRow:
    return GroupRow(group.id, group.project_id, group.name, group.created_at)


def _clean_name(s: Session, project_id: uuid.UUID, name: str, keep: uuid.UUID | None) -> str:
    """The name as it will be stored, or a Danish refusal."""
    text = " ".join(validation.required_text(name, "name", _("Gruppens navn")).split())
    others = s.scalars(select(CitizenGroup).where(
        CitizenGroup.project_id == project_id, CitizenGroup.id != keep))
    if any(fold(g.name) == fold(text) for g in others):
        raise validation.ValidationError(
            _("Gruppen «{name}» findes allerede.").format(name=text), "name")
    places = tuple(s.scalars(select(Place.name).where(Place.project_id == project_id)))
    people = tuple(s.scalars(select(Person.name).where(Person.project_id == project_id)))
    # A group word makes it a deliberate group name ("Anna Holms gruppe"); without one a
    # person's name would reach the brief through the group list.
    if looks_like_person(text, Context(places, people)) and not has_group_word(text):
        raise validation.ValidationError(
            _("«{name}» ligner en persons navn. Giv gruppen et navn, der beskriver gruppen, "
              "fx «Borgergruppen i Knebel» eller «Shelter-gruppen».").format(name=text),
            "name",
        )
    return text


def group_problems(db: Database, project_id: uuid.UUID, name: str) -> list[validation.Problem]:
    """What adding a group of this name would refuse (nothing is stored)."""
    with db.session() as s:
        return validation.problems_of(lambda: _clean_name(s, project_id, name, None))


def _groups(s: Session, project_id: uuid.UUID) -> list[GroupRow]:
    groups = s.scalars(
        select(CitizenGroup)
        .where(CitizenGroup.project_id == project_id)
        .order_by(func.lower(CitizenGroup.name), CitizenGroup.created_at)
    )
    return [_row(g) for g in groups]


def list_groups(db: Database, project_id: uuid.UUID) -> list[GroupRow]:
    """A project's groups by name."""
    with db.session() as s:
        return _groups(s, project_id)


def add_group(db: Database, project_id: uuid.UUID, name: str) -> GroupRow:
    """Remember a new group in the project."""
    with db.session() as s:
        s.get_one(Project, project_id)
        group = CitizenGroup(
            project_id=project_id,
            name=_clean_name(s, project_id, name, None),
            created_at=db.clock.now(),
        )
        s.add(group)
        s.commit()
        return _row(group)


def rename_group(db: Database, group_id: uuid.UUID, name: str) -> GroupRow:
    """Give a group a new name (entries already written keep theirs)."""
    with db.session() as s:
        group = s.get_one(CitizenGroup, group_id)
        group.name = _clean_name(s, group.project_id, name, group.id)
        s.commit()
        return _row(group)


def remove_group(db: Database, group_id: uuid.UUID) -> GroupRow:
    """Take a group off the project's list; entries that name it keep their text."""
    with db.session() as s:
        group = s.get_one(CitizenGroup, group_id)
        row = _row(group)
        s.delete(group)
        s.commit()
        return row


@dataclass(frozen=True)
class CarrierChoices:
    """What a "carried by" field offers and knows, for one meeting's project."""

    project_id: uuid.UUID
    groups: tuple[GroupRow, ...]
    named_people: tuple[PersonRow, ...]  # consented to be named, not withdrawn
    unnamed_people: tuple[str, ...]  # registered without that consent: names only
    places: tuple[str, ...]


def carrier_choices(db: Database, meeting_id: uuid.UUID) -> CarrierChoices:
    """The meeting's project's groups, people (split by consent to be named) and villages."""
    with db.session() as s:
        project_id = s.get_one(Meeting, meeting_id).project_id
        people = [person_row(p) for p in s.scalars(
            select(Person).where(Person.project_id == project_id)
            .order_by(func.lower(Person.name), Person.created_at))]
        return CarrierChoices(
            project_id=project_id,
            groups=tuple(_groups(s, project_id)),
            named_people=tuple(p for p in people if p.can_be_named),
            unnamed_people=tuple(p.name for p in people if not p.can_be_named),
            places=tuple(s.scalars(select(Place.name).where(Place.project_id == project_id))),
        )
