"""The follow-up desk by keyboard: filter, open, change a stage, write the mail draft."""

from __future__ import annotations

import email
from datetime import date
from email import policy

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.domain.enums import AskAnswer, AskStatus, FollowUpKind, StepState
from facilitator.services import follow_up
from facilitator.services.follow_up_desk import DeskStage
from facilitator.storage.models import NextStep, ResourceAsk
from tests.facilitator.desk_factory import fill_desk
from ui.common.changes import ChangeHub
from ui.follow_up.desk_model import OVERDUE_BACKGROUND, DeskTableModel
from ui.follow_up.stage_dialogs import AnswerDialog, ReportDialog, SentDialog, StepStateDialog
from ui.project.project_page import ProjectPage

TODAY = date(2026, 3, 20)


class ScriptedPrompts:
    """Answers every question with `answer` and remembers the questions."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def ask(self, parent, title: str, question: str, yes: str, no: str) -> bool:
        self.questions.append(question)
        return self.answer


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key through the window, so shortcuts fire as for a real key press."""
    QTest.keyClick(widget.window().windowHandle(), key, modifiers)


@pytest.fixture
def filled(db, clock, meeting_factory):
    return fill_desk(db, clock, meeting_factory)


@pytest.fixture
def page(qtbot, db, filled):
    """The project page of the filled project, shown, the keyboard on the desk's table."""
    hub = ChangeHub()
    widget = ProjectPage(db, hub, ScriptedPrompts(True))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    widget.show_project(filled["project_id"])
    widget.opened_files = []
    widget.desk.open_file = widget.opened_files.append
    qtbot.waitUntil(lambda: widget.desk.table.hasFocus())
    return widget


def shown_texts(page: ProjectPage) -> list[str]:
    model = page.desk.proxy
    return [model.index(r, DeskTableModel.TEXT).data() for r in range(model.rowCount())]


