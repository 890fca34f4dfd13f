"""The capture part of the live screen: ideas, resource asks and next steps, keyboard first."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.services import capture, meetings
from facilitator.services.rows import IdeaRow
from facilitator.storage.database import Database
from ui.capture.carried_by import CarriedBy
from ui.capture.entry_dialogs import AskDialog, EntryDialog, IdeaDialog, StepDialog
from ui.capture.lists import CaptureTable
from ui.capture.models import AskTableModel, CaptureTableModel, IdeaTableModel, StepTableModel
from ui.common.actions import Change, done, run_action
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.focus import give_focus
from ui.common.key_help import THEME_BOARD_KEYS, THEME_KEYS

if TYPE_CHECKING:
    # Imported where used: ui.themes uses ui.capture's widgets, so not at import time here.
    from ui.themes.theme_board import ThemeBoard
    from ui.themes.theme_dialog import ThemeDialog

KINDS = ("idea", "ask", "step")


@dataclass
class _Section:
    """One list: heading with count, its buttons and table."""

    heading: QLabel
    heading_text: str
    model: CaptureTableModel[Any]
    table: CaptureTable
    new_button: QToolButton
    edit_button: QToolButton
    delete_button: QToolButton
    buttons: QHBoxLayout
    widget: QWidget


def _button(text: str, tooltip: str) -> QToolButton:
    # Tool buttons: push buttons insist on 80 px each, too wide for three per list at ~900 px.
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tooltip)
    button.setMinimumHeight(32)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


class _SectionWidget(QWidget):
    """A list with its heading and buttons: side by side, or the buttons under a long heading.

    On a 1024 px wide screen the capture column is about 540 px: "Ressourceønsker (3)"
    and three buttons do not fit beside each other in half of that, and a clipped
    heading would hide the count.
    """

    def __init__(self, heading: QLabel, buttons: QHBoxLayout) -> None:
        super().__init__()
        self._heading = heading
        self._buttons = buttons
        # The heading never sets the list's minimum width; the buttons move under it instead.
        heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._top.setSpacing(6)
        self._top.addWidget(heading, 1)
        self._top.addLayout(buttons)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(6)
        self.body.addLayout(self._top)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Stack heading and buttons when both do not fit on one line."""
        super().resizeEvent(event)
        needed = self._heading.sizeHint().width() + self._buttons.sizeHint().width() + 6
        direction = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= needed
            else QBoxLayout.Direction.TopToBottom
        )
        if self._top.direction() != direction:
            self._top.setDirection(direction)


def _section(
    heading_text: str,
    new_text: str,
    new_tooltip: str,
    placeholder: str,
    model: CaptureTableModel[Any],
) -> _Section:
    heading = QLabel()
    heading.setObjectName("captureHeading")
    new_button = _button(new_text, new_tooltip)
    edit_button = _button(_("Ret"), _("Ret den valgte (Enter eller dobbeltklik)"))
    delete_button = _button(_("Slet"), _("Slet den valgte (Delete) — kan fortrydes med Ctrl+Z"))
    table = CaptureTable(placeholder)
    table.setModel(model)
    buttons = QHBoxLayout()
    buttons.setSpacing(6)
    buttons.addStretch(1)
    for button in (new_button, edit_button, delete_button):
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        buttons.addWidget(button)
    widget = _SectionWidget(heading, buttons)
    widget.body.addWidget(table, 1)
    return _Section(
        heading, heading_text, model, table, new_button, edit_button, delete_button, buttons, widget
    )


