"""Opening the data folder off the GUI thread, so the window shows at once; the start's questions."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QWidget

from facilitator.clock import Clock
from facilitator.domain.formats import entry_date
from facilitator.i18n import _
from ui.common.prompts import Prompts

if TYPE_CHECKING:
    from facilitator.data_door import OpenedFolder

# Imported on the worker thread while the window is already showing; by the
# time the pages are built these are in sys.modules and cost nothing.
HEAVY_MODULES = (
    "ui.start.start_page",
    "ui.planning.agenda_page",
    "ui.live.live_page",
    "ui.summary.summary_page",
    "ui.summary.corrections_page",
)


class DatabaseOpener(QThread):
    """Opens the data folder through the one door (facilitator/data_door.py), off the GUI thread."""

    opened = Signal(object)  # OpenedFolder
    failed = Signal(str)  # a message for the user
    damaged = Signal(object)  # DatabaseDamaged: the file failed its check and was not opened

    def __init__(self, folder: Path, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._clock = clock

    def run(self) -> None:
        """Runs on the worker thread."""
        from facilitator.storage.os_errors import describe_failure

        try:
            from facilitator.data_door import Purpose, open_data_folder
            from facilitator.storage.database import StorageError
            from facilitator.storage.integrity import DatabaseDamaged

            try:
                # Checked, held, migrated, purged (a purge the clock makes doubtful is held).
                opened: Any = open_data_folder(self._folder, self._clock, Purpose.APP)
            except DatabaseDamaged as exc:
                self.damaged.emit(exc)
                return
            except StorageError as exc:
                self.failed.emit(exc.message)
                return
            for name in HEAVY_MODULES:
                importlib.import_module(name)
            self.opened.emit(opened)
        except Exception as exc:  # never a traceback for the user
            self.failed.emit(
                _("Databasen kan ikke åbnes: {reason}").format(reason=describe_failure(exc)))


def ask_about_held_purge(window: QWidget, opened: OpenedFolder, prompts: Prompts) -> int:
    """The purge waited because the clock is far ahead of the data: ask before erasing anyone.

    Returns how many people were erased (0 if the official says no; asked again at the next start).
    """
    from facilitator.services import privacy_purge

    held = opened.purge
    if held is None or not held.held:
        return 0
    one = held.held == 1
    ask = (_("Er datoen {today} rigtig, og skal personen slettes nu?") if one
           else _("Er datoen {today} rigtig, og skal de slettes nu?"))
    question = privacy_purge.held_explanation(held) + "\n\n" + ask.format(
        today=entry_date(held.today))
    yes = _("Ja, slet personen nu") if one else _("Ja, slet dem nu")
    if not prompts.ask(window, _("Slette personer efter opbevaringstid?"), question,
                       yes, _("Nej, ikke nu")):
        return 0
    try:
        return privacy_purge.purge_held(opened.database, opened.folder, held)
    except Exception as exc:  # the app opens all the same; the purge is tried at the next start
        from facilitator.storage.os_errors import describe_failure

        prompts.inform(window, _("Sletningen mislykkedes"), _(
            "Personerne blev ikke slettet ({reason}). Det prøves igen ved næste start.").format(
            reason=describe_failure(exc)))
        return 0
