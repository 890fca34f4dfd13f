"""`facilitator --self-test`, unfrozen: every check passes, a failing one says which, exit 1.

Each run is a child process: the self-test sets up Qt as the app does (Danish
locale, fonts, translator), which must not leak into the other tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from facilitator.paths import DATA_DIR_ENV
from ui.self_test import FAILED, OK

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ("Qt starter", "skrifttyper", "ikon", "danske Qt-tekster", "database og migrering",
          "møde gennem tjenesterne", "orientering på dansk", "orientering på engelsk",
          "PDF i QtPdf", "licenser")


def run(args: list[str], user_folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", DATA_DIR_ENV: str(user_folder)}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_every_check_passes_and_the_last_line_says_so(tmp_path) -> None:
    result = run(["-m", "ui.cli", "--self-test"], tmp_path / "user")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == OK
    assert [line.split(":")[0].removeprefix("ok").strip() for line in lines[:-1]] == list(CHECKS)
    assert "platform offscreen" in result.stdout and "teksten kan læses ud" in result.stdout
    assert not (tmp_path / "user").exists()  # never the user's data folder


BROKEN_FONTS = """
import sys
import facilitator.self_check
from ui.self_test import run_self_test
facilitator.self_check.font_problems = lambda pdf: ["skrifttypen Helvetica er ikke indlejret"]
sys.exit(run_self_test())
"""

BROKEN_MEETING = """
import sys
import facilitator.self_check
from ui.self_test import run_self_test

def broken(db, clock):
    raise RuntimeError("database gone\\nsecond line")

facilitator.self_check.run_scripted_meeting = broken
sys.exit(run_self_test())
"""


def test_a_failing_check_is_named_and_the_status_is_1(tmp_path) -> None:
    result = run(["-c", BROKEN_FONTS], tmp_path / "user")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-2] == "FEJL  orientering på dansk: skrifttypen Helvetica er ikke indlejret"
    assert lines[-1] == FAILED
    assert not any(line.startswith("ok    PDF") for line in lines)  # it stopped there


def test_an_unexpected_error_is_one_line_not_a_traceback(tmp_path) -> None:
    result = run(["-c", BROKEN_MEETING], tmp_path / "user")
    assert result.returncode == 1
    assert "FEJL  møde gennem tjenesterne: RuntimeError: database gone" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "second line" not in result.stdout


WINDOW_ICON = """
from ui.about_dialog import app_icon
from ui.app import create_application
app = create_application()
same = app.windowIcon().pixmap(32, 32).toImage() == app_icon().pixmap(32, 32).toImage()
print(same, app.desktopFileName())
"""


def test_the_app_icon_is_the_windows_icon(tmp_path) -> None:
    result = run(["-c", WINDOW_ICON], tmp_path / "user")
    assert result.stdout.split() == ["True", "facilitator"], result.stderr
