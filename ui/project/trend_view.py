"""The official's own trend across a project's meetings, and the profile values for its next meetings.

A table, meeting by meeting: the four scores of the private reflection beside
what was measured (services/reflection_trend.py). Under it, what the meeting
profile suggests for the hold-back and the talk-share threshold, which the
official may adjust for the project's next meetings (services/project_profile.py).
Only in the app: nothing here is printed or exported.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.competences import COMPETENCES, scale_words
from facilitator.domain.validation import MAX_HOLD_BACK_SECONDS
from facilitator.i18n import _
from facilitator.services import project_profile
from facilitator.services.project_profile import NextMeetingProfile
from facilitator.services.reflection_trend import TrendRow, reflection_trend
from facilitator.storage.database import Database
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.focus import tab_leaves
from ui.planning.planning_widgets import PLANNING_STYLE

_Index = QModelIndex | QPersistentModelIndex
TABLE_STYLE = """
QTableView::item { padding: 0px 4px; }
QHeaderView::section { padding: 4px 5px; }
"""
# Columns: date, title, the four scores, then the measured figures.
_SCORES = 2
_SHARE = _SCORES + len(COMPETENCES)


class TrendModel(QAbstractTableModel):
    """One row per held meeting: the official's scores and the measured figures."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[TrendRow] = []
        self._headers = [
            _("Dato"),
            _("Møde"),
            *[c.short.replace(" ", "\n", 1) for c in COMPETENCES],
            # Two lines each: the figures are short, their names long.
            _("Borgernes\ntaleandel"),
            _("Punkter åbnet\naf borgere"),
            _("Ventetider\noverholdt"),
            _("Påmindelser"),
        ]

    def set_rows(self, rows: list[TrendRow]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> TrendRow:
        """The trend row shown in a table row."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and _SCORES <= section < _SHARE:
            return COMPETENCES[section - _SCORES].name
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= _SCORES:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole and _SCORES <= column < _SHARE:
            score = row.score(COMPETENCES[column - _SCORES].key)
            if score is not None:
                return scale_words(score)
            return _("Ingen refleksion over dette møde") if not row.reflected else _("Ikke besvaret")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(row, column)

    @staticmethod
    def _text(row: TrendRow, column: int) -> str:
        if column == 0:
            return row.scheduled_at.strftime("%d-%m-%Y")
        if column == 1:
            return " ".join(row.title.split())
        if column < _SHARE:
            score = row.score(COMPETENCES[column - _SCORES].key)
            return "–" if score is None else str(score)
        if column == _SHARE:
            return "–" if row.citizens_share is None else f"{round(row.citizens_share * 100)} %"
        if column == _SHARE + 1:
            return _("{n} af {m}").format(n=row.items_opened_by_citizens, m=row.items)
        if column == _SHARE + 2:
            return _("{n} af {m}").format(n=row.hold_backs_kept, m=row.hold_backs)
        return str(row.nudges)


def _spin(low: int, high: int, suffix: str, tooltip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setToolTip(tooltip)
    spin.setMinimumWidth(120)
    spin.setMinimumHeight(30)
    return spin


class TrendView(QWidget):
    """The project's meetings with the official's reflection and what was measured."""

    def __init__(self, db: Database, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self.project_id: uuid.UUID | None = None
        self.next_profile: NextMeetingProfile | None = None
        self.model = TrendModel()
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        heading = QLabel(_("Din egen udvikling, møde for møde"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        intro = QLabel(_(
            "Dine egne tal fra refleksionen (1 = slet ikke, 5 = i høj grad) ved siden af det, "
            "der blev målt. Kun til dig: det kommer aldrig med i en orientering eller en eksport."
        ))
        intro.setWordWrap(True)
        intro.setObjectName("hintText")
        self.table = QTableView()
        self.table.setModel(self.model)
        tab_leaves(self.table)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The title column keeps room for a meeting's name; a long one is cut with "…".
        header.setMinimumSectionSize(60)
        self.empty = QLabel(_("Ingen afholdte møder i projektet endnu."))
        self.empty.setObjectName("hintText")
        self.empty.hide()

        self.profile_box = QGroupBox(_("Profilens forslag til projektets næste møder"))
        self.profile_box.setStyleSheet("QGroupBox { font-weight: bold; padding-top: 8px; }")
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.hold_back = _spin(
            0, MAX_HOLD_BACK_SECONDS, _(" sek."),
            _("Hvor længe skærmen beder dig vente, før du selv tager ordet (0 = slået fra)."),
        )
        self.threshold = _spin(
            1, 100, " %",
            _("Når din andel af taletiden går over grænsen, minder skærmen dig stille om det."),
        )
        hold_back_label = QLabel(_("&Ventetid efter spørgsmål:"))
        hold_back_label.setBuddy(self.hold_back)
        threshold_label = QLabel(_("Grænse for din &taletid:"))
        threshold_label.setBuddy(self.threshold)
        self.save_button = QPushButton(_("&Brug til næste møder"))
        self.save_button.setObjectName("primaryButton")
        self.reset_button = QPushButton(_("Tilbage til profilens &forslag"))
        self.in_use = QLabel()
        self.in_use.setWordWrap(True)
        self.in_use.setObjectName("hintText")
        self.message = InlineMessage()
        fields = QGridLayout()
        fields.setHorizontalSpacing(12)
        fields.setVerticalSpacing(8)
        fields.addWidget(hold_back_label, 0, 0)
        fields.addWidget(self.hold_back, 0, 1)
        fields.addWidget(threshold_label, 0, 2)
        fields.addWidget(self.threshold, 0, 3)
        fields.setColumnStretch(4, 1)
        # The buttons on a line of their own: beside the fields they made the page wider than
        # a 1024 px screen.
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.profile_box)
        box.setSpacing(8)
        box.addWidget(self.suggestion)
        box.addLayout(fields)
        box.addLayout(buttons)
        box.addWidget(self.in_use)
        box.addWidget(self.message)

        # Narrower padding than the other tables: ten columns share a 1024 px screen with the title.
        self.setStyleSheet(PLANNING_STYLE + TABLE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.profile_box)

    def _connect_signals(self) -> None:
        # A reflection saved or a meeting closed elsewhere shows here at once.
        self._hub.meeting_changed.connect(lambda _id: self.refresh())
        self._hub.projects_changed.connect(self.refresh)
        self.save_button.clicked.connect(self.save_values)
        self.reset_button.clicked.connect(self.use_suggestion)

    def set_project(self, project_id: uuid.UUID) -> None:
        """Show a project's trend and its next meetings' values."""
        self.project_id = project_id
        self.message.clear_message()
        self.refresh()

    def refresh(self) -> None:
        """Read the trend and the values again."""
        project_id = self.project_id
        if project_id is None:
            return
        rows = attempt(lambda: reflection_trend(self._db, project_id), self.message, clear=False)
        if rows is not None:
            self.model.set_rows(rows)
            self.empty.setVisible(not rows)
        profile = attempt(
            lambda: project_profile.next_meeting_profile(self._db, project_id), self.message, clear=False
        )
        if profile is not None:
            self._show_profile(profile)

    def _show_profile(self, profile: NextMeetingProfile) -> None:
        self.next_profile = profile
        suggested = profile.suggested
        self.suggestion.setText(_(
            "Profilen (gruppen: {group} · området: {area}) foreslår {hold_back} sek. ventetid og "
            "en grænse for din taletid på {threshold} %. Passer det ikke til det, du ser ovenfor, "
            "kan du vælge andre værdier til projektets næste møder."
        ).format(
            group=profile.self_driving.label.lower(),
            area=profile.regulation.label.lower(),
            hold_back=suggested.hold_back_seconds,
            threshold=suggested.talk_share_threshold_pct,
        ))
        self.hold_back.setValue(profile.hold_back_seconds)
        self.threshold.setValue(profile.talk_share_threshold_pct)
        own = profile.own.hold_back_seconds is not None or profile.own.talk_share_threshold_pct is not None
        self.reset_button.setEnabled(own)
        self.in_use.setText(
            _("Næste møder i projektet får dine værdier: {hold_back} sek. og {threshold} %.").format(
                hold_back=profile.hold_back_seconds, threshold=profile.talk_share_threshold_pct)
            if own
            else _("Næste møder i projektet får profilens forslag.")
        )

    def save_values(self) -> None:
        """Store the values in the fields for the project's next meetings."""
        project_id, profile = self.project_id, self.next_profile
        if project_id is None or profile is None:
            return
        hold_back, threshold = self.hold_back.value(), self.threshold.value()
        suggested = profile.suggested
        # A value equal to the suggestion is not stored: it follows the profile if that changes.
        stored = attempt(
            lambda: project_profile.set_project_profile(
                self._db, project_id,
                None if hold_back == suggested.hold_back_seconds else hold_back,
                None if threshold == suggested.talk_share_threshold_pct else threshold,
            ),
            self.message,
        )
        if stored is not None:
            self._hub.projects_changed.emit()
            self.message.show_info(_("Gemt. Projektets næste møder får {hold_back} sek. og {threshold} %.").format(
                hold_back=hold_back, threshold=threshold))

    def use_suggestion(self) -> None:
        """Forget the project's own values: its next meetings follow the profile again."""
        project_id = self.project_id
        if project_id is None:
            return
        stored = attempt(
            lambda: project_profile.set_project_profile(self._db, project_id, None, None), self.message
        )
        if stored is not None:
            self._hub.projects_changed.emit()
