"""The start page's attention line and «Åbn projekt»: into the project page and back."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from facilitator.domain.enums import AskAnswer
from facilitator.services import follow_up, projects
from facilitator.services.follow_up import AnswerInput
from tests.facilitator.desk_factory import fill_desk
from tests.ui.window_keys import key, shown_window
from ui.common.changes import ChangeHub
from ui.start.start_page import StartPage

CTRL = Qt.KeyboardModifier.ControlModifier
FRIDAY = date(2026, 3, 20)




def test_the_attention_line_says_what_is_due_and_is_gone_when_nothing_is(qtbot, db, clock, meeting_factory):
    filled = fill_desk(db, clock, meeting_factory)
    hub = ChangeHub()
    page = StartPage(db, hub)
    qtbot.addWidget(page)
    page.show()
    assert page.attention_label.isVisible()
    assert page.attention_label.text() == (
        "1 svar er forfaldent · 1 næste skridt er forsinket · 1 næste skridt forfalder i denne uge")
    follow_up.record_answer(db, filled["shelter"].id, AnswerInput(FRIDAY, AskAnswer.GRANTED))
    hub.project_changed.emit(filled["project_id"])
    assert page.attention_label.text() == "1 næste skridt er forsinket · 1 næste skridt forfalder i denne uge"
    projects.set_archived(db, filled["project_id"], True)
    hub.projects_changed.emit()
    assert page.attention_label.text() == "" and not page.attention_label.isVisible()


def test_ctrl_p_opens_the_project_page_and_esc_returns(qtbot, db, clock, meeting_factory):
    filled = fill_desk(db, clock, meeting_factory)
    window = shown_window(qtbot, db, clock)
    window.start_page.select_project(filled["project_id"])
    key(qtbot, window, Qt.Key.Key_P, CTRL)
    assert window.pages.currentWidget() is window.project_page
    assert window.windowTitle() == "Mols i Udvikling — Projekt — Facilitator"
    assert window.project_page.title.full_text() == "Mols i Udvikling"
    assert window.project_page.desk.model.rowCount() == 4
    qtbot.waitUntil(window.project_page.desk.table.hasFocus)
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.start_page
    assert window.windowTitle() == "Facilitator"


def test_f1_on_the_project_page_lists_the_desk_keys(qtbot, db, clock, meeting_factory):
    filled = fill_desk(db, clock, meeting_factory)
    window = shown_window(qtbot, db, clock)
    window.show_project(filled["project_id"])
    descriptions = [d for _keys, d in window.key_help.rows_for(window.project_page)]
    for expected in ("Sendt til forvaltningen …", "Svar modtaget …", "Meldt tilbage til borgerne …",
                     "Lav mail til forvaltningen", "Næste skridt gjort …", "Tilbage til forsiden"):
        assert expected in descriptions
