"""Personer og samtykke: a project's people, their consents, access exports, erasure and retention."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.services import meetings, people, privacy, projects
from facilitator.storage.database import Database
from ui.common.actions import Change, run_action
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.files import documents_folder
from ui.common.files import open_with_desktop as open_file
from ui.common.focus import give_focus
from ui.common.row_model import ROW_ROLE
from ui.people.people_model import PeopleTableModel, PersonEntry
from ui.planning.planning_widgets import (
    PLANNING_STYLE,
    button,
    fit_to_screen,
    heading,
    read_only_table,
)
from ui.settings.retention_box import RetentionBox

# Characters Windows, macOS or a USB stick refuse in a file name.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
PEOPLE_STYLE = "QLabel#sectionHeading { font-size: 13pt; font-weight: bold; }"


def _safe(name: str) -> str:
    return " ".join(_UNSAFE.sub("-", name).split())[:120]


class PeopleDialog(QDialog):
    """List, add, withdraw, find, export and erase people of one project; the privacy notice."""

    people_changed = Signal()  # a person was added, withdrew consent or was erased

    def __init__(
        self, db: Database, hub: ChangeHub, project_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._project_id = project_id
        self._project = projects.get_project(db, project_id)
        # The form or list open over this dialog now, if any (tests look at it).
        self.form: QDialog | None = None
        self.setWindowTitle(_("Personer og samtykke – {project}").format(project=self._project.name))
        # Roomy where the screen allows; everything still fits a 1024×600 screen.
        fit_to_screen(self, 980, 640)
        self.setStyleSheet(PLANNING_STYLE + PEOPLE_STYLE)
        self.model = PeopleTableModel(self)
        self.table = read_only_table(self.model)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Find en person i alle projekter (Ctrl+F) …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumHeight(34)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("hintText")
        self.empty_label.setWordWrap(True)
        self.add_button = button(_("Tilføj person …"), "Ctrl+N")
        self.add_button.setObjectName("primaryButton")
        self.withdraw_button = button(_("Træk samtykke tilbage …"), "Ctrl+T")
        self.export_button = button(_("Eksportér indsigt …"), "Ctrl+E")
        self.erase_button = button(_("Slet person …"), "Delete")
        self.notice_button = button(_("Privatlivserklæring …"), "Ctrl+Shift+E")
        self.groups_button = button(_("Borgergrupper …"), "Ctrl+G")
        self.close_button = QPushButton(_("Luk"))
        self.message = InlineMessage()
        self.retention_box = RetentionBox(db, project_id, self.message)
        self._build_layout()
        self._connect_signals()
        self.refresh()
        self.table.setFocus()

    def _build_layout(self) -> None:
        # The project in the heading: a line of its own cost a 600 px screen the table's room.
        title = heading(
            _("Personer og samtykke – {project}").format(project=self._project.name), 17
        )
        title.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(_(
            "Personer er valgfrie: idéer og ønsker krediteres en gruppe, medmindre du vælger en "
            "person. Et navn kommer kun med i orienteringen, hvis personen har sagt ja til det."))
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        for push in (self.add_button, self.withdraw_button, self.export_button, self.erase_button):
            actions.addWidget(push)
        actions.addStretch(1)
        # The groups and the notice are about the project, not the chosen person: by «Luk».
        closing = QHBoxLayout()
        closing.addWidget(self.groups_button)
        closing.addWidget(self.notice_button)
        closing.addStretch(1)
        closing.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(hint)
        search = QHBoxLayout()
        search_label = QLabel(_("&Find person:"))
        search_label.setBuddy(self.search_edit)
        search.addWidget(search_label)
        search.addWidget(self.search_edit, 1)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(actions)
        layout.addSpacing(8)
        layout.addWidget(self.retention_box)
        layout.addWidget(self.message)
        layout.addLayout(closing)
        kept = self.retention_box
        order = (self.search_edit, self.table, self.add_button, self.withdraw_button,
                 self.export_button, self.erase_button, self.groups_button, self.notice_button,
                 kept.end_edit,
                 kept.months_spin, kept.save_button, self.close_button)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        for push, slot, keys in (
            (self.add_button, self.add_person, "Ctrl+N"),
            (self.withdraw_button, self.withdraw_consent, "Ctrl+T"),
            (self.export_button, self.export_person, "Ctrl+E"),
            (self.notice_button, self.save_notice, "Ctrl+Shift+E"),
            (self.groups_button, self.open_groups, "Ctrl+G"),
        ):
            push.clicked.connect(slot)
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.erase_button.clicked.connect(self.erase_person)
        # Delete erases only from the table: in the search field it deletes a character.
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), self.table,
            context=Qt.ShortcutContext.WidgetShortcut,
        ).activated.connect(self.erase_person)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self).activated.connect(
            self.search_edit.setFocus
        )
        self.close_button.clicked.connect(self.accept)

    # -- what is shown ------------------------------------------------------------

    def refresh(self) -> None:
        """Reload: the project's people, or everyone matching the search across projects."""
        chosen = self.current_entry()
        text = self.search_edit.text()
        names = {p.id: p.name for p in projects.list_projects(self._db, True)}
        searching = bool(text.strip())
        found = (privacy.find_people(self._db, text) if searching
                 else people.list_people(self._db, self._project_id))
        self.model.set_rows([PersonEntry(p, names.get(p.project_id, "")) for p in found])
        self.table.setColumnHidden(PeopleTableModel.PROJECT, not searching)
        if searching and not found:
            self.empty_label.setText(_("Ingen personer passer til søgningen."))
        elif not found:
            self.empty_label.setText(_(
                "Ingen personer i projektet endnu. Tilføj kun en person, når borgeren selv vil "
                "nævnes eller kontaktes: «Tilføj person» (Ctrl+N)."))
        self.empty_label.setVisible(not found)
        row = self.model.row_of(chosen.id) if chosen else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)
        self._update_buttons()

    def current_entry(self) -> PersonEntry | None:
        """The chosen person, if any."""
        entry = self.table.currentIndex().data(ROW_ROLE)
        return entry if isinstance(entry, PersonEntry) else None

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        for push in (self.export_button, self.erase_button):
            push.setEnabled(entry is not None)
        person = entry.person if entry else None
        self.withdraw_button.setEnabled(
            person is not None and person.withdrawn_at is None
            and (person.may_be_named or person.may_be_contacted))

    # -- actions ------------------------------------------------------------------

    def _changed(self) -> None:
        self.refresh()
        self.people_changed.emit()
        self._hub.people_changed.emit(self._project_id)

    def _erased_changes(self) -> list[Change]:
        """The person's name was replaced in the project's ideas, asks and steps."""
        hub = self._hub
        return [
            (signal, meeting.id)
            for meeting in meetings.list_meetings(self._db, self._project_id)
            for signal in (hub.ideas_changed, hub.asks_changed, hub.steps_changed)
        ]

    def add_person(self) -> None:
        """Open the form for a new person in this project."""
        from ui.people.person_form import PersonForm

        today = self._db.clock.now().astimezone().date()
        form = PersonForm(self._db, self._project_id, today, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = form

        def saved() -> None:
            self.search_edit.clear()
            self._changed()
            if form.saved_row is not None:
                self.table.setCurrentIndex(self.model.index(self.model.row_of(form.saved_row.id), 0))
            self.message.show_info(_("Personen er tilføjet."))

        form.accepted.connect(saved)
        form.finished.connect(self._form_closed)
        form.open()

    def open_groups(self) -> None:
        """The project's citizen groups: the names offered instead of a person's."""
        from ui.people.groups_dialog import GroupsDialog

        dialog = GroupsDialog(self._db, self._project_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = dialog
        dialog.finished.connect(self._form_closed)
        dialog.open()

    def _form_closed(self) -> None:
        self.form = None
        give_focus(self.table)

    def _confirm(self, title: str, text: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        # A name like "<b>Anna" must show as typed, not as formatting.
        box.setTextFormat(Qt.TextFormat.PlainText)
        act = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_("Annullér"), QMessageBox.ButtonRole.RejectRole)
        # Enter and Esc both keep things as they are; acting needs a deliberate choice.
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        # Give the keyboard back to this dialog (some platforms leave no window active).
        self.activateWindow()
        return box.clickedButton() is act

    def _chosen(self) -> PersonEntry | None:
        entry = self.current_entry()
        if entry is None:
            self.message.show_error(_("Vælg en person i listen først."))
        return entry

    def withdraw_consent(self) -> None:
        """The chosen person withdraws consent: the name no longer leaves the app."""
        entry = self._chosen()
        if entry is None or not self.withdraw_button.isEnabled():
            return
        if not self._confirm(
            _("Træk samtykke tilbage"),
            _("{name} trækker sit samtykke tilbage.\n\nFra nu af kommer navnet ikke med i "
              "orienteringen eller andet, der forlader appen, og personen kontaktes ikke.")
            .format(name=entry.person.name),
            _("Træk tilbage"),
        ):
            return
        if attempt(lambda: people.withdraw_consent(self._db, entry.id), self.message):
            self._changed()
            self.message.show_info(_("Samtykket er trukket tilbage."))

    def erase_person(self) -> None:
        """Erase the chosen person everywhere, backups included, after a clear confirmation."""
        entry = self._chosen()
        if entry is None:
            return
        if not self._confirm(
            _("Slet person for altid"),
            _("Slet {name} for altid?\n\nNavn og kontaktoplysninger fjernes alle steder – også "
              "i idéer, ønsker og sikkerhedskopier, hvor navnet erstattes af «[slettet person]». "
              "Det, personen har bidraget med, bliver stående uden navn.\n\n"
              "Det kan ikke fortrydes.").format(name=entry.person.name),
            _("Slet for altid"),
        ):
            return
        rewritten = run_action(lambda: privacy.erase_person(self._db, entry.id), self.message,
                               lambda _count: self._erased_changes(),
                               success=lambda _count: self._changed())
        if rewritten is not None:
            self.message.show_info(
                _("Personen er slettet. Sikkerhedskopier renset: {count}.").format(count=rewritten))

    def export_person(self) -> None:
        """Save everything stored about the chosen person as PDF and JSON (a request of access)."""
        entry = self._chosen()
        if entry is None:
            return
        day = self._db.clock.now().astimezone().date().isoformat()
        suggested = documents_folder() / (_safe(_("Indsigt – {name} – {date}").format(
            name=entry.person.name, date=day)) + ".pdf")
        path, _chosen_filter = QFileDialog.getSaveFileName(
            self, _("Gem indsigt (PDF og JSON)"), str(suggested), _("PDF-dokument (*.pdf)"))
        if not path:
            return
        saved = attempt(lambda: privacy.export_person_files(self._db, entry.id, Path(path)),
                        self.message)
        if saved is not None:
            self.message.show_info(_("Indsigten er gemt: {pdf} og {json}").format(
                pdf=saved[0].name, json=saved[1].name))

    def save_notice(self) -> None:
        """Save the printable privacy notice (Danish or English, by the chosen file type); open it."""
        danish, english = _("PDF på dansk (*.pdf)"), _("PDF på engelsk (*.pdf)")
        suggested = documents_folder() / (_("Privatlivserklæring") + ".pdf")
        path, chosen = QFileDialog.getSaveFileName(
            self, _("Gem privatlivserklæring"), str(suggested), f"{danish};;{english}")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        language = "en" if chosen == english else "da"
        written = attempt(lambda: privacy.write_privacy_notice(self._db, target, language),
                          self.message)
        if written is not None:
            self.message.show_info(_("Privatlivserklæringen er gemt: {path}").format(path=written))
            open_file(written)
