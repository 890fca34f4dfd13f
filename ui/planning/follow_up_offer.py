"""«Siden sidst» on the agenda page: what happened since the previous meeting, and the offer
to put «Opfølgning siden sidst» first on the agenda."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from facilitator.domain.enums import MeetingStatus, PhaseKind
from facilitator.i18n import _, current_language
from facilitator.reports.formatting import BriefWords
from facilitator.reports.since_last import since_sections, summary_line
from facilitator.services import carry_over
from facilitator.services.rows import MeetingRow, PhaseRow
from facilitator.storage.database import Database
from ui.planning.planning_widgets import ElidedLabel, button, heading

OFFER_KEYS = "Ctrl+O"


def section_line(title: str, lines: list[str]) -> str:
    """One kind on one line: "Svar modtaget (2): first; second"."""
    return _("{title} ({n}): {items}").format(title=title, n=len(lines), items="; ".join(lines))


class FollowUpOffer(QFrame):
    """Hidden for a project's first meeting; otherwise the news since the previous one."""

    add_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setObjectName("followUpOffer")
        self.setStyleSheet("#followUpOffer { background: #f3f7f4; border: 1px solid #c3d6ca;"
                           " border-radius: 6px; }")
        self.title = heading(_("Siden sidste møde"), 12)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # One line per kind (answers, steps done, overdue, waiting), cut with "…" (all in the tooltip).
        self.details = [ElidedLabel() for _kind in range(4)]
        self.add_button = button(_("Sæt «Opfølgning siden sidst» først"), OFFER_KEYS)
        self.on_agenda = QLabel(_("«Opfølgning siden sidst» er på dagsordenen og viser dette."))
        self.on_agenda.setWordWrap(True)
        self.on_agenda.setObjectName("hintText")
        self.title.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.title)
        top.addWidget(self.summary, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.on_agenda, 1)
        bottom.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(3)
        layout.addLayout(top)
        for line in self.details:
            line.setObjectName("hintText")
            layout.addWidget(line)
        layout.addLayout(bottom)
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
        for index, line in enumerate(self.details):
            if index < len(sections):
                line.setText(section_line(*sections[index]))
            line.setVisible(index < len(sections))
        has_item = any(p.kind is PhaseKind.FOLLOW_UP for p in phases)
        self.add_button.setVisible(not has_item and meeting.status is MeetingStatus.PLANNED)
        self.on_agenda.setVisible(has_item)
        self.show()

    @property
    def offers(self) -> bool:
        """The offer can be taken now."""
        return self.isVisible() and self.add_button.isVisible()
