"""«Prioritering»: the citizens' dot vote, entered by keyboard while the room watches the bars.

Two steps in one dialog. First which ideas the citizens prioritise: every idea of the
meeting, or those of chosen agenda items (Enter starts the round; the ideas are numbered as
the room view shows them). Then the counts: the idea's number, Tab (or Space), the count,
Enter — stored at once, the number field ready for the next. Typing a number again
corrects its count; Enter on a row of the table puts its number in the field. Ctrl+N starts
another round (the earlier ones stay stored). Esc closes.

While the dialog is open, `round_changed` carries the round (for the room view's bars);
closing sends None.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.validation import ValidationError
from facilitator.i18n import _, ngettext
from facilitator.services import priorities
from facilitator.services.priorities import PriorityChoiceRow, PriorityRoundRow, ScopeChoice
from facilitator.storage.database import Database
from ui.common.actions import run_action
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.key_help import shortcut
from ui.common.row_model import NUMBER, Column, RowTableModel
from ui.common.unsaved import confirm_discard
from ui.planning.planning_widgets import (
    PLANNING_STYLE,
    button,
    fit_to_screen,
    heading,
    read_only_table,
)

# The bar column's width, in pixels, for the largest count.
BAR_WIDTH = 180
# The share of the largest count a row's bar shows (0..1), for the bar column's painter.
BAR_ROLE = Qt.ItemDataRole.UserRole + 7
BAR_COLOUR = QColor("#2f6f9f")


def whole_number(text: str, field: str, what: str) -> int:
    """A typed whole number (spaces and a thousands dot allowed), or a Danish refusal."""
    cleaned = text.strip().replace(".", "").replace(" ", "")
    if not cleaned:
        raise ValidationError(_("Skriv {what}.").format(what=what), field)
    if not cleaned.isdecimal() or not cleaned.isascii():
        raise ValidationError(_("Skriv {what} som et helt tal.").format(what=what), field)
    return int(cleaned)


def vote_words(votes: int) -> str:
    """"1 stemme", "23 stemmer"."""
    return ngettext("{n} stemme", "{n} stemmer", votes).format(n=votes)


def bar_share(votes: int, most: int) -> float:
    """How much of the bar column a count fills: its share of the largest count."""
    return votes / most if votes > 0 and most > 0 else 0.0


class ChoiceModel(RowTableModel[PriorityChoiceRow]):
    """The round's ideas by number: number, title, votes and a bar (the last column's painter)."""

    def __init__(self) -> None:
        self.most = 0
        super().__init__([
            Column(_("Nr."), lambda c: c.number, NUMBER),
            Column(_("Idé"), lambda c: c.title),
            Column(_("Stemmer"), lambda c: c.votes, NUMBER),
            Column("", lambda c: None),
        ])

    def show_round(self, round_row: PriorityRoundRow) -> None:
        """Show the round's choices."""
        self.most = max((c.votes for c in round_row.choices), default=0)
        self.set_rows(round_row.choices)
        if self.rowCount():  # every bar is measured against the largest count
            self.dataChanged.emit(self.index(0, 3), self.index(self.rowCount() - 1, 3))

    def extra_data(self, row: PriorityChoiceRow, column: int, role: int) -> Any:
        """The bar's share, for the bar column."""
        if role == BAR_ROLE and column == 3:
            return bar_share(row.votes, self.most)
        return None


class BarDelegate(QStyledItemDelegate):
    """Paints a row's votes as a bar in proportion to the largest count."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        """The cell's background, then the bar."""
        super().paint(painter, option, index)
        share = index.data(BAR_ROLE) or 0.0
        if share <= 0:
            return
        cell = option.rect.adjusted(6, 8, -6, -8)
        painter.fillRect(QRect(cell.left(), cell.top(), max(3, round(cell.width() * share)),
                               cell.height()), BAR_COLOUR)


