"""The brief for the political leadership: made off the GUI thread, previewed, saved, printed."""

from __future__ import annotations

import uuid
import weakref
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QPointF,
    QSize,
    QStandardPaths,
    Qt,
    QTemporaryDir,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.formats import date_time
from facilitator.i18n import LANGUAGES, _, ngettext
from facilitator.services import briefs, meetings
from facilitator.storage import stale_files
from facilitator.storage.database import Database
from ui.brief.brief_output import (
    copy_brief,
    default_file_name,
    pages_to_print,
    prepare_printer,
    print_pages,
    save_failed_message,
)
from ui.brief.brief_worker import BriefWorker
from ui.brief.sent_dialog import SentDialog, SentListModel, language_name
from ui.common.feedback import InlineMessage
from ui.common.focus import give_focus, return_focus, tab_leaves
from ui.planning.planning_widgets import (
    FRAME_ALLOWANCE,
    PLANNING_STYLE,
    ElidedLabel,
    button,
    heading,
    join_isolated,
)

# The brief window's usual size; on a screen with less room it opens maximised.
BRIEF_SIZE = QSize(1366, 768)


def preview_folder(db: Database) -> Path:
    """Where previews are written: `previews/` in the data folder, readable by the user only."""
    from facilitator.services.backups import data_folder

    return stale_files.preview_folder(data_folder(db))


