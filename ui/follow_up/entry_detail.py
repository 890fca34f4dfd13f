"""Enter on the desk: one ask or next step with its clock and its whole history.

The buttons run the same changes as the desk's single keys (the desk does the
work, so a change from here is stored, published and shown the same way); after
each change the dialog reads the entry again. Corrections are new records: the
history keeps what was recorded before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.enums import FollowUpKind
from facilitator.domain.formats import amount_dkk, entry_date
from facilitator.i18n import _
from facilitator.services.follow_up_desk import DeskKind, DeskRow
from facilitator.services.rows import FollowUpEventRow
from ui.common.feedback import InlineMessage
from ui.follow_up.desk_model import days_text, overdue_marker
from ui.planning.planning_widgets import PLANNING_STYLE, heading


def event_text(event: FollowUpEventRow) -> str:
    """One line of the history: the day, what happened, who recorded it and when."""
    if event.kind is FollowUpKind.SENT:
        what = _("Sendt til {department}").format(department=event.department)
        if event.sent_to:
            what += f" ({event.sent_to})"
    elif event.kind is FollowUpKind.ANSWERED:
        what = _("Svar: {answer}").format(answer=event.answer.label if event.answer else "–")
        if event.text:
            what += f" – «{event.text}»"
    elif event.kind is FollowUpKind.REPORTED:
        what = _("Meldt tilbage til borgerne")
        if event.text:
            what += f" – {event.text}"
    elif event.kind is FollowUpKind.STEP:
        what = _("Skridt: {state}").format(state=event.step_state.label if event.step_state else "–")
    else:
        stage = {
            FollowUpKind.SENT: _("sendt"),
            FollowUpKind.ANSWERED: _("svar modtaget"),
            FollowUpKind.REPORTED: _("meldt tilbage"),
        }.get(event.withdrawn_kind or FollowUpKind.SENT, "")
        what = _("Taget tilbage: {stage}").format(stage=stage)
    who = event.recorded_by or _("ukendt")
    recorded = entry_date(event.recorded_at.astimezone().date())
    return _("{day} · {what} (registreret af {who} den {recorded})").format(
        day=entry_date(event.happened_on), what=what, who=who, recorded=recorded)


class EntryDetailDialog(QDialog):
    """The entry, its clock, its history and a button per change."""

    def __init__(
        self,
        row: DeskRow,
        reload: Callable[[DeskRow], tuple[DeskRow | None, list[FollowUpEventRow]]],
        act: Callable[[DeskRow, str, QWidget], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reload = reload
        self._act = act
        self.row = row
        self.setWindowTitle(_("Ønske") if row.kind is DeskKind.ASK else _("Næste skridt"))
        self.setMinimumSize(680, 520)
        self.setStyleSheet(PLANNING_STYLE)
        self.title = heading("", 14)
        self.facts = QFormLayout()
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.message = InlineMessage()
        self.action_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        if row.kind is DeskKind.ASK:
            choices = [("S", _("&Sendt …")), ("V", _("S&var modtaget …")), ("M", _("&Meldt tilbage …")),
                       ("E", _("Lav m&ail")), ("W", _("&Tag seneste trin tilbage"))]
        else:
            choices = [("G", _("&Gjort …")), ("I", _("&Ikke gjort …")), ("O", _("&Opgivet …")),
                       ("R", _("Åbn i&gen …"))]
        for key, text in choices:
            push = QPushButton(text)
            push.setAutoDefault(False)
            push.clicked.connect(lambda _checked=False, k=key: self._act(self.row, k, self))
            self.action_buttons[key] = push
            buttons.addWidget(push)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(_("Luk"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.facts)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(_("Historik")))
        layout.addWidget(self.history, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        """Read the entry and its history again and show them."""
        row, events = self._reload(self.row)
        if row is None:
            self.message.show_error(_("Posten findes ikke længere."))
            return
        self.row = row
        self.title.setText(" ".join(row.text.split()))
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for label, value in self._facts(row):
            if value:
                text = QLabel(value)
                text.setWordWrap(True)
                self.facts.addRow(QLabel(label), text)
        self.history.clear()
        self.history.addItems([event_text(e) for e in events] or [_("Intet registreret endnu.")])

    @staticmethod
    def _facts(row: DeskRow) -> list[tuple[str, str]]:
        deadline = entry_date(row.deadline)
        if row.overdue:
            deadline += "  " + overdue_marker(row)
        facts = [
            (_("Idé"), row.idea_title),
            (_("Møde"), f"{row.meeting_title} · {entry_date(row.meeting_day)}"),
            (_("Landsby"), ", ".join(row.villages)),
            (_("Forvaltning") if row.kind is DeskKind.ASK else _("Ansvarlig"), row.department),
            (_("Beløb"), amount_dkk(row.amount_dkk)),
            (_("Status"), _(row.stage.msgid)),
            (_("Alder"), days_text(row.age_days)),
            (_("Frist"), deadline),
        ]
        if row.clock is not None:
            def stage(days: int | None) -> str:
                return "–" if days is None else days_text(days)
            facts.append((_("Ventetid fra mødet"), _(
                "til sendt {sent} · til svar {answer} · til meldt tilbage {reported}").format(
                sent=stage(row.clock.days_to_sent), answer=stage(row.clock.days_to_answer),
                reported=stage(row.clock.days_to_reported))))
        if row.answer is not None:
            answer = row.answer.label + (f" – «{row.answer_text}»" if row.answer_text else "")
            facts.append((_("Svar"), answer))
        return facts
