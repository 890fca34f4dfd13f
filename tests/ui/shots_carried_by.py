"""Screenshots of the "carried by" field: the popup of groups and people, the name warning, notices.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/shots_carried_by.py [OUT_DIR]
(with QT_QPA_PLATFORM="offscreen:configfile=screens.json" for a screen of a given size, see
PITFALLS.md). Writes PNGs to OUT_DIR (default screenshots/, git-ignored). The popup is a
window of its own, so it is painted onto the dialog's picture where it sits on the screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from facilitator.clock import FakeClock  # noqa: E402
from facilitator.services import agenda, groups, meetings, people, projects  # noqa: E402
from facilitator.storage.database import Database  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.common.changes import ChangeHub  # noqa: E402
from ui.live.live_page import LivePage  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "screenshots"


def with_popup(dialog: QWidget, popup: QWidget) -> QPixmap:
    """The dialog's picture with its popup painted where it shows (growing the picture if needed)."""
    shot = dialog.grab()
    if not popup.isVisible():
        return shot
    where = popup.mapToGlobal(QPoint(0, 0)) - dialog.mapToGlobal(QPoint(0, 0))
    area = QRect(QPoint(0, 0), shot.size()).united(QRect(where, popup.size()))
    canvas = QPixmap(area.size())
    canvas.fill(QColor("#808080"))
    painter = QPainter(canvas)
    painter.drawPixmap(-area.topLeft(), shot)
    painter.drawPixmap(where - area.topLeft(), popup.grab())
    painter.end()
    return canvas


def settle(app: QApplication) -> None:
    for _round in range(5):
        app.processEvents()


def on_screen(page: QWidget, windows: list[QWidget]) -> QPixmap:
    """The live screen with the dialog (and its popup) over it, as the official sees it."""
    canvas = page.grab()
    painter = QPainter(canvas)
    for window in windows:
        if window.isVisible():
            painter.drawPixmap(window.mapToGlobal(QPoint(0, 0)) - page.mapToGlobal(QPoint(0, 0)),
                               window.grab())
    painter.end()
    return canvas


def main(out: Path) -> int:
    """The idea dialog over the maximised live screen: popup open, warning, free-text notice."""
    app = create_application(sys.argv[:1])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    size = app.primaryScreen().availableGeometry().size()
    tag = f"{size.width()}x{size.height()}"
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock()
        db = Database.open_file(Path(folder) / "shots.db", clock)
        project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri", "Femmøller"])
        meeting = meetings.create_meeting(db, project.id, "Borgermøde", datetime(2026, 3, 3, 19),
                                          "Knebel Forsamlingshus", [p.id for p in project.places])
        agenda.apply_default_template(db, meeting.id)
        for name in ("Borgergruppen i Knebel", "Shelter-gruppen", "Beboerforeningen",
                     "Femmøller Strandgruppe", "Agri Beboerforening"):
            groups.add_group(db, project.id, name)
        people.add_person(db, project.id, "Karen Vestergaard", may_be_named=True)
        people.add_person(db, project.id, "Jens Bødker")
        page = LivePage(db, ChangeHub(), clock)
        page.showMaximized()
        page.start(meeting.id)
        settle(app)

        page.capture.new_idea()
        dialog = page.capture.entry_dialog
        assert dialog is not None
        settle(app)
        QTest.keyClicks(dialog.title_edit, "Shelter ved stranden")
        dialog.proposed_by_edit.setFocus()
        QTest.keyClicks(dialog.proposed_by_edit, "e")
        settle(app)
        popup = dialog.carried.popup
        with_popup(dialog, popup).save(str(out / f"{tag}_popup.png"))
        on_screen(page, [dialog, popup]).save(str(out / f"{tag}_popup_screen.png"))
        print(tag, "dialog", dialog.frameGeometry().getRect(), "popup", popup.isVisible())

        popup.hide()
        dialog.proposed_by_edit.setText("Søren Bødker-Nielsen")
        QTest.keyClick(dialog.proposed_by_edit, Qt.Key.Key_Return)
        settle(app)
        dialog.grab().save(str(out / f"{tag}_warning.png"))
        on_screen(page, [dialog]).save(str(out / f"{tag}_warning_screen.png"))
        print(tag, "with warning", dialog.frameGeometry().getRect())

        dialog.carried.use_group()
        dialog.title_edit.setText("Anna Holm og Łukasz Wiśniewski vil bygge en shelter")
        settle(app)
        with_popup(dialog, popup).save(str(out / f"{tag}_use_group_and_notice.png"))
        dialog.forget_changes()
        dialog.reject()
        settle(app)

        page.capture.new_step()
        step = page.capture.entry_dialog
        assert step is not None
        settle(app)
        QTest.keyClicks(step.what_edit, "Tegne skitse til shelterpladsen")
        step.owner_label_edit.setText("Mette")
        step.accept()
        settle(app)
        step.grab().save(str(out / f"{tag}_step_warning.png"))
        step.forget_changes()
        step.reject()
        page.stop()
        db.dispose()
    print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
