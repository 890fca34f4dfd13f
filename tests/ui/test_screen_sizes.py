"""Every screen and dialog fits a 1024×600 laptop, and 1366×768 and 1920×1080, with all its buttons.

In this process the offscreen screen cannot change size, so the app's own
sizing code is shown a screen of that size (`QScreen.availableGeometry`), and
each window is given the room it would have there (less a title bar and
frame) and must fit it: not grown past it, every visible button and label
whole, inside the window, not squeezed below its own size and not overlapping
another. One test at the end starts the real app in a child process whose only
screen is 1024×600 and reads back where the maximised window landed.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollBar,
    QWidget,
)

from facilitator.clock import FakeClock
from facilitator.demo import create_demo
from facilitator.domain.enums import MeetingStatus, Regulation, SelfDriving
from facilitator.services import agenda, backups, capture, meetings, projects
from facilitator.storage.database import Database
from facilitator.storage.integrity import DatabaseDamaged
from ui.app import install_fonts
from ui.common.changes import ChangeHub
from ui.planning.planning_widgets import FRAME_ALLOWANCE, ElidedLabel

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [QSize(1024, 600), QSize(1366, 768), QSize(1920, 1080)]
SCREEN_IDS = [f"{s.width()}x{s.height()}" for s in SCREENS]
LONG_TITLE = (
    "Borgermøde om fælleshuset, stierne, badebroen og den gamle købmandsbutik i Knebel og "
    "omegn – med kaffe"
)
LONG_VENUE = "Knebel Forsamlingshus, den store sal på første sal bag køkkenet ved parkeringspladsen"


def room(screen: QSize) -> QSize:
    """What a window gets on that screen: all of it but a title bar and frame."""
    return screen - FRAME_ALLOWANCE


@pytest.fixture(params=SCREENS, ids=SCREEN_IDS)
def screen(request, monkeypatch) -> QSize:
    """A screen of each size, as the app's own code sees it when it sizes a window."""
    size: QSize = request.param
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(QPoint(0, 0), size))
    monkeypatch.setattr(QScreen, "geometry", lambda _self: QRect(QPoint(0, 0), size))
    return size


# ----- a filled database, built once for the module ----------------------------------


class Demo:
    """The demo project plus a meeting with a very long title and venue."""

    def __init__(self, folder: Path) -> None:
        self.clock = FakeClock()
        self.folder = folder
        self.db = Database.open_file(folder / "facilitator.db", self.clock)
        self.project = create_demo(self.db, self.clock)
        held = meetings.list_meetings(self.db, self.project.id)
        self.closed = next(m for m in held if m.status is MeetingStatus.CLOSED)
        self.planned = next(m for m in held if m.status is MeetingStatus.PLANNED)
        places = projects.get_project(self.db, self.project.id).places
        self.long = meetings.create_meeting(
            self.db, self.project.id, LONG_TITLE, datetime(2026, 6, 2, 19, 0), LONG_VENUE,
            [p.id for p in places],
            # The longest profile explanation.
            self_driving=SelfDriving.NEEDS_SUPPORT, regulation=Regulation.HEAVY,
        )
        agenda.apply_default_template(self.db, self.long.id)
        backups.backup_now(self.db, backups.REASON_MEETING_CLOSED)
        self.places = places
        self.ideas = capture.list_ideas(self.db, self.closed.id)


@pytest.fixture(scope="module")
def demo(qapp, tmp_path_factory) -> Iterator[Demo]:
    """The app's own font (wider than the test default) and the filled database."""
    before = qapp.font()
    install_fonts(qapp)
    built = Demo(tmp_path_factory.mktemp("sizes"))
    yield built
    built.db.dispose()
    qapp.setFont(before)


# ----- what "fits" means -------------------------------------------------------------


def settle(window: QWidget) -> None:
    """Let the layouts place everything for the window's current size."""
    for _round in range(3):
        QApplication.processEvents()
        if window.layout() is not None:
            window.layout().activate()


def _in_window(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())


# Widgets that place their own small buttons (a line edit's clear button, a table's corner).
COMPOSITE = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QScrollBar)


