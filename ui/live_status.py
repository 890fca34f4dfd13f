"""The left column of the live screen: phase countdown, hold-back, speaker, talk share, nudges."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.enums import Role
from facilitator.domain.hold_back import HoldBackPhase
from facilitator.domain.phase_timing import TimeWarning, format_duration
from facilitator.i18n import _
from facilitator.live_session import LiveState, Nudge
from ui.talk_share_bar import ROLE_COLOURS, TalkShareBar

SPEAKER_KEYS = {Role.CITIZEN: "1", Role.OFFICIAL: "2", Role.POLITICIAN: "3", Role.SILENCE: "0"}

_WARNING_STYLE = {
    TimeWarning.NONE: "",
    TimeWarning.LOW: "background: #fff4d6; border: 1px solid #e0b84a;",
    TimeWarning.CRITICAL: "background: #ffe2c2; border: 1px solid #d9822b;",
    TimeWarning.OVERRUN: "background: #fbd5d5; border: 1px solid #c23b3b;",
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


def _restyle(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it changes (a redraw runs four times a second)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def _card() -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setObjectName("card")
    return frame


class NudgeBanner(QFrame):
    """A calm, dismissable message; it never takes focus."""

    dismissed = Signal(object)  # prompt id

    def __init__(self, nudge: Nudge, waiting: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nudge = nudge
        self.setObjectName("nudge")
        self.setStyleSheet(
            "#nudge { background: #e8f1fb; border: 1px solid #8fb3de; border-radius: 6px; }"
        )
        more = _(" (+{n} til)").format(n=waiting) if waiting else ""
        self.text = QLabel("ℹ " + nudge.text + more)
        self.text.setWordWrap(True)
        close = QPushButton(_("Luk (Esc)"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(lambda: self.dismissed.emit(nudge.prompt_id))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)


class LiveStatus(QWidget):
    """Shows one `LiveState`; emits the official's clicks as requests."""

    speaker_clicked = Signal(object)  # Role
    question_clicked = Signal()
    nudge_dismissed = Signal(object)  # prompt id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nudge_ids: tuple[object, ...] = ()
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        self.phase_card = _card()
        phase_layout = QVBoxLayout(self.phase_card)
        self.phase_title = QLabel()
        self.phase_title.setWordWrap(True)
        self.phase_title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.countdown = QLabel()
        self.countdown.setStyleSheet("font-size: 30pt; font-weight: bold;")
        self.planned = QLabel()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("font-weight: bold;")
        self.next_phase = QLabel()
        self.next_phase.setWordWrap(True)
        self.next_phase.setStyleSheet("color: #555;")
        row = QHBoxLayout()
        row.addWidget(self.countdown)
        row.addWidget(self.planned, 1, Qt.AlignmentFlag.AlignBottom)
        phase_layout.addWidget(self.phase_title)
        phase_layout.addLayout(row)
        phase_layout.addWidget(self.warning)
        phase_layout.addWidget(self.next_phase)
        layout.addWidget(self.phase_card)

        self.hold_back_card = _card()
        hold_layout = QVBoxLayout(self.hold_back_card)
        self.hold_back_text = QLabel()
        self.hold_back_text.setWordWrap(True)
        self.hold_back_text.setStyleSheet("font-size: 13pt;")
        self.hold_back_bar = QProgressBar()
        self.hold_back_bar.setTextVisible(False)
        self.hold_back_bar.setMaximumHeight(10)
        self.question_button = QPushButton(_("Jeg stillede rummet et spørgsmål (S)"))
        self.question_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        hold_layout.addWidget(self.hold_back_text)
        hold_layout.addWidget(self.hold_back_bar)
        hold_layout.addWidget(self.question_button)
        layout.addWidget(self.hold_back_card)

        speakers = QGridLayout()
        speakers.setSpacing(6)
        self.speaker_buttons: dict[Role, QPushButton] = {}
        for index, role in enumerate((Role.CITIZEN, Role.OFFICIAL, Role.POLITICIAN, Role.SILENCE)):
            button = QPushButton(f"{SPEAKER_KEYS[role]}  {role.label}")
            button.setCheckable(True)
            button.setMinimumHeight(44)
            button.setStyleSheet(
                "QPushButton { font-size: 12pt; }"
                f"QPushButton:checked {{ background: {ROLE_COLOURS[role].name()}; color: white;"
                " font-weight: bold; border: 2px solid #222; border-radius: 4px; }"
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(_("Tast {key}").format(key=SPEAKER_KEYS[role]))
            self.speaker_buttons[role] = button
            speakers.addWidget(button, index // 2, index % 2)
        layout.addLayout(speakers)
        self.speaker_text = QLabel()
        layout.addWidget(self.speaker_text)

        self.meeting_bar = TalkShareBar(_("Mødet"))
        self.phase_bar = TalkShareBar(_("Punktet"))
        self.recent_text = QLabel()
        self.recent_text.setWordWrap(True)
        share_heading = QLabel(_("Taletid"))
        share_heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(share_heading)
        layout.addWidget(self.meeting_bar)
        layout.addWidget(self.phase_bar)
        layout.addWidget(self.recent_text)

        self.nudge_box = QVBoxLayout()
        layout.addLayout(self.nudge_box)
        layout.addStretch(1)

    def _connect_signals(self) -> None:
        self.question_button.clicked.connect(self.question_clicked)
        for role, button in self.speaker_buttons.items():
            button.clicked.connect(lambda _checked=False, r=role: self.speaker_clicked.emit(r))

    def show_state(self, state: LiveState, next_title: str | None, threshold_pct: int) -> None:
        """Redraw from a state."""
        self.phase_title.setText(
            _("Punkt {n} af {count}: {title}").format(
                n=state.phase_index + 1, count=state.phase_count, title=shorten(state.phase.title, 90)
            )
        )
        self.phase_title.setToolTip(state.phase.title)
        timing = state.timing
        self.countdown.setText(format_duration(timing.remaining_seconds))
        self.planned.setText(_("af {minutes} min.").format(minutes=state.phase.planned_minutes))
        self.warning.setText(warning_text(timing.warning))
        self.warning.setVisible(timing.warning is not TimeWarning.NONE)
        _restyle(self.phase_card, f"#card {{ border-radius: 6px; {_WARNING_STYLE[timing.warning]} }}")
        self.next_phase.setText(
            _("Næste: {title}").format(title=shorten(next_title, 90)) if next_title else _("Sidste punkt")
        )
        self._show_hold_back(state)
        for role, button in self.speaker_buttons.items():
            button.setChecked(role is state.speaker)
            # A text mark as well as the colour: never colour alone.
            button.setText(("● " if role is state.speaker else "") + f"{SPEAKER_KEYS[role]}  {role.label}")
        self.speaker_text.setText(
            _("Ordet: {role} · {duration}").format(
                role=state.speaker.label, duration=format_duration(state.speaker_seconds)
            )
            if state.speaker
            else _("Ingen taler markeret – tast 1, 2, 3 eller 0")
        )
        self.meeting_bar.set_share(state.meeting_share)
        self.phase_bar.set_share(state.phase_share)
        recent = round(state.recent_share.share(Role.OFFICIAL) * 100)
        over = recent > threshold_pct and state.recent_share.talk_seconds > 0
        self.recent_text.setText(
            ("▲ " if over else "")
            + _("Embedspersonens andel de sidste {minutes} min.: {share} % (grænse {limit} %)").format(
                minutes=state.talk_window_minutes, share=recent, limit=threshold_pct
            )
        )
        self._show_nudges(state.nudges)

    def _show_hold_back(self, state: LiveState) -> None:
        waiting = state.hold_back is HoldBackPhase.WAITING
        if waiting:
            self.hold_back_text.setText(
                _("Vent – lad borgerne tage ordet. {seconds} s").format(
                    seconds=int(state.hold_back_remaining + 0.999)
                )
            )
            total = max(1, state.phase.hold_back_seconds)
            self.hold_back_bar.setRange(0, total * 10)
            self.hold_back_bar.setValue(int(state.hold_back_remaining * 10))
            _restyle(self.hold_back_card, "#card { background: #eef6ee; border-radius: 6px; }")
        else:
            self.hold_back_text.setText(_("Spørg rummet, og tast S for at holde igen."))
            _restyle(self.hold_back_card, "#card { border-radius: 6px; }")
        self.hold_back_bar.setVisible(waiting)

    def _show_nudges(self, nudges: tuple[Nudge, ...]) -> None:
        # Only the newest nudge is shown, so the column never overflows; Esc
        # dismisses it and the one before it comes forward.
        ids = tuple(n.prompt_id for n in nudges)
        if ids == self._nudge_ids:
            return
        self._nudge_ids = ids
        while self.nudge_box.count():
            item = self.nudge_box.takeAt(0)
            if item.widget():
                item.widget().hide()  # at once; deleteLater waits for the event loop
                item.widget().deleteLater()
        if nudges:
            banner = NudgeBanner(nudges[-1], waiting=len(nudges) - 1)
            banner.dismissed.connect(self.nudge_dismissed)
            self.nudge_box.addWidget(banner)
