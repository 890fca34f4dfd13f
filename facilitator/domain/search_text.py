"""Folding text for search, so "sto" finds "støj", "ae" finds "æ" and "Aarhus" finds "Århus".

The index is kept up to date by SQLite triggers (migration 0006), which fold
with nested `replace()` over `lower()`: plain SQL, so every connection can
write the tables — the eraser's plain `sqlite3` connections to the live file
and to old backups too — without a Python function registered on it. `fold()`
does exactly what those triggers do (a test holds them together); the FTS5
tokenizer (`unicode61 remove_diacritics 2`) then does the rest on both sides:
case of the other letters and the diacritics (é → e, ü → u, a combining accent).
"""

from __future__ import annotations

import re
import unicodedata

# Letters the tokenizer does not fold because Unicode does not count them as a
# letter with a diacritic, in the order they are replaced (after ASCII lower case).
# "aa" → "a" last, so the old spelling "Aalborg", "Ålborg" and a typed "alborg" meet;
# both sides fold alike, so a word that only looks doubled matches itself still.
# Changing this table needs a migration that recreates the triggers.
FOLDS: tuple[tuple[str, str], ...] = (
    ("æ", "ae"), ("Æ", "ae"),
    ("ø", "o"), ("Ø", "o"),
    ("å", "a"), ("Å", "a"),
    ("ä", "ae"), ("Ä", "ae"),
    ("ö", "o"), ("Ö", "o"),
    ("ł", "l"), ("Ł", "l"),
    ("ß", "ss"),
    ("œ", "oe"), ("Œ", "oe"),
    ("đ", "d"), ("Đ", "d"), ("ð", "d"), ("Ð", "d"),
    ("þ", "th"), ("Þ", "th"),
    ("aa", "a"),
)

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# A word as the tokenizer sees one: letters and digits (the underscore separates).
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """The text as the index stores it: what SQLite's `lower()` and the replacements give."""
    folded = text.translate(_ASCII_LOWER)
    for letter, plain in FOLDS:
        folded = folded.replace(letter, plain)
    return folded


def fold_sql(expression: str) -> str:
    """The SQL for `fold(expression)`, for a trigger."""
    sql = f"lower({expression})"
    for letter, plain in FOLDS:
        sql = f"replace({sql}, '{letter}', '{plain}')"
    return sql


def search_words(text: str) -> list[str]:
    """The words of a text, folded all the way as the tokenizer would (case, diacritics)."""
    plain = unicodedata.normalize("NFKD", fold(unicodedata.normalize("NFC", text)))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return [fold(word.casefold()) for word in _WORD.findall(plain)]


def match_query(text: str) -> str:
    """An FTS5 query for what the user typed: every word must be there, the last as a prefix.

    Each word is quoted, so no character the user types (quotes, `*`, `-`,
    `NEAR`, `OR`, parentheses) is read as query syntax. The last word is a
    prefix while it is being typed; after a space it is a whole word. Empty
    when the text holds no word.
    """
    words = search_words(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    if not text[-1:].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


def excerpt(text: str, words: list[str], width: int = 90) -> tuple[str, bool]:
    """About `width` characters of the text around the first word that starts like one of `words`.

    Returns the excerpt and whether a word was found in the text at all.
    """
    flat = " ".join(text.split())
    hit = next((m.start() for m in _WORD.finditer(flat) if _starts_like(m.group(), words)), None)
    if hit is None:
        return (flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"), False
    if len(flat) <= width:
        return flat, True
    start = max(0, min(hit - width // 3, len(flat) - width))
    if start > 0:  # begin at a whole word, never inside one
        space = flat.find(" ", start - 1, hit)
        start = space + 1 if space >= 0 else hit
    end = start + width
    if end < len(flat):  # and end after one
        space = flat.rfind(" ", hit, end + 1)
        end = space if space > hit else end
    piece = flat[start:end].strip()
    return ("…" if start > 0 else "") + piece + ("…" if end < len(flat) else ""), True


def _starts_like(word: str, words: list[str]) -> bool:
    folded = search_words(word)
    return bool(folded) and any(w and folded[0].startswith(w) for w in words)
