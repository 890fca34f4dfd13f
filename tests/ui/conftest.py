"""What every UI test shares."""

from __future__ import annotations

from collections.abc import Generator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_gui_thread(qapp) -> None:
    """As in the app: Python's cycle collection runs on the GUI thread only.

    Otherwise a brief worker thread allocating a lot collects the cycles of
    earlier tests' windows there, destroying widgets off the GUI thread (serial
    runs crashed later in Qt's list of all widgets).
    """
    from ui.common.main_thread_gc import collect_on_main_thread

    collect_on_main_thread(qapp)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, object, object]:
    """Forms a test leaves open with typed text close without asking when pytest-qt closes them.

    pytest-qt closes a test's widgets in its own teardown hook, which runs inside
    this one; a form's "Kassér det indtastede?" would otherwise wait there for a
    click that never comes. No widget is looked up here.
    """
    from ui.common.unsaved import closing_unasked

    with closing_unasked():
        return (yield)
