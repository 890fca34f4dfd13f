"""Sharing the ideas on page 1 out over themes and over columns of about equal height.

Items are (flowable, name) pairs: a name marks a group heading, "" an idea.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from reportlab.platypus import Flowable


def share_out(cap: int, sizes: Sequence[int]) -> list[int]:
    """How many of each group's ideas page 1 lists: all when they fit under `cap`, otherwise
    in turns, so every theme shows its first ideas rather than one theme filling the page."""
    quotas = [0] * len(sizes)
    left = min(cap, sum(sizes))
    while left:
        for index, size in enumerate(sizes):
            if left and quotas[index] < size:
                quotas[index] += 1
                left -= 1
    return quotas


def tallest(cuts: Sequence[int], heights: Sequence[float]) -> float:
    """The height of the tallest column when the items are cut at `cuts`."""
    bounds = [0, *cuts, len(heights)]
    return max(sum(heights[start:end]) for start, end in zip(bounds, bounds[1:], strict=False))


def even_cuts(items: Sequence[tuple[Flowable, str]], heights: Sequence[float],
              columns: int) -> list[int]:
    """Cut points that make the columns about equally tall; a heading never ends a column."""
    total, running = sum(heights), 0.0
    cuts: list[int] = []
    for index, height in enumerate(heights):
        target = total * (len(cuts) + 1) / columns
        if len(cuts) < columns - 1 and running + height / 2 > target:
            last = cuts[-1] if cuts else 0
            cut = index
            while cut > last + 1 and items[cut - 1][1]:
                cut -= 1
            if cut > last and not items[cut - 1][1]:  # else the column would hold only a heading
                cuts.append(cut)
        running += height
    return cuts


def group_cuts(items: Sequence[tuple[Flowable, str]], heights: Sequence[float],
               columns: int) -> list[int] | None:
    """The cut points at group headings that make the tallest column least tall, if any."""
    starts = [index for index, (_f, name) in enumerate(items) if name and index > 0]
    if not starts:
        return None
    count = min(columns - 1, len(starts))
    return list(min(combinations(starts, count), key=lambda cuts: tallest(list(cuts), heights)))