def problems(top: QWidget) -> list[str]:
    """Every visible button or label that is cut off, outside, squeezed or covered."""
    found: list[str] = []
    shown = [
        w for w in top.findChildren(QWidget)
        if w.isVisibleTo(top) and w.window() is top
        and not isinstance(w.parentWidget(), COMPOSITE)
    ]
    buttons = [w for w in shown if isinstance(w, QAbstractButton)]
    labels = [w for w in shown if isinstance(w, QLabel) and not isinstance(w, ElidedLabel)]
    for widget in buttons + labels:
        name = f"{type(widget).__name__} «{widget.text()[:40]}»"
        place = _in_window(widget, top)
        if not top.rect().contains(place):
            found.append(f"{name} lies outside the window at {place.getRect()}")
        elif widget.visibleRegion().boundingRect() != widget.rect():
            found.append(f"{name} is cut off by its parent at {place.getRect()}")
        need = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = QSize(0, widget.heightForWidth(widget.width()))
        if widget.width() < need.width() or widget.height() < need.height():
            found.append(f"{name} is squeezed to {widget.size().toTuple()}, needs {need.toTuple()}")
    for i, first in enumerate(buttons):
        for second in buttons[i + 1:]:
            if _in_window(first, top).intersects(_in_window(second, top)):
                found.append(f"«{first.text()}» and «{second.text()}» overlap")
    return found


def assert_fits(window: QWidget, size: QSize) -> None:
    """The window, given `size`, stays that size and shows every button and label whole."""
    hint = window.minimumSizeHint()
    assert hint.width() <= size.width() and hint.height() <= size.height(), (
        f"{type(window).__name__} demands at least {hint.toTuple()}, more than {size.toTuple()}"
    )
    minimum = window.minimumSize()
    assert minimum.width() <= size.width() and minimum.height() <= size.height()
    window.resize(size)
    settle(window)
    assert window.size() == size, f"grew to {window.size().toTuple()} instead of {size.toTuple()}"
    assert problems(window) == []


# ----- the main window's pages ---------------------------------------------------------


