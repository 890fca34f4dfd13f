"""Emoji and characters no font has: drawn from the emoji font or replaced, never a box."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace

from pypdf import PdfReader
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Table

from facilitator.reports.appendices import Appendices
from facilitator.reports.brief import build_brief
from facilitator.reports.brief_data import BriefData, BriefIdea, BriefStep
from facilitator.reports.first_page import FirstPage
from facilitator.reports.fonts import EMOJI_FONT, FONT, characters, register_fonts
from facilitator.reports.formatting import BriefWords, markup
from facilitator.reports.glyphs import printable, runs
from facilitator.reports.styles import make_styles
from tests.facilitator.brief_factory import MADE_ON, known_meeting
from tests.facilitator.pdfa_check import fonts_used, notdef_uses

CAMP, TREE, THUMB, TONE = "\U0001f3d5", "\U0001f333", "\U0001f44d", "\U0001f3fd"
FLAG = "\U0001f1e9\U0001f1f0"  # Denmark: two regional indicator letters
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl
VS16, ZWJ = "\ufe0f", "\u200d"


def emoji_meeting() -> BriefData:
    """A meeting whose citizens wrote as they text: emoji everywhere, even in the header."""
    return known_meeting(
        meeting_title=f"Borgermøde i skoven {CAMP}{VS16}",
        venue=f"Shelterpladsen {TREE}",
        ideas=(
            BriefIdea(f"Shelterplads {CAMP}{VS16} ved søen", f"Flere træer {TREE} og bål",
                      f"Spejderne {THUMB}{TONE}", "Agri", f"Natur {TREE}", None, ""),
            BriefIdea(f"Flag {FLAG} på pladsen", f"Familier {FAMILY} velkomne",
                      "Borgergruppen", "Knebel", "Fællesskab", None, ""),
            BriefIdea("Skilte på 漢字 og 𝄞", f"Hjerte ❤{VS16} og {VS16}alene{ZWJ}", "Gruppen",
                      "Knebel", "Fællesskab", None, ""),
        ),
        asks=(replace(known_meeting().asks[0], what=f"Brænde {TREE}",
                      idea_title=f"Shelterplads {CAMP}{VS16} ved søen", idea_number=1),),
        steps=(BriefStep(f"Plante {TREE}", f"Spejderne {THUMB}{TONE}",
                         known_meeting().steps[0].side, MADE_ON, False),),
    )


def text_of(pdf: bytes) -> str:
    """All text of the PDF as a reader extracts it."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def paragraphs(flowables: list[Flowable]) -> Iterator[Paragraph]:
    """Every paragraph inside the flowables, through tables and frames."""
    for flowable in flowables:
        if isinstance(flowable, Paragraph):
            yield flowable
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    yield from paragraphs(cell if isinstance(cell, list) else [cell])
        elif isinstance(flowable, KeepInFrame):
            yield from paragraphs(flowable._content)
        elif isinstance(flowable, list):
            yield from paragraphs(flowable)


def test_emoji_are_drawn_in_the_emoji_font_and_stay_in_the_text_layer() -> None:
    pdf = build_brief(emoji_meeting(), "da", made_on=MADE_ON, invariant=True)
    assert notdef_uses_of(pdf) == []
    assert "NotoEmoji-Regular" in fonts_used(pdf)
    text = text_of(pdf)
    for emoji in (CAMP, TREE, THUMB, *FLAG, "\U0001f468", "\U0001f469", "\U0001f467", "❤"):
        assert emoji in text, ascii(emoji)
    # The header is user text too: the meeting's title and venue keep their emoji.
    first_page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert CAMP in first_page and TREE in first_page
    # What only shaping could use is left out cleanly; a missing character gets its name.
    assert VS16 not in text and ZWJ not in text and TONE not in text
    flat = " ".join(text.split())
    assert "[CJK UNIFIED IDEOGRAPH-6F22][CJK UNIFIED IDEOGRAPH-5B57]" in flat
    assert "[MUSICAL SYMBOL G CLEF]" in flat


def notdef_uses_of(pdf: bytes) -> list[str]:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return notdef_uses(document)


def test_every_character_of_every_paragraph_is_in_its_fonts_character_map() -> None:
    register_fonts()
    data, words, styles = emoji_meeting(), BriefWords("da"), make_styles()
    story = FirstPage(data, words, styles).flowables() + Appendices(data, words, styles).tables()
    checked = 0
    for paragraph in paragraphs(story):
        # Parsed afresh: laying a paragraph out turns its fragments into words.
        for frag in Paragraph(paragraph.text, paragraph.style).frags:
            covered = characters(frag.fontName)
            for char in getattr(frag, "text", ""):
                checked += 1
                assert ord(char) in covered or char == "\u00a0", (frag.fontName, ascii(char))
    assert checked > 1000


def test_runs_split_text_by_the_font_that_has_each_character() -> None:
    assert runs(f"Bål {TREE} ved søen") == [("Bål ", False), (TREE, True), (" ved søen", False)]
    assert runs(f"{CAMP}{VS16}{THUMB}{TONE}") == [(CAMP + THUMB, True)]
    assert runs(FAMILY) == [("\U0001f468\U0001f469\U0001f467", True)]
    assert runs(f"❤{VS16}") == [("❤", True)]  # asked for as an emoji: the emoji font draws it
    assert runs("❤") == [("❤", False)]  # as text: DejaVu has it
    assert runs(f"{VS16}{ZWJ}") == []  # a bare selector or joiner disappears
    assert runs(TONE) == [(TONE, True)]  # a skin tone alone is still shown
    assert printable("漢") == "[CJK UNIFIED IDEOGRAPH-6F22]"
    assert printable("a\U000e0067b") == "ab"  # tag characters (subdivision flags) go
    assert printable("\U000f0000\U0010975e") == "\ufffd\ufffd"  # private use: no name
    assert printable("Łukasz Nguyễn Иван Şükrü") == "Łukasz Nguyễn Иван Şükrü"


def test_markup_wraps_only_emoji_in_the_emoji_font() -> None:
    assert markup(f"Bål & {TREE}") == f'Bål &amp; <font name="{EMOJI_FONT}">{TREE}</font>'
    assert markup("Bål <b>") == "Bål &lt;b&gt;"
    assert FONT == "DejaVuSans"


def test_an_emoji_inside_bold_text_stays_in_the_emoji_font() -> None:
    paragraph = Paragraph(f"<b>{markup(f'Idé {TREE}')}</b>", make_styles().cell)
    fonts = {frag.fontName for frag in paragraph.frags if TREE in frag.text}
    assert fonts == {EMOJI_FONT}
