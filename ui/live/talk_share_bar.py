"""A horizontal bar of talk share by role, always labelled in text (never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator.domain.enums import SPEAKING_ROLES
from facilitator.domain.talk_share import TalkShare
from facilitator.i18n import _
from ui.live.live_palette import ROLE_HEX

ROLE_COLOURS = {role: QColor(colour) for role, colour in ROLE_HEX.items()}


def share_text(share: TalkShare) -> str:
    """"Borger 62 % · Embedsperson 21 % · Politiker 17 %"."""
    if share.talk_seconds <= 0:
        return _("Ingen har talt endnu")
    percents = share.whole_percents()
    return " · ".join(f"{role.label} {percents[role]} %" for role in SPEAKING_ROLES)


class ShareStrip(QWidget):
    """The coloured strip itself, each segment labelled with its percentage where it fits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._share = TalkShare()
        self.setMinimumHeight(26)

    def set_share(self, share: TalkShare) -> None:
        """Show a new share."""
        self._share = share
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(300, 26)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QColor("#bdbdbd"))
        painter.setBrush(QColor("#eeeeee"))
        painter.drawRoundedRect(rect, 4, 4)
        x = rect.left()
        for role in SPEAKING_ROLES:
            width = rect.width() * self._share.share(role)
            if width <= 0:
                continue
            segment = QRectF(x, rect.top(), width, rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ROLE_COLOURS[role])
            painter.drawRect(segment)
            label = f"{self._share.whole_percents()[role]} %"
            if painter.fontMetrics().horizontalAdvance(label) + 8 < width:
                painter.setPen(QColor("white"))
                painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, label)
            x += width
        painter.end()


class TalkShareBar(QWidget):
    """A strip with one line under it: its title in bold, then the shares in words."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.strip = ShareStrip()
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.strip)
        layout.addWidget(self.legend)

    def set_share(self, share: TalkShare) -> None:
        """Show a new share."""
        self.strip.set_share(share)
        self.legend.setText(f"{self.title}: {share_text(share)}")
