"""The left column of the live screen: it only draws a `LiveState`, it has no controls.

Sizes follow the window: `set_scale()` sets every font in pixels from the page's
size (and the official's "large text" choice), so the figures read from two
metres on a 1366×768 laptop and grow on a 1920×1080 one.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.enums import Role
from facilitator.domain.formats import stopwatch
from facilitator.domain.phase_timing import TimeWarning
from facilitator.i18n import _
from facilitator.live_state import Cue, LiveState, floor_taken_words
from ui.common.pixels import set_px
from ui.live.live_palette import CUE_TONES, ROLE_HEX, SECONDARY_TEXT
from ui.live.talk_share_bar import TalkShareBar
from ui.planning.planning_widgets import ElidedLabel

# Pixel sizes at scale 1.0 (a 1366×768 window). The countdown and the current
# speaker are the figures read from furthest away; the hold-back's digits are
# never smaller than the phase clock.
FIGURE_PX = 56
WORD_PX = 44
TITLE_PX = 22
TEXT_PX = 17
SMALL_PX = 14
SPEAKER_MIN_PX = 48  # the longest role name fits at this size in a 1366×768 window

_WARNING_STYLE = {
    TimeWarning.NONE: "",
    TimeWarning.LOW: "background: #fff4d6; border: 1px solid #b88a1e;",
    TimeWarning.CRITICAL: "background: #ffe2c2; border: 1px solid #b35f12;",
    TimeWarning.OVERRUN: "background: #fbd5d5; border: 1px solid #a32c2c;",
}


def warning_text(warning: TimeWarning) -> str:
    """The words (with an icon) for a time warning."""
    return {
        TimeWarning.NONE: "",
        TimeWarning.LOW: _("◔ Under 20 % af tiden tilbage – tid til at runde af"),
        TimeWarning.CRITICAL: _("⚠ Under 5 % af tiden tilbage"),
        TimeWarning.OVERRUN: _("✖ Tiden er overskredet"),
    }[warning]


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, ending in "…" when cut (a 10,000-character title must fit)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FitLabel(ElidedLabel):
    """One line in the largest font up to `max_px` that fits the width (never below `min_px`).

    A short word ("Vent") gets the full size; a longer headline shrinks to stay on
    one line instead of being cut, and only below `min_px` is it shortened with "…".
    """

    max_px = 40
    min_px = 20

    def set_px_range(self, max_px: float, min_px: float) -> None:
        """The largest and the smallest size to use."""
        self.max_px, self.min_px = max(9, round(max_px)), max(9, round(min_px))
        self.setMinimumHeight(QFontMetrics(self._font_of(self.max_px)).height())
        self.setText(self.full_text())

    def _font_of(self, px: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        return font

    def _room(self) -> int:
        return max(self.contentsRect().width(), 50) - 4

    def fitting_px(self) -> int:
        """The size the text is drawn at for the current width."""
        text = " ".join(self.full_text().split())
        px = self.max_px
        while px > self.min_px and QFontMetrics(self._font_of(px)).horizontalAdvance(text) > self._room():
            px -= 1
        return px

    def _elide(self) -> None:
        px = self.fitting_px()
        font = self._font_of(px)
        if self.font().pixelSize() != px:
            self.setFont(font)
        one_line = " ".join(self.full_text().split())
        metrics = QFontMetrics(font)
        # The same measure as fitting_px: a text that fits there is never shortened here.
        if metrics.horizontalAdvance(one_line) > self._room():
            one_line = metrics.elidedText(one_line, Qt.TextElideMode.ElideRight, self._room())
        QLabel.setText(self, one_line)


def _restyle(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it changes (a redraw runs four times a second)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def _label(wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


class HoldBackRing(QWidget):
    """A ring that empties as the hold-back runs out, with the seconds left in its middle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 1.0
        self.colour = QColor(CUE_TONES[Cue.WAITING].accent)
        self.digits = _label()
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.digits, 0, 0)

    def set_remaining(self, seconds: float, total: float) -> None:
        """Show `seconds` left of `total`."""
        self.digits.setText(str(int(seconds + 0.999)))
        self.fraction = max(0.0, min(1.0, seconds / total)) if total > 0 else 0.0
        self.update()

    def set_diameter(self, px: int) -> None:
        """The ring's size; the digits are sized by the caller."""
        self.setFixedSize(QSize(px, px))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(4.0, self.width() / 14)
        rect = QRectF(self.rect()).adjusted(width, width, -width, -width)
        painter.setPen(QPen(QColor("#c9dccf"), width))
        painter.drawEllipse(rect)
        pen = QPen(self.colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        # From twelve o'clock, clockwise; what is left of the wait.
        painter.drawArc(rect, 90 * 16, -int(self.fraction * 360 * 16))
        painter.end()


class RoleMarker(QWidget):
    """A block in the speaker's colour beside the speaker's name: colour with words, never alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = QColor(SECONDARY_TEXT)
        self.setFixedWidth(12)

    def set_colour(self, colour: str) -> None:
        """The role's colour."""
        if self.colour.name() != colour:
            self.colour = QColor(colour)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(QRectF(self.rect()), 3, 3)
        painter.end()


class PhaseCard(QFrame):
    """The agenda item: its title, the countdown, the warning and what comes next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseCard")
        self.title = ElidedLabel()
        self.countdown = _label()
        self.planned = _label()
        self.warning = _label(wrap=True)
        self.next_phase = ElidedLabel()
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.countdown)
        row.addWidget(self.planned, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        layout.addWidget(self.next_phase)

    def set_scale(self, scale: float) -> None:
        """Fonts for a scale (1.0 at 1366×768)."""
        set_px(self.title, TITLE_PX * scale, bold=True)
        set_px(self.countdown, FIGURE_PX * scale, bold=True)
        set_px(self.planned, TEXT_PX * scale)
        set_px(self.warning, TEXT_PX * scale, bold=True)
        set_px(self.next_phase, SMALL_PX * scale)

    def show_state(self, state: LiveState) -> None:
        """Draw the phase part of a state."""
        self.title.setText(
            _("Punkt {n} af {count}: {title}").format(
                n=state.phase_index + 1, count=state.phase_count, title=shorten(state.phase.title, 200)
            )
        )
        timing = state.timing
        self.countdown.setText(stopwatch(timing.remaining_seconds))
        minutes = state.phase.planned_minutes
        self.planned.setText(
            _("over de planlagte {minutes} min.").format(minutes=minutes)
            if timing.remaining_seconds < 0
            else _("tilbage af {minutes} min.").format(minutes=minutes)
        )
        self.warning.setText(warning_text(timing.warning))
        self.warning.setVisible(timing.warning is not TimeWarning.NONE)
        _restyle(
            self,
            f"#phaseCard {{ border-radius: 8px; border: 1px solid #d5dbd8; "
            f"{_WARNING_STYLE[timing.warning]} }}",
        )
        title = state.next_phase_title
        self.next_phase.setText(
            _("Næste: {title}").format(title=shorten(title, 200)) if title else _("Sidste punkt")
        )


class SignalPanel(QFrame):
    """The big place: wait (with the ring), well done, a nudge, or how to start a hold-back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalPanel")
        self.cue: Cue | None = None
        self.ring = HoldBackRing()
        self.word = FitLabel()
        bold = QFont(self.word.font())
        bold.setBold(True)
        self.word.setFont(bold)
        self.detail = _label(wrap=True)
        self.key_hint = _label()
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.word)
        texts.addWidget(self.detail)
        texts.addWidget(self.key_hint)
        texts.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(16)
        layout.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(texts, 1)

    def set_scale(self, scale: float, window_scale: float) -> None:
        """Fonts and the ring's size for a scale (`window_scale`: the same without large text)."""
        # "Vent" always gets the full size (44 px at 1366×768); a longer nudge
        # headline shrinks to stay whole on one line — the floor follows the
        # window, not the large-text choice, so larger text never cuts it.
        self.word.set_px_range(WORD_PX * scale, WORD_PX * window_scale * 0.45)
        set_px(self.detail, TEXT_PX * scale)
        set_px(self.key_hint, SMALL_PX * scale, bold=True)
        set_px(self.ring.digits, FIGURE_PX * scale, bold=True)
        self.ring.set_diameter(round(FIGURE_PX * scale * 1.9))

    def show_state(self, state: LiveState) -> None:
        """Draw the signal part of a state."""
        cue = state.cue
        if cue is Cue.WAITING:
            self.word.setText(state.hold_back_word)
            self.detail.setText(state.hold_back_hint)
            self.key_hint.setText(_("sekunder tilbage af {total}").format(total=int(state.hold_back_seconds)))
            self.ring.set_remaining(state.hold_back_remaining, state.hold_back_seconds)
        elif cue is Cue.FLOOR_TAKEN:
            self.word.setText("✓ " + floor_taken_words(state.floor_taken_by or Role.CITIZEN))
            self.detail.setText(_("Godt ventet."))
            self.key_hint.setText("")
        elif cue is Cue.NUDGE and state.nudge is not None:
            self.word.setText("! " + state.nudge.headline)
            self.detail.setText(state.nudge.text)
            self.key_hint.setText(_("Esc: luk beskeden"))
        else:
            self.word.setText(_("Spørg rummet"))
            self.detail.setText(_("Tast S, når du har stillet et spørgsmål – så holder du igen."))
            self.key_hint.setText("")
        self.ring.setVisible(cue is Cue.WAITING)
        self.key_hint.setVisible(bool(self.key_hint.text()))
        if cue is not self.cue:
            self.cue = cue
            tone = CUE_TONES[cue]
            border = "3px" if cue is not Cue.IDLE else "1px"
            self.setStyleSheet(
                f"#signalPanel {{ background: {tone.background}; border: {border} solid {tone.accent};"
                f" border-radius: 10px; }}"
                f"#signalPanel QLabel {{ color: {tone.text}; background: transparent; }}"
            )


