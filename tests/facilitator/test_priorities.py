"""Prioritisation rounds: ideas numbered in capture order, votes typed and corrected, refusals."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import event

from facilitator.domain.validation import ValidationError
from facilitator.services import agenda, capture, priorities
from facilitator.services.capture import IdeaInput


@pytest.fixture
def meeting(db, meeting_factory):
    return meeting_factory(db)


def add(db, meeting, *titles: str, theme: str = "", phase_id=None) -> list:
    return [capture.add_idea(db, meeting.id, IdeaInput(t, theme=theme), phase_id) for t in titles]


def stored_choices(path) -> list[tuple[int, int]]:
    with sqlite3.connect(path) as connection:
        return sorted(connection.execute("SELECT number, votes FROM priority_choice").fetchall())


@pytest.fixture
def commits(db) -> Iterator[list[object]]:
    seen: list[object] = []

    def count(connection: object) -> None:
        seen.append(connection)

    event.listen(db.engine, "commit", count)
    yield seen
    event.remove(db.engine, "commit", count)


def test_a_round_numbers_the_ideas_in_capture_order(db, clock, meeting) -> None:
    shelter, cafe, path = add(db, meeting, "Shelter ved Agri", "Café i forsamlingshuset", "Sti til stranden")
    # A clock set back does not reorder: capture order is the order they were typed.
    clock.set_wall(clock.now() - timedelta(hours=1))
    [late] = add(db, meeting, "Bålplads")
    row = priorities.start_round(db, meeting.id)
    assert row.number == 1 and row.started_at == clock.now() and row.meeting_id == meeting.id
    assert [(c.number, c.title, c.votes) for c in row.choices] == [
        (1, "Shelter ved Agri", 0), (2, "Café i forsamlingshuset", 0), (3, "Sti til stranden", 0),
        (4, "Bålplads", 0)]
    assert [c.idea_id for c in row.choices] == [shelter.id, cafe.id, path.id, late.id]
    assert row.total_votes == 0


def test_votes_are_stored_corrected_and_ranked(db, meeting) -> None:
    add(db, meeting, "Shelter", "Café", "Sti", "Bålplads")
    first = priorities.start_round(db, meeting.id)
    priorities.set_votes(db, first.id, 1, 12)
    priorities.set_votes(db, first.id, 3, 23)
    priorities.set_votes(db, first.id, 4, 12)
    row = priorities.set_votes(db, first.id, 1, 7)  # a correction overwrites
    assert [(c.number, c.votes) for c in row.choices] == [(1, 7), (2, 0), (3, 23), (4, 12)]
    assert [(c.title, c.votes) for c in row.ranked()] == [
        ("Sti", 23), ("Bålplads", 12), ("Shelter", 7), ("Café", 0)]
    assert row.total_votes == 42
    assert priorities.get_round(db, first.id) == row
    # Equal votes keep the room's order: the lower number first.
    row = priorities.set_votes(db, first.id, 2, 12)
    assert [c.number for c in row.ranked()] == [3, 2, 4, 1]


def test_several_rounds_each_keep_their_own_votes(db, meeting) -> None:
    add(db, meeting, "Shelter", "Café", "Sti")
    first = priorities.start_round(db, meeting.id)
    priorities.set_votes(db, first.id, 2, 9)
    add(db, meeting, "Bålplads")
    second = priorities.start_round(db, meeting.id)
    priorities.set_votes(db, second.id, 4, 15)
    assert second.number == 2 and len(second.choices) == 4
    rounds = priorities.list_rounds(db, meeting.id)
    assert [r.number for r in rounds] == [1, 2]
    assert [c.votes for c in rounds[0].choices] == [0, 9, 0]
    assert [c.votes for c in rounds[1].choices] == [0, 0, 0, 15]
    latest = priorities.latest_round(db, meeting.id)
    assert latest is not None and latest.id == second.id
    assert latest.ranked()[0].title == "Bålplads"


def test_a_meeting_without_rounds_has_no_latest(db, meeting) -> None:
    assert priorities.list_rounds(db, meeting.id) == []
    assert priorities.latest_round(db, meeting.id) is None


def test_a_round_of_chosen_agenda_items_takes_only_their_ideas(db, meeting) -> None:
    phases = agenda.list_phases(db, meeting.id)
    add(db, meeting, "Velkomstidé", phase_id=phases[0].id)
    add(db, meeting, "Shelter", phase_id=phases[1].id)
    add(db, meeting, "Uden punkt")
    add(db, meeting, "Café", phase_id=phases[1].id)
    add(db, meeting, "Sti", phase_id=phases[2].id)
    row = priorities.start_round(db, meeting.id, [phases[1].id, phases[2].id])
    assert [(c.number, c.title) for c in row.choices] == [(1, "Shelter"), (2, "Café"), (3, "Sti")]
    assert {c.phase_id for c in row.choices} == {phases[1].id, phases[2].id}
    only = priorities.start_round(db, meeting.id, [phases[0].id])
    assert [(c.number, c.title) for c in only.choices] == [(1, "Velkomstidé")]


def test_no_ideas_is_refused_in_danish_and_nothing_is_stored(db, tmp_path, meeting) -> None:
    with pytest.raises(ValidationError, match="Mødet har ingen idéer at prioritere"):
        priorities.start_round(db, meeting.id)
    add(db, meeting, "Shelter")
    [phase, *_rest] = agenda.list_phases(db, meeting.id)
    with pytest.raises(ValidationError, match="De valgte punkter har ingen idéer"):
        priorities.start_round(db, meeting.id, [_rest[-1].id])
    with pytest.raises(ValidationError, match="De valgte punkter har ingen idéer"):
        priorities.start_round(db, meeting.id, [])
    assert priorities.list_rounds(db, meeting.id) == []
    assert stored_choices(tmp_path / "f.db") == []


@pytest.mark.parametrize(("number", "votes", "message"), [
    (5, 3, "Runden har ingen idé med nummer 5"),
    (0, 3, "Runden har ingen idé med nummer 0"),
    (1, -1, "Stemmerne skal være et helt tal fra 0 til 9.999"),
    (1, 10_000, "Stemmerne skal være et helt tal fra 0 til 9.999"),
])
def test_a_wrong_number_or_count_is_refused_and_changes_nothing(
        db, tmp_path, meeting, number, votes, message) -> None:
    add(db, meeting, "Shelter", "Café")
    row = priorities.start_round(db, meeting.id)
    priorities.set_votes(db, row.id, 1, 4)
    before = stored_choices(tmp_path / "f.db")
    with pytest.raises(ValidationError, match=message):
        priorities.set_votes(db, row.id, number, votes)
    assert stored_choices(tmp_path / "f.db") == before == [(1, 4), (2, 0)]


def test_the_highest_count_is_accepted(db, meeting) -> None:
    add(db, meeting, "Shelter")
    row = priorities.start_round(db, meeting.id)
    assert priorities.set_votes(db, row.id, 1, 9999).total_votes == 9999


def test_titles_are_read_live_from_the_idea(db, meeting) -> None:
    [shelter] = add(db, meeting, "Shelter", theme="Natur")
    row = priorities.start_round(db, meeting.id)
    capture.update_idea(db, shelter.id, IdeaInput("Shelter ved Agri Bavnehøj", theme="Friluftsliv"))
    [choice] = priorities.get_round(db, row.id).choices
    assert (choice.title, choice.theme) == ("Shelter ved Agri Bavnehøj", "Friluftsliv")


def test_a_deleted_idea_leaves_the_round_but_keeps_its_votes_for_an_undo(db, tmp_path, meeting) -> None:
    shelter, cafe, path = add(db, meeting, "Shelter", "Café", "Sti")
    row = priorities.start_round(db, meeting.id)
    priorities.set_votes(db, row.id, 2, 11)
    capture.delete_entry(db, "idea", cafe.id)
    shown = priorities.get_round(db, row.id)
    # The others keep the numbers the room saw: no renumbering.
    assert [(c.number, c.title) for c in shown.choices] == [(1, "Shelter"), (3, "Sti")]
    assert shown.total_votes == 0
    with pytest.raises(ValidationError, match="Idé nummer 2 er slettet"):
        priorities.set_votes(db, row.id, 2, 5)
    assert (2, 11) in stored_choices(tmp_path / "f.db")
    # A new round numbers only the ideas still there.
    assert [c.title for c in priorities.start_round(db, meeting.id).choices] == ["Shelter", "Sti"]
    capture.restore_entry(db, "idea", cafe.id)
    back = priorities.get_round(db, row.id)
    assert [(c.number, c.votes) for c in back.choices] == [(1, 0), (2, 11), (3, 0)]


def test_each_call_is_one_commit(db, meeting, commits) -> None:
    add(db, meeting, "Shelter", "Café", "Sti")
    before = len(commits)
    row = priorities.start_round(db, meeting.id)
    assert len(commits) == before + 1
    priorities.set_votes(db, row.id, 1, 3)
    assert len(commits) == before + 2
    with pytest.raises(ValidationError):
        priorities.set_votes(db, row.id, 9, 3)
    assert len(commits) == before + 2


def test_the_numbers_and_votes_are_stored_without_any_title(db, tmp_path, meeting) -> None:
    add(db, meeting, "Shelter ved Agri Bavnehøj")
    row = priorities.start_round(db, meeting.id)
    priorities.set_votes(db, row.id, 1, 5)
    with sqlite3.connect(tmp_path / "f.db") as connection:
        for table in ("priority_round", "priority_choice"):
            for values in connection.execute(f'SELECT * FROM "{table}"'):
                assert not any(isinstance(v, str) and "Shelter" in v for v in values)
