"""The live screen: status on the left, capture on the right, everything on the keyboard."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.clock import Clock
from facilitator.domain.enums import PhaseKind, Role
from facilitator.domain.formats import clock_time, duration_words, stopwatch
from facilitator.i18n import _, ngettext
from facilitator.live_meeting import LiveMeeting
from facilitator.live_state import Cue, LiveState
from facilitator.room_state import room_priorities
from facilitator.services import capture
from facilitator.services.capture import EntryCounts
from facilitator.services.rows import GapRow
from facilitator.storage.database import Database
from ui.capture.panel import CapturePanel
from ui.common.actions import run_action
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.pixels import set_px
from ui.live.follow_up_box import FollowUpBox
from ui.live.live_controls import SPEAKER_KEYS, LiveControls
from ui.live.live_status import TITLE_PX, LiveStatusView
from ui.planning.planning_widgets import PLANNING_STYLE, ElidedLabel
from ui.planning.question_dialog import QUESTION_KEYS, QuestionDialog
from ui.priorities.voting_dialog import VotingDialog
from ui.room.presenter import RoomPresenter, ScreenList
from ui.room.room_box import RoomBox
from ui.room.screens import QtScreens

# The screen redraws four times a second; every figure is computed from the
# clock, so a late or skipped redraw never changes a stored time.
REDRAW_MS = 250

# "Large text" steps for an official who stands further from the laptop.
TEXT_SCALES = (1.0, 1.15, 1.3, 1.5)
TEXT_SCALE_KEY = "live/text_scale"


class LivePage(QWidget):
    """Runs one meeting."""

    meeting_closed = Signal(object)  # meeting id
    # The live state, published once per redraw and after every action: the
    # status column draws it, and a second screen can draw from it too.
    state_changed = Signal(object)  # LiveState
    # The priority round open in «Prioritering» (a PriorityRoundRow), None when it closes:
    # the room view shows its bars while it is open.
    priorities_shown = Signal(object)

    def __init__(
        self,
        db: Database,
        hub: ChangeHub,
        clock: Clock,
        parent: QWidget | None = None,
        preferences: QSettings | None = None,
        screens: ScreenList | None = None,
    ) -> None:
        super().__init__(parent)
        self._screens = screens
        self._db = db
        self._hub = hub
        self._clock = clock
        self._preferences = preferences
        self.running: LiveMeeting | None = None
        self.voting: VotingDialog | None = None
        self.state: LiveState | None = None
        self.text_scale = self._saved_text_scale()
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._build()
        self._create_shortcuts()
        self._connect_signals()

    def _build(self) -> None:
        self.title = ElidedLabel()
        self.meeting_clock = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.meeting_clock)

        self.status = LiveStatusView()
        self.controls = LiveControls()
        self.status.controls_slot.addWidget(self.controls)
        # Scrolls vertically only as a last resort (large text on a small
        # screen); at 1024×600 and up the column fits without a scroll bar.
        self.status_area = QScrollArea()
        self.status_area.setWidget(self.status)
        self.status_area.setWidgetResizable(True)
        self.status_area.setFrameShape(QFrame.Shape.NoFrame)
        self.status_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.capture = CapturePanel(self._db, self._hub)
        # The capture lists stand side by side when there is room and stack on
        # a narrow screen (the panel decides on each resize); the page only
        # ever asks for the stacked width, so it fits a 1024-pixel screen.
        self.capture.set_two_columns(False)
        self.capture.setMinimumWidth(self.capture.minimumSizeHint().width())
        self.capture.follow_width = True
        self.status_area.setMinimumWidth(360)
        middle = QHBoxLayout()
        middle.setSpacing(14)
        # The status column takes a fixed share of the width, so it grows on a
        # large screen and leaves the capture panel room on a small one.
        self.message = InlineMessage()
        # «Opfølgning siden sidst»: shown above the capture panel while that item runs.
        self.follow_up = FollowUpBox(self._db, self._hub, self.message)
        # The room view (F5): its preview, screen and options above the capture panel.
        self.room = RoomPresenter(self._db, self._hub, self._screens or QtScreens(self), self,
                                  self.message, self._preferences)
        self.room_box = RoomBox(self.room)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(self.room_box)
        right.addWidget(self.follow_up)
        right.addWidget(self.capture, 1)
        middle.addWidget(self.status_area, 44)
        middle.addLayout(right, 56)

        self.previous_button = QPushButton(_("◀ Forrige punkt (Page Up)"))
        self.next_button = QPushButton(_("Næste punkt (Page Down) ▶"))
        self.close_button = QPushButton(_("Afslut mødet (Ctrl+Shift+A)"))
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bottom = QHBoxLayout()
        bottom.addWidget(self.previous_button)
        bottom.addWidget(self.next_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        self.setStyleSheet(PLANNING_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self._apply_scale()

    # ----- sizes that follow the window ------------------------------------------

    def window_scale(self) -> float:
        """The window's size against 1366×768."""
        fit = min(self.width() / 1366, self.height() / 768)
        return max(0.7, min(fit, 2.2))

    def scale(self) -> float:
        """How large the live figures are: the window's scale times large text."""
        return self.window_scale() * self.text_scale

    def _apply_scale(self) -> None:
        scale = self.scale()
        self.status.set_scale(scale, self.window_scale())
        self.controls.set_scale(scale)
        self.follow_up.set_scale(self.window_scale())
        self.room_box.set_scale(self.window_scale())
        set_px(self.title, TITLE_PX * min(scale, 1.4), bold=True)
        set_px(self.meeting_clock, TITLE_PX * min(scale, 1.4))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Sizes follow the window."""
        super().resizeEvent(event)
        self._apply_scale()

    def _saved_text_scale(self) -> float:
        if self._preferences is None:
            return 1.0
        value = self._preferences.value(TEXT_SCALE_KEY, 1.0)
        try:
            scale = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0
        return scale if scale in TEXT_SCALES else 1.0

    def change_text_size(self, step: int) -> None:
        """Large text: one step larger (+1) or smaller (-1); the choice is remembered."""
        index = TEXT_SCALES.index(self.text_scale) + step
        if not 0 <= index < len(TEXT_SCALES):
            return
        self.text_scale = TEXT_SCALES[index]
        if self._preferences is not None:
            self._preferences.setValue(TEXT_SCALE_KEY, self.text_scale)
            self._preferences.sync()
        self._apply_scale()
        self.message.show_info(
            _("Tekststørrelse {percent} % (Ctrl++ større, Ctrl+- mindre).").format(
                percent=round(self.text_scale * 100)
            )
        )

    def _create_shortcuts(self) -> None:
        # Window-wide, whatever has the focus; Qt ignores them while this page is
        # hidden in the window's stack, so they never clash with other pages' keys.
        def bind(keys: list[str], slot: object) -> None:
            for key in keys:
                QShortcut(QKeySequence(key), self).activated.connect(slot)

        for role, key in SPEAKER_KEYS.items():
            # Ctrl+digit too, so a speaker can be marked while a text field has focus.
            bind([key, f"Ctrl+{key}"], lambda r=role: self.mark(r))
        bind(["S"], self.asked_question)
        bind(["PgDown", "Alt+Right"], self.next_phase)
        bind(["PgUp", "Alt+Left"], self.previous_phase)
        bind(["Ctrl+I"], self.capture.new_idea)
        bind(["Ctrl+R"], self.capture.new_ask)
        bind(["Ctrl+N"], self.capture.new_step)
        bind(["Esc"], self.dismiss_nudge)
        bind(["Ctrl+Shift+A"], self.close_meeting)
        bind(["Ctrl+Z"], self.capture.undo_delete)
        bind(["Ctrl+Shift+P"], self.open_priorities)
        bind([QUESTION_KEYS], self.edit_question)
        bind(["Ctrl++", "Ctrl+="], lambda: self.change_text_size(+1))
        bind(["Ctrl+-"], lambda: self.change_text_size(-1))
        for key, slot in self._room_keys().items():
            bind([key], slot)

    def _room_keys(self) -> dict[str, Callable[[], None]]:
        # The room view's keys: on this page, and in «Prioritering» while the dots are counted.
        room = self.room
        return {"F5": room.toggle_presenting, "B": room.toggle_blank, "F6": room.toggle_dark,
                "F7": room.toggle_time, "F8": room.toggle_grouping}

    def _add_speaker_keys(self, dialog: QWidget) -> None:
        # The official types an idea while the floor changes hands: Ctrl+digit
        # marks the new speaker without leaving the quick entry.
        for role, key in SPEAKER_KEYS.items():
            QShortcut(QKeySequence(f"Ctrl+{key}"), dialog).activated.connect(
                lambda r=role: self.mark(r)
            )

    def _connect_signals(self) -> None:
        self.capture.entry_opened.connect(self._add_speaker_keys)
        self._timer.timeout.connect(self.refresh)
        self.controls.speaker_clicked.connect(self.mark)
        self.controls.question_clicked.connect(self.asked_question)
        self.controls.dismiss_clicked.connect(self.dismiss_nudge)
        self.state_changed.connect(self.status.show_state)
        self.state_changed.connect(self.controls.show_state)
        self.state_changed.connect(self._show_meeting_clock)
        self.state_changed.connect(self._show_follow_up)
        self.state_changed.connect(self.room.show_live)
        self.priorities_shown.connect(
            lambda round_row: self.room.set_priorities(
                None if round_row is None else room_priorities(round_row)))
        self.previous_button.clicked.connect(self.previous_phase)
        self.next_button.clicked.connect(self.next_phase)
        self.close_button.clicked.connect(self.close_meeting)

    # ----- starting and stopping ----------------------------------------------

    def start(self, meeting_id: uuid.UUID, refusal: InlineMessage | None = None) -> bool:
        """Start a planned meeting; False if it cannot, with the reason shown in `refusal`."""
        running = attempt(
            lambda: LiveMeeting.start(self._db, meeting_id, self._clock), refusal or self.message
        )
        return self._run(running)

    def resume(self, meeting_id: uuid.UUID) -> GapRow | None:
        """Carry on an interrupted or reopened meeting; returns the gap it left."""
        result = attempt(lambda: LiveMeeting.resume(self._db, meeting_id, self._clock), self.message)
        if result is None:
            return None
        running, gap = result
        self._run(running)
        counts = attempt(lambda: capture.count_entries(self._db, meeting_id), self.message, clear=False)
        self.message.show_info(resume_message(gap, counts))
        return gap

    def _run(self, running: LiveMeeting | None) -> bool:
        if running is None:
            return False
        self.running = running
        self.title.setText(running.meeting.title)
        self.capture.load(running.meeting_id)
        self._timer.start()
        self.refresh()
        return True

    def stop(self) -> None:
        """Stop redrawing (the meeting stays running in the database)."""
        self._timer.stop()
        self.running = None
        self.follow_up.show_for(None)
        self.room.forget_meeting()

    # ----- the official's actions -----------------------------------------------

    def _act(self, action: Callable[[LiveMeeting], object]) -> None:
        running = self.running
        if running is None:
            return
        # A notice (the resume message) stays while the official marks the
        # speaker it asks for; a refusal goes once the next action succeeds.
        done = attempt(lambda: (action(running), True)[1], self.message, clear=False)
        if done and self.message.is_error:
            self.message.clear_message()
        self.publish()

    def mark(self, role: Role) -> None:
        """Mark who holds the floor."""
        self._act(lambda running: running.mark(role))

    def asked_question(self) -> None:
        """Start a hold-back."""
        self._act(LiveMeeting.asked_question)

    def next_phase(self) -> None:
        """Go to the next phase."""
        self._act(LiveMeeting.next_phase)

    def previous_phase(self) -> None:
        """Go to the previous phase."""
        self._act(LiveMeeting.previous_phase)

    def open_priorities(self) -> VotingDialog | None:
        """Ctrl+Shift+P: «Prioritering» — number the ideas for the room and enter the dots."""
        running = self.running
        if running is None:
            return None
        dialog = VotingDialog(self._db, self._hub, running.meeting_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.voting = dialog
        dialog.round_changed.connect(self.priorities_shown)
        if dialog.round is not None:  # a round reopened: its bars go on the wall at once
            self.priorities_shown.emit(dialog.round)
        dialog.finished.connect(lambda _result: setattr(self, "voting", None))
        # The wall stays in the official's hands while counting: B blanks it, F5–F8 as here.
        dialog.add_room_keys(self._room_keys())
        # Talk goes on while the dots are counted: Ctrl+digit marks the speaker (a bare digit
        # is a number there).
        self._add_speaker_keys(dialog)
        # open(), not exec(): the clock keeps drawing and the room view keeps its bars live.
        dialog.open()
        return dialog

    def edit_question(self) -> QuestionDialog | None:
        """Ctrl+Shift+S: type the question this item puts to the room (the room view shows it)."""
        running = self.running
        if running is None or self.state is None:
            return None
        dialog = QuestionDialog(self.state.phase, running.set_question, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.publish)
        dialog.open()
        return dialog

    def dismiss_nudge(self) -> None:
        """Esc: close the nudge on screen; with none showing, close the notice under the page."""
        if self.state is not None and self.state.cue is Cue.NUDGE:
            self._act(LiveMeeting.dismiss)
        else:
            # A nudge hidden behind a running hold-back is never dismissed unseen.
            self.message.clear_message()

    def close_meeting(self) -> None:
        """Close the meeting after a confirmation."""
        running = self.running
        if running is None:
            return
        answer = QMessageBox.question(
            self,
            _("Afslut mødet"),
            _("Afslut mødet nu? Det kan genåbnes bagefter til rettelser."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        closed = run_action(running.close, self.message,
                            [(self._hub.meeting_changed, running.meeting_id)],
                            success=lambda _meeting: self.stop())
        if closed is not None:
            self.meeting_closed.emit(running.meeting_id)

    # ----- publishing the state --------------------------------------------------

    def refresh(self) -> None:
        """The timer's work: let time do what it decides (store it), then publish the state."""
        running = self.running
        if running is None:
            return
        attempt(running.advance, self.message, clear=False)
        self.publish()

    def publish(self) -> None:
        """Compute the state (no writes) and hand it to everything that draws it."""
        running = self.running
        if running is None:
            return
        self.state = running.state()
        self.state_changed.emit(self.state)

    def _show_follow_up(self, state: LiveState) -> None:
        # Read once on entering the item (and after each action), not on every redraw.
        running = self.running
        meeting_id = running.meeting_id if running is not None else None
        showing = meeting_id if state.phase.kind is PhaseKind.FOLLOW_UP else None
        if showing != self.follow_up.meeting_id:
            self.follow_up.show_for(showing)

    def _show_meeting_clock(self, state: LiveState) -> None:
        local = state.now.astimezone()
        self.meeting_clock.setText(
            _("Mødetid {elapsed} · kl. {time}").format(
                elapsed=stopwatch(state.meeting_elapsed), time=clock_time(local)
            )
        )
        self.previous_button.setEnabled(state.phase_index > 0)
        self.next_button.setEnabled(state.phase_index + 1 < state.phase_count)


