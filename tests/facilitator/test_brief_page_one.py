"""Page 1 says which items opened after a long silence or with the official, which idea each ask
serves, and each idea's village; the data comes from what the live meeting stored."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader

from facilitator.clock import FakeClock
from facilitator.domain.enums import AskKind, Role
from facilitator.live_meeting import LiveMeeting
from facilitator.reports.brief import build_brief
from facilitator.reports.brief_data import BriefPhase
from facilitator.services import agenda, briefs, capture
from facilitator.services.capture import AskInput, IdeaInput
from tests.facilitator.brief_factory import MADE_ON, known_meeting, phases


def page(data=None, language: str = "da", number: int = 0) -> str:
    pdf = build_brief(data or known_meeting(), language, made_on=MADE_ON, invariant=True)
    text = PdfReader(io.BytesIO(pdf)).pages[number].extract_text().replace("\u00a0", " ")
    return " ".join(text.split())


def appendix(data=None) -> str:
    pdf = build_brief(data or known_meeting(), "da", made_on=MADE_ON, invariant=True)
    pages = PdfReader(io.BytesIO(pdf)).pages[1:]
    return " ".join(" ".join(p.extract_text().replace("\u00a0", " ") for p in pages).split())


def test_page_one_names_the_item_citizens_opened_after_a_long_silence() -> None:
    first = page()
    assert ("Tid til eftertanke: borgerne tog selv ordet efter lang stilhed i "
            "»Borgernes idérunde« (1 min. 5 sek.).") in first
    assert "Embedspersonen åbnede »Hvad har I brug for fra kommunen?«." in first
    english = page(language="en")
    assert ("Time to think: the citizens took the floor themselves after a long silence in "
            "“Borgernes idérunde” (1 min 5 s).") in english
    assert "The official opened “Hvad har I brug for fra kommunen?”." in english


def test_several_items_are_listed_and_none_says_nothing() -> None:
    listed = tuple(replace(p, thinking_seconds=40.0) if p.first_speaker is Role.CITIZEN else p
                   for p in phases())
    first = page(known_meeting(phases=listed))
    assert ("»Velkomst ved en borger« (40 sek.), »Borgernes idérunde« (40 sek.) og "
            "»Hvem gør hvad nu?« (40 sek.)") in first
    quiet = tuple(BriefPhase(p.title, p.planned_minutes, p.actual_seconds, Role.CITIZEN)
                  for p in phases())
    first = page(known_meeting(phases=quiet))
    assert "eftertanke" not in first and "Embedspersonen åbnede" not in first


def test_each_ask_on_page_one_names_the_idea_it_serves() -> None:
    first = page()
    assert ("Tilskud til shelter og bålsted Penge 12.500 kr. Natur og Miljø 15. apr. 2026 "
            "3 · Shelterplads ved søen") in first
    assert "Til idé" in first
    assert "Til idéen: Shelterplads ved søen (idé 3)" in appendix()
    long_title = known_meeting().asks[0].idea_title + " og en meget lang forklaring bagefter"
    cut = page(known_meeting(asks=(replace(known_meeting().asks[0], idea_title=long_title),)))
    assert "3 · Shelterplads ved sø…" in cut  # on one line, cut short


def test_each_idea_on_page_one_shows_its_village() -> None:
    first = page()
    assert "Shelterplads ved søen – Şükrü Yılmaz · Femmøller" in first
    assert "Lektiecafé i forsamlingshuset – Nguyễn Văn An · Knebel" in first
    # Not twice when the group's name says it already.
    assert "Sikker cykelsti til skolen – Borgergruppen i Knebel" in first
    assert "Borgergruppen i Knebel · Knebel" not in first


def test_brief_data_finds_the_long_silence_and_the_official_openings(
    db, meeting_factory, clock: FakeClock
) -> None:
    row = meeting_factory(db)
    items = agenda.list_phases(db, row.id)
    hold_back = items[0].hold_back_seconds
    session = LiveMeeting.start(db, row.id, clock)
    clock.advance(hold_back + 25)  # nobody speaks: the hold-back runs out in silence …
    session.tick()
    session.mark(Role.CITIZEN)  # … then a citizen takes the floor
    clock.advance(60)
    session.next_phase()
    clock.advance(2)
    session.mark(Role.OFFICIAL)  # the official opens the second item
    clock.advance(60)
    session.next_phase()
    clock.advance(3)
    session.mark(Role.CITIZEN)  # a citizen answers at once: no long silence
    clock.advance(60)
    session.next_phase()
    clock.advance(hold_back + 10)
    session.tick()
    session.mark(Role.OFFICIAL)  # a long silence, but the official broke it
    clock.advance(30)
    session.close()
    idea = capture.add_idea(db, row.id, IdeaInput("Bålhytte", "", "Spejderne"))
    clock.advance(1)  # ideas are numbered in the order they were raised
    capture.add_idea(db, row.id, IdeaInput("Shelter", "", "Spejderne"))
    second = capture.list_ideas(db, row.id)[1]
    capture.add_ask(db, row.id, AskInput("Brænde", AskKind.MATERIALS, idea_id=second.id))
    capture.add_ask(db, row.id, AskInput("Tilladelse", AskKind.PERMIT, idea_id=idea.id))
    capture.add_ask(db, row.id, AskInput("Omtale", AskKind.OTHER))

    data = briefs.brief_data(db, row.id)
    assert data.phases[0].thinking_seconds == hold_back + 25
    assert [p.thinking_seconds for p in data.phases[1:4]] == [None, None, None]
    assert [p.title for p in data.phases_opened_after_thinking] == [items[0].title]
    assert [p.title for p in data.phases_opened_by_officials] == [items[1].title, items[3].title]
    numbers = {ask.what: ask.idea_number for ask in data.asks}
    assert numbers == {"Brænde": 2, "Tilladelse": 1, "Omtale": None}
