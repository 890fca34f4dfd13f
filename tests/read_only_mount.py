"""A folder seen through a read-only mount, as on a write-protected USB stick: writes fail with EROFS.

The tests run as root, and root ignores file permissions, so `chmod` cannot
make a folder read-only for them; a read-only bind mount can. Skipped where
mounting is not permitted.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=False)


@contextmanager
def read_only_view(source: Path, view: Path) -> Iterator[Path]:
    """Mount `source` read-only on `view` for the duration; skip the test if that is refused."""
    if not sys.platform.startswith("linux"):
        pytest.skip("a read-only medium is made with a Linux bind mount")
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("no `mount` command")
    view.mkdir(parents=True, exist_ok=True)
    done = _run(mount, "--bind", str(source), str(view))
    if done.returncode != 0:
        pytest.skip(f"bind mount refused: {done.stderr.strip()}")
    try:
        done = _run(mount, "-o", "remount,bind,ro", str(view))
        if done.returncode != 0:
            pytest.skip(f"read-only remount refused: {done.stderr.strip()}")
        # The medium really refuses writes, even to root.
        try:
            (view / "probe").write_bytes(b"")
        except OSError as exc:
            assert exc.errno == errno.EROFS, exc
        else:
            raise AssertionError("the read-only view accepted a write")
        yield view
    finally:
        _run("umount", "-l", str(view))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative name → bytes)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
