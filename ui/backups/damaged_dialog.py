"""A damaged database at start: say so plainly, offer the latest good backup, or open it read-only.

The damaged file is never opened for writing here: restoring keeps it aside
unchanged (`facilitator.db.beskadiget-<time>`), and "read-only" opens it with
SQLite's `mode=ro`, so every save is refused with a Danish message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from facilitator.clock import Clock
from facilitator.i18n import _
from facilitator.services import backups
from facilitator.storage.integrity import DatabaseDamaged
from ui.backups.restore_dialog import RestoreDialog, describe
from ui.common.feedback import InlineMessage, attempt
from ui.planning.planning_widgets import PLANNING_STYLE, button, heading

if TYPE_CHECKING:
    from facilitator.storage.database import Database
    from ui.main_window import MainWindow

# Clear but one line on a 1024×600 screen: every line it takes is gone from the page below.
BANNER_STYLE = (
    "QLabel#readOnlyBanner { background: #fff4d6; color: #5c3b00; font-size: 11pt; "
    "font-weight: bold; padding: 5px 24px; border-bottom: 2px solid #d9a400; }"
)


class DamagedDialog(QDialog):
    """Explains the damage and offers: restore the latest good backup, choose one, read-only, quit."""

    restored = Signal(object)  # RestoreResult
    read_only_opened = Signal(object)  # the Database, opened read-only
    quit_chosen = Signal()

    def __init__(self, damage: DatabaseDamaged, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._damage = damage
        self._clock = clock
        self._folder = damage.path.parent
        self._chosen = False
        self.latest = backups.latest_good_backup(self._folder)
        self.setWindowTitle(_("Databasen er beskadiget"))
        self.setMinimumWidth(760)
        self.setStyleSheet(PLANNING_STYLE)
        self.explanation = QLabel(
            _("Facilitator kan ikke læse hele databasen. Det kan ske, hvis computeren mistede "
              "strømmen, disken svigtede, eller et synkroniseringsprogram (fx OneDrive) kopierede "
              "filen midt i en ændring.\n\nFacilitator har ikke ændret noget i filen: {path}").format(
                path=damage.path
            )
        )
        self.offer = QLabel(self._offer_text())
        self.details = QLabel(
            _("Teknisk: {problem}").format(problem=damage.problems[0] if damage.problems else "–")
        )
        self.details.setObjectName("hintText")
        for label in (self.explanation, self.offer, self.details):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = InlineMessage()
        self.restore_button = button(_("Gendan seneste gode sikkerhedskopi"))
        self.restore_button.setObjectName("primaryButton")
        self.restore_button.setVisible(self.latest is not None)
        self.choose_button = button(_("Vælg en anden sikkerhedskopi …"))
        self.choose_button.setEnabled(self._has_backups())
        self.read_only_button = button(_("Åbn skrivebeskyttet"))
        self.quit_button = button(_("Afslut"))
        self._build_layout()
        self._connect_signals()
        (self.restore_button if self.latest is not None else self.read_only_button).setFocus()

    def _has_backups(self) -> bool:
        try:
            return bool(backups.list_backups(self._folder))
        except OSError:  # an unreadable backups folder must not stop the dialog
            return False

    def _offer_text(self) -> str:
        if self.latest is None:
            return _("Der er ingen brugbar sikkerhedskopi. Du kan åbne det, der kan læses, "
                     "skrivebeskyttet: så kan du se og udskrive, men intet gemmes.")
        return _("Du kan gendanne {backup}. Den beskadigede fil gemmes uændret ved siden af "
                 "(facilitator.db.beskadiget-…), så intet slettes.\n\nEller åbn det, der kan "
                 "læses, skrivebeskyttet: så kan du se og udskrive, men intet gemmes.").format(
            backup=describe(self.latest)
        )

    def _build_layout(self) -> None:
        # The choices stacked, full width: each readable at a glance, none clipped.
        choices = QVBoxLayout()
        choices.setSpacing(10)
        for push in (self.restore_button, self.choose_button, self.read_only_button):
            choices.addWidget(push)
        quit_row = QHBoxLayout()
        quit_row.addWidget(self.quit_button)
        quit_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        layout.addWidget(heading(_("Databasen er beskadiget"), 18))
        layout.addWidget(self.explanation)
        layout.addWidget(self.offer)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(choices)
        layout.addLayout(quit_row)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Open tall enough for the wrapped texts at the width it opens with: Qt's first guess
        for wrapped labels can be short (a long data-folder path), squeezing the buttons."""
        super().showEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def _connect_signals(self) -> None:
        self.restore_button.clicked.connect(self.restore_latest)
        self.choose_button.clicked.connect(self.choose_backup)
        self.read_only_button.clicked.connect(self.open_read_only)
        self.quit_button.clicked.connect(self.reject)
        self.rejected.connect(self._quit)

    def restore_latest(self) -> None:
        """Restore the newest good backup; the damaged file is kept aside unchanged."""
        if self.latest is None:
            return
        latest = self.latest
        result = attempt(lambda: backups.restore(self._folder, latest.id, self._clock), self.message)
        if result is not None:
            self._done_with(lambda: self.restored.emit(result))

    def choose_backup(self) -> None:
        """Pick another backup in the restore screen."""
        dialog = RestoreDialog(self._folder, self._clock, None, self)
        dialog.restored.connect(lambda result: self._done_with(lambda: self.restored.emit(result)))
        self.restore_dialog = dialog
        dialog.open()

    def open_read_only(self) -> None:
        """Open what can be read, read-only; if even that fails, say so here and stay."""
        from facilitator.data_door import Purpose, open_data_folder

        opened = attempt(
            lambda: open_data_folder(self._folder, self._clock, Purpose.SALVAGE), self.message)
        if opened is None:
            self.read_only_button.setEnabled(False)
            return
        db = opened.database
        self._done_with(lambda: self.read_only_opened.emit(db))

    def _done_with(self, announce: Callable[[], None]) -> None:
        self._chosen = True
        self.accept()
        announce()

    def _quit(self) -> None:
        if not self._chosen:
            self.quit_chosen.emit()


def show_read_only_banner(window: QMainWindow) -> QLabel:
    """A clear line across the top of the window: read-only because the database is damaged."""
    banner = QLabel(
        _("Skrivebeskyttet – databasen er beskadiget, og intet gemmes. Gendan en "
          "sikkerhedskopi fra startsiden.")
    )
    banner.setObjectName("readOnlyBanner")
    banner.setWordWrap(True)
    banner.setStyleSheet(BANNER_STYLE)
    window.setMenuWidget(banner)
    banner.show()  # a widget given to a window already shown stays hidden otherwise
    return banner


def attach_read_only(window: MainWindow, db: Database) -> None:
    """Show the damaged database, opened read-only, in the main window under the banner."""
    window.attach(db)
    window.read_only_banner = show_read_only_banner(window)
    window.activateWindow()  # the keyboard goes back to the window once the dialog is gone


def handle_damaged(window: MainWindow, damage: Any, clock: Clock, reopen: Callable[[], None],
                   quit: Callable[[], None]) -> DamagedDialog:
    """Show the damaged-database dialog over the main window and act on the choice."""
    dialog = DamagedDialog(damage, clock, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.restored.connect(lambda _result: reopen())
    dialog.read_only_opened.connect(lambda db: attach_read_only(window, db))
    dialog.quit_chosen.connect(quit)
    window.damaged_dialog = dialog
    dialog.open()
    return dialog
