"""«Temaer»: the meeting's ideas grouped by theme; dragging an idea or pressing T regroups it."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from facilitator.services import capture
from facilitator.services.capture import IdeaInput
from tests.ui.window_keys import key
from ui.capture import CapturePanel
from ui.common.changes import ChangeHub
from ui.summary.summary_page import SummaryPage
from ui.themes import theme_board
from ui.themes.board_model import ThemeBoardModel
from ui.themes.theme_board import ThemeBoard

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
MOVE = Qt.DropAction.MoveAction


@pytest.fixture
def meeting(db, meeting_factory):
    earlier = meeting_factory(db, title="Borgermøde i Agri", scheduled_at=datetime(2026, 2, 1, 19))
    capture.add_idea(db, earlier.id, IdeaInput("Kulturnat", theme="Kultur"))
    meeting = meeting_factory(db)
    for title, theme in [("Flere busser om aftenen", "Trafik"), ("Shelter ved stranden", "natur"),
                         ("Fælles kalender", ""), ("Bænke ved havnen", "Natur"),
                         ("Madmarked om lørdagen", "")]:
        capture.add_idea(db, meeting.id, IdeaInput(title, theme=theme))
    return meeting


@pytest.fixture
def board(qtbot, db, meeting):
    hub = ChangeHub()
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1000, 700)
    parent.show()
    qtbot.waitExposed(parent)
    shown = theme_board.open_theme_board(db, hub, meeting.id, parent)
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    return SimpleNamespace(board=shown, hub=hub, meeting=meeting, parent=parent)


def themes_stored(db, meeting) -> dict[str, str]:
    return {i.title: i.theme for i in capture.list_ideas(db, meeting.id)}


def group_lines(board: ThemeBoard) -> list[str]:
    model = board.model
    return [model.item(r).text() for r in range(model.rowCount())]


def drop_on(qtbot, board: ThemeBoard, source_title: str, target_text: str) -> None:
    """Drag an idea and drop it on the line that reads `target_text`, as the view receives it."""
    tree, model = board.tree, board.model
    source = next(model.indexFromItem(i) for i in model.findItems(
        source_title, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive))
    target = next(model.indexFromItem(i) for i in model.findItems(
        target_text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive))
    tree.setCurrentIndex(source)
    data = model.mimeData([source])
    point = tree.visualRect(target).center()
    viewport = tree.viewport()
    buttons, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, MOVE, data, buttons, none)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, MOVE, data, buttons, none)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted(), "the tree refuses this drop"
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point), MOVE, data, buttons, none))


def test_the_board_shows_the_ideas_under_their_themes(board) -> None:
    shown = board.board
    assert shown.title.text() == "Temaer: Borgermøde i Knebel"
    # What is left to group first, then the themes A–Å; "natur" and "Natur" are one.
    assert group_lines(shown) == ["Uden tema (2)", "natur (2)", "Trafik (1)"]
    assert shown.model.titles_under("") == ["Fælles kalender", "Madmarked om lørdagen"]
    assert shown.model.titles_under("natur") == ["Shelter ved stranden", "Bænke ved havnen"]
    assert all(shown.tree.isExpanded(shown.model.index(r, 0)) for r in range(3))


def test_the_board_model_passes_the_model_tester(qtmodeltester, db, meeting) -> None:
    model = ThemeBoardModel()
    model.set_ideas(capture.list_ideas(db, meeting.id), ["Kultur"])
    qtmodeltester.check(model)


def test_dragging_an_idea_onto_a_theme_stores_it_at_once(qtbot, db, board) -> None:
    shown = board.board
    with qtbot.waitSignal(board.hub.ideas_changed) as changed:
        drop_on(qtbot, shown, "Fælles kalender", "Trafik (1)")
    assert changed.args == [board.meeting.id]
    assert themes_stored(db, board.meeting)["Fælles kalender"] == "Trafik"
    assert group_lines(shown) == ["Uden tema (1)", "natur (2)", "Trafik (2)"]
    assert shown.model.titles_under("Trafik") == ["Flere busser om aftenen", "Fælles kalender"]
    # The moved idea stays chosen, so T or another drag can follow.
    assert shown.tree.currentIndex().data() == "Fælles kalender"


def test_dropping_on_an_idea_means_its_theme(qtbot, db, board) -> None:
    with qtbot.waitSignal(board.hub.ideas_changed):
        drop_on(qtbot, board.board, "Madmarked om lørdagen", "Bænke ved havnen")
    assert themes_stored(db, board.meeting)["Madmarked om lørdagen"] == "natur"


def test_dragging_onto_uden_tema_clears_the_theme(qtbot, db, board) -> None:
    with qtbot.waitSignal(board.hub.ideas_changed):
        drop_on(qtbot, board.board, "Flere busser om aftenen", "Uden tema (2)")
    assert themes_stored(db, board.meeting)["Flere busser om aftenen"] == ""
    # The emptied theme stays while the board is open: the idea can be dragged back.
    assert group_lines(board.board) == ["Uden tema (3)", "natur (2)", "Trafik (0)"]


def test_a_drop_between_the_groups_or_from_elsewhere_changes_nothing(db, board) -> None:
    model = board.board.model
    source = model.indexFromItem(model.findItems(
        "Fælles kalender", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0])
    data = model.mimeData([source])
    root = model.index(-1, -1)
    assert not model.canDropMimeData(data, MOVE, 1, 0, root)
    assert not model.dropMimeData(data, MOVE, 1, 0, root)
    from PySide6.QtCore import QMimeData

    text = QMimeData()
    text.setText("Fælles kalender")
    assert not model.canDropMimeData(text, MOVE, -1, -1, model.index(1, 0))
    assert themes_stored(db, board.meeting)["Fælles kalender"] == ""


def test_a_drag_starts_with_the_chosen_idea_and_removes_nothing(qtbot, board, monkeypatch) -> None:
    started: list[object] = []

    class RecordingDrag:
        def __init__(self, source: object) -> None:
            self.source = source

        def setMimeData(self, data) -> None:  # noqa: N802 - Qt API
            started.append(bytes(data.data("application/x-facilitator-idea-ids").data()))

        def exec(self, action) -> Qt.DropAction:
            started.append(action)
            return MOVE  # as if dropped elsewhere: the view must not take the row out

    monkeypatch.setattr(theme_board, "QDrag", RecordingDrag)
    shown = board.board
    tree, model = shown.tree, shown.model
    idea = model.index(0, 0, model.index(0, 0))
    rect = tree.visualRect(idea)
    QTest.mousePress(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseMove(tree.viewport(), rect.center() + QPoint(40, 30))
    QTest.mouseRelease(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    row = shown._rows[model.index(0, 0, model.index(0, 0)).data(theme_board.IDEA_ID_ROLE)]
    assert started == [str(row.id).encode(), MOVE]
    assert group_lines(shown) == ["Uden tema (2)", "natur (2)", "Trafik (1)"]
    assert model.titles_under("") == ["Fælles kalender", "Madmarked om lørdagen"]


def test_a_new_theme_is_a_group_to_drop_ideas_on(qtbot, db, board) -> None:
    shown = board.board
    shown.new_theme.setFocus()
    qtbot.keyClicks(shown.new_theme, "  Kultur  og  idræt ")
    qtbot.keyClick(shown.new_theme, Qt.Key.Key_Return)
    assert group_lines(shown) == ["Uden tema (2)", "Kultur og idræt (0)", "natur (2)", "Trafik (1)"]
    assert shown.new_theme.text() == ""
    assert shown.tree.currentIndex().data() == "Kultur og idræt (0)"
    # Nothing is stored until an idea is given the theme, and the board says so.
    assert shown.message.text() == (
        "ℹ Træk idéer over på «Kultur og idræt». Et tema uden idéer gemmes ikke.")
    assert "Kultur og idræt" not in themes_stored(db, board.meeting).values()
    with qtbot.waitSignal(board.hub.ideas_changed):
        drop_on(qtbot, shown, "Madmarked om lørdagen", "Kultur og idræt (0)")
    assert themes_stored(db, board.meeting)["Madmarked om lørdagen"] == "Kultur og idræt"
    assert group_lines(shown) == ["Uden tema (1)", "Kultur og idræt (1)", "natur (2)", "Trafik (1)"]


def test_a_theme_that_exists_is_not_added_twice(qtbot, board) -> None:
    shown = board.board
    qtbot.keyClicks(shown.new_theme, "NATUR")
    qtbot.keyClick(shown.new_theme, Qt.Key.Key_Return)
    assert group_lines(shown) == ["Uden tema (2)", "natur (2)", "Trafik (1)"]
    assert shown.message.text() == "ℹ Temaet «NATUR» findes allerede."
    assert shown.tree.currentIndex().data() == "natur (2)"


def test_t_on_the_chosen_idea_opens_the_theme_dialog(qtbot, db, board) -> None:
    shown = board.board
    model = shown.model
    shown.tree.setFocus()
    shown.tree.setCurrentIndex(model.index(1, 0, model.index(0, 0)))  # Madmarked om lørdagen
    QTest.keyClick(shown.windowHandle(), Qt.Key.Key_T)
    qtbot.waitUntil(lambda: shown.theme_dialog is not None and shown.theme_dialog.isVisible())
    dialog = shown.theme_dialog
    assert dialog.idea.title == "Madmarked om lørdagen"
    # The project's themes (another meeting's "Kultur" too), once each.
    assert [dialog.combo.itemText(i) for i in range(dialog.combo.count())] == [
        "Kultur", "natur", "Trafik"]
    with qtbot.waitSignal(board.hub.ideas_changed):
        qtbot.keyClicks(dialog.combo.lineEdit(), "Mad og marked")
        qtbot.keyClick(dialog.combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown.theme_dialog is None)
    assert themes_stored(db, board.meeting)["Madmarked om lørdagen"] == "Mad og marked"
    assert "Mad og marked (1)" in group_lines(shown)
    assert shown.tree.currentIndex().data() == "Madmarked om lørdagen"


def test_ctrl_t_works_from_the_new_theme_field(qtbot, board) -> None:
    shown = board.board
    model = shown.model
    shown.tree.setCurrentIndex(model.index(0, 0, model.index(2, 0)))  # Flere busser om aftenen
    shown.new_theme.setFocus()
    QTest.keyClick(shown.windowHandle(), Qt.Key.Key_T)
    assert shown.theme_dialog is None
    assert shown.new_theme.text() == "t"
    QTest.keyClick(shown.windowHandle(), Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: shown.theme_dialog is not None)
    assert shown.theme_dialog.idea.title == "Flere busser om aftenen"


def test_t_on_a_theme_says_to_choose_an_idea(qtbot, board) -> None:
    shown = board.board
    shown.tree.setFocus()
    shown.tree.setCurrentIndex(shown.model.index(1, 0))
    QTest.keyClick(shown.windowHandle(), Qt.Key.Key_T)
    assert shown.theme_dialog is None
    assert "Vælg en idé" in shown.message.text()


def test_a_change_made_elsewhere_shows_on_the_board(qtbot, db, board) -> None:
    idea = capture.add_idea(db, board.meeting.id, IdeaInput("Legeplads", theme="Børn"))
    board.hub.ideas_changed.emit(board.meeting.id)
    assert "Børn (1)" in group_lines(board.board)
    capture.delete_entry(db, "idea", idea.id)
    board.hub.ideas_changed.emit(board.meeting.id)
    assert "Børn (1)" not in group_lines(board.board)


def test_esc_closes_the_board(qtbot, board) -> None:
    with qtbot.waitSignal(board.board.finished):
        QTest.keyClick(board.board.windowHandle(), Qt.Key.Key_Escape)


def test_ctrl_shift_t_opens_the_board_from_the_capture_lists(qtbot, db, meeting) -> None:
    window = QWidget()
    hub = ChangeHub(window)
    panel = CapturePanel(db, hub, window)
    QVBoxLayout(window).addWidget(panel)
    qtbot.addWidget(window)
    window.resize(1000, 640)
    window.show()
    qtbot.waitExposed(window)
    panel.load(meeting.id)
    key(qtbot, window, Qt.Key.Key_T, CTRL_SHIFT)
    qtbot.waitUntil(lambda: panel.theme_board is not None and panel.theme_board.isVisible())
    board = panel.theme_board
    with qtbot.waitSignal(hub.ideas_changed):
        drop_on(qtbot, board, "Fælles kalender", "natur (2)")
    # The capture list heard of it on the hub and shows the new theme.
    model = panel.sections["idea"].model
    assert [r.theme for r in model.rows()][2] == "natur"
    board.reject()
    qtbot.waitUntil(lambda: panel.theme_board is None)


def test_ctrl_shift_t_opens_the_board_from_the_summary(qtbot, db, meeting) -> None:
    page = SummaryPage(db, hub=ChangeHub())
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.load(meeting.id)
    page.show()
    qtbot.waitExposed(page)
    key(qtbot, page, Qt.Key.Key_T, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ThemeBoard))
    shown = QApplication.activeModalWidget()
    assert shown.meeting_id == meeting.id
    assert group_lines(shown) == ["Uden tema (2)", "natur (2)", "Trafik (1)"]
    shown.reject()


def test_the_new_theme_field_offers_the_projects_themes(qtbot, board) -> None:
    shown = board.board
    completer = shown.new_theme.completer()
    qtbot.keyClicks(shown.new_theme, "ul")
    offered = [completer.completionModel().index(r, 0).data()
               for r in range(completer.completionCount())]
    assert offered == ["Kultur"]


def test_a_drop_near_the_edge_of_a_line_still_means_that_line(qtbot, db, board) -> None:
    shown = board.board
    tree, model = shown.tree, shown.model
    source = model.index(0, 0, model.index(0, 0))  # Fælles kalender, no theme
    target = model.index(2, 0)  # Trafik (1)
    tree.setCurrentIndex(source)
    data = model.mimeData([source])
    edge = tree.visualRect(target).topLeft() + QPoint(60, 1)
    buttons, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(tree.viewport(), QDragEnterEvent(edge, MOVE, data, buttons, none))
    QApplication.sendEvent(tree.viewport(), QDragMoveEvent(edge, MOVE, data, buttons, none))
    with qtbot.waitSignal(board.hub.ideas_changed):
        QApplication.sendEvent(tree.viewport(), QDropEvent(QPointF(edge), MOVE, data, buttons, none))
    assert themes_stored(db, board.meeting)["Fælles kalender"] == "Trafik"


def test_enter_or_a_double_click_on_an_idea_opens_its_theme_dialog(qtbot, board) -> None:
    shown = board.board
    tree, model = shown.tree, shown.model
    tree.setFocus()
    tree.setCurrentIndex(model.index(0, 0, model.index(1, 0)))  # Shelter ved stranden
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown.theme_dialog is not None)
    assert shown.theme_dialog.idea.title == "Shelter ved stranden"
    qtbot.keyClick(shown.theme_dialog.combo.lineEdit(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shown.theme_dialog is None)
    bench = model.index(1, 0, model.index(1, 0))  # Bænke ved havnen
    # A double click is a click and then a second, quick one.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(bench).center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton,
                      pos=tree.visualRect(bench).center())
    qtbot.waitUntil(lambda: shown.theme_dialog is not None)
    assert shown.theme_dialog.idea.title == "Bænke ved havnen"
