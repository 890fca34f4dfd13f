"""The closing summary: how citizen-driven the meeting was, phase by phase."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.enums import PromptKind, Role
from facilitator.domain.phase_timing import format_duration
from facilitator.i18n import _
from facilitator.services.summary import MeetingSummary, PhaseSummary, meeting_summary
from facilitator.storage.database import Database
from ui.planning_widgets import PLANNING_STYLE, ElidedLabel, join_isolated
from ui.talk_share_bar import TalkShareBar
from ui.timeline_strip import TimelineStrip, legend_html

_Index = QModelIndex | QPersistentModelIndex


class PhaseSummaryModel(QAbstractTableModel):
    """Planned against actual time, first speaker and citizens' share, per phase."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PhaseSummary] = []
        self._headers = [
            _("Punkt"),
            _("Planlagt"),
            _("Faktisk"),
            _("Først på ordet"),
            _("Borgernes andel"),
        ]

    def set_rows(self, rows: list[PhaseSummary]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return row.title
        if column == 1:
            return _("{minutes} min.").format(minutes=row.planned_minutes)
        if column == 2:
            return format_duration(row.actual_seconds)
        if column == 3:
            return row.first_speaker.label if row.first_speaker else "–"
        if row.share.talk_seconds <= 0:
            return "–"
        return f"{round(row.share.share(Role.CITIZEN) * 100)} %"


class SummaryPage(QWidget):
    """Shown when a meeting closes, or when a closed meeting is opened."""

    reopen_requested = Signal(object)  # meeting id
    back_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.meeting_id: uuid.UUID | None = None
        self.model = PhaseSummaryModel()
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.title = ElidedLabel()
        self.title.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.subtitle = ElidedLabel()
        self.share_bar = TalkShareBar(_("Taletid i hele mødet"))
        self.timeline_title = QLabel(_("Tidslinje (tal = punkternes start)"))
        self.timeline_title.setStyleSheet("font-weight: bold;")
        self.timeline = TimelineStrip()
        self.timeline_legend = QLabel(legend_html())
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        names = [
            ("opened", _("Punkter åbnet af en borger")),
            ("hold_backs", _("Tilbageholdelser overholdt")),
            ("nudges", _("Påmindelser")),
            ("captured", _("Idéer · ressourceønsker · næste skridt")),
            ("checks", _("Idéer til tjek")),
            ("gaps", _("Afbrydelser")),
        ]
        for row, (key, label) in enumerate(names):
            name = QLabel(label)
            value = QLabel()
            value.setStyleSheet("font-weight: bold;")
            value.setWordWrap(True)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.figures[key] = value
        grid.setColumnStretch(1, 1)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.reopen_button = QPushButton(_("Genåbn til rettelser"))
        self.back_button = QPushButton(_("Til forsiden (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        self.setStyleSheet(PLANNING_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.timeline_title)
        layout.addWidget(self.timeline)
        layout.addWidget(self.timeline_legend)
        layout.addWidget(self.share_bar)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.reopen_button.clicked.connect(lambda: self.reopen_requested.emit(self.meeting_id))
        self.back_button.clicked.connect(self.back_requested)
        escape = QShortcut(QKeySequence("Esc"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested)

    def load(self, meeting_id: uuid.UUID) -> MeetingSummary:
        """Show the summary of a meeting."""
        self.meeting_id = meeting_id
        summary = meeting_summary(self._db, meeting_id)
        self.show_summary(summary)
        return summary

    def show_summary(self, summary: MeetingSummary) -> None:
        """Fill every label and the phase table."""
        meeting = summary.meeting
        self.title.setText(_("Opsummering: {title}").format(title=meeting.title))
        self.subtitle.setText(
            join_isolated(
                [meeting.project_name, meeting.scheduled_at.strftime("%d-%m-%Y %H:%M"), meeting.venue]
            )
        )
        self.share_bar.set_share(summary.share)
        self.timeline.set_timeline(
            meeting.started_at,
            meeting.ended_at or max((t.end or t.start for t in summary.turns), default=None),
            summary.turns,
            summary.gaps,
            [p.started_at for p in summary.phases if p.started_at is not None],
        )
        self.figures["opened"].setText(
            _("{n} af {m}").format(n=summary.phases_opened_by_citizens, m=len(summary.phases))
        )
        self.figures["hold_backs"].setText(
            _("{n} af {m}").format(n=summary.hold_backs_respected, m=summary.hold_backs)
        )
        self.figures["nudges"].setText(
            _("{early} for tidligt på ordet · {share} om taletid · {silence} forslag ved stilhed").format(
                early=summary.nudges.get(PromptKind.EARLY_OFFICIAL, 0),
                share=summary.nudges.get(PromptKind.TALK_SHARE, 0),
                silence=summary.nudges.get(PromptKind.SILENCE_SUGGESTION, 0),
            )
        )
        self.figures["captured"].setText(f"{summary.ideas} · {summary.asks} · {summary.steps}")
        self.figures["checks"].setText(str(summary.checks))
        gap_seconds = sum((g.ended_at - g.started_at).total_seconds() for g in summary.gaps)
        self.figures["gaps"].setText(
            _("{n} ({duration})").format(n=len(summary.gaps), duration=format_duration(gap_seconds))
            if summary.gaps
            else _("Ingen")
        )
        self.model.set_rows(list(summary.phases))