def place_over(dialog: QWidget, area: QWidget) -> None:
    """Put `dialog` over `area` and inside `area`'s window, never over the rest of the window.

    On the live screen the area is the capture lists: the left column with the
    speaker buttons stays in view while an idea is typed.
    """
    window = area.window()
    # Sizes are only right once the dialog is polished and its layout has run.
    dialog.ensurePolished()
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    bounds = window.geometry()
    # What the screen shows of the window (a window wider than a small screen is cut off).
    shown = bounds.intersected(window.screen().availableGeometry())
    if not shown.isEmpty():
        bounds = shown
    # The title bar a window manager adds above the dialog: as much as it adds to the window.
    title = max(bounds.top() - window.frameGeometry().top(), 0)
    bounds.setTop(bounds.top() + title)
    target = QRect(area.mapToGlobal(QPoint(0, 0)), area.size()).intersected(bounds)
    if target.isEmpty():
        return
    width = max(min(target.width(), 760), dialog.minimumSizeHint().width(), dialog.minimumWidth())
    height = min(max(dialog.sizeHint().height(), dialog.minimumSizeHint().height()), bounds.height())
    left = target.left() + max((target.width() - width) // 2, 0)
    left = max(min(left, bounds.right() + 1 - width), bounds.left())
    top = max(min(target.top() + title, bounds.bottom() + 1 - height), bounds.top())
    # A dialog taller or wider than a small (not maximised) window still stays whole on
    # the screen: Qt keeps a moved dialog where it is told, even half off the screen.
    screen = window.screen().availableGeometry()
    height = max(height, dialog.minimumSizeHint().height())
    # The dialog's own frame (title bar and borders), known once it is shown.
    extra_w = max(dialog.frameGeometry().width() - dialog.width(), 0)
    extra_h = max(dialog.frameGeometry().height() - dialog.height(), title)
    # move() places the frame (title bar included), so the title bar lands inside the window too.
    frame_top = max(min(top - title, screen.bottom() + 1 - height - extra_h), screen.top())
    left = max(min(left, screen.right() + 1 - width - extra_w), screen.left())
    dialog.resize(width, height)
    dialog.move(left, frame_top)


class CapturePanel(QWidget):
    """Ideas, resource asks and next steps of the loaded meeting: enter, edit, delete, undo."""

    entry_saved = Signal(str)  # "idea" / "ask" / "step"
    entry_opened = Signal(object)  # the quick-entry dialog, e.g. to add the live screen's keys

    def __init__(self, db: Database, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._meeting_id: uuid.UUID | None = None
        # Deleted entries, newest last: Ctrl+Z restores them one by one.
        self._deleted: list[tuple[str, uuid.UUID, str]] = []
        self.entry_dialog: EntryDialog | None = None
        self.theme_dialog: ThemeDialog | None = None
        self.theme_board: ThemeBoard | None = None
        self._entry_kind = "idea"  # the kind of the entry dialog open now (or last)
        self.sections = {
            "idea": _section(
                _("Idéer ({count})"),
                _("+ Ny idé"),
                _("Skriv en ny idé (Ctrl+I)"),
                _("Ingen idéer endnu.\nNy idé: Ctrl+I"),
                IdeaTableModel(self),
            ),
            "ask": _section(
                _("Ressourceønsker ({count})"),
                _("+ Nyt ønske"),
                _("Skriv et nyt ressourceønske (Ctrl+R)"),
                _("Ingen ressourceønsker endnu.\nNyt ønske: Ctrl+R"),
                AskTableModel(self),
            ),
            "step": _section(
                _("Næste skridt ({count})"),
                _("+ Nyt skridt"),
                _("Skriv et nyt næste skridt (Ctrl+N)"),
                _("Ingen næste skridt endnu.\nNyt skridt: Ctrl+N"),
                StepTableModel(self),
            ),
        }
        # The ideas' themes: one idea's (T) and the board of all (Ctrl+Shift+T).
        self.theme_button = _button(_("Tema"), _("Tema for den valgte idé (T)"))
        self.board_button = _button(_("Temaer …"), _("Grupper idéerne i temaer (Ctrl+Shift+T)"))
        idea_buttons = self.sections["idea"].buttons
        for button in (self.theme_button, self.board_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            idea_buttons.addWidget(button)
        self.undo_label = QLabel()
        self.undo_button = QPushButton(_("Fortryd (Ctrl+Z)"))
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.message = InlineMessage(self)
        self._build_layout()
        self._connect_signals()
        self._update_buttons()

    # ----- layout and wiring ----------------------------------------------

    def _build_layout(self) -> None:
        self.setStyleSheet(
            "#captureHeading { font-size: 14pt; font-weight: bold; }"
            " #undoBar { background: #eef3fb; border: 1px solid #9db4d8; border-radius: 4px; }"
        )
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(10, 4, 6, 4)
        self.undo_label.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(10)
        self.grid.setColumnStretch(0, 11)
        self.grid.setColumnStretch(1, 9)
        self.two_columns: bool | None = None
        # Whether the panel switches between side by side and stacked as its
        # width changes (the live screen); otherwise it stays side by side.
        self.follow_width = False
        self.set_two_columns(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.undo_bar)

    def two_column_width(self) -> int:
        """The width the asks and steps need side by side (below it they stack)."""
        ask = self.sections["ask"].widget.minimumSizeHint().width()
        step = self.sections["step"].widget.minimumSizeHint().width()
        return ask + step + self.grid.horizontalSpacing() + 16

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Side by side when there is room, stacked when not (if following the width)."""
        super().resizeEvent(event)
        if self.follow_width:
            self.set_two_columns(self.width() >= self.two_column_width())

    def set_two_columns(self, two: bool) -> None:
        """Asks and steps side by side under the ideas, or (on a narrow screen) all three stacked."""
        if two == self.two_columns:
            return
        self.two_columns = two
        for key in ("idea", "ask", "step"):
            self.grid.removeWidget(self.sections[key].widget)
        self.grid.addWidget(self.sections["idea"].widget, 0, 0, 1, 2)
        if two:
            self.grid.addWidget(self.sections["ask"].widget, 1, 0)
            self.grid.addWidget(self.sections["step"].widget, 1, 1)
            stretches = (5, 4, 0)
        else:
            self.grid.addWidget(self.sections["ask"].widget, 1, 0, 1, 2)
            self.grid.addWidget(self.sections["step"].widget, 2, 0, 1, 2)
            stretches = (4, 3, 3)
        for row, stretch in enumerate(stretches):
            self.grid.setRowStretch(row, stretch)

    def _connect_signals(self) -> None:
        # Bound methods, not lambdas: Qt drops them when the panel goes, though the hub stays.
        self._hub.ideas_changed.connect(self._on_ideas_changed)
        self._hub.asks_changed.connect(self._on_asks_changed)
        self._hub.steps_changed.connect(self._on_steps_changed)
        openers = {"idea": self.new_idea, "ask": self.new_ask, "step": self.new_step}
        for kind, section in self.sections.items():
            section.new_button.clicked.connect(openers[kind])
            section.edit_button.clicked.connect(lambda _c=False, k=kind: self.edit_selected(k))
            section.delete_button.clicked.connect(lambda _c=False, k=kind: self.delete_selected(k))
            section.table.edit_requested.connect(lambda k=kind: self.edit_selected(k))
            section.table.doubleClicked.connect(lambda _i, k=kind: self.edit_selected(k))
            section.table.delete_requested.connect(lambda k=kind: self.delete_selected(k))
            section.table.undo_requested.connect(self.undo_delete)
            section.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.undo_button.clicked.connect(self.undo_delete)
        self.theme_button.clicked.connect(self.theme_of_selected)
        self.board_button.clicked.connect(self.open_theme_board)
        # Undescribed here: the page that shows the panel lists these keys (LIVE_KEYS, a note).
        for keys, slot in ((THEME_KEYS.keys, self.theme_of_selected),
                           (THEME_BOARD_KEYS.keys, self.open_theme_board)):
            for key in keys:
                QShortcut(QKeySequence(key), self).activated.connect(slot)

    # ----- loading and refreshing -----------------------------------------

    def load(self, meeting_id: uuid.UUID) -> None:
        """Show this meeting's entries; undo offers from another meeting are dropped."""
        self._meeting_id = meeting_id
        self._deleted.clear()
        self._show_undo_offer()
        for kind in KINDS:
            self._refresh(kind)

    def _on_ideas_changed(self, meeting_id: object) -> None:
        # An idea's title also shows in the asks linked to it.
        self._refresh_if_loaded("idea", meeting_id)
        self._refresh_if_loaded("ask", meeting_id)

    def _on_asks_changed(self, meeting_id: object) -> None:
        self._refresh_if_loaded("ask", meeting_id)

    def _on_steps_changed(self, meeting_id: object) -> None:
        self._refresh_if_loaded("step", meeting_id)

    def _refresh_if_loaded(self, kind: str, meeting_id: object) -> None:
        if meeting_id == self._meeting_id:
            self._refresh(kind)

    def _refresh(self, kind: str) -> None:
        meeting_id = self._meeting_id
        if meeting_id is None:
            return
        listers: dict[str, Callable[[Database, uuid.UUID], Sequence[Any]]] = {
            "idea": capture.list_ideas, "ask": capture.list_asks, "step": capture.list_steps
        }
        lister = listers[kind]
        rows = attempt(lambda: lister(self._db, meeting_id), self.message)
        if rows is None:
            return
        section = self.sections[kind]
        selected = section.model.row_at(section.table.current_row())
        section.model.set_rows(rows)
        section.heading.setText(section.heading_text.format(count=len(rows)))
        self._select(kind, selected.id if selected is not None else None)
        self._update_buttons()

    def _select(self, kind: str, entry_id: uuid.UUID | None) -> None:
        table = self.sections[kind].table
        for position, row in enumerate(self.sections[kind].model.rows()):
            if row.id == entry_id:
                table.selectRow(position)
                table.scrollTo(table.model().index(position, 0))
                return

    def _update_buttons(self) -> None:
        for section in self.sections.values():
            chosen = section.table.current_row() >= 0
            section.edit_button.setEnabled(chosen)
            section.delete_button.setEnabled(chosen)
            section.new_button.setEnabled(self._meeting_id is not None)
        self.theme_button.setEnabled(self.sections["idea"].table.current_row() >= 0)
        self.board_button.setEnabled(self._meeting_id is not None)

    # ----- quick entry and editing ----------------------------------------

    def new_idea(self) -> None:
        """Open the quick entry for an idea."""
        self._edit_idea(None)

    def new_ask(self) -> None:
        """Open the quick entry for a resource ask."""
        self._edit_ask(None)

    def new_step(self) -> None:
        """Open the quick entry for a next step."""
        self._edit_step(None)

    def edit_selected(self, kind: str) -> None:
        """Open the selected entry of a list in its dialog, filled in."""
        section = self.sections[kind]
        row = section.model.row_at(section.table.current_row())
        if row is not None:
            {"idea": self._edit_idea, "ask": self._edit_ask, "step": self._edit_step}[kind](row)

    def _edit_idea(self, idea: Any) -> None:
        meeting_id = self._meeting_for_entry()
        if meeting_id is not None:
            meeting = attempt(lambda: meetings.get_meeting(self._db, meeting_id), self.message)
            places = meeting.places if meeting else ()
            ideas = self.sections["idea"].model.rows()
            self._open(IdeaDialog(self._db, meeting_id, places, ideas, idea, self), "idea")

    def _edit_ask(self, ask: Any) -> None:
        meeting_id = self._meeting_for_entry()
        if meeting_id is not None:
            ideas = self.sections["idea"].model.rows()
            asks = self.sections["ask"].model.rows()
            self._open(AskDialog(self._db, meeting_id, ideas, asks, ask, self), "ask")

    def _edit_step(self, step: Any) -> None:
        meeting_id = self._meeting_for_entry()
        if meeting_id is not None:
            steps = self.sections["step"].model.rows()
            self._open(StepDialog(self._db, meeting_id, steps, step, self), "step")

    def _meeting_for_entry(self) -> uuid.UUID | None:
        # An entry dialog opens only on a loaded meeting, and only one at a time.
        return self._meeting_id if self.entry_dialog is None else None

    def _open(self, dialog: EntryDialog, kind: str) -> None:
        # open(), not exec(): the live screen's clock keeps drawing and tests stay simple.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Saving publishes the change on the hub; `_saved` then only selects the entry.
        dialog.publish = [self._change(kind)]
        dialog.accepted.connect(lambda: self._saved(kind, dialog.saved_row))
        dialog.finished.connect(self._dialog_closed)
        self.entry_dialog = dialog
        self._entry_kind = kind
        # A person registered from the "carried by" field changes who may be named: the room
        # view, which hides the others' names, hears it at once, whether the entry is saved or not.
        for carried in dialog.findChildren(CarriedBy):
            carried.person_added.connect(
                lambda _person, c=carried: self._hub.people_changed.emit(c.choices.project_id))
        self.entry_opened.emit(dialog)
        dialog.open()
        # Placed once shown: its final size (with the speaker-keys line) is known only then.
        place_over(dialog, self)

    def _dialog_closed(self) -> None:
        self.entry_dialog = None
        self._focus_list(self._entry_kind)

    def _focus_list(self, kind: str) -> None:
        # A dialog closed: back to the list, not a text field, so a bare 1/2/3/0 or S reaches
        # the live screen.
        if self.isVisible():
            give_focus(self.sections[kind].table)

    def _saved(self, kind: str, row: Any) -> None:
        self._select(kind, row.id)
        self.entry_saved.emit(kind)

    def _change(self, kind: str) -> Change:
        """The hub's news that this meeting's ideas, asks or steps changed."""
        signal = {
            "idea": self._hub.ideas_changed,
            "ask": self._hub.asks_changed,
            "step": self._hub.steps_changed,
        }[kind]
        return (signal, self._meeting_id)


    # ----- themes ----------------------------------------------------------

    def selected_idea(self) -> IdeaRow | None:
        """The idea chosen in the ideas' list, if any."""
        section = self.sections["idea"]
        row: IdeaRow | None = section.model.row_at(section.table.current_row())
        return row

    def _dialog_open(self) -> bool:
        return any(d is not None for d in (self.entry_dialog, self.theme_dialog, self.theme_board))

    def theme_of_selected(self) -> ThemeDialog | None:
        """Open the theme dialog for the chosen idea (T, or Ctrl+T from a text field)."""
        if self._meeting_id is None or self._dialog_open():
            return None
        idea = self.selected_idea()
        if idea is None:
            self.message.show_info(_("Vælg en idé i listen og tryk T for at give den et tema."))
            return None
        from ui.themes.theme_dialog import open_theme_dialog

        dialog = open_theme_dialog(self._db, idea, [self._change("idea")], self.message, self)
        if dialog is not None:
            self.theme_dialog = dialog
            dialog.finished.connect(self._theme_dialog_closed)
        return dialog

    def open_theme_board(self) -> ThemeBoard | None:
        """Open «Temaer»: the meeting's ideas by theme, to drag or key into place."""
        meeting_id = self._meeting_id
        if meeting_id is None or self._dialog_open():
            return None
        from ui.themes.theme_board import open_theme_board

        board = open_theme_board(self._db, self._hub, meeting_id, self)
        self.theme_board = board
        board.finished.connect(self._theme_board_closed)
        return board

    def _theme_dialog_closed(self) -> None:
        self.theme_dialog = None
        self._focus_list("idea")

    def _theme_board_closed(self) -> None:
        self.theme_board = None
        self._focus_list("idea")

    # ----- delete and undo -----------------------------------------------

    def delete_selected(self, kind: str) -> None:
        """Delete the selected entry at once and offer to undo it."""
        section = self.sections[kind]
        position = section.table.current_row()
        row = section.model.row_at(position)
        if row is None:
            return
        label = row.title if kind == "idea" else row.what
        deleted = run_action(
            done(lambda: capture.delete_entry(self._db, kind, row.id)), self.message,
            [self._change(kind)],
            success=lambda _done: self._deleted.append((kind, row.id, label)),
        )
        if deleted is None:
            return
        # Keep the cursor in the list, on the row that took the deleted one's place.
        following = section.model.row_at(min(position, section.model.rowCount() - 1))
        self._select(kind, following.id if following else None)
        section.table.setFocus()
        self._show_undo_offer()

    def undo_delete(self) -> None:
        """Restore the entry deleted last."""
        if not self._deleted:
            return
        kind, entry_id, _label = self._deleted[-1]
        restored = run_action(
            done(lambda: capture.restore_entry(self._db, kind, entry_id)), self.message,
            [self._change(kind)], success=lambda _done: self._deleted.pop(),
        )
        if restored is None:
            return
        self._select(kind, entry_id)
        self._show_undo_offer()

    def _show_undo_offer(self) -> None:
        if not self._deleted:
            self.undo_bar.hide()
            return
        label = " ".join(self._deleted[-1][2].split())
        if len(label) > 90:
            label = label[:90] + "…"
        self.undo_label.setText(_("Slettet: {label}").format(label=label))
        self.undo_label.setToolTip(self._deleted[-1][2][:400])
        self.undo_bar.show()
