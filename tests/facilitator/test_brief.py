"""The brief for the political leadership: text per section, both languages, fonts, pages, safety."""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from pypdf import PdfReader

from facilitator.domain.enums import AskKind, CheckKind, OwnerSide, Role
from facilitator.domain.talk_share import TalkShare
from facilitator.reports.brief import build_brief
from facilitator.reports.brief_data import BriefIdea, BriefStep
from facilitator.reports.chart import talk_share_chart
from facilitator.reports.columns import share_out
from facilitator.reports.first_page import ASK_CAP, IDEA_CAP
from facilitator.reports.formatting import BriefWords
from tests.facilitator.brief_factory import (
    MADE_ON,
    THEMES,
    known_meeting,
    large_meeting,
    many_ideas,
    replace_data,
    typical_meeting,
)

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "facilitator.po"
STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}


def build(data=None, language: str = "da") -> bytes:
    """A brief for `data` (the known meeting by default), byte-stable."""
    return build_brief(data or known_meeting(), language, made_on=MADE_ON, invariant=True)


def pages(pdf: bytes) -> list[str]:
    """The text of each page; no-break spaces read as spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text().replace("\u00a0", " ") for page in reader.pages]


def flat(text: str) -> str:
    """Text with every run of whitespace as one space (lines wrap anywhere)."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def danish() -> list[str]:
    return pages(build())


@pytest.fixture(scope="module")
def english() -> list[str]:
    return pages(build(language="en"))


# ----- what each section says ------------------------------------------------------------

def test_header_and_footer_in_danish(danish: list[str]) -> None:
    for number, text in enumerate(danish, start=1):
        assert "SYDDJURS KOMMUNE" in text
        assert "Mols i Udvikling · Borgermøde om landsbyernes fremtid" in text
        assert "Tirsdag 24. februar 2026 kl. 19.00 · Knebel Forsamlingshus" in text
        assert "Udarbejdet 3. marts 2026 af Mette Holm Sørensen, Plan og Udvikling" in text
        assert f"Side {number} af {len(danish)}" in text


def test_first_page_sections_in_danish(danish: list[str]) -> None:
    page = flat(danish[0])
    assert "Politisk orientering" in page
    assert "34 fremmødte · 5 idéer · 3 ønsker til kommunen · 1 kræver politisk beslutning" in page
    # What the citizens want: by theme, each idea with the group that carries it.
    assert "Trafik og stier (1)" in page
    assert "Sikker cykelsti til skolen – Borgergruppen i Knebel" in page
    # What they ask: the one needing a decision first, with amount, department and date.
    asks = page[page.index("Det ønsker borgerne af kommunen"):]
    assert asks.index("Kræver politisk beslutning") < asks.index("Tilskud til shelter og bålsted")
    assert asks.index("Tilskud til shelter og bålsted") < asks.index("Øvrige ønsker")
    assert "Tilskud til shelter og bålsted Penge 12.500 kr. Natur og Miljø 15. apr. 2026" in page
    assert "Beløb i alt (alle ønsker) 12.500 kr." in page
    # What needs a check, with the note.
    assert "Shelterplads ved søen Lovgivning Naturbeskyttelseslovens §3" in page
    assert "Sikker cykelsti til skolen Lokalplan / kommuneplan Kræver ændring af lokalplan 12" in page
    # How citizen-driven: 3600 of 4800 talk seconds, 3 of 4 items, 5 of 6 hold-backs.
    assert "Borgernes andel af taletiden 75 %" in page
    assert "Punkter åbnet af en borger 3 af 4" in page
    assert "Ventetider overholdt 5 af 6" in page
    assert "Samlet taletid 1 t 20 min." in page
    for role in ("Borger", "Embedsperson", "Politiker"):
        assert role in page  # the chart names every bar in text
    # Next steps: owner and due date, earliest first.
    assert "Afklare lokalplanen med Byg og Plan Kommunen · frist 20. mar. 2026" in page
    assert "Borgergruppen i Knebel (Borgerne) · frist 1. apr. 2026" in page
    assert page.index("Afklare lokalplanen") < page.index("Tegne forslag")


