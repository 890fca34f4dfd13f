"""Plain, detached results that services hand to the UI (never ORM objects)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from facilitator.domain.enums import (
    AskAnswer,
    AskKind,
    AskStatus,
    CheckKind,
    FollowUpKind,
    HoldBackOutcome,
    MeetingStatus,
    OwnerSide,
    PhaseKind,
    PromptKind,
    Regulation,
    Role,
    SelfDriving,
    StepState,
)


@dataclass(frozen=True)
class PlaceRow:
    """A village or place."""

    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class ProjectRow:
    """A project with its places and how many meetings it has."""

    id: uuid.UUID
    name: str
    archived: bool
    places: tuple[PlaceRow, ...]
    meeting_count: int


@dataclass(frozen=True)
class MeetingRow:
    """A meeting, its profile and its live state."""

    id: uuid.UUID
    project_id: uuid.UUID
    project_name: str
    title: str
    scheduled_at: datetime
    venue: str
    places: tuple[PlaceRow, ...]
    self_driving: SelfDriving
    regulation: Regulation
    hold_back_seconds: int
    talk_share_threshold_pct: int
    talk_window_minutes: int
    status: MeetingStatus
    started_at: datetime | None
    ended_at: datetime | None
    current_phase_id: uuid.UUID | None
    phase_entered_at: datetime | None
    last_seen_at: datetime | None
    attendance: int | None = None


@dataclass(frozen=True)
class PhaseRow:
    """An agenda item, planned and actual."""

    id: uuid.UUID
    meeting_id: uuid.UUID
    position: int
    title: str
    planned_minutes: int
    hold_back_seconds: int
    started_at: datetime | None
    ended_at: datetime | None
    actual_seconds: float
    first_speaker: Role | None
    kind: PhaseKind | None = None  # an item with a job of its own ("Opfølgning siden sidst")
    question: str = ""  # the question put to the room for the item ("" when none)


@dataclass(frozen=True)
class TurnRow:
    """One speaker turn; `ended_at` is None while it runs."""

    id: uuid.UUID
    phase_id: uuid.UUID | None
    role: Role
    started_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True)
class GapRow:
    """A stretch of a live meeting when the app was not running."""

    started_at: datetime
    ended_at: datetime


@dataclass(frozen=True)
class PromptRow:
    """A logged hold-back, nudge or suggestion."""

    id: uuid.UUID
    phase_id: uuid.UUID | None
    kind: PromptKind
    at: datetime
    seconds: float | None
    outcome: HoldBackOutcome | None
    dismissed_at: datetime | None


@dataclass(frozen=True)
class IdeaRow:
    """A captured idea."""

    id: uuid.UUID
    meeting_id: uuid.UUID
    title: str
    detail: str
    proposed_by: str
    place_id: uuid.UUID | None
    place_name: str
    theme: str
    needs_check: CheckKind | None
    check_note: str
    created_at: datetime


@dataclass(frozen=True)
class AskRow:
    """A captured resource ask."""

    id: uuid.UUID
    meeting_id: uuid.UUID
    kind: AskKind
    what: str
    amount_dkk: int | None
    idea_id: uuid.UUID | None
    idea_title: str
    asked_by: str
    department: str
    needs_decision: bool
    status: AskStatus
    asked_on: date
    answer_needed_by: date | None
    created_at: datetime


@dataclass(frozen=True)
class StepRow:
    """A captured next step."""

    id: uuid.UUID
    meeting_id: uuid.UUID
    what: str
    owner_label: str
    owner_side: OwnerSide
    due_on: date | None
    done: bool
    created_at: datetime
    state: StepState = StepState.OPEN
    state_on: date | None = None


@dataclass(frozen=True)
class FollowUpEventRow:
    """One recorded change of an ask or a next step (services/follow_up.py)."""

    id: uuid.UUID
    ask_id: uuid.UUID | None
    step_id: uuid.UUID | None
    kind: FollowUpKind
    happened_on: date
    department: str
    sent_to: str
    answer: AskAnswer | None
    step_state: StepState | None
    withdrawn_kind: FollowUpKind | None
    text: str
    meeting_id: uuid.UUID | None
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class GroupRow:
    """A citizen group of a project."""

    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    created_at: datetime


@dataclass(frozen=True)
class SearchHitRow:
    """An idea, ask or next step found by search, with the meeting and project it belongs to."""

    kind: str  # "idea", "ask" or "step"
    entry_id: uuid.UUID
    title: str  # the idea's title, the ask's or the step's text
    snippet: str  # the idea's detail around the words found there (else its beginning), or ""
    project_id: uuid.UUID
    project_name: str
    meeting_id: uuid.UUID
    meeting_title: str
    meeting_at: datetime


@dataclass(frozen=True)
class RoomIdea:
    """An idea as the room may see it: numbered in capture order, its texts anonymised."""

    id: uuid.UUID
    number: int  # 1..n across the meeting, in the order the ideas were captured
    phase_id: uuid.UUID | None
    title: str
    carried_by: str  # a group label, or a name only with consent
    theme: str
