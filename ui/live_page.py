"""The live screen: status on the left, capture on the right, everything on the keyboard."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from facilitator.domain.enums import Role
from facilitator.domain.phase_timing import duration_words, format_duration
from facilitator.i18n import _
from facilitator.live_session import LiveSession
from facilitator.services.rows import GapRow
from facilitator.storage.database import Database
from ui.capture.panel import CapturePanel
from ui.changes import ChangeHub
from ui.feedback import InlineMessage, attempt
from ui.live_status import SPEAKER_KEYS, LiveStatus
from ui.planning_widgets import PLANNING_STYLE, ElidedLabel

# The screen redraws four times a second; every figure is computed from the
# clock, so a late or skipped redraw never changes a stored time.
REDRAW_MS = 250


class LivePage(QWidget):
    """Runs one meeting."""

    meeting_closed = Signal(object)  # meeting id

    def __init__(self, db: Database, hub: ChangeHub, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._clock = clock
        self.session: LiveSession | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._build()
        self._create_shortcuts()
        self._connect_signals()

    def _build(self) -> None:
        self.title = ElidedLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.meeting_clock = QLabel()
        self.meeting_clock.setStyleSheet("font-size: 14pt;")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.meeting_clock)

        self.status = LiveStatus()
        # In a scroll area so a small projector resolution squeezes nothing; at
        # 1366×768 everything fits and no scroll bar shows.
        status_area = QScrollArea()
        status_area.setWidget(self.status)
        status_area.setWidgetResizable(True)
        status_area.setFrameShape(QFrame.Shape.NoFrame)
        status_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        status_area.setFixedWidth(440)
        self.capture = CapturePanel(self._db, self._hub)
        middle = QHBoxLayout()
        middle.addWidget(status_area)
        middle.addWidget(self.capture, 1)

        self.message = InlineMessage()
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
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

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
        self.status.speaker_clicked.connect(self.mark)
        self.status.question_clicked.connect(self.asked_question)
        self.status.nudge_dismissed.connect(self.dismiss_nudge)
        self.previous_button.clicked.connect(self.previous_phase)
        self.next_button.clicked.connect(self.next_phase)
        self.close_button.clicked.connect(self.close_meeting)

    # ----- starting and stopping ----------------------------------------------

    def start(self, meeting_id: uuid.UUID, refusal: InlineMessage | None = None) -> bool:
        """Start a planned meeting; False if it cannot, with the reason shown in `refusal`."""
        session = attempt(
            lambda: LiveSession.start(self._db, meeting_id, self._clock), refusal or self.message
        )
        return self._run(session)

    def resume(self, meeting_id: uuid.UUID) -> GapRow | None:
        """Carry on an interrupted or reopened meeting; returns the gap it left."""
        result = attempt(lambda: LiveSession.resume(self._db, meeting_id, self._clock), self.message)
        if result is None:
            return None
        session, gap = result
        self._run(session)
        if gap is not None:
            minutes = duration_words((gap.ended_at - gap.started_at).total_seconds())
            self.message.show_info(
                _("Mødet blev genoptaget. Pausen på {duration} er registreret som afbrydelse, "
                  "ikke som taletid. Markér, hvem der har ordet.").format(duration=minutes)
            )
        return gap

    def _run(self, session: LiveSession | None) -> bool:
        if session is None:
            return False
        self.session = session
        self.title.setText(session.meeting.title)
        self.capture.load(session.meeting_id)
        self._timer.start()
        self.refresh()
        return True

    def stop(self) -> None:
        """Stop redrawing (the meeting stays running in the database)."""
        self._timer.stop()
        self.session = None

    # ----- the official's actions -----------------------------------------------

    def _act(self, action: object) -> None:
        if self.session is None:
            return
        attempt(action, self.message)  # type: ignore[arg-type]
        self.refresh()

    def mark(self, role: Role) -> None:
        """Mark who holds the floor."""
        self._act(lambda: self.session.mark(role))  # type: ignore[union-attr]

    def asked_question(self) -> None:
        """Start a hold-back."""
        self._act(lambda: self.session.asked_question())  # type: ignore[union-attr]

    def next_phase(self) -> None:
        """Go to the next phase."""
        self._act(lambda: self.session.next_phase())  # type: ignore[union-attr]

    def previous_phase(self) -> None:
        """Go to the previous phase."""
        self._act(lambda: self.session.previous_phase())  # type: ignore[union-attr]

    def dismiss_nudge(self, prompt_id: object = None) -> None:
        """Dismiss a nudge (the newest on Esc)."""
        self._act(lambda: self.session.dismiss(prompt_id))  # type: ignore[union-attr, arg-type]

    def close_meeting(self) -> None:
        """Close the meeting after a confirmation."""
        if self.session is None:
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
        session = self.session
        if attempt(session.close, self.message) is None:
            return
        self.stop()
        self._hub.meeting_changed.emit(session.meeting_id)
        self.meeting_closed.emit(session.meeting_id)

    # ----- drawing ----------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw from the session's current state."""
        if self.session is None:
            return
        state = attempt(self.session.tick, self.message, clear=False)
        if state is None:
            return
        phases = self.session.phases
        next_title = phases[state.phase_index + 1].title if state.phase_index + 1 < len(phases) else None
        self.status.show_state(state, next_title, self.session.meeting.talk_share_threshold_pct)
        local = state.now.astimezone()
        self.meeting_clock.setText(
            _("Mødetid {elapsed} · kl. {time}").format(
                elapsed=format_duration(state.meeting_elapsed), time=local.strftime("%H:%M")
            )
        )
        self.previous_button.setEnabled(state.phase_index > 0)
        self.next_button.setEnabled(state.phase_index + 1 < state.phase_count)
