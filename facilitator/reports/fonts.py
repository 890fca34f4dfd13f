"""The brief's one typeface: DejaVu Sans from resources/fonts, registered once per process.

reportlab's built-in Helvetica covers Latin-1 only ("Łukasz", "Nguyễn", "Şükrü",
Cyrillic come out as boxes), so every style, table and chart label uses these
embedded TrueType fonts instead; registerFontFamily makes <b> and <i> pick the
right face.
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

_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

# Briefs are built off the GUI thread; two first builds at once must not register twice.
_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the four DejaVu Sans faces and their family (idempotent); return the regular name."""
    global _registered
    with _lock:
        if not _registered:
            for name, file in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
            pdfmetrics.registerFontFamily(
                FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
            )
            _registered = True
    return FONT
