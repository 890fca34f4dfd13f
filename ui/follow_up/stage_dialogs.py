"""Small dialogs for one change on the desk: sent, answered, reported back, a step's end.

Each opens prefilled (today's date, or what is stored when the stage is being
corrected); Enter saves, Esc cancels (asking first if something was typed). A
refusal (a future date, a date before the meeting, no department) is shown
inline in Danish and the dialog stays open.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import validation
from facilitator.domain.enums import AskAnswer, StepState
from facilitator.domain.formats import entry_date
from facilitator.domain.validation import ValidationError
from facilitator.i18n import N_, _
from facilitator.services import follow_up
from facilitator.services.follow_up import AnswerInput, ReportInput, SentInput
from facilitator.services.follow_up_desk import DeskRow, MeetingChoice
from facilitator.storage.database import Database
from ui.common.feedback import InlineMessage, attempt
from ui.common.unsaved import FormDialog
from ui.planning.planning_widgets import PLANNING_STYLE, buddy_label


def done(action: Callable[[], object]) -> Callable[[], bool]:
    """`action` made to return True, so `attempt` tells success (True) from a refusal (None)."""
    def run() -> bool:
        action()
        return True
    return run


def required_day(text: str) -> date:
    """The day typed in a stage dialog: DD-MM-ÅÅÅÅ, never blank."""
    day = validation.parse_date(text, "happened_on", _("Dato"))
    if day is None:
        raise ValidationError(_("Skriv datoen (DD-MM-ÅÅÅÅ)."), "happened_on")
    return day


class StageDialog(FormDialog):
    """A form of a few fields about one entry; Gem stores it through `store()`."""

    def __init__(self, db: Database, title: str, row: DeskRow, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._db = db
        self.row = row
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.setStyleSheet(PLANNING_STYLE)
        about = QLabel(" ".join(row.text.split()))
        about.setWordWrap(True)
        about.setObjectName("hintText")
        self.form = QFormLayout()
        self.message = InlineMessage()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(_("Gem"))
        save.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annullér"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(_("DD-MM-ÅÅÅÅ"))

    def add_field(self, label: str, field: QWidget) -> None:
        """A labelled field (the label's & letter jumps to it)."""
        self.form.addRow(buddy_label(label, field), field)

    def today(self) -> date:
        """The official's today, from the app's clock."""
        return self._db.clock.now().astimezone().date()

    def prefill_date(self, stored: date | None) -> None:
        """The stored day when correcting a stage, else today."""
        self.date_edit.setText(entry_date(stored or self.today()))

    def store(self) -> None:
        """Store the change (one service call)."""
        raise NotImplementedError

    def save(self) -> None:
        """Gem / Enter: store, or show why not and stay open."""
        if attempt(done(self.store), self.message):
            self.forget_changes()
            self.accept()


class SentDialog(StageDialog):
    """S: the ask was sent to a department — which, to whom, on which day."""

    def __init__(self, db: Database, row: DeskRow, parent: QWidget | None = None) -> None:
        super().__init__(db, _("Sendt til forvaltningen"), row, parent)
        self.department_edit = QLineEdit(row.department)
        self.department_edit.setPlaceholderText(_("fx Teknik og Miljø"))
        self.sent_to_edit = QLineEdit(row.sent_to)
        self.sent_to_edit.setPlaceholderText(_("fx sagsbehandler eller postkasse"))
        self.prefill_date(row.sent_on)
        self.add_field(_("&Forvaltning"), self.department_edit)
        self.add_field(_("Sendt &til"), self.sent_to_edit)
        self.add_field(_("&Dato"), self.date_edit)
        (self.department_edit if not row.department else self.date_edit).setFocus()

    def store(self) -> None:
        """follow_up.mark_sent."""
        follow_up.mark_sent(self._db, self.row.id, SentInput(
            required_day(self.date_edit.text()), self.department_edit.text(), self.sent_to_edit.text()))


class AnswerDialog(StageDialog):
    """V: the department answered — how, in what words, on which day."""

    def __init__(self, db: Database, row: DeskRow, parent: QWidget | None = None) -> None:
        super().__init__(db, _("Svar modtaget"), row, parent)
        self.answer_combo = QComboBox()
        for answer in AskAnswer:
            self.answer_combo.addItem(answer.label, answer)
        if row.answer is not None:
            self.answer_combo.setCurrentIndex(self.answer_combo.findData(row.answer))
        self.text_edit = QLineEdit(row.answer_text)
        self.text_edit.setPlaceholderText(_("Hvad svarede forvaltningen?"))
        self.prefill_date(row.answered_on)
        self.add_field(_("&Svaret"), self.answer_combo)
        self.add_field(_("&Ordlyd"), self.text_edit)
        self.add_field(_("&Dato"), self.date_edit)
        self.answer_combo.setFocus()

    def store(self) -> None:
        """follow_up.record_answer."""
        follow_up.record_answer(self._db, self.row.id, AnswerInput(
            required_day(self.date_edit.text()), self.answer(), self.text_edit.text()))

    def answer(self) -> AskAnswer:
        """The chosen answer (Qt hands a StrEnum back as a plain str)."""
        return AskAnswer(self.answer_combo.currentData())


class ReportDialog(StageDialog):
    """M: the answer was reported back to the citizens — when, and how or at which meeting."""

    def __init__(self, db: Database, row: DeskRow, meetings: Sequence[MeetingChoice],
                 parent: QWidget | None = None) -> None:
        super().__init__(db, _("Meldt tilbage til borgerne"), row, parent)
        self.how_edit = QLineEdit(row.reported_how)
        self.how_edit.setPlaceholderText(_("fx på borgermødet, opslag i Facebook-gruppen"))
        self.meeting_combo = QComboBox()
        self.meeting_combo.addItem(_("(ikke på et møde)"), None)
        for meeting in meetings:
            self.meeting_combo.addItem(f"{meeting.title} · {entry_date(meeting.day)}", meeting.id)
        self.prefill_date(row.reported_on)
        self.add_field(_("&Dato"), self.date_edit)
        self.add_field(_("&Hvordan"), self.how_edit)
        self.add_field(_("På &mødet"), self.meeting_combo)
        self.date_edit.setFocus()

    def store(self) -> None:
        """follow_up.record_report."""
        meeting_id: uuid.UUID | None = self.meeting_combo.currentData()
        follow_up.record_report(self._db, self.row.id, ReportInput(
            required_day(self.date_edit.text()), self.how_edit.text(), meeting_id))


STEP_TITLES = {
    StepState.DONE: N_("Næste skridt er gjort"),
    StepState.NOT_DONE: N_("Næste skridt blev ikke gjort"),
    StepState.DROPPED: N_("Næste skridt er opgivet"),
    StepState.OPEN: N_("Næste skridt åbnes igen"),
}


class StepStateDialog(StageDialog):
    """G / I / O: a next step was done, not done or dropped, on a day."""

    def __init__(self, db: Database, row: DeskRow, state: StepState, parent: QWidget | None = None) -> None:
        super().__init__(db, _(STEP_TITLES[state]), row, parent)
        self.state = state
        self.prefill_date(None)
        self.add_field(_("&Dato"), self.date_edit)
        self.date_edit.setFocus()

    def store(self) -> None:
        """follow_up.set_step_state."""
        follow_up.set_step_state(self._db, self.row.id, self.state, required_day(self.date_edit.text()))
