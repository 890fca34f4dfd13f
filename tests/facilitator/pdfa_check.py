"""A structural PDF/A-2b check with pikepdf, for the tests (no full validator can be installed).

It checks what the brief can get wrong: the file header, no encryption, a
document ID, XMP metadata (unfiltered, PDF/A identification, and the same
title, author, subject, creator tool, producer and dates as the document
information), dc:language and /Lang, one sRGB output intent with an RGB ICC
profile, every font an embedded TrueType program (symbolic fonts without
/Encoding and with one cmap subtable or (3,0)), no text drawn with the .notdef
glyph, no JavaScript or actions, no blend mode but Normal, no interpolated
images, and qpdf's own syntax check. `problems(pdf)` lists what is wrong.
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pikepdf
from pikepdf.models.metadata import decode_pdf_date

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


def cmap_subtables(font_program: bytes) -> list[tuple[int, int]]:
    """(platform, encoding) of each subtable of a TrueType program's cmap table."""
    count = struct.unpack(">H", font_program[4:6])[0]
    for index in range(count):
        entry = font_program[12 + 16 * index: 28 + 16 * index]
        if entry[:4] == b"cmap":
            offset = struct.unpack(">I", entry[8:12])[0]
            subtables = struct.unpack(">H", font_program[offset + 2: offset + 4])[0]
            return [struct.unpack(">HH", font_program[offset + 4 + 8 * i: offset + 8 + 8 * i])
                    for i in range(subtables)]
    return []


def fonts_and_xobjects(resources: Any) -> Iterator[tuple[str, Any]]:
    """("font"|"xobject"|"gs", object) for a resource dictionary and the forms inside it."""
    if resources is None:
        return
    for font in resources.get("/Font", {}).values():
        yield "font", font
    for state in resources.get("/ExtGState", {}).values():
        yield "gs", state
    for xobject in resources.get("/XObject", {}).values():
        yield "xobject", xobject
        if xobject.get("/Subtype") == "/Form":
            yield from fonts_and_xobjects(xobject.get("/Resources"))


def notdef_uses(pdf: pikepdf.Pdf) -> list[str]:
    """Text drawn with code 0, which reportlab gives every character its font lacks (.notdef)."""
    found = []
    for number, page in enumerate(pdf.pages, start=1):
        font = ""
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "Tf":
                font = str(operands[0])
            elif op in TEXT_OPERATORS:
                strings = [o for o in operands if isinstance(o, pikepdf.String)]
                for item in operands:
                    if isinstance(item, pikepdf.Array):
                        strings += [o for o in item if isinstance(o, pikepdf.String)]
                if any(b"\x00" in bytes(s) for s in strings):
                    found.append(f"page {number}: .notdef drawn in font {font}")
    return found


def xmp_problems(pdf: pikepdf.Pdf, language: str, creator_tool: str) -> list[str]:
    """The XMP packet against the document information and the PDF/A identification."""
    wrong = []
    stream = pdf.Root.get("/Metadata")
    if stream is None:
        return ["no /Metadata on the catalog"]
    if "/Filter" in stream:
        wrong.append("the metadata stream is filtered")
    if stream.get("/Subtype") != "/XML" or stream.get("/Type") != "/Metadata":
        wrong.append("the metadata stream is not /Type /Metadata /Subtype /XML")
    meta = pdf.open_metadata()
    info = pdf.docinfo
    expected = {
        "pdfaid:part": "2", "pdfaid:conformance": "B", "xmp:CreatorTool": creator_tool,
        "dc:title": str(info.get("/Title")), "dc:description": str(info.get("/Subject")),
        "pdf:Producer": str(info.get("/Producer")),
    }
    for key, value in expected.items():
        if str(meta.get(key)) != value:
            wrong.append(f"XMP {key} is {meta.get(key)!r}, not {value!r}")
    if meta.get("dc:creator") != [str(info.get("/Author"))]:
        wrong.append(f"XMP dc:creator is {meta.get('dc:creator')!r}")
    if meta.get("dc:language") != {language}:
        wrong.append(f"XMP dc:language is {meta.get('dc:language')!r}")
    if str(info.get("/Creator")) != creator_tool:
        wrong.append(f"/Creator is {info.get('/Creator')!r}")
    for key, name in (("xmp:CreateDate", "/CreationDate"), ("xmp:ModifyDate", "/ModDate")):
        if datetime.fromisoformat(str(meta.get(key))) != decode_pdf_date(str(info.get(name))):
            wrong.append(f"XMP {key} differs from {name}")
    for key in info.keys():
        if key not in {"/Title", "/Author", "/Subject", "/Creator", "/Producer",
                       "/CreationDate", "/ModDate"}:
            wrong.append(f"document information {key} has no XMP twin")
    return wrong


