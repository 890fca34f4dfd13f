"""Getting a previewed brief out of the app: a copy on disk, or pages on a printer."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from facilitator.i18n import _, translation_for
from facilitator.storage.os_errors import describe_os_error

PRINT_DPI = 300
TITLE_BYTES = 120
# Characters Windows, macOS or a USB stick's FAT refuse in a file name.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_file_name(meeting_title: str, day: date, language: str) -> str:
    """E.g. "Politisk orientering – Borgermøde i Knebel – 2026-03-03.pdf" (in the brief's language)."""
    # The name is part of the brief, so it follows the brief's language, not the UI's.
    word = translation_for(language).gettext("Politisk orientering")
    title = " ".join(_UNSAFE.sub("-", meeting_title).split())
    # File systems allow 255 bytes in a name; keep room for the rest, whatever the script.
    title = title.encode("utf-8")[:TITLE_BYTES].decode("utf-8", "ignore").strip(" .-")
    parts = [word, title, day.isoformat()]
    return " – ".join(p for p in parts if p) + ".pdf"


def copy_brief(source: Path, target: Path) -> Path:
    """Copy the PDF to `target` atomically (temp file + rename); raises OSError on failure.

    The copy is readable by the user only (0600), like everything else the app writes
    about citizens: the temporary file is created private before a byte is written, and
    the rename gives a file the user replaces that mode too.
    """
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    handle, partial_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                            suffix=".part")  # created 0600
    partial = Path(partial_name)
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as data:
            shutil.copyfileobj(data, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def save_failed_message(target: Path, exc: OSError) -> str:
    """A Danish one-line reason why saving to `target` failed."""
    return _("Orienteringen kunne ikke gemmes som {path}: {reason}. Vælg en anden mappe.").format(
        path=target, reason=describe_os_error(exc)
    )


def pages_to_print(printer: QPrinter, page_count: int, current_page: int) -> list[int]:
    """The 0-based pages the print dialog asked for (all, a range, or the page on screen)."""
    mode = printer.printRange()
    if mode is QPrinter.PrintRange.CurrentPage:
        return [min(max(current_page, 0), page_count - 1)] if page_count else []
    if mode is QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [p - 1 for p in range(1, page_count + 1) if ranges.contains(p)]
        first, last = printer.fromPage(), printer.toPage()
        if first > 0:
            return list(range(first - 1, min(last or page_count, page_count)))
    return list(range(page_count))


def print_pages(document: QPdfDocument, printer: QPrinter, pages: list[int]) -> int:
    """Paint `pages` onto the printer as images at its resolution; returns how many were printed.

    Qt cannot hand a PDF file to a printer, so each page is rendered at 300 dpi
    and drawn to fill the printable page, keeping its proportions.
    """
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        target_area = printer.pageLayout().paintRectPixels(dpi)
        area = QRectF(0, 0, target_area.width(), target_area.height())
        for number, page in enumerate(pages):
            if number > 0:
                printer.newPage()
            points = document.pagePointSize(page)
            if points.isEmpty():
                continue
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(round(points.width() * scale), round(points.height() * scale))
            image = _on_white(document.render(page, size))
            left = (area.width() - size.width()) / 2
            top = (area.height() - size.height()) / 2
            painter.drawImage(QRectF(left, top, size.width(), size.height()), image)
    finally:
        painter.end()
    return len(pages)


def _on_white(rendered: QImage) -> QImage:
    """The page on white paper: QtPdf renders a transparent background, which some drivers print
    black and which costs a transparency mask per page in a PDF printout."""
    page = QImage(rendered.size(), QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page


def prepare_printer(printer: QPrinter, document: QPdfDocument) -> None:
    """A4-like page from the PDF, full page (the brief has its own margins), 300 dpi."""
    printer.setResolution(PRINT_DPI)
    printer.setFullPage(True)
    printer.setDocName(
        document.metaData(QPdfDocument.MetaDataField.Title) or _("Politisk orientering")
    )
    if document.pageCount() > 0:
        points = document.pagePointSize(0)
        size = QPageSize(points, QPageSize.Unit.Point)  # fuzzy: 595×842 pt is A4
        printer.setPageSize(size)
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if points.width() > points.height()
            else QPageLayout.Orientation.Portrait
        )
