"""The summary's «Prioritering»: every round's ideas ranked by their votes, in one small table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.domain.formats import number
from facilitator.i18n import _
from facilitator.services.priorities import PriorityRoundRow, rank_of
from ui.common.row_model import NUMBER, Column, RowTableModel


@dataclass(frozen=True)
class RankedIdea:
    """An idea of a round, at its place by votes (ties share a place)."""

    round_number: int
    rank: int
    title: str
    votes: int


def ranked_ideas(rounds: Sequence[PriorityRoundRow]) -> list[RankedIdea]:
    """Round by round, first round first, each round's ideas by votes, most first."""
    return [RankedIdea(r.number, rank_of(r, c), c.title, c.votes)
            for r in rounds for c in r.ranked()]


class PriorityTableModel(RowTableModel[RankedIdea]):
    """Round, place, idea and votes: what the room put first."""

    def __init__(self) -> None:
        super().__init__([
            Column(_("Runde"), lambda r: r.round_number, NUMBER),
            Column(_("Plads"), lambda r: f"{r.rank}.", NUMBER),
            Column(_("Prioriteret idé"), lambda r: r.title),
            Column(_("Stemmer"), lambda r: number(r.votes), NUMBER),
        ])
