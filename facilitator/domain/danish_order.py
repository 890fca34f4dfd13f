"""Danish alphabetical order without ICU: Æ, Ø and Å after Z, case and accents second.

Python's `sorted` puts "Æblelund" before "abe" (upper case first) and "Åen" before
"ære" (code points). Danish readers expect a…z, then æ, ø, å; the German ä and ö
sort with æ and ø, as Danish dictionaries do; other accents (é, ü) sort as their
letter. "Aa" is left as two letters: in a theme it is seldom the old spelling of å.
"""

from __future__ import annotations

import unicodedata

# After "z" (U+007A) in the primary key; any private mark above it would do.
_LAST_LETTERS = {"æ": "{0", "ä": "{0", "ø": "{1", "ö": "{1", "å": "{2"}


def _primary(text: str) -> str:
    letters = []
    for char in unicodedata.normalize("NFC", text).casefold():
        if char in _LAST_LETTERS:
            letters.append(_LAST_LETTERS[char])
            continue
        # é → e, ü → u: the base letter decides, the accent only breaks a tie.
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        letters.append(base)
    return "".join(letters)


def danish_key(text: str) -> tuple[str, str, str]:
    """Sort key: letters in Danish order, then accents, then lower case before upper."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return _primary(text), folded, text.swapcase()
