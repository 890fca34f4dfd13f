"""The brief's data: gathered from the database, and no name without consent."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, datetime

import pytest

from facilitator.clock import FakeClock
from facilitator.domain.enums import AskKind, CheckKind, OwnerSide, Role
from facilitator.domain.validation import ValidationError
from facilitator.live_meeting import LiveMeeting
from facilitator.reports.brief_data import BriefData
from facilitator.services import agenda, briefs, capture, meetings, people, projects, summary
from facilitator.services.capture import AskInput, IdeaInput, StepInput
from facilitator.services.settings import Settings, save_settings

HIDDEN = "Anna Holm"
HIDDEN_DECOMPOSED = "Zoe\u0308 Ærøe"  # stored decomposed, typed composed in the notes
SHOWN = "Bo Ærø"
GROUP = "Borgergruppen i Knebel"


def texts(value: object) -> list[str]:
    """Every string anywhere inside the brief data."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) for t in texts(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [t for item in value for t in texts(item)]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in texts(k) + texts(v)]
    return []


def leaks(data: BriefData, name: str) -> list[str]:
    """Texts that still contain `name`, compared without case or Unicode form."""
    wanted = unicodedata.normalize("NFC", name).casefold()
    return [t for t in texts(data) if wanted in unicodedata.normalize("NFC", t).casefold()]


@pytest.fixture
def meeting(db, meeting_factory):
    """A meeting whose every text field mentions people in every way a note might."""
    row = meeting_factory(db, title=f"Møde hos {HIDDEN}", venue=f"{HIDDEN}s lade")
    project_id = row.project_id
    anna = people.add_person(db, project_id, HIDDEN)
    zoe = people.add_person(db, project_id, HIDDEN_DECOMPOSED, may_be_contacted=True)
    bo = people.add_person(db, project_id, SHOWN, may_be_named=True)
    phase = agenda.list_phases(db, row.id)[0]
    agenda.update_phase(db, phase.id, f"Velkomst ved {HIDDEN.upper()}", 10, 10)
    knebel = next(p.id for p in projects.get_project(db, project_id).places if p.name == "Knebel")
    mentions = (
        f"{HIDDEN.lower()} foreslog det; ANNA  HOLM gentog det; {HIDDEN}s nabo og "
        f"Anna\nHolm' bror; {unicodedata.normalize('NFC', HIDDEN_DECOMPOSED)} hjælper."
    )
    idea = capture.add_idea(db, row.id, IdeaInput(
        f"Legeplads ({HIDDEN})", mentions, GROUP, knebel, f"Tema fra {HIDDEN}",
        CheckKind.PLAN, f"Tjek med {HIDDEN}",
    ))
    people.link_idea_person(db, idea.id, anna.id)
    own = capture.add_idea(db, row.id, IdeaInput("Kor for alle", f"{SHOWN} leder koret", GROUP))
    people.link_idea_person(db, own.id, bo.id)
    lone = capture.add_idea(db, row.id, IdeaInput("Bænke", "", ""))
    people.link_idea_person(db, lone.id, zoe.id)
    ask = capture.add_ask(db, row.id, AskInput(
        f"Penge til {HIDDEN}", AskKind.MONEY, 45_000, idea.id, HIDDEN, date(2026, 4, 1),
        f"Afdeling hos {HIDDEN}",
    ))
    people.link_ask_person(db, ask.id, anna.id)
    capture.add_ask(db, row.id, AskInput("Politisk sag", AskKind.PERMIT, needs_decision=True))
    capture.add_step(db, row.id, StepInput(f"{HIDDEN} ringer", OwnerSide.CITIZENS, HIDDEN))
    return {"meeting": row, "anna": anna, "bo": bo, "zoe": zoe}


