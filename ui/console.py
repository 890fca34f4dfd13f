"""Printing from the installed Windows app, which has no console of its own.

The installer's executable is built "windowed" so that double-clicking it opens
no black console window. Windows then gives it no standard output, and
`Facilitator.exe --version` or `--self-test` typed in a terminal would print
nothing. Attaching to the terminal it was started from makes them print there.
"""

from __future__ import annotations

import sys

ATTACH_PARENT_PROCESS = -1


def ensure_console() -> None:
    """On Windows without standard output, write to the console the app was started from."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    if not ctypes.windll.kernel32.AttachConsole(ATTACH_PARENT_PROCESS):
        return  # started from the Start menu or Explorer: there is nothing to write to
    sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the app
    sys.stderr = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
