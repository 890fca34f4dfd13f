"""Build the project status brief (projektstatus): StatusData in, PDF/A-2b bytes out.

Layout only, in the meeting brief's design language (its styles, fonts, page
template, tables and PDF/A finish); the data arrives gathered and anonymised
(services/project_status.py), and every string is in the brief's own language.
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.platypus import PageBreak

from facilitator.i18n import LANGUAGES
from facilitator.reports.formatting import BriefWords, clean
from facilitator.reports.pdfa import ArchiveFacts, to_pdfa
from facilitator.reports.status_appendices import StatusAppendices
from facilitator.reports.status_data import StatusData
from facilitator.reports.status_page_one import StatusPageOne
from facilitator.reports.styles import make_styles
from facilitator.reports.template import BriefDocTemplate, PageHead


def status_head(data: StatusData, words: BriefWords, made_on: date) -> PageHead:
    """The header and footer texts of every page, in the brief's language."""
    _ = words.gettext
    project_line = " · ".join(part for part in (clean(data.project_name).strip(),
                                                 _("Projektstatus")) if part)
    if data.since is not None:
        period = _("Siden {date}").format(date=words.date(data.since))
    else:
        period = _("Hele projektet")
    when_where = f"{period} · " + _("status pr. {date}").format(date=words.date(data.today))
    official = ", ".join(part for part in (clean(data.official_name).strip(),
                                           clean(data.official_department).strip()) if part)
    if official:
        prepared = _("Udarbejdet {date} af {official}").format(
            date=words.date(made_on), official=official)
    else:
        prepared = _("Udarbejdet {date}").format(date=words.date(made_on))
    return PageHead(municipality=clean(data.municipality).strip(), project_line=project_line,
                    when_where=when_where, logo=data.logo_png, prepared=prepared,
                    page_label=_("Side {page} af {total}"))


def render_status_brief(data: StatusData, language: str | None = None,
                        made_on: date | None = None, invariant: bool = False) -> bytes:
    """The status brief as reportlab writes it, before it is made PDF/A."""
    language = language or data.language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported brief language: {language!r}")
    words = BriefWords(language)
    _ = words.gettext
    styles = make_styles()
    output = io.BytesIO()
    doc = BriefDocTemplate(
        output,
        status_head(data, words, made_on or data.today),
        title=_("Projektstatus: {project}").format(project=clean(data.project_name)),
        author=clean(data.official_name) or clean(data.municipality),
        subject=clean(data.project_name),
        lang=language,
        invariant=1 if invariant else 0,
    )
    story = StatusPageOne(data, words, styles).flowables()
    story.append(PageBreak())
    story.extend(StatusAppendices(data, words, styles).flowables())
    doc.build(story, canvasmaker=doc.canvasmaker())
    return output.getvalue()


def build_status_brief(data: StatusData, language: str | None = None,
                       made_on: date | None = None, invariant: bool = False) -> bytes:
    """The status brief as PDF/A-2b bytes: page 1 for the councillors, then the appendices."""
    language = language or data.language
    pdf = render_status_brief(data, language, made_on, invariant)
    return to_pdfa(pdf, ArchiveFacts(language=language), invariant=invariant)
