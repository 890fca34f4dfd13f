"""The printable privacy notice (Danish or English) the official reads aloud or hands out.

What is recorded, why (a public task; consent only for the optional extras:
being named, being contacted), for how long (the retention setting) and whom
to ask (the municipality and official from the settings). Larger type than the
brief: it is read by citizens in a village hall, often on paper.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from facilitator.i18n import LANGUAGES
from facilitator.reports.fonts import FONT, FONT_BOLD
from facilitator.reports.formatting import BriefWords, clean, markup
from facilitator.reports.styles import ACCENT, MUTED, make_styles
from facilitator.reports.template import BriefDocTemplate, PageHead


class Sender(Protocol):
    """Who stands behind the notice: services.settings.Settings fits."""

    @property
    def municipality(self) -> str: ...  # noqa: D102

    @property
    def official_name(self) -> str: ...  # noqa: D102

    @property
    def official_department(self) -> str: ...  # noqa: D102

    @property
    def logo_png(self) -> bytes | None: ...  # noqa: D102


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    lead: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    muted: ParagraphStyle


def _styles() -> _Styles:
    base = make_styles().body
    body = ParagraphStyle("notice_body", parent=base, fontSize=10.5, leading=14.5, spaceAfter=3)
    return _Styles(
        title=ParagraphStyle("notice_title", parent=body, fontName=FONT_BOLD, fontSize=19,
                             leading=23, textColor=ACCENT, spaceAfter=6),
        lead=ParagraphStyle("notice_lead", parent=body, fontSize=11.5, leading=16, spaceAfter=4),
        heading=ParagraphStyle("notice_heading", parent=body, fontName=FONT_BOLD, fontSize=12.5,
                               leading=16, textColor=ACCENT, spaceBefore=9, spaceAfter=3),
        body=body,
        bullet=ParagraphStyle("notice_bullet", parent=body, leftIndent=14, bulletIndent=2,
                              bulletFontName=FONT),
        muted=ParagraphStyle("notice_muted", parent=body, fontSize=9.5, leading=13,
                             textColor=MUTED),
    )


def _sender_parts(sender: Sender) -> list[str]:
    return [
        clean(part).strip()
        for part in (sender.official_name, sender.official_department, sender.municipality)
        if clean(part).strip()
    ]


def _retention_text(words: BriefWords, months: int) -> str:
    _ = words.gettext
    if months <= 0:
        return _("Navne og kontaktoplysninger slettes, når projektet er afsluttet.")
    return words.ngettext(
        "Navne og kontaktoplysninger slettes {months} måned efter, at projektet er afsluttet.",
        "Navne og kontaktoplysninger slettes {months} måneder efter, at projektet er afsluttet.",
        months,
    ).format(months=months)


def _sections(sender: Sender, words: BriefWords, months: int) -> list[tuple[str, list[str]]]:
    """(heading, bullet texts) in reading order; texts are plain (escaped when laid out)."""
    _ = words.gettext
    contact = _sender_parts(sender)
    ask = (
        [_("Kontakt {who}.").format(who=", ".join(contact))]
        if contact
        else [_("Spørg den medarbejder fra kommunen, der holder mødet.")]
    )
    return [
        (_("Hvad vi noterer"), [
            _("Idéer, ønsker til kommunen og aftaler om næste skridt – som borgerne selv siger "
              "dem – og hvilken gruppe der står bag."),
            _("Hvor længe borgere, embedsfolk og politikere har ordet, og hvor mange der kom. "
              "Det noteres kun som roller og antal, aldrig med navn."),
            _("Dit navn kun, hvis du selv siger ja til det. Dine kontaktoplysninger kun, hvis du "
              "gerne vil kontaktes."),
        ]),
        (_("Hvorfor"), [
            _("Møderne er en del af kommunens opgaver. Vi noterer for at kunne følge op og "
              "orientere politikerne: en opgave i samfundets interesse "
              "(databeskyttelsesforordningens artikel 6, stk. 1, litra e)."),
            _("Det er frivilligt at blive nævnt ved navn i orienteringen til politikerne og at "
              "blive kontaktet om opfølgning. Det sker kun med dit samtykke (artikel 6, stk. 1, "
              "litra a), og du kan altid trække det tilbage."),
        ]),
        (_("Hvem ser det"), [
            _("Oplysningerne ligger på kommunens computer og bruges kun til projektet."),
            _("Politikerne får en skriftlig orientering om mødet. Dit navn står kun i den, hvis "
              "du har sagt ja til det; ellers står der gruppens navn."),
        ]),
        (_("Hvor længe"), [
            _retention_text(words, months),
            _("Idéerne og ønskerne bliver stående uden navn, fordi de er en del af projektets "
              "historie. Det gælder også kommunens sikkerhedskopier."),
        ]),
        (_("Dine rettigheder"), [
            _("Du kan få at vide, hvad vi har noteret om dig, og få en kopi."),
            _("Du kan få rettet forkerte oplysninger og få dit navn og dine kontaktoplysninger "
              "slettet."),
            _("Du kan til enhver tid trække dit samtykke tilbage. Fra da af nævnes du ikke, og "
              "vi kontakter dig ikke."),
            _("Du kan klage til Datatilsynet (datatilsynet.dk)."),
        ]),
        (_("Hvem du kan spørge"), [
            *ask,
            _("Du kan også kontakte kommunens databeskyttelsesrådgiver."),
        ]),
    ]


def _story(sender: Sender, words: BriefWords, months: int, styles: _Styles) -> list[Flowable]:
    _ = words.gettext
    municipality = clean(sender.municipality).strip()
    title = Paragraph(markup(_("Sådan behandler vi dine oplysninger")), styles.title)
    title.outline_title = _("Sådan behandler vi dine oplysninger")
    lead = (
        _("{municipality} støtter borgernes egne projekter. På møderne noterer kommunens "
          "medarbejder, hvad der bliver foreslået og aftalt, så vi kan følge op.")
        .format(municipality=municipality)
        if municipality
        else _("Kommunen støtter borgernes egne projekter. På møderne noterer kommunens "
               "medarbejder, hvad der bliver foreslået og aftalt, så vi kan følge op.")
    )
    story: list[Flowable] = [title, Paragraph(markup(lead), styles.lead)]
    for heading, texts in _sections(sender, words, months):
        part: list[Flowable] = [Paragraph(markup(heading), styles.heading)]
        part += [Paragraph(markup(text), styles.bullet, bulletText="•") for text in texts]
        # A heading never ends a page alone.
        story.append(KeepTogether(part))
    story.append(Spacer(1, 8))
    return story


def build_privacy_notice(
    settings: Sender,
    language: str = "da",
    retention_months: int = 12,
    made_on: date | None = None,
    invariant: bool = False,
) -> bytes:
    """The privacy notice as PDF bytes, in Danish ("da") or English ("en")."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported notice language: {language!r}")
    words = BriefWords(language)
    _ = words.gettext
    contact = _sender_parts(settings)
    head = PageHead(
        municipality=clean(settings.municipality).strip(),
        project_line=_("Borgerdrevne møder · Privatlivserklæring"),
        when_where=(
            _("Spørgsmål: {who}").format(who=", ".join(contact)) if contact
            else _("Spørgsmål: kommunens medarbejder på mødet")
        ),
        logo=settings.logo_png,
        prepared=_("Udarbejdet {date}").format(date=words.date(made_on or date.today())),
        page_label=_("Side {page} af {total}"),
    )
    output = io.BytesIO()
    doc = BriefDocTemplate(
        output,
        head,
        title=_("Sådan behandler vi dine oplysninger"),
        author=clean(settings.official_name) or clean(settings.municipality),
        subject=_("Privatlivserklæring"),
        lang=language,
        invariant=1 if invariant else 0,
    )
    story = _story(settings, words, retention_months, _styles())
    doc.build(story, canvasmaker=doc.canvasmaker())
    return output.getvalue()
