"""The quick entries sit over the capture lists, never over the speaker buttons, and say Ctrl+digit works."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest

from facilitator.domain.enums import Role
from facilitator.services import live
from tests.ui.all_screens import build, filled
from ui.changes import ChangeHub
from ui.live_page import LivePage

CTRL = Qt.KeyboardModifier.ControlModifier
KEYS = {"idea": Qt.Key.Key_I, "ask": Qt.Key.Key_R, "step": Qt.Key.Key_N}


def global_rect(widget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def open_entry(qtbot, page, kind):
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    QTest.keyClick(page.windowHandle(), KEYS[kind], CTRL)
    qtbot.waitUntil(lambda: page.capture.entry_dialog is not None)
    dialog = page.capture.entry_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
@pytest.mark.parametrize("kind", ["idea", "ask", "step"])
def test_a_quick_entry_never_covers_the_speaker_buttons(
    qtbot, db, clock, meeting_factory, size, kind
) -> None:
    meeting = meeting_factory(db)
    page = LivePage(db, ChangeHub(), clock)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    assert page.start(meeting.id)
    assert (page.width(), page.height()) == size  # the live screen fits such a screen
    dialog = open_entry(qtbot, page, kind)
    frame = dialog.frameGeometry()
    for role, button in page.status.speaker_buttons.items():
        assert button.isVisible()
        assert not frame.intersects(global_rect(button)), (role, frame, global_rect(button))
    assert page.geometry().contains(frame), (frame, page.geometry())
    assert frame.intersects(global_rect(page.capture))
    # The dialog's own content fits: nothing is squeezed below what it needs.
    assert dialog.height() >= dialog.minimumSizeHint().height()
    assert dialog.speaker_hint.isVisible()
    assert dialog.speaker_hint.text() == "Ctrl+1/2/3/0 markerer stadig, hvem der taler"
    # What the hint says is true: Ctrl+2 marks the official while the field has the cursor.
    clock.advance(5)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_2, CTRL)
    assert page.status.speaker_buttons[Role.OFFICIAL].isChecked()
    assert live.list_turns(db, meeting.id)[-1].role is Role.OFFICIAL
    dialog.done(0)


def test_after_the_meeting_the_quick_entry_does_not_claim_speaker_keys(
    qtbot, db, clock, meeting_factory
) -> None:
    data = filled(db, clock, meeting_factory)
    page = build("corrections_page", db, clock, data)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.capture.new_idea()
    dialog = page.capture.entry_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.speaker_hint.isVisible()
    dialog.done(0)
