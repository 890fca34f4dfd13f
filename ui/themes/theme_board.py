"""«Temaer»: a meeting's ideas grouped by theme; drag an idea onto a theme, or press T.

Every move is stored at once (`ideas.set_idea_theme`) and published on the hub, so
the capture lists, the overview and a room view follow; the board itself is
rebuilt from what was stored, never moved in place, so it cannot show a theme
the database does not hold. A theme added here (or emptied here) is only a place
to drop ideas while the board is open: themes are what the ideas carry, not
records of their own.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QDrag, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.services import capture, ideas, meetings
from facilitator.services.rows import IdeaRow
from facilitator.storage.database import Database
from ui.capture.entry_frame import suggest
from ui.common.actions import Change, run_action
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.focus import tab_leaves
from ui.common.key_help import shortcut
from ui.themes.board_model import IDEA_ID_ROLE, THEME_ROLE, ThemeBoardModel
from ui.themes.theme_dialog import ThemeDialog, open_theme_dialog


class ThemeTree(QTreeView):
    """The themes and their ideas; an idea is dragged by itself, a group stays put."""

    # Enter on an idea, as in the capture lists: its theme dialog.
    theme_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        # A drop lands on the line under the pointer, never between lines: the order of
        # the ideas is the order they were captured, so "between" would promise a place.
        self.setDragDropOverwriteMode(True)
        self.setDropIndicatorShown(True)
        self.setAutoExpandDelay(400)
        self.setAlternatingRowColors(False)
        # Roomy rows: a drop lands on the line meant, even on a small touchpad.
        self.setStyleSheet("QTreeView { font-size: 11pt; } QTreeView::item { padding: 4px 2px; }")
        tab_leaves(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter asks for the chosen idea's theme; other keys move as usual."""
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.theme_requested.emit()
        else:
            super().keyPressEvent(event)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N802 - Qt API
        """Drag the chosen idea; what happens to the tree is decided by what gets stored.

        Qt's own drag would take a moved row out of the model after the drop; here the
        model is rebuilt from the database instead, so nothing is removed by hand.
        """
        chosen = [i for i in self.selectedIndexes() if i.data(IDEA_ID_ROLE) is not None]
        model = self.model()
        if not chosen or model is None:
            return
        drag = QDrag(self)
        drag.setMimeData(model.mimeData(chosen))
        drag.exec(Qt.DropAction.MoveAction)


