"""Running PyInstaller on the generated spec, and measuring what it made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from installer.config import Folders
from installer.spec import SpecInputs, render_spec


def build_bundle(inputs: SpecInputs, folders: Folders) -> Path:
    """Write the spec and run PyInstaller; returns the one-folder bundle."""
    folders.build.mkdir(parents=True, exist_ok=True)
    spec = folders.build / "facilitator.spec"
    spec.write_text(render_spec(inputs), encoding="utf-8")
    command = [
        sys.executable, "-m", "PyInstaller", str(spec),
        "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(folders.dist), "--workpath", str(folders.build / "pyinstaller"),
    ]
    # The icons and the Qt checks in the build ran Qt offscreen; PyInstaller's own
    # Qt probe runs in a child process that must not need a display either.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(command, check=True, env=env, cwd=folders.root)
    return folders.bundle


def files_by_size(folder: Path) -> list[tuple[int, Path]]:
    """Every regular file under `folder` (symlinks not followed), largest first."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            found.append((path.stat().st_size, path))
    return sorted(found, key=lambda item: (-item[0], str(item[1])))


def folder_size(folder: Path) -> int:
    """Bytes in all the files under `folder`."""
    return sum(size for size, _path in files_by_size(folder))


def megabytes(size: int) -> str:
    """123.4 MB."""
    return f"{size / 1_000_000:.1f} MB"
