"""The brief's tables: where a long table may break across pages, and columns wide enough
for the figures in them.

reportlab's own rules break a table between rows and, when no whole row fits,
inside the next row anywhere — one line may stay under the header, alone, or a
repeated header may open a tall row in the space left under the previous part
of the same table. `BriefTable` breaks more carefully:

- between rows, as before;
- a row shorter than a third of a page is never split: it moves to the next
  page with the header;
- a taller row (a 10,000-character idea) is split where at least two lines of
  it stay on either side, right under the rows before it (so no repeated
  header opens it in the middle of a page).

Figures (amounts, durations, dates) never wrap: their columns are widened to
the widest figure, taken from the text column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Table

from facilitator.reports.glyphs import string_width
from facilitator.reports.styles import FRAME_HEIGHT, table_style

TALL_ROW = FRAME_HEIGHT / 3  # rows at least this tall may be split across pages
MIN_LINES = 2  # lines of a split row on either side of the break
PADDING = 6.0  # the left and right padding of a table cell, together


def _lines_height(row: Sequence[Any]) -> float:
    """The height of MIN_LINES lines in the row's tallest-leading paragraph."""
    leadings = [cell.style.leading for cell in row if isinstance(cell, Paragraph)]
    return MIN_LINES * max(leadings, default=9.5)


class BriefTable(Table):  # type: ignore[misc]
    """A table that splits across pages without a lone line or an orphaned header."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Between rows where it can; inside a tall row only with two lines on either side."""
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        header = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        fits, used = 0, 0.0
        while fits < len(heights) and used + heights[fits] <= availHeight:
            used += heights[fits]
            fits += 1
        if fits == len(heights):
            return [self]
        row = heights[fits]
        if row >= TALL_ROW and fits >= header:
            # Two lines (and the cell padding) on this page, two on the next, else no split here.
            lines = _lines_height(self._cellvalues[fits])
            top = min(availHeight, used + row - lines - 2 * PADDING)
            if top - used >= lines + PADDING:
                parts: list[Flowable] = self._splitRows(top, doInRowSplit=1)
                if parts:
                    return parts
        if fits > header:
            parts = self._splitRows(availHeight, doInRowSplit=0)
            if parts:
                return parts
        return []


def opening_height(table: BriefTable) -> float:
    """The height of the table's header and first row, or of the header and two lines of that
    row when it may be split: what must fit under a heading for the table to start there."""
    header = table.repeatRows if isinstance(table.repeatRows, int) else max(table.repeatRows) + 1
    rows = table._cellvalues[:header + 1]
    probe = Table(rows, colWidths=table._argW)
    probe.setStyle(table_style())
    probe.wrap(sum(table._argW), 100_000)
    heights = probe._rowHeights
    first = heights[header] if len(heights) > header else 0.0
    if first >= TALL_ROW:
        first = _lines_height(rows[header]) + 2 * PADDING
    return float(sum(heights[:header]) + first)


def long_table(rows: list[list[Any]], widths: Sequence[float]) -> BriefTable:
    """An appendix table: striped, its header repeated on every page it runs onto."""
    table = BriefTable(rows, colWidths=list(widths), repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(table_style(stripes=True, rows=len(rows)))
    return table


def figure_width(texts: Sequence[str], font: str, size: float) -> float:
    """The width a column needs to show each of `texts` on one line (with the cell padding)."""
    return max((string_width(text, font, size) for text in texts), default=0.0) + PADDING + 0.5


def fitted(widths: Sequence[float], needs: dict[int, float], flexible: int) -> list[float]:
    """Column widths with each column in `needs` at least that wide, the room taken from the
    `flexible` (text) column, so the table keeps its width."""
    result = list(widths)
    for column, need in needs.items():
        if need > result[column]:
            result[flexible] -= need - result[column]
            result[column] = need
    return result