def output_intent_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Exactly one PDF/A output intent, carrying an RGB display profile."""
    intents = pdf.Root.get("/OutputIntents")
    if intents is None or len(intents) != 1:
        return ["not exactly one output intent"]
    intent = intents[0]
    wrong = []
    if intent.get("/S") != "/GTS_PDFA1":
        wrong.append(f"output intent /S is {intent.get('/S')}")
    if not str(intent.get("/OutputConditionIdentifier", "")):
        wrong.append("output intent has no OutputConditionIdentifier")
    profile = intent.get("/DestOutputProfile")
    if profile is None or profile.get("/N") != 3:
        return [*wrong, "output profile missing or not /N 3"]
    icc = profile.read_bytes()
    if icc[36:40] != b"acsp" or icc[16:20] != b"RGB " or icc[12:16] not in (b"mntr", b"prtr"):
        wrong.append("output profile is not an RGB display or printer ICC profile")
    if icc[8] >= 5:
        wrong.append(f"ICC profile version {icc[8]} is newer than PDF/A-2 allows")
    return wrong


def resource_problems(pdf: pikepdf.Pdf) -> tuple[list[str], set[str]]:
    """Fonts, graphics states and images of every page; also returns the font names seen."""
    wrong: list[str] = []
    seen: set[str] = set()
    for page in pdf.pages:
        for kind, obj in fonts_and_xobjects(page.obj.get("/Resources")):
            if kind == "font":
                name = str(obj.get("/BaseFont", "")).lstrip("/").split("+")[-1]
                seen.add(name)
                descriptor = obj.get("/FontDescriptor")
                if obj.get("/Subtype") != "/TrueType" or name in STANDARD_14 or descriptor is None:
                    wrong.append(f"font {name} is not an embedded TrueType font")
                    continue
                if "/FontFile2" not in descriptor:
                    wrong.append(f"font {name} has no FontFile2")
                    continue
                if int(descriptor.get("/Flags", 0)) & 4:  # symbolic
                    if "/Encoding" in obj:
                        wrong.append(f"symbolic font {name} has an /Encoding")
                    tables = cmap_subtables(descriptor.FontFile2.read_bytes())
                    if len(tables) != 1 and (3, 0) not in tables:
                        wrong.append(f"symbolic font {name} has cmap subtables {tables}")
            elif kind == "gs":
                if str(obj.get("/BM", "/Normal")) not in ("/Normal", "/Compatible"):
                    wrong.append(f"blend mode {obj.get('/BM')}")
                if "/TR" in obj or obj.get("/TR2", "/Default") != "/Default":
                    wrong.append("transfer function in a graphics state")
            elif obj.get("/Subtype") == "/Image":
                if obj.get("/Interpolate"):
                    wrong.append("an interpolated image")
                if "/Alternates" in obj or "/OPI" in obj:
                    wrong.append("an image with alternates or OPI")
    return wrong, seen


def forbidden_objects(pdf: pikepdf.Pdf) -> list[str]:
    """JavaScript, launch actions, embedded files, additional actions, non-printing annotations."""
    wrong = []
    names = pdf.Root.get("/Names")
    if names is not None and ("/JavaScript" in names or "/EmbeddedFiles" in names):
        wrong.append("JavaScript or embedded files in the name tree")
    for key in ("/OpenAction", "/AA", "/AcroForm"):
        if key in pdf.Root:
            wrong.append(f"catalog has {key}")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            if "/JS" in obj or obj.get("/S") in ("/JavaScript", "/Launch"):
                wrong.append("a JavaScript or launch action")
            if obj.get("/Type") == "/Annot" and not int(obj.get("/F", 0)) & 4:
                wrong.append("an annotation that does not print")
    return wrong


def problems(pdf_bytes: bytes, language: str, creator_tool: str) -> list[str]:
    """Everything that keeps `pdf_bytes` from being PDF/A-2b, as far as this check sees."""
    wrong: list[str] = []
    header = pdf_bytes[:16]
    if not re.match(rb"%PDF-1\.[4-7]", header):
        wrong.append(f"header {header[:8]!r} is not PDF 1.4-1.7")
    second = pdf_bytes.split(b"\n", 2)[1]
    if not (second.startswith(b"%") and sum(byte > 127 for byte in second[1:5]) == 4):
        wrong.append("no binary comment after the header")
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
            wrong.append("encrypted")
        document_id = pdf.trailer.get("/ID")
        if document_id is None or len(document_id) != 2 or not bytes(document_id[0]):
            wrong.append("no document ID in the trailer")
        if str(pdf.Root.get("/Lang", "")) != language:
            wrong.append(f"/Lang is {pdf.Root.get('/Lang')!r}")
        wrong += [f"qpdf: {p}" for p in pdf.check_pdf_syntax()]
        wrong += xmp_problems(pdf, language, creator_tool)
        wrong += output_intent_problems(pdf)
        resources, _seen = resource_problems(pdf)
        wrong += resources
        wrong += notdef_uses(pdf)
        wrong += forbidden_objects(pdf)
    return wrong


def fonts_used(pdf_bytes: bytes) -> set[str]:
    """The base names of the fonts the pages use (subset prefixes removed)."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        return resource_problems(pdf)[1]
