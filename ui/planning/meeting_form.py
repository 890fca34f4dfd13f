"""The "Nyt møde" / "Redigér møde" dialog: title, date and time, venue, villages, profile."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.enums import Regulation, SelfDriving
from facilitator.domain.formats import clock_time, entry_date
from facilitator.domain.validation import Problem
from facilitator.i18n import _
from facilitator.services import meetings, projects
from facilitator.services.rows import MeetingRow
from facilitator.storage.database import Database
from ui.common.actions import run_action
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage
from ui.common.focus import tab_leaves
from ui.common.form_errors import FormErrors
from ui.common.unsaved import FormDialog
from ui.planning.planning_widgets import PLANNING_STYLE


def _combo(values: type[SelfDriving] | type[Regulation], tooltip: str) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(value.label, value)
    combo.setToolTip(tooltip)
    return combo


class MeetingForm(FormDialog):
    """Plan a meeting or change one; Enter saves, a refusal keeps the dialog open."""

    def __init__(
        self,
        db: Database,
        hub: ChangeHub,
        project_id: uuid.UUID,
        meeting_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._project_id = project_id
        self._existing: MeetingRow | None = (
            meetings.get_meeting(db, meeting_id) if meeting_id is not None else None
        )
        # The saved meeting's id, once saved.
        self.meeting_id: uuid.UUID | None = meeting_id
        self.setWindowTitle(_("Redigér møde") if self._existing else _("Nyt møde"))
        self.setMinimumWidth(620)
        self.setStyleSheet(PLANNING_STYLE)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(_("fx Borgermøde om stier og fællesskab"))
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(_("DD-MM-ÅÅÅÅ"))
        self.date_edit.setToolTip(_("Skriv datoen som dag-måned-år, fx 03-03-2026."))
        self.time_edit = QLineEdit("19:00")
        self.time_edit.setPlaceholderText(_("TT:MM"))
        self.time_edit.setToolTip(_("Skriv klokkeslættet som time:minut, fx 19:00."))
        self.venue_edit = QLineEdit()
        self.venue_edit.setPlaceholderText(_("fx Knebel Forsamlingshus"))
        self.places_list = QListWidget()
        self.places_list.setSpacing(3)
        tab_leaves(self.places_list)
        self.places_list.setToolTip(_("Mellemrum sætter eller fjerner et flueben."))
        self.group_combo = _combo(SelfDriving, _("Hvor selvkørende er borgergruppen?"))
        self.area_combo = _combo(
            Regulation, _("Hvor meget lovgivning og planer styrer projektets område?")
        )
        self.message = InlineMessage()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Gem"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(_("Gem (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annullér"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(_("Annullér (Esc)"))
        self._build_layout()
        self._fill()
        self.errors = FormErrors(self.message, self.problems)
        for field, widget in (("title", self.title_edit), ("date", self.date_edit),
                              ("time", self.time_edit), ("venue", self.venue_edit)):
            self.errors.add_field(field, widget)
        self._connect_signals()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.addRow(_("&Titel:"), self.title_edit)
        form.addRow(_("&Dato (DD-MM-ÅÅÅÅ):"), self.date_edit)
        form.addRow(_("&Klokkeslæt (TT:MM):"), self.time_edit)
        form.addRow(_("&Mødested:"), self.venue_edit)
        form.addRow(_("&Landsbyer:"), self.places_list)
        form.addRow(_("&Borgergruppen:"), self.group_combo)
        form.addRow(_("&Området:"), self.area_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)

    def _fill(self) -> None:
        chosen = {p.id for p in self._existing.places} if self._existing else set()
        for place in projects.get_project(self._db, self._project_id).places:
            item = QListWidgetItem(place.name)
            item.setData(Qt.ItemDataRole.UserRole, place.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = place.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.places_list.addItem(item)
        # At most five rows (more scroll), so the form fits a 1024×600 screen.
        rows = max(3, min(self.places_list.count(), 5))
        self.places_list.setFixedHeight(rows * self.places_list.fontMetrics().height() * 2)
        if self._existing is None:
            self._profile_from_latest_meeting()
            return
        self.title_edit.setText(self._existing.title)
        self.date_edit.setText(entry_date(self._existing.scheduled_at.date()))
        self.time_edit.setText(clock_time(self._existing.scheduled_at))
        self.venue_edit.setText(self._existing.venue)
        self.group_combo.setCurrentIndex(self.group_combo.findData(self._existing.self_driving))
        self.area_combo.setCurrentIndex(self.area_combo.findData(self._existing.regulation))

    def _profile_from_latest_meeting(self) -> None:
        # The same citizen group meets again: start from the profile it had last time.
        earlier = meetings.list_meetings(self._db, self._project_id)
        group = earlier[0].self_driving if earlier else SelfDriving.SELF_DRIVING
        area = earlier[0].regulation if earlier else Regulation.LIGHT
        self.group_combo.setCurrentIndex(self.group_combo.findData(group))
        self.area_combo.setCurrentIndex(self.area_combo.findData(area))

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def checked_place_ids(self) -> list[uuid.UUID]:
        """The villages ticked."""
        items = (self.places_list.item(i) for i in range(self.places_list.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        """Store the meeting (and a new meeting's default agenda); stay open on a refusal."""
        # Every refused field at once, the cursor in the first: the official retypes at once.
        problems = self.problems()
        if problems:
            self.errors.show_problems(problems)
            return
        hub = self._hub
        saved = run_action(
            self._store, self.message,
            lambda row: [(hub.projects_changed,), (hub.meeting_changed, row.id),
                         (hub.agenda_changed, row.id)],
            success=lambda row: setattr(self, "meeting_id", row.id),
            problems=self.errors,
        )
        if saved is not None:
            self.accept()

    def _store(self) -> MeetingRow:
        group = SelfDriving(self.group_combo.currentData())
        area = Regulation(self.area_combo.currentData())
        when = meetings.parse_schedule(self.date_edit.text(), self.time_edit.text())
        if self._existing is None:
            # A new meeting starts with the citizen-driven agenda, ready to edit.
            return meetings.create_meeting(
                self._db, self._project_id, self.title_edit.text(), when,
                self.venue_edit.text(), self.checked_place_ids(), group, area,
                with_default_agenda=True,
            )
        row = meetings.update_meeting(
            self._db, self._existing.id, self.title_edit.text(), when,
            self.venue_edit.text(), self.checked_place_ids(),
        )
        if (group, area) != (self._existing.self_driving, self._existing.regulation):
            row = meetings.set_profile(self._db, row.id, group, area)
        return row

    def problems(self) -> list[Problem]:
        """Every field saving would refuse now, in the form's order."""
        return meetings.meeting_problems(
            self.title_edit.text(), self.date_edit.text(), self.time_edit.text(),
            self.venue_edit.text(),
        )
