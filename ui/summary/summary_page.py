"""The closing summary: how citizen-driven the meeting was, phase by phase."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.enums import PromptKind, Role
from facilitator.domain.formats import date_time, duration_words, minutes, stopwatch
from facilitator.i18n import _
from facilitator.services import meetings
from facilitator.services.meetings import MAX_ATTENDANCE
from facilitator.services.summary import MeetingSummary, PhaseSummary, meeting_summary
from facilitator.storage.database import Database
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.focus import tab_leaves
from ui.common.key_help import THEME_BOARD_KEYS, note, shortcut
from ui.common.row_model import Column, RowTableModel
from ui.live.talk_share_bar import TalkShareBar
from ui.live.timeline_strip import TimelineStrip, legend_html
from ui.planning.planning_widgets import PLANNING_STYLE, ElidedLabel, join_isolated
from ui.summary.priority_table import PriorityTableModel, ranked_ideas
from ui.summary.reflection_dialog import ReflectionDialog
from ui.themes.theme_board import ThemeBoard, open_theme_board


def citizens_share(row: PhaseSummary) -> str:
    """The citizens' share of the talk in a phase ("–" when no one spoke)."""
    if row.share.talk_seconds <= 0:
        return "–"
    return f"{round(row.share.share(Role.CITIZEN) * 100)} %"


class PhaseSummaryModel(RowTableModel[PhaseSummary]):
    """Planned against actual time, first speaker and citizens' share, per phase."""

    def __init__(self) -> None:
        super().__init__([
            Column(_("Punkt"), lambda r: r.title),
            Column(_("Planlagt"), lambda r: minutes(r.planned_minutes)),
            Column(_("Faktisk"), lambda r: stopwatch(r.actual_seconds)),
            Column(_("Først på ordet"), lambda r: r.first_speaker.label if r.first_speaker else "–"),
            Column(_("Borgernes andel"), citizens_share),
        ])


