"""The small dialog that gives one idea its theme: type or pick, Enter saves, Esc cancels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import validation
from facilitator.domain.danish_order import danish_key
from facilitator.i18n import _
from facilitator.services import ideas
from facilitator.services.rows import IdeaRow
from facilitator.storage.database import Database
from ui.common.actions import Publish, run_action
from ui.common.feedback import InlineMessage, attempt


def _elided(text: str, limit: int = 80) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[:limit] + "…"


class ThemeDialog(QDialog):
    """«Tema for idéen»: an editable list of the project's themes; an empty field clears it."""

    def __init__(
        self,
        db: Database,
        idea: IdeaRow,
        themes: Sequence[str],
        publish: Publish,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.idea = idea
        self._publish = publish
        self.saved_row: IdeaRow | None = None
        self.setWindowTitle(_("Tema for idéen"))
        self.setMinimumWidth(420)
        self.heading = QLabel(_("Tema for «{title}»").format(title=_elided(idea.title)))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: bold;")
        self.combo = QComboBox()
        self.combo.setEditable(True)
        edit = QLineEdit()
        self.combo.setLineEdit(edit)
        # A typed theme is saved, never added to the list as a side effect of Enter.
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(sorted({t for t in themes if t}, key=danish_key))
        self.combo.setEditText(idea.theme)
        edit.setMaxLength(validation.MAX_TEXT_LENGTH + 1)
        edit.setPlaceholderText(_("Skriv et tema, eller tom for intet tema"))
        edit.setClearButtonEnabled(True)
        edit.selectAll()
        # Typing filters the themes: "tra" offers "Trafik" and "Kulturarv og transport".
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(completer)
        hint = QLabel(_("Enter gemmer · Esc fortryder · tomt felt fjerner temaet"))
        hint.setStyleSheet("color: #4b5563;")
        self.message = InlineMessage(self)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Gem"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(
            _("Annullér"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.combo)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.combo.setFocus()

    def theme_text(self) -> str:
        """What the field holds now."""
        return self.combo.currentText()

    def accept(self) -> None:
        """Save the theme; a refusal stays in the dialog with its reason in Danish."""
        text = self.theme_text()
        saved = run_action(
            lambda: ideas.set_idea_theme(self._db, self.idea.id, text),
            self.message,
            self._publish,
            success=self._keep,
        )
        if saved is not None:
            super().accept()

    def _keep(self, row: IdeaRow) -> None:
        self.saved_row = row


def open_theme_dialog(
    db: Database,
    idea: IdeaRow,
    publish: Publish,
    message: InlineMessage,
    parent: QWidget,
    extra_themes: Sequence[str] = (),
) -> ThemeDialog | None:
    """Open the theme dialog for `idea`, offering its project's themes (None: they could not be read)."""
    known = attempt(lambda: ideas.project_themes(db, idea.meeting_id), message)
    if known is None:
        return None
    dialog = ThemeDialog(db, idea, [*known, *extra_themes], publish, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # open(), not exec(): the window's clock keeps drawing and tests stay simple.
    dialog.open()
    return dialog
