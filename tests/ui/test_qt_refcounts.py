"""The Qt bindings must not leak or drop references to None, True and False.

PySide6 6.12.0's abi3 wheels on Python 3.11 drop one reference to None on
every call that returns nothing; a live screen redrawing four times a second
would abort the process within minutes. This guards the pinned version.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_many_qt_calls_keep_none_true_false_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(2000):
        label.setText("Borger")
        label.isVisible()
        label.isHidden()
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0, 0] or sys.version_info >= (3, 12)
