"""Page 1 of the brief: what a councillor reads in two minutes.

What the citizens want, what they ask of the municipality and by when, what
needs a check, how citizen-driven the meeting was, and who does what next.
Long lists are capped with a pointer to the appendix, and a KeepInFrame
shrinks whatever is still too tall, so page 1 never spills onto page 2.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table

from facilitator.domain.enums import Role
from facilitator.reports.brief_data import BriefData, BriefIdea
from facilitator.reports.chart import talk_share_chart
from facilitator.reports.columns import even_cuts, group_cuts, share_out, tallest
from facilitator.reports.fonts import FONT
from facilitator.reports.formatting import NBSP, BriefWords, markup, shorten
from facilitator.reports.parts import (
    OutlineMark,
    group_ideas,
    header_row,
    muted,
    owner_markup,
    sort_asks,
    sort_steps,
)
from facilitator.reports.styles import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    RULE,
    Styles,
    layout_style,
    table_style,
    user_text,
)

IDEA_CAP = 30  # ideas listed on page 1 (a typical meeting's all); the rest are in appendix A
# Long titles take more lines: page 1 lists as many ideas as about this many
# characters allow (30 ideas of ~35-character titles with their group), so the
# shrink-to-fit frame never has to make the text too small to read.
IDEA_TEXT_BUDGET = 1800
IDEA_MIN = 8
ASK_CAP = 10
CHECK_CAP = 5
STEP_CAP = 5
TITLE_LIMIT = 150  # characters of a title on page 1; the appendix has the full text
COLUMN_GAP = 8 * mm
IDEA_COLUMNS = 3  # three narrow columns hold 30 ideas in the least height (measured)
IDEA_GAP = 5 * mm
LEFT_WIDTH = 80 * mm  # the talk figures beside the next steps


def unbroken(label: str) -> str:
    """A short label (a group's name) kept on one line; a long one may still wrap."""
    return label.replace(" ", NBSP) if len(label) <= 28 else label


def idea_cap(ideas: tuple[BriefIdea, ...]) -> int:
    """How many ideas page 1 lists: IDEA_CAP, fewer when their titles are long."""
    if not ideas:
        return IDEA_CAP
    lengths = [min(len(i.title), TITLE_LIMIT) + min(len(i.carried_by), 60) for i in ideas]
    average = max(1.0, sum(lengths) / len(lengths))
    return max(IDEA_MIN, min(IDEA_CAP, int(IDEA_TEXT_BUDGET / average)))


class FirstPage:
    """Builds the flowables of page 1 for one brief."""

    def __init__(self, data: BriefData, words: BriefWords, styles: Styles) -> None:
        self.data = data
        self.words = words
        self.styles = styles

    def flowables(self) -> list[Flowable]:
        """Outline marks, then the whole page inside a shrink-to-fit frame."""
        _ = self.words.gettext
        data = self.data
        checks = sum(1 for idea in data.ideas if idea.needs_check is not None)
        # (title, how many there are, how many page 1 lists, the appendix with them all)
        sections = (
            (_("Det vil borgerne"), len(data.ideas), idea_cap(data.ideas), "A"),
            (_("Det ønsker borgerne af kommunen"), len(data.asks), ASK_CAP, "B"),
            (_("Skal tjekkes mod lovgivning og planer"), checks, CHECK_CAP, "A"),
            (_("Hvor borgerdrevet var mødet?"), 0, 0, ""),
            (_("Næste skridt"), len(data.steps), STEP_CAP, "D"),
        )
        headings = [self.heading(*section) for section in sections]
        content: list[Flowable] = self.title_block()
        for heading, body in zip(headings[:3], (self.ideas(), self.asks(), self.checks()),
                                 strict=True):
            content += [heading, *body]
        left = [headings[3], *self.talk()]
        right = [headings[4], *self.steps()]
        bottom = Table([[left, right]], colWidths=[LEFT_WIDTH + COLUMN_GAP,
                                                   FRAME_WIDTH - LEFT_WIDTH - COLUMN_GAP],
                       hAlign="LEFT")
        bottom.setStyle(layout_style())
        # A heading's spaceBefore is dropped at the top of a table cell; give it back here.
        content += [Spacer(0, self.styles.heading.spaceBefore), bottom]
        marks = [OutlineMark(title) for title, *_rest in sections]
        return [*marks, KeepInFrame(FRAME_WIDTH, FRAME_HEIGHT, content, mode="shrink")]

    def heading(self, title: str, total: int, cap: int, appendix: str) -> Paragraph:
        """A section heading; when page 1 lists only the first few, it says so and where the rest
        are ("12 af 300 vist – alle står i bilag A") on the same line."""
        _ = self.words.gettext
        text = markup(title)
        if cap and total > cap:
            note = _("{shown} af {total} vist – alle står i bilag {appendix}").format(
                shown=self.words.number(cap), total=self.words.number(total), appendix=appendix)
            text += f" {muted(f'<font name={FONT} size=8>· {markup(note)}</font>')}"
        return Paragraph(text, self.styles.heading)

    def note(self, text: str) -> Paragraph:
        """A muted line under a capped list ("… og 12 idéer mere i bilag A.")."""
        return Paragraph(markup(text), self.styles.muted)

    def title_block(self) -> list[Flowable]:
        """The brief's title, the key counts in one line, and the project's villages."""
        _ = self.words.gettext
        ngettext = self.words.ngettext
        data, words, styles = self.data, self.words, self.styles
        decisions = sum(1 for ask in data.asks if ask.needs_decision)
        checks = sum(1 for idea in data.ideas if idea.needs_check is not None)

        def fact(template: str, n: int) -> str:
            # No-break spaces: the line may wrap between facts, never inside one.
            return markup(template.replace(" ", NBSP)).format(n=f"<b>{words.number(n)}</b>")

        facts = [
            fact(_("{n} fremmødte"), data.attendance) if data.attendance is not None
            else markup(_("Fremmøde ikke registreret").replace(" ", NBSP)),
            fact(ngettext("{n} idé", "{n} idéer", len(data.ideas)), len(data.ideas)),
            fact(ngettext("{n} ønske til kommunen", "{n} ønsker til kommunen", len(data.asks)),
                 len(data.asks)),
            fact(_("{n} kræver politisk beslutning"), decisions),
            fact(ngettext("{n} idé skal tjekkes", "{n} idéer skal tjekkes", checks), checks),
        ]
        block: list[Flowable] = [
            Paragraph(markup(_("Politisk orientering")), styles.title),
            Paragraph(" · ".join(facts), styles.lead),
        ]
        if data.places:
            shown = ", ".join(" ".join(place.split()) for place in data.places[:12])
            if len(data.places) > 12:
                shown += " " + _("og {n} flere").format(n=len(data.places) - 12)
            block.append(self.note(_("Landsbyer på mødet: {places}").format(places=shown)))
        return block

    def ideas(self) -> list[Flowable]:
        """The ideas in two columns, by theme (or village), each with the group that carries it."""
        _ = self.words.gettext
        styles = self.styles
        if not self.data.ideas:
            return [Paragraph(markup(_("Ingen idéer blev registreret.")), styles.empty)]
        items: list[tuple[Flowable, str]] = []  # (flowable, its group's name if it is a heading)
        groups = group_ideas(self.data.ideas, self.words)
        quotas = share_out(idea_cap(self.data.ideas), [len(ideas) for _name, ideas in groups])
        for (name, ideas), quota in zip(groups, quotas, strict=True):
            if name:
                items.append((self.group_heading(name, f"({len(ideas)})"), name))
            for idea in ideas[:quota]:
                text = "•\u00a0" + markup(shorten(idea.title, TITLE_LIMIT))
                if idea.carried_by.strip():
                    text += " " + muted(markup("–" + NBSP + unbroken(shorten(idea.carried_by, 60))))
                items.append((Paragraph(text, styles.idea), ""))
        gap = IDEA_GAP
        column = (FRAME_WIDTH - gap * (IDEA_COLUMNS - 1)) / IDEA_COLUMNS
        columns = self.split_columns(items, column)
        widths = [column + gap] * (IDEA_COLUMNS - 1) + [column]
        table = Table([columns], colWidths=widths, hAlign="LEFT")
        table.setStyle(layout_style())
        return [table]

    def group_heading(self, name: str, suffix: str) -> Paragraph:
        """A theme (or village) with its number of ideas, or "(fortsat)" in the second column."""
        return Paragraph(f"{markup(name)} {muted(markup(suffix))}", self.styles.group)

    def split_columns(self, items: list[tuple[Flowable, str]],
                      width: float) -> list[list[Flowable]]:
        """Columns of about equal height. Whole groups stay together when that costs at most a
        few lines; otherwise a group cut in two is named again, "(fortsat)", in the next column."""
        _ = self.words.gettext
        heights = [f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                   for f, _name in items]
        even = even_cuts(items, heights, IDEA_COLUMNS)
        whole = group_cuts(items, heights, IDEA_COLUMNS)
        slack = 3 * self.styles.idea.leading
        cuts = whole if whole is not None and tallest(whole, heights) <= tallest(
            even, heights) + slack else even
        columns: list[list[Flowable]] = []
        for start, end in zip([0, *cuts], [*cuts, len(items)], strict=True):
            column = [f for f, _name in items[start:end]]
            if 0 < start < len(items) and not items[start][1]:
                group = next((name for _f, name in reversed(items[:start]) if name), "")
                if group:
                    column.insert(0, self.group_heading(group, _("(fortsat)")))
            columns.append(column)
        return columns

    def asks(self) -> list[Flowable]:
        """The asks: those needing a political decision first, then by answer date."""
        _ = self.words.gettext
        words, styles = self.words, self.styles
        if not self.data.asks:
            return [Paragraph(markup(_("Ingen ønsker til kommunen blev registreret.")),
                              styles.empty)]
        ordered = sort_asks(self.data.asks)
        shown = ordered[:ASK_CAP]
        head = [_("Ønske"), _("Type"), _("Beløb"), _("Forvaltning"), _("Svar senest")]
        rows: list[list[Any]] = [header_row(head, styles, right=(2,))]
        extra: list[tuple[object, ...]] = []
        any_decision = any(ask.needs_decision for ask in shown)
        for index, ask in enumerate(shown):
            starts_group = index == 0 or shown[index - 1].needs_decision != ask.needs_decision
            if any_decision and starts_group:
                label, style = ((_("Kræver politisk beslutning"), styles.marker)
                                if ask.needs_decision else (_("Øvrige ønsker"), styles.subgroup))
                extra.append(("SPAN", (0, len(rows)), (-1, len(rows))))
                rows.append([Paragraph(markup(label), style), "", "", "", ""])
            rows.append([
                user_text(shorten(ask.what, 110), styles.cell),
                user_text(words.label(ask.kind), styles.cell),
                Paragraph(words.amount(ask.amount_dkk), styles.cell_right),
                user_text(shorten(ask.department, 50) or "–", styles.cell),
                Paragraph(words.short_date(ask.answer_needed_by), styles.cell),
            ])
        total = sum(ask.amount_dkk or 0 for ask in self.data.asks)
        if total:
            rows.append([Paragraph(markup(_("Beløb i alt (alle ønsker)")), styles.cell_bold), "",
                         Paragraph(f"<b>{words.amount(total)}</b>", styles.cell_right), "", ""])
        table = Table(rows, colWidths=[77 * mm, 20 * mm, 28 * mm, 28 * mm, 21 * mm],
                      repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(compact=True, extra=extra))
        return [table]

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

    def talk(self) -> list[Flowable]:
        """Citizens' share of talk, items they opened, hold-backs respected, and the bar chart."""
        _ = self.words.gettext
        data, words, styles = self.data, self.words, self.styles
        spoke = data.share.talk_seconds > 0
        figures = [
            (_("Borgernes andel af taletiden"),
             words.percent(data.share.whole_percents()[Role.CITIZEN] / 100) if spoke else "–"),
            (_("Punkter åbnet af en borger"),
             words.n_of_m(data.phases_opened_by_citizens, len(data.phases)) if data.phases else "–"),
            (_("Ventetider overholdt"),
             words.n_of_m(data.hold_backs_respected, data.hold_backs) if data.hold_backs else "–"),
            (_("Samlet taletid"), words.duration(data.share.talk_seconds) if spoke else "–"),
        ]
        rows = [[Paragraph(markup(label), styles.figure_label), Paragraph(value, styles.figure)]
                for label, value in figures]
        numbers = Table(rows, colWidths=[LEFT_WIDTH - 24 * mm, 24 * mm], hAlign="LEFT")
        numbers.setStyle(layout_style(
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ))
        if not spoke:
            return [numbers, Spacer(0, 4),
                    Paragraph(markup(_("Der blev ikke registreret taletid.")), styles.empty)]
        return [numbers, Spacer(0, 4), Paragraph(markup(_("Andel af taletiden")), styles.muted),
                Spacer(0, 2), talk_share_chart(data.share, words, LEFT_WIDTH)]

    def steps(self) -> list[Flowable]:
        """Who does what next, and by when."""
        _ = self.words.gettext
        words, styles = self.words, self.styles
        if not self.data.steps:
            return [Paragraph(markup(_("Ingen næste skridt blev aftalt.")), styles.empty)]
        ordered = sort_steps(self.data.steps)
        rows = []
        for step in ordered[:STEP_CAP]:
            what = markup(shorten(step.what, TITLE_LIMIT))
            if step.done:
                what += " " + muted(markup(_("(udført)")))
            due = (_("frist {date}").format(date=words.short_date(step.due_on)) if step.due_on
                   else _("ingen frist"))
            rows.append([Paragraph(f"{what}<br/>{owner_markup(step, words, 60)} "
                                   f"{muted('· ' + markup(due))}", styles.cell)])
        table = Table(rows, colWidths=[FRAME_WIDTH - LEFT_WIDTH - COLUMN_GAP], hAlign="LEFT")
        table.setStyle(layout_style(
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ))
        return [table]
