"""Page 1's two tables: what the citizens ask of the municipality, and what needs a check.

Asks needing a political decision come first, each with the idea it serves; a
total of all amounts closes the table. Columns of figures are as wide as their
widest figure.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from facilitator.reports.brief_data import BriefAsk, BriefData
from facilitator.reports.fonts import FONT, FONT_BOLD
from facilitator.reports.formatting import NBSP, BriefWords, markup, shorten
from facilitator.reports.glyphs import string_width
from facilitator.reports.parts import header_row, muted, sort_asks
from facilitator.reports.styles import Styles, table_style, user_text
from facilitator.reports.tables import PADDING, figure_width, fitted
from facilitator.reports.template import fit

ASK_CAP = 10
CHECK_CAP = 5
TITLE_LIMIT = 150  # characters of a title on page 1; the appendix has the full text
# Ask, kind, amount, department, answer date, the idea it serves (figures widen to fit).
ASK_WIDTHS_MM = (57, 20, 20, 22, 19, 36)


class PageOneTables:
    """Builds page 1's table of asks and table of checks for one brief."""

    def __init__(self, data: BriefData, words: BriefWords, styles: Styles) -> None:
        self.data = data
        self.words = words
        self.styles = styles

    def asks(self) -> list[Flowable]:
        """The asks: those needing a political decision first, then by answer date."""
        _ = self.words.gettext
        words, styles = self.words, self.styles
        if not self.data.asks:
            return [Paragraph(markup(_("Ingen ønsker til kommunen blev registreret.")),
                              styles.empty)]
        ordered = sort_asks(self.data.asks)
        shown = ordered[:ASK_CAP]
        head = [_("Ønske"), _("Type"), _("Beløb"), _("Forvaltning"), _("Svar senest"),
                _("Til idé")]
        rows: list[list[Any]] = [header_row(head, styles, right=(2,))]
        total = sum(ask.amount_dkk or 0 for ask in self.data.asks)
        amounts = [words.amount(ask.amount_dkk) for ask in shown] + [words.amount(total)]
        widths = fitted([width * mm for width in ASK_WIDTHS_MM],
                        {2: figure_width(amounts, FONT_BOLD, styles.cell.fontSize),
                         4: figure_width([words.short_date(a.answer_needed_by) for a in shown],
                                         FONT, styles.cell.fontSize)}, flexible=0)
        extra: list[tuple[object, ...]] = []
        any_decision = any(ask.needs_decision for ask in shown)
        for index, ask in enumerate(shown):
            starts_group = index == 0 or shown[index - 1].needs_decision != ask.needs_decision
            if any_decision and starts_group:
                label, style = ((_("Kræver politisk beslutning"), styles.marker)
                                if ask.needs_decision else (_("Øvrige ønsker"), styles.subgroup))
                extra.append(("SPAN", (0, len(rows)), (-1, len(rows))))
                rows.append([Paragraph(markup(label), style), "", "", "", "", ""])
            rows.append([
                user_text(shorten(ask.what, 110), styles.cell),
                user_text(words.label(ask.kind), styles.cell),
                Paragraph(words.amount(ask.amount_dkk), styles.cell_right),
                user_text(shorten(ask.department, 50) or "–", styles.cell),
                Paragraph(words.short_date(ask.answer_needed_by), styles.cell),
                self.idea_served(ask, widths[5] - PADDING),
            ])
        if total:
            rows.append([Paragraph(markup(_("Beløb i alt (alle ønsker)")), styles.cell_bold), "",
                         Paragraph(f"<b>{words.amount(total)}</b>", styles.cell_right), "", "",
                         ""])
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(compact=True, extra=extra))
        return [table]

    def idea_served(self, ask: BriefAsk, width: float) -> Paragraph:
        """The idea an ask serves on one line of `width`: its number in appendix A, then its title,
        cut short with "…" when it is long ("3 · Shelterplads ved søen")."""
        style = self.styles.cell
        if not ask.idea_title.strip():
            return Paragraph("–", self.styles.cell_muted)
        number = f"{ask.idea_number}{NBSP}·{NBSP}" if ask.idea_number is not None else ""
        room = width - string_width(number, style.fontName, style.fontSize) - 0.1
        title = fit(ask.idea_title, style.fontName, style.fontSize, room)
        return Paragraph(muted(markup(number)) + markup(title), style)

    def checks(self) -> list[Flowable]:
        """Ideas that need a check against legislation, plans or other municipal work."""
        _ = self.words.gettext
        styles = self.styles
        flagged = [idea for idea in self.data.ideas if idea.needs_check is not None]
        if not flagged:
            return [Paragraph(markup(_(
                "Ingen idéer skal tjekkes mod lovgivning, planer eller kommunens øvrige arbejde."
            )), styles.empty)]
        rows: list[list[Any]] = [header_row([_("Idé"), _("Tjekkes mod"), _("Note")], styles)]
        for idea in flagged[:CHECK_CAP]:
            kind = self.words.label(idea.needs_check) if idea.needs_check else ""
            rows.append([
                user_text(shorten(idea.title, 80), styles.cell),
                user_text(kind, styles.cell),
                user_text(shorten(idea.check_note, 120) or "–", styles.cell_muted),
            ])
        table = Table(rows, colWidths=[64 * mm, 44 * mm, 66 * mm], repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(compact=True))
        return [table]
