"""Who may be named where something leaves the app: the one redactor per document and the
"carried by" label, shared by the status brief and the room view.

A name is shown only with consent that was not withdrawn; every person on record (of every
project: a neighbour may be named anywhere) is known to the redactor, and the project's
villages are never hidden as part of a name.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain.anonymise import Redactor, nfc
from facilitator.storage.models import Person, Place

_T = TypeVar("_T")


def may_be_named(person: Person | None) -> bool:
    """Consent to be named, not withdrawn."""
    return person is not None and person.may_be_named and person.withdrawn_at is None


def project_redactor(s: Session, project_id: uuid.UUID) -> tuple[dict[uuid.UUID, Person], Redactor]:
    """Everyone on record and the redactor their consents imply, for one project's document."""
    people = {p.id: p for p in s.scalars(select(Person))}
    places = s.scalars(select(Place.name).where(Place.project_id == project_id))
    return people, redactor_of(people.values(), places)


def redactor_of(people: Iterable[Person], places: Iterable[str]) -> Redactor:
    """The redactor these people's consents imply, the villages never hidden as part of a name."""
    everyone = list(people)
    shown = [p.name for p in everyone if may_be_named(p)]
    hidden = [p.name for p in everyone if not may_be_named(p)]
    return Redactor(hidden, shown, keep_words=places)


def carried_by(person: Person | None, label: str) -> str:
    """A consented name (with the group, when there is one), else the group label."""
    if not may_be_named(person):
        return label
    assert person is not None
    if label and nfc(person.name).casefold() not in nfc(label).casefold():
        return f"{person.name}, {label}"
    return person.name


def redacted(value: _T, redact: Redactor) -> _T:
    """A copy of a frozen dataclass with every text, in it and in the dataclasses it holds,
    redacted (enums stay enums: a StrEnum is a str, so the test is on the exact type)."""

    def clean(item: Any) -> Any:
        if type(item) is str:
            return redact(item)
        if type(item) is tuple:
            return tuple(clean(x) for x in item)
        if is_dataclass(item) and not isinstance(item, type):
            return redacted(item, redact)
        return item

    assert is_dataclass(value) and not isinstance(value, type)
    changes = {f.name: clean(getattr(value, f.name)) for f in fields(value)}
    return replace(value, **changes)
