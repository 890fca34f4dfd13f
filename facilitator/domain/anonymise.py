"""Hiding the names of people who did not consent, in any text that leaves the app."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Neutral on purpose: the brief prints it as it is, in any language.
REDACTED = "[…]"

# A Danish possessive adds "s" ("Anna Holms forslag"), or an apostrophe after
# a name ending in s ("Jens' forslag"); both would otherwise leak the name.
_POSSESSIVE = r"(?:['’]s|s|['’])?"


def nfc(text: str) -> str:
    """The text in composed form (NFC), so "e\u0301" and "é" are the same letter."""
    return unicodedata.normalize("NFC", text)


def _key(name: str) -> str:
    return " ".join(nfc(name).split()).casefold()


def _pattern(name: str) -> str:
    parts = nfc(name).split()
    # Any run of whitespace between the parts, even a line break in a note.
    body = r"\s+".join(re.escape(part) for part in parts)
    # Lookarounds instead of \b: a name may start or end with a non-word
    # character ("Jr.") where \b would not match.
    return rf"(?<!\w){body}{_POSSESSIVE}(?!\w)"


class Redactor:
    """Replaces hidden names by REDACTED and leaves consented names alone.

    One combined pattern, longest names first, so a consented "Anna Holm
    Jensen" is kept whole even when a non-consenting "Anna Holm" is hidden,
    and a name that belongs to both a consenting and a non-consenting person
    is hidden (privacy wins).
    """

    def __init__(self, hidden: Iterable[str], shown: Iterable[str] = ()) -> None:
        hidden_keys = {_key(n): n for n in hidden if _key(n)}
        shown_keys = {_key(n): n for n in shown if _key(n) and _key(n) not in hidden_keys}
        names = [(k, n, True) for k, n in hidden_keys.items()]
        names += [(k, n, False) for k, n in shown_keys.items()]
        names.sort(key=lambda item: (-len(item[0]), item[0]))
        self._hide = {f"n{i}": hide for i, (_k, _n, hide) in enumerate(names)}
        self._regex: re.Pattern[str] | None = None
        if any(hide for _k, _n, hide in names):
            alternatives = "|".join(
                f"(?P<n{i}>{_pattern(name)})" for i, (_k, name, _h) in enumerate(names)
            )
            self._regex = re.compile(alternatives, re.IGNORECASE)

    def __call__(self, text: str) -> str:
        """`text` in NFC with every hidden name replaced."""
        text = nfc(text)
        if self._regex is None or not text:
            return text
        return self._regex.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        return REDACTED if self._hide.get(match.lastgroup or "", True) else match.group(0)
