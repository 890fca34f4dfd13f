"""During «Opfølgning siden sidst»: the open next steps and the answers to report back.

Ctrl+D ticks the chosen next step done today, Ctrl+M records that the chosen
answer was reported back at this meeting. Both go through `attempt()` and tell
the change hub; the box then reads the project's follow-up again.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from facilitator.domain.enums import StepState
from facilitator.i18n import _, current_language
from facilitator.reports.formatting import BriefWords
from facilitator.reports.since_last import answer_line, step_line, summary_line
from facilitator.services import carry_over, follow_up
from facilitator.services.carry_rows import SinceLast
from facilitator.services.follow_up import ReportInput
from facilitator.storage.database import Database
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.key_help import shortcut
from ui.common.pixels import set_px
from ui.live.live_status import SMALL_PX, TEXT_PX

STEP_DONE_KEYS = "Ctrl+D"
REPORTED_KEYS = "Ctrl+M"
# The same letters with Shift choose the next row, so no row needs the mouse.
NEXT_STEP_KEYS = "Ctrl+Shift+D"
NEXT_ANSWER_KEYS = "Ctrl+Shift+M"
ID_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 4


def _list() -> QListWidget:
    view = QListWidget()
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return view


class FollowUpBox(QFrame):
    """What still waits from earlier meetings, to settle with the citizens in the room."""

    changed = Signal()

    def __init__(self, db: Database, hub: ChangeHub, message: InlineMessage,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._message = message
        self.meeting_id: uuid.UUID | None = None
        self.since: SinceLast | None = None
        self.setObjectName("followUpBox")
        self.setStyleSheet("#followUpBox { background: #f3f7f4; border: 1px solid #c3d6ca;"
                           " border-radius: 6px; }")
        self.title = QLabel(_("Opfølgning siden sidst"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.steps_label = QLabel()
        self.steps = _list()
        self.answers_label = QLabel()
        self.answers = _list()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        for widget in (self.title, self.summary, self.steps_label, self.steps, self.answers_label, self.answers):
            layout.addWidget(widget)
        self.keys = [
            shortcut(self, STEP_DONE_KEYS, _("Under opfølgningen: det valgte næste skridt er gjort"),
                     self.tick_step_done),
            shortcut(self, REPORTED_KEYS, _("Under opfølgningen: svaret er meldt tilbage på mødet"),
                     self.record_reported),
            shortcut(self, NEXT_STEP_KEYS, _("Under opfølgningen: vælg det næste skridt i listen"),
                     lambda: self._choose_next(self.steps)),
            shortcut(self, NEXT_ANSWER_KEYS, _("Under opfølgningen: vælg det næste svar i listen"),
                     lambda: self._choose_next(self.answers)),
        ]
        for key in self.keys:
            key.setEnabled(False)
        self.hide()

    def set_scale(self, scale: float) -> None:
        """Sizes follow the live screen's (window size times large text)."""
        set_px(self.title, TEXT_PX * scale, bold=True)
        for widget in (self.summary, self.steps_label, self.answers_label):
            set_px(widget, SMALL_PX * scale)
        for view in (self.steps, self.answers):
            set_px(view, TEXT_PX * scale * 0.9)
            self._fit_height(view)

    @staticmethod
    def _fit_height(view: QListWidget) -> None:
        # As tall as its rows (up to VISIBLE_ROWS), so the capture panel below keeps its room.
        rows = max(1, min(view.count(), VISIBLE_ROWS))
        line = view.sizeHintForRow(0) if view.count() else view.fontMetrics().lineSpacing() + 6
        view.setFixedHeight(rows * line + 2 * view.frameWidth() + 4)

    def show_for(self, meeting_id: uuid.UUID | None) -> None:
        """Show the meeting's follow-up (None hides the box and turns its keys off)."""
        self.meeting_id = meeting_id
        for key in self.keys:
            key.setEnabled(meeting_id is not None)
        if meeting_id is None:
            self.hide()
            return
        self.reload()
        self.show()

    def reload(self) -> None:
        """Read the project's follow-up again and list what still waits."""
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        since = attempt(lambda: carry_over.since_last(self._db, meeting_id), self._message,
                        clear=False)
        if since is None:
            return
        self.since = since
        words = BriefWords(current_language())
        self.summary.setText(summary_line(since, words))
        self.steps_label.setText(
            _("<b>Åbne næste skridt</b> – {keys} markerer det valgte som gjort").format(
                keys=STEP_DONE_KEYS))
        self.answers_label.setText(
            _("<b>Svar at melde tilbage</b> – {keys} når det er sagt på mødet").format(
                keys=REPORTED_KEYS))
        self._fill(self.steps, [(s.step_id, ("⚠ " if s.overdue else "") + step_line(s, words))
                                for s in since.steps_open], _("Ingen åbne næste skridt."))
        self._fill(self.answers, [(a.ask_id, answer_line(a, words)) for a in since.to_report],
                   _("Intet svar venter på at blive meldt tilbage."))

    @staticmethod
    def _fill(view: QListWidget, rows: list[tuple[uuid.UUID, str]], empty: str) -> None:
        view.clear()
        for row_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row_id)
            view.addItem(item)
        if not rows:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            view.addItem(item)
        else:
            view.setCurrentRow(0)
        FollowUpBox._fit_height(view)

    @staticmethod
    def _choose_next(view: QListWidget) -> None:
        """Choose the row after the chosen one (after the last: the first again)."""
        rows = [r for r in range(view.count()) if isinstance(view.item(r).data(ID_ROLE), uuid.UUID)]
        if not rows:
            return
        later = [r for r in rows if r > view.currentRow()]
        view.setCurrentRow(later[0] if later else rows[0])

    @staticmethod
    def _chosen(view: QListWidget) -> uuid.UUID | None:
        item = view.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return value if isinstance(value, uuid.UUID) else None

    def _today(self) -> date:
        return self._db.clock.now().astimezone().date()

    def tick_step_done(self) -> None:
        """The chosen open next step was done: stored as done today, during this meeting."""
        step_id, meeting_id = self._chosen(self.steps), self.meeting_id
        if step_id is None or meeting_id is None or self.since is None:
            return
        origin = next(s.meeting_id for s in self.since.steps_open if s.step_id == step_id)
        def tick() -> bool:
            follow_up.set_step_state(self._db, step_id, StepState.DONE, self._today(), meeting_id)
            return True

        done = attempt(tick, self._message)
        if done is None:
            return
        self._hub.steps_changed.emit(origin)
        self.reload()
        self.changed.emit()

    def record_reported(self) -> None:
        """The chosen answer was told to the citizens at this meeting."""
        ask_id, meeting_id = self._chosen(self.answers), self.meeting_id
        if ask_id is None or meeting_id is None or self.since is None:
            return
        origin = next(a.meeting_id for a in self.since.to_report if a.ask_id == ask_id)
        report = ReportInput(self._today(), _("på mødet"), meeting_id)
        def reported() -> bool:
            follow_up.record_report(self._db, ask_id, report)
            return True

        done = attempt(reported, self._message)
        if done is None:
            return
        self._hub.asks_changed.emit(origin)
        self.reload()
        self.changed.emit()
