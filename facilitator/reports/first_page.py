"""Page 1 of the brief: what a councillor reads in two minutes.

What the citizens want, what they ask of the municipality and by when, what
needs a check, how citizen-driven the meeting was, and who does what next.
Long lists are capped with a pointer to the appendix, and a KeepInFrame
shrinks whatever is still too tall, so page 1 never spills onto page 2.
"""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table

from facilitator.domain.enums import Role
from facilitator.reports.brief_data import BriefData, BriefIdea
from facilitator.reports.chart import talk_share_chart
from facilitator.reports.columns import even_cuts, group_cuts, share_out, tallest
from facilitator.reports.fonts import FONT
from facilitator.reports.formatting import NBSP, BriefWords, markup, shorten
from facilitator.reports.page_one_tables import ASK_CAP, CHECK_CAP, TITLE_LIMIT, PageOneTables
from facilitator.reports.parts import (
    OutlineMark,
    group_ideas,
    muted,
    owner_markup,
    sort_steps,
)
from facilitator.reports.priority_section import priority_flowables, priority_title
from facilitator.reports.since_section import since_flowables, since_title
from facilitator.reports.styles import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    RULE,
    Styles,
    layout_style,
)

IDEA_CAP = 30  # ideas listed on page 1 (a typical meeting's all); the rest are in appendix A
# Long titles take more lines: page 1 lists as many ideas as about this many
# characters allow (30 ideas of ~35-character titles with their group), so the
# shrink-to-fit frame never has to make the text too small to read.
IDEA_TEXT_BUDGET = 1800
IDEA_MIN = 8
# With «Borgernes prioriteringer» above them, page 1 lists this many ideas fewer (the leading
# ones are named there already), so a typical page shrinks about as much as one without it
# (measured: to 84 % of full size against 86 %).
PRIORITY_RESERVE = 6
STEP_CAP = 5
COLUMN_GAP = 8 * mm
IDEA_COLUMNS = 3  # three narrow columns hold 30 ideas in the least height (measured)
IDEA_GAP = 5 * mm
LEFT_WIDTH = 80 * mm  # the talk figures beside the next steps


def unbroken(label: str) -> str:
    """A short label (a group's name) kept on one line; a long one may still wrap."""
    return label.replace(" ", NBSP) if len(label) <= 28 else label


def idea_cap(ideas: tuple[BriefIdea, ...], reserve: int = 0) -> int:
    """How many ideas page 1 lists: IDEA_CAP, fewer when their titles are long, `reserve` fewer
    when something else takes their room."""
    if not ideas:
        return IDEA_CAP
    lengths = [min(len(i.title), TITLE_LIMIT) + min(len(i.carried_by), 60) for i in ideas]
    average = max(1.0, sum(lengths) / len(lengths))
    return max(IDEA_MIN, min(IDEA_CAP, int(IDEA_TEXT_BUDGET / average)) - reserve)


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
            (_("Det vil borgerne"), len(data.ideas), self.idea_cap(), "A"),
            (_("Det ønsker borgerne af kommunen"), len(data.asks), ASK_CAP, "B"),
            (_("Skal tjekkes mod lovgivning og planer"), checks, CHECK_CAP, "A"),
            (_("Hvor borgerdrevet var mødet?"), 0, 0, ""),
            (_("Næste skridt"), len(data.steps), STEP_CAP, "D"),
        )
        headings = [self.heading(*section) for section in sections]
        content: list[Flowable] = self.title_block()
        since = since_flowables(data.since_last, self.words, self.styles)
        content += since
        # What the citizens put first, before all they want: the councillors' first question.
        content += priority_flowables(data.priorities, self.words, self.styles)
        tables = PageOneTables(data, self.words, self.styles)
        for heading, body in zip(headings[:3], (self.ideas(), tables.asks(), tables.checks()),
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
        # The outline marks stand before the frame: marks inside a shrinking frame are lost.
        marks = [OutlineMark(title) for title, *_rest in sections]
        if data.priorities is not None:
            marks.insert(0, OutlineMark(priority_title(self.words)))
        if since:
            marks.insert(0, OutlineMark(since_title(self.words)))
        return [*marks, KeepInFrame(FRAME_WIDTH, FRAME_HEIGHT, content, mode="shrink")]

    def idea_cap(self) -> int:
        """How many ideas this page 1 lists (fewer below the citizens' priorities)."""
        reserve = PRIORITY_RESERVE if self.data.priorities is not None else 0
        return idea_cap(self.data.ideas, reserve)

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
        by_theme = any(idea.theme.strip() for idea in self.data.ideas)  # else grouped by village
        quotas = share_out(self.idea_cap(), [len(ideas) for _name, ideas in groups])
        for (name, ideas), quota in zip(groups, quotas, strict=True):
            if name:
                items.append((self.group_heading(name, f"({len(ideas)})"), name))
            for idea in ideas[:quota]:
                items.append((Paragraph(self.idea_line(idea, by_theme), styles.idea), ""))
        gap = IDEA_GAP
        column = (FRAME_WIDTH - gap * (IDEA_COLUMNS - 1)) / IDEA_COLUMNS
        columns = self.split_columns(items, column)
        widths = [column + gap] * (IDEA_COLUMNS - 1) + [column]
        table = Table([columns], colWidths=widths, hAlign="LEFT")
        table.setStyle(layout_style())
        return [table]

    @staticmethod
    def idea_line(idea: BriefIdea, by_theme: bool) -> str:
        """"• Title – group · village": the village unless the ideas are grouped by village or the
        group's name already says it ("Borgergruppen i Knebel")."""
        text = "•" + NBSP + markup(shorten(idea.title, TITLE_LIMIT))
        who = " ".join(idea.carried_by.split())
        place = " ".join(idea.place.split())
        said = re.search(rf"\b{re.escape(place.casefold())}\b", who.casefold()) if place else None
        parts = [unbroken(shorten(who, 60))] if who else []
        if by_theme and place and not said:
            parts.append(unbroken(shorten(place, 40)))
        if parts:
            text += " " + muted(markup("–" + NBSP + " · ".join(parts)))
        return text

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
        openings = self.openings()
        if not spoke:
            return [numbers, *openings, Spacer(0, 4),
                    Paragraph(markup(_("Der blev ikke registreret taletid.")), styles.empty)]
        return [numbers, *openings, Spacer(0, 4),
                Paragraph(markup(_("Andel af taletiden")), styles.muted),
                Spacer(0, 2), talk_share_chart(data.share, words, LEFT_WIDTH)]

    def openings(self) -> list[Flowable]:
        """Which items the citizens opened after thinking in a long silence (good news), and
        which the official opened."""
        _ = self.words.gettext
        words = self.words

        def quoted(title: str) -> str:
            return _("»{title}«").format(title=shorten(title, 60))

        lines = []
        thought = self.data.phases_opened_after_thinking
        if thought:
            items = [f"{quoted(p.title)} ({words.wait(p.thinking_seconds or 0)})" for p in thought]
            lines.append(_("Tid til eftertanke: borgerne tog selv ordet efter lang stilhed i "
                           "{items}.").format(items=words.and_list(items)))
        official = self.data.phases_opened_by_officials
        if official:
            lines.append(_("Embedspersonen åbnede {items}.").format(
                items=words.and_list([quoted(p.title) for p in official])))
        return [Paragraph(markup(" ".join(lines)), self.styles.opening)] if lines else []

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
