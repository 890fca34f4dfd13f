"""The last line of defence: an unexpected error becomes a calm Danish message, not a traceback."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.i18n import _


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
        """Log the details; tell the user plainly (one dialog at a time)."""
        self.errors += 1
        traceback.print_exception(kind, error, trace, file=sys.stderr)
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
