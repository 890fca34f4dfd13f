"""The backups: when each was made, why, and what it holds; restoring one after a confirmation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.clock import Clock
from facilitator.domain.formats import local_date_time
from facilitator.i18n import _
from facilitator.services import backups
from facilitator.services.backups import BackupInfo, RestoreResult, reason_label
from ui.common.feedback import InlineMessage, attempt
from ui.common.row_model import NUMBER, Column, RowTableModel
from ui.planning.planning_widgets import (
    PLANNING_STYLE,
    button,
    fit_to_screen,
    heading,
    read_only_table,
)

if TYPE_CHECKING:
    from facilitator.storage.database import Database


class BackupTableModel(RowTableModel[BackupInfo]):
    """Backups, newest first: when, why, projects, meetings, last entry."""

    WHEN, REASON, PROJECTS, MEETINGS, LAST_ENTRY = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([
            Column(_("Dato og tid"), lambda r: local_date_time(r.created_at)),
            Column(_("Årsag"), lambda r: reason_label(r.reason)),
            Column(_("Projekter"), lambda r: r.projects, NUMBER),
            Column(_("Møder"), lambda r: r.meetings, NUMBER),
            Column(_("Seneste indtastning"), lambda r: local_date_time(r.last_entry)),
        ], parent)


def describe(info: BackupInfo) -> str:
    """One sentence on a backup, for confirmations."""
    return _("sikkerhedskopien fra {when} ({reason}) med {projects} projekt(er), {meetings} "
             "møde(r) og seneste indtastning {last}").format(
        when=local_date_time(info.created_at), reason=reason_label(info.reason),
        projects=info.projects, meetings=info.meetings, last=local_date_time(info.last_entry),
    )


class RestoreDialog(QDialog):
    """Lists the data folder's backups and restores the chosen one (the current state first)."""

    restored = Signal(object)  # RestoreResult

    def __init__(
        self, folder: Path, clock: Clock, db: Database | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._clock = clock
        # The open database, if any: it lets go of the file before the restore.
        self._db = db
        # What the restore did, once one succeeded (also sent with `restored`).
        self.outcome: RestoreResult | None = None
        self.setWindowTitle(_("Sikkerhedskopier"))
        # Roomy where the screen allows; the table and the text shrink on a 1024×600 screen.
        fit_to_screen(self, 980, 560)
        self.setStyleSheet(PLANNING_STYLE)
        self.model = BackupTableModel(self)
        self.table = read_only_table(self.model)
        # The reason takes the spare width; the date needs no more than its text.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.intro = QLabel(
            _("Facilitator tager selv en sikkerhedskopi, når et møde afsluttes, før en "
              "opgradering, hvert femte minut mens der ændres noget, og når programmet lukkes. "
              "Gendanner du en, gemmes det nuværende indhold først som en ny sikkerhedskopi, så "
              "intet går tabt.")
        )
        self.intro.setWordWrap(True)
        self.empty = QLabel(_("Der er ingen sikkerhedskopier endnu."))
        self.folder_label = QLabel(
            _("Mappe: {folder}").format(folder=folder / backups.BACKUP_FOLDER)
        )
        self.folder_label.setObjectName("hintText")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = InlineMessage()
        self.restore_button = button(_("Gendan valgte …"), "Ctrl+R")
        self.restore_button.setObjectName("primaryButton")
        self.close_button = button(_("Luk"), "Esc")
        self._build_layout()
        self._connect_signals()
        self.refresh()

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(heading(_("Sikkerhedskopier")))
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+R"), self).activated.connect(self.restore_selected)
        self.table.doubleClicked.connect(self.restore_selected)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

    def refresh(self) -> None:
        """Read the backups folder again."""
        found = attempt(lambda: backups.list_backups(self._folder), self.message, clear=False)
        self.model.set_rows(found or [])
        self.empty.setVisible(not found)
        self.table.setVisible(bool(found))
        if found:
            self.table.selectRow(0)
            self.table.setFocus()
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        """The backup chosen in the table."""
        row = self.model.row_at(self.table.currentIndex())
        return row if isinstance(row, BackupInfo) else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def restore_selected(self) -> None:
        """Ask, then restore the chosen backup; on success report it and close."""
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            _("Gendan sikkerhedskopi?"),
            _("Vil du gendanne {backup}?\n\nDet nuværende indhold gemmes først som en ny "
              "sikkerhedskopi (en beskadiget database gemmes uændret ved siden af), så du kan "
              "fortryde. Facilitator åbner derefter databasen igen.").format(
                backup=describe(chosen)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        result = attempt(
            lambda: backups.restore(self._folder, chosen.id, self._clock, self._db), self.message
        )
        if result is None:
            self.refresh()
            return
        self.outcome = result
        self.restored.emit(result)
        self.accept()
