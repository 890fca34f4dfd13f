"""Build the brief for the political leadership (politisk orientering): BriefData in, PDF bytes out.

Layout only: the data arrives gathered and anonymised (see brief_data.py), and
every string is taken from the brief's own language, not the app's.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.platypus import PageBreak

from facilitator.i18n import LANGUAGES
from facilitator.reports.appendices import Appendices
from facilitator.reports.brief_data import BriefData
from facilitator.reports.first_page import FirstPage
from facilitator.reports.formatting import BriefWords, clean
from facilitator.reports.pdfa import ArchiveFacts, to_pdfa
from facilitator.reports.styles import make_styles
from facilitator.reports.template import BriefDocTemplate, PageHead


def page_head(data: BriefData, words: BriefWords, made_on: date) -> PageHead:
    """The header and footer texts of every page, in the brief's language."""
    _ = words.gettext
    project_line = " · ".join(part for part in (clean(data.project_name).strip(),
                                                 clean(data.meeting_title).strip()) if part)
    when = words.weekday_date_time(data.scheduled_at)
    when = when[:1].upper() + when[1:]
    when_where = f"{when} · {clean(data.venue).strip()}" if data.venue.strip() else when
    official = ", ".join(part for part in (clean(data.official_name).strip(),
                                           clean(data.official_department).strip()) if part)
    if official:
        prepared = _("Udarbejdet {date} af {official}").format(
            date=words.date(made_on), official=official)
    else:
        prepared = _("Udarbejdet {date}").format(date=words.date(made_on))
    return PageHead(
        municipality=clean(data.municipality).strip(),
        project_line=project_line,
        when_where=when_where,
        logo=data.logo_png,
        prepared=prepared,
        page_label=_("Side {page} af {total}"),
    )


def build_brief(
    data: BriefData, language: str = "da", made_on: date | None = None, invariant: bool = False
) -> bytes:
    """The brief as PDF/A-2b bytes: page 1 for the councillor, then the appendices.

    `made_on` is printed in the footer (today when not given); `invariant` makes
    the same input give the same bytes (for tests).
    """
    pdf = render_brief(data, language, made_on, invariant)
    return to_pdfa(pdf, ArchiveFacts(language=language), invariant=invariant)


def render_brief(
    data: BriefData, language: str = "da", made_on: date | None = None, invariant: bool = False
) -> bytes:
    """The brief as reportlab writes it, before it is made PDF/A (see `build_brief`)."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported brief language: {language!r}")
    words = BriefWords(language)
    _ = words.gettext
    styles = make_styles()
    head = page_head(data, words, made_on or date.today())
    output = io.BytesIO()
    doc = BriefDocTemplate(
        output,
        head,
        title=_("Politisk orientering: {meeting}").format(meeting=clean(data.meeting_title)),
        author=clean(data.official_name) or clean(data.municipality),
        subject=" · ".join(part for part in (clean(data.project_name), words.date(
            data.scheduled_at.date()), clean(data.venue)) if part.strip()),
        lang=language,
        invariant=1 if invariant else 0,
    )
    story = FirstPage(data, words, styles).flowables()
    story.append(PageBreak())
    story.extend(Appendices(data, words, styles).flowables())
    doc.build(story, canvasmaker=doc.canvasmaker())
    return output.getvalue()
