"""The meeting on one line: who held the floor when, phase starts, and gaps (crash, pause)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from facilitator.domain.enums import Role
from facilitator.domain.talk_share import Interval
from facilitator.i18n import _
from facilitator.services.rows import GapRow
from ui.live.talk_share_bar import ROLE_COLOURS

GAP_COLOUR = QColor("#7a7a7a")


class TimelineStrip(QWidget):
    """Paints turns by role colour, gaps hatched and labelled, phase starts as numbered ticks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start: datetime | None = None
        self._end: datetime | None = None
        self._turns: tuple[Interval, ...] = ()
        self._gaps: tuple[GapRow, ...] = ()
        self._phase_starts: list[datetime] = []
        self.setMinimumHeight(46)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(600, 46)

    def set_timeline(
        self,
        start: datetime | None,
        end: datetime | None,
        turns: tuple[Interval, ...],
        gaps: tuple[GapRow, ...],
        phase_starts: list[datetime],
    ) -> None:
        """Show a meeting's timeline."""
        self._start, self._end = start, end
        self._turns, self._gaps, self._phase_starts = turns, gaps, phase_starts
        self.setToolTip(
            _("Tidslinje: farverne viser, hvem der havde ordet; skraverede felter er afbrydelser.")
        )
        self.update()

    def _x(self, moment: datetime, rect: QRectF) -> float:
        assert self._start is not None and self._end is not None
        total = max(1.0, (self._end - self._start).total_seconds())
        return rect.left() + rect.width() * (moment - self._start).total_seconds() / total

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        bar = QRectF(self.rect()).adjusted(0.5, 16.5, -0.5, -0.5)
        painter.setPen(QColor("#bdbdbd"))
        painter.setBrush(QColor("#f4f4f4"))
        painter.drawRect(bar)
        if self._start is None or self._end is None or self._end <= self._start:
            painter.end()
            return
        painter.setPen(Qt.PenStyle.NoPen)
        for turn in self._turns:
            end = turn.end or self._end
            left, right = self._x(turn.start, bar), self._x(end, bar)
            painter.setBrush(ROLE_COLOURS[turn.role])
            painter.drawRect(QRectF(left, bar.top(), max(1.0, right - left), bar.height()))
        for gap in self._gaps:
            left, right = self._x(gap.started_at, bar), self._x(gap.ended_at, bar)
            area = QRectF(left, bar.top(), max(2.0, right - left), bar.height())
            painter.setBrush(QColor("white"))
            painter.drawRect(area)
            painter.setBrush(QBrush(GAP_COLOUR, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(area)
            label = _("afbrudt")
            if painter.fontMetrics().horizontalAdvance(label) + 6 < area.width():
                painter.setPen(QColor("#333333"))
                painter.drawText(area, Qt.AlignmentFlag.AlignCenter, label)
                painter.setPen(Qt.PenStyle.NoPen)
        painter.setPen(QPen(QColor("#222222"), 1))
        for number, moment in enumerate(self._phase_starts, start=1):
            x = self._x(moment, bar)
            painter.drawLine(int(x), int(bar.top()) - 4, int(x), int(bar.bottom()))
            painter.drawText(QRectF(x + 2, 0, 40, 15), Qt.AlignmentFlag.AlignLeft, str(number))
        painter.end()


def legend_html() -> str:
    """The key to the strip's colours, each colour named in words."""
    parts = [
        f'<span style="color:{ROLE_COLOURS[role].name()}">■</span> {role.label}'
        for role in (Role.CITIZEN, Role.OFFICIAL, Role.POLITICIAN, Role.SILENCE)
    ]
    parts.append(f'<span style="color:{GAP_COLOUR.name()}">▨</span> ' + _("Afbrudt"))
    return " &nbsp; ".join(parts)
