"""The project status brief: its figures on a FakeClock, the PDF's sections in Danish and
English, and no name of a person without consent."""

from __future__ import annotations

import io
import os
import stat
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader

from facilitator.domain.enums import AskAnswer, FollowUpKind
from facilitator.reports.status_brief import build_status_brief
from facilitator.reports.status_data import DecisionReason
from facilitator.services import follow_up, project_status
from facilitator.services.follow_up import AnswerInput
from facilitator.services.private_files import SaveError
from facilitator.services.project_status import ProjectError, status_data, write_status_brief
from tests.facilitator.status_factory import FIRST, HIDDEN, SECOND, SHOWN, TODAY, followed_project


@pytest.fixture
def project(db, clock, meeting_factory):
    return followed_project(db, clock, meeting_factory)


def text_of(pdf: bytes) -> list[str]:
    """Each page's text, whitespace made single spaces (lines wrap anywhere)."""
    return [" ".join(page.extract_text().replace("\u00a0", " ").split())
            for page in PdfReader(io.BytesIO(pdf)).pages]


def test_figures_of_the_whole_project(db, project) -> None:
    data = status_data(db, project.project_id)
    assert data.today == TODAY and data.meetings == 2
    assert [a.what for a in data.period_asks][:2] == ["Tilskud til shelter", "Lån af traktor til […]"]
    assert len(data.period_asks) == 5 and len(data.answered) == 2
    # Answered 12 and 20 days after the meeting: the median is 16.
    assert data.median_days_to_answer == 16.0
    waiting = {a.what: a for a in data.waiting}
    overdue = waiting["Tilladelse til bålplads; «gerne» før sommer"]
    assert (overdue.waiting_days, overdue.overdue_days) == ((TODAY - FIRST).days, 74)
    assert overdue.waits_on_department and overdue.department == "Plan og Byg"
    unsent = waiting['Lokale til "strikkeklub; og kaffe"']
    assert unsent.waits_on_official and unsent.waiting_days == (TODAY - SECOND).days
    # The longest wait first.
    assert data.waiting[0] is overdue


def test_decisions_follow_the_stated_rule(db, project) -> None:
    data = status_data(db, project.project_id)
    reasons = {d.ask.what: d.reason for d in data.decisions}
    assert reasons == {
        "Lån af traktor til […]": DecisionReason.REFUSED,
        "Tilladelse til bålplads; «gerne» før sommer": DecisionReason.OVERDUE,
        "Ny bus til Agri": DecisionReason.FLAGGED,
    }
    # Answered "partly", the flagged ask moves to PARTLY; granted in full, it leaves the list.
    follow_up.record_answer(db, project.asks["flagged"], AnswerInput(TODAY, AskAnswer.PARTLY))
    assert {d.ask.what: d.reason for d in status_data(db, project.project_id).decisions}[
        "Ny bus til Agri"] is DecisionReason.PARTLY
    follow_up.record_answer(db, project.asks["flagged"], AnswerInput(TODAY, AskAnswer.GRANTED))
    assert "Ny bus til Agri" not in {d.ask.what for d in status_data(db, project.project_id).decisions}


def test_department_figures_median_and_slowest(db, project) -> None:
    figures = {f.department: f for f in status_data(db, project.project_id).departments}
    technical = figures["Teknik og Miljø"]
    assert (technical.asks, technical.answered, technical.median_days_to_answer) == (2, 1, 12.0)
    assert (technical.slowest_days, technical.slowest_still_waiting) == ((TODAY - SECOND).days, True)
    assert (figures["Plan og Byg"].overdue, figures["Vej og Park"].median_days_to_answer) == (1, 20.0)
    assert figures[""].asks == 1  # the unsent ask has no department yet


def test_since_limits_the_asks_not_the_waits(db, project) -> None:
    data = status_data(db, project.project_id, since=SECOND)
    assert {a.what for a in data.period_asks} == {"Ny bus til Agri", 'Lokale til "strikkeklub; og kaffe"'}
    assert data.answered == () and data.meetings == 1
    assert len(data.waiting) == 3  # a wait from before the period still waits
    assert data.steps_done == ()  # the step was done before the period
    assert len(status_data(db, project.project_id).steps_done) == 1
    page_one = text_of(build_status_brief(data, invariant=True))[0]
    assert "også dem fra før perioden" in page_one and "Perioden 5. maj 2026" in page_one


def test_history_keeps_corrections(db, project) -> None:
    follow_up.withdraw(db, project.asks["refused"], FollowUpKind.ANSWERED)
    follow_up.record_answer(db, project.asks["refused"], AnswerInput(TODAY - timedelta(days=1),
                                                                     AskAnswer.NOT_OURS, "Spørg Vejdirektoratet"))
    ask = next(a for a in status_data(db, project.project_id).asks if a.what.startswith("Lån"))
    assert [e.kind for e in ask.history] == [FollowUpKind.SENT, FollowUpKind.ANSWERED,
                                            FollowUpKind.WITHDRAWN, FollowUpKind.ANSWERED]
    assert ask.history[1].text == "Nej, […] kan låne hos Vej og Park"


