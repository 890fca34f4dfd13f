"""What a project gives others: the status brief for the councillors, the export for the case
system and Excel.

One small dialog, keyboard first: the first day of the period (blank: the whole project) and
the language for the status brief, the format for the export; «Gem …» asks where (through an
injectable chooser, so tests answer without a file dialog) and writes through the same
services as `facilitator brief --project` and `facilitator export`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import validation
from facilitator.domain.formats import entry_date
from facilitator.i18n import LANGUAGES, N_, _
from facilitator.services import project_export, project_status
from facilitator.storage.database import Database
from ui.brief.sent_dialog import language_name
from ui.common.feedback import InlineMessage, attempt
from ui.common.files import documents_folder, open_with_desktop

# (title, suggested path, file filter) → the chosen path, or "" when the official cancels.
ChoosePath = Callable[[QWidget, str, Path, str], str]


def choose_with_dialog(parent: QWidget, title: str, suggested: Path, file_filter: str) -> str:
    """The system's save dialog."""
    path, _chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return path


FORMATS = (
    ("xlsx", N_("Regneark (xlsx)"), N_("Regneark (*.xlsx)")),
    ("csv", N_("CSV-filer i en mappe (; og UTF-8)"), ""),
    ("json", "JSON", "JSON (*.json)"),
)


class HandOutDialog(QDialog):
    """«Statusorientering og eksport»: a PDF for the councillors, tables for the archive."""

    def __init__(
        self,
        db: Database,
        project_id: uuid.UUID,
        project_name: str,
        parent: QWidget | None = None,
        choose_path: ChoosePath = choose_with_dialog,
        open_file: Callable[[Path], None] = open_with_desktop,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._project_id = project_id
        self._name = project_name
        self.choose_path = choose_path
        self.open_file = open_file
        self.written: list[Path] = []
        self.setWindowTitle(_("Statusorientering og eksport"))

        self.since = QLineEdit()
        self.since.setPlaceholderText(_("tom: hele projektet"))
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.brief_button = QPushButton(_("Gem &statusorientering (PDF) …"))
        self.brief_button.setObjectName("primaryButton")
        brief_box = QGroupBox(_("Statusorientering til politikerne"))
        brief_form = QFormLayout(brief_box)
        since_label = QLabel(_("&Fra dato:"))
        since_label.setBuddy(self.since)
        language_label = QLabel(_("S&prog:"))
        language_label.setBuddy(self.language)
        brief_form.addRow(since_label, self.since)
        brief_form.addRow(language_label, self.language)
        brief_form.addRow(self.brief_button)

        self.format = QComboBox()
        for key, label, _filter in FORMATS:
            self.format.addItem(_(label), key)
        self.export_button = QPushButton(_("Gem &eksport …"))
        export_box = QGroupBox(_("Eksport til sagssystem og regneark (anonymiseret)"))
        export_form = QFormLayout(export_box)
        format_label = QLabel(_("F&ormat:"))
        format_label.setBuddy(self.format)
        export_form.addRow(format_label, self.format)
        export_form.addRow(self.export_button)

        self.message = InlineMessage()
        close = QPushButton(_("Luk"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(brief_box)
        layout.addWidget(export_box)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.brief_button.clicked.connect(self.save_brief)
        self.export_button.clicked.connect(self.save_export)
        # Enter in the fields saves the status brief, once: it is the dialog's default button.
        self.brief_button.setDefault(True)

    def _today(self) -> str:
        return entry_date(self._db.clock.now().astimezone().date())

    def save_brief(self) -> None:
        """Ask where, then write the status brief; it opens in the PDF viewer."""
        since = attempt(lambda: validation.parse_date(self.since.text(), "since", _("Fra dato")),
                        self.message)
        if since is None and self.since.text().strip():
            self.since.setFocus()
            return
        suggested = documents_folder() / f"{_('Status')} – {self._name} – {self._today()}.pdf"
        chosen = self.choose_path(self, _("Gem statusorientering"), suggested,
                                  _("PDF-dokument (*.pdf)"))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        language = str(self.language.currentData())
        written = attempt(lambda: project_status.write_status_brief(
            self._db, self._project_id, path, since, language), self.message)
        if written is not None:
            self.written = [written]
            self.message.show_info(_("Statusorienteringen er gemt: {path}").format(path=written))
            self.open_file(written)

    def save_export(self) -> None:
        """Ask where (a file; for CSV a folder), then write the export."""
        fmt = str(self.format.currentData())
        file_filter = next(f for key, _label, f in FORMATS if key == fmt)
        base = f"{_('Eksport')} – {self._name} – {self._today()}"
        suggested = documents_folder() / (base if fmt == "csv" else f"{base}.{fmt}")
        chosen = self.choose_path(self, _("Gem eksport"), suggested, _(file_filter) if file_filter
                                  else _("Mappe til CSV-filerne"))
        if not chosen:
            return
        path = Path(chosen)
        if fmt != "csv" and path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        written = attempt(lambda: project_export.write_export(self._db, self._project_id, fmt, path),
                          self.message)
        if written is not None:
            self.written = list(written)
            self.message.show_info(_("Eksporten er gemt: {path}").format(
                path=", ".join(p.name for p in written)))
