"""Another Facilitator holding a data folder: a real second process, as a second app would be."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Opens the folder through the door as the app does (or only takes its lock), says
# "held", and keeps it until its stdin closes.
HOLD = """
import sys
from pathlib import Path
from facilitator.clock import SystemClock
from facilitator.data_door import Purpose, open_data_folder
from facilitator.storage.folder_lock import FolderLock
folder = Path(sys.argv[1])
if sys.argv[2] == "lock":
    FolderLock(folder).acquire()
else:
    opened = open_data_folder(folder, SystemClock(), Purpose.APP)
print("held", flush=True)
sys.stdin.readline()
"""


@contextmanager
def held_by_another_process(folder: Path, how: str = "open") -> Iterator[subprocess.Popen[str]]:
    """While inside, another process holds `folder` ("open": as the app, "lock": the lock only)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder), how], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None
        line = holder.stdout.readline().strip()
        assert line == "held", f"the holder did not get the folder: {line!r}"
        yield holder
    finally:
        holder.kill()
        holder.wait()
