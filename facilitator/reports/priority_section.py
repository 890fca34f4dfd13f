"""Page 1's «Borgernes prioriteringer»: the latest round's leading ideas with their votes.

Only there when the meeting held a round. The ideas stand in three columns, by
place ("1.", ties share one), each with its number in appendix A and its votes;
with several rounds the heading says which one it is ("runde 2 af 2").
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from facilitator.reports.brief_data import BriefPriorities, BriefPriority
from facilitator.reports.fonts import FONT
from facilitator.reports.formatting import NBSP, BriefWords, markup, shorten
from facilitator.reports.parts import muted
from facilitator.reports.styles import FRAME_WIDTH, Styles, layout_style

COLUMNS = 3  # five ideas in two lines, as narrow as the ideas below
COLUMN_GAP = 5 * mm
TITLE_LIMIT = 70  # characters of a title here; appendix A has it in full


def priority_title(words: BriefWords) -> str:
    """The section's title (also its outline entry, which page 1 sets beside the others')."""
    return words.gettext("Borgernes prioriteringer")


def priority_flowables(
    priorities: BriefPriorities | None, words: BriefWords, styles: Styles
) -> list[Flowable]:
    """The heading and the leading ideas in three columns; nothing when there was no round."""
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
    lines = [Paragraph(line(p, words), styles.idea) for p in priorities.top]
    if priorities.more_tied:
        lines.append(Paragraph(muted(markup(
            _("og {n} mere med lige så mange stemmer").format(n=priorities.more_tied))),
            styles.idea))
    per_column = -(-len(lines) // COLUMNS)
    columns = [lines[i * per_column:(i + 1) * per_column] for i in range(COLUMNS)]
    width = (FRAME_WIDTH - COLUMN_GAP * (COLUMNS - 1)) / COLUMNS
    table = Table([columns], colWidths=[width + COLUMN_GAP] * (COLUMNS - 1) + [width],
                  hAlign="LEFT")
    table.setStyle(layout_style())
    return [heading, table]


def line(priority: BriefPriority, words: BriefWords) -> str:
    """"1. Shelterplads ved søen (idé 3) – 23 stemmer": place, title, its idea number, votes."""
    _ = words.gettext
    votes = words.ngettext("{n} stemme", "{n} stemmer", priority.votes).format(
        n=words.number(priority.votes))
    text = f"<b>{priority.rank}.</b>{NBSP}{markup(shorten(priority.title, TITLE_LIMIT))}"
    if priority.idea_number is not None:
        text += " " + muted(markup(_("(idé {number})").format(number=priority.idea_number))
                                .replace(" ", NBSP))
    return f"{text} – <b>{markup(votes).replace(' ', NBSP)}</b>"
