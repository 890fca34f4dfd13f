"""Page 1 of the project status brief: what a councillor reads in two minutes.

The headline figures, what waits for whom (and how many days), what needs a
political decision (with the rule stated), what was answered and how fast (the
latest answers, each department's median and slowest), and what was realised. Long lists are capped with a pointer to appendix A, and a
KeepInFrame shrinks whatever is still too tall, so page 1 stays one page.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Table

from facilitator.reports.fonts import FONT, FONT_BOLD
from facilitator.reports.formatting import NBSP, BriefWords, markup, shorten
from facilitator.reports.parts import WARN_HEX, OutlineMark, header_row, muted
from facilitator.reports.status_data import DecisionReason, StatusAsk, StatusData
from facilitator.reports.styles import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    RULE,
    Styles,
    layout_style,
    table_style,
)
from facilitator.reports.tables import figure_width, fitted

WAIT_CAP = 8
DECISION_CAP = 6
REALISED_CAP = 6
ANSWER_CAP = 5
TITLE_LIMIT = 110


def reason_text(reason: DecisionReason, ask: StatusAsk, words: BriefWords) -> str:
    """Why an ask is listed under "needs a political decision", in the brief's language."""
    _ = words.gettext
    if reason is DecisionReason.REFUSED:
        return _("Afslået af forvaltningen")
    if reason is DecisionReason.PARTLY:
        return _("Kun delvist imødekommet")
    if reason is DecisionReason.OVERDUE:
        return words.ngettext("Intet svar, {n} dag over fristen", "Intet svar, {n} dage over fristen",
                              ask.overdue_days).format(n=ask.overdue_days)
    return _("Markeret på mødet som politisk beslutning")


def days(n: int | None, words: BriefWords) -> str:
    """"12 dage" / "12 days"; a dash when there is no figure."""
    if n is None:
        return "–"
    return words.ngettext("{n} dag", "{n} dage", n).format(n=words.number(n)).replace(" ", NBSP)


