"""The main window: a thin shell that moves between the pages.

It shows at once with a calm "opening" line while the database opens on a
worker thread (ui/startup.py); the pages are built when it is ready. That is
why the page modules and services are imported inside `attach`, not at the top:
importing SQLAlchemy alone takes longer than showing the window.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from facilitator.clock import Clock
from facilitator.i18n import _
from ui.common.changes import ChangeHub
from ui.common.prompts import Prompts
from ui.window_state import save_window_state

if TYPE_CHECKING:
    from facilitator.storage.database import Database
    from ui.backups.damaged_dialog import DamagedDialog
    from ui.safety_net import SafetyNet
    from ui.startup import DatabaseOpener

# How often the running app checks whether a backup is due.
BACKUP_EVERY = timedelta(minutes=5)
# A meeting title longer than this is cut short in the title bar (and the taskbar).
TITLE_CHARS = 60


def window_title(meeting_title: str | None = None, page_name: str = "") -> str:
    """«Borgermøde i Knebel — Live — Facilitator»; just «Facilitator» without a meeting."""
    if not meeting_title:
        return "Facilitator"
    title = " ".join(meeting_title.split())
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    return f"{title} — {page_name} — Facilitator"


class _WindowPrompts:
    """Asks through whatever `window.prompts` is at the time (a test may swap it after the pages exist)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def ask(self, parent: QWidget | None, title: str, question: str, yes: str, no: str) -> bool:
        """The window's `prompts.ask`."""
        return self._window.prompts.ask(parent, title, question, yes, no)


