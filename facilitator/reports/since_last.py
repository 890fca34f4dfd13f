"""«Siden sidst» in words: what happened since the previous meeting, line by line.

The same lines serve the agenda page, the live screen and the brief, each in
its own language (a `BriefWords`); the brief hands in anonymised rows.
"""

from __future__ import annotations

from facilitator.reports.formatting import BriefWords, shorten
from facilitator.services.carry_rows import CarriedAnswer, CarriedStep, SinceLast, WaitingAsk

TEXT_LIMIT = 70


def answer_line(answer: CarriedAnswer, words: BriefWords) -> str:
    """"Tilskud til shelter – Imødekommet (17. mar. 2026)"."""
    return words.gettext("{what} – {answer} ({date})").format(
        what=shorten(answer.what, TEXT_LIMIT), answer=words.label(answer.answer),
        date=words.short_date(answer.answered_on))


def step_line(step: CarriedStep, words: BriefWords) -> str:
    """"Send kort over stierne – Plan og Byg · frist 20. mar. 2026"."""
    _ = words.gettext
    parts = [shorten(step.what, TEXT_LIMIT)]
    if step.owner_label.strip():
        parts.append("– " + shorten(step.owner_label.strip(), 40))
    text = " ".join(parts)
    if step.due_on is not None:
        text += " · " + _("frist {date}").format(date=words.short_date(step.due_on))
    return text


def waiting_line(ask: WaitingAsk, words: BriefWords) -> str:
    """"Lov til bålplads – venter i 36 dage (forfaldent)"."""
    _ = words.gettext
    waited = words.ngettext("venter i {n} dag", "venter i {n} dage", ask.waiting_days).format(
        n=words.number(ask.waiting_days))
    text = f"{shorten(ask.what, TEXT_LIMIT)} – {waited}"
    return text + " " + _("(forfaldent)") if ask.overdue else text


def summary_line(since: SinceLast, words: BriefWords) -> str:
    """The counts in one line: "2 svar modtaget · 1 næste skridt gjort · 1 forfaldent"."""
    ngettext = words.ngettext
    parts = []
    counts = (
        (len(since.answers), ngettext("{n} svar modtaget", "{n} svar modtaget", len(since.answers))),
        (len(since.steps_done), ngettext("{n} næste skridt gjort", "{n} næste skridt gjort",
                                         len(since.steps_done))),
        (len(since.steps_overdue), ngettext("{n} forfaldent skridt", "{n} forfaldne skridt",
                                            len(since.steps_overdue))),
        (len(since.asks_waiting), ngettext("{n} ønske venter på svar", "{n} ønsker venter på svar",
                                           len(since.asks_waiting))),
    )
    for n, text in counts:
        if n:
            parts.append(text.format(n=words.number(n)))
    if not parts:
        return words.gettext("Intet nyt siden sidste møde.")
    return " · ".join(parts)


def since_sections(since: SinceLast, words: BriefWords) -> list[tuple[str, list[str]]]:
    """(heading, lines) for each kind that has something, in the order it is told."""
    _ = words.gettext
    sections = [
        (_("Svar modtaget"), [answer_line(a, words) for a in since.answers]),
        (_("Næste skridt gjort"), [step_line(s, words) for s in since.steps_done]),
        (_("Forfaldne næste skridt"), [step_line(s, words) for s in since.steps_overdue]),
        (_("Venter på svar"), [waiting_line(w, words) for w in since.asks_waiting]),
    ]
    return [(heading, lines) for heading, lines in sections if lines]
