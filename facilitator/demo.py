"""The demo project: a fictional multi-village project that shows every feature at once.

The meetings are played through the real `LiveMeeting` on a `FakeClock`, so
turns, hold-backs and nudges are what the live screen would have stored; a
seeded random draw varies the turn lengths, so the demo (and its brief) is
the same every time.
"""

from __future__ import annotations

import random
import struct
import uuid
import zlib
from datetime import UTC, date, datetime, time, timedelta, timezone

from facilitator.clock import FakeClock
from facilitator.demo_content import (
    GROUPS,
    MEETINGS,
    MUNICIPALITY,
    OFFICIAL_DEPARTMENT,
    OFFICIAL_NAME,
    PEOPLE,
    PROJECT_NAME,
    VILLAGES,
    DemoAsk,
    DemoIdea,
    DemoMeeting,
    DemoRound,
    DemoStep,
    Dismiss,
    Event,
    Pause,
    Question,
    Talk,
)
from facilitator.demo_follow_up import FOLLOW_UPS, IDEA_STATUSES, REFLECTIONS, DemoFollowUp
from facilitator.domain.enums import ConsentSource, FollowUpKind
from facilitator.live_meeting import LiveMeeting
from facilitator.services import (
    agenda,
    capture,
    carry_over,
    follow_up,
    groups,
    ideas,
    meetings,
    people,
    priorities,
    projects,
    reflection,
    settings,
)
from facilitator.services.rows import ProjectRow
from facilitator.storage.database import Database

SEED = 2014  # the year Mols i Udvikling began
# The live screen redraws often; ticking at least once a minute is enough for
# the nudges and hold-backs to fire when they would have.
TICK_SECONDS = 60
# The official types an entry while the talk goes on.
TYPING_SECONDS = 5


class _Player:
    """Plays the demo's scripts into one database on the demo's clock."""

    def __init__(self, db: Database, clock: FakeClock, project: ProjectRow) -> None:
        self.db = db
        self.clock = clock
        self.rng = random.Random(SEED)
        self.project = project
        self.places = {p.name: p.id for p in project.places}
        self.people: dict[str, uuid.UUID] = {}
        self.ideas: dict[str, uuid.UUID] = {}
        self.asks: dict[str, uuid.UUID] = {}
        self.steps: dict[str, uuid.UUID] = {}
        self.departments: dict[str, str] = {}
        self.held: dict[date, uuid.UUID] = {}  # the meeting held on a day
        self.pending = list(FOLLOW_UPS)

    def add_people(self, on: datetime) -> None:
        for person in PEOPLE:
            row = people.add_person(
                self.db, self.project.id, person.name, person.contact,
                may_be_named=person.may_be_named, may_be_contacted=person.may_be_contacted,
                consent_on=on.date(),
                consent_source=ConsentSource.WRITTEN if person.may_be_named else ConsentSource.ORAL,
            )
            self.people[person.key] = row.id

    def plan(self, meeting: DemoMeeting) -> uuid.UUID:
        row = meetings.create_meeting(
            self.db, self.project.id, meeting.title, meeting.at, meeting.venue,
            [self.places[name] for name in meeting.places], regulation=meeting.regulation,
        )
        for phase in meeting.phases:
            item = agenda.add_phase(self.db, row.id, phase.title, phase.minutes)
            if phase.question:
                agenda.set_question(self.db, item.id, phase.question)
        if not meeting.held and carry_over.has_previous(self.db, row.id):
            # The next meeting opens with what happened since the last one.
            agenda.add_follow_up_item(self.db, row.id)
        return row.id

    def hold(self, meeting: DemoMeeting, meeting_id: uuid.UUID) -> None:
        zone = timezone(timedelta(hours=meeting.utc_offset_hours))
        # Started a few minutes late, as village meetings are.
        self.clock.set_wall(meeting.at.replace(tzinfo=zone).astimezone(UTC) + timedelta(minutes=4))
        session = LiveMeeting.start(self.db, meeting_id, self.clock)
        for index, phase in enumerate(meeting.phases):
            if index:
                session.next_phase()
            for event in phase.script:
                self.play(session, meeting_id, event)
        session.close()
        meetings.set_attendance(self.db, meeting_id, meeting.attendance)
        scores = REFLECTIONS.get(meeting.at.date())
        if scores is not None:
            supportive, relations, liaison, adapting, note = scores
            reflection.save_reflection(self.db, meeting_id, reflection.ReflectionInput(
                supportive, relations, liaison, adapting, note))
        self.held[meeting.at.date()] = meeting_id

    def advance(self, session: LiveMeeting, seconds: int) -> None:
        while seconds > 0:
            step = min(seconds, TICK_SECONDS)
            self.clock.advance(step)
            session.tick()
            seconds -= step

    def play(self, session: LiveMeeting, meeting_id: uuid.UUID, event: Event) -> None:
        if isinstance(event, Talk):
            session.mark(event.role)
            self.advance(session, self.rng.randint(event.low, event.high))
        elif isinstance(event, Pause):
            self.advance(session, event.seconds)
        elif isinstance(event, Question):
            session.asked_question()
        elif isinstance(event, Dismiss):
            session.dismiss()
        elif isinstance(event, DemoRound):
            self.prioritise(meeting_id, event)
            self.advance(session, TYPING_SECONDS)
        else:
            self.capture(meeting_id, event)
            self.advance(session, TYPING_SECONDS)

    def prioritise(self, meeting_id: uuid.UUID, event: DemoRound) -> None:
        row = priorities.start_round(self.db, meeting_id)
        numbers = {c.idea_id: c.number for c in row.choices}
        for title, votes in event.votes:
            priorities.set_votes(self.db, row.id, numbers[self.ideas[title]], votes)

    def capture(self, meeting_id: uuid.UUID, entry: DemoIdea | DemoAsk | DemoStep) -> None:
        if isinstance(entry, DemoIdea):
            idea = capture.add_idea(self.db, meeting_id, capture.IdeaInput(
                title=entry.title, detail=entry.detail, proposed_by=entry.by,
                place_id=self.places[entry.place], theme=entry.theme,
                needs_check=entry.check, check_note=entry.note,
            ))
            self.ideas[entry.title] = idea.id
            if entry.person:
                people.link_idea_person(self.db, idea.id, self.people[entry.person])
        elif isinstance(entry, DemoAsk):
            ask = capture.add_ask(self.db, meeting_id, capture.AskInput(
                what=entry.what, kind=entry.kind, amount_dkk=entry.amount,
                idea_id=self.ideas.get(entry.idea), asked_by=entry.by,
                answer_needed_by=entry.due, department=entry.department,
                needs_decision=entry.decision,
            ))
            if entry.person:
                people.link_ask_person(self.db, ask.id, self.people[entry.person])
            self.asks[entry.what] = ask.id
            self.departments[entry.what] = entry.department
        else:
            step = capture.add_step(self.db, meeting_id, capture.StepInput(
                what=entry.what, owner_side=entry.side, owner_label=entry.owner, due_on=entry.due,
            ))
            self.steps[entry.what] = step.id

    def follow_up_until(self, before: date | None, at_meeting: bool = False) -> None:
        """Play the follow-up that happened before `before` (None: all the rest), each on its
        day; with `at_meeting`, also what was done during the meeting held on `before`."""
        while self.pending:
            entry = self.pending[0]
            due = before is None or entry.day < before or (at_meeting and entry.day == before)
            if not due:
                return
            if not entry.at_meeting:
                # Midday, so the day is the same in any time zone; the clock never runs back.
                self.clock.set_wall(max(self.clock.now(),
                                        datetime.combine(entry.day, time(12), tzinfo=UTC)))
            self.follow_up(entry)
            self.pending.pop(0)

    def follow_up(self, entry: DemoFollowUp) -> None:
        meeting_id = self.held.get(entry.day) if entry.at_meeting else None
        if entry.kind == FollowUpKind.STEP:
            assert entry.state is not None
            follow_up.set_step_state(self.db, self.steps[entry.what], entry.state, entry.day,
                                     meeting_id)
            return
        ask_id = self.asks[entry.what]
        if entry.kind == FollowUpKind.SENT:
            follow_up.mark_sent(self.db, ask_id, follow_up.SentInput(
                entry.day, self.departments[entry.what], entry.text))
        elif entry.kind == FollowUpKind.ANSWERED:
            assert entry.answer is not None
            follow_up.record_answer(self.db, ask_id, follow_up.AnswerInput(
                entry.day, entry.answer, entry.text))
        else:
            follow_up.record_report(self.db, ask_id, follow_up.ReportInput(
                entry.day, entry.text, meeting_id))


