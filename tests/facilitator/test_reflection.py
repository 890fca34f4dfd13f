"""The official's private reflection: saved once per meeting, never printed or exported, purged with the project."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.domain.competences import COMPETENCE_KEYS, COMPETENCES
from facilitator.domain.enums import Regulation, Role, SelfDriving
from facilitator.domain.validation import ValidationError
from facilitator.live_meeting import LiveMeeting
from facilitator.services import briefs, capture, meetings, people, privacy, project_profile
from facilitator.services.privacy_purge import purge_at_start
from facilitator.services.privacy_settings import set_project_ended
from facilitator.services.reflection import (
    ReflectionInput,
    get_reflection,
    save_reflection,
    skip_reflection,
)
from facilitator.services.reflection_trend import reflection_trend
from facilitator.storage.backup import list_backups, make_backup
from tests.facilitator.erasure_helpers import file_bytes
from tests.facilitator.test_briefs_data import texts

KAREN = "Karen Vestergaard"  # consented to be named
NOTE = "Jeg talte for meget i starten; Karen Vestergaard bar runden om shelteret. Husk-ord: Blåmejse"
SECRET = "Blåmejse"  # a word only the reflection holds


def held_meeting(db, clock, meeting_factory, title="Borgermøde i Knebel",
                 scheduled_at=datetime(2026, 3, 3, 19, 0), official_first=False):
    """A meeting run on the live screen and closed.

    Citizen first: the hold-back is kept, citizens talk 90 s, the official 30 s.
    Official first: the hold-back is broken (a nudge), the official talks 60 s,
    then the citizens 60 s; in the second item a citizen speaks first.
    """
    meeting = meeting_factory(db, title=title, scheduled_at=scheduled_at)
    session = LiveMeeting.start(db, meeting.id, clock)
    if official_first:
        session.mark(Role.OFFICIAL)
        clock.advance(60)
        session.mark(Role.CITIZEN)
        clock.advance(60)
        session.next_phase()
        session.mark(Role.CITIZEN)
        clock.advance(20)
    else:
        session.mark(Role.CITIZEN)
        clock.advance(90)
        session.mark(Role.OFFICIAL)
        clock.advance(30)
    session.close()
    return meetings.get_meeting(db, meeting.id)


@pytest.fixture
def closed(db, clock, meeting_factory):
    return held_meeting(db, clock, meeting_factory)


# ----- the four competences ------------------------------------------------------------


def test_the_four_competences_match_the_reflection_columns_and_ask_in_danish():
    assert COMPETENCE_KEYS == ("supportive", "relations", "liaison", "adapting")
    assert [c.name for c in COMPETENCES] == [
        "Understøttende, ikke styrende", "Skabe relationer",
        "Bindeled mellem borgerne og kommunen", "Tilpasse rollen",
    ]
    for competence in COMPETENCES:
        assert 2 <= len(competence.questions) <= 3
        assert all(q.endswith("?") for q in competence.questions)


# ----- save, replace, skip -------------------------------------------------------------


def test_save_stores_the_scores_and_the_note(db, clock, closed):
    saved = save_reflection(db, closed.id, ReflectionInput(4, 3, None, 5, f"  {NOTE}  "))
    assert (saved.supportive, saved.relations, saved.liaison, saved.adapting) == (4, 3, None, 5)
    assert saved.note == NOTE
    assert saved.recorded_at == clock.now()
    assert get_reflection(db, closed.id) == saved


def test_saving_again_replaces_the_meeting_s_reflection(db, clock, closed):
    save_reflection(db, closed.id, ReflectionInput(2, 2, 2, 2, "Første udkast"))
    clock.advance(120)
    again = save_reflection(db, closed.id, ReflectionInput(supportive=5, note="Rettet"))
    assert get_reflection(db, closed.id) == again
    assert (again.supportive, again.relations, again.note) == (5, None, "Rettet")
    with sqlite3.connect(db.engine.url.database) as connection:
        assert connection.execute("SELECT count(*) FROM reflection").fetchone() == (1,)


def test_skipping_stores_nothing_and_keeps_an_earlier_reflection(db, closed, meeting_factory, clock):
    skip_reflection(db, closed.id)
    assert get_reflection(db, closed.id) is None
    save_reflection(db, closed.id, ReflectionInput(3))
    skip_reflection(db, closed.id)
    assert get_reflection(db, closed.id).supportive == 3  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (ReflectionInput(supportive=0), "supportive", "fra 1 til 5"),
        (ReflectionInput(relations=6), "relations", "fra 1 til 5"),
        (ReflectionInput(liaison=True), "liaison", "fra 1 til 5"),  # type: ignore[arg-type]
        (ReflectionInput(supportive=3, note="x" * 4_001), "note", "Noten er for lang (højst 4.000 tegn)"),
        (ReflectionInput(note="   "), "supportive", "Vælg mindst ét tal eller skriv en note"),
    ],
)
def test_refusals_are_danish_and_store_nothing(db, closed, data, field, words):
    with pytest.raises(ValidationError) as refused:
        save_reflection(db, closed.id, data)
    assert refused.value.field == field and words in refused.value.message
    assert get_reflection(db, closed.id) is None


def test_every_bad_scale_is_named_at_once(db, closed):
    with pytest.raises(ValidationError) as refused:
        save_reflection(db, closed.id, ReflectionInput(0, 9, 3, -1))
    assert [p.field for p in refused.value.problems] == ["supportive", "relations", "adapting"]


def test_a_meeting_not_yet_closed_gets_no_reflection(db, meeting_factory):
    planned = meeting_factory(db)
    with pytest.raises(ValidationError, match="når mødet er afsluttet"):
        save_reflection(db, planned.id, ReflectionInput(3))


# ----- private: never in a brief or an export --------------------------------------------


def test_the_reflection_never_reaches_the_brief_or_the_access_export(db, closed, tmp_path):
    karen = people.add_person(db, closed.project_id, KAREN, "karen@example.org", True, True)
    idea = capture.add_idea(db, closed.id, capture.IdeaInput("Shelter ved stranden", "", "Shelter-gruppen"))
    people.link_idea_person(db, idea.id, karen.id)
    save_reflection(db, closed.id, ReflectionInput(4, 4, 3, 2, NOTE))

    data = briefs.brief_data(db, closed.id)
    assert not [t for t in texts(data) if SECRET in t or "talte for meget" in t]
    for language in ("da", "en"):
        pdf = briefs.write_brief(db, closed.id, tmp_path / f"brief-{language}.pdf", language)
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
        assert "Shelter ved stranden" in text  # the check reads the real text
        assert SECRET not in text and "talte for meget" not in text

    pdf_path, json_path = privacy.export_person_files(db, karen.id, tmp_path / "indsigt.pdf")
    exported = json_path.read_text(encoding="utf-8")
    assert "Shelter ved stranden" in exported and KAREN in exported
    assert SECRET not in exported and "talte for meget" not in exported
    assert "reflection" not in json.loads(exported)
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_path.read_bytes())).pages)
    assert KAREN in pdf_text and SECRET not in pdf_text


# ----- purged with the project's retention -----------------------------------------------


def _reflections(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM reflection").fetchone()[0])


def test_the_retention_purge_erases_the_project_s_reflections_everywhere(
    db, clock, meeting_factory, tmp_path
):
    first = held_meeting(db, clock, meeting_factory)
    save_reflection(db, first.id, ReflectionInput(4, note=NOTE))
    people.add_person(db, first.project_id, KAREN, "", True, True)
    from facilitator.services import projects

    other = projects.create_project(db, "Løsning Lykkes")
    kept = meetings.create_meeting(db, other.id, "Møde i Løsning", datetime(2026, 3, 4, 19, 0))
    with db.session() as s:  # a closed meeting of another project, with its own reflection
        from facilitator.domain.enums import MeetingStatus
        from facilitator.storage.models import Meeting

        s.get_one(Meeting, kept.id).status = MeetingStatus.CLOSED
        s.commit()
    save_reflection(db, kept.id, ReflectionInput(note="Løsnings egen note"))
    make_backup(db, "automatisk")
    assert any(SECRET.encode() in b.path.read_bytes() for b in list_backups(tmp_path))
    set_project_ended(db, first.project_id, date(2026, 4, 1))

    assert privacy.reflections_due(db, date(2027, 3, 31)) == 0
    assert privacy.purge_expired(db, tmp_path, date(2027, 3, 31)) == 0
    assert get_reflection(db, first.id) is not None
    assert privacy.reflections_due(db, date(2027, 4, 1)) == 1

    assert privacy.purge_expired(db, tmp_path, date(2027, 4, 1)) == 1  # Karen
    assert get_reflection(db, first.id) is None
    assert get_reflection(db, kept.id) is not None
    assert SECRET.encode() not in file_bytes(Path(db.engine.url.database))
    backups = list_backups(tmp_path)
    assert backups  # the one made by hand, and those made when the meeting closed
    for backup in backups:
        assert SECRET.encode() not in backup.path.read_bytes()
    # The backup made by hand kept the other project's reflection only.
    assert max(_reflections(b.path) for b in backups) == 1


def test_reflections_alone_are_purged_at_start_too(db, clock, meeting_factory, tmp_path):
    """A project without registered people still has its reflections erased when it expires."""
    first = held_meeting(db, clock, meeting_factory)
    save_reflection(db, first.id, ReflectionInput(2, note=NOTE))
    set_project_ended(db, first.project_id, date(2026, 3, 31))
    assert privacy.people_due(db, date(2027, 4, 1)) == 0
    clock.set_wall(datetime(2027, 4, 1, 9, 0, tzinfo=clock.now().tzinfo))
    # The clock is far ahead of everything stored: the reflections wait, nobody is asked.
    result = purge_at_start(db, tmp_path)
    assert (result.erased, result.held) == (0, 0)
    assert get_reflection(db, first.id) is not None
    # Once something is written at that date the clock agrees with the data and the purge runs.
    project_profile.set_project_profile(db, first.project_id, None, None)
    from facilitator.services import audit
    from facilitator.services.audit import AuditAction

    audit.log(db, AuditAction.PERSON_EXPORTED, 1, None)
    result = purge_at_start(db, tmp_path)
    assert (result.erased, result.held, result.failed) == (0, 0, False)
    assert get_reflection(db, first.id) is None


# ----- the trend ---------------------------------------------------------------------------


def test_the_trend_lists_held_meetings_in_date_order_with_scores_and_figures(
    db, clock, meeting_factory
):
    # Made in another order than they were held: April's first, March's second.
    april = held_meeting(db, clock, meeting_factory, "Borgermøde i Agri",
                         datetime(2026, 4, 7, 19, 0), official_first=True)
    march = held_meeting(db, clock, meeting_factory, "Borgermøde i Knebel",
                         datetime(2026, 3, 3, 19, 0))
    planned = meeting_factory(db, title="Næste møde", scheduled_at=datetime(2026, 5, 5, 19, 0))
    save_reflection(db, april.id, ReflectionInput(2, 3, 4, 3, "Jeg tog ordet for tidligt"))

    rows = reflection_trend(db, march.project_id)
    assert [r.meeting_id for r in rows] == [march.id, april.id]
    assert planned.id not in [r.meeting_id for r in rows]
    first, second = rows
    assert (first.title, first.reflected, first.supportive) == ("Borgermøde i Knebel", False, None)
    assert first.citizens_share == pytest.approx(0.75)  # 90 s of 120 s
    assert (first.items_opened_by_citizens, first.items) == (1, 4)
    assert (first.hold_backs_kept, first.hold_backs, first.nudges) == (1, 1, 0)
    assert second.reflected and [second.score(k) for k in COMPETENCE_KEYS] == [2, 3, 4, 3]
    assert second.citizens_share == pytest.approx(80 / 140)
    assert (second.items_opened_by_citizens, second.items) == (1, 4)
    assert (second.hold_backs_kept, second.hold_backs) == (1, 2)
    assert second.nudges == 1  # the official took the floor before any citizen
    assert not hasattr(second, "note")


# ----- the project's own profile values ------------------------------------------------------


def test_a_project_s_own_values_are_used_by_its_next_meeting(db, clock, meeting_factory):
    first = held_meeting(db, clock, meeting_factory)
    suggestion = project_profile.next_meeting_profile(db, first.project_id)
    assert (suggestion.hold_back_seconds, suggestion.talk_share_threshold_pct) == (10, 25)

    project_profile.set_project_profile(db, first.project_id, 18, 20)
    following = meeting_factory(db, title="Opfølgningsmøde", scheduled_at=datetime(2026, 6, 2, 19, 0))
    assert (following.hold_back_seconds, following.talk_share_threshold_pct) == (18, 20)
    # Choosing the profile again keeps the project's values, not the plain suggestion.
    again = meetings.set_profile(db, following.id, SelfDriving.NEEDS_SUPPORT, Regulation.HEAVY)
    assert (again.hold_back_seconds, again.talk_share_threshold_pct) == (18, 20)
    # Another project is not touched.
    from facilitator.services import projects

    other = projects.create_project(db, "Løsning Lykkes")
    elsewhere = meetings.create_meeting(db, other.id, "Møde", datetime(2026, 6, 3, 19, 0))
    assert (elsewhere.hold_back_seconds, elsewhere.talk_share_threshold_pct) == (10, 25)

    project_profile.set_project_profile(db, first.project_id, None, None)
    back = meeting_factory(db, title="Senere møde", scheduled_at=datetime(2026, 9, 1, 19, 0))
    assert (back.hold_back_seconds, back.talk_share_threshold_pct) == (10, 25)


def test_a_project_s_own_values_are_checked_in_danish(db, meeting_factory):
    meeting = meeting_factory(db)
    with pytest.raises(ValidationError) as refused:
        project_profile.set_project_profile(db, meeting.project_id, 601, 0)
    assert [p.field for p in refused.value.problems] == ["hold_back_seconds", "talk_share_threshold_pct"]
    assert "Ventetiden skal være mellem 0 og 600 sekunder." in refused.value.message
    assert project_profile.get_project_profile(db, meeting.project_id).hold_back_seconds is None
