"""Cold start of the app next to a bare PySide6 window, measured side by side in one run.

Each start is a fresh Python process. The parent notes the wall-clock time at
spawn; the child prints the wall-clock time when its window is on screen
("shown") and, for the app, when the start screen is filled from the database
("ready"). The app shows its window first and opens the database on a worker
thread, so "shown" is when the user has a live window; "ready" is when the
project list is there. The two kinds alternate so that disk cache and CPU
frequency treat them alike; the database exists beforehand, as on a laptop.

    .venv/bin/python bench/startup.py [--runs 5] [--platform offscreen|xcb]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.0

_WAIT = r"""
def wait_for(condition, label):
    deadline = time.perf_counter() + 30
    while not condition():
        app.processEvents()
        if time.perf_counter() > deadline:
            print(f"{label} never happened", file=sys.stderr, flush=True)
            os._exit(2)
    print(f"{label} {time.time():.6f}", flush=True)

wait_for(lambda: window.windowHandle() is not None and window.windowHandle().isExposed(), "shown")
"""

BARE = (
    r"""
import os, sys, time
from PySide6 import QtCore, QtGui, QtPdf, QtWidgets
app = QtWidgets.QApplication(sys.argv[:1])
window = QtWidgets.QMainWindow()
window.resize(1366, 768)
window.show()
"""
    + _WAIT
    + "os._exit(0)\n"
)

APP = (
    r"""
import os, sys, time
from facilitator.clock import SystemClock
from ui.app import create_application, launch
app = create_application()
window = launch(sys.argv[1], SystemClock())
"""
    + _WAIT
    + r"""
wait_for(lambda: window.db is not None and window.start_page.isVisible(), "ready")
window.opener.wait()
os._exit(0)
"""
)


def start_once(code: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """One cold start: seconds from spawn to each stamp the child printed."""
    spawned = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise SystemExit(f"a start failed (status {result.returncode}):\n{result.stderr}")
    stamps = {}
    for line in result.stdout.splitlines():
        label, _, value = line.partition(" ")
        if label in ("shown", "ready"):
            stamps[label] = float(value) - spawned
    return stamps


def prepare_data_dir(folder: Path) -> None:
    """Create and migrate the database once, so timed starts open an existing file."""
    from facilitator.paths import database_path
    from facilitator.services import projects
    from facilitator.storage.database import Database

    db = Database.open_file(database_path(folder), None)
    projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri", "Vrinners"])
    db.dispose()


def main(argv: list[str] | None = None) -> int:
    """Run the alternating starts and print the medians and their ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="starts of each kind")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for the children")
    args = parser.parse_args(argv)

    env = {**os.environ, "QT_QPA_PLATFORM": args.platform}
    bare: list[dict[str, float]] = []
    app: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="facilitator-startup-") as folder:
        prepare_data_dir(Path(folder))
        print(f"startup: {args.runs} alternating cold starts of each, QT_QPA_PLATFORM={args.platform}")
        print("  run   bare window shown   app window shown   app start screen ready")
        for run in range(args.runs):
            order = ("bare", "app") if run % 2 == 0 else ("app", "bare")
            for kind in order:
                if kind == "bare":
                    bare.append(start_once(BARE, [], env))
                else:
                    app.append(start_once(APP, [folder], env))
            print(
                f"  {run + 1:>3}   {bare[-1]['shown'] * 1000:9.0f} ms"
                f"   {app[-1]['shown'] * 1000:12.0f} ms   {app[-1]['ready'] * 1000:14.0f} ms"
            )

    bare_shown = statistics.median(s["shown"] for s in bare)
    app_shown = statistics.median(s["shown"] for s in app)
    app_ready = statistics.median(s["ready"] for s in app)
    ratio = app_shown / bare_shown
    print(f"  median: bare window {bare_shown * 1000:.0f} ms; app window {app_shown * 1000:.0f} ms;"
          f" app start screen filled {app_ready * 1000:.0f} ms")
    print(f"  interactive window: app / bare = {ratio:.2f}×   (target: ≤ {TARGET_RATIO:.1f}×)"
          f"  {'meets' if ratio <= TARGET_RATIO else 'MISSES'} the target")
    print(f"  start screen filled: app / bare = {app_ready / bare_shown:.2f}×  (for information)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
