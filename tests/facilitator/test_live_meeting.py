"""The running meeting on a fake clock: hold-backs, nudges, turns, phases, drift, resume."""

from __future__ import annotations

from datetime import timedelta

import pytest

from facilitator.clock import FakeClock
from facilitator.domain.enums import HoldBackOutcome, MeetingStatus, PromptKind, Role
from facilitator.domain.hold_back import HoldBackPhase
from facilitator.domain.phase_timing import TimeWarning
from facilitator.domain.validation import ValidationError
from facilitator.live_meeting import LiveMeeting
from facilitator.services import agenda, live, meetings
from facilitator.services.summary import meeting_summary


@pytest.fixture
def session(db, clock, meeting_factory) -> LiveMeeting:
    meeting = meeting_factory(db)
    return LiveMeeting.start(db, meeting.id, clock)


def kinds(db, session) -> list[PromptKind]:
    return [p.kind for p in live.list_prompts(db, session.meeting_id)]


def test_start_opens_first_phase_with_a_hold_back(db, clock, session) -> None:
    state = session.tick()
    assert state.phase_index == 0 and state.phase.title == "Velkomst ved en borgervært"
    assert state.hold_back is HoldBackPhase.WAITING and state.hold_back_remaining == 10
    stored = meetings.get_meeting(db, session.meeting_id)
    assert stored.status is MeetingStatus.RUNNING and stored.started_at == clock.now()
    assert kinds(db, session) == [PromptKind.HOLD_BACK]


def test_official_during_hold_back_is_nudged_and_logged(db, clock, session) -> None:
    clock.advance(4)
    session.mark(Role.OFFICIAL)
    state = session.tick()
    assert [n.kind for n in state.nudges] == [PromptKind.EARLY_OFFICIAL]
    assert state.hold_back is None
    prompts = live.list_prompts(db, session.meeting_id)
    assert prompts[0].outcome is HoldBackOutcome.BROKEN
    assert prompts[1].kind is PromptKind.EARLY_OFFICIAL
    session.dismiss()
    assert session.tick().nudges == ()
    assert live.list_prompts(db, session.meeting_id)[1].dismissed_at == clock.now()


def test_official_before_any_citizen_is_nudged_even_after_hold_back(db, clock, session) -> None:
    clock.advance(30)
    session.tick()  # the hold-back is outlasted: a suggestion shows
    session.mark(Role.OFFICIAL)
    assert PromptKind.EARLY_OFFICIAL in [n.kind for n in session.tick().nudges]


def test_citizen_answering_respects_hold_back_and_no_nudge_after(db, clock, session) -> None:
    clock.advance(6)
    session.mark(Role.CITIZEN)
    clock.advance(20)
    session.mark(Role.OFFICIAL)
    state = session.tick()
    assert state.nudges == ()
    assert live.list_prompts(db, session.meeting_id)[0].outcome is HoldBackOutcome.RESPECTED


def test_silence_outlasting_hold_back_suggests_open_question(db, clock, session) -> None:
    session.mark(Role.SILENCE)
    clock.advance(9)
    assert session.tick().hold_back is HoldBackPhase.WAITING
    clock.advance(1)
    state = session.tick()
    assert state.hold_back is None
    assert [n.kind for n in state.nudges] == [PromptKind.SILENCE_SUGGESTION]
    assert "åbent spørgsmål" in state.nudges[0].headline
    session.mark(Role.CITIZEN)  # a citizen takes the floor: the suggestion has done its job
    assert session.tick().nudges == ()


def test_asked_question_key_starts_a_new_hold_back(db, clock, session) -> None:
    session.mark(Role.CITIZEN)
    clock.advance(60)
    session.asked_question()
    state = session.tick()
    assert state.hold_back is HoldBackPhase.WAITING
    assert kinds(db, session).count(PromptKind.HOLD_BACK) == 2


def test_first_speaker_per_phase_and_phase_change_opens_the_floor(db, clock, session) -> None:
    session.mark(Role.CITIZEN)
    clock.advance(100)
    session.next_phase()
    clock.advance(50)
    session.mark(Role.OFFICIAL)
    phases = agenda.list_phases(db, session.meeting_id)
    assert phases[0].first_speaker is Role.CITIZEN
    # The new phase opened the floor: the citizen's earlier turn does not open it.
    assert phases[1].first_speaker is Role.OFFICIAL
    assert phases[0].actual_seconds == 100
    turns = live.list_turns(db, session.meeting_id)
    assert [(t.role, t.phase_id) for t in turns] == [
        (Role.CITIZEN, phases[0].id),
        (Role.SILENCE, phases[1].id),
        (Role.OFFICIAL, phases[1].id),
    ]
    assert turns[0].ended_at == turns[1].started_at
    session.previous_phase()
    assert session.tick().phase_index == 0
    assert session.tick().timing.elapsed_seconds == 100  # earlier visit counted


def test_phase_warnings_follow_the_clock(db, clock, session) -> None:
    session.mark(Role.CITIZEN)
    assert session.tick().timing.warning is TimeWarning.NONE
    clock.advance(8 * 60)
    assert session.tick().timing.warning is TimeWarning.LOW
    clock.advance(90)
    assert session.tick().timing.warning is TimeWarning.CRITICAL
    clock.advance(30)
    state = session.tick()
    assert state.timing.warning is TimeWarning.OVERRUN and state.timing.remaining_seconds == 0


def test_talk_share_nudge_above_threshold(db, clock, session) -> None:
    session.mark(Role.CITIZEN)
    clock.advance(150)
    session.mark(Role.OFFICIAL)
    clock.advance(40)  # 40 / 190 = 21 %: under 25 %
    assert PromptKind.TALK_SHARE not in [n.kind for n in session.tick().nudges]
    clock.advance(20)  # 60 / 210 = 29 %
    state = session.tick()
    share_nudges = [n for n in state.nudges if n.kind is PromptKind.TALK_SHARE]
    assert len(share_nudges) == 1 and "29 %" in share_nudges[0].text
    assert state.recent_share.share(Role.OFFICIAL) == pytest.approx(60 / 210)
    clock.advance(30)
    session.tick()
    assert kinds(db, session).count(PromptKind.TALK_SHARE) == 1  # no nagging


def test_three_hour_meeting_has_zero_drift(db, clock, session) -> None:
    roles = [Role.CITIZEN, Role.SILENCE, Role.POLITICIAN, Role.CITIZEN, Role.OFFICIAL]
    for second in range(3 * 3600):
        if second % 97 == 0:
            session.mark(roles[(second // 97) % len(roles)])
        if second and second % 2700 == 0:
            session.next_phase()
        clock.advance(1)
        state = session.tick()
    assert state.meeting_elapsed == 3 * 3600
    assert sum(state.meeting_share.seconds.values()) == 3 * 3600
    session.close()
    phases = agenda.list_phases(db, session.meeting_id)
    assert sum(p.actual_seconds for p in phases) == 3 * 3600
    turns = live.list_turns(db, session.meeting_id)
    assert sum((t.ended_at - t.started_at).total_seconds() for t in turns) == 3 * 3600


def test_system_clock_change_does_not_corrupt_durations(db, clock, session) -> None:
    session.mark(Role.CITIZEN)
    clock.advance(60)
    clock.set_wall(clock.now() - timedelta(hours=1))  # someone sets the system clock back
    clock.advance(60)
    session.mark(Role.OFFICIAL)
    turns = live.list_turns(db, session.meeting_id)
    assert (turns[0].ended_at - turns[0].started_at).total_seconds() == 120
    assert session.tick().meeting_elapsed == 120


def test_resume_after_crash_leaves_a_visible_gap(db, clock, meeting_factory) -> None:
    meeting = meeting_factory(db)
    session = LiveMeeting.start(db, meeting.id, clock)
    session.mark(Role.CITIZEN)
    for _ in range(40):  # 40 s of meeting with the heartbeat running
        clock.advance(1)
        session.tick()
    crash_seen = clock.now() - timedelta(seconds=10)  # last heartbeat at 30 s
    del session  # the process dies here
    clock.advance(300)
    resumed, gap = LiveMeeting.resume(db, meeting.id, FakeClock(clock.now(), 5.0))
    assert gap is not None and gap.started_at == crash_seen and gap.ended_at == clock.now()
    turns = live.list_turns(db, meeting.id)
    assert turns[0].ended_at == crash_seen  # the gap is not added to the citizen
    state = resumed.tick()
    assert state.phase_index == 0 and state.timing.elapsed_seconds == 30
    assert state.speaker is None
    assert live.list_gaps(db, meeting.id) == [gap]


def test_close_summary_and_reopen(db, clock, session) -> None:
    session.mark(Role.CITIZEN)
    clock.advance(120)
    session.mark(Role.OFFICIAL)
    clock.advance(40)
    session.next_phase()
    clock.advance(10)
    session.close()
    summary = meeting_summary(db, session.meeting_id)
    assert summary.meeting.status is MeetingStatus.CLOSED
    assert summary.share.seconds == {Role.CITIZEN: 120, Role.OFFICIAL: 40, Role.SILENCE: 10}
    assert [p.first_speaker for p in summary.phases[:2]] == [Role.CITIZEN, None]
    assert summary.phases_opened_by_citizens == 1
    # The second phase's hold-back was cut short by closing: not judged either way.
    assert summary.hold_backs == 1 and summary.hold_backs_respected == 1
    # A closed meeting is corrected through its entries, never resumed on the clock.
    with pytest.raises(ValidationError, match="ikke i gang"):
        LiveMeeting.resume(db, session.meeting_id, clock)


def test_politician_ends_the_hold_back_without_breaking_it(db, clock, session) -> None:
    clock.advance(3)
    session.mark(Role.POLITICIAN)
    clock.advance(20)
    state = session.tick()
    assert state.hold_back is None and state.nudges == ()
    assert live.list_prompts(db, session.meeting_id)[0].outcome is HoldBackOutcome.RESPECTED


def test_asking_a_question_ends_the_officials_turn(db, clock, session) -> None:
    session.mark(Role.CITIZEN)
    clock.advance(30)
    session.mark(Role.OFFICIAL)
    clock.advance(30)
    session.asked_question()
    assert session.speaker is Role.SILENCE
    clock.advance(11)
    state = session.tick()  # the silence outlasted it: respected, and a suggestion
    assert [n.kind for n in state.nudges] == [PromptKind.SILENCE_SUGGESTION]
    turns = live.list_turns(db, session.meeting_id)
    assert (turns[1].role, (turns[1].ended_at - turns[1].started_at).total_seconds()) == (Role.OFFICIAL, 30)


def test_early_nudge_before_any_citizen_only_once_per_phase(db, clock, session) -> None:
    clock.advance(20)
    session.tick()  # the hold-back is over
    for _ in range(3):
        session.mark(Role.OFFICIAL)
        clock.advance(5)
        session.mark(Role.SILENCE)
        clock.advance(5)
    assert kinds(db, session).count(PromptKind.EARLY_OFFICIAL) == 1


def test_paging_through_phases_judges_no_hold_back(db, clock, session) -> None:
    for _ in range(3):
        session.next_phase()
    for _ in range(3):
        session.previous_phase()
    prompts = live.list_prompts(db, session.meeting_id)
    assert len(prompts) == 7 and all(p.outcome is None for p in prompts)
    session.close()
    assert meeting_summary(db, session.meeting_id).hold_backs == 0


def test_clock_jump_and_captured_entries_do_not_stretch_a_turn_on_resume(db, clock, meeting_factory) -> None:
    from facilitator.services import capture

    meeting = meeting_factory(db)
    session = LiveMeeting.start(db, meeting.id, clock)
    session.mark(Role.CITIZEN)
    for _ in range(20):
        clock.advance(1)
        session.tick()
    clock.set_wall(clock.now() + timedelta(hours=1))  # the system clock jumps ahead
    capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter"))  # stamped with the jumped clock
    clock.advance(5)
    del session  # crash
    resumed, _gap = LiveMeeting.resume(db, meeting.id, clock)
    [turn] = live.list_turns(db, meeting.id)
    assert (turn.ended_at - turn.started_at).total_seconds() == 15  # the last heartbeat
    assert agenda.list_phases(db, meeting.id)[0].actual_seconds == 15


def test_resume_with_the_clock_set_back_keeps_time_moving_forward(db, clock, meeting_factory) -> None:
    meeting = meeting_factory(db)
    session = LiveMeeting.start(db, meeting.id, clock)
    session.mark(Role.CITIZEN)
    clock.advance(60)
    session.mark(Role.OFFICIAL)
    del session
    clock.set_wall(clock.now() - timedelta(hours=2))  # set back while the app was away
    resumed, gap = LiveMeeting.resume(db, meeting.id, clock)
    assert gap is None
    clock.advance(30)
    resumed.mark(Role.CITIZEN)
    assert resumed.speaker is Role.CITIZEN
    clock.advance(30)
    resumed.close()
    summary = meeting_summary(db, meeting.id)
    assert summary.share.seconds[Role.CITIZEN] == 90


def test_meeting_without_agenda_cannot_start(db, clock, meeting_factory) -> None:
    meeting = meeting_factory(db, with_agenda=False)
    with pytest.raises(ValidationError, match="Dagsordenen er tom"):
        LiveMeeting.start(db, meeting.id, clock)
