"""The «Temaer» board's tree: themes as groups (and «Uden tema»), the ideas under them.

A drop is never carried out by the model itself: it names the idea and the theme
(`idea_dropped`), the board stores that, and the tree is rebuilt from what was
stored. Dropped on a theme, an idea takes that theme; dropped on an idea, it takes
that idea's theme.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from facilitator.domain.danish_order import danish_key
from facilitator.i18n import _
from facilitator.services.rows import IdeaRow

IDEA_MIME = "application/x-facilitator-idea-ids"
# The idea's id on an idea's item; the theme ("" for «Uden tema») on every item.
IDEA_ID_ROLE = Qt.ItemDataRole.UserRole + 31
THEME_ROLE = Qt.ItemDataRole.UserRole + 32
TOOLTIP_LIMIT = 400
GROUP_BACKGROUND = QColor("#e8efe9")

Index = QModelIndex | QPersistentModelIndex


def _one_line(text: str) -> str:
    return " ".join(text.split())


def group_label(theme: str, count: int) -> str:
    """A group's line: the theme (or «Uden tema») and how many ideas it holds."""
    name = theme or _("Uden tema")
    return _("{theme} ({count})").format(theme=name, count=count)


class ThemeBoardModel(QStandardItemModel):
    """Two levels: a theme, then its ideas in the order they were captured."""

    idea_dropped = Signal(object, str)  # idea id, theme

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def set_ideas(self, rows: Sequence[IdeaRow], extra_themes: Sequence[str] = ()) -> None:
        """Rebuild the tree: «Uden tema» first (what is left to group), then the themes A–Å."""
        groups: dict[str, list[IdeaRow]] = {"": []}
        spelling: dict[str, str] = {"": ""}
        for row in rows:
            key = spelling.setdefault(row.theme.casefold(), row.theme)
            groups.setdefault(key, []).append(row)
        for theme in extra_themes:
            spelling.setdefault(theme.casefold(), theme)
        themes = [""] + sorted((t for t in spelling.values() if t), key=danish_key)
        self.clear()
        root = self.invisibleRootItem()
        for theme in themes:
            members = groups.get(theme, [])
            group = QStandardItem(group_label(theme, len(members)))
            group.setData(theme, THEME_ROLE)
            group.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDropEnabled
            )
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            # A tinted band: each theme reads as a place to drop an idea on.
            group.setBackground(QBrush(GROUP_BACKGROUND))
            for row in members:
                group.appendRow(self._idea_item(row, theme))
            root.appendRow(group)

    def _idea_item(self, row: IdeaRow, theme: str) -> QStandardItem:
        item = QStandardItem(_one_line(row.title))
        item.setData(row.id, IDEA_ID_ROLE)
        item.setData(theme, THEME_ROLE)
        tip = _one_line(row.title)
        if row.detail:
            tip += "\n\n" + row.detail
        item.setToolTip(tip if len(tip) <= TOOLTIP_LIMIT else tip[:TOOLTIP_LIMIT] + "…")
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        return item

    # ----- reading -----------------------------------------------------------

    def themes(self) -> list[str]:
        """The groups' themes, as shown ("" for «Uden tema»)."""
        return [str(self.item(r).data(THEME_ROLE)) for r in range(self.rowCount())]

    def titles_under(self, theme: str) -> list[str]:
        """The titles of the ideas shown under a theme."""
        for r in range(self.rowCount()):
            group = self.item(r)
            if group.data(THEME_ROLE) == theme:
                return [group.child(c).text() for c in range(group.rowCount())]
        raise KeyError(theme)

    def index_of_idea(self, idea_id: uuid.UUID) -> QModelIndex:
        """Where an idea is shown (invalid if not)."""
        for r in range(self.rowCount()):
            group = self.item(r)
            for c in range(group.rowCount()):
                if group.child(c).data(IDEA_ID_ROLE) == idea_id:
                    return group.child(c).index()
        return QModelIndex()

    def first_idea(self) -> QModelIndex:
        """The first idea shown, or the first group when there is none."""
        for r in range(self.rowCount()):
            if self.item(r).rowCount():
                return self.item(r).child(0).index()
        return self.index(0, 0)

    def index_of_theme(self, theme: str) -> QModelIndex:
        """A theme's group (invalid if not shown); themes are one whatever their case."""
        for r in range(self.rowCount()):
            if str(self.item(r).data(THEME_ROLE)).casefold() == theme.casefold():
                return self.index(r, 0)
        return QModelIndex()

    # ----- drag and drop -----------------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        """Only ideas of this board are dragged and dropped."""
        return [IDEA_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt API
        """The dragged ideas' ids, one per line (groups are not dragged)."""
        ids = [str(i.data(IDEA_ID_ROLE)) for i in indexes if i.data(IDEA_ID_ROLE) is not None]
        data = QMimeData()
        data.setData(IDEA_MIME, QByteArray("\n".join(dict.fromkeys(ids)).encode("ascii")))
        return data

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        """An idea is moved to another theme."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        """An idea is moved, never copied."""
        return Qt.DropAction.MoveAction

    def drop_theme(self, parent: Index) -> str | None:
        """The theme a drop onto `parent` means (None: between the groups, no theme)."""
        if not parent.isValid():
            return None
        return str(parent.data(THEME_ROLE))

    def canDropMimeData(  # noqa: N802 - Qt API
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ideas onto a group or an idea."""
        return data.hasFormat(IDEA_MIME) and self.drop_theme(parent) is not None

    def dropMimeData(  # noqa: N802 - Qt API
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Name each dropped idea and its new theme; the board stores it and rebuilds the tree."""
        theme = self.drop_theme(parent)
        if theme is None or not data.hasFormat(IDEA_MIME):
            return False
        text = bytes(data.data(IDEA_MIME).data()).decode("ascii")
        try:
            ids = [uuid.UUID(line) for line in text.split() if line]
        except ValueError:
            return False
        for idea_id in ids:
            self.idea_dropped.emit(idea_id, theme)
        return bool(ids)
