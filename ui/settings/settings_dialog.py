"""Indstillinger: the municipality, the official and the logo that the brief's header shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import validation
from facilitator.i18n import _
from facilitator.services import settings
from facilitator.storage.database import Database
from facilitator.storage.os_errors import describe_os_error
from ui.common.feedback import InlineMessage, attempt
from ui.common.form_errors import FormErrors
from ui.common.unsaved import FormDialog
from ui.planning.planning_widgets import PLANNING_STYLE

THUMB_WIDTH = 220
THUMB_HEIGHT = 90


class SettingsDialog(FormDialog):
    """Kommune, embedspersonens navn, afdeling and logo; saved through `settings.save_settings`."""

    # A logo was chosen or removed (the logo is no field's text, so nothing else says so).
    logo_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        stored = settings.get_settings(db)
        # The logo as it will be saved (None: no logo); changed by choose/remove.
        self.logo: bytes | None = stored.logo_png
        self.saved: settings.Settings | None = None
        self.setWindowTitle(_("Indstillinger"))
        self.setMinimumWidth(640)
        self.setStyleSheet(PLANNING_STYLE + SETTINGS_STYLE)
        self.municipality_edit = self._line(stored.municipality, _("fx Syddjurs Kommune"))
        self.name_edit = self._line(
            stored.official_name, _("Dit navn, som det står i orienteringen")
        )
        self.department_edit = self._line(stored.official_department, _("fx Plan og Udvikling"))
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(THUMB_WIDTH, THUMB_HEIGHT)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_logo_button = QPushButton(_("Vælg logo …"))
        self.remove_logo_button = QPushButton(_("Fjern logo"))
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.setSpacing(14)
        logo_row.addWidget(self.logo_preview, 0, Qt.AlignmentFlag.AlignTop)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)
        hint = QLabel(
            _(
                "Vises øverst i den politiske orientering. Logoet skal være et PNG- eller "
                "JPEG-billede på højst 2 MB."
            )
        )
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        self.message = InlineMessage()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Gem"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annullér"))
        form = QFormLayout()
        form.setVerticalSpacing(14)
        form.setHorizontalSpacing(16)
        form.addRow(_("&Kommune:"), self.municipality_edit)
        form.addRow(_("Embedspersonens &navn:"), self.name_edit)
        form.addRow(_("&Afdeling:"), self.department_edit)
        logo_label = QLabel(_("Logo:"))
        # The label names the chooser, so a refused logo's ⚠ lands on it.
        logo_label.setBuddy(self.choose_logo_button)
        form.addRow(logo_label, logo_row)
        form.addRow("", hint)
        title = QLabel(_("Indstillinger for den politiske orientering"))
        title.setObjectName("settingsHeading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.errors = FormErrors(self.message, self.problems)
        for field, widget in (("municipality", self.municipality_edit),
                              ("official_name", self.name_edit),
                              ("official_department", self.department_edit)):
            self.errors.add_field(field, widget)
        self.errors.add_field("logo_png", self.choose_logo_button, self.logo_changed)
        self._connect_signals()
        self._show_logo()
        self.municipality_edit.setFocus()

    @staticmethod
    def _line(text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setPlaceholderText(placeholder)
        # Room for a long paste; the service sets the real limit and says so in Danish.
        edit.setMaxLength(validation.MAX_TEXT_LENGTH + 1)
        edit.setMinimumHeight(32)
        return edit

    def _connect_signals(self) -> None:
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def choose_logo(self) -> None:
        """Pick a PNG/JPEG file; a refused file leaves the current logo as it was."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Vælg logo"), folder, _("Billeder (*.png *.jpg *.jpeg)")
        )
        if chosen:
            self.use_logo_file(Path(chosen))

    def use_logo_file(self, path: Path) -> bool:
        """Read and check a logo file; on refusal say why inline and keep the old logo."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.message.show_error(
                _("Filen {name} kan ikke læses: {reason}").format(
                    name=path.name, reason=describe_os_error(exc)
                )
            )
            return False
        if attempt(lambda: settings.check_logo(data), self.message, clear=False) is None:
            return False
        self.logo = data
        self._show_logo()
        self._logo_set()
        return True

    def remove_logo(self) -> None:
        """No logo in the brief."""
        self.logo = None
        self._show_logo()
        self._logo_set()

    def _logo_set(self) -> None:
        # A refused file's message goes; fields still marked keep theirs, and a
        # marked logo is checked again (and cleared once it is fine).
        if not self.errors.fields_shown():
            self.message.clear_message()
        self.logo_changed.emit()

    def extra_values(self) -> list[object]:
        """The logo, which no field holds: choosing or removing one is a change to keep."""
        return [self.logo]

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self.logo is not None and pixmap.loadFromData(self.logo):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    THUMB_WIDTH - 12,
                    THUMB_HEIGHT - 12,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("Intet logo") if self.logo is None else _("Logo valgt"))
        self.remove_logo_button.setEnabled(self.logo is not None)

    def current(self) -> settings.Settings:
        """The settings as filled in now."""
        return settings.Settings(
            municipality=self.municipality_edit.text(),
            official_name=self.name_edit.text(),
            official_department=self.department_edit.text(),
            logo_png=self.logo,
        )

    def problems(self) -> list[validation.Problem]:
        """Every setting saving would refuse now, in the dialog's order."""
        return settings.settings_problems(self.current())

    def accept(self) -> None:
        """Save; on refusal stay open with everything as typed, the cursor where to fix it."""
        problems = self.problems()
        if problems:
            self.errors.show_problems(problems)
            return
        saved = attempt(lambda: settings.save_settings(self._db, self.current()), self.message,
                        problems=self.errors)
        if saved is None:
            return
        self.saved = saved
        super().accept()


SETTINGS_STYLE = """
QLabel#settingsHeading { font-size: 15pt; font-weight: bold; }
QLabel#logoPreview { border: 1px dashed #9aa5b1; border-radius: 4px; background: #fafbfa; color: #555; }
"""
