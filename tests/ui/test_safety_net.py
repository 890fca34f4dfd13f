"""An exception escaping a slot shows a Danish message, never a traceback, and the app goes on."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from ui.safety_net import SafetyNet


def test_unexpected_error_in_a_slot_is_shown_in_danish(qtbot, monkeypatch, capsys) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    net = SafetyNet()
    net.install()

    def broken() -> None:
        raise RuntimeError("boom")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: net.errors == 1)
    assert shown == [(
        "Uventet fejl",
        "Der skete en uventet fejl, men alt det indtastede er gemt. "
        "Du kan arbejde videre; hvis fejlen gentager sig, så genstart Facilitator.",
    )]
    assert "RuntimeError: boom" in capsys.readouterr().err  # the details go to the log only
