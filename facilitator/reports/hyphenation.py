"""Long words in narrow columns: broken with a hyphen by Danish rules, never bare.

A table column 19 mm wide cannot hold "Multifunktionshusbestyrelsen". reportlab
then cuts the word wherever the line ends, without a hyphen. A `CellParagraph`
checks, each time it is laid out, whether any of its words is wider than its
column; only then does it hyphenate, at the points Danish hyphenation (pyphen's
da_DK patterns) allows. Words that fit are kept whole, so ordinary text wraps
exactly as before. A word too long even for its syllables (no break point fits
the column) is broken between two letters, still with a hyphen. Left to reportlab's
bare cut: a run of more than 60 letters (no word is that long) and a "word" with
digits or symbols in it (reportlab hyphenates letters only).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pyphen
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from facilitator.reports.glyphs import string_width

LANGUAGE = "da_DK"
MIN_PIECE = 2  # letters a forced break leaves on either side
# Longer than any Danish compound ("Arbejdsmarkedsuddannelsescentrenes" is 34 letters): such a
# string is cut where the line ends, as reportlab does; hyphenating it syllable by syllable
# would measure it again for every line, quadratic in its length.
LONGEST_WORD = 60
_WORD = re.compile(r"[^ \t\r\n]+")  # no-break spaces keep a figure and its unit one word

_lock = threading.Lock()
_dictionary: pyphen.Pyphen | None = None


def dictionary() -> pyphen.Pyphen:
    """The Danish hyphenation patterns, loaded once."""
    global _dictionary
    with _lock:
        if _dictionary is None:
            _dictionary = pyphen.Pyphen(lang=LANGUAGE)
        return _dictionary


def hyphenator(too_wide: Callable[[str], bool]) -> Callable[[str], Iterator[tuple[str, str]]]:
    """For reportlab: the (head, tail) splits of a word, longest head first — Danish syllable
    points, then for a word wider than its column every split between letters."""

    def pairs(word: str) -> Iterator[tuple[str, str]]:
        if len(word) > LONGEST_WORD:
            return  # a run of letters, not a word: cut where the line ends (O(n), not O(n²))
        syllables = []
        for head, tail in dictionary().iterate(word):
            if tail.startswith("-"):  # at a hyphen the word already has: the hyphen ends the line
                head, tail = head + "-", tail[1:]
            if tail:
                syllables.append((head, tail))
        yield from syllables
        # Between any two letters only when not even the shortest syllable fits the column.
        if too_wide(word) and all(too_wide(head + "-") for head, _tail in syllables):
            for cut in range(len(word) - MIN_PIECE, MIN_PIECE - 1, -1):
                if "-" not in word[cut - 1: cut + 1]:
                    yield word[:cut], word[cut:]

    return pairs


def _pieces(frags: list[Any]) -> Iterator[tuple[str, float, str]]:
    """(font, size, text) of a paragraph's fragments — as parsed, or as words once laid out
    (a word is a list: its width, then (fragment, text) pairs)."""
    for frag in frags:
        if hasattr(frag, "fontName"):
            yield frag.fontName, frag.fontSize, getattr(frag, "text", "")
        elif isinstance(frag, list):
            for item in frag[1:]:
                if isinstance(item, tuple) and len(item) == 2 and hasattr(item[0], "fontName"):
                    yield item[0].fontName, item[0].fontSize, item[1]


class CellParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph that hyphenates (Danish) only when one of its words is wider than its column."""

    style: ParagraphStyle

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Lay out; with hyphenation when a word does not fit on a line of its own."""
        style = self.style
        width = availWidth - style.leftIndent - style.rightIndent - max(style.firstLineIndent, 0)
        pieces = list(_pieces(self.frags))
        fonts = {(font, size) for font, size, _text in pieces}

        def too_wide(word: str) -> bool:
            return any(string_width(word, font, size) > width for font, size in fonts)

        words = [word for _font, _size, text in pieces for word in _WORD.findall(text)]
        if not style.hyphenationLang and any(too_wide(word) for word in words):
            self.style = ParagraphStyle(f"{style.name}-hyphenated", parent=style,
                                        hyphenationLang=hyphenator(too_wide),
                                        hyphenationMinWordLength=MIN_PIECE * 2,
                                        # 2: a long word that cannot be hyphenated at the end of
                                        # a line starts the next one and is hyphenated there
                                        # (also at a hyphen it already has), never cut bare.
                                        embeddedHyphenation=2)
        result: tuple[float, float] = super().wrap(availWidth, availHeight)
        return result
