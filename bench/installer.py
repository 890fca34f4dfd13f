"""The installer's figures: bundle size, the ten largest files, cold start frozen vs source, build time.

Run after `scripts/build`, with the build's Python (the same Python and PySide6
the bundle carries, so "from source" differs from "frozen" in the freezing only):

    .venv-build/bin/python bench/installer.py [--runs 5] [--platform offscreen|xcb] [--build]

Cold start: from spawning the process to the filled start screen on an existing
data folder, which the app reports through FACILITATOR_READY_FILE; the frozen
bundle (dist/Facilitator) and the source (`python -m ui.cli`) alternate, one of
each per round. Targets: bundle ≤ 250 MB unpacked, package ≤ 100 MB, frozen
≤ 1.0× source. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from installer.bundle import files_by_size, folder_size, megabytes  # noqa: E402
from installer.config import Folders  # noqa: E402

UNPACKED_TARGET = 250_000_000
PACKED_TARGET = 100_000_000
TIMINGS = Folders().build / "timings.json"


def sizes(folders: Folders) -> None:
    """Unpacked bundle, each package, and the ten largest files."""
    bundle = folders.bundle
    unpacked = folder_size(bundle)
    print(f"bundle {bundle}: {megabytes(unpacked)} unpacked (target ≤ {megabytes(UNPACKED_TARGET)})"
          f" {'meets' if unpacked <= UNPACKED_TARGET else 'MISSES'} the target")
    for package in sorted(folders.dist.glob("*")):
        if package.is_file():
            size = package.stat().st_size
            print(f"  {package.name}: {megabytes(size)} packed (target ≤ "
                  f"{megabytes(PACKED_TARGET)}) {'meets' if size <= PACKED_TARGET else 'MISSES'}")
    print("  ten largest files:")
    for size, path in files_by_size(bundle)[:10]:
        print(f"    {megabytes(size):>9}  {path.relative_to(bundle)}")


def start_once(command: list[str], data: Path, platform: str) -> float:
    """Seconds from spawn to the filled start screen; the app is then closed with SIGTERM."""
    with tempfile.TemporaryDirectory(prefix="facilitator-ready-") as folder:
        ready = Path(folder) / "ready"
        env = {**os.environ, "QT_QPA_PLATFORM": platform, "FACILITATOR_READY_FILE": str(ready)}
        spawned = time.time()
        child = subprocess.Popen([*command, "--data-dir", str(data)], cwd=ROOT, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while not (ready.exists() and ready.read_text(encoding="ascii").strip()):
                if child.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"{command[0]} never showed its start screen")
                time.sleep(0.01)
            seconds = float(ready.read_text(encoding="ascii")) - spawned
        finally:
            child.send_signal(signal.SIGTERM)
            child.wait(timeout=60)
    return seconds


def prepare_data(folder: Path) -> None:
    """A data folder with a project, created and migrated before the timed starts."""
    from facilitator.paths import database_path
    from facilitator.services import projects
    from facilitator.storage.database import Database

    db = Database.open_file(database_path(folder))
    projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri", "Vrinners"])
    db.dispose()


def cold_start(folders: Folders, runs: int, platform: str) -> None:
    """Frozen and source, alternating, medians side by side."""
    frozen = [str(folders.bundle / ("Facilitator.exe" if os.name == "nt" else "Facilitator"))]
    source = [sys.executable, "-m", "ui.cli"]
    times: dict[str, list[float]] = {"frozen": [], "source": []}
    with tempfile.TemporaryDirectory(prefix="facilitator-bench-") as folder:
        data = Path(folder)
        prepare_data(data)
        start_once(frozen, data, platform)  # warm the disk cache for both
        start_once(source, data, platform)
        print(f"cold start to the filled start screen, {runs} alternating runs each, "
              f"QT_QPA_PLATFORM={platform}:")
        for run in range(runs):
            order = ("frozen", "source") if run % 2 == 0 else ("source", "frozen")
            for kind in order:
                times[kind].append(start_once(frozen if kind == "frozen" else source, data,
                                              platform))
            print(f"  {run + 1:>3}   frozen {times['frozen'][-1] * 1000:6.0f} ms   "
                  f"source {times['source'][-1] * 1000:6.0f} ms")
    frozen_median = statistics.median(times["frozen"])
    source_median = statistics.median(times["source"])
    ratio = frozen_median / source_median
    print(f"  median: frozen {frozen_median * 1000:.0f} ms, source {source_median * 1000:.0f} ms;"
          f" frozen / source = {ratio:.2f}× (target ≤ 1.0×) "
          f"{'meets' if ratio <= 1.0 else 'MISSES'} the target")


def build_time(rebuild: bool) -> None:
    """The last build's step times (or a fresh build's, with --build)."""
    if rebuild:
        subprocess.run(["bash", str(ROOT / "scripts" / "build")], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    if not TIMINGS.exists():
        print("build time: no build yet (run scripts/build, or this with --build)")
        return
    steps = json.loads(TIMINGS.read_text(encoding="utf-8"))
    total = steps.pop("total")
    print(f"build time of build_installer.py: {total:.0f} s ("
          + ", ".join(f"{step} {seconds:.0f} s" for step, seconds in steps.items()) + ")")


def main(argv: list[str] | None = None) -> int:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="starts of each kind")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for the app")
    parser.add_argument("--build", action="store_true", help="run scripts/build first")
    args = parser.parse_args(argv)
    folders = Folders()
    build_time(args.build)
    if not folders.bundle.exists():
        print("no bundle in dist/: run scripts/build first")
        return 1
    sizes(folders)
    cold_start(folders, args.runs, args.platform)
    return 0


if __name__ == "__main__":
    sys.exit(main())
