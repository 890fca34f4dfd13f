"""The brief as PDF/A-2b: what reportlab writes, finished with pikepdf for long-term archiving.

Briefs end up in the municipality's case system, which expects PDF/A. reportlab
already embeds every font (TrueType subsets) and writes a document ID and /Lang;
this adds what it cannot: XMP metadata matching the document information
(title, author, subject, language, creator tool, dates) with the PDF/A
identification (part 2, conformance B), and an sRGB output intent, so the RGB
colours have a defined meaning. It also repairs reportlab's ToUnicode maps for
characters beyond the Basic Multilingual Plane (emoji), which it writes as five
hex digits instead of a UTF-16 surrogate pair, so copied or searched text keeps
its emoji.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pikepdf

from facilitator import __version__
from facilitator.paths import resource

CREATOR_TOOL = f"Facilitator {__version__}"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>")


@dataclass(frozen=True)
class ArchiveFacts:
    """What the XMP metadata says beyond the document information: the language."""

    language: str  # "da" / "en", as /Lang and dc:language


def srgb_profile() -> bytes:
    """The sRGB ICC profile shipped in resources/icc (see the licence file beside it)."""
    return resource("icc", "sRGB.icc").read_bytes()


def _utf16(match: re.Match[bytes]) -> bytes:
    """A ToUnicode entry for a character above U+FFFF, written as its surrogate pair."""
    code = int(match.group(2), 16)
    pair = chr(code).encode("utf-16-be").hex().upper().encode()
    return b"<" + match.group(1) + b"> <" + pair + b">"


def repair_to_unicode(pdf: pikepdf.Pdf) -> None:
    """Write emoji in every font's ToUnicode map as UTF-16 surrogate pairs."""
    done: set[tuple[int, int]] = set()
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if resources is not None else None
        for font in fonts.values() if fonts is not None else ():
            cmap = font.get("/ToUnicode")
            if cmap is None or cmap.objgen in done:
                continue
            done.add(cmap.objgen)
            text = cmap.read_bytes()
            fixed = _BFCHAR.sub(_utf16, text)
            if fixed != text:
                cmap.write(fixed)


def _output_intent(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    profile = pikepdf.Stream(pdf, srgb_profile())
    profile["/N"] = 3
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=OUTPUT_CONDITION,
        Info=OUTPUT_CONDITION,
        RegistryName="http://www.color.org",
        DestOutputProfile=profile,
    ))


def _tidy_docinfo(pdf: pikepdf.Pdf) -> None:
    """The document information as the XMP will repeat it: the creator tool with its version,
    and no empty or trapping entries that the XMP would have to mirror."""
    info = pdf.docinfo
    info["/Creator"] = CREATOR_TOOL
    for key in list(info.keys()):
        if key == "/Trapped" or str(info[key]) == "":
            del info[key]


def to_pdfa(pdf_bytes: bytes, facts: ArchiveFacts, invariant: bool = False) -> bytes:
    """`pdf_bytes` (from reportlab) as PDF/A-2b. `invariant`: the same input gives the same bytes."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        repair_to_unicode(pdf)
        _tidy_docinfo(pdf)
        pdf.Root.OutputIntents = pikepdf.Array([_output_intent(pdf)])
        pdf.Root.Lang = facts.language
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta.load_from_docinfo(pdf.docinfo, raise_failure=True)
            meta["dc:language"] = {facts.language}
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
        out = io.BytesIO()
        # A content-derived ID keeps an invariant build byte-stable; otherwise qpdf makes a new one.
        pdf.save(out, deterministic_id=invariant, compress_streams=True)
        return out.getvalue()
