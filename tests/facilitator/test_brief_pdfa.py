"""The brief is PDF/A-2b, as the municipality's case system expects.

No PDF/A validator can be installed on this project's machines (veraPDF is not
in the package registries they reach), so `pdfa_check.problems` checks the
structure with pikepdf, and qpdf checks the syntax when it is installed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

import facilitator
from facilitator.domain.talk_share import TalkShare
from facilitator.reports.brief import build_brief
from facilitator.reports.pdfa import srgb_profile
from tests.facilitator.brief_factory import (
    MADE_ON,
    known_meeting,
    large_meeting,
    replace_data,
    typical_meeting,
)
from tests.facilitator.pdfa_check import problems
from tests.facilitator.test_brief import png_logo
from tests.facilitator.test_brief_glyphs import emoji_meeting

CREATOR = f"Facilitator {facilitator.__version__}"


def build(data=None, language: str = "da") -> bytes:
    return build_brief(data or known_meeting(), language, made_on=MADE_ON, invariant=True)


BRIEFS = {
    "known-da": lambda: build(),
    "known-en": lambda: build(language="en"),
    "typical-with-logo": lambda: build(replace_data(typical_meeting(), logo_png=png_logo())),
    "emoji": lambda: build(emoji_meeting()),
    "empty": lambda: build(known_meeting(ideas=(), asks=(), steps=(), phases=(),
                                         share=TalkShare({}), attendance=None)),
}


@pytest.mark.parametrize("name", sorted(BRIEFS))
def test_brief_passes_the_pdfa_2b_structure_check(name: str) -> None:
    language = "en" if name.endswith("-en") else "da"
    assert problems(BRIEFS[name](), language, CREATOR) == []


def test_a_large_brief_passes_too() -> None:
    assert problems(build(large_meeting(ideas=120, asks=40)), "da", CREATOR) == []


def test_xmp_says_what_the_brief_is() -> None:
    with pikepdf.open(io.BytesIO(build())) as pdf:
        meta = pdf.open_metadata()
        assert meta["dc:title"] == "Politisk orientering: Borgermøde om landsbyernes fremtid"
        assert meta["dc:creator"] == ["Mette Holm Sørensen"]
        assert meta["dc:description"] == (
            "Mols i Udvikling · 24. februar 2026 · Knebel Forsamlingshus")
        assert meta["dc:language"] == {"da"}
        assert meta["xmp:CreatorTool"] == CREATOR
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
        assert pdf.Root.Lang == "da"
        assert pdf.docinfo["/Creator"] == CREATOR
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1"
        assert intent.DestOutputProfile.N == 3
        assert intent.DestOutputProfile.read_bytes() == srgb_profile()
        assert not pdf.is_encrypted
        assert len(pdf.trailer.ID) == 2


def test_the_shipped_icc_profile_is_srgb_with_its_licence() -> None:
    profile = srgb_profile()
    assert profile[36:40] == b"acsp" and profile[16:20] == b"RGB " and profile[12:16] == b"mntr"
    assert profile[8] == 2  # ICC version 2: valid for every PDF/A part
    licence = Path(facilitator.__file__).resolve().parents[1] / "resources" / "icc"
    assert "zlib" in (licence / "LICENSE-sRGB.txt").read_text(encoding="utf-8")


def test_the_structure_check_finds_what_plain_reportlab_output_lacks() -> None:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)  # Helvetica, no XMP, no output intent
    canvas.drawString(72, 72, "Hej")
    canvas.save()
    found = problems(out.getvalue(), "da", CREATOR)
    assert "no /Metadata on the catalog" in found
    assert "not exactly one output intent" in found
    assert any("Helvetica" in problem for problem in found)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed here")
def test_qpdf_finds_no_problem(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(build(replace_data(typical_meeting(), logo_png=png_logo())))
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout
