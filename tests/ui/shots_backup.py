"""Screenshots of the restore screen, the damaged-database dialog and the read-only banner.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shots_backup.py
Writes PNGs to screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.data_door import Purpose, open_data_folder  # noqa: E402
from facilitator.paths import database_path  # noqa: E402
from facilitator.services import backups, projects  # noqa: E402
from facilitator.storage.backup import make_backup  # noqa: E402
from facilitator.storage.integrity import DatabaseDamaged, quick_check  # noqa: E402
from tests.backup_factory import (  # noqa: E402
    add_meeting,
    big_database,
    checkpointed,
    damage,
    open_folder,
)
from ui.app import create_application  # noqa: E402
from ui.backups.damaged_dialog import DamagedDialog, attach_read_only  # noqa: E402
from ui.backups.restore_dialog import RestoreDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "screenshots"


def shoot(widget: QWidget, name: str, size: tuple[int, int] = (1366, 768)) -> None:
    """Show the widget at `size` and save it."""
    widget.resize(*size)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(OUT / name))
    print(OUT / name)


def filled_folder(root: Path, clock: FakeClock) -> Path:
    """A data folder with an evening's worth of backups."""
    folder = root / "data"
    big_database(folder, clock)  # big enough that damaging its middle leaves the rest readable
    db = open_folder(folder, clock)
    add_meeting(db, "Borgermøde om stier og fællesskab", ideas=12)
    make_backup(db, backups.REASON_MEETING_CLOSED)
    for step in range(3):
        clock.advance(300)
        projects.create_project(db, f"Helgenæs Lokalråd {step + 1}", ["Tved"])
        make_backup(db, backups.REASON_PERIODIC)
    clock.advance(86400)
    add_meeting(db, "Opfølgning på shelterprojektet", ideas=12)
    make_backup(db, backups.REASON_EXIT)
    checkpointed(db)
    return folder


def main() -> None:
    """Write the screenshots."""
    OUT.mkdir(exist_ok=True)
    create_application()
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as tmp:
        folder = filled_folder(Path(tmp), clock)
        dialog = RestoreDialog(folder, clock)
        shoot(dialog, "backup_restore_dialog.png")
        shoot(dialog, "backup_restore_dialog_small.png", (980, 560))

        def grab_box() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, grab_box)
                return
            box.grab().save(str(OUT / "backup_restore_confirm.png"))
            print(OUT / "backup_restore_confirm.png")
            box.button(QMessageBox.StandardButton.No).click()

        QTimer.singleShot(20, grab_box)
        dialog.restore_selected()
        dialog.close()

        path = database_path(folder)
        damage(path)
        damaged = DamagedDialog(DatabaseDamaged(path, quick_check(path)), clock)
        shoot(damaged, "backup_damaged_dialog.png", (900, 520))
        damaged.close()

        window = MainWindow(None, clock)
        attach_read_only(window, open_data_folder(folder, clock, Purpose.SALVAGE).database)
        shoot(window, "backup_read_only_window.png")
        window.start_page.new_project()
        window.start_page.dialog.name_edit.setText("Nyt projekt")
        window.start_page.dialog.buttons.accepted.emit()
        shoot(window.start_page.dialog, "backup_read_only_refused_save.png", (640, 360))
        window.start_page.dialog.close()
        window.close()
        window.db.dispose()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        path = big_database(folder, clock)
        damage(path)
        alone = DamagedDialog(DatabaseDamaged(path, quick_check(path)), clock)
        shoot(alone, "backup_damaged_dialog_no_backup.png", (900, 460))
        alone.close()


if __name__ == "__main__":
    main()
