"""Hostile input into every service that takes text, numbers or dates, and into the brief built from it.

For each call: no exception other than ValidationError escapes, and the value
is either stored exactly (read back in a new session, surrounding whitespace
stripped as documented) or refused with a clear Danish message and nothing
stored. NUL characters are ordinary text here: SQLite keeps them, so they are
stored exactly like any other character.

The examples are derandomised so the suite is stable; set FUZZ_EXPLORE=1 (and
e.g. FUZZ_EXAMPLES=2000) to search afresh.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import func, select

from facilitator.clock import FakeClock
from facilitator.domain import validation
from facilitator.domain.enums import (
    AskKind,
    CheckKind,
    ConsentSource,
    OwnerSide,
    Regulation,
    SelfDriving,
)
from facilitator.domain.profile import defaults_for
from facilitator.i18n import LANGUAGES
from facilitator.reports.brief import build_brief
from facilitator.services import agenda, briefs, capture, meetings, people, projects
from facilitator.services import settings as app_settings
from facilitator.storage.database import Database
from facilitator.storage.models import (
    BriefRecord,
    Idea,
    Meeting,
    NextStep,
    Person,
    Phase,
    Project,
    ResourceAsk,
)
from tests.facilitator.fuzz_inputs import (
    BAD,
    OK,
    Refused,
    attempt,
    big_integers,
    expect,
    in_range,
    optional,
    optional_dates,
    optional_integers,
    required,
    texts,
)

TITLE = validation.MAX_TITLE_LENGTH
TEXT = validation.MAX_TEXT_LENGTH
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("FUZZ_EXPLORE"),
    database=None,  # nothing written into the checkout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
BRIEF = settings(FUZZ, max_examples=max(EXAMPLES // 3, 10))


@contextmanager
def fresh_db(tmp_path: Path) -> Iterator[Database]:
    """One database for all examples of a test; each example works on rows of its own."""
    db = Database.open_file(tmp_path / "fuzz.db", FakeClock())
    try:
        yield db
    finally:
        db.dispose()


def a_meeting(db: Database) -> uuid.UUID:
    """A new planned meeting with the default agenda, for one example's entries to hang on."""
    # A meeting per example keeps the lists read back short however many examples run.
    known = projects.list_projects(db)
    project = known[0] if known else projects.create_project(db, "Mols i Udvikling", ["Knebel"])
    return meetings.create_meeting(
        db, project.id, "Borgermøde", datetime(2026, 3, 3, 19, 0), with_default_agenda=True
    ).id


def rows(db: Database, model: type) -> int:
    """How many rows a table holds (cheaper than listing them as the database grows)."""
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def stripped_places(names: list[str]) -> set[str]:
    """The place names a list should give: stripped, blanks skipped."""
    return {n.strip() for n in names if n.strip()}


# ----- projects -------------------------------------------------------------


def test_projects_store_names_and_places_exactly_or_refuse(tmp_path):
    with fresh_db(tmp_path) as db:

        @FUZZ
        @given(texts, st.lists(texts, max_size=4), texts, st.lists(texts, max_size=3))
        def run(name, places, new_name, more_places):
            count = rows(db, Project)
            place_verdicts = [optional(p, TITLE) for p in places]
            created = attempt(lambda: projects.create_project(db, name, places))
            if not expect(created, required(name, TITLE), *place_verdicts):
                assert rows(db, Project) == count  # nothing half made
                return
            stored = projects.get_project(db, created.id)
            assert stored.name == name.strip()
            assert {p.name for p in stored.places} == stripped_places(places)
            assert len(stored.places) == len(stripped_places(places))

            renamed = attempt(lambda: projects.rename_project(db, created.id, new_name))
            expected_name = (
                new_name.strip() if expect(renamed, required(new_name, TITLE)) else name.strip()
            )
            assert projects.get_project(db, created.id).name == expected_name

            added = attempt(lambda: projects.add_places(db, created.id, more_places))
            expected_places = stripped_places(places)
            if expect(added, *[optional(p, TITLE) for p in more_places]):
                expected_places |= stripped_places(more_places)
            assert {p.name for p in projects.get_project(db, created.id).places} == expected_places

        run()


