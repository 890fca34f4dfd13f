"""The follow-up desk's reading, the attention line and the e-mail draft to a department."""

from __future__ import annotations

import email
import os
import stat
from datetime import date, timedelta
from email import policy

import pytest

from facilitator import follow_up_mail
from facilitator.domain.enums import AskAnswer, StepState
from facilitator.services import (
    capture,
    follow_up,
    follow_up_attention,
    follow_up_desk,
    people,
)
from facilitator.services.follow_up import AnswerInput, SentInput
from facilitator.services.follow_up_attention import Attention, attention, attention_line
from facilitator.services.follow_up_desk import DeskFilters, DeskKind, DeskStage
from facilitator.storage import stale_files
from tests.facilitator.desk_factory import fill_desk, set_today

MEETING_DAY = date(2026, 3, 3)


@pytest.fixture
def filled(db, clock, meeting_factory):
    """Two meetings of one project with asks and steps in different stages; today is 20 March."""
    return fill_desk(db, clock, meeting_factory)


def test_the_desk_lists_open_entries_with_stage_age_deadline_and_clock(db, filled) -> None:
    rows = follow_up_desk.desk_rows(db, filled["project_id"], DeskFilters())
    by_text = {r.text: r for r in rows}
    # The reported-back ask is closed: not on the desk by default.
    assert set(by_text) == {"Tilskud til shelter", "Bænke på torvet", "Indkalde til arbejdsdag",
                            "Tjekke lokalplanen"}
    shelter = by_text["Tilskud til shelter"]
    assert (shelter.kind, shelter.stage, shelter.idea_title) == (
        DeskKind.ASK, DeskStage.REGISTERED, "Shelter ved stranden")
    assert (shelter.meeting_title, shelter.meeting_day) == ("Borgermøde i Knebel", MEETING_DAY)
    assert shelter.age_days == 16 and shelter.deadline == date(2026, 3, 15)
    assert shelter.overdue and shelter.overdue_days == 5
    assert shelter.clock is not None and shelter.clock.days_to_sent is None
    bench = by_text["Bænke på torvet"]
    assert (bench.stage, bench.overdue, bench.clock and bench.clock.days_to_sent) == (
        DeskStage.SENT, False, 1)
    assert bench.villages == ("Agri",)
    step = by_text["Indkalde til arbejdsdag"]
    assert (step.kind, step.stage, step.overdue, step.overdue_days) == (
        DeskKind.STEP, DeskStage.STEP_OPEN, True, 2)
    assert not by_text["Tjekke lokalplanen"].overdue


def test_filters_narrow_the_desk(db, filled) -> None:
    project = filled["project_id"]

    def texts(**options):
        return sorted(r.text for r in follow_up_desk.desk_rows(db, project, DeskFilters(**options)))

    assert texts(department="teknik og miljø") == ["Bænke på torvet", "Tilskud til shelter"]
    assert texts(meeting_id=filled["second"].id) == [
        "Bænke på torvet", "Indkalde til arbejdsdag", "Tjekke lokalplanen"]
    assert texts(stage=DeskStage.SENT) == ["Bænke på torvet"]
    # A closed stage asked for by name is shown even without «Vis også afsluttede».
    assert texts(stage=DeskStage.REPORTED) == ["Nøgle til forsamlingshuset"]
    assert "Nøgle til forsamlingshuset" in texts(include_closed=True)
    assert texts(village="Knebel") == ["Tilskud til shelter"]  # the first meeting is in Knebel and Agri
    choices = follow_up_desk.desk_choices(db, project)
    assert choices.departments == ("Agri Borgerforening", "Kultur", "Plan og Byg", "Teknik og Miljø")
    assert [m.title for m in choices.meetings] == ["Borgermøde i Knebel", "Borgermøde i Agri"]
    assert "Knebel" in choices.villages


def test_department_figures_for_the_project(db, clock, filled) -> None:
    follow_up.record_answer(db, filled["bench"].id, AnswerInput(date(2026, 3, 20), AskAnswer.REFUSED))
    figures = {f.department: f for f in follow_up_desk.department_figures(db, filled["project_id"])}
    assert figures["Kultur"].median_days_to_answer == 1.0
    teknik = figures["Teknik og Miljø"]
    assert (teknik.asks, teknik.answered, teknik.overdue) == (2, 1, 1)
    assert teknik.median_days_to_answer == 9.0 and teknik.slowest_days == 9


def test_attention_counts_across_projects_and_says_it_in_danish(db, clock, filled) -> None:
    counts = attention(db, date(2026, 3, 20))
    assert counts == Attention(answers_overdue=1, steps_due_this_week=1, steps_overdue=1)
    assert attention_line(counts) == (
        "1 svar er forfaldent · 1 næste skridt er forsinket · 1 næste skridt forfalder i denne uge")
    assert attention_line(Attention(3, 2, 0)) == "3 svar er forfaldne · 2 næste skridt forfalder i denne uge"
    assert attention_line(Attention(0, 0, 2)) == "2 næste skridt er forsinkede"
    # Next week's Monday: the step due Saturday is now late too; nothing is due in the new week.
    later = attention(db, date(2026, 3, 23))
    assert (later.steps_overdue, later.steps_due_this_week) == (2, 0)
    follow_up.set_step_state(db, filled["step"].id, StepState.DONE, date(2026, 3, 20))
    follow_up.record_answer(db, filled["shelter"].id, AnswerInput(date(2026, 3, 20), AskAnswer.GRANTED))
    follow_up.set_step_state(db, filled["week"].id, StepState.DROPPED, date(2026, 3, 20))
    calm = attention(db, date(2026, 3, 20))
    assert calm.calm and attention_line(calm) == ""