def test_appendices_in_danish(danish: list[str]) -> None:
    assert "Bilag" not in danish[0]
    rest = flat(" ".join(danish[1:]))
    assert "Bilag A · Alle idéer" in rest
    assert "Langs Skovvejen; børnene cykler i mørke." in rest  # the detail only the appendix has
    assert "Bilag B · Alle ønsker til kommunen" in rest
    assert "Til idéen: Shelterplads ved søen" in rest
    assert "Femmøller Strandlaug" in rest
    assert "Bilag C · Dagsorden: planlagt og faktisk tid" in rest
    assert "Borgernes idérunde 45 min. 52 min. +7 min. Borger" in rest
    assert "Hvad har I brug for fra kommunen? 30 min. 27 min. −3 min. Embedsperson" in rest
    assert "I alt 1 t 45 min. 1 t 52 min. +7 min." in rest


def test_english_brief(english: list[str]) -> None:
    page = flat(english[0])
    assert "Brief for the political leadership" in page
    assert "Tuesday 24 February 2026, 19:00 · Knebel Forsamlingshus" in page
    assert "Prepared 3 March 2026 by Mette Holm Sørensen" in page
    assert "What the citizens want" in page
    assert "Requires a political decision" in page
    assert "Tilskud til shelter og bålsted Money DKK 12,500 Natur og Miljø 15 Apr 2026" in page
    assert "Shelterplads ved søen Legislation Naturbeskyttelseslovens §3" in page
    assert "Citizens' share of talk 75%" in page
    assert "Items opened by a citizen 3 of 4" in page
    assert "Total talk time 1 h 20 min" in page
    assert "Citizen" in page and "Official" in page and "Politician" in page
    assert "Kommunen (Municipality) · due 20 Mar 2026" in page
    for number, text in enumerate(english, start=1):
        assert f"Page {number} of {len(english)}" in text
    rest = flat(" ".join(english[1:]))
    assert "Appendix A · All ideas" in rest
    assert "Spoke first" in rest
    # No Danish interface words left in the English brief (user text aside).
    for danish_word in ("Side ", "Udarbejdet", "Bilag", "Kræver politisk", "fremmødte", " af 4"):
        assert danish_word not in " ".join(english)


def test_footer_numbering_on_every_page_of_a_long_brief() -> None:
    texts = pages(build(large_meeting()))
    assert len(texts) > 5
    for number, text in enumerate(texts, start=1):
        assert f"Side {number} af {len(texts)}" in text


# ----- the PDF itself ---------------------------------------------------------------------

def test_every_font_is_embedded_truetype_and_none_is_standard_14() -> None:
    empty = known_meeting(ideas=(), asks=(), steps=(), share=TalkShare({}))  # italic notes
    readers = [PdfReader(io.BytesIO(build(data))) for data in (large_meeting(), empty)]
    seen = set()
    for page in [page for reader in readers for page in reader.pages]:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font["/BaseFont"]).lstrip("/")
            seen.add(name.split("+")[-1])
            assert name.split("+")[-1] not in STANDARD_14
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
    assert seen == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}


def test_metadata_language_and_outline() -> None:
    reader = PdfReader(io.BytesIO(build()))
    assert reader.metadata.title == "Politisk orientering: Borgermøde om landsbyernes fremtid"
    assert reader.metadata.author == "Mette Holm Sørensen"
    assert reader.metadata.subject == "Mols i Udvikling · 24. februar 2026 · Knebel Forsamlingshus"
    assert reader.trailer["/Root"]["/Lang"] == "da"
    outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert outline[:5] == [
        ("Det vil borgerne", 0), ("Det ønsker borgerne af kommunen", 0),
        ("Skal tjekkes mod lovgivning og planer", 0), ("Hvor borgerdrevet var mødet?", 0),
        ("Næste skridt", 0),
    ]
    assert ("Bilag A · Alle idéer", 1) in outline
    english = PdfReader(io.BytesIO(build(language="en")))
    assert english.trailer["/Root"]["/Lang"] == "en"


def test_outline_points_at_the_page_where_an_appendix_starts() -> None:
    reader = PdfReader(io.BytesIO(build(large_meeting())))
    texts = [page.extract_text() for page in reader.pages]
    for item in reader.outline:
        if item.title.startswith("Bilag"):
            assert item.title in texts[reader.get_destination_page_number(item)]


def test_two_invariant_builds_are_identical() -> None:
    data = known_meeting(logo_png=png_logo())
    assert build(data) == build(data)
    assert build(data, "en") == build(data, "en")


def test_logo_on_every_page_and_a_broken_logo_is_left_out() -> None:
    data = replace_data(typical_meeting(ideas=60, asks=30), logo_png=png_logo())
    reader = PdfReader(io.BytesIO(build(data)))
    assert len(reader.pages) > 2
    for page in reader.pages:
        assert any(obj.get_object()["/Subtype"] == "/Image"
                   for obj in page["/Resources"]["/XObject"].values())
    broken = pages(build(known_meeting(logo_png=b"\x89PNG not really")))
    assert "Politisk orientering" in broken[0]


