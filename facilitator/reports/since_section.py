"""Page 1's «Siden sidst»: what happened since the project's previous meeting, in a few lines.

Only there when something did; each kind is one line with its first few items,
the rest counted, so page 1 keeps to one page (the frame shrinks what is left).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from facilitator.reports.formatting import BriefWords, markup
from facilitator.reports.parts import muted
from facilitator.reports.since_last import since_sections, summary_line
from facilitator.reports.styles import Styles
from facilitator.services.carry_rows import SinceLast

ITEMS_PER_LINE = 3


def since_title(words: BriefWords) -> str:
    """The section's title (also its outline entry, which page 1 sets beside the others')."""
    return words.gettext("Siden sidst")


def since_flowables(since: SinceLast | None, words: BriefWords, styles: Styles) -> list[Flowable]:
    """The heading, the counts and one line per kind; nothing when nothing happened."""
    _ = words.gettext
    sections = since_sections(since, words) if since is not None else []
    if since is None or not sections:
        return []
    heading = markup(since_title(words))
    if since.previous_title.strip():
        heading += " " + muted(markup(_("(sidste møde: {meeting}, {date})").format(
            meeting=since.previous_title.strip(), date=words.short_date(since.since))))
    flowables: list[Flowable] = [
        Paragraph(heading, styles.heading),
        Paragraph(markup(summary_line(since, words)), styles.body),
    ]
    for name, lines in sections:
        shown = "; ".join(markup(line) for line in lines[:ITEMS_PER_LINE])
        if len(lines) > ITEMS_PER_LINE:
            shown += " " + muted(markup(_("og {n} flere").format(n=len(lines) - ITEMS_PER_LINE)))
        flowables.append(Paragraph(f"<b>{markup(name)}:</b> {shown}", styles.small))
    return flowables
