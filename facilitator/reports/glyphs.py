"""Every character of the brief drawn from a font that has it: DejaVu Sans, else Noto Emoji,
else a readable stand-in — never the empty box of a missing glyph (.notdef).

reportlab draws each character from the one font it is given and has no fallback
and no text shaping. So the text is cut into runs by the fonts' character maps:
runs DejaVu lacks go in the emoji font (`<font name=…>` in a paragraph, a font
switch on the canvas). What only shaping could join is drawn as its parts: a
family (ZWJ sequence) as its people, a flag as its two letters. The invisible
characters that would steer shaping (variation selectors, the zero-width joiner,
tag characters, the keycap mark) and a skin tone after an emoji (drawn alone it
is a shaded square) are left out. Any other character neither font has is
written as its Unicode name in brackets, e.g. "[CJK UNIFIED IDEOGRAPH-6F22]", or, having
no name (unassigned, private use), as the replacement character "�".
"""

from __future__ import annotations

import threading
import unicodedata
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from facilitator.reports.fonts import EMOJI_FONT, FONT, FONT_BOLD, characters

ZWJ = 0x200D
KEYCAP = 0x20E3
VS16 = 0xFE0F  # "show the character before as an emoji"
SKIN_TONES = range(0x1F3FB, 0x1F400)
REPLACEMENT = "\ufffd"  # in DejaVu Sans
_LEFT_OUT = {ZWJ, KEYCAP, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0),
             *range(0xE0020, 0xE0080)}

_lock = threading.Lock()
_maps: tuple[frozenset[int], frozenset[int]] | None = None


def _coverage() -> tuple[frozenset[int], frozenset[int]]:
    """(what DejaVu draws in both regular and bold — user text is printed in both —,
    what Noto Emoji draws)."""
    global _maps
    with _lock:
        if _maps is None:
            _maps = (characters(FONT) & characters(FONT_BOLD), characters(EMOJI_FONT))
        return _maps


def stand_in(char: str) -> str:
    """What is printed for a character neither font has: its Unicode name in brackets (else
    "�"), nothing for an invisible format character, a space for an unusual space."""
    category = unicodedata.category(char)
    if category == "Cf":
        return ""
    if category == "Zs":
        return " "
    name = unicodedata.name(char, "")
    # Unassigned and private-use code points have no name: the replacement character (�).
    return f"[{name}]" if name else REPLACEMENT


def runs(text: str) -> list[tuple[str, bool]]:
    """`text` as (piece, in the emoji font?) runs, every character printable by its run's font."""
    main, emoji = _coverage()
    pieces: list[tuple[str, bool]] = []
    previous_emoji = False
    for index, char in enumerate(text):
        code = ord(char)
        if code in _LEFT_OUT or (code in SKIN_TONES and previous_emoji):
            continue
        wants_emoji = index + 1 < len(text) and ord(text[index + 1]) == VS16
        if code in emoji and (code not in main or wants_emoji):
            piece, in_emoji = char, True
        elif code in main or char in "\t\n\r":
            piece, in_emoji = char, False
        else:
            piece, in_emoji = stand_in(char), False
        previous_emoji = in_emoji
        if not piece:
            continue
        if pieces and pieces[-1][1] == in_emoji:
            pieces[-1] = (pieces[-1][0] + piece, in_emoji)
        else:
            pieces.append((piece, in_emoji))
    return pieces


def printable(text: str) -> str:
    """`text` with stand-ins for what no font draws (the characters of each run, joined)."""
    return "".join(piece for piece, _emoji in runs(text))


def fallback_markup(paragraph_markup: str) -> str:
    """Paragraph markup (already escaped) with each emoji run wrapped in the emoji font."""
    return "".join(f'<font name="{EMOJI_FONT}">{piece}</font>' if in_emoji else piece
                   for piece, in_emoji in runs(paragraph_markup))


def string_width(text: str, font: str, size: float) -> float:
    """The width of `text` on one line, each run measured in the font it is drawn in."""
    return float(sum(stringWidth(piece, EMOJI_FONT if in_emoji else font, size)
                     for piece, in_emoji in runs(text)))


def draw_string(canv: Any, x: float, y: float, text: str, font: str, size: float,
                right: bool = False) -> None:
    """Draw `text` on a canvas from (x, y) — or ending at x when `right` — run by run."""
    if right:
        x -= string_width(text, font, size)
    for piece, in_emoji in runs(text):
        face = EMOJI_FONT if in_emoji else font
        canv.setFont(face, size)
        canv.drawString(x, y, piece)
        x += stringWidth(piece, face, size)
    canv.setFont(font, size)