# ----- text that must survive ---------------------------------------------------------------

def test_markup_in_user_text_prints_literally(danish: list[str]) -> None:
    text = flat(" ".join(danish))
    assert "Fælles spisning <b>hver</b> måned & musik" in text
    assert "Til idéen: Fælles spisning <b>hver</b> måned & musik" in text


def test_five_scripts_print(danish: list[str]) -> None:
    text = " ".join(danish)
    for name in ("Łukasz Nowak", "Şükrü Yılmaz", "Nguyễn Văn An", "Иван Петров", "Sørensen"):
        assert name in text


def test_text_is_normalised_to_nfc() -> None:
    decomposed = "Cafe\u0301 i Ærø"  # "é" as e + combining acute
    data = known_meeting(ideas=(BriefIdea(decomposed, "", "Grupp\u0065\u0301n", "", "", None, ""),))
    text = " ".join(pages(build(data)))
    assert unicodedata.normalize("NFC", decomposed) in text
    assert "\u0301" not in text


def test_anonymised_placeholder_prints_as_given() -> None:
    data = known_meeting(ideas=(BriefIdea("Bænk ved [borger]s have", "[…] foreslog det", "[…]",
                                          "Agri", "", None, ""),))
    text = flat(" ".join(pages(build(data))))
    assert "Bænk ved [borger]s have – […]" in text
    assert "[…] foreslog det" in text


def test_typical_meeting_fits_page_one_and_appendices_start_on_page_two() -> None:
    data = typical_meeting(ideas=30, asks=10)
    texts = pages(build(data))
    first = flat(texts[0])
    for idea in data.ideas:
        assert idea.title in first
    for ask in data.asks:
        assert ask.what in first
    assert "Bilag" not in first
    assert flat(texts[1]).index("Bilag A · Alle idéer") < 200


def test_large_meeting_caps_page_one_and_points_to_the_appendix() -> None:
    data = large_meeting(ideas=300, asks=100)
    texts = pages(build(data))
    first = flat(texts[0])
    assert f"Det vil borgerne · {IDEA_CAP} af 300 vist – alle står i bilag A" in first
    assert f"Det ønsker borgerne af kommunen · {ASK_CAP} af 100 vist – alle står i bilag B" in first
    for theme in THEMES:  # every theme shows its first ideas, not one theme filling the page
        assert f"{theme} (60)" in first
    assert "Bilag A" not in first
    appendix = flat(" ".join(texts[1:]))
    assert all(idea.title in appendix for idea in data.ideas[::37])


def test_ten_thousand_character_idea_wraps_and_spans_pages() -> None:
    words = " ".join(f"ord{i:04d}" for i in range(1_250))  # 9,999 characters
    title = "Start " + words + " Slut"
    assert len(title) > 10_000
    data = known_meeting(ideas=(BriefIdea(title, "detalje " * 400, "Borgergruppen", "Agri",
                                          "Natur", CheckKind.PLAN, "note " * 100),))
    texts = [flat(text) for text in pages(build(data))]
    assert "Start ord0000" in texts[0]  # shortened on page 1 …
    assert "ord1249 Slut" not in texts[0]
    holding = [i for i, text in enumerate(texts) if "ord0" in text or "ord1" in text]
    assert len(holding) >= 3  # … and in full, over more than one appendix page
    assert any("ord1249 Slut" in text for text in texts[2:])


def test_empty_meeting_gives_a_sensible_brief() -> None:
    data = known_meeting(
        official_name="", official_department="", venue="", places=(), attendance=None, ideas=(),
        asks=(), steps=(), phases=(), share=TalkShare({}), hold_backs=0, hold_backs_respected=0,
    )
    texts = pages(build(data))
    text = flat(" ".join(texts))
    for sentence in ("Ingen idéer blev registreret.", "Ingen ønsker til kommunen blev registreret.",
                     "Der blev ikke registreret taletid.", "Ingen næste skridt blev aftalt.",
                     "Mødet havde ingen dagsorden.", "Fremmøde ikke registreret",
                     "Ingen idéer skal tjekkes mod lovgivning"):
        assert sentence in text
    assert "Udarbejdet 3. marts 2026" in text and "Udarbejdet 3. marts 2026 af" not in text
    assert "Borgernes andel af taletiden –" in text
    assert f"Side 1 af {len(texts)}" in texts[0]
    english = flat(" ".join(pages(build(data, "en"))))
    assert "No ideas were recorded." in english and "No talk time was recorded." in english


