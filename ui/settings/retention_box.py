"""Opbevaring: when the project ended, and how long names and contacts are kept after that."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from facilitator.domain import validation
from facilitator.domain.formats import entry_date
from facilitator.i18n import _
from facilitator.services.privacy_settings import (
    MAX_RETENTION_MONTHS,
    Retention,
    get_retention_months,
    retention,
    set_project_ended,
    set_retention_months,
)
from facilitator.storage.database import Database
from ui.common.feedback import InlineMessage, attempt
from ui.planning.planning_widgets import buddy_label, button


class RetentionBox(QWidget):
    """The project's end date and the retention in months (a setting for every project)."""

    def __init__(
        self, db: Database, project_id: uuid.UUID, message: InlineMessage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._project_id = project_id
        self._message = message
        kept = retention(db, project_id)
        self.end_edit = QLineEdit(entry_date(kept.ended_on))
        self.end_edit.setPlaceholderText(_("DD-MM-ÅÅÅÅ"))
        self.end_edit.setMaximumWidth(140)
        self.end_edit.setMinimumHeight(32)
        self.months_spin = QSpinBox()
        self.months_spin.setRange(0, MAX_RETENTION_MONTHS)
        self.months_spin.setValue(get_retention_months(db))
        self.months_spin.setSuffix(_(" måneder"))
        self.months_spin.setToolTip(_("Gælder alle projekter."))
        self.months_spin.setMinimumHeight(32)
        self.save_button = button(_("Gem opbevaring"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        section = QLabel(_("Opbevaring"))
        section.setObjectName("sectionHeading")
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(buddy_label(_("Projektet &sluttede:"), self.end_edit))
        row.addWidget(self.end_edit)
        row.addSpacing(12)
        # One short row: the sentence below says from which day exactly.
        row.addWidget(buddy_label(_("Slet navne og &kontakt efter:"), self.months_spin))
        row.addWidget(self.months_spin)
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(section)
        layout.addLayout(row)
        layout.addWidget(self.label)
        QWidget.setTabOrder(self.end_edit, self.months_spin)
        QWidget.setTabOrder(self.months_spin, self.save_button)
        self._connect_signals()
        self._show(kept)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.save)

    def _show(self, kept: Retention) -> None:
        if kept.erase_from is not None:
            text = _("Navne og kontaktoplysninger i projektet slettes automatisk fra {date}, "
                     "næste gang Facilitator starter derefter.").format(
                         date=entry_date(kept.erase_from))
            if kept.ended_on is None:
                text += " " + _("Projektet er arkiveret, så tiden regnes fra sidste møde.")
        else:
            text = _("Projektet kører stadig, så intet slettes automatisk. Skriv slutdatoen, "
                     "når projektet er afsluttet.")
        self.label.setText(text)

    def save(self) -> None:
        """Store the project's end date and the retention in months."""
        def store() -> Retention:
            ended = validation.parse_date(self.end_edit.text(), "ended_on", _("Projektet sluttede"))
            set_project_ended(self._db, self._project_id, ended)
            set_retention_months(self._db, self.months_spin.value())
            return retention(self._db, self._project_id)

        kept = attempt(store, self._message)
        if kept is not None:
            self._show(kept)
            self._message.show_info(_("Opbevaringen er gemt."))
