"""Start-up: QApplication, fonts, Danish Qt dialogs, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator import __version__
from facilitator.clock import Clock, SystemClock
from facilitator.i18n import _
from facilitator.paths import data_dir, database_path, resource
from facilitator.storage.database import Database, StorageError

APP_FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")


def install_fonts(app: QApplication) -> None:
    """Register the shipped font so text never renders as boxes on a bare machine."""
    families: list[str] = []
    for name in APP_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = QFont(families[0])
        font.setPointSize(11)
        app.setFont(font)


def install_danish(app: QApplication) -> None:
    """Danish number/date formats and Qt's own dialogs in Danish."""
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    translator = QTranslator(app)
    if translator.load("qtbase_da", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)


def open_database(folder: Path, clock: Clock) -> Database:
    """Open the database in the data folder, checking first that the folder is writable."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".facilitator-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StorageError(
            _("Datamappen {folder} kan ikke skrives ({reason}). Vælg en anden mappe med "
              "--data-dir, eller bed IT om adgang.").format(folder=folder, reason=exc.strerror or exc)
        ) from exc
    return Database.open_file(database_path(folder), clock)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with name, fonts and Danish set up (reused if one exists)."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Facilitator")
    app.setApplicationVersion(__version__)
    install_fonts(app)
    install_danish(app)
    return app


def run(data_dir_option: str | None, clock: Clock | None = None) -> int:
    """Run the app until the window closes; returns the exit status."""
    app = create_application()
    clock = clock or SystemClock()
    try:
        db = open_database(data_dir(data_dir_option), clock)
    except StorageError as exc:
        QMessageBox.critical(None, _("Facilitator kan ikke starte"), exc.message)
        return 1
    from ui.main_window import MainWindow

    window = MainWindow(db, clock)
    window.resize(1366, 768)
    window.show()
    window.offer_resume()
    status = app.exec()
    db.dispose()
    return status
