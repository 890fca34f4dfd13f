"""The room view's two themes: calm, high-contrast colours for a projector.

Every text colour passes WCAG AA on its background (the room view's tests
compute the ratios with live_palette.contrast_ratio); the projector washes
colours out, so the secondary text stays well above the minimum.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RoomPalette:
    """Background, text, the quieter secondary text, an accent, and the bars' colour."""

    background: str
    text: str
    secondary: str
    accent: str
    bar: str
    rule: str  # the thin line under the header


LIGHT = RoomPalette("#fbfaf6", "#15201a", "#45514a", "#1f6f43", "#2e7d4f", "#c9d3cc")
DARK = RoomPalette("#121816", "#f3f4ef", "#c3ccc6", "#8fd9ad", "#57b07e", "#3a4741")


def palette_for(dark: bool) -> RoomPalette:
    """The palette of the chosen theme."""
    return DARK if dark else LIGHT
