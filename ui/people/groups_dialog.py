"""Borgergrupper: a project's citizen groups, offered in «Foreslået af», «Ønsket af» and «Ansvarlig»."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import validation
from facilitator.i18n import _
from facilitator.services import groups, projects
from facilitator.services.rows import GroupRow
from facilitator.storage.database import Database
from ui.common.feedback import InlineMessage, attempt
from ui.common.focus import tab_leaves
from ui.people.groups_model import ROW_ROLE, GroupListModel
from ui.planning.planning_widgets import PLANNING_STYLE, buddy_label, button, fit_to_screen, heading


class GroupsDialog(QDialog):
    """Add, rename (F2) and remove (Delete) the groups of one project."""

    groups_changed = Signal()

    def __init__(self, db: Database, project_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._project_id = project_id
        project = projects.get_project(db, project_id)
        self.setWindowTitle(_("Borgergrupper – {project}").format(project=project.name))
        fit_to_screen(self, 560, 520)
        self.setStyleSheet(PLANNING_STYLE)
        self.message = InlineMessage()
        self.model = GroupListModel(self._rename, self)
        self.list = tab_leaves(QListView())
        self.list.setModel(self.model)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.list.setAlternatingRowColors(True)
        self.new_edit = QLineEdit()
        self.new_edit.setPlaceholderText(_("fx Shelter-gruppen"))
        self.new_edit.setMaxLength(validation.MAX_TITLE_LENGTH + 1)
        self.new_edit.setMinimumHeight(32)
        self.add_button = button(_("Tilføj"), "Enter")
        self.rename_button = button(_("Omdøb"), "F2")
        self.remove_button = button(_("Fjern"), "Delete")
        self.close_button = QPushButton(_("Luk"))
        for push in (self.add_button, self.rename_button, self.remove_button, self.close_button):
            # Enter in «Ny gruppe» adds the group; no button may take it and close the list.
            push.setAutoDefault(False)
        self.empty_label = QLabel(_("Ingen grupper endnu. Skriv den første herunder."))
        self.empty_label.setObjectName("hintText")
        self._build_layout(project.name)
        self._connect_signals()
        self.refresh()
        self.new_edit.setFocus()

    def _build_layout(self, project_name: str) -> None:
        title = heading(_("Borgergrupper – {project}").format(project=project_name), 15)
        hint = QLabel(_(
            "Grupperne foreslås, når du skriver, hvem der står bag en idé, et ønske eller et "
            "næste skridt. Skriv gruppens navn, ikke en persons. At omdøbe eller fjerne en "
            "gruppe her ændrer ikke det, der allerede er skrevet."))
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        adding = QHBoxLayout()
        adding.addWidget(buddy_label(_("&Ny gruppe:"), self.new_edit))
        adding.addWidget(self.new_edit, 1)
        adding.addWidget(self.add_button)
        actions = QHBoxLayout()
        actions.addWidget(self.rename_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(buddy_label(_("&Grupper i projektet:"), self.list))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        order = (self.list, self.new_edit, self.add_button, self.rename_button,
                 self.remove_button, self.close_button)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        self.new_edit.returnPressed.connect(self.add_group)
        self.add_button.clicked.connect(self.add_group)
        self.rename_button.clicked.connect(self.rename_chosen)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.close_button.clicked.connect(self.accept)
        # Delete removes only from the list: in the text field it deletes a character.
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list,
                  context=Qt.ShortcutContext.WidgetShortcut).activated.connect(self.remove_chosen)
        self.model.modelReset.connect(self._update_buttons)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)

    # ----- what is shown ---------------------------------------------------

    def refresh(self, chosen: uuid.UUID | None = None) -> None:
        """Reload the list; keep (or move to) the chosen group."""
        current = self.current_group()
        self.model.set_rows(groups.list_groups(self._db, self._project_id))
        wanted = chosen or (current.id if current else None)
        row = self.model.row_of(wanted) if wanted else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self.empty_label.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def current_group(self) -> GroupRow | None:
        """The chosen group, if any."""
        row = self.list.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, GroupRow) else None

    def _update_buttons(self) -> None:
        chosen = self.current_group() is not None
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # ----- actions ---------------------------------------------------------

    def add_group(self) -> None:
        """Keep the typed name as a new group."""
        name = self.new_edit.text()
        row = attempt(lambda: groups.add_group(self._db, self._project_id, name), self.message)
        if row is None:
            return
        self.new_edit.clear()
        self.refresh(row.id)
        self.message.show_info(_("«{name}» er tilføjet.").format(name=row.name))
        self.groups_changed.emit()

    def _rename(self, group_id: uuid.UUID, name: str) -> GroupRow | None:
        renamed = attempt(lambda: groups.rename_group(self._db, group_id, name), self.message)
        if renamed is not None:
            self.message.show_info(_("Gruppen hedder nu «{name}».").format(name=renamed.name))
            self.groups_changed.emit()
        return renamed

    def rename_chosen(self) -> None:
        """Edit the chosen group's name in place (as F2 in the list does)."""
        if self.current_group() is not None:
            self.list.setFocus()
            self.list.edit(self.list.currentIndex())

    def remove_chosen(self) -> None:
        """Take the chosen group off the list (entries that name it keep their text)."""
        group = self.current_group()
        if group is None:
            return
        removed = attempt(lambda: groups.remove_group(self._db, group.id), self.message)
        if removed is None:
            return
        self.refresh()
        self.message.show_info(_("«{name}» er fjernet fra listen.").format(name=removed.name))
        self.groups_changed.emit()
