"""The summary's «Prioritering»: each round's ideas ranked by their votes, one line a round."""

from __future__ import annotations

from facilitator.domain.formats import number
from facilitator.i18n import _, ngettext
from facilitator.services.priorities import PriorityRoundRow

# Ideas named per round; the rest are counted ("+ 3 flere"). The brief has them all by number.
SHOWN_PER_ROUND = 5


def votes_words(votes: int) -> str:
    """"1 stemme", "23 stemmer"."""
    return ngettext("{n} stemme", "{n} stemmer", votes).format(n=number(votes))


def round_line(row: PriorityRoundRow, shown: int = SHOWN_PER_ROUND) -> str:
    """One round: its number and total, then its ideas by votes, most first."""
    ranked = row.ranked()
    ideas = " · ".join(
        _("{title} ({votes})").format(title=c.title, votes=number(c.votes)) for c in ranked[:shown])
    if len(ranked) > shown:
        ideas += " · " + _("+ {n} flere").format(n=len(ranked) - shown)
    head = _("Runde {n}, {votes}").format(n=row.number, votes=votes_words(row.total_votes))
    return f"{head}: {ideas}" if ideas else head


def rounds_text(rounds: tuple[PriorityRoundRow, ...]) -> str:
    """Every round, one line each ("" when the meeting had none)."""
    return "\n".join(round_line(r) for r in rounds)
