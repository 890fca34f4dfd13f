"""The Qt-free half of --self-test: the scripted meeting and the embedded-fonts check."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from facilitator.reports.brief import build_brief
from facilitator.self_check import font_problems, run_scripted_meeting
from facilitator.services import briefs, capture, live

from .brief_factory import known_meeting


def test_the_scripted_meeting_stores_what_a_real_one_does(db, clock) -> None:
    done = run_scripted_meeting(db, clock)
    assert (done.ideas, done.asks) == (3, 1)
    assert done.hold_backs_respected >= 1
    titles = [i.title for i in capture.list_ideas(db, done.meeting_id)]
    assert any("æøå" in t for t in titles)
    assert any("źdźbło" in t for t in titles) and any("Свято" in t for t in titles)
    roles = {t.role for t in live.list_turns(db, done.meeting_id)}
    assert len(roles) == 4  # citizen, official, politician and silence all had the floor
    data = briefs.brief_data(db, done.meeting_id)
    assert data.meeting_title == "Selvtest i forsamlingshuset"


def test_the_brief_embeds_every_font() -> None:
    assert font_problems(build_brief(known_meeting(), "da", invariant=True)) == []


def _helvetica_pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, "Helvetica is never embedded")
    canvas.save()
    return out.getvalue()


def test_a_font_that_is_not_embedded_is_named() -> None:
    assert any("Helvetica" in problem for problem in font_problems(_helvetica_pdf()))


def test_a_pdf_without_fonts_is_not_a_pass() -> None:
    assert font_problems(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n") != []
