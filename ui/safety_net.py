"""The last line of defence: an unexpected error becomes a calm Danish message, not a traceback."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.i18n import _


def traceback_without_messages(
    error: BaseException, trace: TracebackType | None
) -> str:
    """Where it failed (frames, exception types, causes) but not the messages.

    A message can quote what was being saved: SQLAlchemy puts the statement's
    parameters, e.g. a citizen's name, into it. stderr may end up in a log
    file, and logs must hold no personal data, so only the types are printed.
    """
    chain: list[tuple[BaseException, TracebackType | None]] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen, _t in chain):
        chain.append((current, trace if current is error else current.__traceback__))
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    parts: list[str] = []
    for exc, frames in reversed(chain):
        if parts:
            parts.append("\nThe above led to:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_list(traceback.extract_tb(frames)))
        kind = type(exc)
        parts.append(f"{kind.__module__}.{kind.__qualname__} (message withheld: it may hold "
                     "personal data)\n")
    return "".join(parts)


class SafetyNet:
    """Replaces sys.excepthook while the app runs; the details go to stderr for support."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent
        self._showing = False
        self.errors = 0

    def install(self) -> None:
        """Catch every exception that escapes a Qt slot or timer."""
        sys.excepthook = self.handle

    def handle(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """Log where it failed (no messages); tell the user plainly (one dialog at a time)."""
        self.errors += 1
        print(traceback_without_messages(error, trace), file=sys.stderr, end="")
        if self._showing:
            return
        self._showing = True
        try:
            QMessageBox.warning(
                self._parent,
                _("Uventet fejl"),
                _("Der skete en uventet fejl, men alt det indtastede er gemt. "
                  "Du kan arbejde videre; hvis fejlen gentager sig, så genstart Facilitator."),
            )
        finally:
            self._showing = False
