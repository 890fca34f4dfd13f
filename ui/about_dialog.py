"""«Om Facilitator»: the versions, the data folder, and the licences of everything shipped.

Opened with Ctrl+F1 on any page (the F1 overlay says so). The licences are
the installer's LICENSES folder, or, from a checkout, what the installed
packages carry (facilitator/licences.py); none is typed here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.licences import Licence, shipped_licences
from facilitator.paths import resource
from ui.planning.planning_widgets import PLANNING_STYLE, buddy_label, fit_to_screen
from ui.versions import version_rows

ICON_PX = 56


def app_icon() -> QIcon:
    """The app's icon, drawn from its SVG source at every size."""
    return QIcon(str(resource("icons", "facilitator.svg")))


class AboutDialog(QDialog):
    """Versions, the data folder's path, and a list of licences with the chosen one's text."""

    def __init__(self, data_folder: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Om Facilitator"))
        self.setStyleSheet(PLANNING_STYLE)
        rows = version_rows()
        versions = dict(rows)
        self.licences: list[Licence] = shipped_licences(
            versions.get("Qt", "?"), versions.get("PySide6", "?")
        )

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_PX, ICON_PX))
        title = QLabel(f"Facilitator {rows[0][1]}")
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        title.setFont(font)
        tagline = QLabel(_("Mødeværktøj til borgerdrevet samskabelse"))
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(tagline)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        facts = QFormLayout()
        facts.setHorizontalSpacing(16)
        for what, version in rows[1:]:
            facts.addRow(what, self._selectable(version))
        folder_text = str(data_folder) if data_folder is not None else _("(ikke åbnet)")
        self.folder_label = self._selectable(folder_text)
        self.folder_label.setWordWrap(True)
        facts.addRow(_("Datamappe"), self.folder_label)

        self.licence_list = QListWidget()
        self.licence_list.setObjectName("licenceList")
        for entry in self.licences:
            shown = " ".join(part for part in (entry.name, entry.version) if part)
            item = QListWidgetItem(f"{shown} — {entry.licence}")
            item.setToolTip(entry.url)
            self.licence_list.addItem(item)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.licence_text.setTabChangesFocus(True)
        licences = QHBoxLayout()
        licences.addWidget(self.licence_list, 2)
        licences.addWidget(self.licence_text, 3)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(_("Luk"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addWidget(buddy_label(_("&Licenser for det, Facilitator indeholder:"),
                                     self.licence_list))
        layout.addLayout(licences, 1)
        layout.addWidget(buttons)

        self.licence_list.currentRowChanged.connect(self.show_licence)
        if self.licences:
            self.licence_list.setCurrentRow(0)
        self.licence_list.setFocus()
        fit_to_screen(self, 900, 620)

    @staticmethod
    def _selectable(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_licence(self, row: int) -> None:
        """Show the full text of the licence chosen in the list."""
        if 0 <= row < len(self.licences):
            entry = self.licences[row]
            head = " ".join(part for part in (entry.name, entry.version) if part)
            body = entry.text or _("(ingen licenstekst fundet)")
            self.licence_text.setPlainText(f"{head}\n{entry.licence}\n{entry.url}\n\n{body}")
