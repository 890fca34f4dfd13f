"""Overblik: a project across all its meetings and villages.

A heat map of ideas by village and theme, the asks by department and status, and
the ideas themselves, where the official gives each a status by keyboard (N, A, R, P)
or with the combo box; the change is stored at once and every table follows it.
"""

from __future__ import annotations

import functools
import uuid

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.enums import IdeaStatus
from facilitator.i18n import _
from facilitator.services import ideas, project_overview
from facilitator.services.project_overview import ProjectIdeaRow, ProjectOverview
from facilitator.storage.database import Database
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.key_help import shortcut
from ui.planning.planning_widgets import PLANNING_STYLE, heading, read_only_table
from ui.project.overview_models import (
    AskGridModel,
    HeatMapModel,
    IdeaStatusFilter,
    ProjectIdeaModel,
)

# One letter per status, the first letter of its Danish word ("A" for "under Arbejde").
STATUS_KEYS: tuple[tuple[str, IdeaStatus], ...] = (
    ("N", IdeaStatus.NEW),
    ("A", IdeaStatus.WORKING),
    ("R", IdeaStatus.REALISED),
    ("P", IdeaStatus.PARKED),
)


def _grid(model: HeatMapModel | AskGridModel) -> QTableView:
    """A read-only grid whose cells are read, not chosen: row names down the side."""
    view = read_only_table(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setAlternatingRowColors(False)
    view.setStyleSheet("QTableView::item { padding: 0px 6px; }")
    rows, columns = view.verticalHeader(), view.horizontalHeader()
    rows.show()
    # Tighter than a list: the totals row should fit on the screen with the villages.
    rows.setDefaultSectionSize(view.fontMetrics().height() + 12)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    # A long theme or status is set on two lines (the model breaks it), so its column stays narrow.
    columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    columns.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # a list stretches it
    columns.setStretchLastSection(False)
    columns.setMinimumSectionSize(view.fontMetrics().horizontalAdvance("0" * 6))
    columns.setFixedHeight(view.fontMetrics().lineSpacing() * 2 + 18)
    return view


class OverviewView(QWidget):
    """The project's overview tab: `set_project` chooses the project; ChangeHub keeps it fresh."""

    def __init__(self, db: Database, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self.project_id: uuid.UUID | None = None
        self.overview: ProjectOverview | None = None
        self._stale = False
        self.heat_model = HeatMapModel(self)
        self.ask_model = AskGridModel(self)
        self.idea_model = ProjectIdeaModel(self)
        self.idea_filter = IdeaStatusFilter(self)
        self.idea_filter.setSourceModel(self.idea_model)
        self.heat_table = _grid(self.heat_model)
        self.ask_table = _grid(self.ask_model)
        self.idea_table = read_only_table(self.idea_filter)
        self.idea_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.idea_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive
        )
        self.idea_table.setColumnWidth(1, 330)
        self.idea_table.setSortingEnabled(True)
        self.idea_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as captured until a click
        self.filter_box = QComboBox()
        self.filter_box.setAccessibleName(_("Vis idéer med status"))
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(_("Status for den valgte idé"))
        for _key, status in STATUS_KEYS:
            self.status_box.addItem(status.label, status)
        self.status_counts = QLabel()
        self.status_counts.setObjectName("hintText")
        self.key_hint = QLabel(
            _("N: ny · A: under arbejde · R: realiseret · P: parkeret (i listen over idéer)")
        )
        self.key_hint.setObjectName("hintText")
        self.tables = QTabWidget()
        self.tables.setDocumentMode(True)
        self.ask_amounts = QLabel()
        self.ask_amounts.setObjectName("hintText")
        self.ask_amounts.setWordWrap(True)
        self.empty_note = QLabel(_("Projektet har endnu ingen idéer eller ressourceønsker."))
        self.empty_note.setObjectName("hintText")
        self.empty_note.hide()
        self.message = InlineMessage()
        self.setStyleSheet(PLANNING_STYLE)
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        filter_label = QLabel(_("&Vis:"))
        filter_label.setBuddy(self.filter_box)
        status_label = QLabel(_("&Status for den valgte idé:"))
        status_label.setBuddy(self.status_box)
        idea_bar = QHBoxLayout()
        idea_bar.addWidget(heading(_("Idéer")), 1)
        idea_bar.addWidget(filter_label)
        idea_bar.addWidget(self.filter_box)
        idea_bar.addSpacing(18)
        idea_bar.addWidget(status_label)
        idea_bar.addWidget(self.status_box)
        # The two tables take turns at full width: side by side, neither fits a 1366 screen.
        asks = QWidget()
        asks_layout = QVBoxLayout(asks)
        asks_layout.setContentsMargins(0, 0, 0, 0)
        asks_layout.addWidget(self.ask_table, 1)
        asks_layout.addWidget(self.ask_amounts)
        self.tables.addTab(self.heat_table, _("Idéer pr. &landsby og tema"))
        self.tables.addTab(asks, _("&Ressourceønsker pr. forvaltning og status"))
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 16, 24, 16)
        page.setSpacing(8)
        page.addWidget(self.tables, 6)
        page.addWidget(self.empty_note)
        page.addSpacing(6)
        page.addLayout(idea_bar)
        page.addWidget(self.status_counts)
        page.addWidget(self.idea_table, 5)
        page.addWidget(self.key_hint)
        page.addWidget(self.message)
        for first, second in ((self.idea_table, self.filter_box), (self.filter_box, self.status_box)):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        self._hub.ideas_changed.connect(lambda _meeting_id: self._changed())
        self._hub.asks_changed.connect(lambda _meeting_id: self._changed())
        self._hub.projects_changed.connect(self._changed)
        self.filter_box.activated.connect(self._filter_chosen)
        self.status_box.activated.connect(
            lambda position: self.set_status(self.status_box.itemData(position))
        )
        self.idea_table.selectionModel().currentRowChanged.connect(self._show_current_status)
        # Letters on the idea list only: elsewhere (the combo boxes) they keep their own meaning.
        for key, status in STATUS_KEYS:
            shortcut(
                self.idea_table, key,
                _("Giv den valgte idé status «{status}» (i listen over idéer)").format(status=status.label),
                functools.partial(self.set_status, status),
                Qt.ShortcutContext.WidgetShortcut,
            )

    # -- what is shown -------------------------------------------------------------

    def set_project(self, project_id: uuid.UUID | None) -> None:
        """Show this project's overview (None: nothing)."""
        self.project_id = project_id
        self.refresh()

    def _changed(self) -> None:
        # A hidden tab reads again only when it is shown: during a live meeting every captured
        # idea says "changed", and the overview of a big project is not worth reading each time.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Catch up with what changed while the tab was hidden."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the overview again, keeping the chosen idea and the filter."""
        self._stale = False
        chosen = self.current_idea()
        project_id = self.project_id
        overview = None
        if project_id is not None:
            overview = attempt(
                lambda: project_overview.project_overview(self._db, project_id), self.message, clear=False
            )
        if overview is None:
            self.overview = None
            self.heat_model.set_rows(project_overview.VillageThemeCounts((), (), ()))
            self.ask_model.set_rows(project_overview.AskStatusDepartment((), (), ()))
            self.idea_model.set_rows([])
            self._fill_filter(None)
            self.ask_amounts.hide()
            self.empty_note.hide()
            self.status_counts.clear()
            return
        self.overview = overview
        self.heat_model.set_rows(overview.villages_themes)
        self.ask_model.set_rows(overview.asks)
        self.idea_model.set_rows(overview.ideas)
        self._fill_filter(overview)
        amounts = self.ask_model.status_amounts()
        self.ask_amounts.setText(_("Beløb pr. status: {amounts}").format(amounts=amounts) if amounts else "")
        self.ask_amounts.setVisible(bool(amounts))
        self.empty_note.setVisible(not overview.ideas and overview.asks.total.count == 0)
        self.status_counts.setText(" · ".join(
            f"{status.label}: {count}" for status, count in overview.idea_status
        ))
        self.select_idea(chosen.id if chosen else None)

    def _fill_filter(self, overview: ProjectOverview | None) -> None:
        """The filter's choices with how many ideas each has; the choice is kept."""
        kept = self.filter_box.currentData()
        self.filter_box.clear()
        total = len(overview.ideas) if overview else 0
        self.filter_box.addItem(_("Alle idéer ({n})").format(n=total), None)
        for status, count in overview.idea_status if overview else ():
            self.filter_box.addItem(f"{status.label} ({count})", status)
        self.filter_box.setCurrentIndex(max(self.filter_box.findData(kept), 0))

    def _filter_chosen(self, position: int) -> None:
        chosen = self.current_idea()
        self.idea_filter.set_status(self.filter_box.itemData(position))
        self.select_idea(chosen.id if chosen else None)

    def current_idea(self) -> ProjectIdeaRow | None:
        """The chosen idea."""
        index = self.idea_table.currentIndex()
        if not index.isValid():
            return None
        return self.idea_model.row_at(self.idea_filter.mapToSource(index).row())

    def select_idea(self, idea_id: uuid.UUID | None, near_row: int = 0) -> None:
        """Choose an idea in the list; if it is not shown, the one at `near_row` (or none)."""
        target = -1
        for row in range(self.idea_filter.rowCount()):
            source = self.idea_model.row_at(self.idea_filter.mapToSource(self.idea_filter.index(row, 0)).row())
            if source is not None and source.id == idea_id:
                target = row
                break
        if target < 0 and self.idea_filter.rowCount():
            target = min(near_row, self.idea_filter.rowCount() - 1)
        if target >= 0:
            self.idea_table.setCurrentIndex(self.idea_filter.index(target, 0))
        self._show_current_status()

    def _show_current_status(self, *_args: QModelIndex) -> None:
        idea = self.current_idea()
        self.status_box.setEnabled(idea is not None)
        if idea is not None:
            self.status_box.setCurrentIndex(self.status_box.findData(idea.status))

    # -- what the official does ----------------------------------------------------

    def set_status(self, status: IdeaStatus) -> None:
        """Give the chosen idea this status: stored at once, then every view refreshes."""
        idea = self.current_idea()
        if idea is None:
            self.message.show_info(_("Vælg først en idé i listen."))
            return
        position = self.idea_table.currentIndex().row()
        changed = attempt(lambda: ideas.set_idea_status(self._db, idea.id, status), self.message)
        if changed is None:
            return
        self._hub.ideas_changed.emit(changed.meeting_id)
        # An idea the filter no longer shows leaves the list: the next one is chosen instead.
        self.select_idea(changed.id, position)
        self.idea_table.setFocus()