# ----- meetings -------------------------------------------------------------


def test_meetings_store_title_time_and_venue_exactly_or_refuse(tmp_path):
    with fresh_db(tmp_path) as db:
        project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri"])
        place_ids = [p.id for p in project.places]

        @FUZZ
        @given(
            texts,
            st.datetimes(),
            texts,
            texts,
            st.datetimes(),
            texts,
            st.lists(st.sampled_from(place_ids)),
        )
        def run(title, when, venue, new_title, new_when, new_venue, new_places):
            count = rows(db, Meeting)
            made = attempt(
                lambda: meetings.create_meeting(db, project.id, title, when, venue, place_ids[:1])
            )
            if not expect(made, required(title, TITLE), optional(venue, TITLE)):
                assert rows(db, Meeting) == count
                return
            stored = meetings.get_meeting(db, made.id)
            assert (stored.title, stored.scheduled_at, stored.venue) == (
                title.strip(),
                when,
                venue.strip(),
            )

            updated = attempt(
                lambda: meetings.update_meeting(
                    db, made.id, new_title, new_when, new_venue, new_places
                )
            )
            stored = meetings.get_meeting(db, made.id)
            if expect(updated, required(new_title, TITLE), optional(new_venue, TITLE)):
                assert (stored.title, stored.scheduled_at, stored.venue) == (
                    new_title.strip(),
                    new_when,
                    new_venue.strip(),
                )
                assert {p.id for p in stored.places} == set(new_places)
            else:
                assert (stored.title, stored.scheduled_at, stored.venue) == (
                    title.strip(),
                    when,
                    venue.strip(),
                )

        run()


def test_meeting_profile_and_attendance_store_numbers_exactly_or_refuse(tmp_path):
    with fresh_db(tmp_path) as db:
        meeting_id = a_meeting(db)

        @FUZZ
        @given(
            st.sampled_from(list(SelfDriving)),
            st.sampled_from(list(Regulation)),
            optional_integers,
            optional_integers,
            optional_integers,
            optional_integers,
        )
        def run(group, area, hold_back, threshold, window, attendance):
            before = meetings.get_meeting(db, meeting_id)
            defaults = defaults_for(group, area)
            want = (
                defaults.hold_back_seconds if hold_back is None else hold_back,
                defaults.talk_share_threshold_pct if threshold is None else threshold,
                defaults.talk_window_minutes if window is None else window,
            )
            result = attempt(
                lambda: meetings.set_profile(
                    db, meeting_id, group, area, hold_back, threshold, window
                )
            )
            stored = meetings.get_meeting(db, meeting_id)
            numbers = (
                stored.hold_back_seconds,
                stored.talk_share_threshold_pct,
                stored.talk_window_minutes,
            )
            if expect(
                result,
                in_range(want[0], 0, 600),
                in_range(want[1], 1, 100),
                in_range(want[2], 1, 180),
            ):
                assert numbers == want
                assert (stored.self_driving, stored.regulation) == (group, area)
            else:
                assert stored == before  # a refused profile changes nothing

            previous = meetings.get_meeting(db, meeting_id).attendance
            counted = attempt(lambda: meetings.set_attendance(db, meeting_id, attendance))
            if expect(counted, in_range(attendance, 0, meetings.MAX_ATTENDANCE)):
                assert meetings.get_meeting(db, meeting_id).attendance == attendance
            else:
                assert meetings.get_meeting(db, meeting_id).attendance == previous

        run()


