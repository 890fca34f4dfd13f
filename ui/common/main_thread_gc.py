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

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500  # often enough that memory never grows far between two checks


class MainThreadCollector(QObject):
    """Switches Python's automatic cycle collection off and runs it on this (the GUI) thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.collections = 0
        self._long_lived = 0  # objects in the oldest generation after the last full collection
        self._pending = 0  # objects that reached it since
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect as the automatic collector would have by now: the oldest generation whose
        count is over its threshold. Returns that generation, or -1 when none was due."""
        if gc.isenabled():
            gc.disable()  # switched back on by someone: collections would run on any thread again
        thresholds = gc.get_threshold()
        if thresholds[0] == 0:
            return -1  # gc.set_threshold(0): collection is off altogether
        counts = gc.get_count()
        if counts[0] <= thresholds[0]:
            return -1  # Python looks at the older generations only when the youngest is full
        oldest = len(counts) - 1
        for generation in reversed(range(len(counts))):
            if counts[generation] <= thresholds[generation]:
                continue
            # As Python does: a full collection only once the objects that reached the oldest
            # generation since the last one are a quarter of those that were there then.
            if generation == oldest and self._pending <= self._long_lived / 4:
                continue
            if generation == oldest:
                gc.collect(generation)
                self._long_lived, self._pending = len(gc.get_objects(oldest)), 0
            elif generation == oldest - 1:
                # The survivors move into the oldest generation (the two lists are short).
                before = sum(len(gc.get_objects(g)) for g in range(generation + 1))
                self._pending += max(before - gc.collect(generation), 0)
            else:
                gc.collect(generation)
            self.collections += 1
            return generation
        return -1

    def settle(self) -> None:
        """The app has started: collect everything, then keep what is left out of later
        collections (gc.freeze) — modules, classes, the main window and its pages live as long
        as the app, and a full collection that skips them takes a millisecond, not a tenth of
        a second. Settling again (after a restore's new window) first lets the old go."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self._long_lived, self._pending = 0, 0

    def collect_all(self) -> None:
        """A full collection now (the application is about to quit: its widgets still exist)."""
        gc.collect()
        self.collections += 1
        self._long_lived, self._pending = len(gc.get_objects(len(gc.get_count()) - 1)), 0

    def stop(self) -> None:
        """Stop checking; Python collects by itself again if it did before."""
        self.timer.stop()
        if self._was_enabled:
            gc.enable()


_installed: MainThreadCollector | None = None


def collect_on_main_thread(app: QCoreApplication) -> MainThreadCollector:
    """Install the collector once for the application, owned by it; a full collection runs
    when it is about to quit."""
    global _installed
    if _installed is None or not shiboken6.isValid(_installed):
        _installed = MainThreadCollector(app)
        app.aboutToQuit.connect(_installed.collect_all)
    return _installed
