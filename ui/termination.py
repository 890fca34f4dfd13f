"""SIGTERM closes the window the way the user would, so the app saves and exits with status 0.

A desktop session that logs out or shuts down, `kill`, and CI's check of the
installed app all send SIGTERM. Python only runs a signal handler between
bytecodes, never while Qt's event loop waits in C++, so the signal is written
to a socket pair that a QSocketNotifier watches: the event loop wakes at once
and the main window closes normally (the exit backup, the running meeting's
last heartbeat).
"""

from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class TerminationWatch(QObject):
    """Calls `close` on the GUI thread when the process gets SIGTERM (POSIX only)."""

    def __init__(self, close: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._close = close
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous_handler = signal.signal(signal.SIGTERM, lambda _signum, _frame: None)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        if signal.SIGTERM.value in received:
            self._close()

    def stop(self) -> None:
        """Give SIGTERM back its previous handler."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        signal.signal(signal.SIGTERM, self._previous_handler)
        self._reader.close()
        self._writer.close()


def close_on_terminate(close: Callable[[], object], parent: QObject | None = None) -> TerminationWatch | None:
    """Watch for SIGTERM where the platform has it (not on Windows, which closes windows itself)."""
    if sys.platform == "win32":
        return None
    return TerminationWatch(close, parent)