@FUZZ
@given(
    st.one_of(texts, st.dates().map(lambda d: d.strftime("%d-%m-%Y"))),
    st.one_of(texts, st.times().map(lambda t: f"{t.hour:02d}:{t.minute:02d}")),
)
def test_parse_schedule_gives_the_typed_moment_or_refuses(date_text, time_text):
    result = attempt(lambda: meetings.parse_schedule(date_text, time_text))
    if isinstance(result, Refused):
        return
    assert isinstance(result, datetime) and result.tzinfo is None
    assert (result.hour, result.minute) == validation.parse_time(time_text)
    assert result.date() == validation.parse_date(date_text, "date", "Dato")


# ----- validation of typed dates, times and amounts -------------------------

IMPOSSIBLE_DATES = (
    "31-02-2026",
    "29-02-2025",
    "00-01-2026",
    "01-13-2026",
    "32.12.2026",
    "2026-02-30",
    "0000-01-01",
    "1-1-1",
    "٠٣-٠٣-٢٠٢٦",
    "03-03-2026 19:00",
    "--",
    "99999-01-01",
)


@FUZZ
@given(st.one_of(texts, st.sampled_from(IMPOSSIBLE_DATES)))
def test_parse_date_gives_a_real_date_or_refuses(text):
    result = attempt(lambda: validation.parse_date(text, "due_on", "Frist"))
    if text in IMPOSSIBLE_DATES:
        assert isinstance(result, Refused)
    elif not text.strip():
        assert result is None
    elif not isinstance(result, Refused):
        assert isinstance(result, date)


DATE_FORMS = ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d")


@FUZZ
@given(
    st.dates(min_value=date(1000, 1, 1)), st.sampled_from(DATE_FORMS), st.text(" \t", max_size=2)
)
def test_every_real_date_typed_in_a_danish_form_reads_back_exactly(day, form, pad):
    assert validation.parse_date(pad + day.strftime(form) + pad, "due_on", "Frist") == day


@FUZZ
@given(
    st.one_of(
        texts,
        st.sampled_from(["24:00", "23:60", "-1:00", "7", "19:00:00", "١٩:٠٠", "19;00", ":"]),
    )
)
def test_parse_time_gives_a_real_time_or_refuses(text):
    result = attempt(lambda: validation.parse_time(text))
    if isinstance(result, Refused):
        return
    hour, minute = result
    assert 0 <= hour <= 23 and 0 <= minute <= 59
    # Only H:M forms are taken (with a dot for the colon, and unpadded numbers).
    hours, _colon, minutes = text.strip().replace(".", ":").partition(":")
    assert (int(hours), int(minutes)) == (hour, minute)


@FUZZ
@given(st.times(), st.sampled_from(["{:02d}:{:02d}", "{:02d}.{:02d}", "{}:{:02d}"]))
def test_every_real_time_reads_back_exactly(moment, form):
    typed = form.format(moment.hour, moment.minute)
    assert validation.parse_time(typed) == (moment.hour, moment.minute)


def danish_amount(value: int) -> str:
    """An amount written as Danes write it: 12.500."""
    return f"{value:,}".replace(",", ".")


@FUZZ
@given(
    st.one_of(
        texts,
        big_integers.map(str),
        big_integers.map(lambda n: danish_amount(n) + " kr."),
        st.text("0123456789.,- kr", max_size=30),
        st.integers(4_000, 12_000).map(lambda n: "9" * n),
    )
)
def test_parse_amount_gives_whole_kroner_or_refuses(text):
    result = attempt(lambda: validation.parse_amount_dkk(text))
    if not text.strip():
        assert result is None
    elif not isinstance(result, Refused):
        assert isinstance(result, int) and 0 <= result <= validation.MAX_AMOUNT_DKK


@FUZZ
@given(
    st.integers(0, validation.MAX_AMOUNT_DKK),
    st.sampled_from(["{}", "{} kr.", "kr. {}", "{},-", "{},00", "  {}  "]),
)
def test_amounts_written_the_danish_way_read_back_exactly(value, form):
    assert validation.parse_amount_dkk(form.format(danish_amount(value))) == value
    assert validation.parse_amount_dkk(str(value)) == value