class StatusPageOne:
    """Builds the flowables of page 1 for one status brief."""

    def __init__(self, data: StatusData, words: BriefWords, styles: Styles) -> None:
        self.data = data
        self.words = words
        self.styles = styles

    def flowables(self) -> list[Flowable]:
        """Outline marks, then the whole page inside a shrink-to-fit frame."""
        _ = self.words.gettext
        sections = [
            (_("Hvad venter – og på hvem"), self.waits()),
            (_("Kræver politisk beslutning"), self.decisions()),
            (_("Besvaret – og hvor hurtigt"), self.answers()),
            (_("Svartider pr. forvaltning"), self.departments()),
            (_("Realiseret"), self.realised()),
        ]
        content: list[Flowable] = self.title_block()
        for title, body in sections:
            content += [self.heading(title, body[1]), *body[0]]
        marks = [OutlineMark(title) for title, _body in sections]
        return [*marks, KeepInFrame(FRAME_WIDTH, FRAME_HEIGHT, content, mode="shrink")]

    def heading(self, title: str, note: str) -> Paragraph:
        """A section heading with, when the list is capped, where the rest are."""
        text = markup(title)
        if note:
            text += f" {muted(f'<font name={FONT} size=8>· {markup(note)}</font>')}"
        return Paragraph(text, self.styles.heading)

    def capped(self, shown: int, total: int, appendix: str = "A") -> str:
        """"8 af 14 vist – alle står i bilag A", or nothing when all are shown."""
        _ = self.words.gettext
        if total <= shown:
            return ""
        return _("{shown} af {total} vist – alle står i bilag {appendix}").format(
            shown=self.words.number(shown), total=self.words.number(total), appendix=appendix)

    def title_block(self) -> list[Flowable]:
        """The title, the period, and the headline figures in a row."""
        _ = self.words.gettext
        data, words, styles = self.data, self.words, self.styles
        if data.since is not None:
            period = _("Perioden {start} – {end}").format(start=words.date(data.since),
                                                           end=words.date(data.today))
        else:
            period = _("Hele projektet, til og med {end}").format(end=words.date(data.today))
        median = data.median_days_to_answer
        figures = [
            (words.number(len(data.period_asks)), _("ønsker til kommunen")),
            (words.number(len(data.answered)), _("besvaret")),
            ("–" if median is None else words.number(round(median)), _("dage til svar (median)")),
            (words.number(len(data.waiting)), _("venter på svar")),
            (words.number(len(data.decisions)), _("kræver politisk beslutning")),
            (words.number(len(data.realised)), _("idéer realiseret")),
            (words.number(len(data.steps_done)), _("næste skridt gjort")),
        ]
        cells = [[Paragraph(markup(number), styles.key_number),
                  Paragraph(markup(label), styles.key_label)] for number, label in figures]
        row = Table([cells], colWidths=[FRAME_WIDTH / len(figures)] * len(figures), hAlign="LEFT")
        row.setStyle(layout_style(("RIGHTPADDING", (0, 0), (-1, -1), 4),
                                  ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 4)))
        meetings = words.ngettext("{n} møde", "{n} møder", data.meetings).format(n=data.meetings)
        return [
            Paragraph(markup(_("Projektstatus")), styles.title),
            Paragraph(markup(f"{period} · {meetings}"), styles.lead),
            row,
        ]

    def waits(self) -> tuple[list[Flowable], str]:
        """Every unanswered ask, longest wait first: on whom it waits, since when, for how long."""
        _ = self.words.gettext
        words, styles = self.words, self.styles
        waiting = self.data.waiting
        if not waiting:
            return [Paragraph(markup(_("Intet ønske venter på svar.")), styles.empty)], ""
        shown = waiting[:WAIT_CAP]
        rows: list[list[Any]] = [header_row(
            [_("Ønske"), _("Venter på"), _("Venter"), _("Svar senest")], styles, right=(2,))]
        for ask in shown:
            if ask.waits_on_department:
                who = markup(ask.department or _("forvaltningen")) + "<br/>" + muted(markup(
                    _("sendt {date}").format(date=words.short_date(ask.sent_on))))
            else:
                official = self.data.official_name.strip() or _("embedspersonen")
                who = markup(official) + "<br/>" + muted(markup(_("ikke sendt endnu")))
            due = words.short_date(ask.answer_needed_by)
            if ask.overdue_days:
                due = f'<font color="{WARN_HEX}"><b>{markup(due)}</b></font>'
            rows.append([
                Paragraph(self.ask_text(ask), styles.cell),
                Paragraph(who, styles.cell),
                Paragraph(days(ask.waiting_days, words), styles.cell_right),
                Paragraph(due, styles.cell),
            ])
        widths = fitted([102 * mm, 38 * mm, 16 * mm, 18 * mm], {
            2: figure_width([days(a.waiting_days, words) for a in shown], FONT, 7.5),
            3: figure_width([words.short_date(a.answer_needed_by) for a in shown], FONT_BOLD, 7.5),
        }, flexible=0)
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(compact=True))
        story: list[Flowable] = [table]
        if self.data.since is not None:
            # A wait does not end with the period: say so, or a councillor reads it as the period's.
            story.append(Paragraph(markup(_(
                "Alle projektets ubesvarede ønsker, også dem fra før perioden.")), styles.muted))
        return story, self.capped(len(shown), len(waiting))

    def ask_text(self, ask: StatusAsk) -> str:
        """The ask (shortened) with the meeting it came from and the group that asked."""
        what = markup(shorten(ask.what, TITLE_LIMIT))
        context = [shorten(part, 60) for part in (ask.asked_by, ask.meeting_title) if part.strip()]
        if ask.amount_dkk is not None:
            context.insert(0, self.words.amount(ask.amount_dkk))
        if context:
            what += " " + muted(markup("– " + " · ".join(context)))
        return what

    def decisions(self) -> tuple[list[Flowable], str]:
        """The asks that need a political decision, with why; the rule is stated under them."""
        _ = self.words.gettext
        words, styles = self.words, self.styles
        rule = Paragraph(markup(_(
            "Med her: ønsker, forvaltningen har afslået eller kun delvist imødekommet; ønsker "
            "uden svar efter «svar senest»; og ønsker, der på mødet blev markeret som politisk "
            "beslutning og endnu ikke er besvaret.")), styles.muted)
        decisions = self.data.decisions
        if not decisions:
            return [Paragraph(markup(_("Intet ønske kræver en politisk beslutning nu.")),
                              styles.empty), rule], ""
        shown = decisions[:DECISION_CAP]
        rows: list[list[Any]] = [header_row([_("Ønske"), _("Hvorfor"), _("Beløb")], styles,
                                            right=(2,))]
        for decision in shown:
            rows.append([
                Paragraph(self.ask_text(decision.ask), styles.cell),
                Paragraph(f'<font color="{WARN_HEX}">'
                          f'{markup(reason_text(decision.reason, decision.ask, words))}</font>',
                          styles.cell),
                Paragraph(words.amount(decision.ask.amount_dkk), styles.cell_right),
            ])
        amounts = [words.amount(d.ask.amount_dkk) for d in shown]
        widths = fitted([112 * mm, 42 * mm, 20 * mm],
                        {2: figure_width(amounts, FONT, 7.5)}, flexible=0)
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(compact=True))
        return [table, rule], self.capped(len(shown), len(decisions))

    def answers(self) -> tuple[list[Flowable], str]:
        """The period's answers, the latest first: what was answered, how, and in how many days."""
        _ = self.words.gettext
        words, styles = self.words, self.styles
        answered = sorted(self.data.answered,
                          key=lambda a: (a.answered_on or a.asked_on, a.number), reverse=True)
        if not answered:
            return [Paragraph(markup(_("Intet ønske fra perioden er besvaret endnu.")),
                              styles.empty)], ""
        shown = answered[:ANSWER_CAP]
        rows: list[list[Any]] = [header_row(
            [_("Ønske"), _("Svar"), _("Svar den"), _("Dage til svar")], styles, right=(3,))]
        for ask in shown:
            answer = markup(words.label(ask.answer)) if ask.answer is not None else "–"
            if ask.reported_on is not None:
                answer += "<br/>" + muted(markup(_("meldt tilbage {date}").format(
                    date=words.short_date(ask.reported_on))))
            rows.append([
                Paragraph(self.ask_text(ask), styles.cell),
                Paragraph(answer, styles.cell),
                Paragraph(words.short_date(ask.answered_on), styles.cell),
                Paragraph(days(ask.days_to_answer, words), styles.cell_right),
            ])
        widths = fitted([100 * mm, 32 * mm, 20 * mm, 22 * mm], {
            2: figure_width([words.short_date(a.answered_on) for a in shown], FONT, 7.5),
            3: figure_width([days(a.days_to_answer, words) for a in shown], FONT, 7.5),
        }, flexible=0)
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(compact=True))
        return [table], self.capped(len(shown), len(answered))

    def departments(self) -> tuple[list[Flowable], str]:
        """Per department: asks, answered, median days to the answer, the slowest wait."""
        _ = self.words.gettext
        words, styles = self.words, self.styles
        if not self.data.departments:
            return [Paragraph(markup(_("Ingen ønsker i perioden.")), styles.empty)], ""
        rows: list[list[Any]] = [header_row(
            [_("Forvaltning"), _("Ønsker"), _("Besvaret"), _("Median til svar"),
             _("Længste ventetid"), _("Forfaldne")], styles, right=(1, 2, 3, 4, 5))]
        for figure in self.data.departments:
            median = (None if figure.median_days_to_answer is None
                      else round(figure.median_days_to_answer))
            slowest = days(figure.slowest_days, words)
            if figure.slowest_still_waiting:
                slowest += " " + _("(venter stadig)")
            rows.append([
                Paragraph(markup(figure.department or _("Ingen forvaltning angivet")), styles.cell),
                *(Paragraph(text, styles.cell_right) for text in (
                    words.number(figure.asks), words.number(figure.answered),
                    markup(days(median, words)), markup(slowest),
                    words.number(figure.overdue))),
            ])
        table = Table(rows, colWidths=[58 * mm, 16 * mm, 18 * mm, 26 * mm, 38 * mm, 18 * mm],
                      repeatRows=1, hAlign="LEFT")
        table.setStyle(table_style(compact=True))
        return [table], ""

    def realised(self) -> tuple[list[Flowable], str]:
        """The ideas realised and the next steps done in the period, side by side."""
        _ = self.words.gettext
        words, styles = self.words, self.styles
        data = self.data
        ideas: list[Flowable] = [Paragraph(markup(_("Idéer")), styles.group)]
        ideas += [Paragraph("•" + NBSP + markup(shorten(i.title, TITLE_LIMIT)) + " " + muted(
            markup("– " + " · ".join(p for p in (i.carried_by, i.place) if p.strip()))
            if (i.carried_by.strip() or i.place.strip()) else ""), styles.idea)
                  for i in data.realised[:REALISED_CAP]]
        if not data.realised:
            ideas.append(Paragraph(markup(_("Ingen idéer er markeret som realiseret.")),
                                   styles.empty))
        steps: list[Flowable] = [Paragraph(markup(_("Næste skridt gjort")), styles.group)]
        steps += [Paragraph("•" + NBSP + markup(shorten(x.what, TITLE_LIMIT)) + " " + muted(
            markup("– " + _("gjort {date}").format(date=words.short_date(x.state_on)))),
            styles.idea) for x in data.steps_done[:REALISED_CAP]]
        if not data.steps_done:
            steps.append(Paragraph(markup(_("Intet næste skridt er meldt gjort.")), styles.empty))
        open_line = _("Åbne næste skridt: {open}, heraf {overdue} over fristen.").format(
            open=words.number(data.steps_open), overdue=words.number(data.steps_overdue))
        steps.append(Paragraph(markup(open_line), styles.muted))
        half = (FRAME_WIDTH - 8 * mm) / 2
        table = Table([[ideas, steps]], colWidths=[half + 8 * mm, half], hAlign="LEFT")
        table.setStyle(layout_style())
        total = max(len(data.realised), len(data.steps_done))
        return [table], self.capped(REALISED_CAP, total, "B")
