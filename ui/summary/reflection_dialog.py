"""The two-minute private reflection after a meeting: the four competences on a 1-5 scale and a note.

Offered once when the summary first shows after closing, and reachable later
from the summary page («Refleksion …»). Keyboard first: Tab goes from scale to
scale, a digit 1-5 sets the focused scale (0 or Delete clears it), Ctrl+Enter
saves and Esc skips (nothing is stored).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.competences import (
    COMPETENCES,
    MAX_NOTE_LENGTH,
    SCALE_MAX,
    SCALE_MIN,
    scale_words,
)
from facilitator.i18n import _
from facilitator.services import reflection
from facilitator.services.reflection import ReflectionInput, ReflectionRow
from facilitator.storage.database import Database
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.key_help import shortcut
from ui.planning.planning_widgets import PLANNING_STYLE

SCALE_STYLE = """
QFrame#scale { border: 2px solid transparent; border-radius: 6px; }
QFrame#scale:focus { border: 2px solid #1f6f43; background: #eef6f1; }
QFrame#scale QPushButton {
    min-width: 34px; max-width: 34px; min-height: 30px; padding: 0px;
    border: 1px solid #9aa7a0; border-radius: 4px; background: white; font-weight: bold;
}
QFrame#scale QPushButton:checked { background: #1f6f43; color: white; border-color: #17563a; }
QLabel#questions { color: #444444; }
"""

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(SCALE_MIN, SCALE_MAX + 1)}
_CLEAR_KEYS = (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class ScaleInput(QFrame):
    """A 1-5 scale as one focus stop: digits set it, ←/→ move it; the buttons are for the mouse."""

    value_changed = Signal(object)  # int | None

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scale")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(name)
        self._value: int | None = None
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.setSpacing(6)
        for score in range(SCALE_MIN, SCALE_MAX + 1):
            button = QPushButton(str(score))
            button.setCheckable(True)
            # One focus stop per scale: Tab goes to the next competence, not the next digit.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(scale_words(score))
            button.clicked.connect(lambda _checked=False, s=score: self._clicked(s))
            row.addWidget(button)
            self.buttons.append(button)

    def value(self) -> int | None:
        """The chosen score, or None."""
        return self._value

    def set_value(self, value: int | None) -> None:
        """Choose a score (None: none)."""
        self._value = value
        for score, button in enumerate(self.buttons, start=SCALE_MIN):
            button.setChecked(score == value)
        self.setToolTip(scale_words(value) if value is not None else "")
        self.value_changed.emit(value)

    def _clicked(self, score: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        # A second click on the chosen score takes it back.
        self.set_value(None if self._value == score else score)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.NoModifier:
            if key in _DIGITS:
                self.set_value(_DIGITS[key])
                return
            if key in _CLEAR_KEYS:
                self.set_value(None)
                return
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                step = 1 if key == Qt.Key.Key_Right else -1
                start = self._value if self._value is not None else (SCALE_MIN + SCALE_MAX) // 2 - step
                self.set_value(min(SCALE_MAX, max(SCALE_MIN, start + step)))
                return
        super().keyPressEvent(event)


class ReflectionDialog(QDialog):
    """The reflection on one closed meeting; saves through services/reflection.py."""

    saved = Signal(object)  # ReflectionRow

    def __init__(
        self,
        db: Database,
        meeting_id: uuid.UUID,
        hub: ChangeHub | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self.meeting_id = meeting_id
        self.saved_row: ReflectionRow | None = None
        self.setWindowTitle(_("Refleksion efter mødet"))
        self.setStyleSheet(PLANNING_STYLE + SCALE_STYLE)
        self.setMinimumWidth(900)  # the longest question on one line beside its scale
        self.scales: dict[str, ScaleInput] = {}
        self._build()
        self._connect_signals()
        self._show_stored()

    def _build(self) -> None:
        heading = QLabel(_("Hvordan gik det for dig?"))
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        # Two set lines, not word wrap: a wrapping label makes a dialog's height guess too small
        # and Qt then squeezes the questions.
        intro = QLabel(
            _("To minutter til dig selv: giv hver kompetence et tal fra 1 (slet ikke) til 5 (i høj grad).")
            + "\n"
            + _("Refleksionen er privat – den kommer aldrig med i orienteringen eller i en eksport.")
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(14)
        ends = QLabel(_("1 = slet ikke · 5 = i høj grad"))
        ends.setObjectName("hintText")
        grid.addWidget(ends, 0, 1, Qt.AlignmentFlag.AlignCenter)
        for row, competence in enumerate(COMPETENCES, start=1):
            # Alt+1 … Alt+4 go to a competence's scale.
            name = QLabel(f"&{row}. {competence.name}")
            name.setStyleSheet("font-weight: bold;")
            questions = QLabel("\n".join(f"·  {q}" for q in competence.questions))
            questions.setObjectName("questions")
            text = QWidget()
            text_layout = QVBoxLayout(text)
            text_layout.setContentsMargins(0, 0, 0, 0)
            text_layout.setSpacing(3)
            text_layout.addWidget(name)
            text_layout.addWidget(questions)
            scale = ScaleInput(competence.name)
            name.setBuddy(scale)
            grid.addWidget(text, row, 0)
            grid.addWidget(scale, row, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.scales[competence.key] = scale
        grid.setColumnStretch(0, 1)
        note_label = QLabel(_("&Note til dig selv (valgfri):"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(_("Hvad tager du med til næste møde?"))
        # Tab leaves the note, as it leaves every scale: the dialog is one Tab cycle.
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        note_label.setBuddy(self.note)
        self.keys_hint = QLabel(_(
            "Tab: næste kompetence · 1–5 vælger · 0 rydder · Ctrl+Enter gemmer · Esc springer over"
        ))
        self.keys_hint.setObjectName("hintText")
        self.message = InlineMessage()
        self.skip_button = QPushButton(_("Spring over (Esc)"))
        self.save_button = QPushButton(_("Gem (Ctrl+Enter)"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.skip_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.keys_hint)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.skip_button.clicked.connect(self.reject)
        # Both Enter keys: the main keyboard's Return and the keypad's Enter.
        shortcut(self, "Ctrl+Return", _("Gem refleksionen"), self.save)
        shortcut(self, "Ctrl+Enter", _("Gem refleksionen"), self.save)

    def _show_stored(self) -> None:
        stored = attempt(lambda: reflection.get_reflection(self._db, self.meeting_id), self.message)
        if stored is not None:
            for key, scale in self.scales.items():
                scale.set_value(stored.score(key))
            self.note.setPlainText(stored.note)
        self.scales[COMPETENCES[0].key].setFocus()

    def answers(self) -> ReflectionInput:
        """What the dialog holds now."""
        scores = {key: scale.value() for key, scale in self.scales.items()}
        # Cut at the limit plus one, so an over-long paste is refused, not silently shortened.
        return ReflectionInput(**scores, note=self.note.toPlainText()[: MAX_NOTE_LENGTH + 1])

    def save(self) -> ReflectionRow | None:
        """Store the reflection; on refusal stay open and say why."""
        data = self.answers()
        row = attempt(lambda: reflection.save_reflection(self._db, self.meeting_id, data), self.message)
        if row is None:
            return None
        self.saved_row = row
        if self._hub is not None:
            self._hub.meeting_changed.emit(self.meeting_id)
        self.saved.emit(row)
        self.accept()
        return row

    def reject(self) -> None:
        """Skip: nothing is stored (an earlier reflection stays as it was)."""
        attempt(lambda: reflection.skip_reflection(self._db, self.meeting_id), self.message)
        super().reject()
