"""A real, tiny filesystem for disk-full tests: a tmpfs mounted for one test, and a filler file."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

DISK_SIZE = "2m"


def _mount_refused(reason: str) -> None:
    pytest.skip(
        f"a real full disk needs a small tmpfs, and mounting one is not permitted here: {reason}"
    )


@contextmanager
def small_disk(folder: Path, size: str = DISK_SIZE) -> Iterator[Path]:
    """Mount a `size` tmpfs on `folder` for the duration; skip the test if mounting is refused."""
    if not sys.platform.startswith("linux"):
        pytest.skip("a real full disk is made with a Linux tmpfs mount")
    if os.geteuid() != 0:
        _mount_refused("the tests do not run as root")
    mount = shutil.which("mount")
    if mount is None:
        _mount_refused("no `mount` command")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        _mount_refused(done.stderr.strip() or f"mount exited with {done.returncode}")
    try:
        yield folder
    finally:
        # Lazy: a test that failed may still hold a file open; the mount must not outlive it.
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill(folder: Path) -> Path:
    """Write a filler file until not one more byte fits on the disk; returns its path."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    chunk = 64 * 1024
    try:
        # Halving the chunk on ENOSPC squeezes out the last partial block too.
        while chunk:
            try:
                os.write(fd, b"\0" * chunk)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                chunk //= 2
    finally:
        os.close(fd)
    assert os.statvfs(folder).f_bavail == 0, "the filler did not fill the disk"
    return filler


def integrity(path: Path) -> list[str]:
    """`PRAGMA integrity_check` on a fresh connection of its own (sees only what is committed)."""
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()
