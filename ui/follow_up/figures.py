"""The desk's line of per-department answer times: words for `decision_path.department_figures`."""

from __future__ import annotations

from facilitator.domain.decision_path import DepartmentFigures
from facilitator.i18n import _, ngettext
from ui.follow_up.desk_model import days_text


def figures_line(figures: list[DepartmentFigures], department: str | None) -> str:
    """The line above the desk: the chosen department's figures, or for all of them the quickest,
    the slowest and the longest wait (one line on a small screen; the tooltip has them all)."""
    known = [f for f in figures if f.slowest_days is not None or f.median_days_to_answer is not None]
    if not known:
        return _("Ingen ønsker er sendt til en forvaltning endnu.")
    chosen = ([f for f in known if f.department.casefold() == department.casefold()]
              if department else known)
    if len(chosen) <= 1:
        return _("Svartid: {figures}").format(figures=figures_text(chosen)) if chosen else ""
    answered = [f for f in chosen if f.median_days_to_answer is not None]
    parts = [ngettext("{n} forvaltning", "{n} forvaltninger", len(chosen)).format(n=len(chosen))]
    if len(answered) > 1:
        def median(f: DepartmentFigures) -> float:
            return f.median_days_to_answer or 0.0

        quickest, slowest = min(answered, key=median), max(answered, key=median)
        parts.append(_("hurtigst {department} (median {days})").format(
            department=quickest.department, days=days_text(round(median(quickest)))))
        parts.append(_("langsomst {department} (median {days})").format(
            department=slowest.department, days=days_text(round(median(slowest)))))
    longest = max(chosen, key=lambda f: f.slowest_days or 0)
    if longest.slowest_days is not None:
        wait = _("længste ventetid {department}: {days}").format(
            department=longest.department, days=days_text(longest.slowest_days))
        if longest.slowest_still_waiting:
            wait += " " + _("(venter stadig)")
        parts.append(wait)
    return _("Svartider: {figures}").format(figures=" · ".join(parts))


def figures_text(figures: list[DepartmentFigures]) -> str:
    """«Teknik og Miljø: median 12 dage, længste 40 dage · Kultur: intet svar endnu»."""
    parts = []
    # A department nothing has been sent to yet has no figures to show.
    for figure in (f for f in figures if f.slowest_days is not None or f.median_days_to_answer is not None):
        if figure.median_days_to_answer is None:
            speed = _("intet svar endnu")
        else:
            median = figure.median_days_to_answer
            days = (days_text(int(median)) if median.is_integer()
                    else _("{n} dage").format(n=f"{median:.1f}".replace(".", ",")))
            speed = _("median {days}").format(days=days)
        if figure.slowest_days is not None:
            longest = _("længste {days}").format(days=days_text(figure.slowest_days))
            if figure.slowest_still_waiting:
                longest += " " + _("(venter stadig)")
            speed += ", " + longest
        parts.append(f"{figure.department}: {speed}")
    return " · ".join(parts)
