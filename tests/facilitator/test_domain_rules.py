"""Pure domain rules on a fake timeline: warnings, hold-back, shares, window, first speaker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from facilitator.domain.enums import HoldBackOutcome, Regulation, Role, SelfDriving
from facilitator.domain.formats import stopwatch as format_duration
from facilitator.domain.hold_back import (
    MIN_TALK_SECONDS_FOR_SHARE_NUDGE,
    SHARE_NUDGE_COOLDOWN,
    HoldBack,
    HoldBackPhase,
    official_nudge_due,
    outcome_when_floor_taken,
    share_nudge_due,
)
from facilitator.domain.phase_timing import PhaseTiming, TimeWarning
from facilitator.domain.profile import defaults_for
from facilitator.domain.talk_share import Interval, rolling_share, talk_share

T0 = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("elapsed", "warning"),
    [
        (0, TimeWarning.NONE),
        (479, TimeWarning.NONE),  # 10 min phase: 121 s left is above 20 %
        (480, TimeWarning.LOW),  # exactly 20 % left
        (569, TimeWarning.LOW),
        (570, TimeWarning.CRITICAL),  # exactly 5 % left
        (599, TimeWarning.CRITICAL),
        (600, TimeWarning.OVERRUN),
        (1200, TimeWarning.OVERRUN),
    ],
)
def test_phase_warnings_at_20_and_5_percent_and_overrun(elapsed: float, warning: TimeWarning) -> None:
    assert PhaseTiming(600, elapsed).warning is warning


def test_overrun_counts_below_zero() -> None:
    timing = PhaseTiming(600, 725)
    assert timing.remaining_seconds == -125
    assert format_duration(timing.remaining_seconds) == "-2:05"
    assert format_duration(3 * 3600 + 5) == "3:00:05"


def test_hold_back_waits_then_is_outlasted() -> None:
    hold = HoldBack(at(0), 10)
    assert hold.phase(at(9.9)) is HoldBackPhase.WAITING
    assert hold.remaining(at(4)) == 6
    assert hold.phase(at(10)) is HoldBackPhase.OUTLASTED
    assert hold.remaining(at(30)) == 0


@pytest.mark.parametrize(
    ("waiting", "citizen_spoke", "due"),
    [(True, False, True), (True, True, True), (False, False, True), (False, True, False)],
)
def test_official_nudge_during_hold_back_or_before_any_citizen(
    waiting: bool, citizen_spoke: bool, due: bool
) -> None:
    assert official_nudge_due(waiting, citizen_spoke) is due


def test_talk_share_excludes_silence_and_clips_to_range() -> None:
    turns = [
        Interval(Role.CITIZEN, at(0), at(60)),
        Interval(Role.SILENCE, at(60), at(100)),
        Interval(Role.OFFICIAL, at(100), at(120)),
        Interval(Role.POLITICIAN, at(120), None),  # running
    ]
    share = talk_share(turns, at(0), at(140))
    assert share.seconds == {Role.CITIZEN: 60, Role.SILENCE: 40, Role.OFFICIAL: 20, Role.POLITICIAN: 20}
    assert share.talk_seconds == 100
    assert share.share(Role.CITIZEN) == pytest.approx(0.6)
    clipped = talk_share(turns, at(30), at(110))
    assert clipped.seconds[Role.CITIZEN] == 30 and clipped.seconds[Role.OFFICIAL] == 10


def test_rolling_window_forgets_old_talk() -> None:
    turns = [
        Interval(Role.OFFICIAL, at(0), at(600)),  # ten minutes of the official, long ago
        Interval(Role.CITIZEN, at(600), at(1200)),
    ]
    assert rolling_share(turns, at(1200), 10).share(Role.OFFICIAL) == 0
    assert rolling_share(turns, at(900), 10).share(Role.OFFICIAL) == pytest.approx(0.5)
    assert talk_share([], at(0), at(10)).share(Role.OFFICIAL) == 0


def test_share_nudge_threshold_minimum_talk_and_cooldown() -> None:
    now = at(3600)
    enough = MIN_TALK_SECONDS_FOR_SHARE_NUDGE
    assert share_nudge_due(0.30, enough, 25, now, None)
    assert not share_nudge_due(0.25, enough, 25, now, None)  # at the threshold is fine
    assert not share_nudge_due(0.90, enough - 1, 25, now, None)  # too little talk to judge
    recent = now - SHARE_NUDGE_COOLDOWN + timedelta(seconds=1)
    assert not share_nudge_due(0.30, enough, 25, now, recent)
    assert share_nudge_due(0.30, enough, 25, now, now - SHARE_NUDGE_COOLDOWN)


def test_who_ends_a_waiting_hold_back_and_how() -> None:
    assert outcome_when_floor_taken(Role.OFFICIAL) is HoldBackOutcome.BROKEN
    assert outcome_when_floor_taken(Role.CITIZEN) is HoldBackOutcome.RESPECTED
    assert outcome_when_floor_taken(Role.POLITICIAN) is HoldBackOutcome.RESPECTED
    assert outcome_when_floor_taken(Role.SILENCE) is None


def test_early_official_nudge_before_any_citizen_is_given_once_per_phase() -> None:
    assert official_nudge_due(False, False, nudged_in_phase=False)
    assert not official_nudge_due(False, False, nudged_in_phase=True)
    assert official_nudge_due(True, True, nudged_in_phase=True)  # during a hold-back: always


def test_profile_sets_hold_back_and_threshold() -> None:
    base = defaults_for(SelfDriving.SELF_DRIVING, Regulation.LIGHT)
    assert (base.hold_back_seconds, base.talk_share_threshold_pct, base.talk_window_minutes) == (10, 25, 10)
    support = defaults_for(SelfDriving.NEEDS_SUPPORT, Regulation.LIGHT)
    assert support.hold_back_seconds > base.hold_back_seconds
    assert defaults_for(SelfDriving.SELF_DRIVING, Regulation.HEAVY).talk_share_threshold_pct > 25


def test_durations_in_words() -> None:
    from facilitator.domain.formats import duration_words

    assert duration_words(45) == "45 sek."
    assert duration_words(240) == "4 min."
    assert duration_words(3900) == "1 t 5 min."


def test_whole_percentages_add_up_to_a_hundred() -> None:
    share = talk_share(
        [Interval(Role.CITIZEN, at(0), at(925)), Interval(Role.OFFICIAL, at(925), at(985)),
         Interval(Role.POLITICIAN, at(985), at(1000))],
        at(0), at(1000),
    )  # 92.5 / 6 / 1.5: each rounded alone would give 93 + 6 + 2 = 101
    percents = share.whole_percents()
    assert sum(percents.values()) == 100
    assert percents[Role.CITIZEN] in (92, 93)