def test_meeting_without_themes_groups_ideas_by_village() -> None:
    ideas = tuple(replace_idea(idea, theme="") for idea in many_ideas(6))
    first = flat(pages(build(known_meeting(ideas=ideas)))[0])
    assert "Knebel (2) • Sikker skolevej langs Vrinnersvej (1)" in first
    assert "Agri (1) • Shelterplads ved Stubbe Sø (2)" in first


def test_done_steps_come_last_and_are_marked() -> None:
    steps = (BriefStep("Gjort", "Gruppen", OwnerSide.CITIZENS, date(2026, 3, 1), True),
             BriefStep("Mangler", "Gruppen", OwnerSide.CITIZENS, date(2026, 4, 1), False))
    first = flat(pages(build(known_meeting(steps=steps)))[0])
    assert first.index("Mangler") < first.index("Gjort (udført)")


def test_page_one_shares_a_long_list_out_over_every_theme() -> None:
    assert share_out(30, [60] * 5) == [6] * 5
    assert share_out(30, [3, 2, 40]) == [3, 2, 25]
    assert share_out(30, [4, 1]) == [4, 1]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        build_brief(known_meeting(), "sv", made_on=MADE_ON)


# ----- formats, chart, catalogue --------------------------------------------------------------

@pytest.mark.parametrize(("language", "expected"), [
    ("da", ("3. marts 2026", "12.500 kr.", "1 t 5 min.", "45 min.", "2 t", "62 %", "3 af 4")),
    ("en", ("3 March 2026", "DKK 12,500", "1 h 5 min", "45 min", "2 h", "62%", "3 of 4")),
])
def test_formats(language: str, expected: tuple[str, ...]) -> None:
    words = BriefWords(language)
    shown = (words.date(date(2026, 3, 3)), words.amount(12_500), words.duration(3_900),
             words.duration(2_700), words.duration(7_200), words.percent(0.623), words.n_of_m(3, 4))
    assert tuple(text.replace("\u00a0", " ") for text in shown) == expected
    assert words.amount(None) == "–"


def test_chart_starts_at_zero_and_names_every_role() -> None:
    share = TalkShare({Role.CITIZEN: 990, Role.OFFICIAL: 5, Role.POLITICIAN: 5})
    chart = talk_share_chart(share, BriefWords("da"), 200).contents[0]
    assert chart.valueAxis.valueMin == 0
    assert chart.categoryAxis.categoryNames == ["Borger", "Embedsperson", "Politiker"]
    assert chart.categoryAxis.labels.fontName == "DejaVuSans"
    assert chart.barLabels.fontName == "DejaVuSans"


def test_committed_mo_equals_a_fresh_compile() -> None:
    from tools.compile_catalogues import catalogues, compile_po

    found = catalogues()
    assert PO in found
    for po_path in found:
        assert po_path.with_suffix(".mo").read_bytes() == compile_po(po_path)


def test_every_brief_string_has_an_english_translation() -> None:
    with PO.open("rb") as source:
        catalog = read_po(source, locale="en")
    wanted = {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / "facilitator" / "reports"), method_map=[("**.py", "python")],
            keywords={"_": None, "ngettext": (1, 2)})
    }
    wanted |= {member.msgid for enum in (Role, AskKind, CheckKind, OwnerSide) for member in enum}
    missing = sorted(m for m in wanted if not catalog.get(m) or not catalog.get(m).string)
    assert missing == []


def replace_idea(idea: BriefIdea, **changes: object) -> BriefIdea:
    from dataclasses import replace

    return replace(idea, **changes)  # type: ignore[arg-type]


def png_logo() -> bytes:
    """A small two-colour PNG, as a municipality's logo might be."""
    from PIL import Image

    image = Image.new("RGB", (240, 80), (31, 78, 107))
    image.paste((230, 236, 241), (160, 0, 240, 80))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_page_one_lists_fewer_ideas_when_titles_are_long() -> None:
    from facilitator.reports.brief_data import BriefIdea
    from facilitator.reports.first_page import IDEA_CAP, idea_cap

    def ideas(length: int) -> tuple[BriefIdea, ...]:
        return tuple(BriefIdea("x" * length, "", "Borgergruppen", "", "", None, "") for _ in range(40))

    assert idea_cap(ideas(35)) == IDEA_CAP
    assert idea_cap(ideas(90)) < IDEA_CAP  # the rest are in appendix A, and page 1 stays readable
    assert idea_cap(ideas(90)) >= 15
