"""The app's settings as one typed object: municipality, the official, the logo.

Stored as text rows in the `setting` table (the logo base64-encoded), so a
setting added later needs no migration: a missing row simply means the default.
"""

from __future__ import annotations

import base64
import binascii
import io
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from facilitator.domain import validation
from facilitator.i18n import _
from facilitator.storage.database import Database
from facilitator.storage.models import Setting

MAX_LOGO_BYTES = 2 * 1024 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"

_LOGO_KEY = "logo_png"


@dataclass(frozen=True)
class Settings:
    """What the brief's header and signature need; every field has a default."""

    municipality: str = ""
    official_name: str = ""
    official_department: str = ""
    # A PNG or JPEG despite the name (the contract's field name): both start
    # with magic bytes that reportlab and Qt recognise.
    logo_png: bytes | None = None


def logo_kind(data: bytes) -> str | None:
    """"png" or "jpeg" from the file's first bytes, else None."""
    if data.startswith(PNG_MAGIC):
        return "png"
    if data.startswith(JPEG_MAGIC):
        return "jpeg"
    return None


def check_logo(data: bytes | None) -> bytes | None:
    """The logo if it is a PNG or JPEG of at most 2 MB; refused in Danish otherwise."""
    if data is None:
        return None
    if len(data) > MAX_LOGO_BYTES:
        raise validation.ValidationError(
            _("Logoet er for stort ({size} MB). Vælg et billede på højst 2 MB.").format(
                size=f"{len(data) / (1024 * 1024):.1f}".replace(".", ",")
            ),
            "logo_png",
        )
    if logo_kind(data) is None:
        raise validation.ValidationError(
            _("Logoet skal være et PNG- eller JPEG-billede."), "logo_png"
        )
    # Right magic bytes are not enough: a truncated file would only fail later,
    # when a brief is being made. Pillow comes with reportlab.
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:
        raise validation.ValidationError(
            _("Logoet kan ikke læses; filen ser ud til at være beskadiget."), "logo_png"
        ) from None
    return data


def get_settings(db: Database) -> Settings:
    """The stored settings; anything never saved takes its default."""
    with db.session() as s:
        stored = {row.key: row.value for row in s.scalars(select(Setting))}
    logo: bytes | None = None
    if stored.get(_LOGO_KEY):
        try:
            logo = base64.b64decode(stored[_LOGO_KEY], validate=True)
        except (binascii.Error, ValueError):
            logo = None  # a damaged value must not stop a brief; the logo is optional
        if logo is not None and logo_kind(logo) is None:
            logo = None
    return Settings(
        municipality=stored.get("municipality", ""),
        official_name=stored.get("official_name", ""),
        official_department=stored.get("official_department", ""),
        logo_png=logo,
    )


def _clean_texts(settings: Settings) -> dict[str, Any]:
    return validation.clean_fields({
        "municipality": lambda: validation.optional_text(
            settings.municipality, "municipality", _("Kommune"), validation.MAX_TITLE_LENGTH
        ),
        "official_name": lambda: validation.optional_text(
            settings.official_name, "official_name", _("Embedspersonens navn"),
            validation.MAX_TITLE_LENGTH,
        ),
        "official_department": lambda: validation.optional_text(
            settings.official_department, "official_department", _("Afdeling"),
            validation.MAX_TITLE_LENGTH,
        ),
        "logo_png": lambda: check_logo(settings.logo_png),
    })


def settings_problems(settings: Settings) -> list[validation.Problem]:
    """Every setting that saving would refuse, in the dialog's order."""
    return validation.problems_of(lambda: _clean_texts(settings))


def save_settings(db: Database, settings: Settings) -> Settings:
    """Validate and store all settings in one commit; returns what is now stored."""
    clean = _clean_texts(settings)
    logo: bytes | None = clean.pop("logo_png")
    texts: dict[str, str] = clean
    store_values(db, {**texts, _LOGO_KEY: base64.b64encode(logo).decode("ascii") if logo else ""})
    return get_settings(db)


def store_values(db: Database, values: dict[str, str]) -> None:
    """Write settings as text, in one commit (the typed views validate before calling this)."""
    with db.session() as s:
        for key, value in values.items():
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
        s.commit()