def test_no_name_without_consent_appears_anywhere(db, meeting):
    data = briefs.brief_data(db, meeting["meeting"].id)
    assert leaks(data, HIDDEN) == []
    assert leaks(data, HIDDEN_DECOMPOSED) == []
    assert leaks(data, "Holm") == []  # no tail of the name is left either
    idea = next(i for i in data.ideas if i.title == "Legeplads ([…])")
    assert idea.detail == (
        "[…] foreslog det; […] gentog det; […] nabo og […] bror; […] hjælper."
    )
    assert data.meeting_title == "Møde hos […]"
    assert data.venue == "[…] lade"
    assert data.phases[0].title == "Velkomst ved […]"
    assert data.steps[0].what == "[…] ringer"


def test_a_consented_name_appears_with_the_group(db, meeting):
    data = briefs.brief_data(db, meeting["meeting"].id)
    choir = next(i for i in data.ideas if i.title == "Kor for alle")
    assert choir.carried_by == f"{SHOWN}, {GROUP}"
    assert choir.detail == f"{SHOWN} leder koret"


def test_withdrawn_consent_hides_the_name_again(db, meeting):
    people.withdraw_consent(db, meeting["bo"].id)
    data = briefs.brief_data(db, meeting["meeting"].id)
    assert leaks(data, SHOWN) == []
    choir = next(i for i in data.ideas if i.title == "Kor for alle")
    assert choir.carried_by == GROUP
    assert choir.detail == "[…] leder koret"
    assert not people.get_person(db, meeting["bo"].id).can_be_named


def test_group_labels_are_kept_and_a_person_without_consent_gives_the_group(db, meeting):
    data = briefs.brief_data(db, meeting["meeting"].id)
    by_title = {i.title: i for i in data.ideas}
    assert by_title["Legeplads ([…])"].carried_by == GROUP
    assert by_title["Bænke"].carried_by == ""  # no group typed, and no consent: nobody named
    ask = next(a for a in data.asks if a.kind is AskKind.MONEY)
    assert ask.asked_by == "[…]"  # the official typed the name as "asked by"


def test_a_name_inside_a_longer_word_is_left_alone(db, meeting_factory):
    row = meeting_factory(db)
    people.add_person(db, row.project_id, "Ib Lund")
    capture.add_idea(db, row.id, IdeaInput("Ib Lundgaards have og Ib Lunds mark", GROUP))
    data = briefs.brief_data(db, row.id)
    assert data.ideas[0].title == "Ib Lundgaards have og […] mark"


def test_a_consented_longer_name_is_kept_whole(db, meeting_factory):
    row = meeting_factory(db)
    people.add_person(db, row.project_id, "Anna Holm")
    people.add_person(db, row.project_id, "Anna Holm Jensen", may_be_named=True)
    capture.add_idea(db, row.id, IdeaInput("Anna Holm Jensen og Anna Holm", GROUP))
    assert briefs.brief_data(db, row.id).ideas[0].title == "Anna Holm Jensen og […]"


def test_people_of_another_project_cannot_be_linked(db, meeting_factory):
    row = meeting_factory(db)
    other = projects.create_project(db, "Løsning Lykkes", ["Løsning"])
    stranger = people.add_person(db, other.id, "Per Hansen", may_be_named=True)
    idea = capture.add_idea(db, row.id, IdeaInput("Bænke"))
    with pytest.raises(ValidationError) as refused:
        people.link_idea_person(db, idea.id, stranger.id)
    assert refused.value.message == "Personen findes ikke i dette projekt."


