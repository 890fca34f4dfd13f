"""Emoji and symbols DejaVu lacks show as themselves, from the shipped fallback font."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QImage, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from facilitator.paths import resource
from ui.app import APP_FONT_FILES, EMOJI_FONT_FILE, install_fonts

MISSING = "\U0010fffd"  # a private-use code point no font draws


@pytest.fixture
def app_fonts(qapp):
    """The app's font setup, undone afterwards so other tests keep their font."""
    before = QApplication.font()
    install_fonts(qapp)
    yield QApplication.font()
    QApplication.setFont(before)


def resolved(font: QFont, text: str) -> list[tuple[str, list[int]]]:
    """(family, glyph indexes) of each run Qt lays `text` out in, after font fallback."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), run.glyphIndexes()) for run in layout.glyphRuns()]


def rendered(font: QFont, text: str) -> QImage:
    label = QLabel(text)
    big = QFont(font)
    big.setPointSize(28)
    label.setFont(big)
    label.resize(120, 60)
    return label.grab().toImage()


def test_the_fonts_are_found_through_the_resource_helper(qapp) -> None:
    for name in (*APP_FONT_FILES, EMOJI_FONT_FILE):
        assert resource("fonts", name).is_file(), name
    assert resource("fonts", "LICENSE-NotoEmoji.txt").read_text().count("SIL Open Font License")
    raw = QRawFont(str(resource("fonts", EMOJI_FONT_FILE)), 20)
    assert all(raw.glyphIndexesForString(c)[0] for c in ("🏕", "🌻", "😀", "👍"))


@pytest.mark.parametrize("emoji", ["🏕", "🌻"])
def test_emoji_resolve_to_a_real_glyph_of_the_shipped_font(app_fonts, emoji) -> None:
    runs = resolved(app_fonts, f"Shelter {emoji}")
    family, glyphs = next((f, g) for f, g in runs if f != "DejaVu Sans")
    assert family == "Noto Emoji"
    assert glyphs and all(glyphs)
    # The missing code point, for contrast, has no glyph in any of them.
    assert any(0 in g for _f, g in resolved(app_fonts, MISSING))


@pytest.mark.parametrize("emoji", ["🏕", "🌻"])
def test_an_emoji_draws_different_pixels_from_the_missing_glyph_box(app_fonts, emoji) -> None:
    drawn = rendered(app_fonts, emoji)
    box = rendered(app_fonts, MISSING)
    blank = rendered(app_fonts, "")
    assert drawn != blank  # something is drawn at all
    assert drawn != box
