"""The live screen at arm's length: the hold-back at a glance, sizes, large text, contrast."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from facilitator.domain.enums import PromptKind, Role
from facilitator.live_state import FLOOR_TAKEN_SECONDS, Cue
from facilitator.services import capture, live
from facilitator.services.capture import IdeaInput
from ui.app import install_fonts
from ui.common.changes import ChangeHub
from ui.live.live_page import TEXT_SCALE_KEY, LivePage, resume_message
from ui.live.live_palette import CUE_TONES, ON_ROLE, ROLE_HEX, SECONDARY_TEXT, contrast_ratio

from .test_screen_sizes import problems, settle

SIZES = [QSize(1024, 600), QSize(1366, 768), QSize(1920, 1080)]


@pytest.fixture(autouse=True)
def app_font(qapp):
    """The app's own font, as the official sees it."""
    before = qapp.font()
    install_fonts(qapp)
    yield
    qapp.setFont(before)


def make_page(qtbot, db, clock, meeting, size=SIZES[1], preferences=None) -> LivePage:
    page = LivePage(db, ChangeHub(), clock, preferences=preferences)
    qtbot.addWidget(page)
    page.resize(size)
    page.show()
    qtbot.waitExposed(page)
    assert page.start(meeting.id) if meeting is not None else True
    settle(page)
    return page


@pytest.fixture
def page(qtbot, db, clock, meeting_factory) -> LivePage:
    return make_page(qtbot, db, clock, meeting_factory(db))


