"""Writing the brief PDF off the GUI thread, so the window stays responsive meanwhile."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from facilitator.i18n import _
from facilitator.storage.database import Database


class BriefWorker(QThread):
    """Writes one brief to `path`; reports `written` or `failed` (queued to the GUI thread)."""

    # Both carry the worker's ticket first, so the window can ignore an outdated result.
    written = Signal(int, object)  # ticket, Path of the finished PDF
    failed = Signal(int, str)  # ticket, a Danish one-line message

    def __init__(
        self,
        db: Database,
        meeting_id: uuid.UUID,
        path: Path,
        language: str,
        ticket: int = 0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ticket = ticket
        self._db = db
        self.meeting_id = meeting_id
        self.path = path
        self.language = language
        # The thread the work ran on (tests check it is not the GUI thread).
        self.ran_on: int | None = None

    def run(self) -> None:
        """Runs on the worker thread: builds and writes the PDF, never raises."""
        self.ran_on = threading.get_ident()
        # Looked up at call time (not imported at the top) so the module stays cheap to import.
        from facilitator.domain.validation import ValidationError
        from facilitator.services import briefs
        from facilitator.storage.database import StorageError

        try:
            written = briefs.write_brief(self._db, self.meeting_id, self.path, self.language)
        except (ValidationError, StorageError) as exc:  # BriefError is a ValidationError
            self.failed.emit(self.ticket, exc.message)
        except Exception as exc:  # a layout bug must show as a message, not kill the app
            from facilitator.storage.os_errors import describe_failure

            reason = describe_failure(exc)
            self.failed.emit(
                self.ticket, _("Orienteringen kunne ikke laves: {reason}").format(reason=reason)
            )
        else:
            self.written.emit(self.ticket, Path(written))
