"""The status brief's appendices: every ask with its whole history, and everything realised.

The history is the follow-up desk's: every recorded change, corrections and
stages taken back included, in the order recorded, so a councillor can see how
an answer came about.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from facilitator.domain.enums import FollowUpKind
from facilitator.reports.appendices import start_room, widths_for
from facilitator.reports.formatting import BriefWords, markup, shorten
from facilitator.reports.hyphenation import CellParagraph
from facilitator.reports.parts import header_row, muted
from facilitator.reports.status_data import StatusAsk, StatusData, StatusEvent
from facilitator.reports.status_page_one import REALISED_CAP, days
from facilitator.reports.styles import Styles, user_text
from facilitator.reports.tables import long_table

ANSWER_TEXT_LIMIT = 400  # characters of an answer's text in the history; the case system has it all


def stage_name(kind: FollowUpKind, words: BriefWords) -> str:
    """A stage as "taken back" names it."""
    _ = words.gettext
    return {FollowUpKind.SENT: _("afsendelsen"), FollowUpKind.ANSWERED: _("svaret"),
            FollowUpKind.REPORTED: _("tilbagemeldingen")}.get(kind, "")


def event_text(event: StatusEvent, words: BriefWords) -> str:
    """One line of an ask's history, in the brief's language (markup)."""
    _ = words.gettext
    when = words.short_date(event.happened_on)
    if event.kind is FollowUpKind.SENT:
        what = _("Sendt til {department}").format(department=event.department)
        if event.sent_to.strip():
            what += f" ({event.sent_to.strip()})"
    elif event.kind is FollowUpKind.ANSWERED:
        answer = words.label(event.answer) if event.answer is not None else ""
        what = _("Svar: {answer}").format(answer=answer)
        if event.text.strip():
            what += f" – {shorten(event.text, ANSWER_TEXT_LIMIT)}"
    elif event.kind is FollowUpKind.REPORTED:
        what = _("Meldt tilbage til borgerne")
        if event.text.strip():
            what += f" – {shorten(event.text, 120)}"
    elif event.kind is FollowUpKind.WITHDRAWN and event.withdrawn_kind is not None:
        what = _("Rettelse: {stage} er taget tilbage").format(
            stage=stage_name(event.withdrawn_kind, words))
    else:
        what = ""
    return f"{muted(markup(when))} {markup(what)}"


class StatusAppendices:
    """Builds the appendix tables of one status brief."""

    def __init__(self, data: StatusData, words: BriefWords, styles: Styles) -> None:
        self.data = data
        self.words = words
        self.styles = styles

    def flowables(self) -> list[Flowable]:
        """Each appendix: its heading (an outline entry) and its table."""
        _ = self.words.gettext
        parts = [(_("Bilag A · Alle ønsker og deres historik"), self.asks())]
        if max(len(self.data.realised), len(self.data.steps_done)) > REALISED_CAP:
            parts.append((_("Bilag B · Alt realiseret"), self.realised()))
        story: list[Flowable] = []
        for index, (title, body) in enumerate(parts):
            heading = Paragraph(markup(title), self.styles.appendix_heading)
            heading.outline_title = title
            if index:
                story.append(CondPageBreak(start_room(heading, body)))
            story += [heading, body]
        return story

    def asks(self) -> Flowable:
        """Every ask of the project: what, where it came from, where it stands, its history."""
        _ = self.words.gettext
        styles, words = self.styles, self.words
        if not self.data.asks:
            return Paragraph(markup(_("Projektet har ingen ønsker til kommunen.")), styles.empty)
        head = [_("Nr."), _("Ønske"), _("Status"), _("Dage til svar"), _("Historik")]
        rows: list[list[Any]] = [header_row(head, styles, right=(3,))]
        for ask in self.data.asks:
            rows.append([
                str(ask.number),
                CellParagraph(self.ask_text(ask), styles.cell),
                CellParagraph(self.status_text(ask), styles.cell),
                Paragraph(days(ask.days_to_answer, words), styles.cell_right),
                CellParagraph(self.history_text(ask), styles.cell),
            ])
        widths = widths_for(
            [8 * mm, 60 * mm, 32 * mm, 16 * mm, 58 * mm],
            {0: [str(len(self.data.asks))],
             3: [days(a.days_to_answer, words) for a in self.data.asks]}, flexible=1)
        return long_table(rows, widths)

    def ask_text(self, ask: StatusAsk) -> str:
        """The ask in full, with its amount, kind, meeting, idea and who asked."""
        _ = self.words.gettext
        words = self.words
        text = f"<b>{markup(ask.what)}</b>"
        facts = [words.label(ask.kind)]
        if ask.amount_dkk is not None:
            facts.append(words.amount(ask.amount_dkk))
        if ask.answer_needed_by is not None:
            facts.append(_("svar senest {date}").format(date=words.short_date(ask.answer_needed_by)))
        text += "<br/>" + muted(markup(" · ".join(facts)))
        origin = _("Mødet «{meeting}», {date}").format(meeting=ask.meeting_title,
                                                       date=words.short_date(ask.asked_on))
        text += "<br/>" + muted(markup(origin))
        if ask.idea_title.strip():
            text += "<br/>" + muted(markup(_("Til idéen: {title}").format(title=ask.idea_title)))
        if ask.asked_by.strip():
            text += "<br/>" + muted(markup(_("Ønsket af {who}").format(who=ask.asked_by)))
        return text

    def status_text(self, ask: StatusAsk) -> str:
        """Where the ask stands now (and with which department), and whether it was reported
        back."""
        _ = self.words.gettext
        words = self.words
        text = f"<b>{markup(words.label(ask.status))}</b>"
        if ask.department.strip():
            text += "<br/>" + markup(ask.department)
        if ask.answered_on is None:
            text += "<br/>" + markup(_("venter {days}").format(days=days(ask.waiting_days, words)))
        if ask.overdue_days and ask.answered_on is None:
            text += "<br/>" + markup(words.ngettext("{n} dag over fristen", "{n} dage over fristen",
                                                    ask.overdue_days).format(n=ask.overdue_days))
        if ask.reported_on is not None:
            text += "<br/>" + muted(markup(_("meldt tilbage {date}").format(
                date=words.short_date(ask.reported_on))))
        return text

    def history_text(self, ask: StatusAsk) -> str:
        """The ask's history, one line per recorded change, starting with the meeting."""
        _ = self.words.gettext
        asked = _("Ønsket på mødet")
        lines = [f"{muted(markup(self.words.short_date(ask.asked_on)))} {markup(asked)}"]
        lines += [event_text(event, self.words) for event in ask.history]
        return "<br/>".join(lines)

    def realised(self) -> Flowable:
        """Every realised idea and every step done in the period, when page 1 could not hold them."""
        _ = self.words.gettext
        styles, words = self.styles, self.words
        rows: list[list[Any]] = [header_row([_("Hvad"), _("Bæres af"), _("Møde")], styles)]
        for idea in self.data.realised:
            rows.append([CellParagraph(markup(_("Idé: {title}").format(title=idea.title)),
                                       styles.cell),
                         user_text(idea.carried_by, styles.cell),
                         user_text(idea.meeting_title, styles.cell)])
        for step in self.data.steps_done:
            done = _("gjort {date}").format(date=words.short_date(step.state_on))
            rows.append([CellParagraph(markup(_("Næste skridt: {what}").format(what=step.what))
                                       + " " + muted(markup(f"({done})")), styles.cell),
                         user_text(step.owner, styles.cell),
                         user_text(step.meeting_title, styles.cell)])
        return long_table(rows, [100 * mm, 37 * mm, 37 * mm])
