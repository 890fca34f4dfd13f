"""Names without consent are hidden however they are written; ordinary words stay."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.anonymise import REDACTED, Redactor

HIDDEN = ["Jens Bødker", "Şükrü Yılmaz", "Łukasz Nowak", "Иван Петров", "Anna Marie Holm"]
R = Redactor(HIDDEN, shown=["Karen Vestergaard"], keep_words=["Agri", "Knebel"])


@pytest.mark.parametrize(
    "text",
    [
        "Jens Bødker foreslog det",
        "JENS BØDKER foreslog det",
        "Jens\nBødker foreslog det",
        "Jens Bød\u00adker foreslog det",  # soft hyphen
        "Jens\u200bBødker",  # zero-width space
        "Bødker, Jens skriver",
        "J. Bødker skriver",
        "Jens har tilbudt at hjælpe",
        "Bødker siger ja",
        "Jens Bodker (uden ø)",
        "Sukru Yilmaz",
        "Lukasz Nowak",
        "Łukasza Nowaka",
        "Ивана Петрова",
        "Anna Holm",
        "Anne-Marie og Anna Marie-Holm",
        "Jens Bødkers forslag",
        "Jens Bødkers' forslag",
        "Bødker’s idé",
    ],
)
def test_hidden_names_do_not_survive(text: str) -> None:
    out = R(text)
    for name in HIDDEN:
        for part in name.split():
            if len(part) >= 3:
                assert part.casefold() not in out.casefold(), (text, out)
    assert REDACTED in out


@pytest.mark.parametrize(
    "text",
    [
        "Karen Vestergaard leder koret",  # consented
        "Shelter ved Agri Bavnehøj",
        "Ny sti til Knebel",
        "en jens-lignende idé",  # lowercase ordinary text is not a lone name part
        "Ib Lundgaards have",
    ],
)
def test_other_text_is_kept(text: str) -> None:
    assert R(text) == text


def test_no_unconsented_name_in_the_printed_brief(db, meeting_factory, tmp_path) -> None:
    """The whole path: database → brief → PDF text, whitespace and line breaks ignored."""
    import io
    from datetime import date

    from pypdf import PdfReader

    from facilitator.services import briefs, capture, people, projects

    meeting = meeting_factory(db)
    other = projects.create_project(db, "Løsning Lykkes")
    jens = people.add_person(db, meeting.project_id, "Jens Bødker", "jens@example.org")
    people.add_person(db, other.id, "Kirsten Dahl")  # recorded in another project
    people.add_person(db, meeting.project_id, "Karen Vestergaard", may_be_named=True)
    idea = capture.add_idea(db, meeting.id, capture.IdeaInput(
        "Bødker og Kirsten Dahl fra nabobyen vil bygge en badebro", "Jens Bødkers idé",
        "Jens Bødker"))
    people.link_idea_person(db, idea.id, jens.id)
    capture.add_ask(db, meeting.id, capture.AskInput("Tilskud", asked_by="J. Bødker"))
    capture.add_step(db, meeting.id, capture.StepInput("Ring til kommunen", owner_label="Jens"))
    capture.add_idea(db, meeting.id, capture.IdeaInput("Kor for alle aldre", "", "Karen Vestergaard"))
    path = briefs.write_brief(db, meeting.id, tmp_path / "b.pdf", "da", date(2026, 3, 4))
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "".join("".join(page.extract_text().split()) for page in reader.pages).casefold()
    for word in ("jens", "bødker", "bodker", "kirsten", "dahl", "jens@example.org"):
        assert word not in text
    assert "karenvestergaard" in text  # consented
    assert "badebro" in text  # the contribution stays


# ----- other scripts, case endings, lower case ------------------------------------

FOREIGN = Redactor(
    ["Olena Kovalenko", "Łukasz Wiśniewski", "Adam Nowak", "Anna Kowalska", "Søren Dahl",
     "Jens Bødker", "Олег Шевченко", "Γιώργος Παπαδόπουλος", "Hryhorii Melnyk", "Olha Bondar"],
    shown=["Karen Vestergaard"],
    keep_words=["Knebel", "Agri"],
)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        # Registered in Latin letters, written in Cyrillic, and the other way round.
        ("Олена Коваленко sagde ja", ["Олена", "Коваленко"]),
        ("олена коваленко sagde ja", ["олена", "коваленко"]),
        ("Oleh Shevchenko kommer", ["Oleh", "Shevchenko"]),
        ("Oleg Shevchenko kommer", ["Oleg", "Shevchenko"]),  # Russian spelling of Олег
        ("Шевченко kommer", ["Шевченко"]),
        # Other transliterations of one name: passport (Hryhorii, Olha) against anyascii.
        ("Григорій Мельник", ["Григорій", "Мельник"]),
        ("Ольга Бондар", ["Ольга", "Бондар"]),
        # Greek, both ways.
        ("Giorgos Papadopoulos ringer", ["Giorgos", "Papadopoulos"]),
        ("Γιώργος Παπαδόπουλος ringer", ["Γιώργος", "Παπαδόπουλος"]),
        ("Παπαδόπουλος ringer", ["Παπαδόπουλος"]),
        # Polish case endings.
        ("Rozmawiałem z Wiśniewskim", ["Wiśniewskim"]),
        ("List do Wiśniewskiego", ["Wiśniewskiego"]),
        ("Dziękuję Wiśniewskiemu", ["Wiśniewskiemu"]),
        ("Dom Nowaka", ["Nowaka"]),
        ("Powiedz Nowakowi", ["Nowakowi"]),
        ("Dom Kowalskiej", ["Kowalskiej"]),
        ("Łukasza Wiśniewskiego", ["Łukasza", "Wiśniewskiego"]),
        # Danish genitive.
        ("Sørens forslag", ["Sørens"]),
        ("Jens' forslag", ["Jens"]),
        ("Søren Dahls forslag", ["Søren", "Dahls"]),
        # Ukrainian endings in Cyrillic: the surname does not change, the first name does.
        ("Я бачила Олену й Коваленко", ["Олену", "Коваленко"]),
        ("Лист від Олени", ["Олени"]),
        ("Олени Коваленко", ["Олени", "Коваленко"]),
        # A full name in lower case, also inflected and across a line break.
        ("olena kovalenko sagde", ["olena", "kovalenko"]),
        ("vi mødte olena\nkovalenko", ["olena", "kovalenko"]),
        ("łukasza wiśniewskiego", ["łukasza", "wiśniewskiego"]),
        ("søren dahl", ["søren", "dahl"]),
        # In an address or a user name.
        ("skriv til olena.kovalenko@gmail.com", ["olena", "kovalenko", "gmail"]),
        ("skriv til kovalenko@ukr.net", ["kovalenko"]),
        ("facebook.com/olena.kovalenko", ["olena", "kovalenko"]),
        ("@olena_kovalenko på Instagram", ["olena", "kovalenko"]),
    ],
)
def test_names_in_other_scripts_forms_and_cases_are_hidden(text: str, gone: list[str]) -> None:
    out = FOREIGN(text)
    for word in gone:
        assert word.casefold() not in out.casefold(), (text, out)
    assert REDACTED in out


@pytest.mark.parametrize(
    "text",
    [
        "søren sagde, at dahl er en god dal",  # lone lower-case parts are ordinary words
        "et jens-agtigt forslag",
        "Sørensen kom også",  # another surname that starts like the first name
        "Nowakowska Street",  # too long an ending to be a case ending
        "Mariehøj og Annebergparken",
        "Karen Vestergaard leder koret",
        "Shelter ved Agri Bavnehøj og Knebel",
        "Bondarenkos bageri",  # a longer word that only starts like the surname
    ],
)
def test_ordinary_words_like_those_names_are_kept(text: str) -> None:
    assert FOREIGN(text) == text


def test_a_name_registered_in_cyrillic_is_hidden_in_latin_text() -> None:
    redact = Redactor(["Олена Коваленко"])
    assert redact("Olena Kovalenko og Kovalenkos søster") == "[…] og […] søster"


def test_a_consented_name_in_another_script_is_kept() -> None:
    redact = Redactor(["Jens Bødker"], shown=["Olena Kovalenko"])
    assert redact("Олена Коваленко og Jens") == "Олена Коваленко og […]"


def test_a_name_on_record_twice_in_two_scripts_is_hidden_when_either_did_not_consent() -> None:
    redact = Redactor(["Олена Коваленко"], shown=["Olena Kovalenko"])
    assert redact("Olena Kovalenko") == REDACTED


def test_redacting_twice_changes_nothing_more() -> None:
    text = "Олена Коваленко (olena.kovalenko@gmail.com, +380 44 123 4567) og Karen Vestergaard"
    once = FOREIGN(text)
    assert once == "[…] ([…], […]) og Karen Vestergaard"
    assert FOREIGN(once) == once


def test_symbols_are_not_read_as_words() -> None:
    """An emoji transliterates to a word (":rose:"); a person named Rose must not hide it."""
    assert Redactor(["Rose Hansen"])("Tak 🌹 fra Rose") == "Tak 🌹 fra […]"


_PIECES = st.sampled_from([
    "Olena", "Kovalenko", "Олена", "Олени", "Коваленко", "Wiśniewskiego", " ", "-", "\u00ad",
    "\n", ".", "@", "dk", "æ", "Щ", "ß", "🌹", "王", "+45", "12", "34", "0", "kr.", "'s",
    "Karen Vestergaard", REDACTED,
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=12).map("".join))
def test_any_text_is_redacted_without_error_and_once_is_enough(text: str) -> None:
    """Characters that fold to several letters or to none never put a span in the wrong place."""
    out = FOREIGN(text)
    assert FOREIGN(out) == out
