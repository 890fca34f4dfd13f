"""The brief's page: header and footer on every page, "Side N af M", outline and metadata.

"of M" is only known when the last page is laid out, so `NumberedCanvas` keeps
each finished page's state and writes every page label in `save()` (the
two-pass canvas pattern). Bookmarks are deferred with the page they belong to,
or they would all point at page 1.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from facilitator.reports.fonts import FONT, FONT_BOLD, register_fonts
from facilitator.reports.formatting import clean
from facilitator.reports.glyphs import draw_string, string_width
from facilitator.reports.pdfa import CREATOR_TOOL
from facilitator.reports.styles import (
    FOOTER_HEIGHT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    HEADER_HEIGHT,
    INK,
    LOGO_MAX_HEIGHT,
    LOGO_MAX_WIDTH,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
)


@dataclass(frozen=True)
class PageHead:
    """What the header and footer of every page say (already in the brief's language)."""

    municipality: str
    project_line: str  # project · meeting title
    when_where: str  # date, time · venue
    logo: bytes | None
    prepared: str  # "Udarbejdet 3. marts 2026 af …"
    page_label: str  # "Side {page} af {total}"


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line of `width` points, cut with an ellipsis when it does not fit
    (measured as drawn: emoji in their font, stand-ins for what no font has)."""
    text = " ".join(clean(text).split())
    if string_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits together with "…"
        middle = (low + high + 1) // 2
        if string_width(text[:middle].rstrip() + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _logo_reader(logo: bytes | None) -> ImageReader | None:
    """The logo as an image, or None when there is none or it cannot be read (the brief still prints)."""
    if not logo:
        return None
    try:
        reader = ImageReader(io.BytesIO(logo))
        reader.getSize()
    except Exception:  # noqa: BLE001 - a broken logo must never stop a brief
        return None
    return reader


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that writes "page N of M" on every page once M is known."""

    def __init__(self, *args: Any, page_label: str = "{page} / {total}", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._saved_pages: list[dict[str, Any]] = []
        self._deferred_bookmarks: list[str] = []

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # noqa: N802 - reportlab's name
        """Remember the bookmark with this page; it is bound when the page is really written."""
        self._deferred_bookmarks.append(key)

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        """Keep the finished page instead of writing it."""
        self._saved_pages.append(dict(self.__dict__))
        self._deferred_bookmarks = []
        self._startPage()

    def save(self) -> None:
        """Write every kept page with its label, then the file."""
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            for key in self._deferred_bookmarks:
                Canvas.bookmarkPage(self, key)
            self._draw_page_label(total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_page_label(self, total: int) -> None:
        label = self._page_label.format(page=self._pageNumber, total=total)
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, 7 * mm, label)
        self.restoreState()


# reportlab keeps each embedded font's subset (which glyphs a document used) on the font object
# it registers once per process; two documents laid out at once on two threads (the brief
# window's worker and a status brief, or two windows) would write into the same subset and can
# corrupt it. One document is built at a time; a brief takes well under a second.
_BUILDING = threading.RLock()


class BriefDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """A4 with the brief's header and footer on every page and an outline entry per section."""

    def __init__(self, output: io.BytesIO, head: PageHead, **kwargs: Any) -> None:
        register_fonts()
        # The canvas starts in DejaVu, so no page ever references the built-in Helvetica.
        kwargs.setdefault("initialFontName", FONT)
        super().__init__(
            output,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=HEADER_HEIGHT,
            bottomMargin=FOOTER_HEIGHT,
            creator=CREATOR_TOOL,
            **kwargs,
        )
        self.head = head
        self._logo = _logo_reader(head.logo)
        self._outline_count = 0
        frame = Frame(
            MARGIN_LEFT, FOOTER_HEIGHT, FRAME_WIDTH, FRAME_HEIGHT,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )
        self.addPageTemplates([PageTemplate(id="brief", frames=[frame], onPage=self._decorate)])

    def build(self, flowables: list[Any], **kwargs: Any) -> None:
        """Lay out and save the document, one document at a time in this process."""
        with _BUILDING:
            super().build(flowables, **kwargs)

    def canvasmaker(self) -> Callable[..., NumberedCanvas]:
        """The canvas class for `build`, carrying the page label of the brief's language."""
        label = self.head.page_label

        def make(*args: Any, **kwargs: Any) -> NumberedCanvas:
            return NumberedCanvas(*args, page_label=label, **kwargs)

        return make

    def handle_documentBegin(self) -> None:  # noqa: N802 - reportlab's name
        """Open the outline in the reader's side panel."""
        super().handle_documentBegin()
        self.canv.showOutline()

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab's name
        """Add an outline entry (bookmark) for every flowable marked with `outline_title`."""
        title = getattr(flowable, "outline_title", None)
        if title:
            self._outline_count += 1
            key = f"section-{self._outline_count}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=getattr(flowable, "outline_level", 0))

    def _decorate(self, canv: Canvas, _doc: Any) -> None:
        """Draw the header (municipality, project and meeting, date and venue, logo) and footer."""
        head = self.head
        top = PAGE_HEIGHT - 9 * mm
        text_width = FRAME_WIDTH
        canv.saveState()
        if self._logo is not None:
            width, height = self._logo.getSize()
            scale = min(LOGO_MAX_WIDTH / width, LOGO_MAX_HEIGHT / height)
            w, h = width * scale, height * scale
            canv.drawImage(self._logo, PAGE_WIDTH - MARGIN_RIGHT - w, top + 2.5 * mm - h, w, h,
                           mask="auto")
            text_width -= w + 6 * mm
        # User text (names, titles, the venue) may hold emoji: drawn run by run, font by font.
        lines = ((head.municipality.upper(), FONT_BOLD, 7.5, MUTED, 0.0),
                 (head.project_line, FONT_BOLD, 10, INK, 12.5),
                 (head.when_where, FONT, 8.5, MUTED, 24.0))
        for text, font, size, colour, down in lines:
            canv.setFillColor(colour)
            draw_string(canv, MARGIN_LEFT, top - down, fit(text, font, size, text_width), font, size)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        rule_y = PAGE_HEIGHT - 20.5 * mm
        canv.line(MARGIN_LEFT, rule_y, PAGE_WIDTH - MARGIN_RIGHT, rule_y)
        footer_y = 10.5 * mm
        canv.line(MARGIN_LEFT, footer_y, PAGE_WIDTH - MARGIN_RIGHT, footer_y)
        canv.setFillColor(MUTED)
        draw_string(canv, MARGIN_LEFT, 7 * mm, fit(head.prepared, FONT, 7.5, FRAME_WIDTH - 30 * mm),
                    FONT, 7.5)
        canv.restoreState()