def test_brief_data_gathers_the_meeting(db, meeting_factory, clock: FakeClock):
    save_settings(db, Settings("Molsø Kommune", "Mette Kragh", "Lokalsamfund"))
    row = meeting_factory(db, meeting_places=("Knebel", "Agri"))
    meetings.set_attendance(db, row.id, 41)
    session = LiveMeeting.start(db, row.id, clock)
    clock.advance(4)
    session.mark(Role.CITIZEN)
    clock.advance(300)
    session.mark(Role.OFFICIAL)
    clock.advance(60)
    session.next_phase()
    clock.advance(3)
    session.mark(Role.CITIZEN)
    clock.advance(120)
    session.close()
    capture.add_ask(db, row.id, AskInput("Lån af hal", AskKind.VENUE))
    capture.add_ask(db, row.id, AskInput("Tilskud", AskKind.MONEY, 250_000, needs_decision=True))
    capture.add_step(db, row.id, StepInput("Svar", OwnerSide.MUNICIPALITY, "Plan og Byg",
                                           date(2026, 4, 1)))

    data = briefs.brief_data(db, row.id)
    result = summary.meeting_summary(db, row.id)
    assert (data.municipality, data.official_name, data.official_department) == (
        "Molsø Kommune", "Mette Kragh", "Lokalsamfund")
    assert data.project_name == "Mols i Udvikling"
    assert data.scheduled_at == datetime(2026, 3, 3, 19, 0)
    assert data.places == ("Agri", "Knebel")
    assert data.attendance == 41
    assert data.share == result.share
    assert (data.hold_backs, data.hold_backs_respected) == (
        result.hold_backs, result.hold_backs_respected)
    assert data.hold_backs >= 2
    assert [p.title for p in data.phases] == [p.title for p in result.phases]
    assert data.phases_opened_by_citizens == 2
    assert [a.what for a in data.asks] == ["Tilskud", "Lån af hal"]  # decisions first
    assert data.asks[0].kind is AskKind.MONEY  # enums stay enums through anonymisation
    assert data.steps[0].side is OwnerSide.MUNICIPALITY
    assert data.steps[0].owner == "Plan og Byg"


def test_text_is_given_to_the_builder_in_composed_form(db, meeting_factory):
    row = meeting_factory(db)
    capture.add_idea(db, row.id, IdeaInput("Cafe\u0301 på torvet", "e\u0301"))
    idea = briefs.brief_data(db, row.id).ideas[0]
    assert (idea.title, idea.detail) == ("Café på torvet", "é")
    assert capture.list_ideas(db, row.id)[0].title == "Cafe\u0301 på torvet"  # stored as typed


def test_unknown_meeting_is_refused_in_danish(db):
    import uuid

    missing = uuid.uuid4()
    with pytest.raises(briefs.BriefError) as refused:
        briefs.brief_data(db, missing)
    assert refused.value.message == f"Mødet findes ikke (id {missing})."


def test_latest_meeting_is_the_last_closed_else_the_running_one(db, meeting_factory, clock):
    assert briefs.latest_meeting_id(db) is None
    early = meeting_factory(db, title="Tidligt", scheduled_at=datetime(2026, 1, 1, 19, 0))
    meeting_factory(db, title="Sent", scheduled_at=datetime(2026, 6, 1, 19, 0))
    assert briefs.latest_meeting_id(db) is None  # only planned: nothing held yet
    session = LiveMeeting.start(db, early.id, clock)
    assert briefs.latest_meeting_id(db) == early.id  # running
    session.close()
    assert briefs.latest_meeting_id(db) == early.id
    clock.advance(3600)
    other = meeting_factory(db, title="Andet", scheduled_at=datetime(2025, 1, 1, 19, 0))
    LiveMeeting.start(db, other.id, clock).close()
    assert briefs.latest_meeting_id(db) == other.id


def test_record_sent_round_trips(db, meeting_factory):
    row = meeting_factory(db)
    first = briefs.record_sent(db, row.id, date(2026, 3, 4), "Natur- og Miljøudvalget 🌊", "da")
    second = briefs.record_sent(db, row.id, date(2026, 3, 5), "بلدية", "en")
    assert briefs.list_sent(db, row.id) == [first, second]
    assert (first.sent_on, first.recipients, first.language) == (
        date(2026, 3, 4), "Natur- og Miljøudvalget 🌊", "da")


@pytest.mark.parametrize(
    ("recipients", "language", "words"),
    [("", "da", "Modtagere skal udfyldes."), ("Udvalget", "de", "dansk (da) eller engelsk (en)")],
)
def test_record_sent_refuses_bad_input(db, meeting_factory, recipients, language, words):
    row = meeting_factory(db)
    with pytest.raises(ValidationError) as refused:
        briefs.record_sent(db, row.id, date(2026, 3, 4), recipients, language)
    assert words in refused.value.message
    assert briefs.list_sent(db, row.id) == []
