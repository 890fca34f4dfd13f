"""One real window under Xvfb: offscreen hides missing X11 libraries, this run does not."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SHOW_WINDOW = r"""
import sys, time
from PySide6.QtGui import QGuiApplication
from facilitator.clock import SystemClock
from ui.app import create_application, launch

app = create_application()
window = launch(sys.argv[1], SystemClock())
deadline = time.monotonic() + 30
# The real main window: shown at once, then the start screen once the database is open.
while not (window.db is not None and window.start_page.isVisible()):
    app.processEvents()
    if time.monotonic() > deadline:
        sys.exit("the start screen never showed")
print("platform", QGuiApplication.platformName())
window.close()
window.opener.wait()
window.db.dispose()
"""


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_app_shows_its_main_window_on_xcb_under_xvfb(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", SHOW_WINDOW, str(tmp_path / "data")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert "Could not load the Qt platform plugin" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "platform xcb"
    assert (tmp_path / "data" / "facilitator.db").exists()
