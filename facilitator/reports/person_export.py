"""The access export as PDF: everything stored about one person, readable by that person.

Layout only: the data arrives gathered and with other citizens' names hidden
(services/privacy_export.py). User text is NFC and escaped (`markup`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table

from facilitator.i18n import LANGUAGES
from facilitator.reports.formatting import BriefWords, clean, markup
from facilitator.reports.parts import header_row, muted
from facilitator.reports.styles import (
    ACCENT,
    FRAME_WIDTH,
    RULE,
    Styles,
    make_styles,
    table_style,
)
from facilitator.reports.template import BriefDocTemplate, PageHead

if TYPE_CHECKING:
    from facilitator.services.privacy_export import PersonExport



def _yes_no(words: BriefWords, value: bool) -> str:
    _ = words.gettext
    return _("Ja") if value else _("Nej")


def _deleted(words: BriefWords, deleted: bool) -> str:
    """A muted "slettet" under an entry the official deleted (it is kept, so it is exported)."""
    _ = words.gettext
    return "<br/>" + muted(markup(_("slettet"))) if deleted else ""


def _meeting(words: BriefWords, title: str, at: datetime) -> str:
    return f"{markup(title)}<br/>{muted(markup(words.short_date(at.date())))}"


def _how(words: BriefWords, linked: bool, deleted: bool) -> str:
    _ = words.gettext
    text = _("Knyttet til dig") if linked else _("Nævner dit navn")
    return markup(text) + _deleted(words, deleted)


def _table(
    words: BriefWords, styles: Styles, labels: Sequence[str], rows: list[list[str]],
    widths: Sequence[float],
) -> Flowable:
    _ = words.gettext
    if not rows:
        return Paragraph(markup(_("Ingen.")), styles.empty)
    body = [[Paragraph(cell, styles.cell) for cell in row] for row in rows]
    table = Table([header_row(labels, styles), *body], colWidths=[w * FRAME_WIDTH for w in widths],
                  repeatRows=1)
    table.setStyle(table_style(stripes=True, rows=len(body) + 1))
    return table


def _person_table(export: PersonExport, words: BriefWords, styles: Styles) -> Flowable:
    _ = words.gettext
    p = export.person
    consent = "–"
    if p.consent_on is not None:
        consent = words.date(p.consent_on)
        if p.consent_source is not None:
            consent += f" ({words.label(p.consent_source).lower()})"
    facts = [
        (_("Navn"), markup(p.name)),
        (_("Kontaktoplysninger"), markup(p.contact) or "–"),
        (_("Projekt"), markup(export.project_name)),
        (_("Registreret"), words.date(p.created_at.astimezone().date())),
        (_("Må nævnes ved navn i orienteringen"), _yes_no(words, p.may_be_named)),
        (_("Må kontaktes om opfølgning"), _yes_no(words, p.may_be_contacted)),
        (_("Samtykke givet"), consent),
        (_("Samtykke trukket tilbage"),
         words.date(p.withdrawn_at.astimezone().date()) if p.withdrawn_at else "–"),
    ]
    rows = [[Paragraph(markup(label), styles.cell_muted), Paragraph(value, styles.cell)]
            for label, value in facts]
    table = Table(rows, colWidths=[0.38 * FRAME_WIDTH, 0.62 * FRAME_WIDTH])
    # A list of facts, not a table with a header: no tinted first row.
    table.setStyle(table_style(extra=[("BACKGROUND", (0, 0), (-1, 0), colors.white),
                                      ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
                                      ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT)]))
    return table


def _sections(export: PersonExport, words: BriefWords, styles: Styles) -> list[Flowable]:
    _ = words.gettext
    ideas = [
        [_meeting(words, i.meeting_title, i.meeting_at),
         markup(i.title) + (f"<br/>{muted(markup(i.detail))}" if i.detail.strip() else ""),
         markup(i.proposed_by) or "–", _how(words, i.linked, i.deleted)]
        for i in export.ideas
    ]
    asks = [
        [_meeting(words, a.meeting_title, a.meeting_at),
         markup(a.what) + f"<br/>{muted(markup(words.label(a.kind)))}",
         markup(words.amount(a.amount_dkk)), markup(words.label(a.status)),
         _how(words, a.linked, a.deleted)]
        for a in export.asks
    ]
    steps = [
        [_meeting(words, x.meeting_title, x.meeting_at), markup(x.what),
         markup(x.owner_label) or "–",
         markup(words.short_date(x.due_on)) + _deleted(words, x.deleted)]
        for x in export.steps
    ]
    return [
        *_section(_("Idéer"), styles, _table(
            words, styles, [_("Møde"), _("Idé"), _("Foreslået af"), _("Sammenhæng")], ideas,
            (0.22, 0.44, 0.16, 0.18))),
        *_section(_("Ønsker til kommunen"), styles, _table(
            words, styles, [_("Møde"), _("Ønske"), _("Beløb"), _("Status"), _("Sammenhæng")],
            asks, (0.22, 0.36, 0.12, 0.12, 0.18))),
        *_section(_("Næste skridt, der nævner dig"), styles, _table(
            words, styles, [_("Møde"), _("Hvad"), _("Ansvarlig"), _("Frist")], steps,
            (0.22, 0.44, 0.18, 0.16))),
    ]


def _section(title: str, styles: Styles, content: Flowable) -> list[Flowable]:
    heading = Paragraph(markup(title), styles.appendix_heading)
    heading.outline_title = title
    heading.keepWithNext = True  # a heading never ends a page alone
    return [heading, content]


def build_person_export(
    export: PersonExport, municipality: str = "", language: str = "da",
    made_on: date | None = None, invariant: bool = False,
) -> bytes:
    """The access export as PDF bytes."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported export language: {language!r}")
    words = BriefWords(language)
    _ = words.gettext
    styles = make_styles()
    name = clean(export.person.name).strip()
    head = PageHead(
        municipality=clean(municipality).strip(),
        project_line=_("Indsigt · {name}").format(name=name),
        when_where=_("Projekt: {project}").format(project=export.project_name),
        logo=None,
        prepared=_("Udarbejdet {date}").format(date=words.date(made_on or date.today())),
        page_label=_("Side {page} af {total}"),
    )
    output = io.BytesIO()
    doc = BriefDocTemplate(
        output, head, title=_("Oplysninger om {name}").format(name=name),
        author=clean(municipality), subject=_("Indsigt"), lang=language,
        invariant=1 if invariant else 0,
    )
    title = Paragraph(markup(_("Oplysninger om {name}").format(name=name)), styles.title)
    lead = Paragraph(markup(_(
        "Her er alt, hvad Facilitator har gemt om dig: din registrering, dit samtykke og de "
        "idéer, ønsker og aftaler, der er knyttet til dig eller nævner dit navn. Andre borgeres "
        "navne er skjult (…).")), styles.lead)
    story: list[Any] = [title, lead, _person_table(export, words, styles)]
    story += _sections(export, words, styles)
    story.append(Paragraph(" ", styles.body))
    doc.build(story, canvasmaker=doc.canvasmaker())
    return output.getvalue()
