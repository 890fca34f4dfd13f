"""Adding a person: name, optional contact, and consent per purpose with its date and source."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import validation
from facilitator.domain.enums import ConsentSource
from facilitator.domain.formats import entry_date
from facilitator.i18n import _
from facilitator.services import people
from facilitator.services.people_rows import PersonRow
from facilitator.storage.database import Database
from ui.common.feedback import InlineMessage, attempt
from ui.common.form_errors import FormErrors
from ui.common.unsaved import FormDialog
from ui.planning.planning_widgets import PLANNING_STYLE, heading


class PersonForm(FormDialog):
    """A new person in a project; consent boxes start unticked (nothing is assumed)."""

    def __init__(
        self, db: Database, project_id: uuid.UUID, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._project_id = project_id
        self.saved_row: PersonRow | None = None
        self.setWindowTitle(_("Tilføj person"))
        self.setMinimumWidth(640)
        self.setStyleSheet(PLANNING_STYLE)
        self.name_edit = self._line(_("Fornavn og efternavn"))
        self.contact_edit = self._line(_("Telefon eller e-mail – kun hvis personen vil kontaktes"))
        self.named_check = QCheckBox(_("&Må nævnes ved navn i orienteringen"))
        self.contacted_check = QCheckBox(_("Må kon&taktes om opfølgning"))
        self.date_edit = self._line(_("DD-MM-ÅÅÅÅ"))
        self.date_edit.setText(entry_date(today))
        self.source_combo = QComboBox()
        for source in ConsentSource:
            self.source_combo.addItem(source.label, source)
        self.source_combo.setMinimumHeight(32)
        hint = QLabel(_(
            "Personer er valgfrie. Uden samtykke bruges navnet kun her i appen og kommer "
            "aldrig med i orienteringen eller andet, der forlader appen."))
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        self.message = InlineMessage()
        self.buttons = QDialogButtonBox()
        save = self.buttons.addButton(_("Gem"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        self.buttons.addButton(_("Annullér"), QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.addRow(_("&Navn:"), self.name_edit)
        form.addRow(_("&Kontakt (valgfri):"), self.contact_edit)
        form.addRow(_("Samtykke:"), self.named_check)
        form.addRow("", self.contacted_check)
        form.addRow(_("&Givet den:"), self.date_edit)
        form.addRow(_("&Sådan:"), self.source_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(heading(_("Tilføj person"), 14))
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.errors = FormErrors(self.message, self.problems)
        for field, widget in (("name", self.name_edit), ("contact", self.contact_edit),
                              ("consent_on", self.date_edit)):
            self.errors.add_field(field, widget)
        self._connect_signals()
        self._sync_consent()
        self.name_edit.setFocus()

    @staticmethod
    def _line(placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        # Room for a long paste; the service sets the real limit and says so in Danish.
        edit.setMaxLength(validation.MAX_TEXT_LENGTH + 1)
        edit.setMinimumHeight(32)
        return edit

    def _connect_signals(self) -> None:
        self.named_check.toggled.connect(self._sync_consent)
        self.contacted_check.toggled.connect(self._sync_consent)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _any_consent(self) -> bool:
        return self.named_check.isChecked() or self.contacted_check.isChecked()

    def _sync_consent(self) -> None:
        # A date and a source document a consent; without one there is nothing to document.
        self.date_edit.setEnabled(self._any_consent())
        self.source_combo.setEnabled(self._any_consent())

    def _store(self) -> PersonRow:
        consent = self._any_consent()
        return people.add_person(
            self._db,
            self._project_id,
            self.name_edit.text(),
            self.contact_edit.text(),
            self.named_check.isChecked(),
            self.contacted_check.isChecked(),
            validation.parse_date(self.date_edit.text(), "consent_on", _("Givet den"))
            if consent else None,
            self.source_combo.currentData() if consent else None,
        )

    def problems(self) -> list[validation.Problem]:
        """Every field saving would refuse now, in the form's order."""
        found = people.person_problems(self.name_edit.text(), self.contact_edit.text())
        if self._any_consent():
            found += validation.problems_of(
                lambda: validation.parse_date(self.date_edit.text(), "consent_on", _("Givet den"))
            )
        return found

    def accept(self) -> None:
        """Save through the service; on refusal stay open with the text as typed."""
        problems = self.problems()
        if problems:
            self.errors.show_problems(problems)
            return
        row = attempt(self._store, self.message, problems=self.errors)
        if row is None:
            return
        self.saved_row = row
        super().accept()
