"""The meeting profile (competence 4): how self-driving the group is, how regulated the area is."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from facilitator.domain.enums import Regulation, SelfDriving
from facilitator.domain.validation import MAX_HOLD_BACK_SECONDS
from facilitator.i18n import _
from facilitator.services import meetings
from facilitator.services.rows import MeetingRow
from facilitator.storage.database import Database
from ui.common.actions import Change, run_action
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage

# One width for every field, so the column of inputs lines up.
FIELD_WIDTH = 190


def profile_explanation(self_driving: SelfDriving, regulation: Regulation) -> str:
    """Why the profile's defaults are what they are, in one or two plain sentences."""
    group = {
        SelfDriving.SELF_DRIVING: _(
            "En selvkørende gruppe tager selv ordet: vent, og hjælp kun, når borgerne spørger."
        ),
        SelfDriving.NEEDS_SUPPORT: _(
            "En gruppe, der har brug for støtte, får længere tid til at tage ordet."
        ),
    }[self_driving]
    area = {
        Regulation.LIGHT: _("I et let reguleret område bør borgerne tale det meste af tiden."),
        Regulation.HEAVY: _(
            "I et stærkt reguleret område må du forklare flere regler, så grænsen for din "
            "taletid er højere."
        ),
    }[regulation]
    return f"{group} {area}"


def _combo(values: type[SelfDriving] | type[Regulation]) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(value.label, value)
    combo.setMinimumWidth(FIELD_WIDTH)
    return combo


def _spin(low: int, high: int, suffix: str, tooltip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setToolTip(tooltip)
    # Save once the value is settled (Enter, Tab away, arrow step), not per keystroke.
    spin.setKeyboardTracking(False)
    spin.setMinimumWidth(FIELD_WIDTH)
    return spin


class ProfileBox(QGroupBox):
    """The meeting profile; every change is stored the moment it is made."""

    def __init__(self, db: Database, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(_("Mødeprofil"), parent)
        # Only the title is large: stylesheet fonts do not pass on to the children.
        self.setStyleSheet("QGroupBox { font-size: 14pt; font-weight: bold; padding-top: 10px; }")
        self._db = db
        self._hub = hub
        self._meeting: MeetingRow | None = None
        self.group = _combo(SelfDriving)
        self.group.setToolTip(_("Hvor selvkørende er borgergruppen?"))
        self.area = _combo(Regulation)
        self.area.setToolTip(_("Hvor meget lovgivning og planer styrer projektets område?"))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("profileExplanation")
        self.explanation.setStyleSheet(
            "#profileExplanation { background: #eef4f0; border-left: 4px solid #1f6f43;"
            " padding: 6px 8px; font-size: 11pt; font-weight: normal; }"
        )
        self.hold_back = _spin(
            0, MAX_HOLD_BACK_SECONDS, _(" sek."),
            _("Hvor længe skærmen beder dig vente, før du selv tager ordet (0 = slået fra)."),
        )
        self.threshold = _spin(
            1, 100, " %",
            _("Når din andel af taletiden går over grænsen, minder skærmen dig stille om det."),
        )
        self.talk_window = _spin(
            1, 180, _(" min."), _("Taletiden måles over de seneste minutter i dette vindue.")
        )
        self.message = InlineMessage()
        self._build_layout()
        self._connect_signals()
        self.setEnabled(False)

    def _build_layout(self) -> None:
        form = QFormLayout(self)
        # Compact: the box shares a 1024×600 screen with the agenda.
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(16)
        form.setContentsMargins(14, 14, 14, 10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(_("&Gruppen:"), self.group)
        form.addRow(_("&Området:"), self.area)
        form.addRow(self.explanation)
        # Short labels (the units are in the fields): the box shares a 1024 px screen.
        form.addRow(_("&Ventetid efter spørgsmål:"), self.hold_back)
        form.addRow(_("Grænse for din &taletid:"), self.threshold)
        form.addRow(_("T&idsvindue:"), self.talk_window)
        form.addRow(self.message)

    def _connect_signals(self) -> None:
        self._hub.meeting_changed.connect(self._changed_elsewhere)
        self.group.currentIndexChanged.connect(self._profile_chosen)
        self.area.currentIndexChanged.connect(self._profile_chosen)
        for spin in (self.hold_back, self.threshold, self.talk_window):
            spin.valueChanged.connect(self._value_changed)

    def load(self, meeting_id: uuid.UUID) -> None:
        """Show a meeting's profile."""
        self.message.clear_message()
        self._show(meetings.get_meeting(self._db, meeting_id))

    def commit_pending(self) -> None:
        """Store numbers typed but not yet stored (e.g. Ctrl+Return straight after typing)."""
        if self._meeting is None:
            return
        for spin in (self.hold_back, self.threshold, self.talk_window):
            spin.interpretText()
        typed = (self.hold_back.value(), self.threshold.value(), self.talk_window.value())
        stored = (
            self._meeting.hold_back_seconds,
            self._meeting.talk_share_threshold_pct,
            self._meeting.talk_window_minutes,
        )
        if typed != stored:
            self._value_changed()

    def fields(self) -> tuple[QWidget, ...]:
        """The inputs in Tab order, for the page's tab chain."""
        return (self.group, self.area, self.hold_back, self.threshold, self.talk_window)

    def meeting(self) -> MeetingRow | None:
        """The meeting shown."""
        return self._meeting

    def _show(self, meeting: MeetingRow) -> None:
        self._meeting = meeting
        widgets = (self.group, self.area, self.hold_back, self.threshold, self.talk_window)
        for widget in widgets:
            widget.blockSignals(True)
        self.group.setCurrentIndex(self.group.findData(meeting.self_driving))
        self.area.setCurrentIndex(self.area.findData(meeting.regulation))
        self.hold_back.setValue(meeting.hold_back_seconds)
        self.threshold.setValue(meeting.talk_share_threshold_pct)
        self.talk_window.setValue(meeting.talk_window_minutes)
        for widget in widgets:
            widget.blockSignals(False)
        self.explanation.setText(profile_explanation(meeting.self_driving, meeting.regulation))
        self.setEnabled(True)

    def _changed_elsewhere(self, meeting_id: object) -> None:
        # E.g. the meeting form changed the profile; show what is stored now.
        if self._meeting is not None and meeting_id == self._meeting.id:
            self._show(meetings.get_meeting(self._db, self._meeting.id))

    def _profile_chosen(self) -> None:
        # A new profile resets the three numbers to its defaults (set_profile does that).
        self._store(None, None, None)

    def _value_changed(self) -> None:
        self._store(self.hold_back.value(), self.threshold.value(), self.talk_window.value())

    def _store(self, hold_back: int | None, threshold: int | None, window: int | None) -> None:
        before = self._meeting
        if before is None:
            return
        group = SelfDriving(self.group.currentData())
        area = Regulation(self.area.currentData())

        def save() -> MeetingRow:
            return meetings.set_profile(self._db, before.id, group, area, hold_back, threshold, window)

        hub = self._hub

        def changes(saved: MeetingRow) -> list[Change]:
            # A new hold-back length is the agenda's default too: its table shows it.
            changed: list[Change] = [(hub.meeting_changed, saved.id)]
            if saved.hold_back_seconds != before.hold_back_seconds:
                changed.append((hub.agenda_changed, saved.id))
            return changed

        if run_action(save, self.message, changes, success=self._show) is None:
            self._show(before)
