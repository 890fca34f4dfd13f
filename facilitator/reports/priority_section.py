"""Page 1's «Borgernes prioriteringer»: the latest round's leading ideas with their votes.

Only there when the meeting held a round. The ideas stand in two columns, by
place ("1.", ties share one), each with its number in appendix A and its votes;
with several rounds the heading says which one it is ("runde 2 af 2").
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from facilitator.reports.brief_data import BriefPriorities, BriefPriority
from facilitator.reports.fonts import FONT, FONT_BOLD
from facilitator.reports.formatting import NBSP, BriefWords, markup, shorten
from facilitator.reports.glyphs import string_width
from facilitator.reports.parts import muted
from facilitator.reports.styles import FRAME_WIDTH, RULE, Styles, layout_style

COLUMNS = 2  # five or six places in three rows, each title with room beside its votes
COLUMN_GAP = 6 * mm
CELL_PADDING = 2
TITLE_LIMIT = 70  # characters of a title here; appendix A has it in full


def priority_title(words: BriefWords) -> str:
    """The section's title (also its outline entry, which page 1 sets beside the others')."""
    return words.gettext("Borgernes prioriteringer")


def priority_flowables(
    priorities: BriefPriorities | None, words: BriefWords, styles: Styles
) -> list[Flowable]:
    """The heading and the leading ideas in two columns; nothing when there was no round."""
    if priorities is None:
        return []
    _ = words.gettext
    notes = []
    if priorities.round_count > 1:
        notes.append(_("runde {n} af {m}").format(n=priorities.round_number,
                                                  m=priorities.round_count))
    notes.append(words.ngettext("{n} stemme i alt", "{n} stemmer i alt", priorities.total_votes)
                 .format(n=words.number(priorities.total_votes)))
    note = " · ".join(notes)
    heading = Paragraph(
        f"{markup(priority_title(words))} "
        f"{muted(f'<font name={FONT} size=8>· {markup(note)}</font>')}", styles.heading)
    if not priorities.top:
        return [heading, Paragraph(markup(_("Der blev ikke givet stemmer i runden.")),
                                   styles.empty)]
    rows = [row(p, words, styles) for p in priorities.top]
    per_column = -(-len(rows) // COLUMNS)
    width = (FRAME_WIDTH - COLUMN_GAP * (COLUMNS - 1)) / COLUMNS
    # The votes' column as wide as the widest count, the same in both columns.
    votes = max(string_width(votes_words(p.votes, words), FONT_BOLD, styles.cell_right.fontSize)
                for p in priorities.top) + 2 * CELL_PADDING + 0.5
    columns = [column(rows[i * per_column:(i + 1) * per_column], width, votes)
               for i in range(COLUMNS)]
    table = Table([columns], colWidths=[width + COLUMN_GAP] * (COLUMNS - 1) + [width],
                  hAlign="LEFT")
    table.setStyle(layout_style())
    flowables: list[Flowable] = [heading, table]
    if priorities.more_tied:
        flowables.append(Paragraph(markup(
            _("og {n} mere med lige så mange stemmer").format(n=priorities.more_tied)),
            styles.muted))
    return flowables


def row(priority: BriefPriority, words: BriefWords, styles: Styles) -> list[Flowable]:
    """"1." | "Shelterplads ved søen (idé 3)" | "23 stemmer": place, title with its number, votes."""
    _ = words.gettext
    votes = votes_words(priority.votes, words)
    title = markup(shorten(priority.title, TITLE_LIMIT))
    if priority.idea_number is not None:
        title += " " + muted(markup(_("(idé {number})").format(number=priority.idea_number))
                             .replace(" ", NBSP))
    return [Paragraph(f"<b>{priority.rank}.</b>", styles.cell),
            Paragraph(title, styles.cell),
            Paragraph(f"<b>{markup(votes).replace(' ', NBSP)}</b>", styles.cell_right)]


def votes_words(votes: int, words: BriefWords) -> str:
    """"1 stemme", "23 stemmer"."""
    return words.ngettext("{n} stemme", "{n} stemmer", votes).format(n=words.number(votes))


def column(rows: list[list[Flowable]], width: float, votes: float) -> Table | str:
    """One column of places: the votes right-aligned in their own cell, so a long title wraps
    beside them and never pushes them onto a line of their own."""
    if not rows:
        return ""
    place = 4.5 * mm
    table = Table(rows, colWidths=[place, width - place - votes, votes], hAlign="LEFT")
    table.setStyle(layout_style(
        ("LEFTPADDING", (1, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (1, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ))
    return table
