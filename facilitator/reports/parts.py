"""Small pieces shared by page 1 and the appendices: ordering, header rows, owner labels."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from facilitator.reports.brief_data import BriefAsk, BriefIdea, BriefStep
from facilitator.reports.formatting import BriefWords, markup, shorten
from facilitator.reports.styles import MUTED, WARN, Styles

MUTED_HEX = "#" + MUTED.hexval()[2:]
WARN_HEX = "#" + WARN.hexval()[2:]


class OutlineMark(Flowable):  # type: ignore[misc]
    """An invisible mark that gives a section its outline entry (bookmark) on the current page."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.outline_title = title
        self.width = self.height = 0

    def wrap(self, *_args: Any) -> tuple[float, float]:
        """Take no room."""
        return 0, 0

    def draw(self) -> None:
        """Draw nothing."""


def muted(text_markup: str) -> str:
    """Markup in the muted colour."""
    return f'<font color="{MUTED_HEX}">{text_markup}</font>'


def header_row(labels: Sequence[str], styles: Styles, right: Sequence[int] = ()) -> list[Any]:
    """A table's header row (right-aligned over columns of numbers)."""
    return [Paragraph(markup(label), styles.head_cell_right if i in right else styles.head_cell)
            for i, label in enumerate(labels)]


def owner_markup(step: BriefStep, words: BriefWords, limit: int = 80) -> str:
    """"Borgerforeningen (Borgerne)": who owns a step, and on which side."""
    side = markup(words.label(step.side))
    owner = " ".join(step.owner.split())
    if not owner or owner.casefold() == words.label(step.side).casefold():
        return side  # "Kommunen (Kommunen)" says it twice
    return f"{markup(shorten(step.owner, limit))} {muted(f'({side})')}"


def group_ideas(ideas: Sequence[BriefIdea], words: BriefWords) -> list[tuple[str, list[BriefIdea]]]:
    """Ideas by theme (or by village when no idea has a theme), biggest group first."""
    _ = words.gettext
    by_theme = any(idea.theme.strip() for idea in ideas)
    groups: dict[str, tuple[str, list[BriefIdea]]] = {}
    loose: list[BriefIdea] = []
    for idea in ideas:
        name = " ".join((idea.theme if by_theme else idea.place).split())
        if name:
            groups.setdefault(name.casefold(), (name, []))[1].append(idea)
        else:
            loose.append(idea)
    if not groups:
        return [("", loose)] if loose else []
    # Most ideas first; equal groups keep the order the citizens raised them (sorted is stable).
    ordered = sorted(groups.values(), key=lambda group: -len(group[1]))
    if loose:
        ordered.append((_("Uden tema") if by_theme else _("Uden sted"), loose))
    return ordered


def sort_asks(asks: Sequence[BriefAsk]) -> list[BriefAsk]:
    """Asks needing a political decision first, then by the earliest answer date (none last)."""
    return sorted(asks, key=lambda ask: (not ask.needs_decision, ask.answer_needed_by is None,
                                         ask.answer_needed_by or date.min))


def sort_steps(steps: Sequence[BriefStep]) -> list[BriefStep]:
    """Open steps first, by due date (none last)."""
    return sorted(steps, key=lambda step: (step.done, step.due_on is None,
                                           step.due_on or date.min))
