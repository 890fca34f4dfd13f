"""The brief's typeface: DejaVu Sans from resources/fonts, registered once per process,
with Noto Emoji (monochrome) as the fallback for emoji and symbols DejaVu lacks.

reportlab's built-in Helvetica covers Latin-1 only ("Łukasz", "Nguyễn", "Şükrü",
Cyrillic come out as boxes), so every style, table and chart label uses these
embedded TrueType fonts instead; registerFontFamily makes <b> and <i> pick the
right face. reportlab has no font fallback of its own: glyphs.py wraps each run
of characters DejaVu lacks in the emoji font, by the fonts' own character maps.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.paths import resource

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
EMOJI_FONT = "NotoEmoji"

_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    EMOJI_FONT: "NotoEmoji-Regular.ttf",
}

# Briefs are built off the GUI thread; two first builds at once must not register twice.
_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the four DejaVu Sans faces, the emoji font and their families (idempotent);
    return the regular name."""
    global _registered
    with _lock:
        if not _registered:
            for name, file in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
            pdfmetrics.registerFontFamily(
                FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
            )
            # One face: an emoji inside <b> or <i> stays in the emoji font.
            pdfmetrics.registerFontFamily(EMOJI_FONT, normal=EMOJI_FONT, bold=EMOJI_FONT,
                                          italic=EMOJI_FONT, boldItalic=EMOJI_FONT)
            _registered = True
    return FONT


def characters(name: str) -> frozenset[int]:
    """The code points a registered font has a glyph for (its TrueType cmap)."""
    register_fonts()
    font = pdfmetrics.getFont(name)
    return frozenset(code for code, glyph in font.face.charToGlyph.items() if glyph)
