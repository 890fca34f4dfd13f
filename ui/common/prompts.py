"""Questions and notices the app puts to the official, behind one small object that can be swapped.

The app asks through `window.prompts`; a test hands the window a scripted
`Prompts` that answers and records the question, so a start-up question can
be tested without a modal box in the way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Prompts:
    """Yes/no questions and notices as Danish message boxes."""

    def ask(self, parent: QWidget | None, title: str, question: str, yes: str, no: str) -> bool:
        """Ask; True only for `yes`. Enter or Esc pressed out of habit gives `no`."""
        box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        box.exec()
        chosen = box.clickedButton() is yes_button
        box.deleteLater()
        return chosen

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the official something that went wrong; they only acknowledge it."""
        QMessageBox.warning(parent, title, text)
