"""Overblik: the heat map, the asks' table and the idea list whose status is set by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.domain.enums import IdeaStatus
from facilitator.services import capture
from facilitator.services.capture import AskInput, IdeaInput
from facilitator.storage.models import Idea
from tests.facilitator.overview_factory import fill_project
from ui.common.changes import ChangeHub
from ui.common.key_help import described_keys
from ui.project.overview_models import heat_colour, two_lines
from ui.project.overview_view import OverviewView


@pytest.fixture
def filled(db, meeting_factory):
    return fill_project(db, meeting_factory)


@pytest.fixture
def hub():
    return ChangeHub()


@pytest.fixture
def view(qtbot, db, hub, filled):
    widget = OverviewView(db, hub)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.set_project(filled.first.project_id)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def cell(model, row_name: str, column_name: str) -> str:
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    columns = [model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ")
               for c in range(model.columnCount())]
    return model.index(rows.index(row_name), columns.index(column_name)).data()


def shown_status(view: OverviewView, title: str) -> str | None:
    model = view.idea_filter
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == title:
            return model.index(row, 4).data()
    return None


def stored_status(db, idea_id) -> IdeaStatus:
    with db.session() as s:
        return s.get_one(Idea, idea_id).status


def choose(view: OverviewView, title: str) -> None:
    model = view.idea_filter
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == title)
    view.idea_table.setFocus()
    view.idea_table.setCurrentIndex(model.index(row, 0))


def press(view: OverviewView, key: Qt.Key) -> None:
    QTest.keyClick(view.windowHandle(), key)


def test_the_heat_map_shows_the_counts_of_both_meetings_with_totals(view) -> None:
    heat = view.heat_model
    assert cell(heat, "Knebel", "Natur") == "1"
    assert cell(heat, "Femmøller", "Natur") == "1"  # the second meeting's village
    assert cell(heat, "Uden sted", "Uden tema") == "1"
    assert cell(heat, "Helgenæs", "Natur") == "0"
    assert cell(heat, "I alt", "Natur") == "3"  # the deleted idea in Femmøller is not counted
    assert cell(heat, "Femmøller", "I alt") == "2"
    assert cell(heat, "I alt", "I alt") == "6"
    # More ideas, deeper colour; the count is also the cell's text, not colour alone.
    natur = [heat.headerData(c, Qt.Orientation.Horizontal) for c in range(heat.columnCount())].index("Natur")
    villages = [heat.headerData(r, Qt.Orientation.Vertical) for r in range(heat.rowCount())]
    one = heat.index(villages.index("Knebel"), natur).data(Qt.ItemDataRole.BackgroundRole).color()
    none = heat.index(villages.index("Helgenæs"), natur).data(Qt.ItemDataRole.BackgroundRole).color()
    assert one.lightness() < none.lightness()
    assert heat_colour(3, 3).lightness() < heat_colour(1, 3).lightness()
    assert heat.index(villages.index("Knebel"), natur).data(Qt.ItemDataRole.ToolTipRole) == "Knebel · Natur · 1 idé"


def test_the_asks_table_counts_by_department_and_status_with_amounts(view) -> None:
    asks = view.ask_model
    assert cell(asks, "Natur og Miljø", "Åben") == "2"
    assert cell(asks, "Natur og Miljø", "Beløb") == "30.000 kr."
    assert cell(asks, "Uden forvaltning", "Åben") == "1"
    assert cell(asks, "I alt", "I alt") == "4"  # the deleted ask is not counted
    assert cell(asks, "I alt", "Beløb") == "31.200 kr."
    assert view.ask_amounts.text() == "Beløb pr. status: Åben: 31.200 kr."


def test_r_on_the_idea_list_realises_the_idea_stored_and_shown(view, db, filled) -> None:
    choose(view, "Flere busser om aftenen")
    press(view, Qt.Key.Key_R)
    assert stored_status(db, filled.ideas["bus"].id) == IdeaStatus.REALISED
    assert shown_status(view, "Flere busser om aftenen") == "Realiseret"
    assert "Realiseret: 1" in view.status_counts.text()
    assert view.status_box.currentText() == "Realiseret"
    assert view.filter_box.itemText(view.filter_box.findData(IdeaStatus.REALISED)) == "Realiseret (1)"
    # The keyboard stays on the same idea, so the next letter changes it again.
    press(view, Qt.Key.Key_A)
    assert stored_status(db, filled.ideas["bus"].id) == IdeaStatus.WORKING
    assert shown_status(view, "Flere busser om aftenen") == "Under arbejde"
    press(view, Qt.Key.Key_P)
    press(view, Qt.Key.Key_N)
    assert stored_status(db, filled.ideas["bus"].id) == IdeaStatus.NEW


def test_a_status_chosen_in_the_combo_is_stored_and_the_tables_follow(view, db, filled, qtbot) -> None:
    choose(view, "Sti langs kysten")
    view.status_box.setFocus()
    qtbot.keyClick(view.status_box, Qt.Key.Key_Down)  # Ny → Under arbejde
    assert stored_status(db, filled.ideas["sti"].id) == IdeaStatus.WORKING
    assert shown_status(view, "Sti langs kysten") == "Under arbejde"
    assert "Under arbejde: 1" in view.status_counts.text()


def test_the_list_filters_by_status_and_a_changed_idea_leaves_the_filter(view, db, filled, qtbot) -> None:
    choose(view, "Shelter ved stranden")
    press(view, Qt.Key.Key_P)
    choose(view, "Bænke ved havnen")
    press(view, Qt.Key.Key_P)
    view.filter_box.setFocus()
    for _step in range(4):  # Alle, Ny, Under arbejde, Realiseret, Parkeret
        qtbot.keyClick(view.filter_box, Qt.Key.Key_Down)
    assert view.filter_box.currentText() == "Parkeret (2)"
    assert view.idea_filter.rowCount() == 2
    choose(view, "Shelter ved stranden")
    press(view, Qt.Key.Key_N)
    assert stored_status(db, filled.ideas["shelter"].id) == IdeaStatus.NEW
    assert view.idea_filter.rowCount() == 1
    assert view.filter_box.currentText() == "Parkeret (1)"
    # The one left is chosen, so the keyboard goes on from there.
    assert view.current_idea().title == "Bænke ved havnen"


def test_an_idea_captured_elsewhere_appears_when_the_hub_says_so(view, db, filled, hub) -> None:
    capture.add_idea(db, filled.second.id, IdeaInput("Badebro", theme="Natur"))
    assert cell(view.heat_model, "I alt", "Natur") == "3"
    hub.ideas_changed.emit(filled.second.id)
    assert cell(view.heat_model, "I alt", "Natur") == "4"
    assert shown_status(view, "Badebro") == "Ny"
    capture.add_ask(db, filled.second.id, AskInput("Planker", amount_dkk=800, department="Trafik"))
    hub.asks_changed.emit(filled.second.id)
    assert cell(view.ask_model, "Trafik", "Beløb") == "800 kr."


def test_a_refused_change_says_why_in_danish_and_keeps_the_list(view, db, filled) -> None:
    choose(view, "Fælles kalender")
    capture.delete_entry(db, "idea", filled.ideas["loose"].id)  # deleted from the meeting meanwhile
    press(view, Qt.Key.Key_R)
    assert view.message.isVisible()
    assert view.message.text() == "⚠ Idéen er slettet og kan ikke få ny status."
    assert stored_status(db, filled.ideas["loose"].id) == IdeaStatus.NEW


def test_f1_lists_the_status_keys(view) -> None:
    listed = dict((description, keys) for keys, description in described_keys(view.idea_table))
    assert listed["Giv den valgte idé status «Realiseret» (i listen over idéer)"] == "R"
    assert len([d for d in listed if d.startswith("Giv den valgte idé status")]) == 4


def test_no_project_shows_empty_tables_and_a_project_without_entries_says_so(qtbot, db, hub, meeting_factory) -> None:
    widget = OverviewView(db, hub)
    qtbot.addWidget(widget)
    widget.set_project(None)
    assert widget.heat_model.rowCount() == 0 and widget.idea_filter.rowCount() == 0
    meeting = meeting_factory(db)
    widget.set_project(meeting.project_id)
    widget.show()
    assert widget.empty_note.isVisible()
    assert widget.heat_model.rowCount() == 6  # five villages and "I alt"


def test_the_models_keep_qts_rules(qtmodeltester, view) -> None:
    for model in (view.heat_model, view.ask_model, view.idea_model, view.idea_filter):
        qtmodeltester.check(model)


def test_a_long_heading_is_broken_where_the_lines_balance() -> None:
    assert two_lines("Natur og friluftsliv") == "Natur og\nfriluftsliv"
    assert two_lines("Ikke kommunens opgave") == "Ikke kommunens\nopgave"
    assert two_lines("Natur") == "Natur"


def test_a_hidden_overview_reads_the_changes_when_it_is_shown_again(view, db, filled, hub) -> None:
    view.hide()
    capture.add_idea(db, filled.second.id, IdeaInput("Badebro", theme="Natur"))
    hub.ideas_changed.emit(filled.second.id)
    assert cell(view.heat_model, "I alt", "Natur") == "3"
    view.show()
    assert cell(view.heat_model, "I alt", "Natur") == "4"
