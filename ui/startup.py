"""Opening the database off the GUI thread, so the window shows at once."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from facilitator.clock import Clock

# Imported on the worker thread while the window is already showing; by the
# time the pages are built these are in sys.modules and cost nothing.
HEAVY_MODULES = (
    "ui.start_page",
    "ui.agenda_page",
    "ui.live_page",
    "ui.summary_page",
    "ui.corrections_page",
)


class DatabaseOpener(QThread):
    """Opens (and if needed migrates) the database, then reports on the GUI thread."""

    opened = Signal(object)  # Database
    failed = Signal(str)  # a message for the user
    damaged = Signal(object)  # DatabaseDamaged: the file failed its check and was not opened

    def __init__(self, folder: Path, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._clock = clock

    def run(self) -> None:
        """Runs on the worker thread."""
        try:
            from facilitator.storage.database import StorageError
            from facilitator.storage.integrity import DatabaseDamaged
            from ui.app import open_database

            try:
                db: Any = open_database(self._folder, self._clock)
            except DatabaseDamaged as exc:
                self.damaged.emit(exc)
                return
            except StorageError as exc:
                self.failed.emit(exc.message)
                return
            from facilitator.services.privacy import purge_at_start

            # Retention: people of projects that ended long enough ago are erased (never stops start).
            purge_at_start(db, self._folder)
            for name in HEAVY_MODULES:
                importlib.import_module(name)
            self.opened.emit(db)
        except Exception as exc:  # never a traceback for the user
            self.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