# ----- agenda ---------------------------------------------------------------


def test_phases_store_title_minutes_and_hold_back_exactly_or_refuse(tmp_path):
    with fresh_db(tmp_path) as db:

        @FUZZ
        @given(texts, big_integers, optional_integers, texts, big_integers, big_integers)
        def run(title, minutes, hold_back, new_title, new_minutes, new_hold_back):
            meeting_id = a_meeting(db)
            count = rows(db, Phase)
            default_hold_back = meetings.get_meeting(db, meeting_id).hold_back_seconds
            added = attempt(lambda: agenda.add_phase(db, meeting_id, title, minutes, hold_back))
            verdicts = (
                required(title, TITLE),
                in_range(minutes, 1, 600),
                in_range(hold_back, 0, 600),
            )
            if not expect(added, *verdicts):
                assert rows(db, Phase) == count
                return
            (stored,) = [p for p in agenda.list_phases(db, meeting_id) if p.id == added.id]
            want_hold_back = default_hold_back if hold_back is None else hold_back
            assert (stored.title, stored.planned_minutes, stored.hold_back_seconds) == (
                title.strip(),
                minutes,
                want_hold_back,
            )

            updated = attempt(
                lambda: agenda.update_phase(db, added.id, new_title, new_minutes, new_hold_back)
            )
            (stored,) = [p for p in agenda.list_phases(db, meeting_id) if p.id == added.id]
            verdicts = (
                required(new_title, TITLE),
                in_range(new_minutes, 1, 600),
                in_range(new_hold_back, 0, 600),
            )
            if expect(updated, *verdicts):
                want = (new_title.strip(), new_minutes, new_hold_back)
            else:
                want = (title.strip(), minutes, want_hold_back)
            assert (stored.title, stored.planned_minutes, stored.hold_back_seconds) == want

        run()


# ----- capture --------------------------------------------------------------

ideas = st.builds(
    capture.IdeaInput,
    title=texts,
    detail=texts,
    proposed_by=texts,
    theme=texts,
    needs_check=st.one_of(st.none(), st.sampled_from(list(CheckKind))),
    check_note=texts,
)
asks = st.builds(
    capture.AskInput,
    what=texts,
    kind=st.sampled_from(list(AskKind)),
    amount_dkk=optional_integers,
    asked_by=texts,
    answer_needed_by=optional_dates,
    department=texts,
    needs_decision=st.booleans(),
)
steps = st.builds(
    capture.StepInput,
    what=texts,
    owner_side=st.sampled_from(list(OwnerSide)),
    owner_label=texts,
    due_on=optional_dates,
    done=st.booleans(),
)


def idea_verdicts(data: capture.IdeaInput) -> tuple[str, ...]:
    """What each field of an idea must lead to."""
    return (
        required(data.title, TEXT),
        optional(data.detail, TEXT),
        optional(data.proposed_by, TEXT),
        optional(data.theme, TEXT),
        optional(data.check_note, TEXT),
    )


def idea_fields(data: capture.IdeaInput) -> tuple:
    """An idea as it must be read back."""
    return (
        data.title.strip(),
        data.detail.strip(),
        data.proposed_by.strip(),
        # A theme is kept on one line, its spaces single: pasted or typed, it groups as one.
        " ".join(data.theme.split()),
        data.needs_check,
        data.check_note.strip(),
    )


def stored_idea(db: Database, meeting_id: uuid.UUID, idea_id: uuid.UUID) -> tuple:
    """An idea read back through the service, in a new session."""
    (row,) = [i for i in capture.list_ideas(db, meeting_id) if i.id == idea_id]
    return (row.title, row.detail, row.proposed_by, row.theme, row.needs_check, row.check_note)


def test_ideas_are_stored_exactly_or_refused(tmp_path):
    with fresh_db(tmp_path) as db:

        @FUZZ
        @given(ideas, ideas)
        def run(data, edit):
            meeting_id = a_meeting(db)
            count = rows(db, Idea)
            added = attempt(lambda: capture.add_idea(db, meeting_id, data))
            if not expect(added, *idea_verdicts(data)):
                assert rows(db, Idea) == count
                return
            assert stored_idea(db, meeting_id, added.id) == idea_fields(data)
            updated = attempt(lambda: capture.update_idea(db, added.id, edit))
            want = idea_fields(edit) if expect(updated, *idea_verdicts(edit)) else idea_fields(data)
            assert stored_idea(db, meeting_id, added.id) == want

        run()


def ask_verdicts(data: capture.AskInput) -> tuple[str, ...]:
    """What each field of an ask must lead to."""
    return (
        required(data.what, TEXT),
        in_range(data.amount_dkk, 0, validation.MAX_AMOUNT_DKK),
        optional(data.asked_by, TEXT),
        optional(data.department, TEXT),
    )


def ask_fields(data: capture.AskInput) -> tuple:
    """An ask as it must be read back."""
    return (
        data.what.strip(),
        data.kind,
        data.amount_dkk,
        data.asked_by.strip(),
        data.answer_needed_by,
        data.department.strip(),
        data.needs_decision,
    )


def stored_ask(db: Database, meeting_id: uuid.UUID, ask_id: uuid.UUID) -> tuple:
    """An ask read back through the service, in a new session."""
    (row,) = [a for a in capture.list_asks(db, meeting_id) if a.id == ask_id]
    return (
        row.what,
        row.kind,
        row.amount_dkk,
        row.asked_by,
        row.answer_needed_by,
        row.department,
        row.needs_decision,
    )


def test_asks_are_stored_exactly_or_refused(tmp_path):
    with fresh_db(tmp_path) as db:

        @FUZZ
        @given(asks, asks)
        def run(data, edit):
            meeting_id = a_meeting(db)
            count = rows(db, ResourceAsk)
            added = attempt(lambda: capture.add_ask(db, meeting_id, data))
            if not expect(added, *ask_verdicts(data)):
                assert rows(db, ResourceAsk) == count
                return
            assert stored_ask(db, meeting_id, added.id) == ask_fields(data)
            updated = attempt(lambda: capture.update_ask(db, added.id, edit))
            want = ask_fields(edit) if expect(updated, *ask_verdicts(edit)) else ask_fields(data)
            assert stored_ask(db, meeting_id, added.id) == want

        run()


def step_fields(data: capture.StepInput) -> tuple:
    """A next step as it must be read back."""
    return (data.what.strip(), data.owner_side, data.owner_label.strip(), data.due_on, data.done)


def stored_step(db: Database, meeting_id: uuid.UUID, step_id: uuid.UUID) -> tuple:
    """A next step read back through the service, in a new session."""
    (row,) = [x for x in capture.list_steps(db, meeting_id) if x.id == step_id]
    return (row.what, row.owner_side, row.owner_label, row.due_on, row.done)


def test_next_steps_are_stored_exactly_or_refused(tmp_path):
    with fresh_db(tmp_path) as db:

        @FUZZ
        @given(steps, steps)
        def run(data, edit):
            meeting_id = a_meeting(db)
            count = rows(db, NextStep)
            added = attempt(lambda: capture.add_step(db, meeting_id, data))
            if not expect(added, required(data.what, TEXT), optional(data.owner_label, TEXT)):
                assert rows(db, NextStep) == count
                return
            assert stored_step(db, meeting_id, added.id) == step_fields(data)
            updated = attempt(lambda: capture.update_step(db, added.id, edit))
            ok = expect(updated, required(edit.what, TEXT), optional(edit.owner_label, TEXT))
            assert stored_step(db, meeting_id, added.id) == step_fields(edit if ok else data)

        run()


