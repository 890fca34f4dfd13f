"""Page 1's «Borgernes prioriteringer»: the latest round's leading ideas, ties kept, anonymised."""

from __future__ import annotations

import io

from pypdf import PdfReader

from facilitator.reports.brief import build_brief
from facilitator.reports.brief_data import BriefPriorities, BriefPriority
from facilitator.reports.first_page import IDEA_CAP, PRIORITY_RESERVE
from facilitator.services import briefs, capture, people, priorities
from facilitator.services.capture import IdeaInput
from tests.facilitator.brief_factory import MADE_ON, known_meeting, replace_data, typical_meeting

GROUP = "Borgergruppen i Agri"


def texts(data, language: str = "da") -> list[str]:
    pdf = build_brief(data, language, made_on=MADE_ON, invariant=True)
    return [" ".join(p.extract_text().replace("\u00a0", " ").split())
            for p in PdfReader(io.BytesIO(pdf)).pages]


def outline(data) -> list[tuple[str, int]]:
    reader = PdfReader(io.BytesIO(build_brief(data, "da", made_on=MADE_ON, invariant=True)))
    return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]


PRIORITIES = BriefPriorities(2, 2, 87, (
    BriefPriority(1, "Shelterplads ved søen", 23, 3),
    BriefPriority(2, "Sikker cykelsti til skolen", 19, 1),
    BriefPriority(3, "Fælles spisning <b>hver</b> måned & musik", 12, 2),
    BriefPriority(3, "Lektiecafé i forsamlingshuset", 12, 4),
    BriefPriority(5, "Vinterbadning fra badebroen", 1, 5),
))


def test_page_one_lists_the_priorities_with_their_votes_and_the_round() -> None:
    first = texts(known_meeting(priorities=PRIORITIES))[0]
    assert "Borgernes prioriteringer · runde 2 af 2 · 87 stemmer i alt" in first
    assert "1. Shelterplads ved søen (idé 3) 23 stemmer" in first
    assert "3. Fælles spisning <b>hver</b> måned & musik (idé 2) 12 stemmer" in first
    assert "3. Lektiecafé i forsamlingshuset (idé 4) 12 stemmer" in first
    assert "5. Vinterbadning fra badebroen (idé 5) 1 stemme" in first
    # Before what the citizens want: what they put first is read first.
    assert first.index("Borgernes prioriteringer") < first.index("Det vil borgerne")
    assert outline(known_meeting(priorities=PRIORITIES))[:2] == [
        ("Borgernes prioriteringer", 0), ("Det vil borgerne", 0)]


def test_one_round_is_not_numbered_and_no_round_shows_nothing() -> None:
    single = BriefPriorities(1, 1, 1, (BriefPriority(1, "Shelterplads ved søen", 1, 3),))
    first = texts(known_meeting(priorities=single))[0]
    assert "Borgernes prioriteringer · 1 stemme i alt" in first
    assert "runde 1" not in first
    assert "prioriteringer" not in texts(known_meeting())[0]
    empty = texts(known_meeting(priorities=BriefPriorities(1, 1, 0, ())))[0]
    assert "Borgernes prioriteringer · 0 stemmer i alt Der blev ikke givet stemmer i runden." in empty


def test_in_english() -> None:
    first = texts(known_meeting(priorities=PRIORITIES), "en")[0]
    assert "The citizens' priorities · round 2 of 2 · 87 votes in all" in first
    assert "1. Shelterplads ved søen (idea 3) 23 votes" in first
    assert "5. Vinterbadning fra badebroen (idea 5) 1 vote" in first


def test_a_typical_meeting_with_priorities_still_fits_page_one() -> None:
    data = typical_meeting(ideas=30, asks=10)
    many = BriefPriorities(3, 3, 412, tuple(
        BriefPriority(1 + i, idea.title + " med en længere forklaring af, hvad der menes", 60 - i,
                      i + 1)
        for i, idea in enumerate(data.ideas[:10])), more_tied=4)
    pages = texts(replace_data(data, priorities=many))
    first = pages[0]
    # The leading ideas are named above: the list below makes room for them.
    assert f"Det vil borgerne · {IDEA_CAP - PRIORITY_RESERVE} af 30 vist – alle står i bilag A" in first
    for ask in data.asks:
        assert ask.what in first
    assert "og 4 mere med lige så mange stemmer" in first
    assert "Bilag" not in first
    assert "Bilag A · Alle idéer" in pages[1]


# ----- from the database ---------------------------------------------------------------


def test_the_brief_takes_the_latest_round_ties_kept_names_hidden(db, meeting_factory) -> None:
    row = meeting_factory(db)
    people.add_person(db, row.project_id, "Karen Vestergaard")  # no consent to be named
    titles = ["Sti til stranden", "Bænk ved Karen Vestergaards have", "Shelter", "Café",
              "Bålplads", "Legeplads", "Toilet", "Bænke"]
    for title in titles:
        capture.add_idea(db, row.id, IdeaInput(title, proposed_by=GROUP))
    first = priorities.start_round(db, row.id)
    priorities.set_votes(db, first.id, 1, 40)
    second = priorities.start_round(db, row.id)
    for number, votes in ((1, 3), (2, 9), (3, 7), (4, 7), (5, 5), (6, 5), (7, 5), (8, 0)):
        priorities.set_votes(db, second.id, number, votes)
    data = briefs.brief_data(db, row.id)
    assert data.priorities is not None
    assert (data.priorities.round_number, data.priorities.round_count) == (2, 2)
    assert data.priorities.total_votes == 41
    # Places 1-5, and every idea tied with the fifth: seven lines; none without votes.
    assert [(p.rank, p.title, p.votes, p.idea_number) for p in data.priorities.top] == [
        (1, "Bænk ved […] have", 9, 2), (2, "Shelter", 7, 3), (2, "Café", 7, 4),
        (4, "Bålplads", 5, 5), (4, "Legeplads", 5, 6), (4, "Toilet", 5, 7)]
    first_page = texts(data)[0]
    assert "Karen" not in first_page
    assert "1. Bænk ved […] have (idé 2) 9 stemmer" in first_page
    assert "runde 2 af 2 · 41 stemmer i alt" in first_page


def test_a_long_tie_is_cut_and_counted(db, meeting_factory) -> None:
    row = meeting_factory(db)
    for n in range(14):
        capture.add_idea(db, row.id, IdeaInput(f"Idé nummer {n + 1}", proposed_by=GROUP))
    round_ = priorities.start_round(db, row.id)
    for n in range(1, 15):
        priorities.set_votes(db, round_.id, n, 2)
    data = briefs.brief_data(db, row.id)
    assert data.priorities is not None
    assert len(data.priorities.top) == briefs.PRIORITY_CAP
    assert {p.rank for p in data.priorities.top} == {1}
    assert data.priorities.more_tied == 14 - briefs.PRIORITY_CAP


def test_a_meeting_without_a_round_has_no_priorities(db, meeting_factory) -> None:
    row = meeting_factory(db)
    capture.add_idea(db, row.id, IdeaInput("Shelter", proposed_by=GROUP))
    assert briefs.brief_data(db, row.id).priorities is None
