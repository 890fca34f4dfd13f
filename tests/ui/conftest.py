"""What every UI test shares."""

from __future__ import annotations

from collections.abc import Generator

import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, object, object]:
    """Forms a test leaves open with typed text close without asking when pytest-qt closes them.

    pytest-qt closes a test's widgets in its own teardown hook, which runs inside
    this one; a form's "Kassér det indtastede?" would otherwise wait there for a
    click that never comes. No widget is looked up: walking
    QApplication.allWidgets() here made Python wrappers for every internal
    widget of every window after every test, and serial runs crashed in it.
    """
    from ui.common.unsaved import closing_unasked

    with closing_unasked():
        return (yield)
