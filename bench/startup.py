"""Cold start of the app next to a bare PySide6 window, measured side by side in one run.

Each start is a fresh Python process; the parent measures its wall time from
spawn until the process has shown its window (exposed) and exited. The two
kinds alternate so that disk cache and CPU frequency treat them alike. The
app start opens an existing database (made once, untimed) as on a user's laptop.

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

# Shared tail of both children: process events until the window is on screen,
# report the in-process time, then leave without Qt's teardown (not part of a start).
_SHOWN = r"""
deadline = time.perf_counter() + 30
while not (window.windowHandle() and window.windowHandle().isExposed()):
    app.processEvents()
    if time.perf_counter() > deadline:
        print("window never exposed", file=sys.stderr, flush=True)
        os._exit(2)
print(f"shown_after_s {time.perf_counter() - T0:.4f}", flush=True)
"""

BARE = (
    r"""
import time
T0 = time.perf_counter()
import os, sys
from PySide6 import QtCore, QtGui, QtPdf, QtWidgets
app = QtWidgets.QApplication(sys.argv[:1])
window = QtWidgets.QMainWindow()
window.resize(1366, 768)
window.show()
"""
    + _SHOWN
    + "os._exit(0)\n"
)

APP = (
    r"""
import time
T0 = time.perf_counter()
import os, sys
from pathlib import Path
from facilitator.clock import SystemClock
from ui.app import create_application, open_database
app = create_application()
clock = SystemClock()
db = open_database(Path(sys.argv[1]), clock)
try:
    from ui.main_window import MainWindow
    window = MainWindow(db, clock)
except ImportError as exc:
    # Until the main window exists, measure everything up to it.
    from PySide6.QtWidgets import QMainWindow
    print(f"note no ui.main_window ({exc}); a plain QMainWindow stands in", flush=True)
    window = QMainWindow()
window.resize(1366, 768)
window.show()
"""
    + _SHOWN
    + "db.dispose()\nos._exit(0)\n"
)


def start_once(code: str, args: list[str], env: dict[str, str]) -> tuple[float, float, list[str]]:
    """One cold start: (wall seconds, in-process seconds, notes)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"a start failed (status {result.returncode}):\n{result.stderr}")
    inner = float("nan")
    notes: list[str] = []
    for line in result.stdout.splitlines():
        if line.startswith("shown_after_s "):
            inner = float(line.split()[1])
        elif line.startswith("note "):
            notes.append(line[5:])
    return wall, inner, notes


def prepare_data_dir(folder: Path) -> None:
    """Create and migrate the database once, so timed starts open an existing file."""
    from facilitator.paths import database_path
    from facilitator.storage.database import Database

    Database.open_file(database_path(folder), None).dispose()


def main(argv: list[str] | None = None) -> int:
    """Run the alternating starts and print the medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="starts of each kind")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for the children")
    args = parser.parse_args(argv)

    env = {**os.environ, "QT_QPA_PLATFORM": args.platform}
    bare: list[tuple[float, float]] = []
    app: list[tuple[float, float]] = []
    notes: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="facilitator-startup-") as folder:
        prepare_data_dir(Path(folder))
        print(
            f"startup: {args.runs} alternating cold starts of each, QT_QPA_PLATFORM={args.platform}"
        )
        print("  run   bare Qt window          app (MainWindow)")
        for run in range(args.runs):
            # Alternate which goes first, so neither always inherits the other's warm cache.
            order = ("bare", "app") if run % 2 == 0 else ("app", "bare")
            for kind in order:
                if kind == "bare":
                    wall, inner, _ = start_once(BARE, [], env)
                    bare.append((wall, inner))
                else:
                    wall, inner, found = start_once(APP, [folder], env)
                    app.append((wall, inner))
                    notes.update(found)
            print(
                f"  {run + 1:>3}   {bare[-1][0] * 1000:6.0f} ms ({bare[-1][1] * 1000:4.0f} in-proc)"
                f"   {app[-1][0] * 1000:6.0f} ms ({app[-1][1] * 1000:4.0f} in-proc)"
            )

    bare_wall = statistics.median(w for w, _ in bare)
    app_wall = statistics.median(w for w, _ in app)
    bare_inner = statistics.median(i for _, i in bare)
    app_inner = statistics.median(i for _, i in app)
    ratio = app_wall / bare_wall
    print(f"  median wall: bare {bare_wall * 1000:.0f} ms, app {app_wall * 1000:.0f} ms")
    print(f"  median in-process: bare {bare_inner * 1000:.0f} ms, app {app_inner * 1000:.0f} ms")
    print(f"  ratio app / bare = {ratio:.2f}×   (target: ≤ {TARGET_RATIO:.1f}×)")
    print(f"  {'meets' if ratio <= TARGET_RATIO else 'MISSES'} the target")
    for note in sorted(notes):
        print(f"  note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