class LiveStatusView(QWidget):
    """Draws one `LiveState`: phase, the big signal, the speaker and the talk share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveStatus")
        # A plain QWidget paints a style-sheet background only with this set.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.state: LiveState | None = None
        self.wash: str | None = None
        self.speaking = False
        self.scale = 1.0
        self.phase_card = PhaseCard()
        self.signal_panel = SignalPanel()
        self.speaker_text = FitLabel()
        self.speaker_text.setObjectName("speakerText")
        bold = QFont(self.speaker_text.font())
        bold.setBold(True)
        self.speaker_text.setFont(bold)
        self.speaker_time = _label()
        self.speaker_time.setObjectName("speakerTime")
        speaker_row = QHBoxLayout()
        speaker_row.setSpacing(10)
        self.speaker_marker = RoleMarker()
        speaker_row.addWidget(self.speaker_marker)
        speaker_row.addWidget(self.speaker_text, 1)
        speaker_row.addWidget(self.speaker_time, 0, Qt.AlignmentFlag.AlignBottom)
        self.meeting_bar = TalkShareBar(_("Taletid i mødet"))
        self.phase_bar = TalkShareBar(_("Taletid i punktet"))
        self.recent_text = _label(wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.phase_card)
        layout.addWidget(self.signal_panel)
        layout.addLayout(speaker_row)
        self.controls_slot = QVBoxLayout()  # the page puts the speaker buttons here
        layout.addLayout(self.controls_slot)
        layout.addWidget(self.meeting_bar)
        layout.addWidget(self.phase_bar)
        layout.addWidget(self.recent_text)
        layout.addStretch(1)
        self.set_scale(1.0)

    def set_scale(self, scale: float, window_scale: float | None = None) -> None:
        """Every font for a scale (1.0 at 1366×768); `window_scale` is the same without large text."""
        self.scale = scale
        self.window_scale = scale if window_scale is None else window_scale
        self.phase_card.set_scale(scale)
        self.signal_panel.set_scale(scale, self.window_scale)
        self._size_speaker()
        set_px(self.speaker_time, TITLE_PX * scale, bold=True)
        self.speaker_marker.setFixedWidth(max(8, round(12 * scale)))
        for bar in (self.meeting_bar, self.phase_bar):
            set_px(bar.legend, SMALL_PX * scale)
            bar.strip.setFixedHeight(max(16, round(22 * scale)))
        set_px(self.recent_text, SMALL_PX * scale)

    def _size_speaker(self) -> None:
        # The speaker's role is a figure read from afar; the hint when nobody
        # is marked is a line of text.
        # The floor follows the window only, so larger text never cuts a role name.
        if self.speaking:
            self.speaker_text.set_px_range(FIGURE_PX * self.scale, SPEAKER_MIN_PX * self.window_scale * 0.75)
        else:
            self.speaker_text.set_px_range(TITLE_PX * self.scale, TEXT_PX * self.window_scale * 0.8)

    def show_state(self, state: LiveState) -> None:
        """Redraw from a state."""
        self.state = state
        self.phase_card.show_state(state)
        self.signal_panel.show_state(state)
        speaker = state.speaker
        was_speaking = self.speaking
        self.speaking = speaker is not None
        if speaker is not None:
            self.speaker_text.setText(speaker.label)
            self.speaker_time.setText(stopwatch(state.speaker_seconds))
            colour = ROLE_HEX[speaker]
        else:
            self.speaker_text.setText(_("Ingen taler – tast 1, 2, 3 eller 0"))
            self.speaker_time.setText("")
            colour = SECONDARY_TEXT
        if was_speaking != self.speaking:
            self._size_speaker()
        self.speaker_marker.set_colour(colour)
        # While the official waits, the whole column says so: a calm wash behind everything.
        wash = CUE_TONES[Cue.WAITING].background if state.cue is Cue.WAITING else None
        if wash != self.wash:
            self.wash = wash
            self.setStyleSheet(f"#liveStatus {{ background: {wash}; border-radius: 10px; }}" if wash else "")
        self.meeting_bar.set_share(state.meeting_share)
        self.phase_bar.set_share(state.phase_share)
        recent = state.official_recent_pct
        threshold = state.talk_share_threshold_pct
        over = recent > threshold and state.recent_share.talk_seconds > 0
        if state.talk_window_covers_meeting:
            words = _("Embedspersonernes andel indtil nu: {share} % (grænse {limit} %)")
        else:
            words = _("Embedspersonernes andel de sidste {minutes} min.: {share} % (grænse {limit} %)")
        self.recent_text.setText(
            ("▲ " if over else "")
            + words.format(minutes=state.talk_window_minutes, share=recent, limit=threshold)
        )
