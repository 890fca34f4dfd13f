"""SQLAlchemy models. UUID keys so that records from two laptops can merge later."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from facilitator.domain.enums import (
    AskAnswer,
    AskKind,
    AskStatus,
    CheckKind,
    ConsentSource,
    FollowUpKind,
    HoldBackOutcome,
    IdeaStatus,
    MeetingStatus,
    OwnerSide,
    PhaseKind,
    PromptKind,
    Regulation,
    Role,
    SelfDriving,
    StepState,
)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC and gives them back aware, on any database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def _enum(cls: type) -> Enum:
    # Stored as plain strings (no native enum type, no CHECK constraint) so that
    # adding a value later needs no table rebuild on SQLite or PostgreSQL.
    return Enum(cls, native_enum=False, length=24, values_callable=lambda e: [m.value for m in e])


class Base(DeclarativeBase):
    """The one declarative base."""

    type_annotation_map = {datetime: UTCDateTime(), uuid.UUID: Uuid(), date: Date()}


class SoftDeleted:
    """Rows the user can delete and undo: deleting only stamps `deleted_at`.

    So "undo" is a plain update and a mistaken delete never loses what a
    citizen said.
    """

    deleted_at: Mapped[datetime | None]


def _uuid() -> uuid.UUID:
    return uuid.uuid4()


class Project(Base):
    """A long-running citizen-driven project, e.g. "Mols i Udvikling"."""

    __tablename__ = "project"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    name: Mapped[str] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    # The day the project ended; personal data is erased a set time after it
    # (see services/privacy_settings.py).
    ended_on: Mapped[date | None]
    places: Mapped[list[Place]] = relationship(back_populates="project", order_by="Place.name")
    meetings: Mapped[list[Meeting]] = relationship(back_populates="project")


class Place(Base):
    """A village or place the project covers."""

    __tablename__ = "place"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    project: Mapped[Project] = relationship(back_populates="places")


class MeetingPlace(Base):
    """Which places a meeting is about."""

    __tablename__ = "meeting_place"
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), primary_key=True)
    place_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("place.id"), primary_key=True)


class Meeting(Base):
    """One co-creation meeting with its profile and live state."""

    __tablename__ = "meeting"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    # Local (Danish) calendar time of the meeting, as the official typed it.
    scheduled_at: Mapped[datetime] = mapped_column(DateTime())
    venue: Mapped[str] = mapped_column(Text, default="")
    self_driving: Mapped[SelfDriving] = mapped_column(_enum(SelfDriving))
    regulation: Mapped[Regulation] = mapped_column(_enum(Regulation))
    hold_back_seconds: Mapped[int] = mapped_column(Integer)
    talk_share_threshold_pct: Mapped[int] = mapped_column(Integer)
    talk_window_minutes: Mapped[int] = mapped_column(Integer)
    status: Mapped[MeetingStatus] = mapped_column(_enum(MeetingStatus), default=MeetingStatus.PLANNED)
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    current_phase_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("phase.id", use_alter=True, name="fk_meeting_current_phase")
    )
    phase_entered_at: Mapped[datetime | None]
    # Refreshed while the live screen runs, so a crash leaves a visible gap.
    last_seen_at: Mapped[datetime | None]
    # How many people came; typed by the official after the meeting.
    attendance: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    project: Mapped[Project] = relationship(back_populates="meetings")
    phases: Mapped[list[Phase]] = relationship(
        order_by="Phase.position", foreign_keys="Phase.meeting_id"
    )


class Phase(Base):
    """An agenda item with its plan and what actually happened."""

    __tablename__ = "phase"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    planned_minutes: Mapped[int] = mapped_column(Integer)
    hold_back_seconds: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    actual_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    first_speaker: Mapped[Role | None] = mapped_column(_enum(Role))
    # An item with a job of its own ("Opfølgning siden sidst"); None for an ordinary one.
    kind: Mapped[PhaseKind | None] = mapped_column(_enum(PhaseKind))
    # The question put to the room for this item ("" until the official writes one).
    question: Mapped[str] = mapped_column(Text, default="", server_default="")


class SpeakerTurn(Base):
    """Who held the floor, from when to when; an open turn has no end yet."""

    __tablename__ = "speaker_turn"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    phase_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("phase.id"))
    role: Mapped[Role] = mapped_column(_enum(Role))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class MeetingGap(Base):
    """Time the app was not running during a live meeting (crash, closed laptop)."""

    __tablename__ = "meeting_gap"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime]


class PromptEvent(Base):
    """A hold-back, nudge or suggestion shown on the live screen."""

    __tablename__ = "prompt_event"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    phase_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("phase.id"))
    kind: Mapped[PromptKind] = mapped_column(_enum(PromptKind))
    at: Mapped[datetime]
    seconds: Mapped[float | None] = mapped_column(Float)
    outcome: Mapped[HoldBackOutcome | None] = mapped_column(_enum(HoldBackOutcome))
    dismissed_at: Mapped[datetime | None]


class Idea(SoftDeleted, Base):
    """Something the citizens want, as they said it."""

    __tablename__ = "idea"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    phase_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("phase.id"))
    title: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="")
    proposed_by: Mapped[str] = mapped_column(Text, default="")
    place_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("place.id"))
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    theme: Mapped[str] = mapped_column(Text, default="")
    needs_check: Mapped[CheckKind | None] = mapped_column(_enum(CheckKind))
    check_note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[IdeaStatus] = mapped_column(_enum(IdeaStatus), default=IdeaStatus.NEW)
    created_at: Mapped[datetime]


class ResourceAsk(SoftDeleted, Base):
    """What the citizens ask of the municipality."""

    __tablename__ = "resource_ask"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    kind: Mapped[AskKind] = mapped_column(_enum(AskKind))
    what: Mapped[str] = mapped_column(Text)
    amount_dkk: Mapped[int | None] = mapped_column(Integer)
    idea_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("idea.id"))
    asked_by: Mapped[str] = mapped_column(Text, default="")
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    # Which part of the municipality should answer (e.g. "Plan og Byg").
    department: Mapped[str] = mapped_column(Text, default="")
    # Asks that need the councillors to decide are shown first in the brief.
    needs_decision: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[AskStatus] = mapped_column(_enum(AskStatus), default=AskStatus.OPEN)
    asked_on: Mapped[date]
    answer_needed_by: Mapped[date | None]
    forwarded_on: Mapped[date | None]
    answered_on: Mapped[date | None]
    done_on: Mapped[date | None]
    # The follow-up desk's current state; every change is also a FollowUpEvent.
    sent_to: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[AskAnswer | None] = mapped_column(_enum(AskAnswer))
    answer_text: Mapped[str] = mapped_column(Text, default="")
    reported_on: Mapped[date | None]
    reported_how: Mapped[str] = mapped_column(Text, default="")
    reported_meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting.id"))
    created_at: Mapped[datetime]


class NextStep(SoftDeleted, Base):
    """Who does what next, and by when."""

    __tablename__ = "next_step"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    what: Mapped[str] = mapped_column(Text)
    owner_label: Mapped[str] = mapped_column(Text, default="")
    owner_side: Mapped[OwnerSide] = mapped_column(_enum(OwnerSide))
    due_on: Mapped[date | None]
    done: Mapped[bool] = mapped_column(Boolean, default=False)  # kept equal to state == DONE
    state: Mapped[StepState] = mapped_column(_enum(StepState), default=StepState.OPEN)
    state_on: Mapped[date | None]
    created_at: Mapped[datetime]


class FollowUpEvent(Base):
    """One change on the follow-up desk, never edited: a correction is a newer event.

    It belongs to an ask or to a next step. Which fields are set depends on `kind`:
    SENT (department, sent_to), ANSWERED (answer, text), REPORTED (text: how,
    meeting_id: at which meeting), STEP (step_state, meeting_id when ticked during
    a meeting), WITHDRAWN (withdrawn_kind: the stage taken back).
    """

    __tablename__ = "follow_up_event"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    ask_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("resource_ask.id"), index=True)
    step_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("next_step.id"), index=True)
    kind: Mapped[FollowUpKind] = mapped_column(_enum(FollowUpKind))
    # The day it happened (the official may record it later), not when it was typed.
    happened_on: Mapped[date]
    department: Mapped[str] = mapped_column(Text, default="")
    sent_to: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[AskAnswer | None] = mapped_column(_enum(AskAnswer))
    step_state: Mapped[StepState | None] = mapped_column(_enum(StepState))
    withdrawn_kind: Mapped[FollowUpKind | None] = mapped_column(_enum(FollowUpKind))
    text: Mapped[str] = mapped_column(Text, default="")
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting.id"))
    # The official's name from the settings when it was recorded.
    recorded_by: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime]


class PriorityRound(Base):
    """One prioritisation (prikafstemning) at a meeting: the ideas numbered, then the dots counted.

    A meeting may hold several rounds (1, 2, …); each keeps its own numbers and votes.
    """

    __tablename__ = "priority_round"
    __table_args__ = (UniqueConstraint("meeting_id", "number", name="uq_priority_round_meeting_id_number"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime]


class PriorityChoice(Base):
    """An idea on a round's list: the number shown in the room and the votes it got.

    No text of its own: the idea's title is read from the idea whenever it is
    shown, so an edit or an erasure reaches the round too.
    """

    __tablename__ = "priority_choice"
    __table_args__ = (
        UniqueConstraint("round_id", "number", name="uq_priority_choice_round_id_number"),
        UniqueConstraint("round_id", "idea_id", name="uq_priority_choice_round_id_idea_id"),
    )
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("priority_round.id"), index=True)
    idea_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("idea.id"))
    number: Mapped[int] = mapped_column(Integer)
    votes: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime]


class Reflection(Base):
    """The official's private reflection after a meeting: never printed, never exported.

    One row per meeting; each competence on a scale of 1-5 (None: skipped).
    """

    __tablename__ = "reflection"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), unique=True)
    supportive: Mapped[int | None] = mapped_column(Integer)
    relations: Mapped[int | None] = mapped_column(Integer)
    liaison: Mapped[int | None] = mapped_column(Integer)
    adapting: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime]


class Person(Base):
    """A citizen the official chose to record by name, with consent per purpose.

    People are optional: ideas and asks are credited to a group label by
    default. A name leaves the app (brief, exports) only while `may_be_named`
    holds and consent has not been withdrawn.
    """

    __tablename__ = "person"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    contact: Mapped[str] = mapped_column(Text, default="")
    may_be_named: Mapped[bool] = mapped_column(Boolean, default=False)
    may_be_contacted: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_on: Mapped[date | None]
    consent_source: Mapped[ConsentSource | None] = mapped_column(_enum(ConsentSource))
    withdrawn_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class CitizenGroup(Base):
    """A citizen group of a project ("Shelter-gruppen", "Borgergruppen i Knebel").

    Offered wherever an entry says who carries it, so an entry is credited to
    a group rather than to a person's name. The entries keep their own text:
    renaming or removing a group changes the list, not what was written.
    """

    __tablename__ = "citizen_group"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("project.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Setting(Base):
    """One app setting as text (see services/settings.py for the typed view)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class BriefRecord(Base):
    """A brief that was sent to the politicians: when, to whom, in which language."""

    __tablename__ = "brief_record"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    sent_on: Mapped[date]
    recipients: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime]


class AuditLog(Base):
    """A privacy action (a person added, exported, erased; a retention purge): kind, when, how many.

    Never a name, a contact or a text: the log must not keep what an erasure removed.
    """

    __tablename__ = "audit_log"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=_uuid)
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer, default=1)
    # No foreign key: the log outlives whatever it counts.
    project_id: Mapped[uuid.UUID | None]