# ----- people, settings, briefs sent ----------------------------------------


def test_people_are_stored_exactly_or_refused(tmp_path):
    with fresh_db(tmp_path) as db:
        project = projects.create_project(db, "Mols i Udvikling")

        @FUZZ
        @given(
            texts,
            texts,
            st.booleans(),
            st.booleans(),
            optional_dates,
            st.one_of(st.none(), st.sampled_from(list(ConsentSource))),
        )
        def run(name, contact, named, contacted, consent_on, source):
            count = rows(db, Person)
            added = attempt(
                lambda: people.add_person(
                    db, project.id, name, contact, named, contacted, consent_on, source
                )
            )
            if not expect(added, required(name, TITLE), optional(contact, TITLE)):
                assert rows(db, Person) == count
                return
            stored = people.get_person(db, added.id)
            today = db.clock.now().astimezone().date()
            want_consent = consent_on if consent_on or not (named or contacted) else today
            assert (stored.name, stored.contact, stored.may_be_named, stored.may_be_contacted) == (
                name.strip(),
                contact.strip(),
                named,
                contacted,
            )
            assert (stored.consent_on, stored.consent_source) == (want_consent, source)

        run()


PNG_MAGIC = app_settings.PNG_MAGIC
logos = st.one_of(
    st.none(),
    st.binary(max_size=64),
    st.binary(max_size=64).map(lambda b: PNG_MAGIC + b),
    st.binary(max_size=64).map(lambda b: app_settings.JPEG_MAGIC + b),
)


def test_settings_are_stored_exactly_or_refused(tmp_path):
    with fresh_db(tmp_path) as db:

        @FUZZ
        @given(texts, texts, texts, logos)
        def run(municipality, official, department, logo):
            before = app_settings.get_settings(db)
            wanted = app_settings.Settings(municipality, official, department, logo)
            saved = attempt(lambda: app_settings.save_settings(db, wanted))
            verdicts = [optional(t, TITLE) for t in (municipality, official, department)]
            # Random bytes are never a readable picture: a logo other than none is refused.
            verdicts.append(OK if logo is None else BAD)
            stored = app_settings.get_settings(db)
            if expect(saved, *verdicts):
                assert stored == app_settings.Settings(
                    municipality.strip(), official.strip(), department.strip(), None
                )
            else:
                assert stored == before

        run()


def test_briefs_recorded_as_sent_are_stored_exactly_or_refused(tmp_path):
    with fresh_db(tmp_path) as db:

        @FUZZ
        @given(st.dates(), texts, st.one_of(st.sampled_from(["da", "en"]), texts))
        def run(sent_on, recipients, language):
            meeting_id = a_meeting(db)
            count = rows(db, BriefRecord)
            recorded = attempt(
                lambda: briefs.record_sent(db, meeting_id, sent_on, recipients, language)
            )
            language_ok = OK if language in LANGUAGES else BAD
            if not expect(recorded, required(recipients, TITLE), language_ok):
                assert rows(db, BriefRecord) == count
                return
            (stored,) = [r for r in briefs.list_sent(db, meeting_id) if r.id == recorded.id]
            assert (stored.sent_on, stored.recipients, stored.language) == (
                sent_on,
                recipients.strip(),
                language,
            )

        run()


# ----- the brief built from all of it ---------------------------------------


