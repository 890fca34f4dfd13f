"""Søg (Ctrl+F): every idea, resource ask and next step of every project, found as one types.

↓ goes from the field to the results (↑ on the first goes back), Enter opens the
chosen result's meeting (the first result, from the field): its summary, or its
agenda when it has not been held yet (MainWindow.show_found_meeting). Esc closes.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.services import search
from facilitator.services.rows import SearchHitRow
from facilitator.storage.database import Database
from ui.common.feedback import InlineMessage, attempt
from ui.common.focus import tab_leaves
from ui.planning.planning_widgets import PLANNING_STYLE, buddy_label, fit_to_screen
from ui.search.search_model import ROW_ROLE, SearchResultDelegate, SearchResultModel

# Wait this long after a key before searching, so fast typing searches once.
DEBOUNCE_MS = 120
RESULT_LIMIT = 50
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SearchDialog(QDialog):
    """A search field and its results; choosing one emits `result_chosen` with its meeting id."""

    result_chosen = Signal(uuid.UUID)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(_("Søg – Facilitator"))
        self.setStyleSheet(PLANNING_STYLE)
        fit_to_screen(self, 760, 600)
        self.field = QLineEdit()
        self.field.setPlaceholderText(_("Søg i idéer, ressourceønsker og næste skridt …"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumHeight(36)
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        self.field.setFont(font)
        self.field.setAccessibleName(_("Søg"))
        self.message = InlineMessage()
        self.model = SearchResultModel(self)
        self.results = tab_leaves(QListView())  # Tab leaves the list, as in every list
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchResultDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setAccessibleName(_("Resultater"))
        self.status = QLabel()
        self.status.setObjectName("hintText")
        self.keys_hint = QLabel(_("↓ vælger et resultat · Enter åbner mødet · Esc lukker"))
        self.keys_hint.setObjectName("hintText")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._searched = ""
        self._build_layout()
        self._connect_signals()
        self._show_status()
        self.field.setFocus()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(8)
        # The heading is the field's label: Alt+S puts the cursor back in the field.
        title = buddy_label(_("&Søg i alle projekter"), self.field)
        font = title.font()
        font.setPointSize(15)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.keys_hint)

    def _connect_signals(self) -> None:
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self._timer.timeout.connect(self.run_search)
        self.results.activated.connect(lambda _index: self.open_current())
        self.results.doubleClicked.connect(lambda _index: self.open_current())
        self.field.installEventFilter(self)
        self.results.installEventFilter(self)

    # ----- searching --------------------------------------------------------------------------

    def run_search(self) -> None:
        """Search for what the field holds now (the debounce timer calls this)."""
        self._timer.stop()
        typed = self.field.text()
        hits = attempt(lambda: search.search(self._db, typed, RESULT_LIMIT), self.message)
        self._searched = typed
        self.model.set_rows(hits or [])
        if hits:
            self.results.setCurrentIndex(self.model.index(0))
        self._show_status()

    def _show_status(self) -> None:
        typed = self._searched.strip()
        count = self.model.rowCount()
        if not typed:
            text = _("Skriv et ord – fx »shelter« eller »sto« for »støj«.")
        elif count == 0:
            text = _("Intet fundet for »{typed}«.").format(typed=typed)
        elif count == 1:
            text = _("1 resultat")
        elif count >= RESULT_LIMIT:
            text = _("De første {count} resultater – skriv mere for at finde færre.").format(count=count)
        else:
            text = _("{count} resultater").format(count=count)
        self.status.setText(text)

    # ----- choosing ---------------------------------------------------------------------------

    def current_hit(self) -> SearchHitRow | None:
        """The result the cursor is on."""
        index = self.results.currentIndex()
        hit: SearchHitRow | None = index.data(ROW_ROLE) if index.isValid() else None
        return hit

    def open_current(self) -> None:
        """Open the chosen result's meeting and close the search."""
        if self._timer.isActive() or self._searched != self.field.text():
            self.run_search()  # Enter came before the pause: search what was typed first
        hit = self.current_hit()
        if hit is None:
            return
        self.result_chosen.emit(hit.meeting_id)
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """↓ from the field into the results, ↑ from the first result back; Enter opens."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key in _ENTER_KEYS:
            self.open_current()
            return True
        if watched is self.field and key == Qt.Key.Key_Down:
            if self._timer.isActive():
                self.run_search()
            if self.model.rowCount():
                self.results.setFocus()
                row = self.results.currentIndex().row()
                self.results.setCurrentIndex(self.model.index(max(row, 0)))
            return True
        if watched is self.results and key == Qt.Key.Key_Up and self.results.currentIndex().row() <= 0:
            self.field.setFocus()
            return True
        return super().eventFilter(watched, event)
