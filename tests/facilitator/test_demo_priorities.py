"""`facilitator demo`: the latest held meeting had a prioritisation round, and the brief shows it."""

from __future__ import annotations

import io

from pypdf import PdfReader

from facilitator.domain.enums import MeetingStatus
from facilitator.reports.brief import build_brief
from facilitator.services import agenda, briefs, meetings, priorities


def test_the_latest_held_meeting_had_a_round_with_votes(demo) -> None:
    db, project = demo
    latest = briefs.latest_meeting_id(db)
    assert latest is not None
    assert meetings.get_meeting(db, latest).title == "Opfølgningsmøde i Femmøller"
    [round_] = priorities.list_rounds(db, latest)
    assert len(round_.choices) == 10 and round_.total_votes == 102
    assert [(c.title, c.votes) for c in round_.ranked()[:3]] == [
        ("Badebro ved Femmøller Strand", 24), ("Aftenbus til Ebeltoft", 19),
        ("Natursti rundt om Helgenæs med fortællepæle", 15)]
    # Held during the idea round, while the meeting ran.
    held = meetings.get_meeting(db, latest)
    assert held.started_at < round_.started_at < held.ended_at
    # The other meetings had none.
    others = [m for m in meetings.list_meetings(db, project.id) if m.id != latest]
    assert all(priorities.list_rounds(db, m.id) == [] for m in others)
    assert {m.status for m in others} == {MeetingStatus.CLOSED, MeetingStatus.PLANNED}


def test_the_demo_brief_shows_the_priorities_on_page_one(demo) -> None:
    db, _project = demo
    data = briefs.brief_data(db, briefs.latest_meeting_id(db))
    pdf = build_brief(data, "da", invariant=True)
    first = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().replace("\u00a0", " ").split())
    assert "Borgernes prioriteringer · 102 stemmer i alt" in first
    assert "1. Badebro ved Femmøller Strand (idé 1) 24 stemmer" in first
    # A tie at fifth place keeps both ideas.
    assert "5. Fortælleaftener med de ældste på Helgenæs (idé 6) 8 stemmer" in first
    assert "5. Strandrydning hver måned (idé 5) 8 stemmer" in first
    assert "Lys på stien" not in first.split("Det vil borgerne")[0]


def test_the_idea_rounds_have_a_question_for_the_room(demo) -> None:
    db, project = demo
    questions = {m.title: [p.question for p in agenda.list_phases(db, m.id) if p.question]
                 for m in meetings.list_meetings(db, project.id)}
    assert questions["Opfølgningsmøde i Femmøller"] == [
        "Hvad skal kysten og naturen på Helgenæs og ved Femmøller kunne om fem år?"]
    assert questions["Sommermøde i Rolsø"] == ["Hvad ville gøre sommeren i Rolsø bedre?"]
