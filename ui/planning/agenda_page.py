"""The agenda editor: a meeting's timed phases and its profile, saved as they are entered."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.enums import MeetingStatus
from facilitator.domain.formats import clock_time, date_time, duration_in_minutes
from facilitator.i18n import _, ngettext
from facilitator.services import agenda, meetings
from facilitator.services.rows import MeetingRow, PhaseRow
from facilitator.storage.database import Database
from ui.common.actions import done, run_action
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage
from ui.common.focus import tab_leaves
from ui.common.form_errors import FormErrors
from ui.common.key_help import note, shortcut
from ui.planning.follow_up_offer import OFFER_KEYS, FollowUpOffer
from ui.planning.planning_models import PhaseTableModel
from ui.planning.planning_widgets import (
    PLANNING_STYLE,
    ElidedLabel,
    buddy_label,
    button,
    heading,
    join_isolated,
)
from ui.planning.profile_box import ProfileBox
from ui.planning.question_dialog import QUESTION_KEYS, QuestionDialog

T = TypeVar("T")

DEFAULT_NEW_PHASE_MINUTES = 15


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask yes/no before replacing an agenda that is already there."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def phase_table(model: PhaseTableModel) -> QTableView:
    """The agenda table: type on a cell to change it, Enter stores it."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    tab_leaves(view)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 20)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(PhaseTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
    return view


