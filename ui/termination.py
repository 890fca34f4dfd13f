"""Logging out or shutting down (SIGTERM, SIGHUP) closes the app the normal way, exit backup included.

Without this, SIGTERM kills the app on the spot and the exit backup is never
made. A Python signal handler only runs when the interpreter gets control,
and while Qt waits for events it does not; so the signal is also written to a
socket (`signal.set_wakeup_fd`) that a QSocketNotifier watches, which wakes
the event loop at once.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


def termination_signals() -> list[signal.Signals]:
    """The signals that mean "the session is ending": SIGTERM, and SIGHUP where there is one."""
    found = [signal.SIGTERM]
    if hasattr(signal, "SIGHUP"):
        found.append(signal.SIGHUP)
    return found


class TerminationWatch(QObject):
    """Calls `close_app` on the GUI thread when the process is asked to end."""

    def __init__(self, close_app: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._close_app = close_app
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.signal(number, self._noted)
                          for number in termination_signals()}
        self._notifier = QSocketNotifier(
            self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    @staticmethod
    def _noted(_number: int, _frame: object) -> None:
        # The work happens in _woken: the wake-up socket holds the signal's number.
        pass

    def _woken(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        wanted = {int(number) for number in termination_signals()}
        if any(number in wanted for number in received):
            self._close_app()

    def stop(self) -> None:
        """Give the signals back to what handled them before."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