@pytest.fixture
def main_window(qtbot, demo):
    from ui.main_window import MainWindow

    window = MainWindow(demo.db, demo.clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


PAGES: dict[str, Callable[[QMainWindow, Demo], None]] = {
    "start": lambda w, d: w.show_start(),
    "agenda": lambda w, d: w.open_meeting(d.planned.id),
    "agenda-long-title": lambda w, d: w.open_meeting(d.long.id),
    "summary": lambda w, d: w.show_summary(d.closed.id),
    "corrections": lambda w, d: w.correct_meeting(d.closed.id),
    "project": lambda w, d: w.show_project(d.project.id),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_fits_the_screen(qtbot, main_window, demo, page, screen) -> None:
    PAGES[page](main_window, demo)
    assert_fits(main_window, room(screen))
    # What is checked is the page asked for, not the start page left showing.
    assert main_window.pages.currentWidget() is not main_window.start_page or page == "start"


def test_no_page_makes_the_main_window_wider_or_taller_than_a_small_screen(main_window, demo):
    # The stack asks for the largest of its pages; visiting them must not push the window out.
    for show in PAGES.values():
        show(main_window, demo)
    hint = main_window.minimumSizeHint()
    small = room(SCREENS[0])
    assert hint.width() <= small.width() and hint.height() <= small.height(), hint.toTuple()
    for page in (main_window.start_page, main_window.agenda_page, main_window.summary_page,
                 main_window.corrections_page, main_window.project_page):
        page_hint = page.minimumSizeHint()
        assert page_hint.width() <= small.width(), type(page).__name__
        assert page_hint.height() <= small.height(), type(page).__name__


@pytest.mark.parametrize("page", list(PAGES))
def test_the_read_only_banner_leaves_each_page_room_on_a_small_screen(main_window, demo, page):
    from ui.backups.damaged_dialog import show_read_only_banner

    show_read_only_banner(main_window)
    PAGES[page](main_window, demo)
    assert_fits(main_window, room(SCREENS[0]))


# ----- the brief window ---------------------------------------------------------------


def test_brief_window_fits_the_screen(qtbot, demo, screen) -> None:
    from ui.brief.brief_window import BRIEF_SIZE, open_brief_window

    parent = QWidget()
    qtbot.addWidget(parent)
    window = open_brief_window(demo.db, demo.closed.id, parent)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=30000)
    # Its usual size, or maximised on a screen too small for that.
    small = room(screen).width() < BRIEF_SIZE.width() or room(screen).height() < BRIEF_SIZE.height()
    assert window.isMaximized() == small
    assert_fits(window, room(screen).boundedTo(BRIEF_SIZE))
    window.close()


# ----- the dialogs ----------------------------------------------------------------------


def _project_form(parent: QWidget, d: Demo) -> QWidget:
    from ui.start.start_page import ProjectForm

    return ProjectForm("Nyt projekt", "", True, parent)


def _meeting_form(parent: QWidget, d: Demo) -> QWidget:
    from ui.planning.meeting_form import MeetingForm

    return MeetingForm(d.db, ChangeHub(), d.project.id, d.long.id, parent=parent)


def _settings(parent: QWidget, d: Demo) -> QWidget:
    from ui.settings.settings_dialog import SettingsDialog

    return SettingsDialog(d.db, parent)


def _people(parent: QWidget, d: Demo) -> QWidget:
    from ui.people.people_dialog import PeopleDialog

    return PeopleDialog(d.db, ChangeHub(), d.project.id, parent)


def _person(parent: QWidget, d: Demo) -> QWidget:
    from ui.people.person_form import PersonForm

    return PersonForm(d.db, d.project.id, d.clock.now().date(), parent)


def _restore(parent: QWidget, d: Demo) -> QWidget:
    from ui.backups.restore_dialog import RestoreDialog

    return RestoreDialog(d.folder, d.clock, d.db, parent)


def _damaged(parent: QWidget, d: Demo) -> QWidget:
    from ui.backups.damaged_dialog import DamagedDialog

    damage = DatabaseDamaged(
        d.folder / "facilitator.db", ["*** in database main *** Page 7: btreeInitPage() error 11"]
    )
    return DamagedDialog(damage, d.clock, parent)


def _sent(parent: QWidget, d: Demo) -> QWidget:
    from ui.brief.sent_dialog import SentDialog

    return SentDialog(d.db, d.closed.id, "da", parent)


def _idea(parent: QWidget, d: Demo) -> QWidget:
    from ui.capture.entry_dialogs import IdeaDialog

    return IdeaDialog(d.db, d.closed.id, d.places, d.ideas, d.ideas[0], parent)


def _ask(parent: QWidget, d: Demo) -> QWidget:
    from ui.capture.entry_dialogs import AskDialog

    asks = capture.list_asks(d.db, d.closed.id)
    return AskDialog(d.db, d.closed.id, d.ideas, asks, asks[0], parent)


def _groups(parent: QWidget, d: Demo) -> QWidget:
    from ui.people.groups_dialog import GroupsDialog

    return GroupsDialog(d.db, d.project.id, parent)


def _step(parent: QWidget, d: Demo) -> QWidget:
    from ui.capture.entry_dialogs import StepDialog

    return StepDialog(d.db, d.closed.id, capture.list_steps(d.db, d.closed.id), parent=parent)


def _theme(parent: QWidget, d: Demo) -> QWidget:
    from facilitator.services import ideas
    from ui.themes.theme_dialog import ThemeDialog

    return ThemeDialog(d.db, d.ideas[0], ideas.project_themes(d.db, d.closed.id), (), parent)


def _theme_board(parent: QWidget, d: Demo) -> QWidget:
    from ui.themes.theme_board import ThemeBoard

    return ThemeBoard(d.db, ChangeHub(), d.closed.id, parent)


DIALOGS: dict[str, Callable[[QWidget, Demo], QWidget]] = {
    "project": _project_form,
    "meeting": _meeting_form,
    "settings": _settings,
    "people": _people,
    "person": _person,
    "restore": _restore,
    "damaged": _damaged,
    "sent": _sent,
    "idea": _idea,
    "ask": _ask,
    "step": _step,
    "groups": _groups,
    "theme": _theme,
    "theme_board": _theme_board,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_each_dialog_fits_the_screen(qtbot, demo, name, screen) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = DIALOGS[name](parent, demo)
    dialog.show()
    qtbot.waitExposed(dialog)
    opened = dialog.size()
    usable = room(screen)
    assert opened.width() <= usable.width() and opened.height() <= usable.height(), (
        f"opens at {opened.toTuple()} on a {screen.toTuple()} screen"
    )
    assert_fits(dialog, opened)
    dialog.done(0)


@pytest.mark.parametrize("name", ["idea", "ask"])
def test_a_quick_entry_with_the_name_warning_fits_the_screen(qtbot, demo, name, screen) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = DIALOGS[name](parent, demo)
    dialog.show()
    qtbot.waitExposed(dialog)
    carried = dialog.carried
    carried.edit.setText("Søren Bødker-Nielsen")
    dialog.accept()  # the first Enter: the warning under the field, nothing saved
    qtbot.waitUntil(lambda: carried.note.isVisible() and carried.note.use_group_button.isVisible())
    settle(dialog)
    grown = dialog.size()
    usable = room(screen)
    assert grown.width() <= usable.width() and grown.height() <= usable.height(), grown.toTuple()
    assert_fits(dialog, grown)
    dialog.forget_changes()
    dialog.done(0)


# ----- the real app on a 1024×600 screen ---------------------------------------------

SHOW_ON_SMALL_SCREEN = r"""
import json, sys, time
from PySide6.QtWidgets import QApplication
from facilitator.clock import SystemClock
from facilitator.domain.enums import MeetingStatus, Regulation, SelfDriving
from facilitator.services import meetings, projects
from ui.app import create_application, launch

app = create_application()
window = launch(sys.argv[1], SystemClock())
deadline = time.monotonic() + 60
def wait_for(done):
    while not done():
        app.processEvents()
        if time.monotonic() > deadline:
            sys.exit("timed out")

def place(name):
    app.processEvents()
    frame, inner = window.frameGeometry(), window.geometry()
    print(json.dumps({"page": name, "frame": frame.getRect(), "inner": inner.getRect(),
                      "maximised": window.isMaximized()}))

wait_for(lambda: window.db is not None and window.start_page.isVisible())
screen = window.screen()
print(json.dumps({"screen": screen.geometry().getRect(), "name": screen.name()}))
place("start")
project = projects.list_projects(window.db, True)[0]
held = meetings.list_meetings(window.db, project.id)
closed = next(m for m in held if m.status is MeetingStatus.CLOSED)
planned = next(m for m in held if m.status is MeetingStatus.PLANNED)
window.open_meeting(planned.id)
place("agenda")
window.show_summary(closed.id)
place("summary")
window.correct_meeting(closed.id)
place("corrections")
brief = window.summary_page.open_brief()
wait_for(lambda: brief.isVisible())
app.processEvents()
print(json.dumps({"page": "brief", "frame": brief.frameGeometry().getRect(),
                  "inner": brief.geometry().getRect(), "maximised": brief.isMaximized()}))
brief.close()
window.close()
window.opener.wait()
window.db.dispose()
"""


def test_the_app_fills_a_1024x600_screen_and_stays_inside_it(tmp_path) -> None:
    from facilitator.commands import demo

    data = tmp_path / "data"
    said, errors = io.StringIO(), io.StringIO()
    assert demo(str(data), said, errors) == 0, errors.getvalue()
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1024, "height": 600, "logicalDpi": 96}
    ]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SHOW_ON_SMALL_SCREEN, str(data)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines[0] == {"screen": [0, 0, 1024, 600], "name": "laptop"}
    pages = lines[1:]
    assert [p["page"] for p in pages] == ["start", "agenda", "summary", "corrections", "brief"]
    for shown in pages:
        x, y, width, height = shown["frame"]
        assert shown["maximised"], shown
        assert x >= 0 and y >= 0 and x + width <= 1024 and y + height <= 600, shown
        # Maximised means the whole screen, not a corner of it.
        assert width >= 1000 and height >= 580, shown
    # The window's place is remembered for the next start.
    assert (tmp_path / "config" / "Facilitator" / "Facilitator.ini").exists()
