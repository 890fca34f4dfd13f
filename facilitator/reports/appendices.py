"""The brief's appendices: every idea, every ask, the agenda (and every step when page 1 ran out).

Long tables break across pages with the header row repeated; a row whose text
is longer than a page (a 10,000-character idea) splits inside the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from facilitator.reports.brief_data import BriefData
from facilitator.reports.first_page import STEP_CAP
from facilitator.reports.formatting import BriefWords, markup
from facilitator.reports.parts import (
    WARN_HEX,
    header_row,
    muted,
    owner_markup,
    sort_asks,
    sort_steps,
)
from facilitator.reports.styles import Styles, table_style, user_text


def long_table(rows: list[list[Any]], widths: Sequence[float]) -> Table:
    """A table that repeats its header on every page and may split inside a tall row."""
    table = Table(rows, colWidths=list(widths), repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(table_style(stripes=True, rows=len(rows)))
    return table


class Appendices:
    """Builds the appendix tables of one brief."""

    def __init__(self, data: BriefData, words: BriefWords, styles: Styles) -> None:
        self.data = data
        self.words = words
        self.styles = styles

    def flowables(self) -> list[Flowable]:
        """Each appendix: its heading (an outline entry) and its table."""
        _ = self.words.gettext
        parts = [
            (_("Bilag A · Alle idéer"), self.ideas()),
            (_("Bilag B · Alle ønsker til kommunen"), self.asks()),
            (_("Bilag C · Dagsorden: planlagt og faktisk tid"), self.agenda()),
        ]
        if len(self.data.steps) > STEP_CAP:
            parts.append((_("Bilag D · Alle næste skridt"), self.steps()))
        story: list[Flowable] = []
        for index, (title, body) in enumerate(parts):
            if index:
                story.append(CondPageBreak(45 * mm))  # no heading alone at the foot of a page
            heading = Paragraph(markup(title), self.styles.appendix_heading)
            heading.outline_title = title
            story.append(heading)
            story.append(body)
        return story

    def tables(self) -> list[Flowable]:
        """Only the appendix tables (what the benchmark compares against a bare build)."""
        return [self.ideas(), self.asks(), self.agenda()]

    def _empty(self, text: str) -> Flowable:
        return Paragraph(markup(text), self.styles.empty)

    def ideas(self) -> Flowable:
        """Every idea with its detail, group, place, theme and check."""
        _ = self.words.gettext
        styles, words = self.styles, self.words
        if not self.data.ideas:
            return self._empty(_("Ingen idéer blev registreret."))
        rows: list[list[Any]] = [header_row(
            [_("Nr."), _("Idé"), _("Bæres af"), _("Sted"), _("Tema"), _("Tjek")], styles)]
        for number, idea in enumerate(self.data.ideas, start=1):
            text = f"<b>{markup(idea.title)}</b>"
            if idea.detail.strip():
                text += "<br/>" + markup(idea.detail)
            check: Any = ""
            if idea.needs_check is not None:
                check = markup(words.label(idea.needs_check))
                if idea.check_note.strip():
                    check += "<br/>" + muted(markup(idea.check_note))
                check = Paragraph(check, styles.cell)
            rows.append([
                str(number),
                Paragraph(text, styles.cell),
                user_text(idea.carried_by, styles.cell),
                user_text(idea.place, styles.cell),
                user_text(idea.theme, styles.cell),
                check,
            ])
        return long_table(rows, [8 * mm, 60 * mm, 27 * mm, 19 * mm, 24 * mm, 36 * mm])

    def asks(self) -> Flowable:
        """Every ask: kind, amount, department, answer date, who asked, and the idea it serves."""
        _ = self.words.gettext
        styles, words = self.styles, self.words
        if not self.data.asks:
            return self._empty(_("Ingen ønsker til kommunen blev registreret."))
        head = [_("Nr."), _("Ønske"), _("Type"), _("Beløb"), _("Forvaltning"), _("Svar senest"),
                _("Ønsket af")]
        rows: list[list[Any]] = [header_row(head, styles, right=(3,))]
        for number, ask in enumerate(sort_asks(self.data.asks), start=1):
            text = markup(ask.what)
            if ask.idea_title.strip():
                text += "<br/>" + muted(markup(_("Til idéen: {title}").format(
                    title=ask.idea_title)))
            if ask.needs_decision:
                marker = markup(_("Kræver politisk beslutning"))
                text = f'<font color="{WARN_HEX}"><b>{marker}</b></font><br/>{text}'
            rows.append([
                str(number),
                Paragraph(text, styles.cell),
                user_text(words.label(ask.kind), styles.cell),
                Paragraph(words.amount(ask.amount_dkk), styles.cell_right),
                user_text(ask.department or "–", styles.cell),
                words.short_date(ask.answer_needed_by),
                user_text(ask.asked_by, styles.cell),
            ])
        return long_table(rows, [8 * mm, 47 * mm, 19 * mm, 23 * mm, 25 * mm, 22 * mm, 30 * mm])

    def agenda(self) -> Flowable:
        """The agenda: planned against actual time per item, and who spoke first."""
        _ = self.words.gettext
        styles, words = self.styles, self.words
        if not self.data.phases:
            return self._empty(_("Mødet havde ingen dagsorden."))
        head = [_("Nr."), _("Punkt"), _("Planlagt"), _("Faktisk"), _("Forskel"),
                _("Først på ordet")]
        rows: list[list[Any]] = [header_row(head, styles, right=(2, 3, 4))]
        for number, phase in enumerate(self.data.phases, start=1):
            planned = phase.planned_minutes * 60
            first = words.label(phase.first_speaker) if phase.first_speaker else _("ingen talte")
            rows.append([
                str(number),
                user_text(phase.title, styles.cell),
                Paragraph(words.duration(planned), styles.cell_right),
                Paragraph(words.duration(phase.actual_seconds), styles.cell_right),
                Paragraph(words.difference(phase.actual_seconds - planned), styles.cell_right),
                Paragraph(markup(first), styles.cell),
            ])
        planned_total = sum(p.planned_minutes * 60 for p in self.data.phases)
        actual_total = sum(p.actual_seconds for p in self.data.phases)
        rows.append([
            "",
            Paragraph(markup(_("I alt")), styles.cell_bold),
            Paragraph(f"<b>{words.duration(planned_total)}</b>", styles.cell_right),
            Paragraph(f"<b>{words.duration(actual_total)}</b>", styles.cell_right),
            Paragraph(f"<b>{words.difference(actual_total - planned_total)}</b>",
                      styles.cell_right),
            "",
        ])
        return long_table(rows, [8 * mm, 78 * mm, 20 * mm, 20 * mm, 20 * mm, 28 * mm])

    def steps(self) -> Flowable:
        """Every next step, when page 1 could show only the first few."""
        _ = self.words.gettext
        styles, words = self.styles, self.words
        rows: list[list[Any]] = [header_row([_("Nr."), _("Hvad"), _("Ansvarlig"), _("Frist")],
                                            styles)]
        for number, step in enumerate(sort_steps(self.data.steps), start=1):
            what = markup(step.what)
            if step.done:
                what += " " + muted(markup(_("(udført)")))
            rows.append([
                str(number),
                Paragraph(what, styles.cell),
                Paragraph(owner_markup(step, words), styles.cell),
                words.short_date(step.due_on),
            ])
        return long_table(rows, [8 * mm, 96 * mm, 48 * mm, 22 * mm])
