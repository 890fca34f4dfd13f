"""An idea or ask and the person who carries it are stored in one commit, or not at all."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event

from facilitator.domain.validation import ValidationError
from facilitator.services import capture, people, privacy
from facilitator.services.capture import AskInput, IdeaInput, PersonLink


class Commits:
    """Counts the commits the engine sees."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, _connection: object) -> None:
        self.count += 1


@pytest.fixture
def commits(db) -> Iterator[Commits]:
    counter = Commits()
    event.listen(db.engine, "commit", counter)
    yield counter
    event.remove(db.engine, "commit", counter)


@pytest.fixture
def meeting(db, meeting_factory):
    return meeting_factory(db)


@pytest.fixture
def karen(db, meeting):
    return people.add_person(db, meeting.project_id, "Karen Vestergaard", may_be_named=True)


class LinkFails(RuntimeError):
    pass


def _failing_link(*_args: object) -> None:
    raise LinkFails("the link step failed")


def test_a_new_idea_with_its_person_is_one_commit(db, meeting, karen, commits) -> None:
    row = capture.add_idea(db, meeting.id, IdeaInput("Shelter"), person=PersonLink(karen.id))
    assert commits.count == 1
    assert privacy.linked_person_id(db, "idea", row.id) == karen.id


def test_a_new_ask_with_its_person_is_one_commit(db, meeting, karen, commits) -> None:
    row = capture.add_ask(db, meeting.id, AskInput("Byggetilladelse"), person=PersonLink(karen.id))
    assert commits.count == 1
    assert privacy.linked_person_id(db, "ask", row.id) == karen.id


def test_an_edit_that_changes_the_person_is_one_commit(db, meeting, karen, commits) -> None:
    idea = capture.add_idea(db, meeting.id, IdeaInput("Shelter"), person=PersonLink(karen.id))
    ask = capture.add_ask(db, meeting.id, AskInput("Tømmer"), person=PersonLink(karen.id))
    before = commits.count
    capture.update_idea(db, idea.id, IdeaInput("Shelter ved Agri"), person=PersonLink(None))
    capture.update_ask(db, ask.id, AskInput("Tømmer, 12 m³"), person=PersonLink(None))
    assert commits.count == before + 2
    assert privacy.linked_person_id(db, "idea", idea.id) is None
    assert privacy.linked_person_id(db, "ask", ask.id) is None
    assert capture.list_ideas(db, meeting.id)[0].title == "Shelter ved Agri"


def test_an_edit_without_a_person_choice_keeps_the_link(db, meeting, karen) -> None:
    idea = capture.add_idea(db, meeting.id, IdeaInput("Shelter"), person=PersonLink(karen.id))
    capture.update_idea(db, idea.id, IdeaInput("Shelter ved Agri"))
    assert privacy.linked_person_id(db, "idea", idea.id) == karen.id


def test_a_failed_link_leaves_no_idea_behind(db, meeting, karen, commits, monkeypatch) -> None:
    monkeypatch.setattr(people, "link_person", _failing_link)
    with pytest.raises(LinkFails):
        capture.add_idea(db, meeting.id, IdeaInput("Shelter"), person=PersonLink(karen.id))
    assert capture.list_ideas(db, meeting.id) == []
    assert commits.count == 0


def test_a_failed_link_leaves_no_ask_behind(db, meeting, karen, commits, monkeypatch) -> None:
    monkeypatch.setattr(people, "link_person", _failing_link)
    with pytest.raises(LinkFails):
        capture.add_ask(db, meeting.id, AskInput("Tømmer"), person=PersonLink(karen.id))
    assert capture.list_asks(db, meeting.id) == []
    assert commits.count == 0


def test_a_failed_link_leaves_an_edited_idea_as_it_was(db, meeting, karen, monkeypatch) -> None:
    idea = capture.add_idea(db, meeting.id, IdeaInput("Shelter"))
    monkeypatch.setattr(people, "link_person", _failing_link)
    with pytest.raises(LinkFails):
        capture.update_idea(db, idea.id, IdeaInput("Noget andet"), person=PersonLink(karen.id))
    assert [i.title for i in capture.list_ideas(db, meeting.id)] == ["Shelter"]


def test_a_person_of_another_project_is_refused_and_nothing_is_stored(
    db, meeting, meeting_factory, commits
) -> None:
    from facilitator.services import projects

    other = projects.create_project(db, "Et andet projekt", [])
    stranger = people.add_person(db, other.id, "Bo Ørum", may_be_named=True)
    before = commits.count
    with pytest.raises(ValidationError) as refused:
        capture.add_idea(db, meeting.id, IdeaInput("Shelter"), person=PersonLink(stranger.id))
    assert refused.value.message == "Personen findes ikke i dette projekt."
    assert capture.list_ideas(db, meeting.id) == []
    assert commits.count == before
