"""Logout and shutdown (SIGTERM, SIGHUP) close the running app the normal way: exit backup, status 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.storage.backup import list_backups

ROOT = Path(__file__).resolve().parents[2]

# The real command line; once the window has its database, something is typed (so
# the exit backup has a reason to be made) and "ready" is printed.
RUN_APP = """
import sys
from ui.main_window import MainWindow

attach = MainWindow.attach

def attach_and_type(self, db):
    attach(self, db)
    from facilitator.services import projects
    projects.create_project(db, "Skrevet lige før lukning", [])
    print("ready", flush=True)

MainWindow.attach = attach_and_type
from ui.cli import main
sys.exit(main(sys.argv[1:]))
"""


def start_app(folder: Path) -> subprocess.Popen[str]:
    app = subprocess.Popen(
        [sys.executable, "-c", RUN_APP, "--data-dir", str(folder)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert app.stdout is not None
    line = app.stdout.readline().strip()
    assert line == "ready", f"the app did not start: {line!r} {app.stderr.read() if app.stderr else ''}"
    return app


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("number", [signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)])
def test_a_termination_signal_closes_the_app_with_its_exit_backup(tmp_path, number):
    folder = tmp_path / "data"
    app = start_app(folder)
    try:
        assert list_backups(folder) == []
        app.send_signal(number)
        _out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0, err
    assert "Traceback" not in err
    [backup] = list_backups(folder)
    assert backup.reason == "ved lukning"
    assert backup.projects == 1
