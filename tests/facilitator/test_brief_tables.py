"""The brief's tables across pages: no lone line, no orphaned header, figures on one line,
long Danish words hyphenated instead of cut."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

from facilitator.domain.enums import Role
from facilitator.reports.appendices import Appendices
from facilitator.reports.brief import build_brief
from facilitator.reports.brief_data import BriefIdea, BriefPhase
from facilitator.reports.formatting import BriefWords, markup
from facilitator.reports.styles import FRAME_HEIGHT, FRAME_WIDTH, make_styles, user_text
from facilitator.reports.tables import TALL_ROW, BriefTable, long_table
from tests.facilitator.brief_factory import MADE_ON, known_meeting

LONG_WORDS = ("Borgerinddragelsesprocessen", "Multifunktionshusbestyrelsen",
              "Naturbeskyttelseslovens", "Lokalplanlægningsafdelingen")


def paragraph_in(cell: object) -> Paragraph | None:
    """The paragraph in a table cell (a laid-out table keeps each cell as a tuple)."""
    if isinstance(cell, list | tuple):
        cell = cell[0] if len(cell) == 1 else None
    return cell if isinstance(cell, Paragraph) else None


def line_texts(cell: object) -> list[str]:
    """The lines a laid-out paragraph (or the paragraph in a cell) shows, as text."""
    paragraph = paragraph_in(cell)
    assert paragraph is not None, cell
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [" ".join(words) for _space, words in lines]
    return ["".join(frag.text for frag in line.words).strip() for line in lines]


def rejoined(lines: list[str]) -> str:
    """Lines put back together: a line ending in "-" was a word broken with a hyphen."""
    text = ""
    for line in lines:
        if text.endswith("-") and text[-2:-1].isalpha() and line[:1].isalpha():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text


@pytest.mark.parametrize("width_mm", [13, 16, 19, 24, 30])
def test_long_danish_words_in_narrow_columns_break_only_with_a_hyphen(width_mm: float) -> None:
    styles = make_styles()
    text = " ".join(LONG_WORDS) + " og Borger-forenings-huset i Knebel"
    rows = [[user_text("Sted", styles.head_cell)], [user_text(text, styles.cell)]]
    table = long_table(rows, [width_mm * mm])
    table.wrap(width_mm * mm, 10_000)
    cell = table._cellvalues[1][0]
    lines = line_texts(cell)
    assert len(lines) > 1
    # Every break is between words, or inside a word with a hyphen at the end of the line
    # (compared without hyphens: a line may also end at a hyphen the word already had).
    assert rejoined(lines).replace("-", "") == text.replace("-", ""), lines


def test_words_that_fit_are_kept_whole() -> None:
    styles = make_styles()
    paragraph = user_text("Borgergruppen i Knebel ønsker en sti", styles.cell)
    paragraph.wrap(30 * mm, 1000)
    assert all(not line.endswith("-") for line in line_texts(paragraph))


def agenda_with(minutes: list[tuple[int, int]]) -> BriefTable:
    phases = tuple(BriefPhase(f"Punkt {n}", planned, actual * 60, Role.CITIZEN)
                   for n, (planned, actual) in enumerate(minutes, start=1))
    data = known_meeting(phases=phases)
    table = Appendices(data, BriefWords("da"), make_styles()).agenda()
    assert isinstance(table, BriefTable)
    table.wrap(FRAME_WIDTH, 10_000)
    return table


def test_a_negative_total_stays_on_one_line() -> None:
    table = agenda_with([(60, 9), (60, 12), (22, 50)])  # 142 planned, 71 actual: −1 t 11 min.
    cells = [paragraph_in(cell) for row in table._cellvalues for cell in row]
    totals = [cell for cell in cells if cell and "−1\u00a0t\u00a011\u00a0min." in cell.text]
    assert totals, [cell.text for cell in cells]
    for cell in totals:
        assert len(line_texts(cell)) == 1, line_texts(cell)
    wide = agenda_with([(600, 9), (600, 12)])  # −19 t 39 min.
    for row in wide._cellvalues:
        for cell in map(paragraph_in, row):
            if cell is not None and "t\u00a0" in cell.text:
                assert len(line_texts(cell)) == 1, line_texts(cell)


def test_a_negative_total_reads_whole_in_the_pdf() -> None:
    phases = (BriefPhase("Velkomst", 60, 9 * 60, Role.CITIZEN),
              BriefPhase("Idérunde", 82, 62 * 60, Role.CITIZEN))
    pdf = build_brief(known_meeting(phases=phases), "da", made_on=MADE_ON, invariant=True)
    lines = [line.replace("\u00a0", " ") for page in PdfReader(io.BytesIO(pdf)).pages
             for line in page.extract_text().splitlines()]
    assert any(line.strip().endswith("−1 t 11 min.") for line in lines), lines


def test_amount_column_holds_a_large_total_on_one_line() -> None:
    from tests.facilitator.brief_factory import many_asks

    data = known_meeting(asks=many_asks(100))
    table = Appendices(data, BriefWords("da"), make_styles()).asks()
    table.wrap(FRAME_WIDTH, 10_000)
    amounts = [row[3] for row in table._cellvalues[1:]]
    assert len(amounts) == 100 and all(len(line_texts(cell)) == 1 for cell in amounts)


# ----- across pages --------------------------------------------------------------------


@dataclass
class Part:
    """One piece of a table as drawn: its page, its top, and its rows' cell texts and lines."""

    page: int
    top: float
    frame_top: float
    rows: list[list[tuple[str, int]]]  # per row, per paragraph cell: (text, lines)


