"""The quick entries sit over the capture lists, never over the speaker buttons, and say Ctrl+digit works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest

from facilitator.domain.enums import Role
from facilitator.services import live
from tests.ui.all_screens import build, filled
from ui.common.changes import ChangeHub
from ui.live.live_page import LivePage

ROOT = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier
KEYS = {"idea": Qt.Key.Key_I, "ask": Qt.Key.Key_R, "step": Qt.Key.Key_N}


def open_entry(qtbot, page, kind):
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    QTest.keyClick(page.windowHandle(), KEYS[kind], CTRL)
    qtbot.waitUntil(lambda: page.capture.entry_dialog is not None)
    dialog = page.capture.entry_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def on_screen(tmp_path, width: int, height: int) -> dict:
    """Where the quick entries land on a maximized live screen on a screen of this size."""
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1,
    }]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.placement_probe"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=90,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def as_rect(values) -> QRect:
    return QRect(*values)


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_a_quick_entry_never_covers_the_speaker_buttons(tmp_path, size) -> None:
    shown = on_screen(tmp_path, *size)
    screen = as_rect(shown["screen"])
    assert screen.contains(as_rect(shown["page"]))  # the live screen fits the screen
    assert len(shown["buttons"]) == 4
    for kind in ("idea", "ask", "step"):
        frame = as_rect(shown[kind]["frame"])
        assert screen.contains(frame), (kind, frame)
        assert frame.intersects(as_rect(shown["capture"])), kind
        for button in shown["buttons"]:
            assert not frame.intersects(as_rect(button)), (kind, frame, button)
        assert not shown[kind]["squeezed"], kind
        assert shown[kind]["speaker_hint"], kind
    # With the name warning under «Foreslået af» the idea still fits, whole, beside the buttons.
    warned = shown["idea_warned"]
    frame = as_rect(warned["frame"])
    assert warned["warning"]
    assert screen.contains(frame), frame
    assert frame.contains(as_rect(warned["note"]))
    assert not warned["squeezed"]
    for button in shown["buttons"]:
        assert not frame.intersects(as_rect(button)), (frame, button)


def test_the_hint_is_true_ctrl_digit_marks_the_speaker_from_a_quick_entry(
    qtbot, db, clock, meeting_factory
) -> None:
    meeting = meeting_factory(db)
    page = LivePage(db, ChangeHub(), clock)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    assert page.start(meeting.id)
    for kind in KEYS:
        dialog = open_entry(qtbot, page, kind)
        assert dialog.speaker_hint.text() == "Ctrl+1/2/3/0 markerer stadig, hvem der taler"
        clock.advance(5)
        QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_2, CTRL)
        assert page.controls.speaker_buttons[Role.OFFICIAL].isChecked()
        assert live.list_turns(db, meeting.id)[-1].role is Role.OFFICIAL
        clock.advance(5)
        QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_1, CTRL)
        assert live.list_turns(db, meeting.id)[-1].role is Role.CITIZEN
        dialog.done(0)
        qtbot.waitUntil(lambda: page.capture.entry_dialog is None)


def test_after_the_meeting_the_quick_entry_does_not_claim_speaker_keys(
    qtbot, db, clock, meeting_factory
) -> None:
    data = filled(db, clock, meeting_factory)
    page = build("corrections_page", db, clock, data)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.capture.new_idea()
    dialog = page.capture.entry_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.speaker_hint.isVisible()
    dialog.done(0)


def test_a_quick_entry_stays_on_the_screen_over_a_small_window(qtbot, db, clock, meeting_factory) -> None:
    from PySide6.QtGui import QGuiApplication

    meeting = meeting_factory(db)
    page = LivePage(db, ChangeHub(), clock)
    qtbot.addWidget(page)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    # A window that is not maximised, low on the screen: the dialog is taller than it.
    page.setGeometry(screen.left() + 60, screen.bottom() - 330, screen.width() - 80, 320)
    page.show()
    qtbot.waitExposed(page)
    assert page.start(meeting.id)
    dialog = open_entry(qtbot, page, "idea")
    qtbot.waitUntil(lambda: dialog.geometry().height() >= dialog.minimumSizeHint().height())
    assert screen.contains(dialog.frameGeometry()), (dialog.frameGeometry(), screen)
    dialog.done(0)