def cell(page: ProjectPage, text: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    model = page.desk.proxy
    row = shown_texts(page).index(text)
    return model.index(row, column).data(role)


def choose(page: ProjectPage, entry_id) -> None:
    """Move the cursor to an entry with the arrow keys, as the official would."""
    desk = page.desk
    target = desk.index_of(entry_id).row()
    assert target >= 0
    while desk.table.currentIndex().row() > target:
        QTest.keyClick(desk.table, Qt.Key.Key_Up)
    while desk.table.currentIndex().row() < target:
        QTest.keyClick(desk.table, Qt.Key.Key_Down)
    assert desk.current_row().id == entry_id


def stored_ask(db, ask_id) -> ResourceAsk:
    with db.session() as s:
        return s.get_one(ResourceAsk, ask_id)


def stage_dialog(qtbot, page: ProjectPage, key: Qt.Key, kind):
    press(page.desk.table, key)
    qtbot.waitUntil(lambda: isinstance(page.desk.dialog, kind) and page.desk.dialog.isVisible())
    return page.desk.dialog


def closed(qtbot, page: ProjectPage) -> None:
    """Wait for the stage dialog to close and the keyboard to be back on the desk's table."""
    qtbot.waitUntil(lambda: page.desk.dialog is None and QApplication.activeWindow() is page
                    and page.desk.table.hasFocus())


def retype(qtbot, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_the_desk_shows_open_entries_with_an_overdue_marker_not_only_colour(page, filled) -> None:
    assert sorted(shown_texts(page)) == ["Bænke på torvet", "Indkalde til arbejdsdag",
                                         "Tilskud til shelter", "Tjekke lokalplanen"]
    assert cell(page, "Tilskud til shelter", DeskTableModel.OVERDUE) == "⚠ 5 dage over"
    assert cell(page, "Tilskud til shelter", DeskTableModel.AGE) == "16 dage"
    assert cell(page, "Tilskud til shelter", DeskTableModel.DEADLINE) == "15-03-2026"
    background = cell(page, "Tilskud til shelter", 0, Qt.ItemDataRole.BackgroundRole)
    assert background.color() == OVERDUE_BACKGROUND
    assert cell(page, "Indkalde til arbejdsdag", DeskTableModel.OVERDUE) == "⚠ 2 dage over"
    assert cell(page, "Bænke på torvet", DeskTableModel.OVERDUE) == ""
    assert cell(page, "Bænke på torvet", 0, Qt.ItemDataRole.BackgroundRole) is None
    # One line for all departments; each department's own figures when it is chosen, and all of
    # them in the tooltip.
    assert page.desk.figures_label.text() == (
        "Svartider: 2 forvaltninger · længste ventetid Teknik og Miljø: 9 dage (venter stadig)")
    assert page.desk.figures_label.toolTip() == (
        "Kultur: median 1 dag, længste 1 dag\n"
        "Teknik og Miljø: intet svar endnu, længste 9 dage (venter stadig)")
    combo = page.desk.department_combo
    combo.setCurrentIndex(combo.findData("Kultur"))
    assert page.desk.figures_label.text() == "Svartid: Kultur: median 1 dag, længste 1 dag"


def test_filters_by_typing_in_the_combos_and_showing_closed(qtbot, page, filled) -> None:
    desk = page.desk
    desk.department_combo.setFocus()
    qtbot.keyClicks(desk.department_combo, "Tek")
    assert desk.department_combo.currentText() == "Teknik og Miljø"
    assert sorted(shown_texts(page)) == ["Bænke på torvet", "Tilskud til shelter"]
    qtbot.keyClicks(desk.village_combo, "Knebel")
    assert shown_texts(page) == ["Tilskud til shelter"]
    qtbot.keyClick(desk.village_combo, Qt.Key.Key_Home)  # «Alle» again
    qtbot.keyClick(desk.department_combo, Qt.Key.Key_Home)
    qtbot.keyClicks(desk.meeting_combo, "Borgermøde")  # a space would open the list
    qtbot.keyClick(desk.meeting_combo, Qt.Key.Key_Down)
    assert desk.meeting_combo.currentText() == "Borgermøde i Agri"
    assert sorted(shown_texts(page)) == ["Bænke på torvet", "Indkalde til arbejdsdag", "Tjekke lokalplanen"]
    qtbot.keyClick(desk.meeting_combo, Qt.Key.Key_Home)
    assert "Nøgle til forsamlingshuset" not in shown_texts(page)
    qtbot.keyClick(desk.show_closed, Qt.Key.Key_Space)
    assert "Nøgle til forsamlingshuset" in shown_texts(page)
    assert cell(page, "Nøgle til forsamlingshuset", DeskTableModel.STAGE) == "Meldt tilbage"
    qtbot.keyClicks(desk.stage_combo, "Sendt")
    assert desk.filters().stage is DeskStage.SENT
    assert shown_texts(page) == ["Bænke på torvet"]


def test_a_header_click_sorts_by_age_as_a_number(qtbot, page) -> None:
    header = page.desk.table.horizontalHeader()
    x = header.sectionViewportPosition(DeskTableModel.AGE) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    ages = [int(page.desk.proxy.index(r, DeskTableModel.AGE).data().split()[0])
            for r in range(page.desk.proxy.rowCount())]
    assert ages == sorted(ages) and ages[0] < ages[-1]


def test_S_marks_an_ask_sent_and_refuses_wrong_input_inline(qtbot, db, page, filled) -> None:
    shelter = filled["shelter"].id
    choose(page, shelter)
    dialog = stage_dialog(qtbot, page, Qt.Key.Key_S, SentDialog)
    assert dialog.department_edit.text() == "Teknik og Miljø"
    assert dialog.date_edit.text() == "20-03-2026"  # today, prefilled
    retype(qtbot, dialog.date_edit, "25-03-2026")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "fremtiden" in dialog.message.text()
    retype(qtbot, dialog.date_edit, "01-03-2026")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "før mødet" in dialog.message.text()
    retype(qtbot, dialog.date_edit, "18-03-2026")
    dialog.department_edit.clear()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Forvaltning" in dialog.message.text()
    assert stored_ask(db, shelter).forwarded_on is None
    qtbot.keyClicks(dialog.department_edit, "Vej og Park")
    qtbot.keyClicks(dialog.sent_to_edit, "Søren Ærø")
    with qtbot.waitSignal(page.desk._hub.project_changed) as changed:
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert changed.args == [filled["project_id"]]
    closed(qtbot, page)
    ask = stored_ask(db, shelter)
    assert (ask.status, ask.forwarded_on, ask.department, ask.sent_to) == (
        AskStatus.FORWARDED, date(2026, 3, 18), "Vej og Park", "Søren Ærø")
    assert cell(page, "Tilskud til shelter", DeskTableModel.STAGE) == "Sendt til forvaltningen"
    assert cell(page, "Tilskud til shelter", DeskTableModel.DEPARTMENT) == "Vej og Park"
    assert page.desk.current_row().id == shelter  # the cursor stays on the entry
    assert [e.kind for e in follow_up.history(db, ask_id=shelter)] == [FollowUpKind.SENT]


def test_V_then_M_answer_and_report_back_and_the_entry_leaves_the_open_list(qtbot, db, page, filled) -> None:
    bench = filled["bench"].id
    choose(page, bench)
    dialog = stage_dialog(qtbot, page, Qt.Key.Key_V, AnswerDialog)
    qtbot.keyClicks(dialog.answer_combo, "Delvist")
    qtbot.keyClicks(dialog.text_edit, "To bænke i år, to næste år")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    closed(qtbot, page)
    ask = stored_ask(db, bench)
    assert (ask.answer, ask.answered_on, ask.answer_text) == (
        AskAnswer.PARTLY, TODAY, "To bænke i år, to næste år")
    assert cell(page, "Bænke på torvet", DeskTableModel.STAGE) == "Svar modtaget"
    dialog = stage_dialog(qtbot, page, Qt.Key.Key_M, ReportDialog)
    qtbot.keyClicks(dialog.how_edit, "Opslag på Facebook")
    qtbot.keyClick(dialog.how_edit, Qt.Key.Key_Return)
    closed(qtbot, page)
    assert (stored_ask(db, bench).reported_on, stored_ask(db, bench).reported_how) == (
        TODAY, "Opslag på Facebook")
    assert "Bænke på torvet" not in shown_texts(page)
    kinds = [e.kind for e in follow_up.history(db, ask_id=bench)]
    assert kinds == [FollowUpKind.SENT, FollowUpKind.ANSWERED, FollowUpKind.REPORTED]


def test_M_before_an_answer_is_refused_with_a_message(qtbot, page, filled) -> None:
    choose(page, filled["shelter"].id)
    press(page.desk.table, Qt.Key.Key_M)
    assert page.desk.dialog is None
    assert page.desk.message.text() == "⚠ Der er endnu intet svar at melde tilbage."


def test_G_marks_a_step_done_and_keys_of_the_other_kind_do_nothing(qtbot, db, page, filled) -> None:
    step = filled["step"].id
    choose(page, step)
    press(page.desk.table, Qt.Key.Key_S)  # S is for asks
    assert page.desk.dialog is None
    dialog = stage_dialog(qtbot, page, Qt.Key.Key_G, StepStateDialog)
    assert dialog.date_edit.text() == "20-03-2026"
    retype(qtbot, dialog.date_edit, "19-03-2026")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    closed(qtbot, page)
    with db.session() as s:
        stored = s.get_one(NextStep, step)
        assert (stored.state, stored.state_on, stored.done) == (StepState.DONE, date(2026, 3, 19), True)
    assert "Indkalde til arbejdsdag" not in shown_texts(page)
    assert [e.step_state for e in follow_up.history(db, step_id=step)] == [StepState.DONE]


def test_O_drops_a_step(qtbot, db, page, filled) -> None:
    choose(page, filled["week"].id)
    dialog = stage_dialog(qtbot, page, Qt.Key.Key_O, StepStateDialog)
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    closed(qtbot, page)
    with db.session() as s:
        assert s.get_one(NextStep, filled["week"].id).state == StepState.DROPPED


def test_enter_opens_the_entry_with_its_history_and_a_correction_keeps_the_first(
        qtbot, db, page, filled) -> None:
    bench = filled["bench"].id
    choose(page, bench)
    press(page.desk.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.desk.detail is not None and page.desk.detail.isVisible())
    detail = page.desk.detail
    assert detail.title.full_text() == "Bænke på torvet"
    lines = [detail.history.item(i).text() for i in range(detail.history.count())]
    assert lines == ["12-03-2026 · Sendt til Teknik og Miljø (registreret af Mette Kragh den 20-03-2026)"]
    for answer, text in (("Afslået", "Nej"), ("Imødekommet", "Ja alligevel")):
        qtbot.mouseClick(detail.action_buttons["V"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(page.desk.dialog, AnswerDialog))
        dialog = page.desk.dialog
        qtbot.keyClicks(dialog.answer_combo, answer)
        retype(qtbot, dialog.text_edit, text)
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.desk.dialog is None and QApplication.activeWindow() is detail)
    lines = [detail.history.item(i).text() for i in range(detail.history.count())]
    assert len(lines) == 3
    assert "Svar: Afslået – «Nej»" in lines[1] and "Svar: Imødekommet – «Ja alligevel»" in lines[2]
    assert stored_ask(db, bench).answer is AskAnswer.GRANTED
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.desk.detail is None)


def test_the_latest_stage_taken_back_from_the_entry_stays_in_its_history(qtbot, db, page, filled) -> None:
    bench = filled["bench"].id
    choose(page, bench)
    press(page.desk.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.desk.detail is not None and page.desk.detail.isVisible())
    detail = page.desk.detail
    qtbot.mouseClick(detail.action_buttons["W"], Qt.MouseButton.LeftButton)
    assert page.desk.prompts.questions == ["Tag «sendt» tilbage? Historikken beholder det."]
    ask = stored_ask(db, bench)
    assert (ask.status, ask.forwarded_on) == (AskStatus.OPEN, None)
    lines = [detail.history.item(i).text() for i in range(detail.history.count())]
    assert len(lines) == 2 and lines[1].startswith("20-03-2026 · Taget tilbage: sendt")
    assert cell(page, "Bænke på torvet", DeskTableModel.STAGE) == "Registreret"


def test_the_desk_model_passes_the_model_tester(qtmodeltester, page) -> None:
    qtmodeltester.check(page.desk.model)
    qtmodeltester.check(page.desk.proxy)


def test_E_writes_a_danish_mail_draft_opens_it_and_marks_the_ask_sent(qtbot, db, tmp_path, page, filled) -> None:
    shelter = filled["shelter"].id
    choose(page, shelter)
    press(page.desk.table, Qt.Key.Key_E)
    assert len(page.opened_files) == 1
    path = page.opened_files[0]
    assert path.parent == tmp_path / "exports" and path.suffix == ".eml"
    with open(path, "rb") as file:
        message = email.message_from_binary_file(file, policy=policy.default)
    assert message["X-Unsent"] == "1"
    text = message.get_content()
    assert "Kære Teknik og Miljø" in text and "Idéen, ønsket hører til: Shelter ved stranden" in text
    assert "»Borgermøde i Knebel« den 3. marts 2026" in text and "Beløb: 12.500 kr." in text
    assert page.desk.prompts.questions == ["Markér som sendt i dag?"]
    ask = stored_ask(db, shelter)
    assert (ask.status, ask.forwarded_on, ask.department) == (AskStatus.FORWARDED, TODAY, "Teknik og Miljø")
    assert cell(page, "Tilskud til shelter", DeskTableModel.STAGE) == "Sendt til forvaltningen"
    assert "Mailudkastet er åbnet" in page.desk.message.text()


def test_E_answered_no_leaves_the_ask_unsent(qtbot, db, page, filled) -> None:
    page.desk.prompts = ScriptedPrompts(False)
    choose(page, filled["shelter"].id)
    press(page.desk.table, Qt.Key.Key_E)
    assert len(page.opened_files) == 1 and page.desk.prompts.questions
    assert stored_ask(db, filled["shelter"].id).forwarded_on is None


def test_esc_and_the_back_button_ask_for_the_start_page(qtbot, page) -> None:
    with qtbot.waitSignal(page.back_requested):
        press(page, Qt.Key.Key_Escape)
    with qtbot.waitSignal(page.back_requested):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)


