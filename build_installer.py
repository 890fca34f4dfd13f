"""Build Facilitator's installer for the platform this runs on.

    python build_installer.py           (scripts/build does this in its own venv)

1. Compiles the translations, draws the icons from the SVG, writes the LICENSES folder.
2. Builds a one-folder PyInstaller bundle (windowed, with icon and version) in dist/Facilitator.
3. Packages it: on Linux a .deb and a .tar.gz, on Windows an Inno Setup installer
   (when ISCC is on PATH) and on macOS a .dmg, all in dist/.
4. Runs the bundle's own `--self-test`.

It prints the bundle's path and size, each package made, and how long each step took.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from installer.bundle import build_bundle, folder_size, megabytes
from installer.config import App, Folders, platform_name, read_app
from installer.icons import make_icons
from installer.licences import write_licences
from installer.spec import SpecInputs

T = TypeVar("T")


def timed(label: str, step: Callable[[], T], timings: dict[str, float]) -> T:
    """Run one step, print and keep how long it took."""
    print(f"== {label}", flush=True)
    started = time.perf_counter()
    result = step()
    timings[label] = time.perf_counter() - started
    print(f"   {label}: {timings[label]:.1f} s", flush=True)
    return result


def compile_catalogues() -> None:
    """The .mo files from the .po files (tools/compile_catalogues.py)."""
    subprocess.run([sys.executable, "tools/compile_catalogues.py"], check=True,
                   cwd=Path(__file__).resolve().parent)


def executable(bundle: Path, platform: str) -> Path:
    """The app's executable inside the bundle."""
    return bundle / ("Facilitator.exe" if platform == "windows" else "Facilitator")


def self_test(program: Path, version: str) -> None:
    """The bundle's version and its own check; the build fails when either is wrong."""
    # Headless unless told otherwise: the build machine may have no display.
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    shown = subprocess.run([str(program), "--version"], check=True, capture_output=True,
                           text=True, env=env).stdout
    print(shown, end="")
    if shown.splitlines()[0] != f"facilitator {version}":
        raise SystemExit(f"the bundle says {shown.splitlines()[0]!r}, not version {version}")
    subprocess.run([str(program), "--self-test"], check=True, env=env)


def package(platform: str, app: App, folders: Folders, icons: dict[str, Path]) -> list[Path]:
    """The platform's packages, made from the bundle."""
    if platform == "linux":
        from installer.linux import build_linux_packages

        return build_linux_packages(app, folders, icons)
    if platform == "windows":
        from installer.windows import build_windows_installer

        return build_windows_installer(app, folders, icons)
    from installer.macos import build_dmg

    return build_dmg(app, folders)


def main(argv: list[str] | None = None) -> int:
    """Build and package; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle-only", action="store_true", help="stop after the bundle")
    parser.add_argument("--skip-self-test", action="store_true",
                        help="do not run the bundle's --self-test")
    args = parser.parse_args(argv)

    platform = platform_name()
    app = read_app()
    folders = Folders()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    print(f"Facilitator {app.version} for {platform}, Python {sys.version.split()[0]}")
    timed("translations", compile_catalogues, timings)
    icons = timed("icons", lambda: make_icons(folders.icons), timings)
    timed("licences", lambda: write_licences(folders.licences), timings)
    version_file = None
    if platform == "windows":
        from installer.windows import write_version_resource

        version_file = write_version_resource(app, folders.build / "version.txt")
    inputs = SpecInputs(app, platform, icons, folders.licences, version_file)
    bundle = timed("bundle", lambda: build_bundle(inputs, folders), timings)
    program = executable(bundle, platform)
    if platform == "macos":
        program = folders.dist / "Facilitator.app" / "Contents" / "MacOS" / "Facilitator"
    print(f"bundle: {bundle} ({megabytes(folder_size(bundle))} unpacked)")
    if not args.skip_self_test:
        timed("self-test", lambda: self_test(program, app.version), timings)
    if not args.bundle_only:
        made = timed("packages", lambda: package(platform, app, folders, icons), timings)
        for path in made:
            print(f"package: {path} ({megabytes(path.stat().st_size)})")
    total = time.perf_counter() - started
    print(f"build time: {total:.0f} s ("
          + ", ".join(f"{label} {seconds:.0f} s" for label, seconds in timings.items()) + ")")
    # bench/installer.py reports these.
    (folders.build / "timings.json").write_text(json.dumps({**timings, "total": total}),
                                                encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
