"""SIGTERM (log-out, shutdown, kill) closes the app as a click would: exit backup, status 0.

And FACILITATOR_READY_FILE tells a watcher (CI, the bench) when the start screen is up.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The real command line, told (through the main window's `ready` signal) to store a
# project and say so once the start screen is up.
RUN_APP = r"""
import sys
import ui.app

real_launch = ui.app.launch

def launch(data_dir_option, clock):
    window = real_launch(data_dir_option, clock)

    def ready():
        from facilitator.services import projects
        projects.create_project(window.db, "Mols i Udvikling", ["Knebel"])
        print("ready", flush=True)

    window.ready.connect(ready)
    return window

ui.app.launch = launch
from ui.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no SIGTERM to catch")
def test_sigterm_closes_the_window_with_its_exit_backup_and_status_0(tmp_path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", RUN_APP, str(data)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
    assert "Traceback" not in err
    reasons = [json.loads(meta.read_text(encoding="utf-8"))["reason"]
               for meta in (data / "backups").glob("*.json")]
    assert "ved lukning" in reasons  # closeEvent ran: the exit backup of the new project


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no SIGTERM or FIFOs")
def test_the_ready_file_says_when_the_start_screen_is_up(tmp_path) -> None:
    # A FIFO: the app's write waits for this reader, so nothing here polls or sleeps.
    ready = tmp_path / "ready"
    os.mkfifo(ready)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FACILITATOR_READY_FILE": str(ready)}
    started = time.time()
    child = subprocess.Popen([sys.executable, "-m", "ui.cli", "--data-dir", str(tmp_path / "d")],
                             cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        stamp = float(ready.read_text(encoding="ascii"))
        assert started < stamp <= time.time()
        assert (tmp_path / "d" / "facilitator.db").exists()
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