def test_an_entry_captured_elsewhere_in_the_project_shows_at_once(qtbot, db, page, filled) -> None:
    from facilitator.services import capture

    capture.add_ask(db, filled["second"].id, capture.AskInput("Lys på stien", department="Teknik og Miljø"))
    page.desk._hub.asks_changed.emit(filled["second"].id)
    assert "Lys på stien" in shown_texts(page)
    assert page.desk.department_combo.findText("Teknik og Miljø") > 0


def test_a_tab_added_later_is_told_the_project(qtbot, page, filled) -> None:
    class Overview(QWidget):
        shown: list = []

        def set_project(self, project_id) -> None:
            self.shown.append(project_id)

    overview = Overview()
    page.add_tab(overview, "Overblik")
    assert overview.shown == [filled["project_id"]]
    page.show_project(filled["project_id"])
    assert overview.shown == [filled["project_id"]] * 2
    assert page.tabs.tabText(0) == "&Opfølgning" and page.tabs.currentWidget() is page.desk


def test_the_figures_line_names_the_quickest_the_slowest_and_the_longest_wait() -> None:
    from facilitator.domain.decision_path import DepartmentFigures
    from ui.follow_up.figures import figures_line

    def figure(name, median, slowest, waiting=False):
        return DepartmentFigures(name, 3, 2, 1, 0, median, slowest, waiting)

    figures = [figure("Kultur", 4.0, 6), figure("Veje og Trafik", 30.0, 80, True),
               figure("Teknik og Miljø", 12.0, 20)]
    assert figures_line(figures, None) == (
        "Svartider: 3 forvaltninger · hurtigst Kultur (median 4 dage) · "
        "langsomst Veje og Trafik (median 30 dage) · "
        "længste ventetid Veje og Trafik: 80 dage (venter stadig)")
    assert figures_line(figures, "Kultur") == "Svartid: Kultur: median 4 dage, længste 6 dage"
    assert figures_line([], None) == "Ingen ønsker er sendt til en forvaltning endnu."
