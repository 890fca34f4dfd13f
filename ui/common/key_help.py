"""F1: the current page's keys, in Danish, on a panel over the page.

A page's list comes from the shortcuts it really has: each QShortcut a page
makes is described here (`shortcut()`), and the overlay lists exactly those,
so it can never name a key that does nothing. Keys a widget handles itself
(Enter in a list) are added with `note()`. The live screen's keys are the
module-level LIVE_KEYS (the README's table "Tastatur under mødet"); a test
checks them against the live screen's shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import N_, _

KEY_HELP_KEYS = ("F1", "?")


@dataclass(frozen=True)
class PageKey:
    """Keys (portable QKeySequence text) and what they do (a Danish msgid, translated when shown)."""

    keys: tuple[str, ...]
    description: str


# The ideas' themes, wherever the capture lists are (live screen, corrections).
THEME_KEYS = PageKey(("T", "Ctrl+T"), N_("Tema for den valgte idé"))
THEME_BOARD_KEYS = PageKey(("Ctrl+Shift+T",), N_("Temaer: grupper idéerne"))

# The live screen's keys, as in the README's table "Tastatur under mødet".
LIVE_KEYS: tuple[PageKey, ...] = (
    PageKey(("1", "Ctrl+1"), N_("Borger taler")),
    PageKey(("2", "Ctrl+2"), N_("Embedsperson taler")),
    PageKey(("3", "Ctrl+3"), N_("Politiker taler")),
    PageKey(("0", "Ctrl+0"), N_("Stilhed")),
    PageKey(("S",), N_("Spørgsmål stillet – start ventetiden")),
    PageKey(("PgDown", "Alt+Right"), N_("Næste punkt")),
    PageKey(("PgUp", "Alt+Left"), N_("Forrige punkt")),
    PageKey(("Ctrl+I",), N_("Ny idé")),
    PageKey(("Ctrl+R",), N_("Nyt ressourceønske")),
    PageKey(("Ctrl+N",), N_("Nyt næste skridt")),
    THEME_KEYS,
    THEME_BOARD_KEYS,
    PageKey(("Esc",), N_("Luk beskeden")),
    PageKey(("Ctrl+Shift+S",), N_("Spørgsmål til salen")),
    PageKey(("Ctrl+Shift+P",), N_("Prioritering (prikafstemning)")),
    PageKey(("Ctrl++", "Ctrl+=", "Ctrl+-"), N_("Større / mindre tekst")),
    PageKey(("F5", "B"), N_("Storskærm: vis/stop · blank")),
    PageKey(("F6", "F7", "F8"), N_("Storskærm: mørk · tid · temaer")),
    PageKey(("Return", "Delete", "Ctrl+Z"), N_("I en liste: ret / slet / fortryd sletning")),
    PageKey(("Ctrl+Shift+A",), N_("Afslut mødet")),
)

# Keys a list of captured entries handles itself (CaptureTable), for pages that show one.
CAPTURE_LIST_KEYS = LIVE_KEYS[-2]


def shortcut(
    parent: QWidget,
    keys: str | QKeySequence | QKeySequence.StandardKey,
    description: str,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QShortcut:
    """A shortcut on `parent` that the F1 overlay lists with `description`."""
    made = QShortcut(QKeySequence(keys), parent)
    made.setContext(context)
    made.setWhatsThis(description)
    made.activated.connect(slot)
    return made


def note(page: QWidget, keys: Sequence[str], description: str) -> None:
    """A key `page` (or one of its widgets) handles without a QShortcut (`description` translated)."""
    notes: list[PageKey] = page.__dict__.setdefault("_key_notes", [])
    notes.append(PageKey(tuple(keys), description))


def key_text(keys: Sequence[str]) -> str:
    """Keys as the user reads them: "Ctrl+I", "PgDown / Alt+Right"."""
    native = QKeySequence.SequenceFormat.NativeText
    return " / ".join(QKeySequence(k).toString(native) or k for k in keys)


def described_keys(page: QWidget, enabled_only: bool = False) -> list[tuple[str, str]]:
    """(keys, description) of every described shortcut of `page` and its notes, in order."""
    grouped: dict[str, list[str]] = {}
    for made in page.findChildren(QShortcut):
        if made.whatsThis() and (made.isEnabled() or not enabled_only):
            keys = grouped.setdefault(made.whatsThis(), [])
            text = made.key().toString(QKeySequence.SequenceFormat.PortableText)
            if text not in keys:
                keys.append(text)
    rows = [(key_text(keys), description) for description, keys in grouped.items()]
    rows += [(key_text(n.keys), n.description) for n in page.__dict__.get("_key_notes", [])]
    return rows


class KeyOverlay(QWidget):
    """A dimmed layer over the page with a panel listing its keys; Esc, F1 or a click closes it."""

    def __init__(
        self, page: QWidget, title: str, rows: Sequence[tuple[str, str]], about_keys: str = ""
    ) -> None:
        super().__init__(page)
        self.setObjectName("keyOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.rows = list(rows)
        # Where the keyboard was: it goes back there when the overlay closes.
        self._previous = QApplication.focusWidget()
        self.panel = QFrame(self)
        self.panel.setObjectName("keyPanel")
        self.panel.setStyleSheet(
            "#keyPanel { background: rgba(252, 252, 250, 245); border: 2px solid #1f6f43;"
            " border-radius: 10px; }"
            " QLabel#keyCap { background: #eef3ef; border: 1px solid #8fa89a; border-radius: 5px;"
            " padding: 2px 8px; font-weight: bold; color: #10301f; }"
            " QLabel#keyTitle { font-weight: bold; color: #10301f; }"
            " QLabel#keyFooter { color: #444444; }"
        )
        self.title = QLabel(_("Tastatur – {page}").format(page=title))
        self.title.setObjectName("keyTitle")
        footer = _("F1 eller Esc lukker oversigten")
        if about_keys:
            footer += " · " + _("{keys}: Om Facilitator (versioner, datamappe, licenser)").format(
                keys=key_text([about_keys])
            )
        self.footer = QLabel(footer)
        self.footer.setObjectName("keyFooter")
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(4)  # the live screen's keys fit 1024×600 in one column
        self._cells: list[tuple[QLabel, QLabel]] = []
        for keys, description in self.rows:
            cap = QLabel(keys, self.panel)
            cap.setObjectName("keyCap")
            self._cells.append((cap, QLabel(description, self.panel)))
        self._columns: tuple[int, bool] = (0, False)
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(28, 20, 28, 18)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addLayout(self._grid)
        layout.addWidget(self.footer)
        page.installEventFilter(self)
        self._fit()

    def _arrange(self, columns: int, stacked: bool = False) -> None:
        """Lay the rows out in one to three columns; `stacked` puts each description under its keys.

        Stacked is the resort of a small screen (1024×600) with many keys: two or three columns
        of keys beside their descriptions are too wide for it in large type, one too tall.
        """
        if (columns, stacked) == self._columns:
            return
        self._columns = (columns, stacked)
        for cap, description in self._cells:
            self._grid.removeWidget(cap)
            self._grid.removeWidget(description)
        per_column = -(-len(self._cells) // columns)
        for index, (cap, description) in enumerate(self._cells):
            column, row = divmod(index, per_column)
            # Stacked, a description is indented under its keys, with air before the next keys.
            description.setContentsMargins(*((10, 0, 0, 5) if stacked else (0, 0, 0, 0)))
            if stacked:
                self._grid.addWidget(cap, 2 * row, column * 3, Qt.AlignmentFlag.AlignLeft)
                self._grid.addWidget(description, 2 * row + 1, column * 3)
            else:
                self._grid.addWidget(cap, row, column * 3, Qt.AlignmentFlag.AlignRight)
                self._grid.addWidget(description, row, column * 3 + 1)
        self._grid.setVerticalSpacing(3 if stacked else 6)
        for spacer in (2, 5):
            self._grid.setColumnMinimumWidth(spacer, 28 if columns > spacer // 3 + 1 else 0)

    def _fit(self) -> None:
        """Cover the page; the panel in its middle, in the largest type that fits."""
        page = self.parentWidget()
        if page is None:
            return
        self.setGeometry(page.rect())
        room = page.rect().adjusted(16, 12, -16, -12).size()
        layouts = (((2, False), (1, False), (2, True), (3, True)) if len(self._cells) > 8
                   else ((1, False),))
        for points in range(20, 8, -1):
            # Each label by itself: a style sheet on the panel stops fonts passing down.
            for label in self.panel.findChildren(QLabel):
                font = label.font()
                font.setPointSize(points + 4 if label is self.title else points)
                label.setFont(font)
            fits = False
            for columns, stacked in layouts:
                self._arrange(columns, stacked)
                self._grid.invalidate()
                panel_layout = self.panel.layout()
                if panel_layout is not None:
                    panel_layout.invalidate()
                hint = self.panel.sizeHint()
                fits = hint.width() <= room.width() and hint.height() <= room.height()
                if fits:
                    break
            if fits:
                break
        size = hint.boundedTo(room)
        self.panel.setGeometry(
            (self.width() - size.width()) // 2, (self.height() - size.height()) // 2,
            size.width(), size.height(),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Follow the page's size."""
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Dim the page so the panel stands out while the page stays recognisable."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(16, 32, 24, 150))

    def event(self, event: QEvent) -> bool:
        """Claim Esc, F1 and ? before the page's own shortcuts (Esc dismisses a nudge there)."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._closes(event):
                event.accept()
                return True
        return super().event(event)

    @staticmethod
    def _closes(event: QKeyEvent) -> bool:
        # Ctrl+F1 is not F1: it goes on to the window and opens «Om Facilitator».
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        return event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1, Qt.Key.Key_Question)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Esc, F1 or ? closes; every other key goes on to the page (1, 2, 3 still mark)."""
        if self._closes(event):
            self.close_overlay()
        else:
            event.ignore()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """A click anywhere closes it."""
        self.close_overlay()

    def show_overlay(self) -> None:
        """Show it on top and take the keyboard (to give it back on closing)."""
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        # A page key that moves the focus (Ctrl+T to a field) closes it: typing
        # under the dimmed panel, and Esc then acting on the page, would surprise.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.isVisible() and new is not None and new is not self and not self.isAncestorOf(new):
            self._previous = None  # the keyboard went somewhere on purpose: leave it there
            self.close_overlay()

    def close_overlay(self) -> None:
        """Hide it and give the keyboard back where it was."""
        page = self.parentWidget()
        if page is not None:
            page.removeEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            try:
                app.focusChanged.disconnect(self._focus_moved)
            except (RuntimeError, TypeError):  # never connected (closed before shown)
                pass
        self.hide()
        previous = self._previous
        if previous is not None and shiboken6.isValid(previous) and previous.isVisible():
            previous.setFocus(Qt.FocusReason.OtherFocusReason)
        self.deleteLater()


