"""RowTableModel: columns declared once; Qt's questions answered; a refresh keeps the selection."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from ui.common.row_model import NUMBER, ROW_ROLE, TEXT, Column, RowTableModel

DISPLAY, ALIGN, TIP = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                       Qt.ItemDataRole.ToolTipRole)


@dataclass(frozen=True)
class Ask:
    id: int
    what: str
    amount: int | None


def model() -> RowTableModel[Ask]:
    return RowTableModel([
        Column("Ønske", lambda r: r.what),
        Column("Beløb", lambda r: r.amount, NUMBER),
    ])


ROWS = [Ask(1, "Shelter ved Agri Bavnehøj", 12500), Ask(2, "Bænke", None)]


def test_columns_give_headings_text_alignment_and_the_row(qtmodeltester) -> None:
    asks = model()
    asks.set_rows(ROWS)
    qtmodeltester.check(asks)
    assert [asks.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["Ønske", "Beløb"]
    assert asks.headerData(1, Qt.Orientation.Horizontal, ALIGN) == int(NUMBER.value)
    assert asks.headerData(0, Qt.Orientation.Vertical) is None
    assert asks.index(0, 1).data(DISPLAY) == "12500"
    assert asks.index(1, 1).data(DISPLAY) is None  # no amount: an empty cell, not "None"
    assert asks.index(0, 0).data(ALIGN) == int(TEXT.value)
    assert asks.index(0, 1).data(ALIGN) == int(NUMBER.value)
    assert asks.index(0, 0).data(TIP) == "Shelter ved Agri Bavnehøj"
    assert asks.index(1, 0).data(ROW_ROLE) is ROWS[1]
    assert asks.row_at(asks.index(1, 0)) is ROWS[1] and asks.row_at(1) is ROWS[1]
    assert asks.row_at(5) is None and asks.row_of(2) == 1 and asks.row_of(9) == -1


def test_the_same_rows_again_keep_the_selection_new_rows_reset(qtbot) -> None:
    asks = model()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(asks)
    asks.set_rows(ROWS)
    view.selectionModel().setCurrentIndex(
        asks.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    edited = [ROWS[0], Ask(2, "Bænke ved søen", 800)]
    with qtbot.assertNotEmitted(asks.modelReset), qtbot.waitSignal(asks.dataChanged):
        asks.set_rows(edited)
    assert view.currentIndex().row() == 1
    assert asks.index(1, 0).data() == "Bænke ved søen"
    with qtbot.waitSignal(asks.modelReset):
        asks.set_rows([Ask(3, "Et nyt ønske", None)])
    assert asks.rowCount() == 1 and asks.rows() == [Ask(3, "Et nyt ønske", None)]
    with qtbot.waitSignal(asks.modelReset):
        asks.set_rows([])
    assert asks.rowCount() == 0