class AgendaPage(QWidget):
    """A meeting's agenda (add, remove, reorder, time) and its profile."""

    start_requested = Signal(object)  # meeting id
    back_requested = Signal()

    def __init__(self, db: Database, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._meeting: MeetingRow | None = None
        self.model = PhaseTableModel(self)
        self.model.editor = self._edit_phase
        self.table = phase_table(self.model)
        self.back_button = button(_("Tilbage"), "Esc")
        self.back_button.setToolTip(_("Tilbage (Esc eller Alt+Venstre)"))
        self.title_label = heading("", 20)
        self.details_label = ElidedLabel()
        self.start_button = button(_("Start mødet"), "Ctrl+Return")
        self.total_label = QLabel()
        self.new_title = QLineEdit()
        self.new_title.setPlaceholderText(_("Nyt punkt, fx Kaffe og snak på tværs"))
        self.new_title.setToolTip(_("Skriv punktets titel og tryk Enter (Ctrl+T går hertil)."))
        self.new_minutes = QSpinBox()
        # Wide on purpose: a typed 0 or 601 reaches the service, which says why it is refused.
        self.new_minutes.setRange(0, 999)  # 601 and more still reach the Danish refusal
        self.new_minutes.setValue(DEFAULT_NEW_PHASE_MINUTES)
        self.new_minutes.setSuffix(_(" min."))
        self.new_minutes.setToolTip(_("Planlagt tid for punktet, 1 til 600 minutter."))
        self.add_button = button(_("Tilføj punkt"), "Ctrl+T")
        self.remove_button = button(_("Fjern punkt"), "Delete")
        self.up_button = button(_("Flyt op"), "Ctrl+Up")
        self.down_button = button(_("Flyt ned"), "Ctrl+Down")
        self.default_button = button(_("Brug standarddagsorden"))
        self.default_button.setToolTip(
            _("Velkomst ved en borgervært, borgernes idérunde, hvad I har brug for fra kommunen, "
              "og hvem gør hvad nu.")
        )
        self.sources = QComboBox()
        self.sources.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sources.setMinimumContentsLength(24)
        self.sources.setToolTip(_("Et tidligere møde i samme projekt, der har en dagsorden."))
        # Beside the list of earlier meetings, so "Kopiér" says enough (the tooltip says all).
        self.copy_button = button(_("Kopiér"))
        self.copy_button.setToolTip(_("Kopiér dagsordenen fra det valgte tidligere møde."))
        self.message = InlineMessage()
        self.profile = ProfileBox(db, hub)
        self.follow_up = FollowUpOffer(db)
        # The new item's title and minutes: both refusals at once, each cleared when fixed.
        self.errors = FormErrors(
            self.message, lambda: agenda.phase_problems(self.new_title.text(), self.new_minutes.value())
        )
        self.errors.add_field("title", self.new_title)
        self.errors.add_field("planned_minutes", self.new_minutes)
        self.start_button.setObjectName("primaryButton")
        self.setStyleSheet(PLANNING_STYLE)
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.details_label)
        top.addLayout(titles, 1)
        top.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignTop)
        new_row = QHBoxLayout()
        new_row.addWidget(buddy_label(_("&Nyt punkt:"), self.new_title))
        new_row.addWidget(self.new_title, 1)
        new_row.addWidget(buddy_label(_("&Minutter:"), self.new_minutes))
        new_row.addWidget(self.new_minutes)
        new_row.addWidget(self.add_button)
        edit_row = QHBoxLayout()
        for push in (self.remove_button, self.up_button, self.down_button):
            edit_row.addWidget(push)
        edit_row.addStretch(1)
        # The total sits by the heading: beside the buttons it made the page too wide for 1024 px.
        agenda_heading = QHBoxLayout()
        agenda_heading.addWidget(heading(_("Dagsorden")), 1)
        agenda_heading.addWidget(self.total_label, 0, Qt.AlignmentFlag.AlignBottom)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addLayout(agenda_heading)
        left.addWidget(self.table, 1)
        # Under the agenda it takes its room from the table, which scrolls on a small screen.
        left.addWidget(self.follow_up)
        left.addLayout(edit_row)
        left.addLayout(new_row)
        left.addWidget(self.message)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.profile)
        right.addSpacing(8)
        right.addWidget(heading(_("Hent en dagsorden"), 14))
        right.addWidget(self.default_button)
        copy_row = QHBoxLayout()
        # On the same line as the list: the page has no height to spare on a 600 px screen.
        copy_row.addWidget(buddy_label(_("Fra mø&de:"), self.sources))
        copy_row.addWidget(self.sources, 1)
        copy_row.addWidget(self.copy_button)
        right.addLayout(copy_row)
        right.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(28)
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        order = (
            self.table, self.remove_button, self.up_button, self.down_button, self.new_title,
            self.new_minutes, self.add_button, *self.profile.fields(), self.default_button,
            self.sources, self.copy_button, self.follow_up.add_button, self.start_button,
            self.back_button,
        )
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        self._hub.agenda_changed.connect(self._changed_elsewhere)
        self._hub.meeting_changed.connect(self._changed_elsewhere)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.start_button.clicked.connect(self._start)
        self.add_button.clicked.connect(self.add_phase)
        self.new_title.returnPressed.connect(self.add_phase)
        self.new_minutes.lineEdit().returnPressed.connect(self.add_phase)
        self.remove_button.clicked.connect(self.remove_phase)
        self.up_button.clicked.connect(lambda: self.move_phase(-1))
        self.down_button.clicked.connect(lambda: self.move_phase(1))
        self.default_button.clicked.connect(self.use_default_template)
        self.copy_button.clicked.connect(self.copy_from_source)
        self.follow_up.add_requested.connect(self.add_follow_up)
        window_keys = [
            ("Ctrl+Return", _("Start mødet"), self._start),
            ("Ctrl+Enter", _("Start mødet"), self._start),
            ("Escape", _("Tilbage (i en celle: fortryd rettelsen)"), self._escape),
            ("Alt+Left", _("Tilbage"), self.back_requested.emit),
            ("Ctrl+T", _("Skriv et nyt punkt"), self.new_title.setFocus),
            (OFFER_KEYS, _("Sæt «Opfølgning siden sidst» først på dagsordenen"), self.add_follow_up),
            (QUESTION_KEYS, _("Spørgsmål til salen for det valgte punkt"), self.edit_question),
        ]
        for keys, description, slot in window_keys:
            shortcut(self, keys, description, slot)
        # Removing and moving act on the chosen row, so only while the table has focus.
        table_keys = [
            ("Delete", _("Fjern det valgte punkt (i dagsordenen)"), self.remove_phase),
            ("Ctrl+Up", _("Flyt det valgte punkt op"), lambda: self.move_phase(-1)),
            ("Ctrl+Down", _("Flyt det valgte punkt ned"), lambda: self.move_phase(1)),
        ]
        for keys, description, slot in table_keys:
            shortcut(self.table, keys, description, slot,
                     Qt.ShortcutContext.WidgetWithChildrenShortcut)
        note(self, ["F2", "Return"], _("I dagsordenen: ret cellen, Enter gemmer (eller skriv bare)"))

    # -- what is shown -------------------------------------------------------------

    def load(self, meeting_id: uuid.UUID) -> None:
        """Show a meeting's agenda and profile."""
        self.message.clear_message()
        self._meeting = meetings.get_meeting(self._db, meeting_id)
        self.profile.load(meeting_id)
        self._reload(None)
        self.table.setCurrentIndex(self.model.index(0, PhaseTableModel.TITLE))
        self.table.setFocus()

    def meeting_id(self) -> uuid.UUID | None:
        """The meeting shown."""
        return self._meeting.id if self._meeting else None

    def current_phase(self) -> PhaseRow | None:
        """The chosen phase."""
        return self.model.row_at(self.table.currentIndex())

    def _changed_elsewhere(self, meeting_id: object) -> None:
        if self._meeting is not None and meeting_id == self._meeting.id:
            self._meeting = meetings.get_meeting(self._db, self._meeting.id)
            current = self.current_phase()
            self._reload(current.id if current else None)

    def _reload(self, select_id: uuid.UUID | None) -> None:
        meeting = self._meeting
        if meeting is None:
            return
        self.title_label.setText(meeting.title)
        details = [date_time(meeting.scheduled_at), meeting.venue,
                   ", ".join(p.name for p in meeting.places), meeting.status.label]
        self.details_label.setText(join_isolated(details))
        self.model.set_start(meeting.scheduled_at)
        self.model.set_rows(agenda.list_phases(self._db, meeting.id))
        if select_id is not None:
            self._select_phase(select_id)
        total = self.model.total_minutes()
        ends = meeting.scheduled_at + timedelta(minutes=total)
        self.total_label.setText(
            _("I alt: {total} · slutter ca. kl. {end}").format(
                total=duration_in_minutes(total), end=clock_time(ends))
        )
        self._reload_sources()
        self.follow_up.show_for(meeting, self.model.rows())
        self._update_buttons()

    def _reload_sources(self) -> None:
        assert self._meeting is not None
        self.sources.clear()
        for row in agenda.agenda_sources(self._db, self._meeting.id):
            label = join_isolated([row.title, date_time(row.scheduled_at)], " – ")
            self.sources.addItem(label, row.id)
        if self.sources.count() == 0:
            self.sources.addItem(_("Ingen tidligere møder med dagsorden"), None)

    def _update_buttons(self) -> None:
        has_phase = self.current_phase() is not None
        for push in (self.remove_button, self.up_button, self.down_button):
            push.setEnabled(has_phase)
        self.copy_button.setEnabled(self.sources.currentData() is not None)
        self.sources.setEnabled(self.sources.currentData() is not None)
        startable = (self._meeting is not None and self.model.rowCount() > 0
                     and self._meeting.status is not MeetingStatus.CLOSED)
        self.start_button.setEnabled(startable)
        running = self._meeting is not None and self._meeting.status is MeetingStatus.RUNNING
        self.start_button.setText(_("Fortsæt mødet") if running else _("Start mødet"))

    # -- actions -------------------------------------------------------------------

    def _run(self, action: Callable[[], T], problems: FormErrors | None = None) -> T | None:
        """Run an agenda action; on success the hub makes every view reload, this page included."""
        assert self._meeting is not None
        return run_action(action, self.message, [(self._hub.agenda_changed, self._meeting.id)],
                          problems=problems)

    def _select_phase(self, phase_id: uuid.UUID) -> None:
        row = self.model.row_of(phase_id)
        if row >= 0:
            column = max(self.table.currentIndex().column(), 0)
            self.table.setCurrentIndex(self.model.index(row, column))

    def _edit_phase(self, row: PhaseRow, field: str, value: Any) -> bool:
        values: dict[str, Any] = {
            "title": row.title,
            "planned_minutes": row.planned_minutes,
            "hold_back_seconds": row.hold_back_seconds,
        }
        values[field] = value
        saved = self._run(
            lambda: agenda.update_phase(
                self._db, row.id, str(values["title"]), int(values["planned_minutes"]),
                int(values["hold_back_seconds"]),
            ),
        )
        return saved is not None

    def edit_question(self) -> QuestionDialog | None:
        """Ctrl+Shift+S: the question the chosen item puts to the room, prepared beforehand."""
        phase = self.current_phase()
        if phase is None or self._meeting is None:
            return None
        meeting_id = self._meeting.id
        dialog = QuestionDialog(phase, lambda text: agenda.set_question(self._db, phase.id, text), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._hub.agenda_changed.emit(meeting_id))
        dialog.open()
        return dialog

    def add_phase(self) -> None:
        """Append the phase typed in the "Nyt punkt" fields."""
        if self._meeting is None:
            return
        meeting_id = self._meeting.id
        title, minutes = self.new_title.text(), self.new_minutes.value()
        problems = agenda.phase_problems(title, minutes)
        if problems:
            self.errors.show_problems(problems)
            return
        saved = self._run(lambda: agenda.add_phase(self._db, meeting_id, title, minutes),
                          problems=self.errors)
        if saved is None:
            return
        self.new_title.clear()
        self.new_minutes.setValue(DEFAULT_NEW_PHASE_MINUTES)
        self.new_title.setFocus()
        self._select_phase(saved.id)

    def remove_phase(self) -> None:
        """Remove the chosen phase."""
        phase = self.current_phase()
        if phase is None:
            return
        row = self.table.currentIndex().row()
        if self._run(done(lambda: agenda.remove_phase(self._db, phase.id))) is None:
            return
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def move_phase(self, delta: int) -> None:
        """Move the chosen phase up (-1) or down (+1)."""
        phase = self.current_phase()
        if phase is None:
            return
        if self._run(lambda: agenda.move_phase(self._db, phase.id, delta)) is not None:
            self._select_phase(phase.id)

    def use_default_template(self) -> None:
        """Make the agenda the default citizen-driven one."""
        if self._meeting is None or not self._may_replace():
            return
        meeting_id = self._meeting.id
        self._run(lambda: agenda.replace_with_default_template(self._db, meeting_id))

    def copy_from_source(self) -> None:
        """Make the agenda a copy of the chosen earlier meeting's."""
        source = self.sources.currentData()
        if self._meeting is None or source is None or not self._may_replace():
            return
        meeting_id = self._meeting.id
        self._run(lambda: agenda.replace_with_copy(self._db, source, meeting_id))

    def add_follow_up(self) -> None:
        """Put «Opfølgning siden sidst» first on the agenda (offered when the project met before)."""
        if self._meeting is None or not self.follow_up.offers:
            return
        meeting_id = self._meeting.id
        saved = self._run(lambda: agenda.add_follow_up_item(self._db, meeting_id))
        if saved is not None:
            self._select_phase(saved.id)
            self.table.setFocus()

    def _may_replace(self) -> bool:
        if self.model.rowCount() == 0:
            return True
        return confirm(self, _("Erstat dagsorden"),
                       ngettext("Den nuværende dagsorden med {count} punkt erstattes. Fortsæt?",
                                "Den nuværende dagsorden med {count} punkter erstattes. Fortsæt?",
                                self.model.rowCount()).format(
                           count=self.model.rowCount()))

    def _start(self) -> None:
        if self.start_button.isEnabled() and self._meeting is not None:
            self.profile.commit_pending()
            self.start_requested.emit(self._meeting.id)

    def _escape(self) -> None:
        # Esc while a cell is being edited cancels the edit, as everywhere else in Qt.
        editor = QApplication.focusWidget()
        if self.table.state() == QAbstractItemView.State.EditingState and editor is not None:
            QApplication.sendEvent(
                editor, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
            )
            return
        self.back_requested.emit()
