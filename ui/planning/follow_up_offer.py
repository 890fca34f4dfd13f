"""«Siden sidst» on the agenda page: what happened since the previous meeting, and the offer
to put «Opfølgning siden sidst» first on the agenda."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from facilitator.domain.enums import MeetingStatus, PhaseKind
from facilitator.i18n import _, current_language
from facilitator.reports.formatting import BriefWords, markup
from facilitator.reports.since_last import since_sections, summary_line
from facilitator.services import carry_over
from facilitator.services.rows import MeetingRow, PhaseRow
from facilitator.storage.database import Database
from ui.planning.planning_widgets import button, heading

# The page has little height to spare on a 600-pixel screen: the first few lines, the rest counted.
MAX_LINES = 4
OFFER_KEYS = "Ctrl+O"


def since_html(sections: list[tuple[str, list[str]]], limit: int = MAX_LINES) -> str:
    """The sections as short HTML: a bold heading and its first lines, then "… og N flere"."""
    parts, shown = [], 0
    for title, lines in sections:
        room = max(0, limit - shown)
        items = [markup(line) for line in lines[:max(1, room)]]
        shown += len(items)
        more = len(lines) - len(items)
        text = f"<b>{markup(title)}</b><br/>" + "<br/>".join("• " + item for item in items)
        if more:
            text += "<br/>" + markup(_("… og {n} flere").format(n=more))
        parts.append(text)
    return "<br/>".join(parts)


class FollowUpOffer(QFrame):
    """Hidden for a project's first meeting; otherwise the news since the previous one."""

    add_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setObjectName("followUpOffer")
        self.setStyleSheet("#followUpOffer { background: #f3f7f4; border: 1px solid #c3d6ca;"
                           " border-radius: 6px; }")
        self.title = heading(_("Siden sidste møde"), 14)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setObjectName("hintText")
        self.add_button = button(_("Sæt «Opfølgning siden sidst» på dagsordenen"), OFFER_KEYS)
        self.on_agenda = QLabel(_("«Opfølgning siden sidst» er på dagsordenen og viser dette."))
        self.on_agenda.setWordWrap(True)
        self.on_agenda.setObjectName("hintText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(4)
        for widget in (self.title, self.summary, self.details, self.add_button, self.on_agenda):
            layout.addWidget(widget)
        self.add_button.clicked.connect(self.add_requested.emit)
        self.hide()

    def show_for(self, meeting: MeetingRow, phases: list[PhaseRow]) -> None:
        """What happened before `meeting`; the offer while its agenda has no follow-up item."""
        if not carry_over.has_previous(self._db, meeting.id):
            self.hide()
            return
        words = BriefWords(current_language())
        since = carry_over.since_last(self._db, meeting.id)
        self.summary.setText(summary_line(since, words))
        sections = since_sections(since, words)
        self.details.setText(since_html(sections))
        self.details.setVisible(bool(sections))
        has_item = any(p.kind is PhaseKind.FOLLOW_UP for p in phases)
        self.add_button.setVisible(not has_item and meeting.status is MeetingStatus.PLANNED)
        self.on_agenda.setVisible(has_item)
        self.show()

    @property
    def offers(self) -> bool:
        """The offer can be taken now."""
        return self.isVisible() and self.add_button.isVisible()
