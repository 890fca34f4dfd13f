"""The live screen's buttons: who speaks, "I asked a question", close the message.

They mirror the keys (1/2/3/0, S, Esc) for a mouse or a touch screen and never
take the keyboard focus, so a click never leaves the official typing into a
button instead of the capture panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from facilitator.domain.enums import Role
from facilitator.i18n import _
from facilitator.live_state import Cue, LiveState
from ui.common.pixels import set_px
from ui.live.live_palette import ON_ROLE, ROLE_HEX
from ui.live.live_status import SMALL_PX, TEXT_PX

SPEAKER_KEYS = {Role.CITIZEN: "1", Role.OFFICIAL: "2", Role.POLITICIAN: "3", Role.SILENCE: "0"}


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class LiveControls(QWidget):
    """Speaker buttons in a 2×2 grid, then the question and dismiss buttons."""

    speaker_clicked = Signal(object)  # Role
    question_clicked = Signal()
    dismiss_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speaker_buttons: dict[Role, QPushButton] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for index, role in enumerate((Role.CITIZEN, Role.OFFICIAL, Role.POLITICIAN, Role.SILENCE)):
            button = _button(f"{SPEAKER_KEYS[role]}  {role.label}")
            button.setCheckable(True)
            button.setToolTip(_("Tast {key}").format(key=SPEAKER_KEYS[role]))
            button.setStyleSheet(
                f"QPushButton:checked {{ background: {ROLE_HEX[role]}; color: {ON_ROLE};"
                " font-weight: bold; border: 2px solid #222; border-radius: 4px; }"
            )
            self.speaker_buttons[role] = button
            layout.addWidget(button, index // 2, index % 2)
        self.question_button = _button(_("Spørgsmål stillet (S)"))
        self.dismiss_button = _button(_("Luk besked (Esc)"))
        layout.addWidget(self.question_button, 2, 0)
        layout.addWidget(self.dismiss_button, 2, 1)
        self._connect_signals()
        self.set_scale(1.0)

    def _connect_signals(self) -> None:
        self.question_button.clicked.connect(self.question_clicked)
        self.dismiss_button.clicked.connect(self.dismiss_clicked)
        for role, button in self.speaker_buttons.items():
            button.clicked.connect(lambda _checked=False, r=role: self.speaker_clicked.emit(r))

    def set_scale(self, scale: float) -> None:
        """Button text size for a scale (1.0 at 1366×768)."""
        for button in self.speaker_buttons.values():
            set_px(button, TEXT_PX * scale)
            button.setMinimumHeight(round(38 * scale))
        for button in (self.question_button, self.dismiss_button):
            set_px(button, SMALL_PX * scale)

    def show_state(self, state: LiveState) -> None:
        """Mark the speaker's button (with a dot as well as the colour) and enable dismiss."""
        for role, button in self.speaker_buttons.items():
            current = role is state.speaker
            button.setChecked(current)
            button.setText(("● " if current else "") + f"{SPEAKER_KEYS[role]}  {role.label}")
        self.dismiss_button.setEnabled(state.cue is Cue.NUDGE)
