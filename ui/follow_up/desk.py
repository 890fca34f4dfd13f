"""Opfølgning: a project's open asks and next steps, keyboard first.

Enter opens an entry (its clock, history and every change); single keys on the
table change its stage: S sendt, V svar modtaget, M meldt tilbage, E mail til
forvaltningen; for next steps G gjort, I ikke gjort, O opgivet. Each change is
one service call through `attempt`, then the hub hears of it (the meeting's
asks/steps and the project), and every view of the project redraws.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.decision_path import DepartmentFigures
from facilitator.domain.enums import FollowUpKind, StepState
from facilitator.follow_up_mail import make_mail_draft
from facilitator.i18n import N_, _
from facilitator.services import follow_up, follow_up_desk
from facilitator.services.follow_up import SentInput
from facilitator.services.follow_up_desk import (
    DeskChoices,
    DeskFilters,
    DeskKind,
    DeskRow,
    DeskStage,
)
from facilitator.services.rows import FollowUpEventRow
from facilitator.storage.database import Database
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.files import open_with_desktop
from ui.common.focus import give_focus
from ui.common.key_help import shortcut
from ui.common.row_model import ROW_ROLE
from ui.follow_up.desk_model import DeskSortModel, DeskTableModel
from ui.follow_up.entry_detail import EntryDetailDialog
from ui.follow_up.figures import figures_line, figures_text
from ui.follow_up.stage_dialogs import (
    AnswerDialog,
    ReportDialog,
    SentDialog,
    StageDialog,
    StepStateDialog,
    done,
)
from ui.planning.planning_widgets import PLANNING_STYLE, read_only_table


class AsksQuestions(Protocol):
    """The window's asking object (ui/common/prompts.Prompts, or a test's scripted one)."""

    def ask(self, parent: QWidget | None, title: str, question: str, yes: str, no: str) -> bool: ...


# The single keys on the table: key, what F1 says, for asks or for steps.
ASK_KEYS = (("S", N_("Sendt til forvaltningen …")), ("V", N_("Svar modtaget …")),
            ("M", N_("Meldt tilbage til borgerne …")), ("E", N_("Lav mail til forvaltningen")))
STEP_KEYS = (("G", N_("Næste skridt gjort …")), ("I", N_("Næste skridt ikke gjort …")),
             ("O", N_("Næste skridt opgivet …")))
STEP_STATES = {"G": StepState.DONE, "I": StepState.NOT_DONE, "O": StepState.DROPPED, "R": StepState.OPEN}


TEXT_MIN_WIDTH = 260  # the entry's words: below this the table scrolls sideways instead
WIDE_TABLE = 1500  # px of table from which the meeting and department columns widen


class FollowUpDesk(QWidget):
    """The desk: per-department figures, filters, the table of entries, a message line."""

    def __init__(
        self,
        db: Database,
        hub: ChangeHub,
        prompts: AsksQuestions,
        open_file: Callable[[Path], None] = open_with_desktop,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self.prompts = prompts
        # How a mail draft is opened (a test records the path instead of launching a program).
        self.open_file = open_file
        self.project_id: uuid.UUID | None = None
        self.choices = DeskChoices((), (), ())
        self.figures: list[DepartmentFigures] = []
        # The dialog open now (a stage dialog or an entry's detail), for tests and focus.
        self.dialog: QDialog | None = None
        self.detail: EntryDetailDialog | None = None
        # True while the desk tells the hub of its own change: it redraws once, not per signal.
        self._publishing = False
        self.setStyleSheet(PLANNING_STYLE)
        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        self.figures_label.setObjectName("hintText")
        self.stage_combo = QComboBox()
        self.department_combo = QComboBox()
        self.village_combo = QComboBox()
        self.meeting_combo = QComboBox()
        # Narrow enough that the desk fits a 1024-wide screen; the open list shows whole names.
        for combo in (self.stage_combo, self.department_combo, self.village_combo, self.meeting_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.stage_combo.addItem(_("Alle åbne"), None)
        for stage in DeskStage:
            self.stage_combo.addItem(_(stage.msgid), stage)
        self.show_closed = QCheckBox(_("Vis også &afsluttede"))
        self.model = DeskTableModel(parent=self)
        self.proxy = DeskSortModel(self.model)
        self.table = read_only_table(self.proxy)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # captured order until a header is clicked
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Long free texts get a fixed share (the official can drag it wider); the tooltip has it all.
        for column, width in ((DeskTableModel.MEETING, 150), (DeskTableModel.DEPARTMENT, 170),
                              (DeskTableModel.TEXT, TEXT_MIN_WIDTH)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # The idea and the villages are in the entry's tooltip and its window (Enter), the kind
        # in its status («Skridt: åbent»): hidden, the entry's own words get the room.
        for column in (DeskTableModel.IDEA, DeskTableModel.VILLAGE, DeskTableModel.KIND):
            self.table.setColumnHidden(column, True)
        self.table.viewport().installEventFilter(self)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("hintText")
        self.keys_label = QLabel(_(
            "Enter åbner · S sendt · V svar · M meldt tilbage · E mail til forvaltningen · "
            "G gjort · I ikke gjort · O opgivet"))
        self.keys_label.setObjectName("hintText")
        self.keys_label.setWordWrap(True)
        self.message = InlineMessage()
        self._build_layout()
        self._connect_signals()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """The entry's column takes what the table's width leaves (at least TEXT_MIN_WIDTH)."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_text_column()
        return super().eventFilter(watched, event)

    def fit_text_column(self) -> None:
        """Give the entry's words the width the other columns leave."""
        header = self.table.horizontalHeader()
        # On a wide screen the meeting and the department get room to be read whole too.
        wide = self.table.viewport().width() >= WIDE_TABLE
        for column, (narrow, roomy) in ((DeskTableModel.MEETING, (150, 280)),
                                        (DeskTableModel.DEPARTMENT, (170, 220))):
            header.resizeSection(column, roomy if wide else narrow)
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != DeskTableModel.TEXT and not header.isSectionHidden(c))
        header.resizeSection(DeskTableModel.TEXT,
                             max(TEXT_MIN_WIDTH, self.table.viewport().width() - others))

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for text, combo in ((_("&Status"), self.stage_combo), (_("&Forvaltning"), self.department_combo),
                            (_("&Landsby"), self.village_combo), (_("Mø&de"), self.meeting_combo)):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        # The figures wrap, so «Vis også afsluttede» beside them leaves the filters room on a small screen.
        top = QHBoxLayout()
        top.addWidget(self.figures_label, 1)
        top.addWidget(self.show_closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.keys_label)
        layout.addWidget(self.message)

    def _connect_signals(self) -> None:
        for combo in (self.stage_combo, self.department_combo, self.village_combo, self.meeting_combo):
            combo.currentIndexChanged.connect(self.refresh_rows)
        self.show_closed.toggled.connect(self.refresh_rows)
        self.table.doubleClicked.connect(lambda _index: self.open_detail())
        self._hub.project_changed.connect(self._project_changed)
        self._hub.asks_changed.connect(self._meeting_changed)
        self._hub.steps_changed.connect(self._meeting_changed)
        only_table = Qt.ShortcutContext.WidgetShortcut
        for key in ("Return", "Enter"):
            shortcut(self.table, key, _("Åbn posten (historik og rettelser)"), self.open_detail, only_table)
        for key, description in (*ASK_KEYS, *STEP_KEYS):
            shortcut(self.table, key, _(description), partial(self.act_on_current, key), only_table)

    # -- what is shown -------------------------------------------------------------

    def set_project(self, project_id: uuid.UUID) -> None:
        """Show this project's desk, with every filter open."""
        if project_id != self.project_id:
            self.project_id = project_id
            for combo in (self.stage_combo, self.department_combo, self.village_combo, self.meeting_combo):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        self.refresh()

    def _project_changed(self, project_id: object) -> None:
        if project_id == self.project_id and not self._publishing:
            self.refresh()

    def _meeting_changed(self, meeting_id: object) -> None:
        # An entry captured or edited in one of this project's meetings (the live screen, corrections).
        if not self._publishing and any(m.id == meeting_id for m in self.choices.meetings):
            self.refresh()

    def refresh(self) -> None:
        """Read the filters' choices, the figures and the rows again."""
        if self.project_id is None:
            return
        project_id = self.project_id
        choices = attempt(lambda: follow_up_desk.desk_choices(self._db, project_id), self.message, clear=False)
        if choices is not None:
            self.choices = choices
            self._fill(self.department_combo, _("Alle"), [(d, d) for d in choices.departments])
            self._fill(self.village_combo, _("Alle"), [(v, v) for v in choices.villages])
            self._fill(self.meeting_combo, _("Alle"), [(m.title, m.id) for m in choices.meetings])
        figures = attempt(lambda: follow_up_desk.department_figures(self._db, project_id),
                          self.message, clear=False)
        if figures is not None:
            self.figures = figures
            self.figures_label.setToolTip("\n".join(
                figures_text([f]) for f in figures if figures_text([f])))
        self.refresh_rows()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
        """Offer these items, keeping the current choice if it is still there."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def filters(self) -> DeskFilters:
        """The filters as chosen."""
        # Qt hands a StrEnum back as a plain str: make it the stage again.
        stage = self.stage_combo.currentData()
        return DeskFilters(
            stage=DeskStage(stage) if stage else None,
            department=self.department_combo.currentData(),
            village=self.village_combo.currentData(),
            meeting_id=self.meeting_combo.currentData(),
            include_closed=self.show_closed.isChecked(),
        )

    def refresh_rows(self) -> None:
        """Show the entries the filters let through, keeping the chosen one."""
        if self.project_id is None:
            return
        project_id, filters = self.project_id, self.filters()
        rows = attempt(lambda: follow_up_desk.desk_rows(self._db, project_id, filters), self.message,
                       clear=False)
        if rows is None:
            return
        chosen = self.current_row()
        department = self.department_combo.currentData()
        self.figures_label.setText(figures_line(self.figures, department if department else None))
        self.model.set_rows(rows)
        self.fit_text_column()
        self.empty_label.setText("" if rows else _("Intet at følge op på her."))
        self.empty_label.setVisible(not rows)
        if chosen is not None:
            self.select(chosen.id)
        elif rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def current_row(self) -> DeskRow | None:
        """The entry the cursor is on."""
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, DeskRow) else None

    def select(self, entry_id: uuid.UUID) -> None:
        """Put the cursor on this entry, if it is shown."""
        position = self.model.row_of(entry_id)
        if position >= 0:
            index = self.proxy.mapFromSource(self.model.index(position, 0))
            self.table.setCurrentIndex(index)
            self.table.selectRow(index.row())

    def shown_rows(self) -> list[DeskRow]:
        """The entries in the order shown (sorted as the headers say)."""
        rows = (self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount()))
        return [r for r in rows if isinstance(r, DeskRow)]

    # -- changes -------------------------------------------------------------------

    def open_detail(self) -> None:
        """Enter: the entry with its clock and history, and a button per change."""
        row = self.current_row()
        if row is None:
            return
        self.detail = EntryDetailDialog(row, self._reload_entry, self.act, self)
        self.detail.finished.connect(self._detail_closed)
        self.detail.open()

    def _detail_closed(self) -> None:
        self.detail = None
        give_focus(self.table)

    def _reload_entry(self, row: DeskRow) -> tuple[DeskRow | None, list[FollowUpEventRow]]:
        project_id, everything = self.project_id, DeskFilters(include_closed=True)
        if project_id is None:
            return None, []
        rows = attempt(lambda: follow_up_desk.desk_rows(self._db, project_id, everything),
                       self.message, clear=False) or []
        fresh = next((r for r in rows if r.id == row.id), None)
        key = {"ask_id": row.id} if row.kind is DeskKind.ASK else {"step_id": row.id}
        events = attempt(lambda: follow_up.history(self._db, **key), self.message, clear=False) or []
        return fresh, events

    def act_on_current(self, key: str) -> None:
        """A single key on the table: the change it names, for the entry under the cursor."""
        row = self.current_row()
        if row is not None:
            self.act(row, key, self)

    def act(self, row: DeskRow, key: str, parent: QWidget) -> None:
        """Run the change `key` names on `row` (a key that does not fit the entry's kind does nothing)."""
        is_ask = row.kind is DeskKind.ASK
        if is_ask and key == "S":
            self._open_stage(SentDialog(self._db, row, parent), row)
        elif is_ask and key == "V":
            self._open_stage(AnswerDialog(self._db, row, parent), row)
        elif is_ask and key == "M":
            if row.answered_on is None:
                self.message.show_error(_("Der er endnu intet svar at melde tilbage."))
                return
            self._open_stage(ReportDialog(self._db, row, self.choices.meetings, parent), row)
        elif is_ask and key == "E":
            self.make_mail(row, parent)
        elif is_ask and key == "W":
            self.withdraw_latest(row, parent)
        elif not is_ask and key in STEP_STATES:
            self._open_stage(StepStateDialog(self._db, row, STEP_STATES[key], parent), row)

    def _open_stage(self, dialog: StageDialog, row: DeskRow) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.changed(row))
        dialog.finished.connect(self._stage_closed)
        self.dialog = dialog
        dialog.open()

    def _stage_closed(self) -> None:
        self.dialog = None
        if self.detail is not None:
            give_focus(self.detail)
        else:
            give_focus(self.table)

    def changed(self, row: DeskRow) -> None:
        """After a stored change: tell every view of the meeting and the project."""
        self._publishing = True
        try:
            if row.kind is DeskKind.ASK:
                self._hub.asks_changed.emit(row.meeting_id)
            else:
                self._hub.steps_changed.emit(row.meeting_id)
            if self.project_id is not None:
                self._hub.project_changed.emit(self.project_id)
        finally:
            self._publishing = False
        self.refresh()
        self.select(row.id)
        if self.detail is not None:
            self.detail.refresh()

    def make_mail(self, row: DeskRow, parent: QWidget) -> None:
        """E: write the e-mail draft, open it in the mail program, offer to mark the ask as sent."""
        path = attempt(lambda: make_mail_draft(self._db, row.id), self.message)
        if path is None:
            return
        self.open_file(path)
        self.message.show_info(_("Mailudkastet er åbnet i dit mailprogram (gemt som {name}).").format(
            name=path.name))
        if row.sent_on is not None:
            return  # a reminder about an ask already sent: nothing to mark
        if not self.prompts.ask(parent, _("Lav mail til forvaltningen"), _("Markér som sendt i dag?"),
                                _("Markér som sendt"), _("Ikke nu")):
            return
        if not row.department:
            # Which department is not known yet: the sent dialog asks for it, dated today.
            self._open_stage(SentDialog(self._db, row, parent), row)
            return
        today = self._db.clock.now().astimezone().date()
        sent = SentInput(today, row.department, row.sent_to)
        if attempt(done(lambda: follow_up.mark_sent(self._db, row.id, sent)), self.message, clear=False):
            self.changed(row)

    def withdraw_latest(self, row: DeskRow, parent: QWidget) -> None:
        """Take back the latest stage of an ask (recorded by mistake); the history keeps it."""
        if row.reported_on is not None:
            stage, name = FollowUpKind.REPORTED, _("meldt tilbage")
        elif row.answered_on is not None:
            stage, name = FollowUpKind.ANSWERED, _("svar modtaget")
        elif row.sent_on is not None:
            stage, name = FollowUpKind.SENT, _("sendt")
        else:
            self.message.show_error(_("Der er intet trin at tage tilbage."))
            return
        if not self.prompts.ask(parent, _("Tag trinnet tilbage?"),
                                _("Tag «{stage}» tilbage? Historikken beholder det.").format(stage=name),
                                _("Tag tilbage"), _("Behold")):
            return
        if attempt(done(lambda: follow_up.withdraw(self._db, row.id, stage)), self.message):
            self.changed(row)

    def focus_table(self) -> None:
        """Put the keyboard on the table (the page does this when the desk is shown)."""
        give_focus(self.table)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def index_of(self, entry_id: uuid.UUID) -> QModelIndex:
        """Where an entry is shown in the table (invalid if filtered out)."""
        position = self.model.row_of(entry_id)
        return self.proxy.mapFromSource(self.model.index(position, 0)) if position >= 0 else QModelIndex()
