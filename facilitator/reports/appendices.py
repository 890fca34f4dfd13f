"""The brief's appendices: every idea, every ask, the agenda (and every step when page 1 ran out).

Long tables break across pages with the header row repeated; only a row taller
than a third of a page (a 10,000-character idea) splits inside the row, with at
least two lines on either side (tables.py). Columns of figures are as wide as
their widest figure; a word too long for its column is hyphenated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from facilitator.reports.brief_data import BriefData
from facilitator.reports.first_page import STEP_CAP
from facilitator.reports.fonts import FONT_BOLD
from facilitator.reports.formatting import BriefWords, markup
from facilitator.reports.hyphenation import CellParagraph
from facilitator.reports.parts import (
    WARN_HEX,
    header_row,
    muted,
    owner_markup,
    sort_asks,
    sort_steps,
)
from facilitator.reports.styles import FRAME_WIDTH, Styles, user_text
from facilitator.reports.tables import (
    BriefTable,
    figure_width,
    fitted,
    long_table,
    opening_height,
)

HEADING_ROOM: float = 45 * mm  # at least this much room for an appendix heading and its first rows
FIGURE_SIZE = 7.5  # the cells' font size


def widths_for(widths: Sequence[float], figures: Mapping[int, Sequence[str]],
               flexible: int) -> list[float]:
    """`widths` with each column of figures wide enough for its widest one (measured in bold, as
    a total is printed), the room taken from the `flexible` text column."""
    needs = {column: figure_width(texts, FONT_BOLD, FIGURE_SIZE)
             for column, texts in figures.items()}
    return fitted(widths, needs, flexible)


def start_room(heading: Flowable, body: Flowable) -> float:
    """The room an appendix needs at the foot of a page: its heading, and the table's header with
    its first row (or two lines of that row, when it is tall enough to be split)."""
    heading_height = float(heading.wrap(FRAME_WIDTH, 10_000)[1] + heading.getSpaceBefore()
                           + heading.getSpaceAfter())
    opening = opening_height(body) if isinstance(body, BriefTable) else 0.0
    return max(HEADING_ROOM, heading_height + opening)


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
            heading = Paragraph(markup(title), self.styles.appendix_heading)
            heading.outline_title = title
            if index:  # no heading (or heading and table header) alone at the foot of a page
                story.append(CondPageBreak(start_room(heading, body)))
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
                check = CellParagraph(check, styles.cell)
            rows.append([
                str(number),
                CellParagraph(text, styles.cell),
                user_text(idea.carried_by, styles.cell),
                user_text(idea.place, styles.cell),
                user_text(idea.theme, styles.cell),
                check,
            ])
        widths = widths_for([8 * mm, 60 * mm, 27 * mm, 19 * mm, 24 * mm, 36 * mm],
                            {0: [str(len(self.data.ideas))]}, flexible=1)
        return long_table(rows, widths)

    def asks(self) -> Flowable:
        """Every ask: kind, amount, department, answer date, who asked, and the idea it serves."""
        _ = self.words.gettext
        styles, words = self.styles, self.words
        if not self.data.asks:
            return self._empty(_("Ingen ønsker til kommunen blev registreret."))
        head = [_("Nr."), _("Ønske"), _("Type"), _("Beløb"), _("Forvaltning"), _("Svar senest"),
                _("Ønsket af")]
        rows: list[list[Any]] = [header_row(head, styles, right=(3,))]
        asks = sort_asks(self.data.asks)
        for number, ask in enumerate(asks, start=1):
            text = markup(ask.what)
            if ask.idea_title.strip():
                idea = _("Til idéen: {title}").format(title=ask.idea_title)
                if ask.idea_number is not None:
                    idea += " " + _("(idé {number})").format(number=ask.idea_number)
                text += "<br/>" + muted(markup(idea))
            if ask.needs_decision:
                marker = markup(_("Kræver politisk beslutning"))
                text = f'<font color="{WARN_HEX}"><b>{marker}</b></font><br/>{text}'
            rows.append([
                str(number),
                CellParagraph(text, styles.cell),
                user_text(words.label(ask.kind), styles.cell),
                Paragraph(words.amount(ask.amount_dkk), styles.cell_right),
                user_text(ask.department or "–", styles.cell),
                words.short_date(ask.answer_needed_by),
                user_text(ask.asked_by, styles.cell),
            ])
        widths = widths_for(
            [8 * mm, 47 * mm, 19 * mm, 23 * mm, 25 * mm, 22 * mm, 30 * mm],
            {0: [str(len(asks))], 3: [words.amount(a.amount_dkk) for a in asks],
             5: [words.short_date(a.answer_needed_by) for a in asks]}, flexible=1)
        return long_table(rows, widths)

    def agenda(self) -> Flowable:
        """The agenda: planned against actual time per item, and who spoke first."""
        _ = self.words.gettext
        styles, words = self.styles, self.words
        if not self.data.phases:
            return self._empty(_("Mødet havde ingen dagsorden."))
        head = [_("Nr."), _("Punkt"), _("Planlagt"), _("Faktisk"), _("Forskel"),
                _("Først på ordet")]
        rows: list[list[Any]] = [header_row(head, styles, right=(2, 3, 4))]
        figures: dict[int, list[str]] = {0: [str(len(self.data.phases))], 2: [], 3: [], 4: []}
        for number, phase in enumerate(self.data.phases, start=1):
            planned = phase.planned_minutes * 60
            first = words.label(phase.first_speaker) if phase.first_speaker else _("ingen talte")
            times = (words.duration(planned), words.duration(phase.actual_seconds),
                     words.difference(phase.actual_seconds - planned))
            rows.append([
                str(number),
                user_text(phase.title, styles.cell),
                *(Paragraph(time, styles.cell_right) for time in times),
                CellParagraph(markup(first), styles.cell),
            ])
            for column, time in zip((2, 3, 4), times, strict=True):
                figures[column].append(time)
        planned_total = sum(p.planned_minutes * 60 for p in self.data.phases)
        actual_total = sum(p.actual_seconds for p in self.data.phases)
        totals = (words.duration(planned_total), words.duration(actual_total),
                  words.difference(actual_total - planned_total))
        rows.append([
            "",
            Paragraph(markup(_("I alt")), styles.cell_bold),
            *(Paragraph(f"<b>{total}</b>", styles.cell_right) for total in totals),
            "",
        ])
        for column, total in zip((2, 3, 4), totals, strict=True):
            figures[column].append(total)
        widths = widths_for([8 * mm, 78 * mm, 20 * mm, 20 * mm, 20 * mm, 28 * mm], figures,
                            flexible=1)
        return long_table(rows, widths)

    def steps(self) -> Flowable:
        """Every next step, when page 1 could show only the first few."""
        _ = self.words.gettext
        styles, words = self.styles, self.words
        rows: list[list[Any]] = [header_row([_("Nr."), _("Hvad"), _("Ansvarlig"), _("Frist")],
                                            styles)]
        steps = sort_steps(self.data.steps)
        for number, step in enumerate(steps, start=1):
            what = markup(step.what)
            if step.done:
                what += " " + muted(markup(_("(udført)")))
            rows.append([
                str(number),
                CellParagraph(what, styles.cell),
                CellParagraph(owner_markup(step, words), styles.cell),
                words.short_date(step.due_on),
            ])
        widths = widths_for([8 * mm, 96 * mm, 48 * mm, 22 * mm],
                            {0: [str(len(steps))], 3: [words.short_date(s.due_on) for s in steps]},
                            flexible=1)
        return long_table(rows, widths)