class ThemeBoard(QDialog):
    """A meeting's ideas by theme, to regroup by dragging or by keyboard."""

    def __init__(
        self, db: Database, hub: ChangeHub, meeting_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self.meeting_id = meeting_id
        self._rows: dict[uuid.UUID, IdeaRow] = {}
        self._added_themes: list[str] = []
        # What to select after the next rebuild: an idea's id or a theme.
        self._select_next: uuid.UUID | str | None = None
        self.theme_dialog: ThemeDialog | None = None
        self.setWindowTitle(_("Temaer"))
        self.setMinimumSize(480, 360)
        self.model = ThemeBoardModel(self)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.title.setWordWrap(True)
        hint = QLabel(
            _("Træk en idé over på et tema, eller vælg den og tryk T. "
              "Flytningen gemmes med det samme.")
        )
        hint.setWordWrap(True)
        self.tree = ThemeTree()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(_("Temaer og deres idéer"))
        self.new_theme = QLineEdit()
        self.new_theme.setPlaceholderText(_("Navn på et nyt tema"))
        self.new_theme.setClearButtonEnabled(True)
        new_label = QLabel(_("&Nyt tema:"))
        new_label.setBuddy(self.new_theme)
        self.add_button = QPushButton(_("Tilføj tema"))
        self.add_button.setAutoDefault(False)
        self.message = InlineMessage(self)
        self.close_button = QPushButton(_("Luk (Esc)"))
        self.close_button.setAutoDefault(False)
        self._build_layout(hint, new_label)
        self._connect_signals()
        self.reload()
        # The project's other themes, offered as one types a new one.
        known = attempt(lambda: ideas.project_themes(self._db, meeting_id), self.message)
        suggest(self.new_theme, known or [])
        self.tree.setFocus()

    def _build_layout(self, hint: QLabel, new_label: QLabel) -> None:
        adding = QHBoxLayout()
        adding.setSpacing(6)
        adding.addWidget(new_label)
        adding.addWidget(self.new_theme, 1)
        adding.addWidget(self.add_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    def _connect_signals(self) -> None:
        # Queued: the drop finishes in the view before the tree under it is rebuilt.
        self.model.idea_dropped.connect(self.move_idea, Qt.ConnectionType.QueuedConnection)
        self._hub.ideas_changed.connect(self._on_ideas_changed)
        self.new_theme.returnPressed.connect(self.add_theme)
        self.add_button.clicked.connect(self.add_theme)
        self.close_button.clicked.connect(self.reject)
        self.tree.doubleClicked.connect(lambda _index: self.theme_of_selected())
        self.tree.theme_requested.connect(self.theme_of_selected)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        shortcut(self, "T", _("Tema for den valgte idé"), self.theme_of_selected, context)
        shortcut(self, "Ctrl+T", _("Tema for den valgte idé"), self.theme_of_selected, context)

    # ----- showing -------------------------------------------------------------

    def _on_ideas_changed(self, meeting_id: object) -> None:
        if meeting_id == self.meeting_id:
            self.reload()

    def reload(self) -> None:
        """Read the meeting's ideas again and rebuild the tree, keeping what was selected."""
        meeting = attempt(lambda: meetings.get_meeting(self._db, self.meeting_id), self.message)
        rows = attempt(lambda: capture.list_ideas(self._db, self.meeting_id), self.message)
        if meeting is None or rows is None:
            return
        self.title.setText(_("Temaer: {title}").format(title=" ".join(meeting.title.split())))
        keep = self._select_next if self._select_next is not None else self._selected_key()
        self._select_next = None
        self._rows = {row.id: row for row in rows}
        # A theme shown once stays while the board is open, even emptied: the idea dragged
        # out of it by mistake can be dragged back.
        for row in rows:
            if row.theme and row.theme.casefold() not in {t.casefold() for t in self._added_themes}:
                self._added_themes.append(row.theme)
        self.model.set_ideas(rows, self._added_themes)
        self.tree.expandAll()
        self._select(keep)

    def _selected_key(self) -> uuid.UUID | str | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        idea_id = index.data(IDEA_ID_ROLE)
        return idea_id if idea_id is not None else str(index.data(THEME_ROLE))

    def _select(self, key: uuid.UUID | str | None) -> None:
        if isinstance(key, uuid.UUID):
            index = self.model.index_of_idea(key)
        elif isinstance(key, str):
            index = self.model.index_of_theme(key)
        else:
            index = QModelIndex()
        if not index.isValid():
            # The first idea still to be grouped (or the first idea at all) is where T acts.
            index = self.model.first_idea()
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def selected_idea(self) -> IdeaRow | None:
        """The idea chosen in the tree (None: a theme or nothing is chosen)."""
        idea_id = self.tree.currentIndex().data(IDEA_ID_ROLE)
        return self._rows.get(idea_id) if idea_id is not None else None

    # ----- changing --------------------------------------------------------------

    def _change(self) -> list[Change]:
        return [(self._hub.ideas_changed, self.meeting_id)]

    def move_idea(self, idea_id: uuid.UUID, theme: str) -> IdeaRow | None:
        """Give an idea the theme it was dropped on; stored at once."""
        row = self._rows.get(idea_id)
        if row is not None and row.theme.casefold() == theme.casefold():
            return row  # dropped where it was
        self._select_next = idea_id
        moved = run_action(
            lambda: ideas.set_idea_theme(self._db, idea_id, theme),
            self.message,
            self._change(),
        )
        if moved is None:
            self._select_next = None
        return moved

    def theme_of_selected(self) -> ThemeDialog | None:
        """Open the theme dialog for the chosen idea (T, Ctrl+T, Enter or a double click)."""
        idea = self.selected_idea()
        if idea is None:
            self.message.show_info(_("Vælg en idé i listen (pil op/ned) og tryk T."))
            return None
        if self.theme_dialog is not None:
            return None
        self._select_next = idea.id
        dialog = open_theme_dialog(
            self._db, idea, self._change(), self.message, self, self._added_themes
        )
        if dialog is not None:
            self.theme_dialog = dialog
            dialog.finished.connect(self._theme_dialog_closed)
        return dialog

    def _theme_dialog_closed(self) -> None:
        self.theme_dialog = None
        self._select_next = None
        self.tree.setFocus()

    def add_theme(self) -> None:
        """Add the typed theme as an empty group to drop ideas on."""
        theme = attempt(lambda: capture.clean_theme(self.new_theme.text()), self.message)
        if theme is None:
            return
        if not theme:
            self.message.show_info(_("Skriv navnet på det nye tema først."))
            return
        known = self.model.index_of_theme(theme).isValid()
        if not known:
            self._added_themes.append(theme)
        self._select_next = theme
        self.reload()
        self.new_theme.clear()
        self.tree.setFocus()
        if known:
            self.message.show_info(_("Temaet «{theme}» findes allerede.").format(theme=theme))
        else:
            # A theme lives on its ideas: one given to no idea is not kept when the board closes.
            self.message.show_info(
                _("Træk idéer over på «{theme}». Et tema uden idéer gemmes ikke.").format(
                    theme=theme))


def open_theme_board(
    db: Database, hub: ChangeHub, meeting_id: uuid.UUID, parent: QWidget
) -> ThemeBoard:
    """Open «Temaer» for a meeting over `parent` (Ctrl+Shift+T)."""
    board = ThemeBoard(db, hub, meeting_id, parent)
    board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    board.resize(min(720, max(parent.window().width() - 80, 480)),
                 min(640, max(parent.window().height() - 80, 360)))
    board.open()
    return board
