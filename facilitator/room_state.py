"""What the room sees on the projector, as one value: `room_state(live_state, ideas, options)`.

A pure function of the live state, the stored (anonymised) ideas and the
official's choices for the room. `RoomState` holds exactly what the room may
see: no talk share, hold-back, nudge, speaker or unsaved text has a field here,
so none can reach the wall by mistake. Its equality lets a view redraw only
when what the room sees changes: the time left is kept in whole minutes, so
the four redraws a second of the live screen leave it alone in between.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from facilitator.live_state import LiveState
from facilitator.services.priorities import PriorityRoundRow
from facilitator.services.rows import RoomIdea


@dataclass(frozen=True)
class RoomOptions:
    """The official's choices for the room view (all off by default)."""

    blank: bool = False  # a pause: a plain screen with nothing on it
    dark: bool = False  # light text on dark, for a bright projector in a dim hall
    show_time: bool = False  # a countdown can feel like pressure: only when switched on
    group_by_theme: bool = False


@dataclass(frozen=True)
class RoomIdeaLine:
    """One idea on the wall: its number in the meeting, its title, who carries it, its theme."""

    number: int
    title: str
    carried_by: str
    theme: str


@dataclass(frozen=True)
class RoomVote:
    """One idea's dots in a priority round."""

    number: int
    title: str
    votes: int


@dataclass(frozen=True)
class RoomPriorities:
    """A priority round as the room sees it: the ideas' dots and the total."""

    round: int
    entries: tuple[RoomVote, ...]
    total: int

    def ranked(self) -> tuple[RoomVote, ...]:
        """Most dots first; equal counts by the idea's number, so a tie never jumps about."""
        return tuple(sorted(self.entries, key=lambda v: (-v.votes, v.number)))


@dataclass(frozen=True)
class RoomState:
    """Everything the room view shows at one moment, and nothing more."""

    meeting_title: str = ""
    item_title: str = ""
    question: str = ""  # the question put to the room, "" when none was typed
    agenda: tuple[str, ...] = ()
    current_index: int = 0
    ideas: tuple[RoomIdeaLine, ...] = ()  # the current item's ideas, in capture order
    time_left: int | None = None  # seconds, whole minutes rounded up; None: not shown
    blank: bool = False
    dark: bool = False
    group_by_theme: bool = False
    priorities: RoomPriorities | None = None


def _time_left(live: LiveState) -> int:
    # Rounded up to a whole minute: "3 min." while 2 min. 10 s remain, 0 only when it is up.
    remaining = max(0.0, live.timing.remaining_seconds)
    return math.ceil(remaining / 60) * 60


def room_state(
    live: LiveState,
    ideas: Sequence[RoomIdea],
    options: RoomOptions,
    priorities: RoomPriorities | None = None,
    redact: Callable[[str], str] = lambda text: text,
) -> RoomState:
    """What the room sees now (pure). `redact` hides names in the meeting's own texts."""
    if options.blank:
        # Blank holds nothing at all: a paused screen cannot show anything by accident.
        return RoomState(blank=True, dark=options.dark)
    phase = live.phase
    lines = tuple(
        RoomIdeaLine(i.number, i.title, i.carried_by, i.theme) for i in ideas if i.phase_id == phase.id
    )
    return RoomState(
        meeting_title=redact(live.meeting_title),
        item_title=redact(phase.title),
        question=redact(phase.question),
        agenda=tuple(redact(title) for title in live.agenda),
        current_index=live.phase_index,
        ideas=lines,
        time_left=_time_left(live) if options.show_time else None,
        dark=options.dark,
        group_by_theme=options.group_by_theme,
        priorities=None if priorities is None else replace(
            priorities, entries=tuple(replace(v, title=redact(v.title)) for v in priorities.entries)),
    )


def room_priorities(round_row: PriorityRoundRow) -> RoomPriorities:
    """A stored priority round as the room sees it (titles are redacted by `room_state`)."""
    return RoomPriorities(
        round_row.number,
        tuple(RoomVote(c.number, c.title, c.votes) for c in round_row.choices),
        round_row.total_votes,
    )
