"""On the official's live screen: a small preview of what the room sees, the screen to
present on, and the room's options.

The preview is the room view itself, drawn at 1920×1080 off screen and scaled
down, only when what the room sees changes (never on the live screen's redraws).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from facilitator.i18n import _
from facilitator.room_state import RoomOptions, RoomState
from ui.room.presenter import RoomPresenter
from ui.room.room_view import RoomView

PREVIEW_SIZE = QSize(1920, 1080)  # the room view is drawn at this size, then scaled down
PREVIEW_WIDTH = 150  # at a 1366×768 window
PREVIEW_DELAY_MS = 100  # unnoticed in a small preview; the live screen's own redraw comes first


class PreviewPicture(QWidget):
    """The small picture of the wall, scaled to the widget, in a thin frame like a screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomPreview")
        self.picture = QPixmap()

    def set_picture(self, picture: QPixmap) -> None:
        """Show this picture."""
        self.picture = picture
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """The picture fills the frame (a stale one is stretched until the new one comes)."""
        painter = QPainter(self)
        inside = self.rect().adjusted(1, 1, -1, -1)
        if not self.picture.isNull():
            painter.drawPixmap(inside, self.picture)
        painter.setPen(QColor("#8a9a91"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


class RoomBox(QFrame):
    """Preview, screen chooser and options of the room view."""

    def __init__(self, presenter: RoomPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomBox")
        self.presenter = presenter
        self.preview_width = PREVIEW_WIDTH
        # Drawn off screen: a window of its own that is never shown on any screen.
        self.renderer = RoomView(self)
        self.renderer.setWindowFlag(Qt.WindowType.Window, True)
        self.renderer.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.renderer.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.renderer.resize(PREVIEW_SIZE)
        self._pending = presenter.state
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(PREVIEW_DELAY_MS)
        self._later.timeout.connect(self.draw_now)
        self.preview = PreviewPicture()
        self.preview.setToolTip(_("Det, salen ser på storskærmen"))
        self.present_button = QPushButton()
        self.present_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.screen_combo = QComboBox()
        # Alt+S or Tab reaches it; a click does not take the keyboard from the capture lists.
        self.screen_combo.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.screen_combo.setToolTip(_("Skærmen, storskærmsvisningen vises på (huskes)"))
        self.screen_label = QLabel(_("&Skærm:"))
        self.screen_label.setBuddy(self.screen_combo)
        self.blank_box = self._check(_("&Blank (B)"), _("Tom skærm til en pause (B)"))
        self.dark_box = self._check(_("&Mørk"), _("Mørkt tema (F6)"))
        self.time_box = self._check(_("&Tid"), _("Vis tiden tilbage i punktet (F7)"))
        self.theme_box = self._check(_("T&emaer"), _("Grupper idéerne efter tema (F8)"))
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.present_button)
        top.addWidget(self.screen_label)
        top.addWidget(self.screen_combo, 1)
        grid.addLayout(top, 0, 0)
        options = QHBoxLayout()
        for box in (self.blank_box, self.dark_box, self.time_box, self.theme_box):
            options.addWidget(box)
        options.addStretch(1)
        grid.addLayout(options, 1, 0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(grid, 1)
        self._connect_signals()
        self._fill_screens()
        self._show_presenting(presenter.presenting)
        self._show_options(presenter.options)
        self.render_preview(presenter.state)

    def _check(self, text: str, tip: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setToolTip(tip)
        box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return box

    def _connect_signals(self) -> None:
        presenter = self.presenter
        presenter.room_changed.connect(self.render_preview)
        presenter.presenting_changed.connect(self._show_presenting)
        presenter.options_changed.connect(self._show_options)
        presenter.screens_changed.connect(self._fill_screens)
        self.present_button.clicked.connect(presenter.toggle_presenting)
        self.screen_combo.activated.connect(self._screen_chosen)
        self.blank_box.toggled.connect(lambda on: self._set(blank=on))
        self.dark_box.toggled.connect(lambda on: self._set(dark=on))
        self.time_box.toggled.connect(lambda on: self._set(show_time=on))
        self.theme_box.toggled.connect(lambda on: self._set(group_by_theme=on))

    def _set(self, **changes: bool) -> None:
        self.presenter.set_options(replace(self.presenter.options, **changes))

    # ----- showing ----------------------------------------------------------------------

    def set_scale(self, scale: float) -> None:
        """The preview's width follows the window."""
        width = round(PREVIEW_WIDTH * scale)
        if width != self.preview_width or self.preview.picture.isNull():
            self.preview_width = width
            self.render_preview(self.presenter.state)

    def render_preview(self, state: RoomState) -> None:
        """Draw what the room sees, small — a moment later, so a key press repaints the live
        screen first (drawing the picture takes 20–50 ms); changes in between draw once."""
        self._pending = state
        # The place is kept at once, so the page's layout never jumps when the picture comes.
        self.preview.setFixedSize(self._preview_size())
        self._later.start()

    def _preview_size(self) -> QSize:
        width = self.preview_width
        return QSize(width, round(width * PREVIEW_SIZE.height() / PREVIEW_SIZE.width()))

    def draw_now(self) -> None:
        """Draw the waiting picture now (the timer's work; screenshots call it)."""
        self.renderer.show_state(self._pending)
        if not self.renderer.isVisible():
            self.renderer.show()  # never on a screen (WA_DontShowOnScreen): lays the view out
        picture: QPixmap = self.renderer.grab()
        width, height = self._preview_size().toTuple()
        self.preview.set_picture(picture.scaled(
            width, height, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def _show_presenting(self, presenting: bool) -> None:
        self.present_button.setText(
            _("Stop storskærm (F5)") if presenting else _("Storskærm (F5)"))

    def _show_options(self, options: RoomOptions) -> None:
        for box, on in ((self.blank_box, options.blank), (self.dark_box, options.dark),
                        (self.time_box, options.show_time), (self.theme_box, options.group_by_theme)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)

    def _fill_screens(self) -> None:
        target = self.presenter.target_screen()
        own = self.presenter.official_screen()
        self.screen_combo.clear()
        for screen in self.presenter.screens():
            name = screen.name()
            shown = name or _("Skærm")
            if own is not None and screen.name() == own.name():
                shown = _("{screen} (denne skærm)").format(screen=shown)
            self.screen_combo.addItem(shown, name)
        if target is not None:
            self.screen_combo.setCurrentIndex(max(0, self.screen_combo.findData(target.name())))

    def _screen_chosen(self, index: int) -> None:
        self.presenter.choose_screen(str(self.screen_combo.itemData(index)))
