"""The brief's one style sheet: page geometry, colours, paragraph and table styles (A4).

Calm and professional: one typeface (DejaVu Sans), one muted accent colour,
thin rules instead of boxes, and sizes a councillor reads without glasses on
paper. Every style names its font, so nothing falls back to Helvetica.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, TableStyle

from facilitator.reports.fonts import FONT, FONT_BOLD, FONT_ITALIC, register_fonts
from facilitator.reports.formatting import markup
from facilitator.reports.hyphenation import CellParagraph

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 18 * mm
MARGIN_RIGHT = 18 * mm
HEADER_HEIGHT = 24 * mm  # from the top edge to the start of the text frame
FOOTER_HEIGHT = 15 * mm  # from the bottom edge to the end of the text frame
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - HEADER_HEIGHT - FOOTER_HEIGHT
LOGO_MAX_HEIGHT = 12 * mm
LOGO_MAX_WIDTH = 40 * mm

INK = colors.HexColor("#1F2933")  # body text: near-black, softer than pure black
MUTED = colors.HexColor("#5B6775")  # secondary text: groups, dates, notes
ACCENT = colors.HexColor("#1F4E6B")  # headings and the citizens' bar: a calm municipal blue
ACCENT_LIGHT = colors.HexColor("#E8EFF4")  # table header rows
RULE = colors.HexColor("#C5CED6")  # thin rules between rows and under the header
STRIPE = colors.HexColor("#F6F8FA")  # every other row in long appendix tables
OTHER_BAR = colors.HexColor("#9AA5B1")  # bars for the officials and politicians
WARN = colors.HexColor("#8A4B08")  # the "needs a political decision" marker: amber-brown, not alarm red


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the brief uses."""

    title: ParagraphStyle
    lead: ParagraphStyle
    heading: ParagraphStyle
    appendix_heading: ParagraphStyle
    group: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_muted: ParagraphStyle
    head_cell: ParagraphStyle
    head_cell_right: ParagraphStyle
    idea: ParagraphStyle
    marker: ParagraphStyle
    subgroup: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle
    opening: ParagraphStyle
    empty: ParagraphStyle
    key_number: ParagraphStyle
    key_label: ParagraphStyle


def make_styles() -> Styles:
    """Build the style sheet (fonts are registered first)."""
    register_fonts()
    base = ParagraphStyle(
        "base", fontName=FONT, fontSize=8.5, leading=11, textColor=INK, alignment=TA_LEFT
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    cell = derive("cell", fontSize=7.5, leading=9.5)
    return Styles(
        title=derive("title", fontName=FONT_BOLD, fontSize=15, leading=18, textColor=ACCENT,
                     spaceAfter=2),
        lead=derive("lead", fontSize=9.5, leading=13, spaceAfter=4),
        heading=derive("heading", fontName=FONT_BOLD, fontSize=10.5, leading=13,
                       textColor=ACCENT, spaceBefore=6, spaceAfter=2.5),
        appendix_heading=derive("appendix_heading", fontName=FONT_BOLD, fontSize=13, leading=16,
                                textColor=ACCENT, spaceBefore=14, spaceAfter=6),
        group=derive("group", fontName=FONT_BOLD, fontSize=8, leading=10, spaceBefore=3,
                     spaceAfter=1.5),
        body=base,
        small=derive("small", fontSize=8, leading=10),
        muted=derive("muted", fontSize=8, leading=10, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_muted=ParagraphStyle("cell_muted", parent=cell, textColor=MUTED),
        head_cell=ParagraphStyle("head_cell", parent=cell, fontName=FONT_BOLD, fontSize=7,
                                 textColor=ACCENT),
        head_cell_right=ParagraphStyle("head_cell_right", parent=cell, fontName=FONT_BOLD,
                                       fontSize=7, textColor=ACCENT, alignment=TA_RIGHT),
        # An idea on page 1: a hanging indent so wrapped lines stay clear of the bullet.
        idea=derive("idea", fontSize=7.5, leading=9.3, leftIndent=7, firstLineIndent=-7,
                    spaceAfter=1.2),
        marker=ParagraphStyle("marker", parent=cell, fontName=FONT_BOLD, textColor=WARN),
        subgroup=ParagraphStyle("subgroup", parent=cell, fontName=FONT_BOLD, textColor=MUTED),
        figure=derive("figure", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
        figure_label=derive("figure_label", fontSize=8, leading=10.5),
        # Who opened the items: a short note under the figures.
        opening=derive("opening", fontSize=7.5, leading=9.5, spaceBefore=3),
        empty=derive("empty", fontName=FONT_ITALIC, fontSize=8.5, leading=11, textColor=MUTED),
        key_number=derive("key_number", fontName=FONT_BOLD, fontSize=15, leading=17,
                          textColor=ACCENT),
        key_label=derive("key_label", fontSize=7.5, leading=9, textColor=MUTED),
    )


def table_style(
    *, stripes: bool = False, rows: int = 0, compact: bool = False,
    extra: Sequence[tuple[object, ...]] = (),
) -> TableStyle:
    """Thin horizontal rules, a tinted header row, cells aligned to the top (tighter on page 1)."""
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # plain-string cells (numbers, dates)
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("LEADING", (0, 0), (-1, -1), 9.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1 if compact else 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 if compact else 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
    ]
    if stripes and rows > 2:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]))
    return TableStyle([*commands, *extra])


def layout_style(*extra: tuple[object, ...]) -> TableStyle:
    """A borderless table used only to place things side by side (no padding, DejaVu throughout)."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # a table starts every cell in its font, even empty ones
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        *extra,
    ])


def user_text(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text: NFC, escaped, so `<b>` or `&` in a title prints literally; a word
    too long for its column is hyphenated."""
    return CellParagraph(markup(text), style)
