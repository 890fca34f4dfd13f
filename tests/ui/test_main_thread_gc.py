"""Widgets caught in reference cycles are destroyed on the GUI thread, never on a worker thread.

The brief is made on a worker thread that allocates a great deal; were Python's
cycle collection to run there, a closed window still caught in a cycle would be
destroyed off the GUI thread and corrupt Qt's list of all widgets.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ui.app import create_application
from ui.common.main_thread_gc import MainThreadCollector, collect_on_main_thread


class Cycle:
    """An object that refers to itself, holding a widget: only the cycle collector frees it."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.me = self


def widget_in_a_cycle(destroyed_on: list[int]) -> None:
    widget = QWidget()
    widget.destroyed.connect(lambda: destroyed_on.append(threading.get_ident()),
                             Qt.ConnectionType.DirectConnection)
    Cycle(widget)


def allocate_a_lot(kept: list[object]) -> None:
    # Far more new containers than generation 0 holds, kept alive: an automatic collection
    # would run here, in the thread that allocates.
    kept.extend([] for _ in range(50 * gc.get_threshold()[0]))


def test_a_worker_allocating_a_lot_never_destroys_a_widget_caught_in_a_cycle(qtbot) -> None:
    collector = MainThreadCollector(interval_ms=3_600_000)  # checked by hand below
    try:
        destroyed_on: list[int] = []
        widget_in_a_cycle(destroyed_on)
        kept: list[object] = []
        worker = threading.Thread(target=allocate_a_lot, args=(kept,))
        worker.start()
        worker.join()
        assert destroyed_on == []
        assert collector.check() >= 0
        assert destroyed_on == [threading.get_ident()]
    finally:
        collector.stop()


def test_the_timer_collects_on_the_gui_thread(qtbot) -> None:
    collector = MainThreadCollector(interval_ms=10)
    try:
        destroyed_on: list[int] = []
        widget_in_a_cycle(destroyed_on)
        kept: list[object] = []
        allocate_a_lot(kept)
        qtbot.waitUntil(lambda: destroyed_on != [])
        assert destroyed_on == [threading.get_ident()]
        assert collector.collections >= 1
    finally:
        collector.stop()


def test_nothing_is_collected_before_a_generation_is_full(qtbot) -> None:
    collector = MainThreadCollector(interval_ms=3_600_000)
    try:
        gc.collect()
        assert collector.check() == -1
        assert collector.collections == 0
    finally:
        collector.stop()


def test_the_oldest_generation_over_its_threshold_is_collected(qtbot) -> None:
    thresholds = gc.get_threshold()
    collector = MainThreadCollector(interval_ms=3_600_000)
    kept: list[object] = []
    try:
        gc.collect()
        gc.set_threshold(5, 1, 1000)
        due = []
        for _ in range(3):
            kept.extend([] for _ in range(20))
            due.append(collector.check())
        # Generation 1 is due once two collections of generation 0 have run since its last.
        assert due == [0, 0, 1]
    finally:
        gc.set_threshold(*thresholds)
        collector.stop()


def test_a_full_collection_waits_until_a_quarter_more_objects_are_long_lived(qtbot) -> None:
    thresholds = gc.get_threshold()
    collector = MainThreadCollector(interval_ms=3_600_000)
    kept: list[object] = []
    try:
        collector.collect_all()
        long_lived = len(gc.get_objects(2))
        gc.set_threshold(5, 1, 1)
        due = []
        for _ in range(6):
            kept.extend([] for _ in range(20))
            due.append(collector.check())
        assert 2 not in due and 1 in due  # a few new objects: the young generations only
        while 2 not in due:
            kept.extend([] for _ in range(2000))
            due.append(collector.check())
        # By then about a quarter more objects had reached the oldest generation.
        assert len(kept) > long_lived / 4 - 2000
    finally:
        gc.set_threshold(*thresholds)
        collector.stop()


def test_settling_keeps_what_lives_on_out_of_collections_and_settling_again_frees_it(
    qtbot
) -> None:
    collector = MainThreadCollector(interval_ms=3_600_000)
    try:
        destroyed_on: list[int] = []
        held: list[object] = []
        widget = QWidget()
        widget.destroyed.connect(lambda: destroyed_on.append(threading.get_ident()),
                                 Qt.ConnectionType.DirectConnection)
        held.append(Cycle(widget))
        del widget
        collector.settle()
        assert gc.get_freeze_count() > 0
        held.clear()  # garbage now, but frozen: a full collection leaves it
        gc.collect()
        assert destroyed_on == []
        collector.settle()  # a new window after a restore: the old is let go first
        assert destroyed_on == [threading.get_ident()]
    finally:
        gc.unfreeze()
        collector.stop()


def test_collection_switched_back_on_is_switched_off_again(qtbot) -> None:
    collector = MainThreadCollector(interval_ms=3_600_000)
    try:
        gc.enable()
        collector.check()
        assert not gc.isenabled()
    finally:
        collector.stop()


def test_stopping_gives_collection_back_to_python_only_if_it_had_it(qtbot) -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        collector = MainThreadCollector(interval_ms=3_600_000)
        assert not gc.isenabled()
        collector.stop()
        assert gc.isenabled()
        gc.disable()
        collector = MainThreadCollector(interval_ms=3_600_000)
        collector.stop()
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_the_app_collects_on_its_gui_thread(qtbot) -> None:
    app = create_application()
    assert not gc.isenabled()
    installed = collect_on_main_thread(app)
    assert installed is collect_on_main_thread(app)
    assert installed.timer.isActive()
    # About to quit, the windows still exist: one full collection then, on this thread.
    before = installed.collections
    app.aboutToQuit.emit()
    assert installed.collections == before + 1


def test_the_started_app_keeps_what_lives_on_out_of_later_collections(
    qtbot, tmp_path, clock, monkeypatch
) -> None:
    from tests.ui.test_start_purge import finish, start

    gc.unfreeze()
    try:
        window = start(qtbot, tmp_path, clock, monkeypatch)
        assert gc.get_freeze_count() > 0
        finish(window)
    finally:
        gc.unfreeze()
