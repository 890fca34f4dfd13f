"""Prioritisation rounds (prikafstemning): the ideas numbered for the room, the dots counted.

A round numbers the meeting's ideas 1..n in the order they were captured (of
the chosen agenda items, when some are chosen); the room puts its dots on the
numbers and the official types each number's count. A correction overwrites.
Each call is one commit and returns a frozen row.

The choices keep no text: the title, theme and agenda item are read from the
idea whenever a round is read, so an edited title shows edited. An idea deleted
after the round is left out of it (its number is not reused) but its votes stay
stored, so undoing the delete brings it back with them.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import false, func, or_, select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.formats import number as format_number
from facilitator.i18n import _
from facilitator.services.capture import capture_order
from facilitator.storage.database import Database
from facilitator.storage.models import Idea, Meeting, Phase, PriorityChoice, PriorityRound

MAX_VOTES = 9999


@dataclass(frozen=True)
class PriorityChoiceRow:
    """An idea on a round: the number shown in the room, its title now and its votes."""

    idea_id: uuid.UUID
    number: int
    title: str
    votes: int
    theme: str
    phase_id: uuid.UUID | None

    @property
    def id(self) -> uuid.UUID:
        """The idea's id: what tells a round's rows apart in a table."""
        return self.idea_id


@dataclass(frozen=True)
class PriorityRoundRow:
    """One round of a meeting with its choices by number (deleted ideas left out)."""

    id: uuid.UUID
    meeting_id: uuid.UUID
    number: int
    started_at: datetime
    choices: tuple[PriorityChoiceRow, ...]

    @property
    def total_votes(self) -> int:
        """Every vote given in the round."""
        return sum(c.votes for c in self.choices)

    def ranked(self) -> tuple[PriorityChoiceRow, ...]:
        """The choices by votes, most first; equal votes by their number."""
        return tuple(sorted(self.choices, key=lambda c: (-c.votes, c.number)))


def leading(row: PriorityRoundRow, places: int = 5) -> tuple[PriorityChoiceRow, ...]:
    """The ideas in the first `places` places by votes, every idea tied with the last kept.

    An idea without votes leads nothing, so a round with few votes lists fewer.
    """
    voted = [c for c in row.ranked() if c.votes > 0]
    if len(voted) <= places:
        return tuple(voted)
    last = voted[places - 1].votes
    return tuple(c for c in voted if c.votes >= last)


def rank_of(row: PriorityRoundRow, choice: PriorityChoiceRow) -> int:
    """The choice's place by votes, ties sharing one ("1, 2, 2, 4")."""
    return 1 + sum(1 for c in row.choices if c.votes > choice.votes)


def _round_row(s: Session, round_: PriorityRound) -> PriorityRoundRow:
    pairs = s.execute(
        select(PriorityChoice, Idea)
        .join(Idea, Idea.id == PriorityChoice.idea_id)
        .where(PriorityChoice.round_id == round_.id, Idea.deleted_at.is_(None))
        .order_by(PriorityChoice.number)
    ).all()
    choices = tuple(
        PriorityChoiceRow(idea.id, choice.number, idea.title, choice.votes, idea.theme, idea.phase_id)
        for choice, idea in pairs
    )
    return PriorityRoundRow(round_.id, round_.meeting_id, round_.number, round_.started_at, choices)


def start_round(
    db: Database, meeting_id: uuid.UUID, phase_ids: Sequence[uuid.UUID | None] | None = None
) -> PriorityRoundRow:
    """Number the meeting's ideas (of the chosen agenda items, if given) for a new round."""
    with db.session() as s:
        s.get_one(Meeting, meeting_id)
        query = select(Idea).where(Idea.meeting_id == meeting_id, Idea.deleted_at.is_(None))
        if phase_ids is not None:
            chosen = [p for p in phase_ids if p is not None]
            outside = len(chosen) < len(phase_ids)  # None: the ideas captured outside any item
            query = query.where(or_(Idea.phase_id.in_(chosen),
                                    Idea.phase_id.is_(None) if outside else false()))
        ideas = list(s.scalars(query.order_by(capture_order(Idea))))
        if not ideas:
            message = (_("Mødet har ingen idéer at prioritere.") if phase_ids is None
                       else _("De valgte punkter har ingen idéer at prioritere."))
            raise validation.ValidationError(message, "ideas")
        previous = s.scalar(select(func.max(PriorityRound.number))
                            .where(PriorityRound.meeting_id == meeting_id)) or 0
        now = db.clock.now()
        round_ = PriorityRound(meeting_id=meeting_id, number=previous + 1, started_at=now)
        s.add(round_)
        s.flush()
        for number, idea in enumerate(ideas, start=1):
            s.add(PriorityChoice(round_id=round_.id, idea_id=idea.id, number=number, votes=0,
                                 updated_at=now))
        s.commit()
        return _round_row(s, round_)


