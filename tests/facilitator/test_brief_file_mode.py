"""The brief written by `facilitator brief` is readable by the user only (0600), even where the
umask would share it, and an existing file it replaces becomes private too."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.clock import FakeClock
from facilitator.data_door import Purpose, open_data_folder

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def generous_umask():
    """A umask that would make new files readable by everyone (022 is the common default)."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def data_folder(tmp_path, meeting_factory):
    """A data folder holding one meeting; returns (folder, meeting id)."""
    folder = tmp_path / "data"
    opened = open_data_folder(folder, FakeClock(), Purpose.EDIT)
    try:
        meeting = meeting_factory(opened.database)
    finally:
        opened.close()
    return folder, meeting.id


@pytest.mark.parametrize("existing", [False, True])
def test_the_command_line_brief_is_private(tmp_path, data_folder, existing: bool) -> None:
    folder, meeting_id = data_folder
    out = tmp_path / "orientering.pdf"
    if existing:  # a brief saved earlier by another program, readable by everyone
        out.write_bytes(b"old")
        os.chmod(out, 0o644)
    # The real command in a fresh interpreter, which inherits the generous umask.
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main(sys.argv[1:]))",
         "brief", "--meeting", str(meeting_id), "--out", str(out), "--data-dir", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "orientering.pdf"]
