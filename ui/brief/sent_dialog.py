"""Recording that a brief was sent to the politicians: when, and to whom."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import validation
from facilitator.domain.formats import entry_date
from facilitator.i18n import _
from facilitator.storage.database import Database
from ui.common.feedback import InlineMessage, attempt
from ui.common.unsaved import FormDialog
from ui.planning.planning_widgets import PLANNING_STYLE

_Index = QModelIndex | QPersistentModelIndex
SHOWN_RECIPIENTS = 160
TOOLTIP_RECIPIENTS = 1000


def language_name(language: str) -> str:
    """The brief language as the user chose it ("Dansk", "English")."""
    names = {"da": _("Dansk"), "en": _("English")}
    return names.get(language, language)


class SentDialog(FormDialog):
    """Date (DD-MM-ÅÅÅÅ, today by default) and recipients; saves through `briefs.record_sent`."""

    def __init__(
        self, db: Database, meeting_id: uuid.UUID, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._meeting_id = meeting_id
        self._language = language
        # The stored BriefRecordRow once saved.
        self.saved_row: Any = None
        self.setWindowTitle(_("Registrér som sendt"))
        self.setMinimumWidth(560)
        self.setStyleSheet(PLANNING_STYLE)
        today = db.clock.now().astimezone().date()
        self.date_edit = QLineEdit(entry_date(today))
        self.date_edit.setPlaceholderText(_("DD-MM-ÅÅÅÅ"))
        self.recipients_edit = QLineEdit()
        self.recipients_edit.setPlaceholderText(_("fx Udvalget for Landdistrikter"))
        self.recipients_edit.setMaxLength(validation.MAX_TEXT_LENGTH + 1)
        for edit in (self.date_edit, self.recipients_edit):
            edit.setMinimumHeight(32)
        intro = QLabel(
            _(
                "Notér hvornår og til hvem orienteringen blev sendt, så opfølgningen ved, "
                "hvad politikerne har fået at vide."
            )
        )
        intro.setWordWrap(True)
        self.message = InlineMessage()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Registrér"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annullér"))
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(_("Sendt &den:"), self.date_edit)
        form.addRow(_("Sendt &til:"), self.recipients_edit)
        form.addRow(_("Sprog:"), QLabel(language_name(language)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.recipients_edit.setFocus()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        """Store the sending; on refusal stay open and say why."""
        row = attempt(self._store, self.message)
        if row is None:
            return
        self.saved_row = row
        super().accept()

    def _store(self) -> Any:
        from facilitator.services import briefs

        sent_on = validation.parse_date(self.date_edit.text(), "sent_on", _("Sendt den"))
        if sent_on is None:
            raise validation.ValidationError(
                _("Skriv datoen, orienteringen blev sendt."), "sent_on"
            )
        # A refusal (no recipients, unknown meeting) is a ValidationError, shown inline.
        return briefs.record_sent(
            self._db, self._meeting_id, sent_on, self.recipients_edit.text(), self._language
        )


class SentListModel(QAbstractListModel):
    """Earlier sendings of this meeting's brief, one line each."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        """Replace the rows (BriefRecordRow)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        recipients = " ".join(row.recipients.split())
        # A pasted essay must not swamp the list; the tooltip holds more of it.
        limit = SHOWN_RECIPIENTS if role == Qt.ItemDataRole.DisplayRole else TOOLTIP_RECIPIENTS
        if len(recipients) > limit:
            recipients = recipients[:limit] + "…"
        return _("Sendt {day} til {recipients} ({language})").format(
            day=entry_date(row.sent_on),
            recipients=recipients,
            language=language_name(row.language).lower(),
        )