def votes_problem(votes: int) -> str | None:
    """Why a count of votes is refused, in Danish (None: it is accepted)."""
    if not 0 <= votes <= MAX_VOTES:
        return _("Stemmerne skal være et helt tal fra 0 til {high}.").format(
            high=format_number(MAX_VOTES))
    return None


def set_votes(db: Database, round_id: uuid.UUID, number: int, votes: int) -> PriorityRoundRow:
    """Store the votes for the idea with `number` in the round (a correction overwrites)."""
    problem = votes_problem(votes)
    if problem is not None:
        raise validation.ValidationError(problem, "votes")
    with db.session() as s:
        round_ = s.get_one(PriorityRound, round_id)
        found = s.execute(
            select(PriorityChoice, Idea)
            .join(Idea, Idea.id == PriorityChoice.idea_id)
            .where(PriorityChoice.round_id == round_id, PriorityChoice.number == number)
        ).first()
        if found is None:
            raise validation.ValidationError(
                _("Runden har ingen idé med nummer {number}.").format(number=number), "number")
        choice, idea = found
        if idea.deleted_at is not None:
            raise validation.ValidationError(
                _("Idé nummer {number} er slettet; fortryd sletningen for at give den stemmer.")
                .format(number=number), "number")
        choice.votes = votes
        choice.updated_at = db.clock.now()
        s.commit()
        return _round_row(s, round_)


def get_round(db: Database, round_id: uuid.UUID) -> PriorityRoundRow:
    """One round as stored now."""
    with db.session() as s:
        return _round_row(s, s.get_one(PriorityRound, round_id))


def list_rounds(db: Database, meeting_id: uuid.UUID) -> list[PriorityRoundRow]:
    """A meeting's rounds, first round first."""
    with db.session() as s:
        return rounds_in(s, [meeting_id])


def rounds_in(s: Session, meeting_ids: Collection[uuid.UUID]) -> list[PriorityRoundRow]:
    """The rounds of these meetings (inside an open session), each meeting's first round first."""
    rounds = s.scalars(select(PriorityRound).where(PriorityRound.meeting_id.in_(meeting_ids))
                       .order_by(PriorityRound.meeting_id, PriorityRound.number))
    return [_round_row(s, r) for r in rounds]


def latest_round(db: Database, meeting_id: uuid.UUID) -> PriorityRoundRow | None:
    """A meeting's newest round, or None when it has had none."""
    with db.session() as s:
        round_ = s.scalars(select(PriorityRound).where(PriorityRound.meeting_id == meeting_id)
                           .order_by(PriorityRound.number.desc()).limit(1)).first()
        return _round_row(s, round_) if round_ is not None else None


@dataclass(frozen=True)
class ScopeChoice:
    """An agenda item a round can cover, with how many ideas it holds now."""

    phase_id: uuid.UUID | None  # None: ideas captured outside any item
    title: str
    ideas: int


def scope_choices(db: Database, meeting_id: uuid.UUID) -> list[ScopeChoice]:
    """The meeting's agenda items that hold ideas, in agenda order (what a round can cover)."""
    with db.session() as s:
        counts: dict[uuid.UUID | None, int] = {
            phase_id: count for phase_id, count in s.execute(
                select(Idea.phase_id, func.count())
                .where(Idea.meeting_id == meeting_id, Idea.deleted_at.is_(None))
                .group_by(Idea.phase_id))
        }
        phases = s.scalars(select(Phase).where(Phase.meeting_id == meeting_id)
                           .order_by(Phase.position))
        choices = [ScopeChoice(p.id, p.title, counts[p.id]) for p in phases if counts.get(p.id)]
        if counts.get(None):
            choices.append(ScopeChoice(None, _("Uden for dagsordenen"), counts[None]))
        return choices