def test_an_archived_project_asks_for_no_attention(db, filled) -> None:
    from facilitator.services import projects

    projects.set_archived(db, filled["project_id"], True)
    assert attention(db, date(2026, 3, 20)).calm


def test_week_end_is_sunday() -> None:
    assert follow_up_attention.week_end(date(2026, 3, 20)) == date(2026, 3, 22)
    assert follow_up_attention.week_end(date(2026, 3, 22)) == date(2026, 3, 22)
    assert follow_up_attention.week_end(date(2026, 3, 23)) == date(2026, 3, 29)


def read_draft(path):
    with open(path, "rb") as file:
        return email.message_from_binary_file(file, policy=policy.default)


def test_the_mail_draft_holds_the_ask_in_danish_and_opens_as_unsent(db, tmp_path, filled) -> None:
    follow_up.mark_sent(db, filled["shelter"].id, SentInput(
        date(2026, 3, 20), "Teknik og Miljø", "Vej og Park <vej.park@syddjurs.dk>"))
    path = follow_up_mail.make_mail_draft(db, filled["shelter"].id)
    assert path.parent == tmp_path / "exports"
    assert path.name == f"mail-2026-03-20-{filled['shelter'].id.hex[:8]}.eml"
    message = read_draft(path)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "vej.park@syddjurs.dk"
    assert message["Subject"] == "Borgerønske fra Borgermøde i Knebel: Tilskud til shelter"
    text = message.get_content()
    assert message.get_content_charset() == "utf-8"
    for expected in ("Kære Teknik og Miljø", "»Borgermøde i Knebel« den 3. marts 2026",
                     "Tilskud til shelter", "Idéen, ønsket hører til: Shelter ved stranden",
                     "Beløb: 12.500 kr.", "svar senest 15. marts 2026", "Mette Kragh",
                     "Syddjurs Kommune", "»Mols i Udvikling«"):
        assert expected in text
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_mail_draft_names_no_one_without_consent(db, filled) -> None:
    project = filled["project_id"]
    people.add_person(db, project, "Birthe Østergård")
    ask = capture.add_ask(db, filled["first"].id, capture.AskInput(
        "Birthe Østergård ønsker en bænk; ring 20 30 40 50", department="Teknik og Miljø"))
    message = read_draft(follow_up_mail.make_mail_draft(db, ask.id))
    text = message.get_content() + message["Subject"]
    assert "Østergård" not in text and "Birthe" not in text and "20 30 40 50" not in text
    assert message["To"] == ""  # no address known: the official fills it in


def test_an_erasure_removes_the_mail_drafts(db, tmp_path, filled) -> None:
    path = follow_up_mail.make_mail_draft(db, filled["shelter"].id)
    (tmp_path / "exports" / "eget-notat.txt").write_text("mit eget")
    assert stale_files.mail_drafts(tmp_path) == [path]
    removal = stale_files.remove_copies(tmp_path)
    assert not removal.failed and not path.exists()
    assert (tmp_path / "exports" / "eget-notat.txt").exists()  # not a draft: left alone


def test_erasing_a_person_removes_the_mail_drafts(db, tmp_path, filled) -> None:
    from facilitator.services import privacy

    person = people.add_person(db, filled["project_id"], "Birthe Østergård")
    path = follow_up_mail.make_mail_draft(db, filled["shelter"].id)
    privacy.erase_person(db, person.id)
    assert not path.exists() and (tmp_path / "exports").is_dir()


def test_drafts_older_than_thirty_days_are_removed_when_the_folder_is_next_opened(
    db, tmp_path, filled
) -> None:
    import time

    from facilitator.data_door import Purpose, open_data_folder

    old = follow_up_mail.make_mail_draft(db, filled["shelter"].id)
    recent = old.with_name("mail-2026-03-01-0000beef.eml")
    recent.write_text("udkast")
    own = tmp_path / "exports" / "eget-notat.txt"
    own.write_text("mit eget")
    now = time.time()
    day = 24 * 3600
    for path, days in ((old, stale_files.MAIL_DRAFT_DAYS + 1), (recent, 29), (own, 400)):
        os.utime(path, (now - days * day, now - days * day))
    assert stale_files.old_mail_drafts(tmp_path, now) == [old]
    db.dispose()
    with open_data_folder(tmp_path, db.clock, Purpose.APP):
        pass
    assert not old.exists()
    assert recent.exists() and own.exists()


def test_a_draft_of_the_same_ask_the_same_day_replaces_the_earlier(db, tmp_path, filled) -> None:
    first = follow_up_mail.make_mail_draft(db, filled["shelter"].id)
    again = follow_up_mail.make_mail_draft(db, filled["shelter"].id)
    assert first == again and sorted(p.name for p in (tmp_path / "exports").iterdir()) == [first.name]


def test_closed_entries_count_no_age_against_the_deadline(db, clock, filled) -> None:
    set_today(clock, date(2026, 3, 20) + timedelta(days=30))
    rows = follow_up_desk.desk_rows(db, filled["project_id"], DeskFilters(include_closed=True))
    hall = next(r for r in rows if r.text == "Nøgle til forsamlingshuset")
    assert (hall.stage, hall.overdue, hall.clock and hall.clock.days_to_reported) == (
        DeskStage.REPORTED, False, 2)