def test_names_without_consent_are_hidden_and_consented_shown(db, project) -> None:
    data = status_data(db, project.project_id)
    assert HIDDEN not in repr(data) and "Birthe" not in repr(data)
    assert "birthe@example.dk" not in repr(data)
    assert any(a.asked_by == SHOWN for a in data.asks)


def test_refusals_are_danish(db, project, tmp_path) -> None:
    import uuid

    with pytest.raises(ProjectError, match="Projektet findes ikke"):
        status_data(db, uuid.uuid4())
    with pytest.raises(ProjectError, match="i fremtiden"):
        status_data(db, project.project_id, since=TODAY + timedelta(days=1))
    with pytest.raises(ProjectError, match="dansk .da. eller engelsk"):
        status_data(db, project.project_id, lang="de")
    with pytest.raises(SaveError, match="Statusorienteringen kan ikke gemmes som"):
        write_status_brief(db, project.project_id, tmp_path / "missing" / "s.pdf")


@pytest.mark.parametrize("lang, words", [
    ("da", ["Projektstatus", "Hvad venter – og på hvem", "Kræver politisk beslutning",
            "Svartider pr. forvaltning", "Realiseret", "Bilag A · Alle ønsker og deres historik",
            "Afslået af forvaltningen", "Intet svar, 74 dage over fristen", "ikke sendt endnu",
            "Sendt til Plan og Byg", "Med her: ønsker, forvaltningen har afslået"]),
    ("en", ["Project status", "What is waiting – and for whom", "Answer times by department",
            "Realised", "Appendix A · Every request and its history", "Refused by the department",
            "No answer, 74 days past the deadline", "not sent yet", "Sent to Plan og Byg",
            "Listed here: requests the department refused"]),
])
def test_pdf_holds_the_sections_in_its_language(db, project, lang, words) -> None:
    pages = text_of(build_status_brief(status_data(db, project.project_id, lang=lang),
                                       invariant=True))
    text = " ".join(pages)
    for word in words:
        assert word in text, word
    assert "Shelter ved stranden" in pages[0] and "Borgerforeningen tegner shelteret" in pages[0]
    assert pages[-1].count("Ønske") + pages[-1].count("Request") >= 1
    assert HIDDEN not in text and "Kjærsgaard" not in text and "birthe@" not in text
    assert SHOWN in text


def test_written_file_is_private(db, project, tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = write_status_brief(db, project.project_id, out / "status.pdf", SECOND, "en")
    assert path.read_bytes().startswith(b"%PDF")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in out.iterdir()] == ["status.pdf"]  # no temporary file left


def test_latest_project_is_the_one_with_the_latest_held_meeting(db, project) -> None:
    from facilitator.domain.enums import MeetingStatus
    from facilitator.services import meetings, projects
    from facilitator.storage.models import Meeting

    assert project_status.latest_project_id(db) == project.project_id  # the only project
    newer = projects.create_project(db, "Tirstrup Trives", ["Tirstrup"])
    meetings.create_meeting(db, newer.id, "Planlagt møde", datetime(2026, 7, 1, 19))
    # Nothing held yet in either project: the newest project.
    assert project_status.latest_project_id(db) == newer.id
    with db.session() as s:
        s.get_one(Meeting, project.first).status = MeetingStatus.CLOSED
        s.commit()
    assert project_status.latest_project_id(db) == project.project_id


@pytest.mark.parametrize("lang", ["da", "en"])
def test_pdf_is_pdfa_and_byte_stable(db, project, lang) -> None:
    from facilitator.reports.pdfa import CREATOR_TOOL
    from tests.facilitator.pdfa_check import problems

    data = status_data(db, project.project_id, lang=lang)
    pdf = build_status_brief(data, invariant=True)
    assert problems(pdf, lang, CREATOR_TOOL) == []
    assert build_status_brief(data, invariant=True) == pdf


def test_page_one_caps_long_lists_and_points_to_the_appendix(db, project) -> None:
    from dataclasses import replace

    from facilitator.reports.status_page_one import WAIT_CAP

    data = status_data(db, project.project_id)
    many = tuple(replace(a, number=n, what=f"Ønske nummer {n}")
                 for n, a in enumerate(data.asks * 6, start=1))
    pages = text_of(build_status_brief(replace(data, asks=many), invariant=True))
    assert f"{WAIT_CAP} af {len([a for a in many if a.answered_on is None])} vist" in pages[0]
    assert "Ønske nummer 30 " in " ".join(pages[1:]) + " "


def test_a_planned_date_that_passed_with_nothing_in_it_is_no_meeting(db, project,
                                                                       meeting_factory) -> None:
    meeting_factory(db, title="Aflyst møde", scheduled_at=datetime(2026, 4, 7, 19, 0))
    assert status_data(db, project.project_id, None, "da").meetings == 2
