"""Feeds the room view and puts its window on the right screen.

The presenter turns each `LiveState` the live page publishes, with the stored
ideas (read again when the hub says this meeting's ideas changed), into a
`RoomState`, and passes it on only when it differs: the projector and the
preview redraw when the room's content changes, not four times a second.

Where the window goes: the screen the official chose (remembered by name in
the preferences), else a screen that is not the laptop's own. With one screen,
or when the chosen one is the official's own, it is an ordinary window that
can be dragged. When screens come or go it is placed again: unplugging the
projector leaves it as a window on the laptop, plugging it back in returns it.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, QRect, QSettings, Qt, Signal, SignalInstance
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.live_state import LiveState
from facilitator.room_state import RoomOptions, RoomPriorities, RoomState, room_state
from facilitator.services import room
from facilitator.services.room import WallRedactor
from facilitator.services.rows import RoomIdea
from facilitator.storage.database import Database
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.room.room_window import RoomWindow

SCREEN_KEY = "room/screen"
DARK_KEY = "room/dark"

# An ordinary room window takes this share of its screen, centred: large enough to read,
# small enough to see that it is a window to drag.
WINDOW_SHARE = 0.7


class ScreenList(Protocol):
    """Where the screens come from: QtScreens in the app, a list a test edits."""

    @property
    def changed(self) -> SignalInstance: ...

    def screens(self) -> list[QScreen]: ...

    def primary(self) -> QScreen | None: ...


class RoomPresenter(QObject):
    """Computes what the room sees and shows it in the room window while presenting."""

    room_changed = Signal(object)  # RoomState
    presenting_changed = Signal(bool)
    options_changed = Signal(object)  # RoomOptions
    screens_changed = Signal()

    def __init__(
        self,
        db: Database,
        hub: ChangeHub,
        screens: ScreenList,
        anchor: QWidget,
        message: InlineMessage,
        preferences: QSettings | None = None,
    ) -> None:
        super().__init__(anchor)
        self._db = db
        self._screens = screens
        self._anchor = anchor  # the live page: its window is the official's screen
        self._message = message
        self._preferences = preferences
        self.meeting_id: uuid.UUID | None = None
        self.ideas: list[RoomIdea] = []
        self._redact: WallRedactor | None = None
        self._loaded_phase: uuid.UUID | None = None  # the agenda item whose ideas are read
        self.live: LiveState | None = None
        self.priorities: RoomPriorities | None = None
        dark = bool(preferences.value(DARK_KEY, False, type=bool)) if preferences else False
        self.options = RoomOptions(dark=dark)
        self.state = RoomState(dark=dark)
        self.window: RoomWindow | None = None
        self._chosen_here = ""  # the choice, when there are no preferences to keep it in
        hub.ideas_changed.connect(self._ideas_changed)
        # Who may be named changed: the wall's texts are anonymised again at once.
        hub.people_changed.connect(lambda _project_id: self._ideas_changed(self.meeting_id))
        screens.changed.connect(self._screens_changed)

    # ----- what the room sees ----------------------------------------------------------

    def show_live(self, live: LiveState) -> None:
        """A new live state from the live page (four times a second and after each action)."""
        meeting_id = live.phase.meeting_id
        self.live = live
        if meeting_id != self.meeting_id or live.phase.id != self._loaded_phase:
            self.meeting_id = meeting_id
            self._load()
        self._publish()

    def forget_meeting(self) -> None:
        """The meeting stopped running: stop presenting and forget its ideas."""
        self.stop()
        self.meeting_id, self.ideas, self._redact, self.live = None, [], None, None
        self._loaded_phase = None
        self.priorities = None
        self._publish()

    def set_priorities(self, priorities: RoomPriorities | None) -> None:
        """Show a priority round's bars instead of the ideas (None: back to the ideas)."""
        self.priorities = priorities
        self._publish()

    def _load(self) -> None:
        # Only the current item's ideas are read and anonymised (numbered across the meeting):
        # the cost of a new idea does not grow with a long meeting.
        meeting_id, live = self.meeting_id, self.live
        if meeting_id is None or live is None:
            return
        phase_id = live.phase.id
        loaded = attempt(lambda: room.room_content(self._db, meeting_id, phase_id),
                         self._message, clear=False)
        if loaded is not None:
            self.ideas, self._redact = loaded
            self._loaded_phase = phase_id

    def _ideas_changed(self, meeting_id: object) -> None:
        if meeting_id == self.meeting_id:
            self._load()
            self._publish()

    def _publish(self) -> None:
        live = self.live
        if live is None or self._redact is None:
            state = RoomState(blank=self.options.blank, dark=self.options.dark)
        else:
            state = room_state(live, self.ideas, self.options,
                               self.priorities, self._redact)
        if state == self.state:
            return
        self.state = state
        if self.window is not None:
            self.window.view.show_state(state)
        self.room_changed.emit(state)

    # ----- the official's choices ------------------------------------------------------

    def set_options(self, options: RoomOptions) -> None:
        """New choices for the room (the theme is remembered)."""
        if options == self.options:
            return
        self.options = options
        if self._preferences is not None and options.dark != self.state.dark:
            self._preferences.setValue(DARK_KEY, options.dark)
            self._preferences.sync()
        self.options_changed.emit(options)
        self._publish()

    def toggle_blank(self) -> None:
        """B: a blank screen for a pause, or back."""
        self.set_options(replace(self.options, blank=not self.options.blank))

    def toggle_dark(self) -> None:
        """Light or dark theme."""
        self.set_options(replace(self.options, dark=not self.options.dark))

    def toggle_time(self) -> None:
        """Show the time left in the item, or not (off by default)."""
        self.set_options(replace(self.options, show_time=not self.options.show_time))

    def toggle_grouping(self) -> None:
        """Group the ideas by theme, or list them as they came."""
        self.set_options(replace(self.options, group_by_theme=not self.options.group_by_theme))

    # ----- the screens -----------------------------------------------------------------

    def screens(self) -> list[QScreen]:
        """The screens there are now."""
        return self._screens.screens()

    def chosen_name(self) -> str:
        """The name of the screen the official chose ("" when none was chosen)."""
        if self._preferences is None:
            return self._chosen_here
        return str(self._preferences.value(SCREEN_KEY, "") or "")

    def choose_screen(self, name: str) -> None:
        """Present on the screen called `name` from now on (remembered)."""
        if name == self.chosen_name():
            return
        if self._preferences is not None:
            self._preferences.setValue(SCREEN_KEY, name)
            self._preferences.sync()
        else:
            self._chosen_here = name
        if self.window is not None:
            self._place(self.window)

    def target_screen(self) -> QScreen | None:
        """The chosen screen if it is there, else one that is not the laptop's, else the laptop's."""
        screens = self.screens()
        if not screens:
            return None
        chosen = self.chosen_name()
        for screen in screens:
            if chosen and screen.name() == chosen:
                return screen
        primary = self._screens.primary()
        others = [s for s in screens if s is not primary]
        return others[0] if others else screens[0]

    def official_screen(self) -> QScreen | None:
        """The screen the official's live page is on."""
        return self._anchor.window().screen()

    def full_screen_on(self, screen: QScreen | None) -> bool:
        """Full screen only on a second screen that is not the official's own."""
        official = self.official_screen()
        return (screen is not None and len(self.screens()) > 1
                and (official is None or screen.name() != official.name()))

    def _screens_changed(self) -> None:
        self.screens_changed.emit()
        if self.window is not None:
            self._place(self.window)

    # ----- presenting ------------------------------------------------------------------

    @property
    def presenting(self) -> bool:
        """Whether the room window is open."""
        return self.window is not None

    def toggle_presenting(self) -> None:
        """F5: open the room window, or close it."""
        if self.window is None:
            self.start()
        else:
            self.stop()

    def start(self) -> None:
        """Open the room window on its screen."""
        if self.window is not None:
            return
        window = RoomWindow()
        window.closed.connect(self._window_closed)
        window.view.show_state(self.state)
        self.window = window
        self._place(window)
        self.presenting_changed.emit(True)

    def stop(self) -> None:
        """Close the room window."""
        window = self.window
        if window is None:
            return
        self.window = None
        window.closed.disconnect(self._window_closed)
        window.close()
        window.deleteLater()
        self.presenting_changed.emit(False)

    def _window_closed(self) -> None:
        # Closed from outside (the window manager's close button): presenting has ended.
        window = self.window
        if window is not None:
            self.window = None
            window.deleteLater()
            self.presenting_changed.emit(False)

    def _place(self, window: RoomWindow) -> None:
        screen = self.target_screen()
        # The official goes on typing where they were (the live screen, «Prioritering»),
        # whatever the platform did on showing.
        # Placed again (a projector plugged in or out), the room window may be the active one.
        typing_in = QApplication.activeWindow()
        if typing_in is None or typing_in is window:
            typing_in = self._anchor.window()
        if screen is None:
            window.show()
            return
        # Shown through its state, not showFullScreen(): that would also take the keyboard.
        if self.full_screen_on(screen):
            window.setScreen(screen)
            window.setGeometry(screen.geometry())
            window.setWindowState(Qt.WindowState.WindowFullScreen)
        else:
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.setScreen(screen)
            room_rect = screen.availableGeometry()
            width = round(room_rect.width() * WINDOW_SHARE)
            height = round(room_rect.height() * WINDOW_SHARE)
            window.setGeometry(QRect(room_rect.x() + (room_rect.width() - width) // 2,
                                     room_rect.y() + (room_rect.height() - height) // 2,
                                     width, height))
        window.show()
        if typing_in.isVisible():
            typing_in.activateWindow()
