"""Showing refused input and storage failures to the user, in Danish, never as a traceback."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.domain.validation import Problem, ValidationError
from facilitator.storage.database import StorageError, describe_error

T = TypeVar("T")


class InlineMessage(QLabel):
    """A message line under a form: icon and text, so it never relies on colour alone."""

    # Shown, replaced or cleared: what the line said before is gone.
    message_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineMessage")
        self.setWordWrap(True)
        self.is_error = False
        self.hide()

    def show_error(self, message: str) -> None:
        """Show a refusal."""
        self.is_error = True
        self._show("⚠ " + message, "#8a1c1c", "#fdecea", "#e3a4a0")

    def show_errors(self, messages: list[str]) -> None:
        """Show several refusals, one per line, each with its icon."""
        self.is_error = True
        self._show("\n".join("⚠ " + m for m in messages), "#8a1c1c", "#fdecea", "#e3a4a0")

    def show_info(self, message: str) -> None:
        """Show a neutral notice."""
        self.is_error = False
        self._show("ℹ " + message, "#1d3f6e", "#e8f1fb", "#8fb3de")

    def _show(self, text: str, colour: str, background: str, border: str) -> None:
        self.setStyleSheet(
            f"#inlineMessage {{ color: {colour}; background: {background}; "
            f"border: 1px solid {border}; border-radius: 4px; padding: 6px; }}"
        )
        self.setText(text)
        self.show()
        self.message_changed.emit()

    def clear_message(self) -> None:
        """Hide the message."""
        self.setText("")
        self.is_error = False
        self.hide()
        self.message_changed.emit()


class ShowsProblems(Protocol):
    """Something that shows a form's refused fields (ui.common.form_errors.FormErrors)."""

    def show_problems(self, problems: Sequence[Problem]) -> None: ...

    def clear(self) -> None: ...


def attempt(
    action: Callable[[], T],
    message: InlineMessage,
    clear: bool = True,
    problems: ShowsProblems | None = None,
) -> T | None:
    """Run a service call; on refused input or a storage error show why and return None.

    On success the message is cleared, unless `clear` is False (periodic redraws
    must not wipe a notice the user has not read yet). With `problems`, every
    refused field of a form is shown there, not only the first.
    """
    try:
        result = action()
    except ValidationError as exc:
        if problems is not None:
            problems.show_problems(exc.problems)
        else:
            message.show_error(exc.message)
        return None
    except StorageError as exc:
        message.show_error(exc.message)
        return None
    except Exception as exc:  # a database error mid-meeting must not crash the app
        message.show_error(describe_error(exc))
        return None
    if problems is not None:
        problems.clear()
    if clear:
        message.clear_message()
    return result