def key(page, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(page.windowHandle(), k, modifier)


def px(label: QLabel) -> int:
    """The pixel size the label's text is drawn at."""
    return QFontInfo(label.font()).pixelSize()


def test_hold_back_fills_the_status_side_and_a_citizen_ends_it_as_well_done(page, clock, qtbot, db) -> None:
    panel = page.status.signal_panel
    clock.advance(3)
    page.refresh()
    # The big state: the word, the seconds in a ring, a calm wash.
    assert panel.cue is Cue.WAITING
    assert panel.word.full_text() == "Vent" and "Lad borgerne tage ordet" in panel.detail.text()
    assert panel.ring.isVisibleTo(page) and panel.ring.digits.text() == "7"
    assert panel.ring.fraction == pytest.approx(0.7)
    assert CUE_TONES[Cue.WAITING].background in panel.styleSheet()
    assert CUE_TONES[Cue.WAITING].background in page.status.styleSheet()  # the whole column
    # The seconds are at least as large as the phase clock.
    assert px(panel.ring.digits) >= px(page.status.phase_card.countdown)

    key(page, Qt.Key.Key_1)  # a citizen takes the floor
    assert panel.cue is Cue.FLOOR_TAKEN
    assert panel.word.full_text() == "✓ Borgerne har ordet"
    assert not panel.ring.isVisibleTo(page)
    assert page.status.styleSheet() == ""  # the wash goes with the wait
    clock.advance(FLOOR_TAKEN_SECONDS)
    page.refresh()
    assert panel.cue is Cue.IDLE and panel.word.full_text() == "Spørg rummet"
    prompts = live.list_prompts(db, page.running.meeting_id)
    assert prompts[0].outcome is not None and prompts[0].outcome.value == "respected"


def test_s_then_the_official_shows_the_nudge_in_the_same_place_and_focus_stays(page, clock, qtbot, db) -> None:
    key(page, Qt.Key.Key_1)
    clock.advance(30)
    table = page.capture.sections["idea"].table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    key(page, Qt.Key.Key_S)
    panel = page.status.signal_panel
    assert panel.cue is Cue.WAITING and panel.ring.digits.text() == "10"
    clock.advance(2)
    key(page, Qt.Key.Key_2)  # the official breaks the hold-back
    qtbot.waitUntil(lambda: panel.cue is Cue.NUDGE)
    assert panel.word.full_text() == "! Lad borgerne tage ordet først"
    assert panel.key_hint.text() == "Esc: luk beskeden"
    assert CUE_TONES[Cue.NUDGE].background in panel.styleSheet()
    assert QApplication.focusWidget() is table  # never steals the keyboard
    assert QApplication.activeModalWidget() is None  # never modal
    assert page.controls.dismiss_button.isEnabled()
    kinds = [p.kind for p in live.list_prompts(db, page.running.meeting_id)]
    assert kinds[-1] is PromptKind.EARLY_OFFICIAL


def test_figures_are_legible_from_two_metres_at_1366x768(page, clock) -> None:
    key(page, Qt.Key.Key_2)  # the longest role name has the floor
    panel = page.status.signal_panel
    assert px(page.status.phase_card.countdown) >= 48
    assert px(page.status.speaker_text) >= 48
    assert page.status.speaker_text.text() == "Embedsperson"  # whole, not cut short
    page.running.asked_question()
    page.publish()
    assert panel.word.full_text() == "Vent" and px(panel.word) >= 32
    assert px(panel.ring.digits) >= 48


def test_the_figures_grow_on_a_large_screen(qtbot, db, clock, meeting_factory) -> None:
    meeting = meeting_factory(db)
    page = make_page(qtbot, db, clock, meeting, QSize(1366, 768))
    middle = px(page.status.phase_card.countdown)
    page.resize(1920, 1080)
    settle(page)
    assert px(page.status.phase_card.countdown) >= middle * 1.3
    assert page.status.width() > 800


@pytest.mark.parametrize("size", SIZES, ids=[f"{s.width()}x{s.height()}" for s in SIZES])
@pytest.mark.parametrize("moment", ["hold-back", "nudge", "ideas"])
def test_every_action_is_inside_the_window(qtbot, db, clock, meeting_factory, size, moment) -> None:
    meeting = meeting_factory(db, title="Borgermøde om stier, shelter og fællesskab i Knebel og Agri")
    page = make_page(qtbot, db, clock, meeting, size)
    if moment == "nudge":
        key(page, Qt.Key.Key_2)
    if moment == "ideas":
        for n in range(12):
            capture.add_idea(db, meeting.id, IdeaInput(f"Idé nummer {n} om en shelter ved stranden", "", "Borgergruppen"))
        page.capture.load(meeting.id)
        key(page, Qt.Key.Key_1)
    page.publish()
    settle(page)
    assert page.size() == size
    assert page.minimumSizeHint().width() <= size.width()
    assert page.minimumSizeHint().height() <= size.height()
    assert problems(page) == []
    # Nothing scrolls sideways, and the status column needs no scrolling at all.
    assert not page.status_area.horizontalScrollBar().isVisible()
    assert not page.status_area.verticalScrollBar().isVisible()
    for button in [*page.controls.speaker_buttons.values(), page.next_button, page.close_button]:
        assert button.isVisibleTo(page)


def test_large_text_is_one_key_and_is_remembered(qtbot, db, clock, meeting_factory, tmp_path) -> None:
    preferences = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    meeting = meeting_factory(db)
    page = make_page(qtbot, db, clock, meeting, preferences=preferences)
    normal = px(page.status.phase_card.countdown)
    key(page, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    key(page, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    larger = px(page.status.phase_card.countdown)
    assert larger >= normal * 1.25
    assert "130 %" in page.message.text()
    assert float(preferences.value(TEXT_SCALE_KEY)) == 1.3
    page.stop()
    again = make_page(qtbot, db, clock, None, preferences=preferences)
    assert again.text_scale == 1.3
    key(again, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert again.text_scale == 1.15


@pytest.mark.parametrize("size", SIZES, ids=[f"{s.width()}x{s.height()}" for s in SIZES])
def test_larger_text_never_cuts_the_speaker_or_the_nudge(qtbot, db, clock, meeting_factory, size) -> None:
    page = make_page(qtbot, db, clock, meeting_factory(db), size)
    key(page, Qt.Key.Key_2)  # the longest role name, and the longest nudge headline
    for _step in range(3):
        key(page, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        settle(page)
        assert page.status.speaker_text.text() == "Embedsperson"
        assert page.status.signal_panel.word.text() == "! Lad borgerne tage ordet først"
        assert not page.status_area.horizontalScrollBar().isVisible()


def test_esc_never_dismisses_a_nudge_hidden_behind_the_hold_back(page, clock, db) -> None:
    key(page, Qt.Key.Key_1)
    clock.advance(30)
    key(page, Qt.Key.Key_2)
    clock.advance(1)
    page.refresh()
    key(page, Qt.Key.Key_S)  # a new hold-back covers the talk-share or early nudge
    assert page.status.signal_panel.cue is Cue.WAITING
    assert not page.controls.dismiss_button.isEnabled()
    key(page, Qt.Key.Key_Escape)
    assert all(p.dismissed_at is None for p in live.list_prompts(db, page.running.meeting_id))


def test_overrun_is_worded_as_overrun(page, clock) -> None:
    clock.advance(12 * 60)
    page.refresh()
    card = page.status.phase_card
    assert card.countdown.text() == "-2:00" and card.planned.text() == "over de planlagte 10 min."


def test_colours_pass_wcag_aa_and_never_signal_alone(page, clock) -> None:
    for tone in CUE_TONES.values():
        assert contrast_ratio(tone.background, tone.text) >= 4.5
        assert contrast_ratio(tone.background, SECONDARY_TEXT) >= 4.5
    for colour in ROLE_HEX.values():
        assert contrast_ratio(colour, ON_ROLE) >= 4.5
    # Each state has its own words and shape, not only its colour.
    panel = page.status.signal_panel
    seen = {Cue.WAITING: (panel.word.full_text(), panel.ring.isVisibleTo(page))}
    key(page, Qt.Key.Key_1)
    seen[Cue.FLOOR_TAKEN] = (panel.word.full_text(), panel.ring.isVisibleTo(page))
    clock.advance(30)
    key(page, Qt.Key.Key_S)
    key(page, Qt.Key.Key_2)
    seen[Cue.NUDGE] = (panel.word.full_text(), panel.ring.isVisibleTo(page))
    assert seen[Cue.WAITING] == ("Vent", True)
    assert seen[Cue.FLOOR_TAKEN][0].startswith("✓")
    assert seen[Cue.NUDGE][0].startswith("!")
    assert page.controls.speaker_buttons[Role.OFFICIAL].text().startswith("●")


def test_a_resumed_meeting_says_what_was_kept(qtbot, db, clock, meeting_factory) -> None:
    meeting = meeting_factory(db)
    page = make_page(qtbot, db, clock, meeting)
    key(page, Qt.Key.Key_1)
    capture.add_idea(db, meeting.id, IdeaInput("Shelter ved Agri Bavnehøj", "", "Borgergruppen i Agri"))
    clock.advance(20)
    page.refresh()
    page.stop()
    clock.advance(600)  # the laptop was off for ten minutes
    again = make_page(qtbot, db, clock, None)
    gap = again.resume(meeting.id)
    assert gap is not None
    text = again.message.text()
    assert "Alt gemt er bevaret: 1 idé, 0 ressourceønsker, 0 næste skridt og 1 markering af" in text
    assert "Tekst, der var skrevet i et åbent indtastningsvindue" in text
    assert "Pausen på 10 min." in text
    key(again, Qt.Key.Key_1)  # marking the speaker, as the notice asks, keeps it on screen
    assert again.message.text() == text and again.message.isVisibleTo(again)
    key(again, Qt.Key.Key_Escape)  # with no nudge showing, Esc closes it
    assert again.message.isHidden()
    assert resume_message(None, None).startswith("Mødet er genoptaget.")
