"""The project's trend view: the reflection beside what was measured, and the next meetings' values."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.domain.enums import Role
from facilitator.live_meeting import LiveMeeting
from facilitator.services import meetings, project_profile, projects
from facilitator.services.reflection import ReflectionInput, save_reflection
from ui.common.changes import ChangeHub
from ui.project.trend_view import TrendModel, TrendView
from ui.summary.reflection_dialog import ReflectionDialog


def held(db, clock, meeting_factory, title, when, official_first=False):
    meeting = meeting_factory(db, title=title, scheduled_at=when)
    session = LiveMeeting.start(db, meeting.id, clock)
    if official_first:
        session.mark(Role.OFFICIAL)
        clock.advance(60)
    session.mark(Role.CITIZEN)
    clock.advance(90)
    session.mark(Role.OFFICIAL)
    clock.advance(30)
    session.close()
    return meeting


@pytest.fixture
def project(db, clock, meeting_factory):
    april = held(db, clock, meeting_factory, "Borgermøde i Agri", datetime(2026, 4, 7, 19, 0), True)
    march = held(db, clock, meeting_factory, "Borgermøde i Knebel", datetime(2026, 3, 3, 19, 0))
    save_reflection(db, april.id, ReflectionInput(2, 4, None, 3, "Privat note"))
    return {"id": march.project_id, "march": march, "april": april}


@pytest.fixture
def view(qtbot, db):
    hub = ChangeHub()
    shown = TrendView(db, hub)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def cells(model, row):
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_the_table_shows_each_held_meeting_in_date_order(view, project):
    view.set_project(project["id"])
    model = view.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Dato", "Møde", "Understøttende", "Relationer", "Bindeled", "Tilpasse\nrollen",
        "Borgernes\ntaleandel", "Punkter åbnet\naf borgere", "Ventetider\noverholdt", "Påmindelser",
    ]
    assert cells(model, 0) == ["03-03-2026", "Borgermøde i Knebel", "–", "–", "–", "–",
                               "75 %", "1 af 4", "1 af 1", "0"]
    assert cells(model, 1) == ["07-04-2026", "Borgermøde i Agri", "2", "4", "–", "3",
                               "50 %", "0 af 4", "0 af 1", "1"]
    assert model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole) == "I ringe grad"
    assert model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole) == "Ikke besvaret"
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "Ingen refleksion over dette møde"
    assert not view.empty.isVisible()
    # The private note is not in the table.
    every = [str(model.index(r, c).data(role)) for r in range(2) for c in range(10)
             for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)]
    assert not [t for t in every if "Privat note" in t]


def test_the_trend_model_passes_qtmodeltester(qtmodeltester, db, project):
    from facilitator.services.reflection_trend import reflection_trend

    model = TrendModel()
    model.set_rows(reflection_trend(db, project["id"]))
    qtmodeltester.check(model)


def test_a_reflection_saved_elsewhere_shows_at_once(qtbot, db, view, project):
    view.set_project(project["id"])
    dialog = ReflectionDialog(db, project["march"].id, view._hub)
    qtbot.addWidget(dialog)
    dialog.scales["supportive"].set_value(5)
    dialog.save_button.click()
    assert view.model.index(0, 2).data() == "5"


def test_a_project_without_held_meetings_says_so(db, view, meeting_factory):
    planned = meeting_factory(db)
    view.set_project(planned.project_id)
    assert view.model.rowCount() == 0
    assert view.empty.isVisible() and view.empty.text() == "Ingen afholdte møder i projektet endnu."


def test_adjusting_the_suggestion_is_stored_and_used_by_the_next_meeting(
    qtbot, db, view, project, meeting_factory
):
    view.set_project(project["id"])
    assert "foreslår 10 sek. ventetid" in view.suggestion.text()
    assert "25 %" in view.suggestion.text()
    assert (view.hold_back.value(), view.threshold.value()) == (10, 25)
    assert view.in_use.text() == "Næste møder i projektet får profilens forslag."
    assert not view.reset_button.isEnabled()

    # By keyboard: type the new values, then the button's access key (Alt+B).
    view.hold_back.setFocus()
    qtbot.keyClick(view.hold_back, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.hold_back, "16")
    qtbot.keyClick(view.hold_back, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget() or view.threshold, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.threshold, "30")
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    with qtbot.waitSignal(view._hub.projects_changed):
        QTest.keyClick(view.windowHandle(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)

    stored = project_profile.get_project_profile(db, project["id"])
    assert (stored.hold_back_seconds, stored.talk_share_threshold_pct) == (16, 30)
    assert view.in_use.text() == "Næste møder i projektet får dine værdier: 16 sek. og 30 %."
    assert "Gemt" in view.message.text()
    assert view.reset_button.isEnabled()
    following = meeting_factory(db, title="Næste møde", scheduled_at=datetime(2026, 5, 5, 19, 0))
    assert (following.hold_back_seconds, following.talk_share_threshold_pct) == (16, 30)

    view.reset_button.click()
    assert view.in_use.text() == "Næste møder i projektet får profilens forslag."
    assert (view.hold_back.value(), view.threshold.value()) == (10, 25)
    other = projects.list_projects(db)[0]
    again = meetings.create_meeting(db, other.id, "Senere møde", datetime(2026, 6, 2, 19, 0))
    assert (again.hold_back_seconds, again.talk_share_threshold_pct) == (10, 25)
