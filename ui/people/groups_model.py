"""The list of a project's citizen groups: one row a group, renamed in place with F2."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from facilitator.services.rows import GroupRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class GroupListModel(QAbstractListModel):
    """Groups by name; editing a name calls `rename`, which returns the stored row or None."""

    def __init__(self, rename: Callable[[uuid.UUID, str], GroupRow | None], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupRow] = []
        self._rename = rename

    def set_rows(self, rows: Sequence[GroupRow]) -> None:
        """Show these groups (as the service lists them)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[GroupRow]:
        """The groups shown."""
        return list(self._rows)

    def row_of(self, group_id: uuid.UUID) -> int:
        """Where a group is, or -1."""
        return next((i for i, g in enumerate(self._rows) if g.id == group_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """How many groups (a list has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The name to show and to edit; the row itself for ROW_ROLE."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        group = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return group.name
        if role == ROW_ROLE:
            return group
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Groups can be chosen and renamed."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Rename through the service; a refused name leaves the row as it was."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        group = self._rows[index.row()]
        if str(value) == group.name:
            return False
        renamed = self._rename(group.id, str(value))
        if renamed is None:
            return False
        self._rows[index.row()] = renamed
        self.dataChanged.emit(index, index)
        return True
