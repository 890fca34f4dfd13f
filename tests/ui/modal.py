"""Answering a modal message box that a key press is about to open."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

# The question a form asks before Esc or closing throws a change away.
DISCARD_QUESTION = "Det, du har skrevet, er ikke gemt. Vil du kassere det?"


def answer_next_box(
    button: QMessageBox.StandardButton | str, seen: list[str] | None = None
) -> QTimer:
    """Click `button` (a standard button, or one named by its text) on the next QMessageBox."""
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            timer.stop()
            if seen is not None:
                seen.append(box.text())
            if isinstance(button, str):
                next(b for b in box.buttons() if b.text() == button).click()
            else:
                box.button(button).click()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def escape_answering(qtbot, field: QWidget, answer: str) -> list[str]:
    """Press Esc in `field`; answer a question, if one comes, with the button named `answer`.

    Returns the questions seen (none when the form closed at once).
    """
    seen: list[str] = []
    answerer = answer_next_box(answer, seen)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    answerer.stop()
    return seen
