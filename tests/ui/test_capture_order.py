"""The capture panel lists entries in the order they were typed, even after the clock is set back."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from facilitator.services import capture

from .test_capture import live, meeting, open_entry, press_enter, shown, type_text  # noqa: F401

KEYS = {"idea": Qt.Key.Key_I, "ask": Qt.Key.Key_R, "step": Qt.Key.Key_N}


def enter(qtbot, live, kind: str, text: str) -> None:  # noqa: F811 - the fixture
    """Type one entry by keyboard, as during the meeting, and save it with Enter."""
    dialog = open_entry(qtbot, live, KEYS[kind])
    type_text(qtbot, dialog, text)
    press_enter(qtbot, live, dialog, kind)


def test_entries_typed_after_the_clock_was_set_back_are_listed_last(qtbot, live, db, clock):  # noqa: F811
    for kind in KEYS:
        clock.advance(60)
        enter(qtbot, live, kind, "Før urskiftet")
    clock.set_wall(clock.now() - timedelta(hours=1))  # the laptop's clock is set back an hour
    for kind in KEYS:
        clock.advance(60)
        enter(qtbot, live, kind, "Efter urskiftet")
    for kind in KEYS:
        assert shown(live, kind) == ["Før urskiftet", "Efter urskiftet"], kind
    assert [i.title for i in capture.list_ideas(db, live.meeting.id)] == [
        "Før urskiftet", "Efter urskiftet"]
