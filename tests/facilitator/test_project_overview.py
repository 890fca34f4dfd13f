"""A project's overview across its meetings: ideas by village and theme, asks, ideas' status."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest

from facilitator.domain.enums import AskAnswer, AskStatus, IdeaStatus
from facilitator.domain.validation import ValidationError
from facilitator.services import capture, follow_up, ideas, projects
from facilitator.services.follow_up import AnswerInput, SentInput
from facilitator.services.project_overview import AskFigure, project_overview
from facilitator.storage.models import Idea
from tests.facilitator.overview_factory import fill_project


@pytest.fixture
def filled(db, meeting_factory):
    return fill_project(db, meeting_factory)


def test_ideas_are_counted_by_village_and_theme_across_both_meetings(db, filled) -> None:
    table = project_overview(db, filled.first.project_id).villages_themes
    # Every village of the project has a row, even without ideas; ideas without one come last.
    assert table.villages == ("Agri", "Femmøller", "Helgenæs", "Knebel", "Vistoft", "Uden sted")
    # "Natur" and "natur " are one theme; the agenda item stands in for a missing theme.
    item_title = [i for i in filled.ideas.values() if i.title.startswith("Madmarked")][0]
    assert table.themes[0] == "Natur"
    assert table.themes[-1] == "Uden tema"
    assert table.count("Knebel", "Natur") == 1
    assert table.count("Agri", "Natur") == 1
    # A meeting about one village lends it to an idea without a village of its own.
    assert table.count("Femmøller", "Natur") == 1
    assert table.count("Knebel", "Trafik") == 1
    assert table.count("Uden sted", "Uden tema") == 1
    assert table.theme_total("Natur") == 3
    assert table.village_total("Femmøller") == 2
    assert table.village_total("Helgenæs") == 0
    assert table.total == 6
    assert item_title.theme == ""
    phase_theme = [t for t in table.themes if t not in ("Natur", "Trafik", "Uden tema")]
    assert len(phase_theme) == 1 and table.count("Femmøller", phase_theme[0]) == 1


def test_deleted_ideas_and_asks_are_not_counted(db, filled) -> None:
    overview = project_overview(db, filled.first.project_id)
    assert "Slettet idé" not in [i.title for i in overview.ideas]
    assert overview.villages_themes.total == 6
    assert overview.asks.total == AskFigure(4, 31200)
    capture.delete_entry(db, "idea", filled.ideas["shelter"].id)
    capture.delete_entry(db, "ask", filled.asks["tilskud"].id)
    overview = project_overview(db, filled.first.project_id)
    assert overview.villages_themes.count("Knebel", "Natur") == 0
    assert overview.asks.total == AskFigure(3, 6200)
    capture.restore_entry(db, "ask", filled.asks["gone"].id)
    assert project_overview(db, filled.first.project_id).asks.department_total("Trafik") == AskFigure(2, 99999)


def test_asks_are_counted_by_department_and_status_with_their_amounts(db, clock, filled) -> None:
    clock.advance(86400 * 70)
    today = clock.now().astimezone().date()
    follow_up.mark_sent(db, filled.asks["tilskud"].id, SentInput(today, "Natur og Miljø"))
    follow_up.record_answer(db, filled.asks["grus"].id, AnswerInput(today, AskAnswer.GRANTED))
    asks = project_overview(db, filled.first.project_id).asks
    assert asks.departments == ("Natur og Miljø", "Trafik", "Uden forvaltning")
    assert asks.statuses == (AskStatus.OPEN, AskStatus.FORWARDED, AskStatus.GRANTED)
    assert asks.figure("Natur og Miljø", AskStatus.FORWARDED) == AskFigure(1, 25000)
    assert asks.figure("Natur og Miljø", AskStatus.GRANTED) == AskFigure(1, 5000)
    assert asks.figure("Natur og Miljø", AskStatus.OPEN) == AskFigure(0, 0)
    assert asks.figure("Trafik", AskStatus.OPEN) == AskFigure(1, 0)
    assert asks.figure("Uden forvaltning", AskStatus.OPEN) == AskFigure(1, 1200)
    assert asks.status_total(AskStatus.OPEN) == AskFigure(2, 1200)
    assert asks.status_total(AskStatus.DECLINED) == AskFigure(0, 0)
    assert asks.department_total("Natur og Miljø") == AskFigure(2, 30000)


def test_another_projects_entries_stay_out(db, filled) -> None:
    other = projects.create_project(db, "Løsning Lykkes", ["Knebel"])
    assert project_overview(db, other.id).villages_themes.total == 0
    assert project_overview(db, other.id).asks.total == AskFigure()
    assert project_overview(db, other.id).villages_themes.villages == ("Knebel",)


def test_an_ideas_status_is_stored_and_counted(db, filled) -> None:
    before = project_overview(db, filled.first.project_id)
    assert before.ideas_with(IdeaStatus.NEW) == 6
    row = ideas.set_idea_status(db, filled.ideas["bus"].id, IdeaStatus.REALISED)
    assert (row.status, row.village, row.theme, row.meeting_title) == (
        IdeaStatus.REALISED, "Knebel", "Trafik", "Borgermøde i Knebel")
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.status = IdeaStatus.NEW  # type: ignore[misc]
    ideas.set_idea_status(db, filled.ideas["sti"].id, "parked")
    with db.session() as s:
        assert s.get_one(Idea, filled.ideas["bus"].id).status == IdeaStatus.REALISED
    after = project_overview(db, filled.first.project_id)
    assert dict(after.idea_status) == {IdeaStatus.NEW: 4, IdeaStatus.WORKING: 0,
                                       IdeaStatus.REALISED: 1, IdeaStatus.PARKED: 1}
    listed = {i.title: i.status for i in after.ideas}
    assert listed["Flere busser om aftenen"] == IdeaStatus.REALISED


@pytest.mark.parametrize(("which", "status", "message"), [
    ("gone", IdeaStatus.WORKING, "Idéen er slettet og kan ikke få ny status."),
    ("missing", IdeaStatus.WORKING, "Idéen findes ikke længere."),
    ("bus", "færdig", "Ukendt status for en idé."),
])
def test_a_refused_status_change_says_why_in_danish(db, filled, which, status, message) -> None:
    idea_id = uuid.uuid4() if which == "missing" else filled.ideas[which].id
    with pytest.raises(ValidationError) as refused:
        ideas.set_idea_status(db, idea_id, status)
    assert refused.value.message == message
    assert dict(project_overview(db, filled.first.project_id).idea_status)[IdeaStatus.WORKING] == 0


def test_the_ideas_are_listed_meeting_by_meeting_in_the_order_captured(db, filled) -> None:
    titles = [i.title for i in project_overview(db, filled.first.project_id).ideas]
    assert titles == ["Shelter ved stranden", "Sti langs kysten", "Flere busser om aftenen",
                      "Fælles kalender", "Bænke ved havnen", "Madmarked om lørdagen"]
    assert date(2026, 5, 5) == project_overview(db, filled.first.project_id).ideas[-1].meeting_at.date()
