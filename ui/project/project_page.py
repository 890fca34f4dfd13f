"""A project across its meetings: a page of tabs — «Opfølgning» (the desk), «Overblik» (ideas
by village and theme, asks by department and status, the ideas' status) and «Min udvikling»
(the official's reflections beside what was measured).

Tabs are added with `add_tab`; a tab
that has `set_project(project_id)` is told whenever the page shows a project.
Esc or «Tilbage» returns to the start page.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from facilitator.i18n import _
from facilitator.services import projects
from facilitator.storage.database import Database
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage, attempt
from ui.common.key_help import shortcut
from ui.follow_up.desk import AsksQuestions, FollowUpDesk
from ui.planning.planning_widgets import PLANNING_STYLE, button, heading
from ui.project.hand_out_dialog import HandOutDialog
from ui.project.overview_view import OverviewView
from ui.project.trend_view import TrendView


class ProjectPage(QWidget):
    """The project's name, «Tilbage», and its tabs."""

    back_requested = Signal()

    def __init__(self, db: Database, hub: ChangeHub, prompts: AsksQuestions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self.project_id: uuid.UUID | None = None
        self.setStyleSheet(PLANNING_STYLE)
        self.title = heading("", 18)
        self.back_button = button(_("Tilbage"), "Esc")
        self.back_button.clicked.connect(self.back_requested)
        self.hand_out_button = button(_("Status og eksport …"), "Ctrl+E")
        self.hand_out_button.clicked.connect(self.open_hand_out)
        # The dialog open now (tests answer its save question through `choose_path`).
        self.hand_out: HandOutDialog | None = None
        self.message = InlineMessage()
        self.tabs = QTabWidget()
        self.desk = FollowUpDesk(db, hub, prompts)
        self.overview = OverviewView(db, hub)
        self.trend = TrendView(db, hub)
        self.add_tab(self.desk, _("&Opfølgning"))
        self.add_tab(self.overview, _("Overbli&k"))
        self.add_tab(self.trend, _("&Min udvikling"))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.hand_out_button)
        top.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        shortcut(self, "Esc", _("Tilbage til forsiden"), self.back_requested.emit)
        shortcut(self, "Ctrl+E", _("Statusorientering og eksport af projektet"), self.open_hand_out)
        hub.projects_changed.connect(self._show_title)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab; it is told the project now and whenever another is shown."""
        index = self.tabs.addTab(widget, title)
        if self.project_id is not None:
            self._tell(widget, self.project_id)
        return index

    @staticmethod
    def _tell(widget: QWidget, project_id: uuid.UUID) -> None:
        set_project = getattr(widget, "set_project", None)
        if callable(set_project):
            set_project(project_id)

    def show_project(self, project_id: uuid.UUID) -> None:
        """Show this project: its name on top, every tab on it, the desk first."""
        self.project_id = project_id
        self._show_title()
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if tab is not None:
                self._tell(tab, project_id)
        self.tabs.setCurrentWidget(self.desk)
        self.desk.focus_table()

    def open_hand_out(self) -> None:
        """The status brief and the export of the shown project, in a small dialog."""
        if self.project_id is None:
            return
        self.hand_out = HandOutDialog(self._db, self.project_id, self.project_name(), self)
        self.hand_out.open()

    def project_name(self) -> str:
        """The shown project's name (for the window's title)."""
        return self.title.full_text()

    def _show_title(self) -> None:
        project_id = self.project_id
        if project_id is None:
            return
        project = attempt(lambda: projects.get_project(self._db, project_id), self.message, clear=False)
        if project is not None:
            self.title.setText(project.name)