class VotingDialog(QDialog):
    """Start a round over the meeting's ideas, then enter each idea's dots."""

    round_changed = Signal(object)  # PriorityRoundRow | None

    def __init__(
        self, db: Database, hub: ChangeHub, meeting_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self.meeting_id = meeting_id
        self.round: PriorityRoundRow | None = None
        self.setWindowTitle(_("Prioritering"))
        self.setStyleSheet(PLANNING_STYLE)
        self.message = InlineMessage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._scope_page())
        self.pages.addWidget(self._count_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        shortcut(self, "Ctrl+N", _("Ny runde"), self.new_round)
        fit_to_screen(self, 860, 640)
        latest = attempt(lambda: priorities.latest_round(db, meeting_id), self.message, clear=False)
        if latest is not None:
            self._show_round(latest)
        else:
            self.new_round()

    # ----- choosing the ideas ---------------------------------------------------------

    def _scope_page(self) -> QWidget:
        page = QWidget()
        self.scope_heading = heading(_("Hvilke idéer skal borgerne prioritere?"))
        hint = QLabel(_("Alle punkter med idéer er valgt. Mellemrum fravælger et punkt; "
                        "Enter starter runden."))
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        self.scope_list = QListWidget()
        self.scope_list.installEventFilter(self)
        self.start_button = button(_("Start prioriteringen (Enter)"), "Return")
        self.start_button.clicked.connect(self.start_round)
        self.start_button.setDefault(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.scope_heading)
        layout.addWidget(hint)
        layout.addWidget(self.scope_list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        return page

    def new_round(self) -> None:
        """Ctrl+N: choose the ideas of a new round (the earlier rounds stay stored)."""
        choices = attempt(lambda: priorities.scope_choices(self._db, self.meeting_id), self.message)
        self.scope_list.clear()
        for choice in choices or []:
            self.scope_list.addItem(self._scope_item(choice))
        if self.scope_list.count():
            self.scope_list.setCurrentRow(0)
        rounds = 0 if self.round is None else self.round.number
        self.start_button.setText(
            _("Start runde {n} (Enter)").format(n=rounds + 1) if rounds else
            _("Start prioriteringen (Enter)"))
        self.pages.setCurrentIndex(0)
        self.scope_list.setFocus()

    def _scope_item(self, choice: ScopeChoice) -> QListWidgetItem:
        text = _("{item} ({ideas})").format(
            item=choice.title, ideas=ngettext("{n} idé", "{n} idéer", choice.ideas).format(n=choice.ideas))
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, choice.phase_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        return item

    def chosen_items(self) -> list[uuid.UUID | None]:
        """The agenda items ticked (None: ideas captured outside any item)."""
        return [
            self.scope_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.scope_list.count())
            if self.scope_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def start_round(self) -> None:
        """Enter on the first step: number the chosen items' ideas and show them to the room."""
        chosen = self.chosen_items()
        everything = len(chosen) == self.scope_list.count()
        phase_ids = None if everything else chosen
        if not everything and not phase_ids:
            self.message.show_error(_("Vælg mindst ét punkt med idéer."))
            return
        run_action(
            lambda: priorities.start_round(self._db, self.meeting_id, phase_ids),
            self.message, [(self._hub.priorities_changed, self.meeting_id)],
            success=self._show_round,
        )

    # ----- entering the counts -----------------------------------------------------------

    def _count_page(self) -> QWidget:
        page = QWidget()
        self.round_heading = heading("")
        hint = QLabel(_("Skriv idéens nummer, Tab, antal stemmer, Enter. Et nummer igen retter "
                        "antallet. Ctrl+N: ny runde. Esc: luk."))
        self.count_hint = hint
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        self.model = ChoiceModel()
        self.table = read_only_table(self.model)
        self.table.installEventFilter(self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, widest in ((0, _("Nr.") + "0000"), (2, _("Stemmer") + "00")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, self.table.fontMetrics().horizontalAdvance(widest) + 24)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(3, BAR_WIDTH)
        self.table.setItemDelegateForColumn(3, BarDelegate(self.table))
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.number_field = QLineEdit()
        self.number_field.setAccessibleName(_("Idéens nummer"))
        self.number_field.setMaximumWidth(110)
        self.number_field.installEventFilter(self)
        self.count_field = QLineEdit()
        self.count_field.setAccessibleName(_("Antal stemmer"))
        self.count_field.setMaximumWidth(130)
        self.count_field.installEventFilter(self)
        self.save_button = QPushButton(_("Gem (Enter)"))
        self.save_button.clicked.connect(self.save_count)
        self.save_button.setAutoDefault(False)
        self.total_label = QLabel()
        entry = QHBoxLayout()
        number_label = QLabel(_("Idé &nr."))
        number_label.setBuddy(self.number_field)
        count_label = QLabel(_("&Stemmer"))
        count_label.setBuddy(self.count_field)
        for widget in (number_label, self.number_field, count_label, self.count_field,
                       self.save_button):
            entry.addWidget(widget)
        entry.addStretch(1)
        entry.addWidget(self.total_label)
        layout = QVBoxLayout(page)
        layout.addWidget(self.round_heading)
        layout.addWidget(hint)
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        return page

    def _show_round(self, round_row: PriorityRoundRow) -> None:
        self.round = round_row
        self.round_heading.setText(
            _("Prioritering – runde {n}").format(n=round_row.number))
        self.model.show_round(round_row)
        self.total_label.setText(
            _("I alt {votes} på {ideas}").format(
                votes=vote_words(round_row.total_votes),
                ideas=ngettext("{n} idé", "{n} idéer", len(round_row.choices)).format(
                    n=len(round_row.choices))))
        if self.pages.currentIndex() != 1:
            self.pages.setCurrentIndex(1)
            self.number_field.setFocus()
        self.round_changed.emit(round_row)

    def save_count(self) -> None:
        """Enter in the count field: store the idea's votes (a correction overwrites)."""
        round_row = self.round
        if round_row is None:
            return
        try:
            number = whole_number(self.number_field.text(), "number", _("idéens nummer"))
            votes = whole_number(self.count_field.text(), "votes", _("antallet af stemmer"))
        except ValidationError as refusal:
            self.message.show_error(str(refusal))
            (self.count_field if refusal.field == "votes" else self.number_field).setFocus()
            return
        saved = run_action(
            lambda: priorities.set_votes(self._db, round_row.id, number, votes),
            self.message, [(self._hub.priorities_changed, self.meeting_id)],
            success=self._show_round,
        )
        if saved is None:
            return
        self.number_field.clear()
        self.count_field.clear()
        self.number_field.setFocus()
        row = self.model.row_of(next(c.idea_id for c in saved.choices if c.number == number))
        self.table.selectRow(row)

    def _correct_selected(self) -> None:
        choice = self.model.row_at(self.table.currentIndex())
        if choice is None:
            return
        self.number_field.setText(str(choice.number))
        self.count_field.setText(str(choice.votes))
        self.count_field.setFocus()
        self.count_field.selectAll()

    # ----- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Enter/Space move from number to count, Enter saves; Enter on a row corrects it."""
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and watched in (self.number_field, self.count_field) and event.text().isalpha()):
            # The fields take digits only: a letter is left to the shortcuts (B blanks the wall).
            event.ignore()
            return True
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.number_field and (enter or key == Qt.Key.Key_Space):
            self.count_field.setFocus()
            self.count_field.selectAll()
            return True
        if watched is self.count_field and enter:
            self.save_count()
            return True
        if watched is self.table and enter:
            self._correct_selected()
            return True
        if watched is self.scope_list and enter:
            self.start_round()
            return True
        return super().eventFilter(watched, event)

    def add_room_keys(self, keys: Mapping[str, Callable[[], None]]) -> None:
        """The room view's keys (B, F5–F8) work here too: the wall stays in hand while counting."""
        for key, slot in keys.items():
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        if "B" in keys:
            self.count_hint.setText(self.count_hint.text() + " " + _("B: tom storskærm. "
                                                                     "Ctrl+tal: taler."))

    def forget_changes(self) -> None:
        """Clear a number or count typed but not stored: the next Esc closes without asking."""
        self.number_field.clear()
        self.count_field.clear()

    def reject(self) -> None:
        """Esc: a number or count typed but not yet stored with Enter is not thrown away unasked."""
        typed = self.number_field.text().strip() or self.count_field.text().strip()
        if typed and self.pages.currentIndex() == 1 and not confirm_discard(self):
            return
        super().reject()

    def done(self, result: int) -> None:
        """Closing (Esc, the window's cross): the room view leaves the votes."""
        self.round_changed.emit(None)
        super().done(result)
