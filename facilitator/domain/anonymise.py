"""Hiding the names of people who did not consent, in any text that leaves the app.

Names are matched the way people actually write them: in any case, with or
without diacritics ("Sukru" for "Şükrü", "Lukasz" for "Łukasz"), across line
breaks and hyphens, with invisible characters (soft hyphen, zero-width space)
inside, with a possessive ("Anna Holms", "Jens'"), and also by a single part of
the name written with a capital ("Bødker siger ja", "Łukasza" with a case
ending). Hiding a word too many is the safe mistake; leaking a name is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Neutral on purpose: the brief prints it as it is, in any language.
REDACTED = "[…]"

# A Danish possessive adds "s" ("Anna Holms forslag"), or an apostrophe after
# a name ending in s ("Jens' forslag"); both would otherwise leak the name.
_POSSESSIVE = r"(?:'s|s'|s|')?"

# Characters that do not show but can sit inside a name and break a match.
_INVISIBLE = {0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}

# Letters that Unicode does not decompose but people type without their mark.
_PLAIN = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss", "’": "'", "‘": "'"}

# A part of a name alone is hidden from this length; a short part ("Ib") alone
# would hide too much ordinary text. Parts of 4+ letters may carry a case
# ending of up to two letters (Polish "Nowaka", Russian "Ивана").
_MIN_PART = 3
_ENDING_FROM = 4


def nfc(text: str) -> str:
    """The text in composed form (NFC), so "e\u0301" and "é" are the same letter."""
    return unicodedata.normalize("NFC", text)


def _fold_char(char: str) -> str:
    if ord(char) in _INVISIBLE:
        return ""
    lower = char.casefold()
    plain = "".join(_PLAIN.get(c, c) for c in lower)
    decomposed = unicodedata.normalize("NFKD", plain)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each folded character the index of its original character."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = _fold_char(char)
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


def _parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s\-]+", _fold(nfc(name))[0]) if p]


def _key(name: str) -> str:
    return " ".join(_parts(name))


def _full(name: str) -> str:
    body = r"[\s\-]*".join(re.escape(part) for part in _parts(name))
    # Lookarounds instead of \b: a name may start or end with a non-word character ("Jr.").
    return rf"(?<!\w){body}{_POSSESSIVE}(?!\w)"


def _part(part: str) -> str:
    ending = r"\w{0,2}" if len(part) >= _ENDING_FROM else ""
    return rf"(?<!\w){re.escape(part)}{ending}{_POSSESSIVE}(?!\w)"


class Redactor:
    """Replaces hidden names by REDACTED and leaves consented names alone.

    One combined pattern, longest first, so a consented "Anna Holm Jensen" is
    kept whole even when a non-consenting "Anna Holm" is hidden, and a name that
    belongs to both a consenting and a non-consenting person is hidden (privacy
    wins). `keep_words` (e.g. the project's village names) are never hidden as
    a lone part of a name.
    """

    def __init__(
        self, hidden: Iterable[str], shown: Iterable[str] = (), keep_words: Iterable[str] = ()
    ) -> None:
        hidden_keys = {_key(n): n for n in hidden if _key(n)}
        shown_keys = {_key(n): n for n in shown if _key(n) and _key(n) not in hidden_keys}
        keep = {_key(w) for w in keep_words} | set(shown_keys)
        # (sort key, pattern, hide?, part alone?)
        entries: list[tuple[int, str, bool, bool]] = []
        entries += [(len(k), _full(n), True, False) for k, n in hidden_keys.items()]
        entries += [(len(k), _full(n), False, False) for k, n in shown_keys.items()]
        parts = {p for k in hidden_keys for p in k.split() if len(p) >= _MIN_PART and p not in keep}
        entries += [(len(p), _part(p), True, True) for p in sorted(parts)]
        entries.sort(key=lambda e: -e[0])
        self._meaning = {f"n{i}": (hide, alone) for i, (_l, _p, hide, alone) in enumerate(entries)}
        self._regex: re.Pattern[str] | None = None
        if hidden_keys:
            self._regex = re.compile(
                "|".join(f"(?P<n{i}>{pattern})" for i, (_l, pattern, _h, _a) in enumerate(entries))
            )

    def __call__(self, text: str) -> str:
        """`text` in NFC with every hidden name replaced."""
        text = nfc(text)
        if self._regex is None or not text:
            return text
        folded, origin = _fold(text)
        spans: list[tuple[int, int]] = []
        for match in self._regex.finditer(folded):
            hide, alone = self._meaning[match.lastgroup or ""]
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            # A lone part of a name counts only when written as a name: with a capital.
            if hide and (not alone or text[start].isupper()):
                spans.append((start, end))
        for start, end in reversed(spans):
            text = text[:start] + REDACTED + text[end:]
        return text
