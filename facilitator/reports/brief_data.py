"""What a brief says, as plain data: gathered from the database, anonymised, ready to lay out.

The builder (reports/brief.py) only lays this out; every privacy decision is
taken here, so no layout code can leak a name by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from facilitator.domain.enums import AskKind, CheckKind, OwnerSide, Role
from facilitator.domain.talk_share import TalkShare
from facilitator.services.carry_rows import SinceLast


@dataclass(frozen=True)
class BriefIdea:
    """An idea as the brief shows it; `carried_by` is a group label or a consented name."""

    title: str
    detail: str
    carried_by: str
    place: str
    theme: str
    needs_check: CheckKind | None
    check_note: str


@dataclass(frozen=True)
class BriefAsk:
    """A resource ask as the brief shows it."""

    what: str
    kind: AskKind
    amount_dkk: int | None
    department: str
    answer_needed_by: date | None
    asked_by: str
    idea_title: str
    needs_decision: bool
    idea_number: int | None = None  # the idea's number in the brief (appendix A), if it has one


@dataclass(frozen=True)
class BriefStep:
    """A next step."""

    what: str
    owner: str
    side: OwnerSide
    due_on: date | None
    done: bool


@dataclass(frozen=True)
class BriefPhase:
    """An agenda item: planned against actual, and who opened it.

    `thinking_seconds`: the item opened with a hold-back that silence outlasted,
    and then a citizen took the floor — the seconds from the item's start until
    then (citizens who thought before speaking); None otherwise.
    """

    title: str
    planned_minutes: int
    actual_seconds: float
    first_speaker: Role | None
    thinking_seconds: float | None = None


@dataclass(frozen=True)
class BriefPriority:
    """An idea of the latest prioritisation round: its place, title and votes.

    `rank` counts ties as one place ("1, 2, 2, 4"); `idea_number` is the idea's
    number in appendix A, when it has one.
    """

    rank: int
    title: str
    votes: int
    idea_number: int | None = None


@dataclass(frozen=True)
class BriefPriorities:
    """«Borgernes prioriteringer»: the latest round's leading ideas, ties at the last place kept.

    `more_tied`: ideas tied with the last one shown that page 1 leaves out to stay one page.
    """

    round_number: int
    round_count: int
    total_votes: int
    top: tuple[BriefPriority, ...]
    more_tied: int = 0


@dataclass(frozen=True)
class BriefData:
    """Everything one brief shows."""

    municipality: str
    official_name: str
    official_department: str
    logo_png: bytes | None
    project_name: str
    meeting_title: str
    scheduled_at: datetime  # local time of the meeting
    venue: str
    places: tuple[str, ...]
    attendance: int | None
    ideas: tuple[BriefIdea, ...]
    asks: tuple[BriefAsk, ...]
    steps: tuple[BriefStep, ...]
    phases: tuple[BriefPhase, ...]
    share: TalkShare
    hold_backs: int
    hold_backs_respected: int
    # «Siden sidst»: what happened in the project since its previous meeting (None: nothing).
    since_last: SinceLast | None = None
    # The latest prioritisation round (None: the meeting had none).
    priorities: BriefPriorities | None = None

    @property
    def phases_opened_by_citizens(self) -> int:
        """How many phases a citizen spoke first in."""
        return sum(1 for p in self.phases if p.first_speaker is Role.CITIZEN)

    @property
    def phases_opened_by_officials(self) -> tuple[BriefPhase, ...]:
        """The phases an official spoke first in."""
        return tuple(p for p in self.phases if p.first_speaker is Role.OFFICIAL)

    @property
    def phases_opened_after_thinking(self) -> tuple[BriefPhase, ...]:
        """The phases that opened with a long silence, which a citizen then broke."""
        return tuple(p for p in self.phases if p.thinking_seconds is not None)
