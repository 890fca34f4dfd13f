"""The live state as one value: a pure function of stored facts and "now"."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.enums import PromptKind, Role
from facilitator.domain.talk_share import Interval, rolling_share, talk_share
from facilitator.live_meeting import LiveMeeting
from facilitator.live_state import FLOOR_TAKEN_SECONDS, Cue, TurnLedger, live_state
from facilitator.services import live
from facilitator.services.rows import TurnRow


@pytest.fixture
def running(db, clock, meeting_factory) -> LiveMeeting:
    return LiveMeeting.start(db, meeting_factory(db).id, clock)


def test_state_writes_nothing_even_when_the_hold_back_runs_out(db, clock, running) -> None:
    clock.advance(30)  # the hold-back is over and a heartbeat is due
    before = (live.list_prompts(db, running.meeting_id), live.last_activity(db, running.meeting_id))
    first = running.state()
    assert running.state() == first
    assert (live.list_prompts(db, running.meeting_id), live.last_activity(db, running.meeting_id)) == before
    running.advance()  # only advancing stores the outcome and the suggestion
    assert [p.kind for p in live.list_prompts(db, running.meeting_id)] == [
        PromptKind.HOLD_BACK, PromptKind.SILENCE_SUGGESTION,
    ]
    assert running.state().cue is Cue.NUDGE


def test_the_state_is_a_function_of_facts_and_now(running, clock) -> None:
    facts, now = running.facts, running.now()
    clock.advance(3)
    assert live_state(facts, now) == live_state(facts, now)
    assert live_state(facts, now).hold_back_remaining == 10
    assert live_state(facts, now + timedelta(seconds=4)).hold_back_remaining == 6


def test_a_citizen_ending_the_hold_back_shows_floor_taken_then_idle(running, clock) -> None:
    state = running.state()
    assert state.cue is Cue.WAITING and state.hold_back_seconds == 10
    clock.advance(3)
    running.mark(Role.CITIZEN)
    state = running.state()
    assert state.cue is Cue.FLOOR_TAKEN and state.floor_taken_by is Role.CITIZEN
    clock.advance(FLOOR_TAKEN_SECONDS)
    running.advance()
    assert running.state().cue is Cue.IDLE
    assert running.state().nudges == ()


def test_the_official_breaking_it_shows_the_nudge_in_its_place(running, clock) -> None:
    clock.advance(2)
    running.mark(Role.OFFICIAL)
    state = running.state()
    assert state.cue is Cue.NUDGE
    assert state.nudge is not None and state.nudge.headline == "Lad borgerne tage ordet først"
    assert "(+" not in state.nudge.text


def test_talk_share_wording_is_true_for_a_short_meeting(running, clock) -> None:
    running.mark(Role.OFFICIAL)
    clock.advance(150)
    running.mark(Role.CITIZEN)
    clock.advance(30)  # 3 minutes into the meeting, the officials had 150 of 180 s
    running.advance()
    state = running.state()
    nudge = next(n for n in state.nudges if n.kind is PromptKind.TALK_SHARE)
    assert nudge.text == "Embedspersonerne har haft 83 % af taletiden i mødets første 3 min."
    assert "10 minutter" not in nudge.text
    assert state.talk_window_minutes == 3 and state.talk_window_covers_meeting


def test_early_in_a_meeting_the_window_is_exactly_the_meeting(running, clock) -> None:
    running.mark(Role.OFFICIAL)
    clock.advance(89)  # under a minute and a half: shown as "1 min." but judged on all 89 s
    state = running.state()
    assert state.talk_window_minutes == 1 and state.talk_window_covers_meeting
    assert state.recent_share.seconds[Role.OFFICIAL] == 89


def test_nudges_of_an_item_stay_with_it(running, clock) -> None:
    clock.advance(2)
    running.mark(Role.OFFICIAL)  # breaks the hold-back: "let the citizens speak first in this item"
    assert running.state().cue is Cue.NUDGE
    running.next_phase()
    clock.advance(3)
    running.mark(Role.CITIZEN)
    clock.advance(FLOOR_TAKEN_SECONDS)
    state = running.state()
    assert state.nudges == () and state.cue is Cue.IDLE


def test_a_citizen_speaking_answers_the_early_official_nudge(running, clock) -> None:
    clock.advance(30)
    running.advance()  # the hold-back is outlasted
    running.mark(Role.OFFICIAL)
    assert PromptKind.EARLY_OFFICIAL in [n.kind for n in running.state().nudges]
    clock.advance(5)
    running.mark(Role.CITIZEN)
    assert running.state().nudges == ()


def test_talk_share_wording_names_the_window_once_the_meeting_is_longer(running, clock) -> None:
    running.mark(Role.CITIZEN)
    clock.advance(20 * 60)
    running.mark(Role.OFFICIAL)
    clock.advance(4 * 60)  # the last 10 minutes: 4 of 10 official
    running.advance()
    nudge = next(n for n in running.state().nudges if n.kind is PromptKind.TALK_SHARE)
    assert nudge.text == "Embedspersonerne har haft 40 % af taletiden de sidste 10 minutter."


def test_marking_returns_what_changed_and_the_facts_stay_as_stored(db, running, clock) -> None:
    clock.advance(5)
    first = live.mark_speaker(db, running.meeting_id, Role.CITIZEN, running.now())
    assert first.turns.ended is None and first.turns.started.role is Role.CITIZEN
    clock.advance(7)
    second = live.mark_speaker(db, running.meeting_id, Role.OFFICIAL, running.now())
    assert second.turns.ended is not None and second.turns.ended.id == first.turns.started.id
    assert (second.turns.ended.ended_at - second.turns.ended.started_at) == timedelta(seconds=7)
    # The session's own path: a run of keys, phase changes and questions keeps its
    # in-memory facts equal to what a fresh read of the database gives.
    running = LiveMeeting(db, running.meeting_id, clock)
    for role in (Role.CITIZEN, Role.SILENCE, Role.OFFICIAL, Role.POLITICIAN):
        clock.advance(11)
        running.mark(role)
    running.asked_question()
    running.next_phase()
    clock.advance(9)
    running.mark(Role.CITIZEN)
    fresh = LiveMeeting(db, running.meeting_id, clock)
    assert running.facts.ledger == fresh.facts.ledger
    assert running.facts.phases == fresh.facts.phases
    assert running.state().meeting_share == fresh.state().meeting_share


T0 = datetime(2026, 3, 3, 19, 0)


def spoken(share) -> dict[Role, float]:
    """The roles with time (a turn of zero seconds counts as none)."""
    return {role: seconds for role, seconds in share.seconds.items() if seconds > 0}
turn_lists = st.lists(
    st.tuples(st.sampled_from(list(Role)), st.integers(0, 400), st.integers(0, 2)), max_size=40
)


@settings(max_examples=80, deadline=None)
@given(turn_lists, st.integers(0, 500), st.integers(1, 15))
def test_the_ledger_gives_the_same_shares_as_walking_every_turn(spec, tail, window) -> None:
    phases = [uuid.uuid4() for _ in range(3)]
    turns: list[TurnRow] = []
    at = T0
    for index, (role, seconds, phase) in enumerate(spec):
        last = index == len(spec) - 1
        end = None if last else at + timedelta(seconds=seconds)
        turns.append(TurnRow(uuid.uuid4(), phases[phase], role, at, end))
        at = end or at
    now = at + timedelta(seconds=tail)
    ledger = TurnLedger.of(turns)
    intervals = [Interval(t.role, t.started_at, t.ended_at) for t in turns]
    assert spoken(ledger.meeting_share(now)) == pytest.approx(spoken(talk_share(intervals, T0, now)))
    assert spoken(ledger.recent_share(now, timedelta(minutes=window))) == pytest.approx(
        spoken(rolling_share(intervals, now, window))
    )
    for phase in phases:
        inside = [Interval(t.role, t.started_at, t.ended_at) for t in turns if t.phase_id == phase]
        assert spoken(ledger.phase_share(phase, now)) == pytest.approx(spoken(talk_share(inside, T0, now)))
