"""The closing summary: how citizen-driven the meeting was, and what it produced."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from facilitator.domain.enums import HoldBackOutcome, PromptKind, Role
from facilitator.domain.talk_share import Interval, TalkShare, talk_share
from facilitator.services import agenda, capture, live, meetings, priorities
from facilitator.services.priorities import PriorityRoundRow
from facilitator.services.rows import GapRow, MeetingRow
from facilitator.storage.database import Database


@dataclass(frozen=True)
class PhaseSummary:
    """One agenda item: plan against actual, who opened it, its talk share."""

    title: str
    started_at: datetime | None
    planned_minutes: int
    actual_seconds: float
    first_speaker: Role | None
    share: TalkShare


@dataclass(frozen=True)
class MeetingSummary:
    """Everything the closing screen shows."""

    meeting: MeetingRow
    share: TalkShare
    phases: tuple[PhaseSummary, ...]
    hold_backs: int
    hold_backs_respected: int
    nudges: dict[PromptKind, int]
    ideas: int
    asks: int
    steps: int
    checks: int
    gaps: tuple[GapRow, ...]
    turns: tuple[Interval, ...]
    # The prioritisation rounds (prikafstemning), first round first.
    rounds: tuple[PriorityRoundRow, ...] = ()

    @property
    def phases_opened_by_citizens(self) -> int:
        """How many phases a citizen spoke first in."""
        return sum(1 for p in self.phases if p.first_speaker is Role.CITIZEN)


def meeting_summary(db: Database, meeting_id: uuid.UUID) -> MeetingSummary:
    """Summarise a meeting from what is stored."""
    meeting = meetings.get_meeting(db, meeting_id)
    turns = live.list_turns(db, meeting_id)
    end = meeting.ended_at or max((t.ended_at or t.started_at for t in turns), default=None)
    start = meeting.started_at
    intervals = [Interval(t.role, t.started_at, t.ended_at or end or t.started_at) for t in turns]

    def share_of(selected: list[Interval]) -> TalkShare:
        if start is None or end is None:
            return TalkShare()
        return talk_share(selected, start, end)

    phases = tuple(
        PhaseSummary(
            title=p.title,
            started_at=p.started_at,
            planned_minutes=p.planned_minutes,
            actual_seconds=p.actual_seconds,
            first_speaker=p.first_speaker,
            share=share_of([i for i, t in zip(intervals, turns, strict=True) if t.phase_id == p.id]),
        )
        for p in agenda.list_phases(db, meeting_id)
    )
    prompts = live.list_prompts(db, meeting_id)
    # Hold-backs cut short (phase change, crash, close) have no outcome and are not judged.
    hold_backs = [p for p in prompts if p.kind is PromptKind.HOLD_BACK and p.outcome is not None]
    nudges: dict[PromptKind, int] = {}
    for prompt in prompts:
        if prompt.kind is not PromptKind.HOLD_BACK:
            nudges[prompt.kind] = nudges.get(prompt.kind, 0) + 1
    ideas = capture.list_ideas(db, meeting_id)
    return MeetingSummary(
        meeting=meeting,
        share=share_of(intervals),
        phases=phases,
        hold_backs=len(hold_backs),
        hold_backs_respected=sum(1 for h in hold_backs if h.outcome is HoldBackOutcome.RESPECTED),
        nudges=nudges,
        ideas=len(ideas),
        asks=len(capture.list_asks(db, meeting_id)),
        steps=len(capture.list_steps(db, meeting_id)),
        checks=sum(1 for i in ideas if i.needs_check is not None),
        gaps=tuple(live.list_gaps(db, meeting_id)),
        turns=tuple(intervals),
        rounds=tuple(priorities.list_rounds(db, meeting_id)),
    )


