"""The rule that guesses whether a typed text names a person (no Qt, no database)."""

from __future__ import annotations

import pytest

from facilitator.domain.name_guess import (
    Carrier,
    Context,
    first_names,
    fold,
    has_group_word,
    judge_carrier,
    looks_like_person,
    names_in_text,
)

PLACES = ("Knebel", "Agri", "Rønde", "Følle", "Femmøller")
PROJECT = Context(PLACES, ("Karen Vestergaard", "Jens Bødker", "Zbyszko Wrona"))


@pytest.mark.parametrize("text", [
    "Anna Holm",
    "Søren Bødker-Nielsen",
    "Łukasz Wiśniewski",
    "Lukasz Wisniewski",
    "Олена Коваленко",
    "Mohammed Al-Masri",
    "Omar al-Hassan",
    "Ayşe Yılmaz",
    "Şükrü Öztürk",
    "Ludwig van Beethoven",
    "Jürgen Müller",
    "Anna",
    "Mette",
    "Mette.",
    "  Mette  ",
    "Anne-Marie",
    "Anna og Peter",
    "Annas gruppe",
    "Anna's gruppe",
    "Anna Holms gruppe",
    "Anna-gruppen",
    "Borgergruppen v/ Anna Holm",
    "Shelter-gruppen, Anna Holm",
    "Zdzisław Kowalczyk",
    "Bożydar Kowalczyk",  # first name not on the list: two capitalised words
    "A. Holm",
    "Familien Holm",
    "anna holm",  # typed in a hurry, all lowercase
    "ANNA HOLM",
    "mette",
    "محمد",
    "Zbyszko",  # a registered person's first name, not on the shipped list
])
def test_looks_like_a_person(text: str) -> None:
    assert looks_like_person(text, PROJECT)


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "Borgergruppen i Knebel",
    "Shelter-gruppen",
    "Shelter-Gruppen",
    "Beboerforeningen",
    "Skolen",
    "Kommunen",
    "Lokalrådet",
    "Landsbyrådet i Følle",
    "Landsbyrådet i Tved",  # a village outside the project, alone after a group word
    "Flere borgere",
    "Alle",
    "Borgerne",
    "De unge i Knebel",
    "Knebel Borgerforening",
    "Rønde Lokalråd",
    "Agri Beboerforening",
    "Vrinners Landsbylaug",
    "Femmøller Strandgruppe",
    "Knebel IF",
    "KFUM Spejderne",
    "Plan og Byg",
    "Natur og Miljø",
    "Lokalsamfund og Nærdemokrati",
    "Børn og Skole",
    "Stigruppen",
    "Holm",  # a surname alone says little
    "Knebel",
    "Knebel og Agri",
    "Konrad-skolen",
    "Kirkegaard-laug",
    "Dans og musik",
    "bo og per",  # everyday words in lowercase, though also names
    "borgergruppen i knebel",
    "BORGERGRUPPEN",
    "Flere borgere fra Femmøller",
    "Lang idé om stier, sheltere og fællesskab i Mols. Lang idé om stier.",
    "مشروع الملجأ في أغري",
    "Shelter 🏕️ med bålplads 🔥👍🏽",
    "Gruppe A",
    "Byg 3",
    "Grøn Omstilling Mols",
    "Sundhed og Trivsel Knebel",
    "Gårdbutikkerne på Mols",
])
def test_does_not_look_like_a_person(text: str) -> None:
    assert not looks_like_person(text, PROJECT)


def test_a_village_of_the_project_is_not_a_surname() -> None:
    assert looks_like_person("Mols Bjerge")  # two capitalised words, no village known
    assert not looks_like_person("Mols Bjerge", Context(("Mols", "Bjerge")))


def test_decomposed_accents_are_read_as_composed() -> None:
    assert looks_like_person("Søren Bo\u0308dker")
    assert names_in_text("Caf\u00e9 med Rene\u0301 Ho\u0301lm") == ["René Hólm"]


