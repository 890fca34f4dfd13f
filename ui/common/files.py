"""Files the official hands on: where a save dialog starts, and opening a saved file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices


def documents_folder() -> Path:
    """The user's documents folder, where a save dialog starts."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def open_with_desktop(path: Path) -> None:
    """Hand a file to the desktop's default program (the PDF viewer, the mail program for an
    .eml); windows take this as a parameter or module name, so tests record instead."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
