"""The capture lists: two-line rows that read at a glance, and keys that act on them."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.capture.models import MARKER_ALERT_ROLE, MARKER_ROLE, NOTE_ROLE, SUBTITLE_ROLE
from ui.common.focus import tab_leaves

PAD_X = 12
PAD_Y = 7
LINE_GAP = 3
TAG_PAD = 8
ALERT_FILL = QColor("#fff1c9")
ALERT_BORDER = QColor("#b07d00")
ALERT_TEXT = QColor("#4a3500")
TAG_BORDER = QColor("#9aa5b1")
# At most this share of the second line goes to the theme; the rest to who and where.
NOTE_SHARE = 0.45


def _is_undo(event: QKeyEvent) -> bool:
    # Asked per event: a QKeySequence for a standard key needs the QApplication to exist.
    return event.matches(QKeySequence.StandardKey.Undo)


def muted(palette: QPalette) -> QColor:
    """Secondary text: between text and background, but dark enough for a washed-out projector."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    mix = 0.3  # share of the background; the placeholder colour (half transparent) is too faint
    return QColor(
        round(text.red() * (1 - mix) + base.red() * mix),
        round(text.green() * (1 - mix) + base.green() * mix),
        round(text.blue() * (1 - mix) + base.blue() * mix),
    )


def _one_line(text: str) -> str:
    # A pasted text may hold line breaks; a list row shows it on one line.
    return " ".join(text.split())


class EntryDelegate(QStyledItemDelegate):
    """Paints a row as its title with a tag at the right, and a quieter second line below."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        subtitle = QFont(option.font)
        subtitle.setPointSizeF(max(option.font.pointSizeF() - 1.0, 8.0))
        return title, subtitle

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:  # noqa: N802
        """Two lines of text with air around them."""
        title, subtitle = self._fonts(option)
        height = (
            QFontMetrics(title).height() + QFontMetrics(subtitle).height() + LINE_GAP + 2 * PAD_Y
        )
        return QSize(200, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Background and selection from the style; text drawn here."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_color = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        title_font, subtitle_font = self._fonts(opt)
        title_fm, subtitle_fm = QFontMetrics(title_font), QFontMetrics(subtitle_font)
        area = opt.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        title_rect = QRect(area.left(), area.top(), area.width(), title_fm.height())
        painter.save()
        marker = str(index.data(MARKER_ROLE) or "")
        if marker:
            # A couple of pixels of slack: eliding to the exact advance can clip the last letter.
            tag_width = min(title_fm.horizontalAdvance(marker) + 2 * TAG_PAD + 4, area.width() // 2)
            tag = QRect(
                area.right() - tag_width, title_rect.top() - 2, tag_width, title_fm.height() + 4
            )
            alert = bool(index.data(MARKER_ALERT_ROLE))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(ALERT_BORDER if alert else TAG_BORDER)
            painter.setBrush(ALERT_FILL if alert else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tag.adjusted(0, 0, -1, -1), 4, 4)
            painter.setFont(title_font)
            painter.setPen(ALERT_TEXT if alert else text_color)
            text = title_fm.elidedText(
                marker, Qt.TextElideMode.ElideRight, tag.width() - 2 * TAG_PAD
            )
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
            title_rect.setRight(tag.left() - TAG_PAD)
        painter.setFont(title_font)
        painter.setPen(text_color)
        title = title_fm.elidedText(
            _one_line(str(index.data() or "")), Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
        )
        sub_rect = QRect(
            area.left(), title_rect.bottom() + 1 + LINE_GAP, area.width(), subtitle_fm.height()
        )
        painter.setFont(subtitle_font)
        if not selected:
            painter.setPen(muted(opt.palette))
        note = _one_line(str(index.data(NOTE_ROLE) or ""))
        if note:
            # The theme sits at the right of the second line, in italics: all themes line up.
            note_font = QFont(subtitle_font)
            note_font.setItalic(True)
            note_fm = QFontMetrics(note_font)
            note_text = note_fm.elidedText(
                note, Qt.TextElideMode.ElideRight, int(sub_rect.width() * NOTE_SHARE)
            )
            painter.setFont(note_font)
            painter.drawText(
                sub_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, note_text
            )
            sub_rect.setRight(sub_rect.right() - note_fm.horizontalAdvance(note_text) - TAG_PAD)
            painter.setFont(subtitle_font)
        subtitle = _one_line(str(index.data(SUBTITLE_ROLE) or ""))
        if subtitle:
            text = subtitle_fm.elidedText(subtitle, Qt.TextElideMode.ElideRight, sub_rect.width())
            painter.drawText(
                sub_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
            )
        painter.restore()


class CaptureTable(QTableView):
    """A list that answers Enter (edit), Delete (delete) and Ctrl+Z (undo) itself."""

    edit_requested = Signal()
    delete_requested = Signal()
    undo_requested = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        tab_leaves(self)
        self.setItemDelegateForColumn(0, EntryDelegate(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.horizontalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        """Show the first column as two-line rows; the rest stay in the model for other views."""
        super().setModel(model)
        if model is None:
            return
        for column in range(1, model.columnCount()):
            self.setColumnHidden(column, True)
        self.verticalHeader().setDefaultSectionSize(self._row_height())

    def _row_height(self) -> int:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        return EntryDelegate(self).sizeHint(option, QModelIndex()).height()

    def current_row(self) -> int:
        """The selected row, or -1."""
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return rows[0].row() if rows else -1

    def event(self, event: QEvent) -> bool:
        """Claim Ctrl+Z before any window-wide shortcut, so undo here means undo a delete."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _is_undo(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter edits, Delete deletes, Ctrl+Z undoes; arrows move as usual."""
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.edit_requested.emit()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and plain:
            self.delete_requested.emit()
        elif _is_undo(event):
            self.undo_requested.emit()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """An empty list says how to fill it instead of showing a blank box."""
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(muted(self.palette()))
            rect = self.viewport().rect().adjusted(12, 8, -12, -8)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder
            )