def resume_message(gap: GapRow | None, counts: EntryCounts | None) -> str:
    """What a resumed meeting kept (every saved entry) and what it may not have (unsaved typing)."""
    parts = [_("Mødet er genoptaget.")]
    if counts is not None:
        kept = [
            ngettext("{n} idé", "{n} idéer", counts.ideas).format(n=counts.ideas),
            ngettext("{n} ressourceønske", "{n} ressourceønsker", counts.asks).format(n=counts.asks),
            ngettext("{n} næste skridt", "{n} næste skridt", counts.steps).format(n=counts.steps),
        ]
        turns = ngettext(
            "{n} markering af, hvem der talte", "{n} markeringer af, hvem der talte", counts.turns
        ).format(n=counts.turns)
        parts.append(
            _("Alt gemt er bevaret: {entries} og {turns}.").format(entries=", ".join(kept), turns=turns)
        )
    parts.append(
        _("Tekst, der var skrevet i et åbent indtastningsvindue uden at være gemt, "
          "kan være gået tabt – se efter, om det sidste er med.")
    )
    if gap is not None:
        duration = duration_words((gap.ended_at - gap.started_at).total_seconds())
        parts.append(
            _("Pausen på {duration} er registreret som afbrydelse, ikke som taletid.").format(
                duration=duration
            )
        )
    parts.append(_("Markér, hvem der har ordet."))
    return " ".join(parts)
