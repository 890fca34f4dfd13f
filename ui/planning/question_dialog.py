"""«Spørgsmål til salen»: the question an agenda item puts to the room, shown on the room view.

Typed beforehand on the agenda or during the meeting (Ctrl+Shift+S on either);
Enter saves, an empty field removes it, Esc cancels (asking first if something
was typed). A refusal (too long) is shown inline and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from facilitator.i18n import _
from facilitator.services.agenda import MAX_QUESTION_LENGTH
from facilitator.services.rows import PhaseRow
from ui.common.feedback import InlineMessage, attempt
from ui.common.unsaved import FormDialog
from ui.planning.planning_widgets import PLANNING_STYLE, buddy_label, fit_to_screen

QUESTION_KEYS = "Ctrl+Shift+S"


class QuestionDialog(FormDialog):
    """One line: the question for one agenda item; `store(text)` saves it (one service call)."""

    def __init__(
        self, phase: PhaseRow, store: Callable[[str], PhaseRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.saved: PhaseRow | None = None
        self.setWindowTitle(_("Spørgsmål til salen"))
        self.setStyleSheet(PLANNING_STYLE)
        about = QLabel(_("Punkt: {title}").format(title=" ".join(phase.title.split())))
        about.setWordWrap(True)
        hint = QLabel(_("Vises på storskærmen under punktet. Tomt felt: intet spørgsmål."))
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        self.field = QLineEdit(phase.question)
        self.field.setPlaceholderText(_("fx Hvad skal stien kunne bruges til?"))
        # A little past the limit, so a pasted long text is refused with a message, not cut.
        self.field.setMaxLength(MAX_QUESTION_LENGTH + 100)
        self.message = InlineMessage()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(_("Gem"))
        save.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annullér"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(buddy_label(_("&Spørgsmål"), self.field))
        layout.addWidget(self.field)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 260)
        self.field.setFocus()

    def save(self) -> None:
        """Gem / Enter: store, or show why not and stay open."""
        text = self.field.text()
        saved = attempt(lambda: self._store(text), self.message)
        if saved is not None:
            self.saved = saved
            self.forget_changes()
            self.accept()
