"""A whole meeting, replayed through the services, leaks no name and no contact detail.

Every free-text field of every form (project, meeting, agenda, ideas, asks, next
steps, corrections after the meeting) names the people who did not consent, in
every way a note may: plain, lower case, in Cyrillic, with a case ending, in an
e-mail address; and holds phone, e-mail and CPR numbers. What leaves the app —
the brief in Danish and English, the file name, the access export as PDF and
JSON — is read back as text and searched, also with spacing and hyphens removed
and transliterated to Latin letters.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from anyascii import anyascii
from pypdf import PdfReader

from facilitator.clock import FakeClock
from facilitator.domain.anonymise import REDACTED
from facilitator.domain.enums import AskKind, CheckKind, OwnerSide, Role
from facilitator.live_meeting import LiveMeeting
from facilitator.services import agenda, briefs, capture, meetings, people, privacy, projects
from facilitator.services.capture import AskInput, IdeaInput, StepInput
from tests.facilitator.test_briefs_data import texts

KAREN = "Karen Vestergaard"  # consented to be named

# How the people without consent are written in the notes.
NAME_FORMS = (
    "Olena Kovalenko",
    "olena kovalenko",
    "Олена Коваленко",
    "Олени Коваленко",
    "Łukasza Wiśniewskiego",
    "łukaszowi wiśniewskiemu",
    "Wiśniewskim",
    "JENS BØDKER",
    "Jens Bodkers",
    "Bødker",
    "Jens'",
    "olena.kovalenko@gmail.com",
    "kovalenko@ukr.net",
)
CONTACTS = (
    "+380 44 123 4567",
    "61 72 83 94",
    "0045 61728394",
    "(+45) 6172 8394",
    "+48 601 234 567",
    "030578-1234",
    "0305781234",
    "søren@bøgely.dk",
    "anna_holm+mols@kommune.dk",
)
# Words and digits none of which may be found in what leaves the app.
FORBIDDEN_WORDS = ("olena", "kovalenko", "олен", "коваленк", "łukasz", "lukasz", "wiśniewsk",
                   "wisniewsk", "bødker", "bodker", "gmail", "ukr.net", "bøgely", "anna_holm")
FORBIDDEN_DIGITS = ("441234567", "61728394", "601234567", "0305781234")
# Ordinary numbers the texts also hold: they must survive.
KEPT = ("25.000 kr.", "8420 Knebel", "kl. 19.30", "1. maj 2026")


def mention(field: int) -> str:
    """What the official typed into one field: a name in some form and a contact detail."""
    name = NAME_FORMS[field % len(NAME_FORMS)]
    contact = CONTACTS[field % len(CONTACTS)]
    return f"{name} ({contact}) og {NAME_FORMS[(field + 5) % len(NAME_FORMS)]}"


@pytest.fixture
def replay(db, clock: FakeClock):
    """Plan, run, close and correct a meeting, with names and contacts in every field."""
    n = iter(range(1000))
    farm = f"Gården hos {mention(next(n))}"  # even a place may be named after someone
    project = projects.create_project(db, f"Mols i Udvikling {mention(next(n))}",
                                      ["Knebel", "Agri", "Femmøller", farm])
    places = {p.name: p.id for p in project.places}
    meeting = meetings.create_meeting(
        db, project.id, f"Borgermøde hos {mention(next(n))}", datetime(2026, 5, 1, 19, 30),
        f"Knebel Forsamlingshus, Strandvejen 12, 8420 Knebel – {mention(next(n))}",
        [places["Knebel"], places[farm]], with_default_agenda=True,
    )
    for phase in agenda.list_phases(db, meeting.id):
        agenda.update_phase(db, phase.id, f"{phase.title} ved {mention(next(n))}",
                            phase.planned_minutes, phase.hold_back_seconds)
    agenda.add_phase(db, meeting.id, f"Spørgsmål til {mention(next(n))}", 10)
    olena = people.add_person(db, project.id, "Olena Kovalenko", "olena.kovalenko@gmail.com")
    lukasz = people.add_person(db, project.id, "Łukasz Wiśniewski", "+48 601 234 567")
    jens = people.add_person(db, project.id, "Jens Bødker", "61 72 83 94")
    karen = people.add_person(db, project.id, KAREN, "karen@example.org", may_be_named=True)

    live = LiveMeeting.start(db, meeting.id, clock)
    for role in (Role.CITIZEN, Role.OFFICIAL, Role.CITIZEN, Role.POLITICIAN, Role.CITIZEN):
        clock.advance(45)
        live.mark(role)
    ideas = []
    for i, person in enumerate((olena, lukasz, jens, karen, None)):
        idea = capture.add_idea(db, meeting.id, IdeaInput(
            f"Idé {i + 1}: badebro, 25.000 kr. – {mention(next(n))}",
            f"Uddybning 1. maj 2026 kl. 19.30, 8420 Knebel. {mention(next(n))}. Karen Vestergaard "
            f"hjælper.",
            f"Borgergruppen med {mention(next(n))}", places[farm if i % 2 else "Agri"],
            f"Tema {mention(next(n))}",
            CheckKind.PLAN, f"Tjek med {mention(next(n))}",
        ))
        if person is not None:
            people.link_idea_person(db, idea.id, person.id)
        ideas.append(idea)
        clock.advance(60)
        live.next_phase() if i == 1 else live.mark(Role.CITIZEN)
    for i, person in enumerate((olena, karen, None)):
        ask = capture.add_ask(db, meeting.id, AskInput(
            f"Tilskud til {mention(next(n))}", AskKind.MONEY, 25_000, ideas[i].id,
            mention(next(n)), date(2026, 6, 1), f"Plan og Byg, {mention(next(n))}", i == 0,
        ))
        if person is not None:
            people.link_ask_person(db, ask.id, person.id)
    for side in OwnerSide:
        capture.add_step(db, meeting.id, StepInput(
            f"Ring til {mention(next(n))} med {KAREN}", side, mention(next(n)),
            date(2026, 6, 15)))
    clock.advance(120)
    live.close()
    meetings.set_attendance(db, meeting.id, 27)
    # Corrections after the meeting go through the same services.
    capture.update_idea(db, ideas[4].id, IdeaInput(
        f"Rettet: {mention(next(n))}", f"Rettet uddybning {mention(next(n))}",
        mention(next(n)), places["Femmøller"], "Natur", None, ""))
    steps = capture.list_steps(db, meeting.id)
    capture.update_step(db, steps[0].id, StepInput(
        f"Rettet skridt {mention(next(n))}", OwnerSide.CITIZENS, mention(next(n)),
        date(2026, 6, 20)))
    return {"meeting": meeting, "olena": olena, "karen": karen}


def squeezed(text: str) -> str:
    """Text without spacing, line breaks, hyphens or soft hyphens, in lower case."""
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"[\s\u00ad\-‐‑–]+", "", text)


def assert_nothing_personal(text: str, allowed: tuple[str, ...] = ()) -> None:
    """No forbidden word or number, in any spacing, hyphenation or script."""
    plain = squeezed(text)
    latin = squeezed(anyascii(text))
    digits = re.sub(r"[\s().\-/+]", "", text)
    for word in FORBIDDEN_WORDS:
        if any(squeezed(anyascii(word)) in squeezed(anyascii(a)) for a in allowed):
            continue  # the subject's own name, in any script
        assert word not in plain, word
        assert squeezed(anyascii(word)) not in latin, word
    for number in FORBIDDEN_DIGITS:
        if not any(number in re.sub(r"\D", "", a) for a in allowed):
            assert number not in digits, number
    for contact in CONTACTS:
        if contact not in allowed:
            assert squeezed(contact) not in plain, contact


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_the_brief_data_holds_nothing_personal(db, replay) -> None:
    data = briefs.brief_data(db, replay["meeting"].id)
    everything = "\n".join(texts(data))
    assert_nothing_personal(everything)
    assert everything.count(REDACTED) > 50
    assert "Karen Vestergaard" in everything


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_printed_brief_holds_nothing_personal(db, replay, tmp_path, language) -> None:
    path = briefs.write_brief(db, replay["meeting"].id, tmp_path / "brief.pdf", language,
                              date(2026, 5, 2))
    text = pdf_text(path)
    assert_nothing_personal(text)
    squeezed_text = squeezed(text)
    assert squeezed(KAREN) in squeezed_text  # consented: named where she is credited
    for ordinary in KEPT:
        assert squeezed(ordinary) in squeezed_text, ordinary
    assert "badebro" in squeezed_text  # the contributions themselves stay


def test_the_file_name_holds_nothing_personal(db, replay) -> None:
    title = briefs.public_title(db, replay["meeting"].id)
    assert_nothing_personal(title)
    assert title.startswith("Borgermøde hos ")


@pytest.mark.parametrize("subject", ["karen", "olena"])
def test_the_access_export_holds_no_one_elses_data(db, replay, tmp_path, subject) -> None:
    """The subject sees their own record; every other citizen and every contact is hidden."""
    pdf, json_path = privacy.export_person_files(db, replay[subject].id, tmp_path / "export.pdf")
    own = ("Olena Kovalenko", "olena.kovalenko@gmail.com") if subject == "olena" else ()
    exported = json.loads(json_path.read_text(encoding="utf-8"))
    assert exported["ideas"] and exported["asks"] and exported["next_steps"]
    free_text = json.dumps({k: exported[k] for k in ("ideas", "asks", "next_steps")},
                           ensure_ascii=False)
    # The entries hold no contact detail at all, not even the subject's own.
    assert_nothing_personal(free_text, allowed=own[:1])
    assert_nothing_personal(json_path.read_text(encoding="utf-8"), allowed=own)
    assert_nothing_personal(pdf_text(pdf), allowed=own)
    name = KAREN if subject == "karen" else "Olena Kovalenko"
    assert squeezed(name) in squeezed(pdf_text(pdf))


def test_a_person_recorded_in_another_project_is_hidden_in_the_access_export(
    db, replay, clock: FakeClock
) -> None:
    other = projects.create_project(db, "Helgenæs Havn")
    people.add_person(db, other.id, "Mykola Bondarenko")
    meeting = replay["meeting"]
    idea = capture.add_idea(db, meeting.id, IdeaInput("Bænke", "Mykola Bondarenko og Karen"))
    people.link_idea_person(db, idea.id, replay["karen"].id)
    clock.advance(timedelta(minutes=1).total_seconds())
    export = privacy.export_person(db, replay["karen"].id)
    assert [i.detail for i in export.ideas if i.title == "Bænke"] == ["[…] og Karen"]
    assert "kovalenko" not in export.project_name.casefold()


def test_contact_details_are_hidden_with_no_one_on_record(db, meeting_factory) -> None:
    meeting = meeting_factory(db)
    capture.add_idea(db, meeting.id, IdeaInput(
        "Badebro", "Ring til 61 72 83 94 eller skriv til bro@mols.dk; CPR 030578-1234",
        "Strandlauget, tlf. +45 61 72 83 94"))
    data = briefs.brief_data(db, meeting.id)
    assert (data.ideas[0].detail, data.ideas[0].carried_by) == (
        "Ring til […] eller skriv til […]; CPR […]", "Strandlauget, tlf. […]")


def follow_up_history(db, clock: FakeClock, replay) -> None:
    """Send, answer and report back every ask, with names and contacts in each note."""
    from facilitator.domain.enums import AskAnswer
    from facilitator.services import follow_up

    clock.set_wall(datetime(2026, 6, 20, 10, 0).astimezone())
    for i, ask in enumerate(capture.list_asks(db, replay["meeting"].id)):
        follow_up.mark_sent(db, ask.id, follow_up.SentInput(
            date(2026, 5, 4), f"Plan og Byg {mention(i)}", mention(i + 1)))
        follow_up.record_answer(db, ask.id, follow_up.AnswerInput(
            date(2026, 5, 20), AskAnswer.REFUSED, f"Afslag: {mention(i + 2)}"))
        follow_up.record_report(db, ask.id, follow_up.ReportInput(
            date(2026, 6, 1), f"Ringede til {mention(i + 3)}"))


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_project_status_brief_holds_nothing_personal(db, clock, replay, tmp_path,
                                                         language) -> None:
    from facilitator.services import project_status

    follow_up_history(db, clock, replay)
    path = project_status.write_status_brief(db, replay["meeting"].project_id,
                                             tmp_path / "status.pdf", None, language)
    text = pdf_text(path)
    assert_nothing_personal(text)
    assert squeezed("Tilskud til") in squeezed(text)


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json"])
def test_the_project_export_holds_nothing_personal(db, clock, replay, tmp_path, fmt) -> None:
    from openpyxl import load_workbook

    from facilitator.services import project_export

    follow_up_history(db, clock, replay)
    written = project_export.write_export(db, replay["meeting"].project_id, fmt,
                                          tmp_path / f"export.{fmt}")
    if fmt == "xlsx":
        book = load_workbook(written[0])
        text = "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row
                         if c.value is not None)
    else:
        text = "\n".join(p.read_text(encoding="utf-8-sig") for p in written)
    if fmt == "json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    assert_nothing_personal(text)
    assert squeezed("badebro") in squeezed(text) and squeezed(KAREN) in squeezed(text)
