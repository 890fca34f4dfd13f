"""The live screen's colours, chosen for a glance from two metres and checked for contrast.

Every pair of text and background here passes WCAG AA (4.5:1 for normal text);
`tests/ui/test_live_legibility.py` computes the ratios. Colour is never the only
signal: each state also has its own words and shape (a ring, a tick, a mark).
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.domain.enums import Role
from facilitator.live_state import Cue


@dataclass(frozen=True)
class Tone:
    """A background wash, its text colour and an accent for borders and rings."""

    background: str
    text: str
    accent: str


# Calm, not alarming: waiting is a soft green (go on, it's going well), a
# nudge a warm sand (a reminder, not a warning), "well done" a clear green.
CUE_TONES = {
    Cue.IDLE: Tone("#f3f5f4", "#1f2a24", "#8a9a91"),
    Cue.WAITING: Tone("#e3f1e8", "#0f3d26", "#2e7d4f"),
    Cue.FLOOR_TAKEN: Tone("#d3ecd9", "#0b3a20", "#1f6f43"),
    Cue.NUDGE: Tone("#fbeed2", "#4a3100", "#b7791f"),
}

SECONDARY_TEXT = "#4a4f4c"  # planned minutes, next item, legends — on white or the idle wash

# The roles' colours (speaker buttons, talk-share strip, timeline), dark enough
# for white text on them.
ROLE_HEX = {
    Role.CITIZEN: "#2e7d4f",
    Role.OFFICIAL: "#a35f00",
    Role.POLITICIAN: "#3a5fa8",
    Role.SILENCE: "#6b6b6b",
}

# White text on the role colours of the speaker buttons and the talk-share strip.
ON_ROLE = "#ffffff"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """Relative luminance of "#rrggbb" (WCAG 2)."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours, 1.0–21.0."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
