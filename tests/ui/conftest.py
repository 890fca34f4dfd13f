"""What every UI test shares."""

from __future__ import annotations

from collections.abc import Generator

import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, object, object]:
    """Forms a test leaves open with typed text close without asking when pytest-qt closes them.

    pytest-qt closes a test's widgets in its own teardown hook, which runs inside
    this one; a form's "Kassér det indtastede?" would otherwise wait there for a
    click that never comes.
    """
    from PySide6.QtWidgets import QApplication

    from ui.common.unsaved import FormDialog
    from ui.priorities.voting_dialog import VotingDialog

    if QApplication.instance() is not None:
        for widget in QApplication.allWidgets():
            if isinstance(widget, (FormDialog, VotingDialog)):
                widget.forget_changes()
    return (yield)
