"""Search over ideas, asks and next steps: folding, ranking, deletes, erasure and a large database."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date, datetime

import pytest

from facilitator.domain.enums import ConsentSource
from facilitator.domain.search_text import FOLDS, excerpt, fold, fold_sql, match_query
from facilitator.services import capture, meetings, people, privacy, projects
from facilitator.services.search import search
from facilitator.storage.backup import list_backups, make_backup
from tests.facilitator.erasure_helpers import assert_absent, file_bytes


def titles(db, query: str) -> list[str]:
    return [hit.title for hit in search(db, query)]


# ----- folding --------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "stored"), [
    ("sto", "Støjvold ved skolen"),
    ("STØ", "støjvold ved skolen"),
    ("aeble", "Æblelund i Agri"),
    ("æble", "Aeblelund i Agri"),
    ("arhus", "Bus til Århus"),
    ("aarhus", "Bus til Århus"),
    ("århus", "Bus til Aarhus"),
    ("cafe", "Café i forsamlingshuset"),
    ("café", "Cafe\u0301 i forsamlingshuset"),
    ("lodz", "Venskabsby Łódź"),
    ("HELGENAES", "Sti på Helgenæs"),
    ("femmol", "Badebro i Femmøller"),
])
def test_danish_letters_and_diacritics_are_folded(db, meeting_factory, typed, stored) -> None:
    meeting = meeting_factory(db)
    capture.add_idea(db, meeting.id, capture.IdeaInput(stored))
    capture.add_idea(db, meeting.id, capture.IdeaInput("Noget helt andet"))
    assert titles(db, typed) == [stored]


def test_the_triggers_fold_exactly_as_fold_does(db, meeting_factory) -> None:
    """Folding happens in SQL (triggers) and in Python (queries): they must agree letter by letter."""
    meeting = meeting_factory(db)
    samples = ["".join(pair[0] for pair in FOLDS), "ÆØÅ æøå Aa AA aaa Ærø Straße Ðóra Þór",
               "Cafe\u0301 ☕ Łódź ÄÖ"]
    for text in samples:
        capture.add_idea(db, meeting.id, capture.IdeaInput(text, detail=text.upper()))
    with sqlite3.connect(db.engine.url.database) as connection:
        stored = connection.execute(
            "SELECT title, detail FROM search_entry WHERE kind = 'idea' ORDER BY id").fetchall()
        assert stored == [(fold(t), fold(t.upper())) for t in samples]
        # The migration keeps its own copy of the table; the two must not drift apart.
        [expected] = connection.execute(f"SELECT {fold_sql('?')}", (samples[1],)).fetchone(),
        assert expected == (fold(samples[1]),)


def test_the_last_word_is_a_prefix_while_typed_and_every_word_must_be_there(db, meeting_factory) -> None:
    meeting = meeting_factory(db)
    capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter ved Bavnehøj"))
    capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter ved stranden"))
    assert sorted(titles(db, "shel")) == ["Shelter ved Bavnehøj", "Shelter ved stranden"]
    assert titles(db, "shelter bav") == ["Shelter ved Bavnehøj"]
    assert titles(db, "shel ") == []  # a finished word is a whole word
    assert titles(db, "bavnehøj shelter ") == ["Shelter ved Bavnehøj"]


@pytest.mark.parametrize("typed", [
    "", "   ", '"', "*", "sto*", '"sto', "sto -", "(", ")", "NEAR(", "OR", "AND sto", "^", ":",
    "title:sto", "-sto", "+", "{", "'; DROP TABLE idea; --", "\\", "\x00", "☕",
])
def test_no_typed_character_is_read_as_query_syntax(db, meeting_factory, typed) -> None:
    meeting = meeting_factory(db)
    capture.add_idea(db, meeting.id, capture.IdeaInput("Støjvold"))
    hits = titles(db, typed)  # never raises
    assert hits in ([], ["Støjvold"])
    assert capture.list_ideas(db, meeting.id)[0].title == "Støjvold"


def test_query_words_are_quoted_and_empty_text_gives_no_query() -> None:
    assert match_query("") == ""
    assert match_query(" * - ( ") == ""
    assert match_query('Sto "or" ÆB') == '"sto" "or" "aeb"*'
    assert match_query("sto ") == '"sto"'


# ----- ranking and what a hit says --------------------------------------------------------------


def test_a_title_hit_ranks_above_a_detail_hit(db, meeting_factory) -> None:
    meeting = meeting_factory(db)
    capture.add_idea(db, meeting.id, capture.IdeaInput(
        "Fælles værksted", "Et cykelværksted, hvor man mødes om reparation og kaffe"))
    capture.add_idea(db, meeting.id, capture.IdeaInput("Cykelsti til skolen", "Langs landevejen"))
    assert titles(db, "cykel") == ["Cykelsti til skolen", "Fælles værksted"]


def test_a_hit_names_its_kind_meeting_and_project_and_shows_the_detail_found(db, meeting_factory) -> None:
    first = meeting_factory(db)
    second = meeting_factory(db, title="Opfølgningsmøde", scheduled_at=datetime(2026, 5, 6, 19, 0))
    long_detail = "Indledning " * 20 + "med en hjertestarter ved hallen " + "og mere tekst " * 10
    idea = capture.add_idea(db, first.id, capture.IdeaInput("Tryghed i hallen", long_detail))
    ask = capture.add_ask(db, second.id, capture.AskInput("Penge til hjertestarter", amount_dkk=12000))
    step = capture.add_step(db, second.id, capture.StepInput("Ring om hjertestarteren"))
    hits = {h.kind: h for h in search(db, "hjertest")}
    assert set(hits) == {"idea", "ask", "step"}
    assert (hits["idea"].entry_id, hits["ask"].entry_id, hits["step"].entry_id) == (
        idea.id, ask.id, step.id)
    assert hits["idea"].meeting_id == first.id and hits["ask"].meeting_id == second.id
    assert hits["ask"].meeting_title == "Opfølgningsmøde"
    assert hits["ask"].meeting_at == datetime(2026, 5, 6, 19, 0)
    assert hits["step"].project_name == "Mols i Udvikling"
    assert hits["step"].project_id == first.project_id
    snippet = hits["idea"].snippet
    assert "hjertestarter" in snippet and snippet.startswith("…") and len(snippet) < 100
    assert hits["ask"].snippet == ""


def test_excerpt_centres_on_the_first_word_found() -> None:
    text = "a " * 80 + "Støjvold " + "b " * 80
    piece, found = excerpt(text, ["sto"])
    assert found and "Støjvold" in piece and piece.startswith("…") and piece.endswith("…")
    assert piece.startswith("…a ") and piece.endswith(" b…")  # whole words at both ends
    words = "indledning " * 20 + "Støjvold " + "afslutning " * 20
    piece = excerpt(words, ["stoj"])[0]
    assert piece.split()[0] == "…indledning" and piece.split()[-1] == "afslutning…"
    assert excerpt("kort tekst", ["xyz"]) == ("kort tekst", False)


def test_limit_caps_the_hits(db, meeting_factory) -> None:
    meeting = meeting_factory(db)
    for n in range(8):
        capture.add_step(db, meeting.id, capture.StepInput(f"Skridt {n}"))
    assert len(search(db, "skridt", limit=5)) == 5
    assert len(search(db, "skridt")) == 8


# ----- the index follows every change -------------------------------------------------------------


def test_edits_deletes_and_undo_are_followed(db, meeting_factory) -> None:
    meeting = meeting_factory(db)
    idea = capture.add_idea(db, meeting.id, capture.IdeaInput("Legeplads"))
    ask = capture.add_ask(db, meeting.id, capture.AskInput("Legeredskaber"))
    step = capture.add_step(db, meeting.id, capture.StepInput("Lege med børnene"))
    assert len(search(db, "leg")) == 3
    capture.update_idea(db, idea.id, capture.IdeaInput("Boldbane"))
    assert titles(db, "legeplads") == [] and titles(db, "bold") == ["Boldbane"]
    capture.delete_entry(db, "ask", ask.id)
    capture.delete_entry(db, "step", step.id)
    assert titles(db, "leg") == []
    capture.restore_entry(db, "step", step.id)
    assert titles(db, "leg") == ["Lege med børnene"]
    with sqlite3.connect(db.engine.url.database) as connection:
        connection.execute("DELETE FROM next_step")  # a hard delete (the retention purge)
        assert connection.execute(
            "SELECT count(*) FROM search_entry WHERE kind = 'step'").fetchone() == (0,)
    assert titles(db, "leg") == []


def test_every_source_table_keeps_its_triggers() -> None:
    """A later table rebuild (Alembic batch mode) drops triggers; this test notices."""
    from facilitator.storage.database import Database

    database = Database("sqlite://")
    try:
        database.migrate()
        with database.engine.connect() as connection:
            names = {r[0] for r in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        database.dispose()
    for table in ("idea", "resource_ask", "next_step"):
        assert {f"{table}_search_{e}" for e in ("insert", "update", "delete")} <= names


# ----- erasure --------------------------------------------------------------------------------------

KAREN = "Karen Vestergaard"


def test_erasure_leaves_no_name_in_the_index(db, tmp_path, meeting_factory) -> None:
    meeting = meeting_factory(db)
    project_id = meeting.project_id
    karen = people.add_person(db, project_id, KAREN, "", True, True, date(2026, 3, 3),
                              ConsentSource.ORAL)
    capture.add_idea(db, meeting.id, capture.IdeaInput(
        f"Shelter ved {KAREN}s skov", f"{KAREN} kender lodsejeren"))
    capture.add_ask(db, meeting.id, capture.AskInput(f"Penge til {KAREN}"))
    capture.add_step(db, meeting.id, capture.StepInput(f"Ring til {KAREN}"))
    for n in range(30):  # more than one FTS segment, so old words would linger in older ones
        capture.add_idea(db, meeting.id, capture.IdeaInput(f"Idé nummer {n}"))
    assert len(search(db, "vestergaard")) == 3
    make_backup(db, "automatisk")

    privacy.erase_person(db, karen.id, tmp_path)

    assert search(db, "vestergaard") == [] and search(db, "karen") == []
    assert [h.title for h in search(db, "shelter")] == ["Shelter ved [slettet person] skov"]
    folded = [fold(KAREN), fold(KAREN).replace(" ", ""), "vestergard", "karen"]
    for path in [tmp_path / "f.db", *(b.path for b in list_backups(tmp_path))]:
        assert_absent(file_bytes(path), KAREN, *folded)
        with sqlite3.connect(path) as connection:
            assert connection.execute(
                "INSERT INTO search_fts (search_fts) VALUES ('integrity-check')").rowcount != 0
            assert connection.execute(
                "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'vestergard*'"
            ).fetchone() == (0,)


# ----- a large database --------------------------------------------------------------------------


def test_ten_thousand_ideas_answer_correctly(db, meeting_factory) -> None:
    meeting = meeting_factory(db)
    other = meeting_factory(db, title="Andet møde")
    rows = [(uuid.uuid4().hex, (meeting if n % 2 else other).id.hex, f"Idé {n} om stier og bænke",
             "Detaljer om cykling" if n % 10 == 0 else "") for n in range(10_000)]
    rows[4321] = (rows[4321][0], rows[4321][1], "Støjvold ved motorvejen", "")
    rows[17] = (rows[17][0], rows[17][1], "Bålplads", "Ved stierne")  # "sti" in its detail only
    with sqlite3.connect(db.engine.url.database) as connection:
        connection.executemany(
            "INSERT INTO idea (id, meeting_id, title, detail, proposed_by, theme, check_note, "
            "status, created_at) VALUES (?, ?, ?, ?, '', '', '', 'new', '2026-03-03 19:00:00.000000')",
            rows)
    assert titles(db, "stojv") == ["Støjvold ved motorvejen"]
    # So many matches that the newest come first, every title hit before a detail hit.
    first = search(db, "sti")
    assert len(first) == 50 and first[0].title == "Idé 9999 om stier og bænke"
    every = search(db, "sti", limit=10_000)
    assert len(every) == 9_999 and every[-1].title == "Bålplads"
    assert [h.title for h in every[:3]] == [f"Idé {n} om stier og bænke" for n in (9999, 9998, 9997)]
    assert len(search(db, "cykl", limit=5000)) == 1000
    assert len(search(db, "idé 999 ")) == 1
    hits = search(db, "bænk", limit=10_000)
    assert len(hits) == 9_998
    assert {h.meeting_id for h in hits} == {meeting.id, other.id}


def test_a_new_project_is_searched_too(db) -> None:
    project = projects.create_project(db, "Grøn By", ["Midtby"])
    meeting = meetings.create_meeting(db, project.id, "Første møde", datetime(2026, 1, 1, 19, 0))
    capture.add_idea(db, meeting.id, capture.IdeaInput("Grønne tage"))
    [hit] = search(db, "gron")
    assert (hit.project_name, hit.meeting_title) == ("Grøn By", "Første møde")


def test_a_database_not_yet_upgraded_refuses_search_in_danish(tmp_path, clock) -> None:
    """A damaged or read-only file is shown as it is, never upgraded: it may have no index."""
    import shutil
    from pathlib import Path

    from facilitator.domain.validation import ValidationError
    from facilitator.storage.database import Database

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "schema_0005.db"
    shutil.copy(fixture, tmp_path / "old.db")
    old = Database(f"sqlite:///{tmp_path / 'old.db'}", clock)  # opened without migrating
    try:
        with pytest.raises(ValidationError, match="før den er opgraderet"):
            search(old, "shelter")
        assert search(old, "  ") == []
    finally:
        old.dispose()