def create_demo(db: Database, clock: FakeClock) -> ProjectRow:
    """Create the demo project with two held meetings and one planned, on `clock`'s timeline."""
    # Every stored stamp must follow the demo's timeline (ideas said during the
    # meeting, asks asked on the meeting's day), so the services use this clock.
    previous, db.clock = db.clock, clock
    try:
        clock.set_wall(datetime(2025, 10, 1, 9, 0, tzinfo=UTC))
        project = projects.create_project(db, PROJECT_NAME, list(VILLAGES))
        if not settings.get_settings(db).municipality:
            # Never overwrite what the official has set up for real.
            settings.save_settings(db, settings.Settings(
                MUNICIPALITY, OFFICIAL_NAME, OFFICIAL_DEPARTMENT, demo_logo_png()
            ))
        for group in GROUPS:
            groups.add_group(db, project.id, group)
        player = _Player(db, clock, project)
        for meeting in MEETINGS:
            # Planned about three weeks ahead, as a village hall is booked.
            planned = meeting.at.replace(tzinfo=UTC) - timedelta(days=21)
            player.follow_up_until(planned.date())
            clock.set_wall(max(clock.now(), planned))
            meeting_id = player.plan(meeting)
            player.follow_up_until(meeting.at.date())
            if meeting.held and not player.people:
                # The two named citizens were recorded, with their consent, at the first meeting.
                clock.set_wall(meeting.at.replace(tzinfo=UTC) - timedelta(hours=2))
                player.add_people(meeting.at)
            if meeting.held:
                player.hold(meeting, meeting_id)
                player.follow_up_until(meeting.at.date(), at_meeting=True)
        player.follow_up_until(None)
        for title, status in IDEA_STATUSES:
            ideas.set_idea_status(db, player.ideas[title], status)
        return projects.get_project(db, project.id)
    finally:
        db.clock = previous


def demo_logo_png(size: int = 96) -> bytes:
    """A small made-up municipal emblem (a hill over the sea in a circle), as PNG bytes."""
    rows = []
    centre = (size - 1) / 2
    for y in range(size):
        row = bytearray([0])  # PNG filter type "none"
        for x in range(size):
            inside = (x - centre) ** 2 + (y - centre) ** 2 <= (size / 2 - 1) ** 2
            hill = y > size * 0.55 - 12 * (1 - ((x - size * 0.4) / (size * 0.45)) ** 2)
            sea = y > size * 0.68
            if not inside:
                row += bytes((255, 255, 255, 0))
            elif sea:
                row += bytes((29, 63, 110, 255))
            elif hill:
                row += bytes((74, 124, 89, 255))
            else:
                row += bytes((232, 241, 251, 255))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )
