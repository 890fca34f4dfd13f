"""The closing summary shows what is stored: shares, first speakers, hold-backs, gaps."""

from __future__ import annotations

from facilitator.domain.enums import Role
from facilitator.live_session import LiveSession
from facilitator.services.summary import meeting_summary
from ui.summary_page import PhaseSummaryModel, SummaryPage


def run_meeting_with_a_crash(db, clock, meeting_factory):
    meeting = meeting_factory(db)
    session = LiveSession.start(db, meeting.id, clock)
    session.mark(Role.CITIZEN)
    for _ in range(4):
        clock.advance(15)
        session.tick()  # heartbeat every 15 s
    del session  # the battery runs out
    clock.advance(180)
    session, _gap = LiveSession.resume(db, meeting.id, clock)
    session.mark(Role.OFFICIAL)
    clock.advance(20)
    session.next_phase()
    session.mark(Role.CITIZEN)
    clock.advance(40)
    session.close()
    return meeting


def test_summary_shows_figures_and_the_gap(qtbot, db, clock, meeting_factory) -> None:
    meeting = run_meeting_with_a_crash(db, clock, meeting_factory)
    page = SummaryPage(db)
    qtbot.addWidget(page)
    page.load(meeting.id)
    assert page.title.full_text() == "Opsummering: Borgermøde i Knebel"
    assert page.figures["opened"].text() == "2 af 4"
    assert page.figures["gaps"].text() == "1 (3:00)"
    assert page.figures["hold_backs"].text() == "2 af 2"
    assert "Borger 83 %" in page.share_bar.legend.text()  # 100 s of 120 s of talk
    assert [page.model.index(r, 2).data() for r in range(2)] == ["1:20", "0:40"]
    assert [page.model.index(r, 3).data() for r in range(4)] == ["Borger", "Borger", "–", "–"]
    assert "Afbrudt" in page.timeline_legend.text()


def test_phase_summary_model_passes_qtmodeltester(qtmodeltester, db, clock, meeting_factory) -> None:
    meeting = run_meeting_with_a_crash(db, clock, meeting_factory)
    model = PhaseSummaryModel()
    model.set_rows(list(meeting_summary(db, meeting.id).phases))
    qtmodeltester.check(model)
