"""The start screen: projects with their villages, and each project's meetings."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.enums import MeetingStatus
from facilitator.i18n import _
from facilitator.services import follow_up_attention, meetings, projects
from facilitator.services.rows import MeetingRow, ProjectRow
from facilitator.storage.database import Database
from ui.common.actions import run_action
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.focus import give_focus
from ui.common.key_help import shortcut
from ui.common.unsaved import FormDialog
from ui.planning.meeting_form import MeetingForm
from ui.planning.planning_models import MeetingTableModel, ProjectTableModel
from ui.planning.planning_widgets import (
    PLANNING_STYLE,
    button,
    heading,
    join_isolated,
    read_only_table,
)


class ProjectForm(FormDialog):
    """New project (name and villages), rename (name) or add villages (villages)."""

    def __init__(self, title: str, name: str | None, places: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.setStyleSheet(PLANNING_STYLE)
        self.name_edit = QLineEdit(name or "")
        self.name_edit.setPlaceholderText(_("fx Mols i Udvikling"))
        self.places_edit = QPlainTextEdit()
        self.places_edit.setTabChangesFocus(True)
        self.places_edit.setPlaceholderText(_("fx Knebel, Agri, Vrinners, Rolsø"))
        self.places_edit.setFixedHeight(self.fontMetrics().height() * 6)
        hint = QLabel(_("Skriv landsbyerne adskilt af komma eller én pr. linje."))
        hint.setWordWrap(True)
        self.message = InlineMessage()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(_("Gem"))
        save.setToolTip(_("Gem (Enter, eller Ctrl+Enter i feltet med landsbyer)"))
        save.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annullér"))
        form = QFormLayout()
        form.setVerticalSpacing(12)
        if name is not None:
            form.addRow(_("Projektets &navn:"), self.name_edit)
        if places:
            form.addRow(_("&Landsbyer:"), self.places_edit)
            form.addRow("", hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        # In the villages field Enter makes a new line, so Ctrl+Enter saves from there.
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(save.click)
        # Saving is wired by the page (a refusal must keep the dialog open); Esc cancels.
        self.buttons.rejected.connect(self.reject)

    def place_names(self) -> list[str]:
        """The villages typed, split on commas and line breaks."""
        return projects.split_place_names(self.places_edit.toPlainText())


class StartPage(QWidget):
    """Projects on the left, the chosen project's villages and meetings on the right."""

    meeting_opened = Signal(object)  # meeting id of a planned or running meeting
    summary_requested = Signal(object)  # meeting id of a closed meeting
    project_opened = Signal(object)  # project id: its page (the follow-up desk)

    def __init__(self, db: Database, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        # The dialog open now, if any (tests and the main window may look at it).
        self.dialog: QDialog | None = None
        self.project_model = ProjectTableModel(self)
        self.meeting_model = MeetingTableModel(self)
        self.project_table = read_only_table(self.project_model)
        self.meeting_table = read_only_table(self.meeting_model)
        # Title and venue share the spare width (a long venue is shortened, never scrolled to).
        self.meeting_table.horizontalHeader().setSectionResizeMode(
            MeetingTableModel.VENUE, QHeaderView.ResizeMode.Stretch
        )
        self.show_archived = QCheckBox(_("Vis &arkiverede"))
        self.new_project_button = button(_("Nyt projekt"), "Ctrl+Shift+N")
        self.project_title = heading("", 18)
        self.places_label = QLabel()
        self.places_label.setWordWrap(True)
        self.add_places_button = button(_("Tilføj landsbyer"), "Ctrl+L")
        self.rename_button = button(_("Omdøb projekt"), "F2")
        self.archive_button = button(_("Arkivér projekt"))
        self.people_button = button(_("Personer …"), "Ctrl+Shift+P")
        self.open_project_button = button(_("Åbn projekt"), "Ctrl+P")
        self.open_project_button.setToolTip(
            _("Projektets side: opfølgning på ønsker og næste skridt (Ctrl+P).")
        )
        # What needs attention today across the projects; hidden when nothing is due (calm).
        self.attention_label = QLabel()
        self.attention_label.setObjectName("attentionLine")
        self.attention_label.setStyleSheet(
            "#attentionLine { color: #5a3a00; background: #fff6e0; border: 1px solid #e8cf94;"
            " border-radius: 4px; padding: 6px 10px; }"
        )
        self.attention_label.hide()
        self.new_meeting_button = button(_("Nyt møde"), "Ctrl+N")
        self.edit_meeting_button = button(_("Redigér møde"), "Ctrl+E")
        self.open_button = button(_("Åbn møde"), "Ctrl+O")
        self.open_button.setToolTip(
            _("Åbn mødet (Enter eller dobbeltklik); et afsluttet møde viser sin opsummering.")
        )
        self.open_button.setObjectName("primaryButton")
        self.brief_button = button(_("Lav orientering"), "Ctrl+B")
        self.brief_button.setToolTip(
            _("Lav den politiske orientering for det afsluttede møde (Ctrl+B).")
        )
        self.settings_button = button(_("Indstillinger"), "Ctrl+,")
        self.backups_button = button(_("Sikkerhedskopier …"), "Ctrl+Shift+K")
        # The brief window open from this page, if any.
        self.brief_window: QWidget | None = None
        self.message = InlineMessage()
        self.setStyleSheet(PLANNING_STYLE)
        self._build_layout()
        self._connect_signals()
        self.refresh()

    def _build_layout(self) -> None:
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(heading(_("Projekter")))
        left.addWidget(self.project_table, 1)
        left.addWidget(self.show_archived)
        left.addWidget(self.new_project_button)
        left.addSpacing(6)
        left.addWidget(self.settings_button)
        left.addWidget(self.backups_button)
        project_buttons = QHBoxLayout()
        for push in (self.add_places_button, self.rename_button, self.archive_button,
                     self.people_button):
            project_buttons.addWidget(push)
        project_buttons.addStretch(1)
        project_buttons.addWidget(self.open_project_button)
        meeting_buttons = QHBoxLayout()
        for push in (self.new_meeting_button, self.edit_meeting_button):
            meeting_buttons.addWidget(push)
        meeting_buttons.addStretch(1)
        meeting_buttons.addWidget(self.brief_button)
        meeting_buttons.addWidget(self.open_button)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.project_title)
        right.addWidget(self.places_label)
        right.addLayout(project_buttons)
        right.addSpacing(12)
        right.addWidget(heading(_("Møder")))
        right.addWidget(self.meeting_table, 1)
        right.addLayout(meeting_buttons)
        right.addWidget(self.message)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        columns.addLayout(left, 1)
        columns.addLayout(right, 2)
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 20, 24, 20)
        page.setSpacing(12)
        page.addWidget(self.attention_label)
        page.addLayout(columns, 1)
        order = (
            self.project_table, self.show_archived, self.new_project_button,
            self.settings_button, self.backups_button, self.add_places_button, self.rename_button,
            self.archive_button, self.people_button, self.open_project_button,
            self.meeting_table, self.new_meeting_button, self.edit_meeting_button,
            self.brief_button, self.open_button,
        )
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        self._hub.projects_changed.connect(self.refresh)
        self._hub.meeting_changed.connect(lambda _id: self.refresh())
        self._hub.project_changed.connect(lambda _id: self.show_attention())
        self.project_table.selectionModel().currentRowChanged.connect(self._project_chosen)
        self.meeting_table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.meeting_table.doubleClicked.connect(self.open_meeting)
        self.show_archived.toggled.connect(self._archived_toggled)
        actions: list[tuple[QPushButton, Callable[[], None], str]] = [
            (self.new_project_button, self.new_project, "Ctrl+Shift+N"),
            (self.add_places_button, self.add_places, "Ctrl+L"),
            (self.rename_button, self.rename_project, "F2"),
            (self.archive_button, self.toggle_archived, ""),
            (self.people_button, self.open_people, "Ctrl+Shift+P"),
            (self.open_project_button, self.open_project, "Ctrl+P"),
            (self.new_meeting_button, self.new_meeting, "Ctrl+N"),
            (self.edit_meeting_button, self.edit_meeting, "Ctrl+E"),
            (self.open_button, self.open_meeting, "Ctrl+O"),
            (self.brief_button, self.make_brief, "Ctrl+B"),
            (self.settings_button, self.open_settings, "Ctrl+,"),
            (self.backups_button, self.open_backups, "Ctrl+Shift+K"),
        ]
        for push, slot, keys in actions:
            push.clicked.connect(slot)
            if keys:
                shortcut(self, keys, push.text(), slot)
        # Enter on a meeting opens it; Enter on a project moves on to its meetings.
        widget_only = Qt.ShortcutContext.WidgetShortcut
        for key in ("Return", "Enter"):
            shortcut(self.meeting_table, key, _("Åbn det valgte møde (i listen over møder)"),
                     self.open_meeting, widget_only)
            shortcut(self.project_table, key, _("Gå til projektets møder (i listen over projekter)"),
                     self.meeting_table.setFocus, widget_only)

    # -- what is shown -------------------------------------------------------------

    def refresh(self) -> None:
        """Reload projects and meetings, keeping the chosen project and meeting."""
        project, meeting = self.current_project(), self.current_meeting()
        self.project_model.set_rows(projects.list_projects(self._db, self.show_archived.isChecked()))
        self.project_table.setColumnHidden(2, not self.show_archived.isChecked())
        self._select(self.project_table, self.project_model, project.id if project else None)
        self._show_project(meeting.id if meeting else None)
        self.show_attention()

    def show_attention(self) -> None:
        """The calm line of what is due today across the projects; nothing when nothing is due."""
        today = self._db.clock.now().astimezone().date()
        counts = attempt(lambda: follow_up_attention.attention(self._db, today), self.message,
                         clear=False)
        line = follow_up_attention.attention_line(counts) if counts is not None else ""
        self.attention_label.setText(line)
        self.attention_label.setVisible(bool(line))

    def current_project(self) -> ProjectRow | None:
        """The chosen project."""
        return self.project_model.row_at(self.project_table.currentIndex())

    def current_meeting(self) -> MeetingRow | None:
        """The chosen meeting."""
        return self.meeting_model.row_at(self.meeting_table.currentIndex())

    def select_project(self, project_id: uuid.UUID) -> None:
        """Choose a project, as a click on it would."""
        self._select(self.project_table, self.project_model, project_id)

    def select_meeting(self, meeting_id: uuid.UUID) -> None:
        """Choose a meeting of the current project."""
        self._select(self.meeting_table, self.meeting_model, meeting_id)

    @staticmethod
    def _select(view: QTableView, model: ProjectTableModel | MeetingTableModel, row_id: object) -> None:
        row = model.row_of(row_id)
        if row < 0 and model.rowCount() > 0:
            row = 0
        if row >= 0:
            view.setCurrentIndex(model.index(row, 0))
            view.selectRow(row)

    def _project_chosen(self) -> None:
        self._show_project(None)

    def _show_project(self, meeting_id: uuid.UUID | None) -> None:
        project = self.current_project()
        if project is None:
            self.project_title.setText(_("Intet projekt endnu"))
            self.places_label.setText(
                _("Opret det første projekt med «Nyt projekt» (Ctrl+Shift+N).")
            )
            self.meeting_model.set_rows([])
        else:
            self.project_title.setText(project.name)
            names = join_isolated([p.name for p in project.places])
            self.places_label.setText(
                _("Landsbyer ({count}): {names}").format(count=len(project.places), names=names)
                if project.places
                else _("Ingen landsbyer endnu – tilføj dem med «Tilføj landsbyer» (Ctrl+L).")
            )
            self.archive_button.setText(
                _("Genåbn projekt") if project.archived else _("Arkivér projekt")
            )
            self.meeting_model.set_rows(meetings.list_meetings(self._db, project.id))
            self._select(self.meeting_table, self.meeting_model, meeting_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_project = self.current_project() is not None
        for push in (self.add_places_button, self.rename_button, self.archive_button,
                     self.new_meeting_button, self.people_button, self.open_project_button):
            push.setEnabled(has_project)
        meeting = self.current_meeting()
        self.edit_meeting_button.setEnabled(meeting is not None)
        self.open_button.setEnabled(meeting is not None)
        closed = meeting is not None and meeting.status is MeetingStatus.CLOSED
        self.open_button.setText(_("Vis opsummering") if closed else _("Åbn møde"))
        # A brief tells what a meeting gave, so it is made once the meeting is closed.
        self.brief_button.setEnabled(closed)

    def _archived_toggled(self) -> None:
        self.refresh()

    # -- actions -------------------------------------------------------------------

    def _open_dialog(self, dialog: QDialog, saved: Callable[[], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(saved)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        self.dialog = None
        if not self.isVisible():
            # The dialog led on to another page (a new meeting's agenda): that page chose where
            # the keyboard goes; the window only has to be the active one again.
            self.window().activateWindow()
            return
        give_focus(self.meeting_table if self.current_meeting() is not None else self.project_table)

    def _project_dialog(
        self, title: str, name: str | None, places: bool, store: Callable[[ProjectForm], ProjectRow]
    ) -> None:
        form = ProjectForm(title, name, places, self)

        def save() -> None:
            row = run_action(lambda: store(form), form.message, [(self._hub.projects_changed,)])
            if row is None:
                return  # refused: the dialog stays open with the message
            self.select_project(row.id)
            form.accept()

        # Save is handled here, not by QDialog.accept, so a refusal keeps the dialog open.
        form.buttons.accepted.connect(save)
        self._open_dialog(form, lambda: None)

    def new_project(self) -> None:
        """Ask for a new project's name and villages."""
        self._project_dialog(
            _("Nyt projekt"), "", True,
            lambda f: projects.create_project(self._db, f.name_edit.text(), f.place_names()),
        )

    def rename_project(self) -> None:
        """Give the chosen project a new name."""
        project = self.current_project()
        if project is not None:
            self._project_dialog(
                _("Omdøb projekt"), project.name, False,
                lambda f: projects.rename_project(self._db, project.id, f.name_edit.text()),
            )

    def add_places(self) -> None:
        """Add villages to the chosen project."""
        project = self.current_project()
        if project is not None:
            self._project_dialog(
                _("Tilføj landsbyer"), None, True,
                lambda f: projects.add_places(self._db, project.id, f.place_names()),
            )

    def toggle_archived(self) -> None:
        """Archive the chosen project, or bring an archived one back."""
        project = self.current_project()
        if project is None:
            return
        run_action(lambda: projects.set_archived(self._db, project.id, not project.archived),
                   self.message, [(self._hub.projects_changed,)])

    def new_meeting(self) -> None:
        """Plan a meeting in the chosen project; its agenda opens once it is saved."""
        project = self.current_project()
        if project is None:
            return
        form = MeetingForm(self._db, self._hub, project.id, parent=self)

        def saved() -> None:
            meeting_id = form.meeting_id
            if meeting_id is None:  # accepted only once the meeting is stored; never None here
                return
            self.select_meeting(meeting_id)
            # The default agenda is already there: show it so it can be adjusted.
            self.meeting_opened.emit(meeting_id)

        self._open_dialog(form, saved)

    def edit_meeting(self) -> None:
        """Change the chosen meeting's details."""
        project, meeting = self.current_project(), self.current_meeting()
        if project is not None and meeting is not None:
            form = MeetingForm(self._db, self._hub, project.id, meeting.id, parent=self)
            self._open_dialog(form, lambda: self.select_meeting(meeting.id))

    def open_meeting(self) -> None:
        """Open the chosen meeting: its agenda or live screen, or its summary once closed."""
        meeting = self.current_meeting()
        if meeting is None:
            return
        if meeting.status is MeetingStatus.CLOSED:
            self.summary_requested.emit(meeting.id)
        else:
            self.meeting_opened.emit(meeting.id)

    def make_brief(self) -> None:
        """Open the political brief of the chosen meeting, once it is closed."""
        meeting = self.current_meeting()
        if meeting is None or meeting.status is not MeetingStatus.CLOSED:
            return
        from ui.brief.brief_window import (
            open_brief_window,  # QtPdf loads only when a brief is asked for
        )

        self.brief_window = open_brief_window(self._db, meeting.id, self, self.brief_window)

    def open_settings(self) -> None:
        """Municipality, official and logo for the brief."""
        from ui.settings.settings_dialog import SettingsDialog

        self._open_dialog(SettingsDialog(self._db, self), lambda: None)

    def open_backups(self) -> None:
        """The backups: see what each holds and restore one; the app then opens it anew."""
        import ui.app
        from facilitator.services.backups import data_folder
        from ui.backups.restore_dialog import RestoreDialog

        dialog = RestoreDialog(data_folder(self._db), self._db.clock, self._db, self)
        # The restored file may have an older schema: reopening upgrades it like a start.
        dialog.restored.connect(lambda _result: ui.app.restart())
        self._open_dialog(dialog, lambda: None)

    def open_project(self) -> None:
        """The chosen project's page: the follow-up desk across its meetings."""
        project = self.current_project()
        if project is not None:
            self.project_opened.emit(project.id)

    def open_people(self) -> None:
        """The chosen project's people and their consents (find, export, erase, notice)."""
        project = self.current_project()
        if project is None:
            return
        from ui.people.people_dialog import PeopleDialog

        self._open_dialog(PeopleDialog(self._db, self._hub, project.id, self), lambda: None)
