"""Settings (municipality, official, logo) and the attendance of a meeting."""

from __future__ import annotations

import base64
import io
import struct
import zlib

import pytest
from sqlalchemy import select

from facilitator.demo import demo_logo_png
from facilitator.domain.validation import ValidationError
from facilitator.services import meetings
from facilitator.services.settings import MAX_LOGO_BYTES, Settings, get_settings, save_settings
from facilitator.storage.models import Setting

TRICKY = [
    "Molsø Kommune",
    "",
    "x" * 10_000,
    "Kommune 🌊🏡",
    "بلدية مولسو",  # right-to-left
    "Se\u0301bastien Łukasz Şükrü Nguyễn Иван",  # combining mark kept as typed
]


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (29, 63, 110)).save(buffer, format="JPEG")
    return buffer.getvalue()


def stored_rows(db) -> dict[str, str]:
    with db.session() as s:
        return {row.key: row.value for row in s.scalars(select(Setting))}


def test_defaults_before_anything_is_saved(db):
    assert get_settings(db) == Settings()
    assert Settings().logo_png is None


@pytest.mark.parametrize("text", TRICKY)
def test_texts_round_trip_exactly(db, text):
    saved = save_settings(db, Settings(text, text, text))
    assert saved == get_settings(db) == Settings(text, text, text, None)


@pytest.mark.parametrize("logo", [demo_logo_png(), jpeg_bytes()], ids=["png", "jpeg"])
def test_logo_round_trips_and_is_stored_as_base64(db, logo):
    save_settings(db, Settings("Molsø Kommune", "Mette Kragh", "Lokalsamfund", logo))
    assert get_settings(db).logo_png == logo
    assert base64.b64decode(stored_rows(db)["logo_png"]) == logo


def test_logo_can_be_removed(db):
    save_settings(db, Settings("Molsø Kommune", logo_png=demo_logo_png()))
    save_settings(db, Settings("Molsø Kommune", logo_png=None))
    assert get_settings(db).logo_png is None


BAD_LOGOS = {
    "gif": (b"GIF89a" + b"\x00" * 100, "PNG- eller JPEG-billede"),
    "text": (b"ikke et billede", "PNG- eller JPEG-billede"),
    "empty": (b"", "PNG- eller JPEG-billede"),
    "truncated png": (demo_logo_png()[:40], "beskadiget"),
    "too big": (b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_LOGO_BYTES, "højst 2 MB"),
}


@pytest.mark.parametrize("name", BAD_LOGOS)
def test_bad_logo_is_refused_in_danish_and_nothing_is_saved(db, name):
    before = save_settings(db, Settings("Molsø Kommune", "Mette Kragh", "", demo_logo_png()))
    data, words = BAD_LOGOS[name]
    with pytest.raises(ValidationError) as refused:
        save_settings(db, Settings("Anden Kommune", "Ny", "", data))
    assert words in refused.value.message
    assert refused.value.field == "logo_png"
    assert get_settings(db) == before


def padded_png(total: int) -> bytes:
    """A valid PNG of exactly `total` bytes: the demo logo with a text chunk before IEND."""
    logo = demo_logo_png()
    end = logo.rindex(b"IEND") - 4
    data = b"Comment\x00" + b"x" * (total - len(logo) - 12 - 8)
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    padded = logo[:end] + chunk + logo[end:]
    assert len(padded) == total
    return padded


def test_logo_of_exactly_two_megabytes_is_accepted_one_byte_more_is_not(db):
    logo = padded_png(MAX_LOGO_BYTES)
    save_settings(db, Settings(logo_png=logo))
    assert get_settings(db).logo_png == logo
    with pytest.raises(ValidationError) as refused:
        save_settings(db, Settings(logo_png=padded_png(MAX_LOGO_BYTES + 1)))
    assert "højst 2 MB" in refused.value.message
    assert get_settings(db).logo_png == logo


def test_too_long_text_is_refused(db):
    with pytest.raises(ValidationError) as refused:
        save_settings(db, Settings(municipality="x" * 10_001))
    assert "for lang" in refused.value.message
    assert stored_rows(db) == {}


def test_damaged_stored_logo_is_ignored(db):
    save_settings(db, Settings("Molsø Kommune"))
    with db.session() as s:
        s.get_one(Setting, "logo_png").value = "%%% not base64 %%%"
        s.commit()
    assert get_settings(db) == Settings("Molsø Kommune")


# ----- attendance -----------------------------------------------------------


@pytest.mark.parametrize("count", [0, 1, 37, 100_000, None])
def test_attendance_is_stored(db, meeting_factory, count):
    meeting = meeting_factory(db)
    meetings.set_attendance(db, meeting.id, 12)
    row = meetings.set_attendance(db, meeting.id, count)
    assert row.id == meeting.id
    assert meetings.get_meeting(db, meeting.id).attendance == count


@pytest.mark.parametrize("count", [-1, 100_001, 10**12, True, 3.5, "37"])
def test_impossible_attendance_is_refused_in_danish(db, meeting_factory, count):
    meeting = meeting_factory(db)
    meetings.set_attendance(db, meeting.id, 12)
    with pytest.raises(ValidationError) as refused:
        meetings.set_attendance(db, meeting.id, count)
    assert refused.value.message == "Antal fremmødte skal være et helt tal mellem 0 og 100.000."
    assert meetings.get_meeting(db, meeting.id).attendance == 12
