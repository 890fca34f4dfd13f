"""How the app writes dates, times, durations and amounts: one place for the screens, the
commands and the brief.

Why here and not in reports/formatting.py: that module is the brief's (reportlab markup, a
`BriefWords` object per brief language); these formats are needed as much by the widgets,
the command line and the services' messages. domain/ is the lowest pure-Python layer every
one of them may import (no Qt, no storage), and Babel supplies the CLDR data, so "12.500 kr."
and "3. dec. 2026" are the language's own, not hand-made. `BriefWords` delegates here.

Two families:
- What the official types back into a field is written the way the fields read it, in every
  language: dates DD-MM-ÅÅÅÅ ("03-12-2026"), times HH:MM ("19:00"), amounts with dots
  ("12.500", the form `validation.parse_amount_dkk` takes). Tables show dates the same way,
  so what is seen is what is typed.
- Words for reading: amounts with the currency ("12.500 kr."), durations to the minute
  ("45 min.", "2 t", "1 t 5 min.", the abbreviation with its full stop throughout), written
  dates ("3. december 2026", "3. dec. 2026") — in the app's language unless one is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from facilitator import i18n

# Babel is imported where it is used: start-up (and `--version`) never needs its data.

# The Babel locale per language: British English writes "3 March 2026".
BABEL_LOCALES = {"da": "da", "en": "en_GB"}
# Amounts: no øre, and the currency where each language puts it.
AMOUNT_PATTERNS = {"da": "#,##0 ¤", "en": "¤ #,##0"}
NO_VALUE = "–"

ENTRY_DATE = "%d-%m-%Y"
CLOCK_TIME = "%H:%M"


@lru_cache(maxsize=8)
def _catalogue(language: str) -> Callable[[str], str]:
    return i18n.translation_for(language).gettext


def _language(language: str | None) -> str:
    return language or i18n.current_language()


def _words(language: str | None) -> Callable[[str], str]:
    # The app's own language follows set_language(); another one is looked up once.
    return i18n._ if language is None else _catalogue(language)


# ----- what a field reads back ---------------------------------------------------------


def entry_date(day: dt.date | None) -> str:
    """A date as the fields take it: "03-12-2026" ("" when there is none)."""
    return "" if day is None else day.strftime(ENTRY_DATE)


def clock_time(moment: dt.datetime | dt.time) -> str:
    """A time of day: "19:00"."""
    return moment.strftime(CLOCK_TIME)


def date_time(moment: dt.datetime) -> str:
    """A date and time as the official writes a meeting's: "03-12-2026 19:00"."""
    return f"{entry_date(moment.date())} {clock_time(moment)}"


def local_date_time(moment: dt.datetime | None) -> str:
    """A stored (UTC) moment in this computer's time: "03-12-2026 19:00"; "–" when unknown."""
    return date_time(moment.astimezone()) if moment is not None else NO_VALUE


def entry_amount(dkk: int | None) -> str:
    """An amount as the amount field takes it: "12.500" ("" when there is none)."""
    from babel.numbers import format_decimal

    return "" if dkk is None else format_decimal(dkk, locale="da")


# ----- words for reading ---------------------------------------------------------------


def number(value: int, language: str | None = None) -> str:
    """A whole number with the language's digit grouping: "12.500" / "12,500"."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=BABEL_LOCALES[_language(language)])


def amount_dkk(dkk: int | None, language: str | None = None, empty: str = "") -> str:
    """An amount in kroner: "12.500 kr." / "DKK 12,500"; `empty` when there is none."""
    from babel.numbers import format_currency

    if dkk is None:
        return empty
    chosen = _language(language)
    return format_currency(
        dkk, "DKK", format=AMOUNT_PATTERNS[chosen], locale=BABEL_LOCALES[chosen],
        currency_digits=False,
    )


def long_date(day: dt.date, language: str | None = None) -> str:
    """A date written out: "3. december 2026" / "3 December 2026"."""
    from babel.dates import format_date

    return format_date(day, "long", locale=BABEL_LOCALES[_language(language)])


def short_date(day: dt.date | None, language: str | None = None) -> str:
    """A compact written date: "3. dec. 2026" / "3 Dec 2026"; "–" when unknown."""
    from babel.dates import format_date

    if day is None:
        return NO_VALUE
    return format_date(day, "medium", locale=BABEL_LOCALES[_language(language)])


def minutes(count: int, language: str | None = None) -> str:
    """A number of minutes: "45 min."."""
    return _words(language)("{minutes} min.").format(minutes=count)


def duration_in_minutes(total_minutes: int, language: str | None = None) -> str:
    """Whole minutes in hours and minutes: "45 min.", "2 t", "1 t 5 min."."""
    _ = _words(language)
    hours, rest = divmod(max(total_minutes, 0), 60)
    if hours and rest:
        return _("{hours} t {minutes} min.").format(hours=hours, minutes=rest)
    if hours:
        return _("{hours} t").format(hours=hours)
    return minutes(rest, language)


def duration(seconds: float, language: str | None = None) -> str:
    """A duration to the nearest minute: "0 min.", "45 min.", "2 t", "1 t 5 min."."""
    return duration_in_minutes(int(round(max(seconds, 0.0) / 60)), language)


def duration_words(seconds: float, language: str | None = None) -> str:
    """A duration as a person says it: "45 sek." under a minute, else to the whole minute."""
    total = int(round(max(seconds, 0.0)))
    if total < 60:
        return _words(language)("{seconds} sek.").format(seconds=total)
    # Whole minutes passed, not rounded up: "4 min." until the fifth is full.
    return duration_in_minutes(total // 60, language)


def stopwatch(seconds: float) -> str:
    """A running clock: "M:SS" or "H:MM:SS"; a time past zero gets a leading minus."""
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(int(abs(seconds)), 3600)
    mins, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{mins:02d}:{secs:02d}"
    return f"{sign}{mins}:{secs:02d}"
