"""The default citizen-driven agenda."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.i18n import _


@dataclass(frozen=True)
class PhaseTemplate:
    """One agenda item of a template; hold-back None means the meeting's default."""

    title: str
    planned_minutes: int
    hold_back_seconds: int | None = None


def default_template() -> list[PhaseTemplate]:
    """Citizens open, citizens bring ideas, citizens say what they need, then who does what.

    The official has no item of their own: the municipality answers inside the
    "what do you need" item, when the citizens ask.
    """
    return [
        PhaseTemplate(_("Velkomst ved en borgervært"), 10),
        PhaseTemplate(_("Borgernes idérunde"), 40),
        PhaseTemplate(_("Hvad har I brug for fra kommunen?"), 25),
        PhaseTemplate(_("Hvem gør hvad nu?"), 15),
    ]