class MainWindow(QMainWindow):
    """Start screen → agenda → live meeting → summary."""

    ready = Signal()

    def __init__(
        self, db: Database | None, clock: Clock, window_settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self._clock = clock
        # Where the window's place is remembered (None: not remembered, as in most tests).
        self.window_settings = window_settings
        self.hub = ChangeHub(self)
        self.setWindowTitle(window_title())
        self.pages = QStackedWidget()
        self.opening = QLabel(_("Åbner Facilitator …"))
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.setStyleSheet("font-size: 16pt; color: #555;")
        self.pages.addWidget(self.opening)
        self.setCentralWidget(self.pages)
        self.db: Database | None = None
        # Set by the app's start (ui/app.py, ui/backups/damaged_dialog.py); they live as long as the window.
        self.safety_net: SafetyNet | None = None
        self.opener: DatabaseOpener | None = None
        self.damaged_dialog: DamagedDialog | None = None
        self.read_only_banner: QLabel | None = None
        # Where the app's questions go (a test hands the window a scripted one).
        self.prompts = Prompts()
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        """Build the pages on an open database and show the start screen."""
        from ui.live.live_page import LivePage
        from ui.planning.agenda_page import AgendaPage
        from ui.project.project_page import ProjectPage
        from ui.start.start_page import StartPage
        from ui.summary.corrections_page import CorrectionsPage
        from ui.summary.summary_page import SummaryPage

        self.db = db
        self.start_page = StartPage(db, self.hub)
        self.agenda_page = AgendaPage(db, self.hub)
        self.live_page = LivePage(db, self.hub, self._clock, preferences=self.window_settings)
        self.summary_page = SummaryPage(db, hub=self.hub)
        self.corrections_page = CorrectionsPage(db, self.hub)
        self.project_page = ProjectPage(db, self.hub, _WindowPrompts(self))
        for page in (
            self.start_page,
            self.agenda_page,
            self.live_page,
            self.summary_page,
            self.corrections_page,
            self.project_page,
        ):
            self.pages.addWidget(page)
        self._connect_signals()
        self._install_key_help()
        self._install_search()
        self._start_backups(db)
        self.show_start()
        self.pages.removeWidget(self.opening)
        self.opening.deleteLater()
        self.ready.emit()

    def _connect_signals(self) -> None:
        self.start_page.meeting_opened.connect(self.open_meeting)
        self.start_page.summary_requested.connect(self.show_summary)
        self.start_page.project_opened.connect(self.show_project)
        self.project_page.back_requested.connect(self.show_start)
        self.hub.projects_changed.connect(self.update_title)
        self.agenda_page.back_requested.connect(self.show_start)
        self.agenda_page.start_requested.connect(self.start_meeting)
        self.live_page.meeting_closed.connect(self.show_summary)
        # Once the summary shows, the private reflection is offered (skippable).
        self.live_page.meeting_closed.connect(self.summary_page.offer_reflection)
        self.summary_page.back_requested.connect(self.show_start)
        self.summary_page.reopen_requested.connect(self.correct_meeting)
        self.corrections_page.done.connect(self.show_summary)
        # A renamed meeting shows its new name at once.
        self.hub.meeting_changed.connect(lambda _id: self.update_title())

    def update_title(self) -> None:
        """Name the meeting and the page in the title bar, so the taskbar says what is open."""
        from facilitator.services import meetings

        if self.db is not None and self.pages.currentWidget() is self.project_page:
            self.setWindowTitle(window_title(self.project_page.project_name(), _("Projekt")))
            return
        page_name, meeting_id = self._shown_meeting()
        try:
            title = meetings.get_meeting(self._database(), meeting_id).title if meeting_id else None
        except Exception:
            # A title bar is never worth an error message (the page itself reports a
            # storage problem); the last title stays.
            return
        self.setWindowTitle(window_title(title, page_name))

    def _shown_meeting(self) -> tuple[str, uuid.UUID | None]:
        """The current page's Danish name and the meeting it shows (none on the start page)."""
        page = self.pages.currentWidget()
        if self.db is None or page is self.start_page:
            return "", None
        if page is self.agenda_page:
            return _("Dagsorden"), self.agenda_page.meeting_id()
        if page is self.live_page:
            session = self.live_page.running
            return _("Live"), session.meeting_id if session else None
        if page is self.summary_page:
            return _("Opsummering"), self.summary_page.meeting_id
        return _("Rettelser"), self.corrections_page.meeting_id

    def _install_key_help(self) -> None:
        # F1 (or ?) on any page: that page's keys, over the page.
        from ui.common.key_help import LIVE_KEYS, KeyHelp

        self.key_help = KeyHelp(self, self.pages, about=self.show_about)
        self.key_help.declare(self.start_page, _("Forsiden"))
        self.key_help.declare(self.agenda_page, _("Dagsorden"))
        self.key_help.declare(self.live_page, _("Under mødet"), LIVE_KEYS)
        self.key_help.declare(self.summary_page, _("Opsummering"))
        self.key_help.declare(self.corrections_page, _("Rettelser"))
        self.key_help.declare(self.project_page, _("Projekt"))

    def _install_search(self) -> None:
        # Ctrl+F on every page but the live one: during a meeting the keys are the meeting's,
        # and a search window must not cover the live screen. On the pages, so F1 lists it.
        from ui.common.key_help import shortcut

        for page in (self.start_page, self.agenda_page, self.summary_page, self.corrections_page):
            shortcut(page, "Ctrl+F", _("Søg i idéer, ressourceønsker og næste skridt"),
                     self.open_search)

    def open_search(self) -> None:
        """«Søg» (Ctrl+F): find an entry in any project; choosing one opens its meeting's summary."""
        from ui.search.search_dialog import SearchDialog

        if self.pages.currentWidget() is self.live_page:
            return
        self.search_dialog = SearchDialog(self._database(), self)
        self.search_dialog.result_chosen.connect(self.show_found_meeting)
        self.search_dialog.open()

    def show_found_meeting(self, meeting_id: uuid.UUID) -> None:
        """A search result's meeting: its summary; a meeting not held yet opens on its agenda.

        A summary of a planned meeting would offer a brief of a meeting that never took
        place. An interrupted (running) meeting shows its summary so far: a search
        never resumes a meeting.
        """
        from facilitator.domain.enums import MeetingStatus
        from facilitator.services import meetings

        if meetings.get_meeting(self._database(), meeting_id).status is MeetingStatus.PLANNED:
            self.open_meeting(meeting_id)
        else:
            self.show_summary(meeting_id)

    def show_about(self) -> None:
        """«Om Facilitator»: versions, the data folder and the licences (Ctrl+F1)."""
        from facilitator.services.backups import data_folder
        from ui.about_dialog import AboutDialog

        folder = data_folder(self.db) if self.db is not None else None
        self.about_dialog = AboutDialog(folder, self)
        self.about_dialog.open()

    def _start_backups(self, db: Database) -> None:
        """Every few minutes, back up if anything was written since the last backup."""
        from facilitator.services import backups

        backups.watch_changes(db)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(int(BACKUP_EVERY.total_seconds() * 1000))
        self.backup_timer.timeout.connect(self.backup_if_changed)
        self.backup_timer.start()

    def backup_if_changed(self) -> None:
        """The periodic backup (never raises; nothing happens if no data changed)."""
        from facilitator.services import backups

        if self.db is not None:
            # A little slack, so a timer firing a moment early does not skip a round.
            backups.automatic_backup(self.db, backups.REASON_PERIODIC, BACKUP_EVERY * 0.9)

    def _database(self) -> Database:
        assert self.db is not None, "pages exist only once the database is attached"
        return self.db

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        self.update_title()

    def show_start(self) -> None:
        """Back to the projects and meetings."""
        self.start_page.refresh()
        self._show_page(self.start_page)

    def show_project(self, project_id: uuid.UUID) -> None:
        """A project's page across its meetings, the follow-up desk first."""
        self.project_page.show_project(project_id)
        self._show_page(self.project_page)
        self.project_page.desk.focus_table()

    def open_meeting(self, meeting_id: uuid.UUID) -> None:
        """Open a meeting where it stands: plan it, carry it on, or see its summary."""
        from facilitator.domain.enums import MeetingStatus
        from facilitator.services import meetings

        status = meetings.get_meeting(self._database(), meeting_id).status
        if status is MeetingStatus.RUNNING:
            self.resume_meeting(meeting_id)
        elif status is MeetingStatus.CLOSED:
            self.show_summary(meeting_id)
        else:
            self.agenda_page.load(meeting_id)
            self._show_page(self.agenda_page)

    def start_meeting(self, meeting_id: uuid.UUID) -> None:
        """Start the meeting on the live screen."""
        # A refusal (e.g. an empty agenda) is shown on the agenda page, which stays.
        if self.live_page.start(meeting_id, refusal=self.agenda_page.message):
            self._show_page(self.live_page)

    def correct_meeting(self, meeting_id: uuid.UUID) -> None:
        """Reopen a closed meeting's entries for corrections."""
        self.corrections_page.load(meeting_id)
        self._show_page(self.corrections_page)

    def resume_meeting(self, meeting_id: uuid.UUID) -> None:
        """Carry on an interrupted meeting."""
        self._show_page(self.live_page)
        self.live_page.resume(meeting_id)
        self.hub.meeting_changed.emit(meeting_id)
        self.update_title()

    def show_summary(self, meeting_id: uuid.UUID) -> None:
        """Show a closed meeting's summary."""
        self.summary_page.load(meeting_id)
        self._show_page(self.summary_page)

    def offer_resume(self) -> None:
        """After a crash or a closed window, offer to carry on the meeting that was running."""
        from facilitator.services import meetings

        running = meetings.running_meeting(self._database())
        if running is None:
            return
        answer = QMessageBox.question(
            self,
            _("Fortsæt mødet?"),
            _("Mødet »{title}« var i gang, da Facilitator sidst blev lukket. "
              "Vil du fortsætte det nu? Intet af det indtastede er gået tabt.").format(
                title=running.title
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.resume_meeting(running.id)

    def shut_down(self) -> None:
        """The session is ending (logout, shutdown): close as a click would, then quit.

        Nobody is there to answer "throw away what you typed?", and the system
        ends the process soon anyway; so open forms close without asking, and
        the window closes through closeEvent, which stamps the running meeting
        and makes the exit backup.
        """
        from PySide6.QtWidgets import QApplication

        from ui.common.unsaved import closing_unasked

        with closing_unasked():
            self.close()
        QApplication.exit(0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Never close over unsaved typing; stamp the running meeting for the next start."""
        if self.db is not None:
            for panel in (self.live_page.capture, self.corrections_page.capture):
                dialog = panel.entry_dialog
                if dialog is not None:
                    dialog.reject()  # asks first if something was typed
                    if panel.entry_dialog is not None:
                        event.ignore()
                        return
        session = self.live_page.running if self.db is not None else None
        if session is not None:
            from facilitator.services import live

            try:
                live.touch(self._database(), session.meeting_id, session.now())
            except Exception:  # closing must never fail; the last heartbeat still bounds the gap
                pass
            self.live_page.stop()
        if self.db is not None:
            from facilitator.services import backups

            self.backup_timer.stop()
            backups.automatic_backup(self.db, backups.REASON_EXIT, min_interval=timedelta(0))
        if self.window_settings is not None:
            save_window_state(self, self.window_settings)
        super().closeEvent(event)