@pytest.mark.parametrize(("text", "names"), [
    ("Anna Holm vil lave en sti", ["Anna Holm"]),
    ("Sti langs kysten, foreslået af Søren Bødker-Nielsen.", ["Søren Bødker-Nielsen"]),
    ("Olena Kovalenko og Łukasz Wiśniewski maler huset", ["Olena Kovalenko", "Łukasz Wiśniewski"]),
    ("Олена Коваленко допоможе", ["Олена Коваленко"]),
    ("Anna Holm, Anna Holm og Anna Holm", ["Anna Holm"]),
    ("Spørg Mette Frederiksen", ["Mette Frederiksen"]),
])
def test_free_text_names_of_unregistered_people_are_found(text: str, names: list[str]) -> None:
    assert names_in_text(text, PROJECT) == names


@pytest.mark.parametrize("text", [
    "Shelter ved Agri Bavnehøj",
    "Fælles el-ladestander ved forsamlingshuset",
    "Anna vil gerne hjælpe",  # a first name alone is left to the "carried by" field
    "Sti fra Knebel til Agri",
    "Karen Vestergaard vil lave kaffe",  # registered: the brief hides or shows her by consent
    "Karen Vestergaards forslag",
    "Jens Bødker spørger",
    "Karen Blixen Museet",
    "Tur til Mols Bjerge",
    "Ny bænk ved Rønde Kirke",
    "Anna H. vil hjælpe",
    "anna holm vil hjælpe",  # the lighter rule trusts capitals only
    "Café ved ången",
    "",
])
def test_free_text_without_such_names_is_quiet(text: str) -> None:
    assert names_in_text(text, PROJECT) == []


GROUPS = ("Shelter-gruppen", "Borgergruppen i Knebel")
NAMED = ("Karen Vestergaard",)
UNNAMED = ("Jens Bødker",)


@pytest.mark.parametrize(("label", "verdict"), [
    ("", Carrier.EMPTY),
    ("  ", Carrier.EMPTY),
    ("Shelter-gruppen", Carrier.GROUP),
    ("shelter-gruppen", Carrier.GROUP),
    ("  Borgergruppen   i Knebel ", Carrier.GROUP),
    ("Karen Vestergaard", Carrier.NAMED_PERSON),
    ("karen vestergaard", Carrier.NAMED_PERSON),
    ("Karen Vestergaard, Shelter-gruppen", Carrier.PLAIN),
    ("Jens Bødker", Carrier.UNNAMED_PERSON),
    ("Jens Bodker", Carrier.UNNAMED_PERSON),
    ("Jens Bødker og Shelter-gruppen", Carrier.UNNAMED_PERSON),
    ("Jens", Carrier.LOOKS_LIKE_PERSON),
    ("Karen", Carrier.LOOKS_LIKE_PERSON),  # a first name alone could be anyone called Karen
    ("Anna Holm", Carrier.LOOKS_LIKE_PERSON),
    ("Karen Vestergaard og Anna Holm", Carrier.LOOKS_LIKE_PERSON),
    ("Stigruppen", Carrier.PLAIN),
    ("Flere borgere", Carrier.PLAIN),
])
def test_a_carried_by_label_is_judged_by_what_the_project_knows(label, verdict) -> None:
    assert judge_carrier(label, GROUPS, NAMED, UNNAMED, PLACES) is verdict


def test_only_names_and_names_like_labels_are_unsafe() -> None:
    unsafe = {c for c in Carrier if not c.safe}
    assert unsafe == {Carrier.UNNAMED_PERSON, Carrier.LOOKS_LIKE_PERSON}


def test_group_words_are_found_at_the_end_of_a_compound() -> None:
    assert has_group_word("Anna Holms gruppe")
    assert has_group_word("Beboerforeningen")
    assert not has_group_word("Kirkegaard")
    assert not has_group_word("Konrad")


def test_the_shipped_list_covers_the_languages_of_the_villages() -> None:
    names = first_names()
    assert len(names) > 400
    for name in ("Mette", "Søren", "Łukasz", "Олена", "Oksana", "Mohammed", "Fatima",
                 "Ayşe", "Mehmet", "Sarah", "Jürgen"):
        assert fold(name) in names, name
    # Words that would make every sentence start a name are not on it.
    for word in ("Alle", "Flere", "Sol", "Storm", "Sten"):
        assert fold(word) not in names, word


def test_folding_ignores_case_and_diacritics() -> None:
    assert fold("Łukasz") == fold("LUKASZ") == "lukasz"
    assert fold("Søren Bødker") == "soren bodker"
    assert fold("Ayşe") == "ayse"
