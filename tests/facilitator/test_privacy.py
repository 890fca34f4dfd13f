"""Citizens' privacy: find, access export, erasure (backups and file bytes too), retention, audit."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.domain.enums import AskKind, ConsentSource, OwnerSide
from facilitator.domain.validation import ValidationError
from facilitator.services import briefs, capture, meetings, people, privacy, projects
from facilitator.services.audit import AuditAction, list_audit
from facilitator.services.privacy_settings import (
    DEFAULT_RETENTION_MONTHS,
    add_months,
    get_retention_months,
    retention,
    set_project_ended,
    set_retention_months,
)
from facilitator.storage.backup import list_backups, make_backup
from tests.facilitator.erasure_helpers import assert_absent, every_text, file_bytes

KAREN = "Karen Vestergaard"
KAREN_MAIL = "karen.v@example.org"
JENS = "Jens Bødker"  # did not consent to be named


@pytest.fixture
def folder(db, tmp_path) -> Path:
    """The data folder: the database file sits in it (tests/conftest.py)."""
    return tmp_path


@pytest.fixture
def scene(db, meeting_factory):
    """Karen (consented, linked to an idea and an ask, named in a step) and Jens (no consent)."""
    meeting = meeting_factory(db)
    karen = people.add_person(db, meeting.project_id, KAREN, KAREN_MAIL, True, True,
                               date(2026, 3, 3), ConsentSource.WRITTEN)
    jens = people.add_person(db, meeting.project_id, JENS)
    idea = capture.add_idea(db, meeting.id, capture.IdeaInput(
        "Shelter ved stranden", f"{KAREN}s idé – {JENS} hjælper", "Borgergruppen i Agri"))
    people.link_idea_person(db, idea.id, karen.id)
    anonymous = capture.add_idea(db, meeting.id, capture.IdeaInput("Bænke ved kirken"))
    ask = capture.add_ask(db, meeting.id, capture.AskInput(
        "Tilskud til shelter", AskKind.MONEY, 12_500, idea.id, "Shelter-gruppen"))
    people.link_ask_person(db, ask.id, karen.id)
    step = capture.add_step(db, meeting.id, capture.StepInput(
        f"Ring til {KAREN} om lodsejeren", OwnerSide.MUNICIPALITY, "Kommunen"))
    jens_idea = capture.add_idea(db, meeting.id, capture.IdeaInput(
        "Cykelsti til skolen", "", f"{JENS}s nabo"))
    people.link_idea_person(db, jens_idea.id, jens.id)
    return {"meeting": meeting, "karen": karen, "jens": jens, "idea": idea, "ask": ask,
            "step": step, "anonymous": anonymous, "jens_idea": jens_idea}


# ----- find ------------------------------------------------------------------------


def test_find_people_across_projects_any_case_and_accent_form(db, scene):
    other = projects.create_project(db, "Løsning Lykkes")
    rene = people.add_person(db, other.id, "Rene\u0301 Ørsted", "20 30 40 50")
    found = privacy.find_people(db, "karen")
    assert [p.name for p in found] == [KAREN]
    assert [p.id for p in privacy.find_people(db, "RENÉ")] == [rene.id]  # NFC query, NFD stored
    assert [p.id for p in privacy.find_people(db, "ørsted")] == [rene.id]
    assert [p.id for p in privacy.find_people(db, "example.org")] == [scene["karen"].id]
    assert [p.id for p in privacy.find_people(db, "20 30")] == [rene.id]
    assert privacy.find_people(db, "   ") == []
    assert privacy.find_people(db, "x" * 10_000) == []
    assert {p.project_id for p in privacy.find_people(db, "e")} == {
        scene["meeting"].project_id, other.id}


# ----- access export ------------------------------------------------------------------


def test_export_holds_everything_about_the_person_and_hides_others(db, scene, tmp_path):
    export = privacy.export_person(db, scene["karen"].id)
    assert export.person.name == KAREN and export.person.contact == KAREN_MAIL
    assert export.project_name == "Mols i Udvikling"
    assert [(i.title, i.linked, i.meeting_title) for i in export.ideas] == [
        ("Shelter ved stranden", True, "Borgermøde i Knebel")]
    # Jens did not consent: his name never reaches Karen's export.
    assert JENS not in export.ideas[0].detail and "[…]" in export.ideas[0].detail
    assert [(a.what, a.amount_dkk, a.linked) for a in export.asks] == [
        ("Tilskud til shelter", 12_500, True)]
    assert [x.what for x in export.steps] == [f"Ring til {KAREN} om lodsejeren"]

    path = privacy.export_person_json(db, scene["karen"].id, tmp_path / "karen.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "facilitator-person-export"
    assert document["person"]["name"] == KAREN
    assert document["person"]["may_be_named"] is True
    assert document["person"]["consent_on"] == "2026-03-03"
    assert document["person"]["consent_source"] == "written"
    assert document["ideas"][0]["meeting"] == "Borgermøde i Knebel"
    assert document["ideas"][0]["meeting_at"] == "2026-03-03T19:00:00"
    assert document["asks"][0]["kind"] == "money"
    assert document["next_steps"][0]["what"] == f"Ring til {KAREN} om lodsejeren"
    assert JENS not in path.read_text(encoding="utf-8")
    assert "Bænke ved kirken" not in path.read_text(encoding="utf-8")  # not Karen's
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_export_pdf_is_danish_escaped_and_complete(db, scene, tmp_path, meeting_factory):
    tricky = people.add_person(db, scene["meeting"].project_id, "Se\u0301bastien <b>&amp; Łukasz",
                                "", False, False)
    idea = capture.add_idea(db, scene["meeting"].id, capture.IdeaInput("Legeplads <i>nu</i> 🌳"))
    people.link_idea_person(db, idea.id, tricky.id)
    path = privacy.export_person_pdf(db, tricky.id, tmp_path / "x.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "Oplysninger om Sébastien <b>&amp; Łukasz" in text  # NFC, printed literally
    assert "Legeplads <i>nu</i>" in text
    assert "Må nævnes ved navn i orienteringen Nej" in text
    assert "Knyttet til dig" in text
    assert "Side 1 af" in text
    capture.add_idea(db, scene["meeting"].id, capture.IdeaInput(f"Spørg {KAREN} om nøglen"))
    karen = privacy.export_person_pdf(db, scene["karen"].id, tmp_path / "k.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(karen).pages).split())
    for expected in (KAREN, KAREN_MAIL, "Shelter ved stranden", "Tilskud til shelter",
                     "12.500 kr.", "Borgermøde i Knebel", "3. marts 2026 (skriftligt)",
                     "Nævner dit navn"):
        assert expected in text, expected
    assert JENS not in text


def test_export_files_writes_pdf_and_json_and_logs_once(db, scene, tmp_path):
    pdf, data = privacy.export_person_files(db, scene["karen"].id, tmp_path / "indsigt")
    assert pdf.name == "indsigt.pdf" and data.name == "indsigt.json"
    assert pdf.read_bytes().startswith(b"%PDF") and json.loads(data.read_text())["person"]
    kinds = [row.action for row in list_audit(db)]
    assert kinds.count(AuditAction.PERSON_EXPORTED) == 1


def test_export_to_an_unwritable_place_says_so_in_danish(db, scene, tmp_path):
    with pytest.raises(ValidationError, match="kan ikke gemmes"):
        privacy.export_person_json(db, scene["karen"].id, tmp_path / "missing" / "k.json")


# ----- erasure ------------------------------------------------------------------------


def test_erasure_removes_the_name_everywhere_and_keeps_contributions(db, scene, folder):
    path = folder / "f.db"
    backup = make_backup(db, "automatisk")
    assert KAREN.encode() in backup.path.read_bytes()  # the test can see a name when it is there
    rewritten = privacy.erase_person(db, scene["karen"].id, folder)

    assert rewritten == 1
    assert [p.name for p in people.list_people(db, scene["meeting"].project_id)] == [JENS]
    ideas = {i.title: i for i in capture.list_ideas(db, scene["meeting"].id)}
    assert set(ideas) == {"Shelter ved stranden", "Bænke ved kirken", "Cykelsti til skolen"}
    assert ideas["Shelter ved stranden"].detail == f"[slettet person] idé – {JENS} hjælper"
    assert privacy.linked_person_id(db, "idea", scene["idea"].id) is None
    assert privacy.linked_person_id(db, "ask", scene["ask"].id) is None
    assert [a.what for a in capture.list_asks(db, scene["meeting"].id)] == ["Tilskud til shelter"]
    [step] = capture.list_steps(db, scene["meeting"].id)
    assert step.what == "Ring til [slettet person] om lodsejeren"
    # Jens is untouched.
    assert privacy.linked_person_id(db, "idea", scene["jens_idea"].id) == scene["jens"].id

    assert KAREN.split()[1] not in every_text(path)
    assert_absent(file_bytes(path), KAREN, KAREN_MAIL)
    for info in list_backups(folder):
        assert_absent(file_bytes(info.path), KAREN, KAREN_MAIL)
        assert KAREN.split()[1] not in every_text(info.path)
        # The backup keeps the rest, Jens included.
        assert "Shelter ved stranden" in every_text(info.path) and JENS in every_text(info.path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_erasure_removes_every_form_the_brief_would_hide(db, scene, folder):
    """After erasure nothing hides the name any more, so every form of it must be gone."""
    meeting = scene["meeting"]
    karen_holm = people.add_person(db, meeting.project_id, "Karen Holm", "", True, False)
    texts = {
        "lone surname": "Vestergaard siger ja til bålpladsen",
        "no diacritics": "Jens Bodker og KAREN VESTERGAARD",
        "line break": "Ring til Karen\nVestergaard",
        "typed marker": "Pris […] ukendt – karen.v@example.org ved mere",
        "others kept": "Karen Holm og Agri Bavnehøj",
    }
    ids = {key: capture.add_idea(db, meeting.id, capture.IdeaInput(text)).id
           for key, text in texts.items()}
    privacy.erase_person(db, scene["karen"].id, folder)
    stored = {i.id: i.title for i in capture.list_ideas(db, meeting.id)}
    assert stored[ids["lone surname"]] == "[slettet person] siger ja til bålpladsen"
    assert stored[ids["no diacritics"]] == "Jens Bodker og [slettet person]"
    assert stored[ids["line break"]] == "Ring til [slettet person]"
    assert stored[ids["typed marker"]] == "Pris […] ukendt – [slettet person] ved mere"
    assert stored[ids["others kept"]] == "Karen Holm og Agri Bavnehøj"
    assert people.get_person(db, karen_holm.id).name == "Karen Holm"
    # The brief (which no longer knows Karen) shows no trace of her.
    assert "Vestergaard" not in repr(briefs.brief_data(db, meeting.id))


def test_erasure_reaches_backups_of_an_older_schema(db, scene, folder):
    """A backup made before a migration (schema 0002) is erased too."""
    old = folder / "backups"
    old.mkdir(mode=0o700, exist_ok=True)
    with sqlite3.connect(Path(__file__).parent.parent / "fixtures" / "schema_0002.db") as source:
        assert source.execute("SELECT count(*) FROM person").fetchone() == (2,)
    info = make_backup(Path(__file__).parent.parent / "fixtures" / "schema_0002.db", "før opgradering",
                       folder=folder)
    # Karen of the fixture is another record; erase by the fixture's own id.
    with sqlite3.connect(info.path) as connection:
        key, project = connection.execute(
            "SELECT id, project_id FROM person WHERE name = 'Karen Vestergaard'").fetchone()
    from uuid import UUID

    from facilitator.services.privacy_erase import ErasureTarget, erase_people_in

    target = ErasureTarget(UUID(key), UUID(project), KAREN, "karen@example.org", "[slettet person]")
    assert privacy.rewrite_backups(folder, erase_people_in([target])) >= 1
    assert_absent(info.path.read_bytes(), KAREN, "karen@example.org")
    assert "Jens Bødker" in every_text(info.path)


def test_failed_backup_rewrite_leaves_the_person_for_a_retry(db, scene, folder, monkeypatch):
    def broken(_folder, _change, _secrets=()):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(privacy, "rewrite_backups", broken)
    with pytest.raises(Exception, match="ikke slettet"):
        privacy.erase_person(db, scene["karen"].id, folder)
    assert privacy.find_people(db, KAREN)[0].id == scene["karen"].id
    assert AuditAction.PERSON_ERASED not in [r.action for r in list_audit(db)]


def test_erasing_an_unknown_person_is_refused(db, folder):
    import uuid

    with pytest.raises(ValidationError, match="findes ikke"):
        privacy.erase_person(db, uuid.uuid4(), folder)


# ----- retention -----------------------------------------------------------------------


def test_retention_setting_default_range_and_refusals(db):
    assert get_retention_months(db) == DEFAULT_RETENTION_MONTHS == 12
    assert set_retention_months(db, 0) == 0 and get_retention_months(db) == 0
    assert set_retention_months(db, 120) == 120
    for bad in (-1, 121, True, 2.5):
        with pytest.raises(ValidationError, match="Opbevaringstiden"):
            set_retention_months(db, bad)  # type: ignore[arg-type]
    assert get_retention_months(db) == 120


def test_add_months_clamps_to_the_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2025, 3, 3), 12) == date(2026, 3, 3)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_purge_erases_people_of_projects_ended_longer_ago_than_the_retention(db, scene, folder):
    path = folder / "f.db"
    project_id = scene["meeting"].project_id
    other = projects.create_project(db, "Løsning Lykkes")
    keeper = people.add_person(db, other.id, "Birthe Kjærgaard")
    make_backup(db, "automatisk")
    set_project_ended(db, project_id, date(2026, 4, 1))
    assert retention(db, project_id).erase_from == date(2027, 4, 1)

    assert privacy.purge_expired(db, folder, date(2027, 3, 31)) == 0
    assert len(people.list_people(db, project_id)) == 2
    assert privacy.purge_expired(db, folder, date(2027, 4, 1)) == 2

    assert people.list_people(db, project_id) == []
    assert [p.id for p in people.list_people(db, other.id)] == [keeper.id]
    assert len(capture.list_ideas(db, scene["meeting"].id)) == 3
    assert_absent(file_bytes(path), KAREN, KAREN_MAIL, JENS)
    for info in list_backups(folder):
        assert_absent(info.path.read_bytes(), KAREN, KAREN_MAIL, JENS)
        assert "Birthe Kjærgaard" in every_text(info.path)
    [purge] = [r for r in list_audit(db) if r.action is AuditAction.RETENTION_PURGE]
    assert (purge.count, purge.project_id) == (2, project_id)


def test_an_archived_project_counts_from_its_last_meeting(db, scene, folder):
    project_id = scene["meeting"].project_id
    projects.set_archived(db, project_id, True)
    assert retention(db, project_id).counts_from == date(2026, 3, 3)
    set_retention_months(db, 6)
    assert privacy.purge_expired(db, folder, date(2026, 9, 2)) == 0
    assert privacy.purge_expired(db, folder, date(2026, 9, 3)) == 2


def test_a_running_project_is_never_purged(db, scene, folder):
    set_retention_months(db, 0)
    assert retention(db, scene["meeting"].project_id).erase_from is None
    assert privacy.purge_expired(db, folder, date(2099, 1, 1)) == 0


def test_project_end_is_validated(db, scene):
    with pytest.raises(ValidationError, match="før det blev oprettet"):
        set_project_ended(db, scene["meeting"].project_id, date(1999, 1, 1))
    import uuid

    with pytest.raises(ValidationError, match="findes ikke"):
        set_project_ended(db, uuid.uuid4(), date(2026, 5, 1))


def test_purge_at_start_never_stops_the_app(db, scene, folder, monkeypatch, capsys):
    from facilitator.services.privacy_purge import purge_at_start

    def broken(*_args):
        raise RuntimeError(f"secret {KAREN}")

    monkeypatch.setattr(privacy, "people_due", broken)
    result = purge_at_start(db, folder)
    assert result.failed and result.erased == 0
    err = capsys.readouterr().err
    assert "RuntimeError" in err and KAREN not in err
    assert "sletningen efter opbevaringstid mislykkedes" in err


# ----- audit log -----------------------------------------------------------------------


def test_audit_log_has_kinds_and_times_but_no_content(db, scene, folder, clock, tmp_path):
    clock.advance(60)
    people.withdraw_consent(db, scene["karen"].id)
    people.withdraw_consent(db, scene["karen"].id)  # a second withdrawal is no new action
    privacy.export_person_json(db, scene["karen"].id, tmp_path / "k.json")
    privacy.erase_person(db, scene["karen"].id, folder)
    rows = list_audit(db)
    assert [r.action for r in rows] == [
        AuditAction.PERSON_ADDED, AuditAction.PERSON_ADDED, AuditAction.CONSENT_WITHDRAWN,
        AuditAction.PERSON_EXPORTED, AuditAction.PERSON_ERASED]
    assert rows[2].at == clock.now()
    assert all(r.count == 1 and r.project_id == scene["meeting"].project_id for r in rows)
    with sqlite3.connect(folder / "f.db") as connection:
        stored = " ".join(str(v) for row in connection.execute("SELECT * FROM audit_log")
                          for v in row)
    for text in (KAREN, "Karen", KAREN_MAIL, JENS, "Shelter"):
        assert text not in stored
    assert AuditAction.PERSON_ERASED.label == "Person slettet"


# ----- anonymisation of every output ----------------------------------------------------


def test_every_output_hides_people_who_did_not_consent(db, scene, tmp_path):
    meeting = scene["meeting"]
    # The brief: Jens (no consent) is hidden, linked or named in text; Karen is named.
    data = briefs.brief_data(db, meeting.id)
    dumped = repr(data)
    assert JENS not in dumped and "Jens" not in dumped
    assert KAREN in dumped
    # After Karen withdraws, she is hidden too.
    people.withdraw_consent(db, scene["karen"].id)
    dumped = repr(briefs.brief_data(db, meeting.id))
    assert KAREN not in dumped and JENS not in dumped
    pdf = briefs.write_brief(db, meeting.id, tmp_path / "brief.pdf", made_on=date(2026, 3, 5))
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Vestergaard" not in text and "Bødker" not in text
    # The access export of one person hides every other citizen, consenting or not.
    jens_export = privacy.export_person_json(db, scene["jens"].id, tmp_path / "jens.json")
    assert "Vestergaard" not in jens_export.read_text(encoding="utf-8")
    karen_export = privacy.export_person_pdf(db, scene["karen"].id, tmp_path / "karen.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(karen_export).pages)
    assert "Bødker" not in text


# ----- privacy notice ----------------------------------------------------------------------


def test_privacy_notice_in_danish_and_english(db, tmp_path):
    from facilitator.reports.privacy_notice import build_privacy_notice
    from facilitator.services.settings import Settings, save_settings

    save_settings(db, Settings("Syddjurs Kommune", "Mette <Holm> & Sørensen", "Plan og Udvikling"))
    set_retention_months(db, 18)
    da = privacy.write_privacy_notice(db, tmp_path / "da.pdf", "da")
    en = privacy.write_privacy_notice(db, tmp_path / "en.pdf", "en")

    def text(path: Path) -> str:
        return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())

    danish, english = text(da), text(en)
    for expected in ("Sådan behandler vi dine oplysninger", "18 måneder efter",
                     "Mette <Holm> & Sørensen, Plan og Udvikling, Syddjurs Kommune",
                     "artikel 6, stk. 1, litra e", "samtykke", "Datatilsynet"):
        assert expected in danish, expected
    for expected in ("How we handle your information", "18 months after",
                     "Mette <Holm> & Sørensen", "Article 6(1)(e)", "consent", "Datatilsynet"):
        assert expected in english, expected
    assert "ø" not in english.replace("Sørensen", "")  # no Danish left in the English notice
    with pytest.raises(ValidationError):
        privacy.write_privacy_notice(db, tmp_path / "de.pdf", "de")
    one = build_privacy_notice(Settings(), "da", 1, date(2026, 3, 3), invariant=True)
    again = build_privacy_notice(Settings(), "da", 1, date(2026, 3, 3), invariant=True)
    assert one == again
    plain = " ".join(PdfReader(io.BytesIO(one)).pages[0].extract_text().split())
    assert "1 måned efter" in plain and "Spørg den medarbejder fra kommunen" in plain


def test_erasure_reaches_other_projects_notes(db, meeting_factory, tmp_path):
    from facilitator.services import projects as project_service

    meeting = meeting_factory(db)
    jens = people.add_person(db, meeting.project_id, "Jens Bødker", "jens@example.org")
    other = project_service.create_project(db, "Løsning Lykkes")
    elsewhere = meetings.create_meeting(db, other.id, "Møde i Løsning", datetime(2026, 4, 1, 19, 0),
                                        with_default_agenda=True)
    capture.add_idea(db, elsewhere.id, capture.IdeaInput("Jens Bødker vil lave en bålplads"))
    privacy.erase_person(db, jens.id, tmp_path)
    [idea] = capture.list_ideas(db, elsewhere.id)
    assert "Bødker" not in idea.title and "bålplads" in idea.title
