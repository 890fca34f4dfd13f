"""Names without consent are hidden however they are written; ordinary words stay."""

from __future__ import annotations

import pytest

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