class BriefWindow(QWidget):
    """The window «Politisk orientering – <mødetitel>»: preview, language, Save as, Print, sendings."""

    brief_ready = Signal(object)  # Path of the PDF now previewed
    preview_removed = Signal()  # an erasure deleted the preview: it is made anew
    brief_failed = Signal(str)  # the Danish message shown
    closed = Signal()
    sent_recorded = Signal(object)  # BriefRecordRow

    def __init__(
        self,
        db: Database,
        meeting_id: uuid.UUID,
        language: str = "da",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._db = db
        self.meeting_id = meeting_id
        self.meeting = meetings.get_meeting(db, meeting_id)
        self.language = language if language in LANGUAGES else "da"
        self.pdf_path: Path | None = None
        # The preview holds citizens' data: it stays in the (private) data folder,
        # never in the system's shared temp folder, and is removed with the window.
        self._temp = QTemporaryDir(str(preview_folder(db) / "preview-XXXXXX"))
        self._hold_preview(Path(self._temp.path()))
        self._generation = 0
        self._waiting = False  # True from asking for a brief until its result arrives
        self._workers: list[BriefWorker] = []
        # The last worker started (tests look at which thread it ran on).
        self.worker: BriefWorker | None = None
        self._last_folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.document = QPdfDocument(self)
        self.sent_model = SentListModel(self)
        self.setWindowTitle(_("Politisk orientering – {title}").format(title=self.meeting.title))
        self.setStyleSheet(PLANNING_STYLE + BRIEF_STYLE)
        self._build()
        self._connect_signals()
        self.refresh_sent()
        self.generate()

    def _build(self) -> None:
        m = self.meeting
        self.title = heading(_("Politisk orientering – {title}").format(title=m.title), 17)
        self.subtitle = ElidedLabel(
            join_isolated([m.project_name, date_time(m.scheduled_at), m.venue])
        )
        self.language_combo = QComboBox()
        for code in LANGUAGES:
            self.language_combo.addItem(language_name(code), code)
        self.language_combo.setCurrentIndex(LANGUAGES.index(self.language))
        self.language_combo.setMinimumHeight(34)
        language_label = QLabel(_("&Sprog:"))
        language_label.setBuddy(self.language_combo)
        self.save_button = button(_("Gem som …"), "Ctrl+S")
        self.save_button.setObjectName("primaryButton")
        self.print_button = button(_("Udskriv …"), "Ctrl+P")
        self.sent_button = button(_("Registrér som sendt …"))
        self.close_button = button(_("Luk"), "Esc")
        self.retry_button = QPushButton(_("Prøv igen"))
        self.retry_button.hide()
        tools = QHBoxLayout()
        tools.setSpacing(10)
        tools.addWidget(language_label)
        tools.addWidget(self.language_combo)
        tools.addStretch(1)
        for push in (self.save_button, self.print_button, self.sent_button, self.close_button):
            tools.addWidget(push)
        self.message = InlineMessage()
        # While the PDF is being made: a calm line and a moving bar, so the wait is visible.
        self.busy_label = QLabel(_("Laver orienteringen …"))
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(320)
        busy = QWidget()
        busy_layout = QVBoxLayout(busy)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addStretch(1)
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(16)
        self.view.setDocument(self.document)
        self.stack = QStackedWidget()
        self.stack.addWidget(busy)
        self.stack.addWidget(self.view)
        self.pages_label = QLabel()
        self.pages_label.setObjectName("hintText")
        self.sent_list = QListView()
        self.sent_list.setModel(self.sent_model)
        tab_leaves(self.sent_list)
        self.sent_list.setWordWrap(True)
        self.sent_list.setSpacing(3)
        self.keys_hint = QLabel(
            "\n".join([_("Ctrl+S: gem som PDF"), _("Ctrl+P: udskriv"), _("Esc: luk vinduet")])
        )
        self.keys_hint.setObjectName("hintText")
        self.keys_hint.setWordWrap(True)
        self.no_sent_label = QLabel(_("Ikke registreret som sendt endnu."))
        self.no_sent_label.setObjectName("hintText")
        self.no_sent_label.setWordWrap(True)
        side = QVBoxLayout()
        side.setSpacing(10)
        side.addWidget(heading(_("Sendt til politikerne"), 13))
        # Only one of the two shows; either takes the spare height, so the rest stays together.
        side.addWidget(self.no_sent_label, 1, Qt.AlignmentFlag.AlignTop)
        side.addWidget(self.sent_list, 1)
        side.addWidget(self.pages_label)
        side.addWidget(self.keys_hint)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(330)
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(self.stack, 1)
        body.addWidget(side_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(tools)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    def _connect_signals(self) -> None:
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_brief)
        self.sent_button.clicked.connect(self.record_sent)
        self.close_button.clicked.connect(self.close)
        self.retry_button.clicked.connect(self.generate)
        self.preview_removed.connect(self._preview_erased, Qt.ConnectionType.QueuedConnection)
        for keys, slot in (
            ("Ctrl+S", self.save_as),
            ("Ctrl+P", self.print_brief),
            ("Esc", self.close),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # -- making the PDF --------------------------------------------------------------

    def _hold_preview(self, folder: Path) -> None:
        """Keep the start-up clean-up off this preview; an erasure deletes it and tells us."""
        window = weakref.ref(self)

        def removed() -> None:
            # Called by the erasure (maybe on a worker thread): the signal is queued to this window.
            alive = window()
            if alive is not None and shiboken6.isValid(alive):
                alive.preview_removed.emit()

        stale_files.hold_previews(folder, removed)
        self.destroyed.connect(partial(stale_files.let_go_previews, folder))

    def _preview_erased(self) -> None:
        # The PDF may have named the erased person: it is gone; show one made from the data now.
        self.pdf_path = None
        self.document.close()
        self.generate()

    def is_busy(self) -> bool:
        """True while a brief is being made, until its thread has ended too."""
        return self._waiting or any(w.isRunning() for w in self._workers)

    def generate(self) -> None:
        """Make the brief in the chosen language on a worker thread; the preview follows."""
        self._generation += 1
        path = Path(self._temp.path()) / f"orientering-{self._generation}-{self.language}.pdf"
        # Bound methods of this window (not lambdas): the results are queued to the GUI thread.
        worker = BriefWorker(self._db, self.meeting_id, path, self.language, self._generation, self)
        worker.written.connect(self._written)
        worker.failed.connect(self._failed)
        self._forget_finished()
        self._workers.append(worker)
        self.worker = worker
        self.message.clear_message()
        self.busy_label.setText(_("Laver orienteringen …"))
        self.busy_bar.show()
        self.retry_button.hide()
        self.stack.setCurrentIndex(0)
        self._set_ready(False)
        self._waiting = True
        worker.start()

    def _forget_finished(self) -> None:
        for worker in [w for w in self._workers if w.isFinished()]:
            self._workers.remove(worker)
            worker.deleteLater()

    def _written(self, generation: int, path: Path) -> None:
        if generation != self._generation:
            # An older language choice finished late; a newer one is on its way.
            path.unlink(missing_ok=True)
            return
        self._waiting = False
        self.document.load(str(path))
        if self.document.status() is not QPdfDocument.Status.Ready:
            self.pdf_path = None
            self._failed(generation, _("Orienteringen blev lavet, men kan ikke vises."))
            return
        old, self.pdf_path = self.pdf_path, path
        if old is not None and old != path:
            old.unlink(missing_ok=True)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().jump(0, QPointF(0, 0))
        count = self.document.pageCount()
        self.pages_label.setText(ngettext("{n} side", "{n} sider", count).format(n=count))
        self.stack.setCurrentIndex(1)
        self._set_ready(True)
        self.brief_ready.emit(path)

    def _failed(self, generation: int, text: str) -> None:
        if generation != self._generation:
            return
        self._waiting = False
        self.message.show_error(text)
        self.busy_bar.hide()
        self.busy_label.setText(_("Der er ingen forhåndsvisning."))
        self.retry_button.show()
        self.stack.setCurrentIndex(0)
        self._set_ready(False)
        self.brief_failed.emit(text)

    def _set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def _language_chosen(self) -> None:
        code = self.language_combo.currentData()
        if code and code != self.language:
            self.language = code
            self.generate()

    # -- getting it out ------------------------------------------------------------

    def save_as(self) -> Path | None:
        """Ask where, then copy the previewed PDF there; a refusal is shown in Danish."""
        if self.pdf_path is None or self.is_busy():
            return None
        # The file leaves the app with its name: no name without consent in it either.
        name = default_file_name(
            briefs.public_title(self._db, self.meeting_id),
            self.meeting.scheduled_at.date(),
            self.language,
        )
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Gem orienteringen"),
            str(Path(self._last_folder) / name),
            _("PDF-filer (*.pdf)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        try:
            saved = copy_brief(self.pdf_path, target)
        except OSError as exc:
            self.message.show_error(save_failed_message(target, exc))
            return None
        self._last_folder = str(saved.parent)
        self.message.show_info(_("Gemt som {path}").format(path=saved))
        return saved

    def print_brief(self) -> int:
        """Print dialog, then every chosen page rendered at 300 dpi; returns pages printed."""
        if self.pdf_path is None or self.is_busy():
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.document)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Udskriv orienteringen"))
        dialog.setMinMax(1, self.document.pageCount())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        # A printer driver may have changed it; the pages are rendered at 300 dpi.
        printer.setResolution(300)
        pages = pages_to_print(
            printer, self.document.pageCount(), self.view.pageNavigator().currentPage()
        )
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = print_pages(self.document, printer, pages)
        finally:
            self.unsetCursor()
        if printed:
            self.message.show_info(
                ngettext(
                    "{n} side sendt til printeren.", "{n} sider sendt til printeren.", printed
                ).format(n=printed)
            )
        else:
            self.message.show_error(_("Printeren kunne ikke startes. Prøv en anden printer."))
        return printed

    # -- sent to the politicians ---------------------------------------------------

    def record_sent(self) -> None:
        """Open the small dialog; a stored sending shows in the list at once."""
        dialog = SentDialog(self._db, self.meeting_id, self.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._sent_saved)
        dialog.finished.connect(self._sent_closed)
        self.sent_dialog = dialog
        dialog.open()

    def _sent_closed(self) -> None:
        give_focus(self.sent_button)

    def _sent_saved(self) -> None:
        row = self.sent_dialog.saved_row
        self.refresh_sent()
        self.sent_recorded.emit(row)

    def refresh_sent(self) -> None:
        """Reload the list of earlier sendings."""
        from facilitator.services import briefs

        rows = briefs.list_sent(self._db, self.meeting_id)
        self.sent_model.set_rows(rows)
        self.no_sent_label.setVisible(not rows)
        self.sent_list.setVisible(bool(rows))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Let a brief still being made finish first (a second at most) so no thread is cut off."""
        for worker in list(self._workers):
            worker.wait()
        self.document.close()
        stale_files.let_go_previews(Path(self._temp.path()))
        super().closeEvent(event)
        self.closed.emit()


def open_brief_window(
    db: Database, meeting_id: uuid.UUID, parent: QWidget, current: QWidget | None = None
) -> BriefWindow:
    """Bring `current` forward if it shows this meeting's brief, else open a new brief window."""
    if isinstance(current, BriefWindow) and shiboken6.isValid(current):
        if current.meeting_id == meeting_id:
            current.raise_()
            current.activateWindow()
            return current
        current.close()
    window = BriefWindow(db, meeting_id, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Closed, the keyboard goes back where it was (the meeting list, the summary's button).
    opener = QApplication.focusWidget()
    if opener is not None and parent.isAncestorOf(opener):
        window.closed.connect(lambda: return_focus(opener))
    # On a small laptop screen the preview needs all of it; elsewhere a roomy window.
    room = parent.screen().availableGeometry().size() - FRAME_ALLOWANCE
    if room.width() < BRIEF_SIZE.width() or room.height() < BRIEF_SIZE.height():
        window.showMaximized()
    else:
        window.resize(BRIEF_SIZE)
        window.show()
    return window


BRIEF_STYLE = """
QLabel#busyLabel { font-size: 15pt; color: #333333; }
QPdfView { background: #d9dedb; }
QListView { background: transparent; border: none; }
QListView::item { padding: 6px 0px; border-bottom: 1px solid #d3dad6; }
"""
