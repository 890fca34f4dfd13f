"""Corrections after a meeting: the captured entries of a closed meeting, open for editing.

The meeting's clock and turns stay as they were; only what was captured
(ideas, asks, next steps) is corrected, added or deleted.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from facilitator.i18n import _
from facilitator.services import meetings
from facilitator.storage.database import Database
from ui.capture.panel import CapturePanel
from ui.common.changes import ChangeHub
from ui.common.key_help import CAPTURE_LIST_KEYS, THEME_BOARD_KEYS, THEME_KEYS, note, shortcut
from ui.planning.planning_widgets import PLANNING_STYLE, ElidedLabel
from ui.priorities.voting_dialog import VotingDialog


class CorrectionsPage(QWidget):
    """Edit a closed meeting's ideas, asks and next steps."""

    done = Signal(object)  # meeting id

    def __init__(self, db: Database, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self.meeting_id: uuid.UUID | None = None
        self.title = ElidedLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        hint = QLabel(
            _("Ret, tilføj eller slet idéer, ressourceønsker og næste skridt; Ctrl+Shift+P: "
              "prioriteringens stemmer. Mødets tider og taletid ændres ikke.")
        )
        hint.setWordWrap(True)
        self.capture = CapturePanel(db, hub)
        self.done_button = QPushButton(_("Færdig – tilbage til opsummeringen (Esc)"))
        self.done_button.setObjectName("primaryButton")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        self.setStyleSheet(PLANNING_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(hint)
        layout.addWidget(self.capture, 1)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.done_button.clicked.connect(self._finish)
        for key, description, slot in (
            ("Esc", _("Færdig – tilbage til opsummeringen"), self._finish),
            ("Ctrl+I", _("Ny idé"), self.capture.new_idea),
            ("Ctrl+R", _("Nyt ressourceønske"), self.capture.new_ask),
            ("Ctrl+N", _("Nyt næste skridt"), self.capture.new_step),
            ("Ctrl+Shift+P", _("Prioritering: skriv eller ret stemmerne"), self.open_priorities),
        ):
            shortcut(self, key, description, slot)
        note(self, CAPTURE_LIST_KEYS.keys, _(CAPTURE_LIST_KEYS.description))
        # The capture panel's own shortcuts (the themes): listed here, as the live screen lists them.
        for keys in (THEME_KEYS, THEME_BOARD_KEYS):
            note(self, keys.keys, _(keys.description))

    def load(self, meeting_id: uuid.UUID) -> None:
        """Open a meeting's entries for correction."""
        self.meeting_id = meeting_id
        meeting = meetings.get_meeting(self._db, meeting_id)
        self.title.setText(_("Rettelser: {title}").format(title=meeting.title))
        self.capture.load(meeting_id)

    def open_priorities(self) -> VotingDialog | None:
        """Ctrl+Shift+P: the meeting's priority rounds, to type dots counted afterwards or correct them."""
        if self.meeting_id is None:
            return None
        dialog = VotingDialog(self._db, self._hub, self.meeting_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _finish(self) -> None:
        self.done.emit(self.meeting_id)
