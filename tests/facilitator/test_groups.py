"""A project's citizen groups: add, list, rename, remove; what a "carried by" field is offered."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from facilitator.domain.validation import ValidationError
from facilitator.services import capture, groups, meetings, people, privacy, projects
from facilitator.storage.database import Database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def meeting(db, meeting_factory):
    return meeting_factory(db)


def test_groups_are_kept_per_project_and_listed_by_name(db, meeting, clock):
    other = projects.create_project(db, "Løsning Lykkes", ["Løsning"])
    groups.add_group(db, meeting.project_id, "Shelter-gruppen")
    clock.advance(1)
    added = groups.add_group(db, meeting.project_id, "  beboerforeningen  i Agri ")
    groups.add_group(db, other.id, "Byrådsgruppen")
    assert [g.name for g in groups.list_groups(db, meeting.project_id)] == [
        "beboerforeningen i Agri", "Shelter-gruppen"]
    assert [g.name for g in groups.list_groups(db, other.id)] == ["Byrådsgruppen"]
    assert added.project_id == meeting.project_id
    assert added.created_at == clock.now()
    with pytest.raises(dataclasses.FrozenInstanceError):
        added.name = "x"  # type: ignore[misc]


def test_a_group_is_remembered_for_the_next_meeting(db, meeting_factory):
    first = meeting_factory(db)
    groups.add_group(db, first.project_id, "Shelter-gruppen")
    second = meeting_factory(db, title="Næste møde")
    offered = groups.carrier_choices(db, second.id)
    assert [g.name for g in offered.groups] == ["Shelter-gruppen"]


@pytest.mark.parametrize(("name", "message"), [
    ("", "Gruppens navn skal udfyldes."),
    ("   ", "Gruppens navn skal udfyldes."),
    ("shelter-GRUPPEN", "Gruppen «shelter-GRUPPEN» findes allerede."),
    ("Anna Holm", "«Anna Holm» ligner en persons navn."),
    ("Mette", "«Mette» ligner en persons navn."),
    ("Karen Vestergaard", "«Karen Vestergaard» ligner en persons navn."),
])
def test_a_refused_group_name_says_why_in_danish(db, meeting, name, message):
    people.add_person(db, meeting.project_id, "Karen Vestergaard", may_be_named=True)
    groups.add_group(db, meeting.project_id, "Shelter-gruppen")
    with pytest.raises(ValidationError) as refused:
        groups.add_group(db, meeting.project_id, name)
    assert refused.value.message.startswith(message)
    assert refused.value.field == "name"
    assert groups.group_problems(db, meeting.project_id, name)[0].message == refused.value.message
    assert [g.name for g in groups.list_groups(db, meeting.project_id)] == ["Shelter-gruppen"]


def test_a_deliberate_group_name_may_name_someone(db, meeting):
    # With a group word the official chose it; the erasure still finds the name (below).
    assert groups.add_group(db, meeting.project_id, "Anna Holms gruppe").name == "Anna Holms gruppe"
    assert groups.group_problems(db, meeting.project_id, "Skolen") == []


def test_rename_keeps_the_entries_text_and_refuses_a_duplicate(db, meeting):
    shelter = groups.add_group(db, meeting.project_id, "Shelter-gruppen")
    groups.add_group(db, meeting.project_id, "Stigruppen")
    capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter", proposed_by="Shelter-gruppen"))
    renamed = groups.rename_group(db, shelter.id, "Shelterlauget")
    assert (renamed.id, renamed.name) == (shelter.id, "Shelterlauget")
    assert groups.rename_group(db, shelter.id, "shelterlauget").name == "shelterlauget"
    with pytest.raises(ValidationError, match="Gruppen «stigruppen» findes allerede."):
        groups.rename_group(db, shelter.id, "stigruppen")
    with pytest.raises(ValidationError, match="ligner en persons navn"):
        groups.rename_group(db, shelter.id, "Søren Bødker-Nielsen")
    assert [g.name for g in groups.list_groups(db, meeting.project_id)] == [
        "shelterlauget", "Stigruppen"]
    assert capture.list_ideas(db, meeting.id)[0].proposed_by == "Shelter-gruppen"


def test_remove_takes_a_group_off_the_list_only(db, meeting):
    shelter = groups.add_group(db, meeting.project_id, "Shelter-gruppen")
    capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter", proposed_by="Shelter-gruppen"))
    assert groups.remove_group(db, shelter.id).name == "Shelter-gruppen"
    assert groups.list_groups(db, meeting.project_id) == []
    assert capture.list_ideas(db, meeting.id)[0].proposed_by == "Shelter-gruppen"
    # Removed, it can be added again.
    groups.add_group(db, meeting.project_id, "Shelter-gruppen")


def test_choices_split_people_by_consent_to_be_named(db, meeting):
    karen = people.add_person(db, meeting.project_id, "Karen Vestergaard", may_be_named=True)
    people.add_person(db, meeting.project_id, "Jens Bødker", may_be_contacted=True)
    withdrawn = people.add_person(db, meeting.project_id, "Olena Kovalenko", may_be_named=True)
    people.withdraw_consent(db, withdrawn.id)
    groups.add_group(db, meeting.project_id, "Shelter-gruppen")
    offered = groups.carrier_choices(db, meeting.id)
    assert offered.project_id == meeting.project_id
    assert [p.id for p in offered.named_people] == [karen.id]
    assert offered.unnamed_people == ("Jens Bødker", "Olena Kovalenko")
    assert [g.name for g in offered.groups] == ["Shelter-gruppen"]
    assert set(offered.places) >= {"Knebel", "Agri"}


def test_erasing_a_person_removes_the_name_from_group_names_too(db, meeting, tmp_path):
    anna = people.add_person(db, meeting.project_id, "Anna Holm")
    groups.add_group(db, meeting.project_id, "Anna Holms gruppe")
    privacy.erase_person(db, anna.id, tmp_path)
    [group] = groups.list_groups(db, meeting.project_id)
    assert "Anna" not in group.name and "Holm" not in group.name
    assert group.name.endswith("gruppe")


def test_an_upgraded_0003_database_keeps_its_rows_and_takes_groups(tmp_path, clock):
    path = tmp_path / "f.db"
    shutil.copy(FIXTURES / "schema_0003.db", path)
    db = Database.open_file(path, clock)
    try:
        [project] = projects.list_projects(db)
        assert groups.list_groups(db, project.id) == []
        groups.add_group(db, project.id, "Shelter-gruppen")
        assert [g.name for g in groups.list_groups(db, project.id)] == ["Shelter-gruppen"]
        assert [p.name for p in people.list_people(db, project.id)] == [
            "Jens Bødker", "Karen Vestergaard"]
    finally:
        db.dispose()


def test_the_demo_project_keeps_every_group_its_entries_are_credited_to(db, clock):
    from facilitator.demo import create_demo

    project = create_demo(db, clock)
    kept = {g.name for g in groups.list_groups(db, project.id)}
    for meeting in meetings.list_meetings(db, project.id):
        credited = {i.proposed_by for i in capture.list_ideas(db, meeting.id)}
        credited |= {a.asked_by for a in capture.list_asks(db, meeting.id)}
        assert credited <= kept
