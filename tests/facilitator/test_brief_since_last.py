"""The meeting brief's «Siden sidst»: there when something happened since the previous meeting,
absent otherwise, and as anonymised as the rest of the brief."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from facilitator.domain.enums import OwnerSide
from facilitator.reports.brief import build_brief
from facilitator.services import briefs, capture, people
from tests.facilitator.carry_history import make_history


def page_one(db, meeting_id, language="da", keep: str = "") -> str:
    pdf = build_brief(briefs.brief_data(db, meeting_id), language, date(2026, 4, 15), invariant=True)
    if keep:
        Path(keep).parent.mkdir(exist_ok=True)
        Path(keep).write_bytes(pdf)  # to look at (pdftoppm), outside the repository
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def test_the_brief_tells_what_happened_since_the_previous_meeting(db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    text = page_one(db, h.second.id, keep="/tmp/shots-carry/brief_since.pdf")
    assert "Siden sidst" in text
    assert "2 svar modtaget" in text
    assert "Svar modtaget:" in text and "Imødekommet" in text and "Afslået" in text
    assert "Næste skridt gjort: Søg fondsmidler til shelteret" in text
    assert "Send kort over stierne" in text
    assert "venter i 36 dage (forfaldent)" in text


def test_since_last_has_its_outline_entry_first(db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    pdf = build_brief(briefs.brief_data(db, h.second.id), "da", date(2026, 4, 15), invariant=True)
    reader = PdfReader(io.BytesIO(pdf))
    outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert outline[:2] == [("Siden sidst", 0), ("Det vil borgerne", 0)]


def test_no_since_section_when_nothing_happened(db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    assert "Siden sidst" not in page_one(db, h.first.id)
    assert briefs.brief_data(db, h.first.id).since_last is None


def test_a_name_without_consent_is_hidden_in_since_last(db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    people.add_person(db, h.first.project_id, "Jens Bødker")
    capture.add_step(db, h.first.id, capture.StepInput(
        "Ring til Jens Bødker om stien", OwnerSide.MUNICIPALITY, "Plan og Byg", date(2026, 3, 10)))
    data = briefs.brief_data(db, h.second.id)
    assert data.since_last is not None
    assert any("Ring til" in s.what for s in data.since_last.steps_overdue)
    text = page_one(db, h.second.id)
    assert "Ring til" in text
    assert "Bødker" not in text


def test_the_english_brief_says_it_in_english(db, clock, meeting_factory) -> None:
    h = make_history(db, clock, meeting_factory)
    text = page_one(db, h.second.id, "en")
    assert "Since last time" in text
    assert "2 answers received" in text and "Granted" in text
    assert "waiting for 36 days (overdue)" in text