@pytest.mark.slow  # minutes: briefs of up to 12,000-character texts, laid out again and again
# One example (thousands of two-letter words and glyphs no font has, in a narrow column) takes
# most of the default 120 s on a shared 2-core machine; the whole test gets 10 minutes.
@pytest.mark.timeout(600)
def test_the_brief_is_built_from_any_stored_input(tmp_path):
    with fresh_db(tmp_path) as db:
        counter = iter(range(10**6))

        @BRIEF
        @given(
            texts,
            st.lists(texts, max_size=3),
            texts,
            st.datetimes(),
            texts,
            st.lists(ideas, max_size=3),
            st.lists(asks, max_size=3),
            st.lists(steps, max_size=2),
            texts,
            st.booleans(),
            optional_integers,
            texts,
            texts,
            st.sampled_from(["da", "en"]),
        )
        def run(
            project_name,
            places,
            title,
            when,
            venue,
            new_ideas,
            new_asks,
            new_steps,
            person_name,
            named,
            attendance,
            municipality,
            official,
            language,
        ):
            # A unique suffix keeps each example's project apart from the ones before.
            project = attempt(
                lambda: projects.create_project(db, f"{project_name} #{next(counter)}", places)
            )
            if isinstance(project, Refused):
                return
            meeting = attempt(
                lambda: meetings.create_meeting(
                    db,
                    project.id,
                    title,
                    when,
                    venue,
                    [p.id for p in project.places],
                    with_default_agenda=True,
                )
            )
            if isinstance(meeting, Refused):
                meeting = meetings.create_meeting(
                    db, project.id, "Borgermøde", when, with_default_agenda=True
                )
            attempt(lambda: meetings.set_attendance(db, meeting.id, attendance))
            attempt(
                lambda: app_settings.save_settings(
                    db, app_settings.Settings(municipality, official)
                )
            )
            person = attempt(
                lambda: people.add_person(db, project.id, person_name, may_be_named=named)
            )
            stored_ideas = [
                attempt(lambda i=i: capture.add_idea(db, meeting.id, i)) for i in new_ideas
            ]
            for a in new_asks:
                attempt(lambda a=a: capture.add_ask(db, meeting.id, a))
            for x in new_steps:
                attempt(lambda x=x: capture.add_step(db, meeting.id, x))
            for idea in stored_ideas:
                if not isinstance(idea, Refused) and not isinstance(person, Refused):
                    people.link_idea_person(db, idea.id, person.id)

            data = briefs.brief_data(db, meeting.id)
            assert len(data.ideas) == sum(not isinstance(i, Refused) for i in stored_ideas)
            pdf = build_brief(data, language=language, made_on=date(2026, 3, 4), invariant=True)
            assert pdf.startswith(b"%PDF-")
            assert len(PdfReader(io.BytesIO(pdf)).pages) >= 1

        run()


def test_nul_characters_are_stored_exactly_like_any_other_character(tmp_path):
    # The decision the fuzzing asked for: SQLite TEXT holds NUL, so a pasted NUL is
    # kept as typed (never silently cut off there) and every output copes with it.
    with fresh_db(tmp_path) as db:
        meeting_id = a_meeting(db)
        project_id = meetings.get_meeting(db, meeting_id).project_id
        idea = capture.add_idea(
            db, meeting_id, capture.IdeaInput("Shelter\x00ved Agri", detail="a\x00b\x00")
        )
        person = people.add_person(db, project_id, "Anna\x00Holm", may_be_named=True)
        people.link_idea_person(db, idea.id, person.id)
        ask = capture.add_ask(db, meeting_id, capture.AskInput("Tilskud\x00", AskKind.MONEY, 500))

        assert stored_idea(db, meeting_id, idea.id)[:2] == ("Shelter\x00ved Agri", "a\x00b\x00")
        assert people.get_person(db, person.id).name == "Anna\x00Holm"
        assert stored_ask(db, meeting_id, ask.id)[0] == "Tilskud\x00"  # not whitespace: kept
        # A NUL alone is as blank as an empty field.
        assert isinstance(
            attempt(lambda: capture.add_idea(db, meeting_id, capture.IdeaInput("\x00"))), Refused
        )
        data = briefs.brief_data(db, meeting_id)
        assert data.ideas[0].title == "Shelter\x00ved Agri"
        assert build_brief(data, made_on=date(2026, 3, 4), invariant=True).startswith(b"%PDF-")
