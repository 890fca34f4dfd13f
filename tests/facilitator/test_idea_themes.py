"""Grouping ideas into themes: one idea's theme set at once, the project's themes offered."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from sqlalchemy import event

from facilitator.domain.danish_order import danish_key
from facilitator.domain.validation import MAX_TEXT_LENGTH, ValidationError
from facilitator.services import capture, ideas
from facilitator.services.capture import IdeaInput
from facilitator.storage.models import Idea


@pytest.fixture
def meeting(db, meeting_factory):
    return meeting_factory(db)


def _stored_theme(db, idea_id: uuid.UUID) -> str:
    with db.session() as s:
        return s.get_one(Idea, idea_id).theme


def test_a_theme_is_stored_trimmed_in_one_commit(db, meeting) -> None:
    idea = capture.add_idea(db, meeting.id, IdeaInput("Flere busser om aftenen"))
    commits: list[object] = []

    def count(connection: object) -> None:
        commits.append(connection)

    event.listen(db.engine, "commit", count)
    try:
        row = ideas.set_idea_theme(db, idea.id, "  Trafik \n og  veje ")
    finally:
        event.remove(db.engine, "commit", count)
    assert len(commits) == 1
    assert (row.id, row.title, row.theme) == (idea.id, "Flere busser om aftenen", "Trafik og veje")
    assert _stored_theme(db, idea.id) == "Trafik og veje"
    assert capture.list_ideas(db, meeting.id)[0].theme == "Trafik og veje"


@pytest.mark.parametrize("blank", ["", "   ", "\t\n ", "\u3000"])
def test_an_empty_or_blank_theme_clears_it(db, meeting, blank) -> None:
    idea = capture.add_idea(db, meeting.id, IdeaInput("Shelter", theme="Natur"))
    assert ideas.set_idea_theme(db, idea.id, blank).theme == ""
    assert _stored_theme(db, idea.id) == ""


@pytest.mark.parametrize("theme", ["Ældre & unge 👵🧒", "Café-kultur", "Şükrü's ønske", "Łąka",
                                   "Культура", "ثقافة"])
def test_any_language_or_emoji_is_a_theme(db, meeting, theme) -> None:
    idea = capture.add_idea(db, meeting.id, IdeaInput("Shelter"))
    assert ideas.set_idea_theme(db, idea.id, theme).theme == theme
    assert _stored_theme(db, idea.id) == theme


def test_a_too_long_theme_is_refused_in_danish_and_changes_nothing(db, meeting) -> None:
    idea = capture.add_idea(db, meeting.id, IdeaInput("Shelter", theme="Natur"))
    with pytest.raises(ValidationError) as refused:
        ideas.set_idea_theme(db, idea.id, "x" * (MAX_TEXT_LENGTH + 1))
    assert refused.value.message == "Tema er for lang (højst 100.000 tegn)."
    assert refused.value.field == "theme"
    assert _stored_theme(db, idea.id) == "Natur"


def test_the_idea_form_refuses_the_same_theme(meeting) -> None:
    problems = capture.idea_problems(IdeaInput("Shelter", theme="x" * (MAX_TEXT_LENGTH + 1)))
    assert [p.field for p in problems] == ["theme"]


def test_a_deleted_or_missing_idea_gets_no_theme(db, meeting) -> None:
    idea = capture.add_idea(db, meeting.id, IdeaInput("Shelter", theme="Natur"))
    capture.delete_entry(db, "idea", idea.id)
    with pytest.raises(ValidationError) as refused:
        ideas.set_idea_theme(db, idea.id, "Trafik")
    assert refused.value.message == "Idéen er slettet og kan ikke få et tema."
    assert _stored_theme(db, idea.id) == "Natur"
    with pytest.raises(ValidationError) as missing:
        ideas.set_idea_theme(db, uuid.uuid4(), "Trafik")
    assert missing.value.message == "Idéen findes ikke længere."


def test_the_projects_themes_are_offered_once_each_in_danish_order(db, meeting_factory) -> None:
    first = meeting_factory(db)
    second = meeting_factory(db, title="Borgermøde i Agri", scheduled_at=datetime(2026, 4, 1, 19))
    for title, theme in [("a", "Åen"), ("b", "trafik"), ("c", "Ældre"), ("d", ""), ("e", "Natur")]:
        capture.add_idea(db, first.id, IdeaInput(title, theme=theme))
    for title, theme in [("f", "Trafik "), ("g", "Zoneplan"), ("h", "Øer"), ("i", "café")]:
        capture.add_idea(db, second.id, IdeaInput(title, theme=theme))
    gone = capture.add_idea(db, second.id, IdeaInput("j", theme="Slettet tema"))
    capture.delete_entry(db, "idea", gone.id)
    expected = ["café", "Natur", "trafik", "Zoneplan", "Ældre", "Øer", "Åen"]
    assert ideas.project_themes(db, first.id) == expected
    assert ideas.project_themes(db, second.id) == expected


def test_another_projects_themes_are_not_offered(db, meeting_factory) -> None:
    from facilitator.services import meetings, projects

    mine = meeting_factory(db)
    other_project = projects.create_project(db, "Syddjurs Kyst", ["Ebeltoft"])
    other = meetings.create_meeting(db, other_project.id, "Andet møde", datetime(2026, 3, 4, 19))
    capture.add_idea(db, other.id, IdeaInput("Havn", theme="Havne"))
    capture.add_idea(db, mine.id, IdeaInput("Sti", theme="Natur"))
    assert ideas.project_themes(db, mine.id) == ["Natur"]
    assert ideas.project_themes(db, other.id) == ["Havne"]


def test_danish_order_puts_the_three_letters_last_and_ignores_case_and_accents() -> None:
    words = ["åben", "Zebra", "ære", "abe", "Øl", "éclair", "Ödland", "Äble", "eg", "Abe"]
    assert sorted(words, key=danish_key) == [
        "abe", "Abe", "éclair", "eg", "Zebra", "Äble", "ære", "Ödland", "Øl", "åben"]
