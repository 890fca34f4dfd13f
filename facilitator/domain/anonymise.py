"""Hiding personal data in any text that leaves the app: names without consent, and contacts.

Names are matched the way people actually write them: in any case, with or
without diacritics ("Sukru" for "Şükrü", "Lukasz" for "Łukasz"), in another
script ("Олена Коваленко" for "Olena Kovalenko" and back, Greek, ...: both
sides are transliterated to Latin letters with `anyascii`), across line breaks,
hyphens and the dots of a user name, with invisible characters (soft hyphen,
zero-width space) inside, with a possessive ("Anna Holms", "Jens'"), with a
case ending ("Wiśniewskiego", "Nowakowi", "Олени"), and also by a single part
of the name written with a capital ("Bødker siger ja"). A full name counts in
any case ("olena kovalenko sagde"); a lone part only with a capital, so the
ordinary word a first name may also be stays.

E-mail addresses, phone numbers and CPR numbers (`contact_details`) are hidden
always, whoever they belong to. Hiding a word too many is the safe mistake;
leaking a name is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from anyascii import anyascii

from facilitator.domain.contact_details import contact_spans, email_spans

# Neutral on purpose: the brief prints it as it is, in any language.
REDACTED = "[…]"

# A Danish possessive adds "s" ("Anna Holms forslag"), or an apostrophe after
# a name ending in s ("Jens' forslag"); both would otherwise leak the name.
_POSSESSIVE = r"(?:'s|s'|s|')?"

# Characters that do not show but can sit inside a name and break a match.
_INVISIBLE = {0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}

# Letters transliterated otherwise than `anyascii` does, as names are written in
# Latin letters: the soft and hard signs are left out ("Ольга" is "Olha" in a
# passport, not "Ol'ga"), and Greek "ου" is "ou" ("Παπαδόπουλος", "Papadopoulos").
_OWN = {"ь": "", "ъ": "", "Ь": "", "Ъ": "", "υ": "u", "ύ": "u", "ϋ": "u", "ΰ": "u", "Υ": "u",
        "Ύ": "u", "Ϋ": "u", "’": "'", "‘": "'"}

# Letters that transliterations of one name disagree on are made one: y/i/j
# ("Andrii", "Andriy", "Андрій"), g/h ("Olha", "Olga", "Hryhorii", "Grigoriy"),
# w/v ("Kowalska", "Ковальська").
_SPELLING = str.maketrans("yjgw", "iihv")

# A part of a name alone is hidden from this length; a short part ("Ib") alone
# would hide too much ordinary text. Parts of 4+ letters may carry a case
# ending (Polish "Nowaka", Russian "Ивана"); parts of 5+ letters a longer one
# ("Nowakowi", "Wiśniewskiego"). A part ending in a vowel may lose it before
# the ending ("Kowalska" → "Kowalskiej", "Олена" → "Олени").
_MIN_PART = 3
_ENDING_FROM = 4
_LONG_ENDING_FROM = 5
_VOWELS = "aeiou"
# What Slavic case endings are made of, as folded here ("ego" → "eho", "ów" → "ov").
_ENDING = r"(?:[aeiouhmv]|ch|kh)"
# Between the parts of a full name: spaces, line breaks, hyphens, a user name's dot or underscore.
_BETWEEN = r"[\s\-._]*"


def nfc(text: str) -> str:
    """The text in composed form (NFC), so "e\u0301" and "é" are the same letter."""
    return unicodedata.normalize("NFC", text)


class _FoldTable(dict[int, str]):
    """What each character becomes for matching (lower-case Latin), worked out once per character."""

    def __init__(self) -> None:
        super().__init__()
        # Characters that do not become exactly one character (æ → ae, soft hyphen → nothing).
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _fold_char(char)
        self[code] = folded
        if len(folded) != 1:
            self.irregular.add(char)
        return folded


def _fold_char(char: str) -> str:
    if ord(char) in _INVISIBLE:
        return ""
    if char in _OWN:
        return _OWN[char]
    category = unicodedata.category(char)
    if category[0] in "SC":
        # Symbols (an emoji's transliteration is a word: ":rose:") and controls stay.
        return char.casefold()
    latin = anyascii(char) or char
    return latin.casefold().translate(_SPELLING)


_FOLD = _FoldTable()


def _fold(text: str) -> str:
    """The text as names are matched in it: lower-case Latin letters, one spelling."""
    return text.translate(_FOLD)


def _origin(text: str) -> list[int] | None:
    """For each character of `_fold(text)`, the index of the character it came from.

    None when each character folds to exactly one (the index is the same), as
    in most texts; worked out only for a text with a match.
    """
    if _FOLD.irregular.isdisjoint(text):
        return None
    return [index for index, char in enumerate(text) for _piece in _FOLD[ord(char)]]


def _parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s\-]+", _fold(nfc(name))) if p]


def addresses_naming(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """The e-mail addresses in `text` that hold a part of one of `names` (3+ letters), in any form.

    "kovalenko.o@gmail.com" or "olenak@x.dk" name Olena Kovalenko even though no
    whole name is written: erasing her must take the whole address.
    """
    parts = {p for name in names for p in _parts(name) if len(p) >= _MIN_PART}
    return [
        (start, end) for start, end in email_spans(text)
        if any(part in _fold(text[start:end]) for part in parts)
    ]


def _key(name: str) -> str:
    return " ".join(_parts(name))


def _inflected(part: str) -> str:
    """A pattern for one part of a name with the endings it may carry."""
    word = re.escape(part)
    if len(part) < _ENDING_FROM:
        return word
    longest = 3 if len(part) >= _LONG_ENDING_FROM else 2
    forms = [rf"{word}(?:\w{{1,2}}|{_ENDING}{{1,{longest}}})?"]
    if part[-1] in _VOWELS:
        forms.append(rf"{re.escape(part[:-1])}{_ENDING}{{1,{longest}}}")
    return "(?:" + "|".join(forms) + ")"


def _full(name: str) -> str:
    body = _BETWEEN.join(_inflected(part) for part in _parts(name))
    # A lookahead instead of \b: a name may end with a non-word character ("Jr.").
    return rf"{body}{_POSSESSIVE}(?!\w)"


def _part(part: str) -> str:
    return rf"{_inflected(part)}{_POSSESSIVE}(?!\w)"


def _combined(patterns: list[str], first: set[str]) -> re.Pattern[str]:
    """One pattern, each alternative its own group, tried only where a name can start.

    Every name starts at the start of a word with one of a few letters: testing
    that first, once, spares trying every name at every character.
    """
    starts = "".join(sorted(re.escape(c) for c in first))
    alternatives = "|".join(f"(?P<n{i}>{pattern})" for i, pattern in enumerate(patterns))
    return re.compile(rf"(?<!\w)(?=[{starts}])(?:{alternatives})")


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one (an address that holds a name is one span)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class Redactor:
    """Replaces hidden names, e-mail addresses, phone and CPR numbers by REDACTED.

    The one redactor for everything that leaves the app. Consented names are
    left alone. One combined pattern, longest first, so a consented "Anna Holm
    Jensen" is kept whole even when a non-consenting "Anna Holm" is hidden, and
    a name that belongs to both a consenting and a non-consenting person is
    hidden (privacy wins). `keep_words` (e.g. the project's village names) are
    never hidden as a lone part of a name. Contact details are hidden even with
    no one on record; `contact_details=False` finds names only (erasure uses it
    to find one person's mentions).
    """

    def __init__(
        self,
        hidden: Iterable[str],
        shown: Iterable[str] = (),
        keep_words: Iterable[str] = (),
        *,
        contact_details: bool = True,
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
        self._contact_details = contact_details
        self._regex: re.Pattern[str] | None = None
        if hidden_keys:
            first = {k[0] for k in (*hidden_keys, *shown_keys, *parts)}
            self._regex = _combined([pattern for _l, pattern, _h, _a in entries], first)

    def _name_spans(self, text: str) -> list[tuple[int, int]]:
        if self._regex is None:
            return []
        spans: list[tuple[int, int]] = []
        origin: list[int] | None = None
        for match in self._regex.finditer(_fold(text)):
            hide, alone = self._meaning[match.lastgroup or ""]
            if not hide:
                continue
            if origin is None:
                origin = _origin(text) or list(range(len(text)))
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            # A lone part of a name counts only when written as a name: not in lower case
            # (a capital, or a script without case).
            if not alone or not text[start].islower():
                spans.append((start, end))
        return spans

    def __call__(self, text: str) -> str:
        """`text` in NFC with every hidden name and every contact detail replaced."""
        text = nfc(text)
        if not text:
            return text
        spans = self._name_spans(text)
        if self._contact_details:
            spans += contact_spans(text)
        if not spans:
            return text
        pieces: list[str] = []
        done = 0
        for start, end in _merged(spans):
            pieces += [text[done:start], REDACTED]
            done = end
        pieces.append(text[done:])
        return "".join(pieces)
