"""Showing refused input and storage failures to the user, in Danish, never as a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from facilitator.domain.validation import ValidationError
from facilitator.i18n import _
from facilitator.storage.database import StorageError

T = TypeVar("T")


class InlineMessage(QLabel):
    """A message line under a form: icon and text, so it never relies on colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineMessage")
        self.setWordWrap(True)
        self.setStyleSheet(
            "#inlineMessage { color: #8a1c1c; background: #fdecea; border: 1px solid #e3a4a0;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.hide()

    def show_error(self, message: str) -> None:
        """Show a refusal."""
        self.setText("⚠ " + message)
        self.show()

    def clear_message(self) -> None:
        """Hide the message."""
        self.setText("")
        self.hide()


def attempt(action: Callable[[], T], message: InlineMessage) -> T | None:
    """Run a service call; on refused input or a storage error show why and return None."""
    try:
        result = action()
    except ValidationError as exc:
        message.show_error(exc.message)
        return None
    except StorageError as exc:
        message.show_error(exc.message)
        return None
    except Exception as exc:  # a database error mid-meeting must not crash the app
        message.show_error(_("Det kunne ikke gemmes: {reason}").format(reason=str(exc).splitlines()[0]))
        return None
    message.clear_message()
    return result