class KeyHelp(QObject):
    """F1 (and ? outside a text field) in a window: the keys of the page shown now."""

    def __init__(
        self,
        window: QWidget,
        pages: QStackedWidget,
        about: Callable[[], object] | None = None,
        about_keys: str = "Ctrl+F1",
    ) -> None:
        super().__init__(window)
        self._pages = pages
        # Ctrl+F1 opens «Om Facilitator»; every overlay says so at its foot.
        self._about_keys = about_keys if about is not None else ""
        if about is not None:
            QShortcut(QKeySequence(about_keys), window).activated.connect(about)
        self._titles: dict[int, str] = {}
        self._declared: dict[int, Sequence[PageKey]] = {}
        self.overlay: KeyOverlay | None = None
        for keys in KEY_HELP_KEYS:
            QShortcut(QKeySequence(keys), window).activated.connect(self.toggle)
        pages.currentChanged.connect(self.close)

    def declare(self, page: QWidget, title: str, keys: Sequence[PageKey] | None = None) -> None:
        """Name a page; `keys` lists its keys when they are not described shortcuts (live screen)."""
        self._titles[id(page)] = title
        if keys is not None:
            self._declared[id(page)] = keys

    def rows_for(self, page: QWidget) -> list[tuple[str, str]]:
        """What the overlay lists for `page`."""
        declared = self._declared.get(id(page))
        if declared is not None:
            # Keys a part of the page turns on for a while (the live screen's follow-up item)
            # are described shortcuts: listed while they work.
            return [(key_text(k.keys), _(k.description)) for k in declared] + described_keys(
                page, enabled_only=True)
        return described_keys(page)

    def toggle(self) -> None:
        """Show the overlay over the current page, or close it."""
        if self.overlay is not None and shiboken6.isValid(self.overlay) and self.overlay.isVisible():
            self.overlay.close_overlay()
            return
        page = self._pages.currentWidget()
        if page is None or id(page) not in self._titles:
            return
        self.overlay = KeyOverlay(
            page, self._titles[id(page)], self.rows_for(page), self._about_keys
        )
        self.overlay.show_overlay()

    def close(self) -> None:
        """Close an open overlay (the page changed under it)."""
        if self.overlay is not None and shiboken6.isValid(self.overlay) and self.overlay.isVisible():
            self.overlay.close_overlay()
        self.overlay = None
