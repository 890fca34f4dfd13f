"""Words, dates, amounts, durations and percentages in the brief's own language.

The brief's language is chosen per brief, independent of the app's, so this
never uses the global `facilitator.i18n._`: each `BriefWords` holds the
catalogue of its language. Dates, amounts and durations are the app's one set
of formats (facilitator/domain/formats.py, Babel's CLDR data: "3. marts 2026",
"12.500 kr." in Danish; "3 March 2026", "DKK 12,500" in British English), kept
on one line in the brief's tables with no-break spaces.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Protocol
from xml.sax.saxutils import escape

from babel.dates import format_date, format_time
from babel.lists import format_list
from babel.numbers import format_percent

from facilitator.domain import formats
from facilitator.domain.formats import BABEL_LOCALES
from facilitator.i18n import translation_for
from facilitator.reports.glyphs import fallback_markup

NBSP = "\u00a0"

# C0 control characters other than tab and newline would end up as boxes or break the parser.
_CONTROL = {c: None for c in range(32) if c not in (9, 10)}


def clean(text: str) -> str:
    """User text normalised to NFC (decomposed accents render misplaced) without control characters."""
    return unicodedata.normalize("NFC", text).translate(_CONTROL)


def markup(text: str) -> str:
    """User text made safe for a reportlab Paragraph: `<`, `&`, `<b>` print literally; newlines
    break; emoji are set in the emoji font and a character no font has gets a stand-in."""
    escaped = escape(clean(text)).replace("\r\n", "\n").replace("\n", "<br/>").replace("\t", " ")
    return fallback_markup(escaped)


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters at a word boundary, with an ellipsis when cut."""
    text = " ".join(clean(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.;:–-") + "…"


class Named(Protocol):
    """An enum member with an untranslated (Danish) name, like `Role.CITIZEN`."""

    @property
    def msgid(self) -> str:
        """The Danish source string of its name."""


class BriefWords:
    """The catalogue and the number and date formats of one brief language ("da" or "en")."""

    def __init__(self, language: str) -> None:
        if language not in BABEL_LOCALES:
            raise ValueError(f"unsupported brief language: {language!r}")
        self.language = language
        self.locale = BABEL_LOCALES[language]
        self._translation = translation_for(language)

    def gettext(self, message: str) -> str:
        """Translate a Danish source string into the brief's language."""
        return self._translation.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate a Danish source string that depends on a count."""
        return self._translation.ngettext(singular, plural, n)

    def label(self, member: Named) -> str:
        """An enum member's name (its `.msgid`) in the brief's language."""
        return self.gettext(member.msgid)

    def date(self, day: dt.date) -> str:
        """A date written out: "3. marts 2026" / "3 March 2026"."""
        return formats.long_date(day, self.language)

    def short_date(self, day: dt.date | None) -> str:
        """A compact date for table cells ("3. mar. 2026" / "3 Mar 2026"); a dash when unknown."""
        return formats.short_date(day, self.language)

    def weekday_date_time(self, moment: dt.datetime) -> str:
        """When a meeting took place: "tirsdag 3. marts 2026 kl. 19.00" / "Tuesday 3 March 2026, 19:00"."""
        _ = self.gettext
        return _("{weekday} {date} kl. {time}").format(
            weekday=format_date(moment, "EEEE", locale=self.locale),
            date=self.date(moment.date()),
            time=format_time(moment, "short", locale=self.locale),
        )

    def number(self, value: int) -> str:
        """A whole number with the language's digit grouping ("12.500" / "12,500")."""
        return formats.number(value, self.language)

    def amount(self, dkk: int | None) -> str:
        """An amount in kroner: "12.500 kr." / "DKK 12,500"; a dash when there is none."""
        text = formats.amount_dkk(dkk, self.language, empty="–")
        # One unbreakable unit: a table cell must never split "DKK 180,000" or "12.500 kr.".
        return text.replace(" ", "\u00a0")

    def percent(self, share: float) -> str:
        """A share 0.0–1.0 as a whole percentage: "62 %" / "62%"."""
        return format_percent(share, format="#,##0\u00a0%" if self.language == "da" else "#,##0%",
                              locale=self.locale)

    def duration(self, seconds: float) -> str:
        """A duration to the minute: "1 t 5 min." / "1 h 5 min"; "0 min." for nothing."""
        # Keep a duration on one line: a number never parts from its unit.
        return formats.duration(seconds, self.language).replace(" ", NBSP)

    def wait(self, seconds: float) -> str:
        """A short wait to the second: "45 sek." / "1 min. 5 sek." (English "45 s", "1 min 5 s")."""
        _ = self.gettext
        minutes, rest = divmod(int(round(max(seconds, 0.0))), 60)
        if minutes and rest:
            text = _("{minutes} min. {seconds} sek.").format(minutes=minutes, seconds=rest)
        elif minutes:
            text = _("{minutes} min.").format(minutes=minutes)
        else:
            text = _("{seconds} sek.").format(seconds=rest)
        return text.replace(" ", NBSP)

    def and_list(self, items: list[str]) -> str:
        """"A, B og C" / "A, B and C"."""
        return format_list(items, locale=self.locale)

    def difference(self, seconds: float) -> str:
        """A signed difference in minutes: "+4 min." / "−3 min." / "±0 min."."""
        minutes = int(round(seconds / 60))
        sign = "+" if minutes > 0 else "−" if minutes < 0 else "±"
        return sign + self.duration(abs(minutes) * 60)

    def n_of_m(self, n: int, m: int) -> str:
        """A count out of a total: "3 af 4" / "3 of 4"."""
        _ = self.gettext
        return _("{n} af {m}").format(n=n, m=m)
