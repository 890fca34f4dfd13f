"""Python's cycle collection runs on the GUI thread only, never on a worker thread.

Python collects reference cycles in whichever thread happens to allocate when a
generation is full. The brief is made on a worker thread (BriefWorker) that
allocates a great deal, so a collection would often run there; a closed dialog
or page still caught in a cycle (a lambda holding its own widget) would then
be destroyed on that thread. Qt widgets must be destroyed on the GUI thread:
destroyed elsewhere, they corrupt Qt's list of all widgets, and the app
crashes later wherever Qt walks that list.

So the automatic collector is switched off and the same generational rule is
applied from a timer on the GUI thread (the approach long used by large PyQt
applications). Cycles without Qt objects are collected there as well, only a
moment later.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500  # often enough that memory never grows far between two checks


class MainThreadCollector(QObject):
    """Switches Python's automatic cycle collection off and runs it on this (the GUI) thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = 0
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the generations that are full, as the automatic collector would; returns
        the oldest generation collected, or -1 when none was due."""
        counts = gc.get_count()
        due = -1
        for generation, (count, threshold) in enumerate(zip(counts, self.thresholds, strict=True)):
            if threshold <= 0 or count <= threshold:
                break
            due = generation
        if due >= 0:
            gc.collect(due)
            self.collections += 1
        return due

    def stop(self) -> None:
        """Stop checking; Python collects by itself again if it did before."""
        self.timer.stop()
        if self._was_enabled:
            gc.enable()


_installed: MainThreadCollector | None = None


def collect_on_main_thread(parent: QObject) -> MainThreadCollector:
    """Install the collector once for the process, owned by `parent` (the application)."""
    global _installed
    if _installed is None:
        _installed = MainThreadCollector(parent)
    return _installed
