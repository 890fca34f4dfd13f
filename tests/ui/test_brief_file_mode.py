"""A brief saved from the app (Ctrl+S) is readable by the user only (0600), like the one the
command line writes, and a file the user chooses to replace becomes private too."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from .test_brief_window import CTRL, closed_meeting, open_window, press

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.mark.parametrize("existing", [False, True])
def test_a_brief_saved_from_the_app_is_private(qtbot, db, meeting_factory, monkeypatch, tmp_path,
                                               existing: bool) -> None:
    meeting = closed_meeting(db, meeting_factory, ideas=3)
    window = open_window(qtbot, db, meeting.id)
    folder = tmp_path / "udvalg"
    folder.mkdir()
    target = folder / "orientering.pdf"
    if existing:  # the user replaces a brief saved earlier, readable by everyone
        target.write_bytes(b"old")
        os.chmod(target, 0o644)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), "PDF"))
    previous = os.umask(0o022)  # a umask that would share a new file with everyone
    try:
        press(window, Qt.Key.Key_S, CTRL)
        qtbot.waitUntil(lambda: target.read_bytes().startswith(b"%PDF"))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == window.pdf_path.read_bytes()
    assert [p.name for p in folder.iterdir()] == ["orientering.pdf"]  # no partial file left
