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

    typed = "".join(["bo", "om"])  # what the user typed; the source line must not show it

    def broken() -> None:
        raise RuntimeError(typed)

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: net.errors == 1)
    assert shown == [(
        "Uventet fejl",
        "Der skete en uventet fejl, men alt det indtastede er gemt. "
        "Du kan arbejde videre; hvis fejlen gentager sig, så genstart Facilitator.",
    )]
    err = capsys.readouterr().err
    # Where it failed goes to the log; the message does not (it may quote a citizen).
    assert "builtins.RuntimeError" in err and "in broken" in err
    assert "boom" not in err


def test_the_log_never_holds_a_message_or_its_causes(capsys) -> None:
    """A database error quotes the statement's parameters (a name): only types are printed."""
    from sqlalchemy.exc import IntegrityError

    from ui.safety_net import traceback_without_messages

    name = " ".join(["Karen", "Vestergaard"])  # built at run time: source lines are printed
    try:
        try:
            raise ValueError(name)
        except ValueError as inner:
            raise IntegrityError("INSERT INTO person", (name,), inner) from inner
    except IntegrityError as exc:
        text = traceback_without_messages(exc, exc.__traceback__)
    assert "Karen" not in text
    assert "builtins.ValueError" in text and "sqlalchemy.exc.IntegrityError" in text
    assert text.index("ValueError") < text.index("IntegrityError")  # causes first, as Python does