class Recorder(BaseDocTemplate):  # type: ignore[misc]
    """A page with the brief's frame that remembers every table part it draws."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), pagesize=(FRAME_WIDTH, FRAME_HEIGHT), leftMargin=0,
                         rightMargin=0, topMargin=0, bottomMargin=0)
        frame = Frame(0, 0, FRAME_WIDTH, FRAME_HEIGHT, 0, 0, 0, 0, id="body")
        self.addPageTemplates([PageTemplate(id="p", frames=[frame])])
        self.parts: list[Part] = []

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, BriefTable):
            rows = [[(" ".join(line_texts(cell)), len(cell.blPara.lines)) if cell else ("", 0)
                     for cell in map(paragraph_in, row)] for row in flowable._cellvalues]
            frame = self.frame
            self.parts.append(Part(self.page, frame._y + flowable._height,
                                   frame._y1 + frame._height, rows))


def idea_table(lines: list[int]) -> BriefTable:
    """An appendix-A-like table whose rows have about these many lines of text."""
    styles = make_styles()
    rows = [[Paragraph(markup(label), styles.head_cell) for label in ("Nr.", "Idé", "Sted")]]
    for number, count in enumerate(lines, start=1):
        text = " ".join(f"r{number}l{line:03d}" + " ord" * 9 for line in range(count))
        rows.append([Paragraph(str(number), styles.cell), user_text(text, styles.cell),
                     user_text("Knebel", styles.cell)])
    return long_table(rows, [10 * mm, 60 * mm, 30 * mm])


def lay_out(room: float, lines: list[int]) -> list[Part]:
    """Lay out the table under a spacer that leaves `room` points on the first page."""
    doc = Recorder()
    doc.build([Spacer(1, FRAME_HEIGHT - room), idea_table(lines)])
    return doc.parts


def row_pieces(parts: list[Part], number: int) -> list[int]:
    """How many lines of row `number`'s text each part shows."""
    return [lines for part in parts for row in part.rows for text, lines in row[1:2]
            if text.startswith(f"r{number}l") and lines]


@pytest.mark.parametrize("room", [r * 4.0 for r in range(4, 30)])
def test_a_short_row_is_never_split_across_pages(room: float) -> None:
    parts = lay_out(room, [4, 4, 4])
    for number in (1, 2, 3):
        assert row_pieces(parts, number) == [4], (room, number, row_pieces(parts, number))


@pytest.mark.parametrize("room", [r * 7.0 for r in range(3, 60)])
def test_a_tall_row_splits_with_two_lines_or_more_on_either_side(room: float) -> None:
    tall = 80  # lines: taller than a third of a page
    parts = lay_out(room, [2, tall, 3])
    pieces = row_pieces(parts, 2)
    assert sum(pieces) == tall
    assert all(piece >= 2 for piece in pieces), (room, pieces)


@pytest.mark.parametrize("room", [r * 9.0 for r in range(2, 40)])
def test_no_header_is_left_alone_or_repeated_in_the_middle_of_a_page(room: float) -> None:
    parts = lay_out(room, [3, 2, 70, 4, 2])
    for index, part in enumerate(parts):
        assert len(part.rows) > 1, (room, index)  # the header never stands alone
        if index:  # a continued table starts at the top of a page, under its repeated header
            assert part.top == pytest.approx(part.frame_top, abs=0.5), (room, index)
    pages = [part.page for part in parts]
    assert pages == sorted(set(pages))  # one part per page


def test_the_threshold_is_a_third_of_a_page() -> None:
    assert TALL_ROW == pytest.approx(FRAME_HEIGHT / 3)


def test_a_long_idea_in_the_brief_still_spans_pages_with_its_header_repeated() -> None:
    title = "Start " + " ".join(f"ord{i:04d}" for i in range(1_250)) + " Slut"
    data = known_meeting(ideas=(BriefIdea(title, "", "Gruppen", "Agri", "Natur", None, ""),))
    pdf = build_brief(data, "da", made_on=MADE_ON, invariant=True)
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    holding = [text for text in texts if "ord0" in text or "ord1" in text][1:]  # page 1 aside
    assert len(holding) >= 2
    assert all("Nr. Idé Bæres af Sted Tema Tjek" in " ".join(text.split()) for text in holding)
