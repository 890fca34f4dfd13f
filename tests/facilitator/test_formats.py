"""The app's one set of display formats: Danish by default, English on request, Qt-free."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator import i18n
from facilitator.domain import formats
from facilitator.reports.formatting import BriefWords

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def _danish():
    i18n.set_language("da")
    yield
    i18n.set_language("da")


@pytest.mark.parametrize(("dkk", "shown"), [
    (1250, "1.250 kr."), (12500, "12.500 kr."), (0, "0 kr."), (1_250_000, "1.250.000 kr."),
])
def test_amounts_in_danish(dkk, shown) -> None:
    assert formats.amount_dkk(dkk) == shown


def test_amounts_missing_in_english_and_as_the_field_reads_them() -> None:
    assert formats.amount_dkk(None) == ""
    assert formats.amount_dkk(None, empty="–") == "–"
    assert formats.amount_dkk(1250, "en") == "DKK 1,250"
    # The field's own form stays Danish whatever the language: the parser reads dots.
    i18n.set_language("en")
    assert formats.entry_amount(12500) == "12.500"
    assert formats.entry_amount(None) == ""


def test_dates_written_and_as_typed() -> None:
    day = dt.date(2026, 12, 3)
    assert formats.short_date(day) == "3. dec. 2026"
    assert formats.long_date(day) == "3. december 2026"
    assert formats.short_date(day, "en") == "3 Dec 2026"
    assert formats.short_date(None) == "–"
    assert formats.entry_date(day) == "03-12-2026"
    assert formats.entry_date(None) == ""
    assert formats.date_time(dt.datetime(2026, 3, 3, 19, 5)) == "03-03-2026 19:05"
    assert formats.clock_time(dt.time(8, 0)) == "08:00"


def test_a_stored_moment_is_shown_in_local_time(monkeypatch) -> None:
    moment = dt.datetime(2026, 3, 3, 18, 0, tzinfo=dt.UTC)
    assert formats.local_date_time(moment) == formats.date_time(moment.astimezone())
    assert formats.local_date_time(None) == "–"


@pytest.mark.parametrize(("minutes", "shown"), [
    (0, "0 min."), (45, "45 min."), (60, "1 t"), (65, "1 t 5 min."), (90, "1 t 30 min."),
    (125, "2 t 5 min."),
])
def test_durations_in_minutes(minutes, shown) -> None:
    assert formats.duration_in_minutes(minutes) == shown
    assert formats.duration(minutes * 60) == shown


def test_durations_round_to_the_minute_or_speak_seconds() -> None:
    assert formats.duration(3929) == "1 t 5 min."  # 65 min 29 s
    assert formats.duration(3930) == "1 t 6 min."
    assert formats.duration(-30) == "0 min."
    assert formats.duration_words(45) == "45 sek."
    assert formats.duration_words(299) == "4 min."  # whole minutes passed
    assert formats.duration_words(3600) == "1 t"
    assert formats.duration(3900, "en") == "1 h 5 min"
    assert formats.minutes(45) == "45 min."


def test_the_app_language_decides_when_none_is_given() -> None:
    i18n.set_language("en")
    assert formats.duration(3900) == "1 h 5 min"
    assert formats.amount_dkk(1250) == "DKK 1,250"
    assert formats.short_date(dt.date(2026, 12, 3)) == "3 Dec 2026"


def test_stopwatch() -> None:
    assert formats.stopwatch(125) == "2:05"
    assert formats.stopwatch(-125) == "-2:05"
    assert formats.stopwatch(3 * 3600 + 5) == "3:00:05"


def test_the_brief_uses_the_same_formats_kept_on_one_line() -> None:
    words = BriefWords("da")
    assert words.amount(12500) == formats.amount_dkk(12500).replace(" ", NBSP)
    assert words.duration(3900) == "1 t 5 min.".replace(" ", NBSP)
    assert words.short_date(dt.date(2026, 12, 3)) == "3. dec. 2026"
    assert words.amount(None) == "–"
    assert BriefWords("en").duration(3900) == "1 h 5 min".replace(" ", NBSP)
