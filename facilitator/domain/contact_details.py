"""Finding e-mail addresses, phone numbers and CPR numbers in free text.

Whoever they belong to, they never leave the app: the `Redactor` hides every
span found here, even when no person is on record. The patterns are strict
about what a phone or CPR number looks like, so that what a brief needs stays:
amounts ("25.000 kr.", "kr. 12 500", "12 500 000 kr"), years and periods
("2026", "2025-2026"), dates ("12.05.2026", "2026-05-12"), times ("kl. 19.30"),
postcodes and house numbers ("Strandvejen 12, 8420 Knebel"), percentages.
"""

from __future__ import annotations

import re

# Spaces and dashes people put inside a phone number (also the no-break and thin spaces
# a word processor puts in, and the dashes it turns a hyphen into).
_SPACE = "[ \u00a0\u2009\u202f]"
_DASH = "[-\u2010\u2011\u2012\u2013]"
_SEP = f"(?:{_SPACE}|{_DASH})"

# An address: a local part (letters of any script, digits, . _ % + - '), an @ and a
# domain of dot-separated labels ("søren@bøgely.dk", "a+tag@mail.kommune.dk").
_EMAIL = r"(?<![\w.%+'-])[\w%+'-]+(?:\.[\w%+'-]+)*@(?:[\w-]+\.)+[\w-]*[^\W\d_][\w-]*"

# A number with a country code: "+45 12 34 56 78", "0045 12345678", "(+45) 1234 5678",
# "+48 601 234 567", "+380 44 123 4567", "0049 30 1234567", "+44 (0)20 7946 0958".
_PREFIX = r"(?:\(\s?(?:\+|00)[1-9]\d{0,2}\s?\)|(?:\+|00)[1-9]\d{0,2})"
_GROUP = r"(?:\(\d{1,4}\)|\d{1,6})"
_INTERNATIONAL = (
    rf"(?<![\w+])(?<!\d[.,]){_PREFIX}(?:(?:{_SEP}|[./]){{0,2}}{_GROUP}){{1,8}}(?!\w)"
)

# A Danish number without the country code: eight digits, written together, as
# pairs or as two fours ("12345678", "12 34 56 78", "1234 5678", "12-34-56-78").
# Not starting with 0 ("0045" is a prefix, "01" a day); never with dots, which
# dates ("12.05.2026") and amounts ("1.250.000") use.
_DANISH = (
    rf"[1-9]\d{{7}}|[1-9]\d(?:{_SEP}\d\d){{3}}|[1-9]\d{{3}}{_SEP}\d{{4}}"
)

# CPR: ddmmyy-xxxx or ddmmyyxxxx, with a real day (01-31) and month (01-12).
# The modulus-11 check is not applied: numbers issued since 2007 may fail it.
_CPR = rf"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d(?:{_DASH}|{_SPACE})?\d{{4}}"

# A number is whole: no digit, letter, decimal point or thousands separator
# glued to either end ("123456789", "1.2345678", "12345678,5" are not phones).
_BEFORE = r"(?<![\w+])(?<!\d[.,/])"
_AFTER = r"(?!\w|[.,/]\d)"

_EMAIL_PATTERN = re.compile(_EMAIL)
_NUMBER_PATTERN = re.compile(
    rf"(?P<international>{_INTERNATIONAL})"
    rf"|{_BEFORE}(?:(?P<cpr>{_CPR})|(?P<danish>{_DANISH})){_AFTER}"
)

# Words right before a number that make it an amount or a time, not a phone
# ("kr. 12345678", "kl. 1930-2130") ...
_AMOUNT_OR_TIME_BEFORE = re.compile(r"(?:\bkr\.?|\bdkk|€|\$|\bkl\.?)\s*$", re.IGNORECASE)
# ... and right after it ("12500000 kr", "12345678 %").
_AMOUNT_AFTER = re.compile(
    r"\s*(?:kr\b|kroner\b|dkk\b|,-|%|€|euro\b|mio\b|mia\b)", re.IGNORECASE
)
_PERIOD = re.compile(rf"((?:19|20)\d\d)(?:{_SEP})((?:19|20)\d\d)")
_DIGIT = re.compile(r"\d")
# E.164: at most 15 digits with the country code; fewer than 7 is no phone number.
_MIN_DIGITS, _MAX_DIGITS = 7, 15
# How far back an amount's "kr." or a time's "kl." is looked for.
_LOOK_BACK = 12


def _is_period(number: str) -> bool:
    """Two years written as "2025-2026" or "2025 2026": a period, not a phone number."""
    period = _PERIOD.fullmatch(number)
    return period is not None and period.group(1) <= period.group(2)


def _is_phone(text: str, match: re.Match[str]) -> bool:
    kind = match.lastgroup
    number = match.group()
    if kind == "international":
        digits = len(_DIGIT.findall(number))
        if number.lstrip("( ").startswith("00"):
            digits -= 2
        return _MIN_DIGITS <= digits <= _MAX_DIGITS
    if kind == "danish":
        before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
        if _AMOUNT_OR_TIME_BEFORE.search(before) or _AMOUNT_AFTER.match(text, match.end()):
            return False
        return not _is_period(number)
    return True  # a CPR number


def email_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` holds an e-mail address, as (start, end)."""
    return [m.span() for m in _EMAIL_PATTERN.finditer(text)] if "@" in text else []


def contact_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` holds an e-mail address, a phone number or a CPR number, as (start, end)."""
    spans = []
    # Most texts hold neither an @ nor a digit: two quick looks spare them the patterns.
    if "@" in text:
        spans += [m.span() for m in _EMAIL_PATTERN.finditer(text)]
    if _DIGIT.search(text):
        spans += [m.span() for m in _NUMBER_PATTERN.finditer(text) if _is_phone(text, m)]
    return sorted(spans)
