"""Start-up: QApplication, fonts, Danish Qt dialogs, the database, the main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator import __version__
from facilitator.clock import Clock, SystemClock
from facilitator.i18n import _
from facilitator.paths import data_dir, resource
from ui.common.main_thread_gc import collect_on_main_thread
from ui.window_state import app_settings, save_window_state, show_main_window

if TYPE_CHECKING:
    from facilitator.data_door import OpenedFolder
    from ui.common.prompts import Prompts
    from ui.main_window import MainWindow

APP_FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
# Emoji and symbols DejaVu lacks (🏕, 🌻 in an idea's title) come from this font, not as boxes.
EMOJI_FONT_FILE = "NotoEmoji-Regular.ttf"


def _register(name: str) -> list[str]:
    font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
    return QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []


def install_fonts(app: QApplication) -> None:
    """Register the shipped fonts so text never renders as boxes on a bare machine."""
    families: list[str] = []
    for name in APP_FONT_FILES:
        families += _register(name)
    emoji = _register(EMOJI_FONT_FILE)
    if emoji and hasattr(QFontDatabase, "addApplicationEmojiFontFamily"):
        # Qt 6.9+: characters shown as emoji by default (🌻) ask this family first.
        QFontDatabase.addApplicationEmojiFontFamily(emoji[0])
    if families:
        font = QFont(families[0])
        # Every other character DejaVu lacks (🏕 is text-style by default) falls back to it.
        font.setFamilies(list(dict.fromkeys(families + emoji)))
        font.setPointSize(11)
        app.setFont(font)


def install_danish(app: QApplication) -> None:
    """Danish number/date formats and Qt's own dialogs in Danish."""
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    translator = QTranslator(app)
    if translator.load("qtbase_da", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)


# A file the app writes the time into once the start screen is filled: the installer
# check and bench/installer.py wait for it (a running app is otherwise silent).
READY_FILE_ENV = "FACILITATOR_READY_FILE"


def report_ready(path: Path) -> None:
    """Write the wall-clock time the start screen was ready (never fails the app)."""
    try:
        path.write_text(f"{time.time():.6f}\n", encoding="ascii")
    except OSError:
        pass


# app.exec() returns this when the database must be opened anew (after a restore).
RESTART_STATUS = 75


def restart() -> None:
    """Close the window and open the database again, in the same process."""
    QApplication.exit(RESTART_STATUS)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with name, fonts and Danish set up (reused if one exists)."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Facilitator")
    app.setApplicationVersion(__version__)
    # The window's and the taskbar's icon; on Linux the desktop entry (facilitator.desktop)
    # the installer adds shows the same icon in the menu.
    app.setWindowIcon(QIcon(str(resource("icons", "facilitator.svg"))))
    app.setDesktopFileName("facilitator")
    install_fonts(app)
    install_danish(app)
    # Widgets caught in reference cycles are destroyed on this thread, never on the brief's.
    collect_on_main_thread(app)
    return app


def launch(data_dir_option: str | None, clock: Clock, prompts: Prompts | None = None) -> MainWindow:
    """Show the main window at once and open the data folder behind it.

    On failure (unwritable folder, unreadable database) the user gets a Danish
    message and the app quits with status 1; never a traceback.
    """
    from ui.main_window import MainWindow
    from ui.safety_net import SafetyNet
    from ui.startup import DatabaseOpener, ask_about_held_purge

    app = create_application()
    store = app_settings()
    window = MainWindow(None, clock, store)
    if prompts is not None:
        window.prompts = prompts
    window.safety_net = SafetyNet(window)
    window.safety_net.install()
    # Maximised on the screen it starts on, or where the user left it last time.
    show_main_window(window, store)
    folder = data_dir(data_dir_option)

    ready_file = os.environ.get(READY_FILE_ENV)
    if ready_file:
        window.ready.connect(lambda: report_ready(Path(ready_file)))

    def opened(result: OpenedFolder) -> None:
        # A purge the clock makes doubtful is asked about before the pages show any names.
        ask_about_held_purge(window, result, window.prompts)
        if not window.isVisible():
            return  # the session ended while the question was open (logout, shutdown)
        window.attach(result.database)
        window.offer_resume()
        # Started: what lives as long as the app is kept out of later cycle collections.
        collect_on_main_thread(app).settle()

    def failed(message: str) -> None:
        QMessageBox.critical(window, _("Facilitator kan ikke starte"), message)
        app.exit(1)

    def damaged(damage: object) -> None:
        # Never opened for writing: restore a backup (then open again), or read only.
        from ui.backups.damaged_dialog import handle_damaged

        handle_damaged(window, damage, clock, reopen=start_opener, quit=lambda: app.exit(1))

    def start_opener() -> None:
        opener = DatabaseOpener(folder, clock, window)
        opener.opened.connect(opened)
        opener.failed.connect(failed)
        opener.damaged.connect(damaged)
        opener.start()
        window.opener = opener  # keep the thread alive with the window

    start_opener()
    return window


def run(data_dir_option: str | None, clock: Clock | None = None) -> int:
    """Run the app until the window closes (or the session ends); returns the exit status."""
    from ui.termination import TerminationWatch

    app = create_application()
    shown: list[MainWindow] = []
    # Logout or shutdown (SIGTERM/SIGHUP) closes the window as a click would: exit backup first.
    watch = TerminationWatch(lambda: shown[-1].shut_down() if shown else app.exit(0))
    try:
        while True:
            window = launch(data_dir_option, clock or SystemClock())
            shown.append(window)
            status = app.exec()
            if window.opener is not None:
                window.opener.wait()
            if window.db is not None:
                window.db.dispose()
            if status != RESTART_STATUS:
                return status
            # After a restore: a fresh window on the database opened (and upgraded) anew,
            # in the place this one has now.
            if window.window_settings is not None:
                save_window_state(window, window.window_settings)
            window.hide()
            window.deleteLater()
    finally:
        watch.stop()