class SummaryPage(QWidget):
    """Shown when a meeting closes, or when a closed meeting is opened."""

    reopen_requested = Signal(object)  # meeting id
    back_requested = Signal()

    def __init__(
        self, db: Database, parent: QWidget | None = None, hub: ChangeHub | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self.meeting_id: uuid.UUID | None = None
        # The brief window open from this page, if any.
        self.brief_window: QWidget | None = None
        # The reflection dialog open from this page, if any, and the meetings it was offered for.
        self.reflection_dialog: ReflectionDialog | None = None
        self._offered: set[uuid.UUID] = set()
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
        # Two pairs of columns, so the figures leave room for the phase table on a 600 px screen.
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        places = [
            ("opened", _("Punkter åbnet af en borger"), 0, 0),
            ("hold_backs", _("Ventetider overholdt"), 1, 0),
            ("captured", _("Idéer · ressourceønsker · næste skridt"), 0, 2),
            ("checks", _("Idéer til tjek"), 1, 2),
            ("gaps", _("Afbrydelser"), 2, 2),
            ("nudges", _("Påmindelser"), 3, 0),
        ]
        for key, label, row, column in places:
            name = QLabel(label)
            value = QLabel()
            value.setStyleSheet("font-weight: bold;")
            value.setWordWrap(True)
            grid.addWidget(name, row, column)
            # The nudges' sentence is long: it gets the rest of the row.
            grid.addWidget(value, row, column + 1, 1, 3 if key == "nudges" else 1)
            self.figures[key] = value
        # How many came: counted by the official, printed in the brief; -1 shows "ikke talt".
        self.attendance = QSpinBox()
        self.attendance.setRange(-1, MAX_ATTENDANCE)
        self.attendance.setSpecialValueText(_("ikke talt"))
        self.attendance.setMinimumWidth(130)
        self.attendance.setMinimumHeight(30)
        attendance_label = QLabel(_("&Fremmødte:"))
        attendance_label.setBuddy(self.attendance)
        grid.addWidget(attendance_label, 2, 0)
        grid.addWidget(self.attendance, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        # «Prioritering» beside the phases, shown only when the meeting held a round: beside and
        # not below, so the page still fits a 1024×600 screen.
        self.priorities_model = PriorityTableModel()
        self.priorities = QTableView()
        self.priorities.setModel(self.priorities_model)
        tab_leaves(self.priorities)
        self.priorities.verticalHeader().hide()
        self.priorities.setAccessibleName(_("Prioritering"))
        header = self.priorities.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message = InlineMessage()
        self.table = QTableView()
        self.table.setModel(self.model)
        tab_leaves(self.table)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.reopen_button = QPushButton(_("Genåbn til rettelser"))
        self.reflection_button = QPushButton(_("&Refleksion …"))
        self.reflection_button.setToolTip(_("Din private refleksion over mødet (kun til dig)"))
        # The key is in the tooltip and F1: the row of buttons must fit a 1024 px screen.
        self.themes_button = QPushButton(_("Temaer …"))
        self.themes_button.setToolTip(_("Grupper mødets idéer i temaer (Ctrl+Shift+T)"))
        self.back_button = QPushButton(_("Til forsiden (Esc)"))
        self.brief_button = QPushButton(_("Lav politisk orientering (Ctrl+B)"))
        self.brief_button.setObjectName("primaryButton")
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.reflection_button)
        buttons.addWidget(self.themes_button)
        buttons.addStretch(1)
        buttons.addWidget(self.brief_button)
        buttons.addWidget(self.back_button)
        self.setStyleSheet(PLANNING_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        timeline_heading = QHBoxLayout()
        timeline_heading.addWidget(self.timeline_title)
        timeline_heading.addStretch(1)
        timeline_heading.addWidget(self.timeline_legend)
        layout.addLayout(timeline_heading)
        layout.addWidget(self.timeline)
        layout.addWidget(self.share_bar)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        tables = QHBoxLayout()
        tables.setSpacing(12)
        tables.addWidget(self.table, 3)
        tables.addWidget(self.priorities, 2)
        layout.addLayout(tables, 1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.reopen_button.clicked.connect(lambda: self.reopen_requested.emit(self.meeting_id))
        self.back_button.clicked.connect(self.back_requested)
        shortcut(self, "Esc", _("Til forsiden"), self.back_requested.emit,
                 Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.brief_button.clicked.connect(self.open_brief)
        shortcut(self, "Ctrl+B", _("Lav politisk orientering"), self.open_brief)
        note(self, ["Alt+F"], _("Skriv antallet af fremmødte"))
        self.reflection_button.clicked.connect(self.open_reflection)
        self.themes_button.clicked.connect(self.open_themes)
        shortcut(self, THEME_BOARD_KEYS.keys[0], _(THEME_BOARD_KEYS.description), self.open_themes)
        note(self, ["Alt+R"], _("Din refleksion over mødet"))
        self.attendance.valueChanged.connect(self._attendance_changed)

    def load(self, meeting_id: uuid.UUID) -> MeetingSummary:
        """Show the summary of a meeting."""
        self.meeting_id = meeting_id
        summary = meeting_summary(self._db, meeting_id)
        self.show_summary(summary)
        count = summary.meeting.attendance
        # Showing the stored count is not a change to save.
        self.attendance.blockSignals(True)
        self.attendance.setValue(-1 if count is None else count)
        self.attendance.blockSignals(False)
        self.message.clear_message()
        return summary

    def _attendance_changed(self, value: int) -> None:
        meeting_id = self.meeting_id
        if meeting_id is not None:
            count = None if value < 0 else value
            attempt(lambda: meetings.set_attendance(self._db, meeting_id, count), self.message)

    def open_brief(self) -> QWidget | None:
        """Open the brief window for this meeting (or bring the open one forward)."""
        from ui.brief.brief_window import (
            open_brief_window,  # QtPdf loads only when a brief is asked for
        )

        if self.meeting_id is None:
            return None
        self.brief_window = open_brief_window(self._db, self.meeting_id, self, self.brief_window)
        return self.brief_window

    def open_themes(self) -> ThemeBoard | None:
        """Open «Temaer» for this meeting: its ideas grouped by theme."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        if self._hub is None:
            self._hub = ChangeHub()
        return open_theme_board(self._db, self._hub, meeting_id, self)

    def open_reflection(self) -> ReflectionDialog | None:
        """Open the reflection on this meeting (or bring the open one forward)."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        dialog = self.reflection_dialog
        if dialog is not None and dialog.isVisible() and dialog.meeting_id == meeting_id:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = ReflectionDialog(self._db, meeting_id, self._hub, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._reflection_closed(dialog))
        self.reflection_dialog = dialog
        dialog.open()
        return dialog

    def _reflection_closed(self, dialog: ReflectionDialog) -> None:
        if self.reflection_dialog is dialog:
            self.reflection_dialog = None
        self.reflection_button.setFocus()

    def offer_reflection(self, meeting_id: uuid.UUID) -> ReflectionDialog | None:
        """After closing: offer the reflection once, unless one is already written."""
        if meeting_id in self._offered or self.meeting_id != meeting_id:
            return None
        self._offered.add(meeting_id)
        from facilitator.services import reflection

        written = attempt(lambda: reflection.get_reflection(self._db, meeting_id), self.message, clear=False)
        if written is not None:
            return None
        return self.open_reflection()

    def show_summary(self, summary: MeetingSummary) -> None:
        """Fill every label and the phase table."""
        meeting = summary.meeting
        self.title.setText(_("Opsummering: {title}").format(title=meeting.title))
        self.subtitle.setText(
            join_isolated(
                [meeting.project_name, date_time(meeting.scheduled_at), meeting.venue]
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
            _("{n} (i alt {duration})").format(n=len(summary.gaps), duration=duration_words(gap_seconds))
            if summary.gaps
            else _("Ingen")
        )
        self.model.set_rows(list(summary.phases))
        self.priorities_model.set_rows(ranked_ideas(summary.rounds))
        self.priorities.setVisible(bool(summary.rounds))
