"""The frame every quick entry shares: a form, an inline message, Gem / Annullér; Enter saves."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import validation
from facilitator.domain.name_guess import Context
from facilitator.i18n import _
from facilitator.services import capture, groups, meetings, people
from facilitator.services.people_rows import PersonRow
from facilitator.storage.database import Database
from ui.capture.carried_by import CarriedBy, context_of
from ui.capture.name_notice import FreeTextNames, notice_text, notice_why
from ui.common.actions import Publish, run_action
from ui.common.feedback import InlineMessage
from ui.common.form_errors import FormErrors
from ui.common.unsaved import FormDialog


def line_edit(text: str = "", placeholder: str = "") -> QLineEdit:
    """A one-line field with a placeholder and a clear button."""
    edit = QLineEdit(text)
    # Room for a long pasted text; the service sets the real limit and says so in Danish.
    edit.setMaxLength(validation.MAX_TEXT_LENGTH + 1)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


def choice_combo(choices: Sequence[tuple[str, Any]], current: Any = None) -> QComboBox:
    """A drop-down of (label, value) with `current` chosen (else the first)."""
    combo = QComboBox()
    for label, value in choices:
        combo.addItem(label, value)
    found = next((i for i, (_label, value) in enumerate(choices) if value == current), 0)
    combo.setCurrentIndex(found)
    return combo


def suggest(edit: QLineEdit, words: Sequence[str]) -> QCompleter | None:
    """Offer the words typed before in `edit`, filtered as one types (None: nothing to offer)."""
    # Groups and themes repeat through a meeting; offer what was typed before.
    unique = sorted({w for w in words if w}, key=str.casefold)
    if not unique:
        return None
    completer = QCompleter(unique, edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return completer


def person_combo(
    db: Database, meeting_id: uuid.UUID, current: uuid.UUID | None
) -> QComboBox | None:
    """"Person (valgfri)": the project's people, or None when there is no one to choose.

    The default is no person: the entry is credited to its group label. People
    who withdrew consent are offered only where they are already linked.
    """
    project_id = meetings.get_meeting(db, meeting_id).project_id
    known = [p for p in people.list_people(db, project_id)
             if p.withdrawn_at is None or p.id == current]
    if not known:
        return None
    choices: list[tuple[str, Any]] = [(_("(ingen – gruppen står for det)"), None)]
    choices += [(p.name if p.withdrawn_at is None
                 else _("{name} (samtykke trukket tilbage)").format(name=p.name), p.id)
                for p in known]
    combo = choice_combo(choices, current)
    combo.setMinimumContentsLength(24)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def choose_person(combo: QComboBox | None, person: PersonRow) -> None:
    """Show `person` as chosen in "Person (valgfri)", adding them if they are new."""
    if combo is None:
        return
    index = combo.findData(person.id)
    if index < 0:
        combo.addItem(person.name, person.id)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class EnterSaves(QObject):
    """Makes Enter in a multi-line field save the dialog; Shift+Enter still breaks the line."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Catch a plain Enter before the text field turns it into a new line."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self._dialog.accept()
                return True
        return False


class EntryDialog(FormDialog):
    """The shared frame: a form, an inline message, Gem / Annullér; saves through a service."""

    def __init__(self, db: Database, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # Narrow enough to sit over the capture lists of a 1024 px wide live screen.
        self.setMinimumWidth(480)
        self._db = db
        self.saved_row: Any = None
        # What a save publishes on the change hub (the panel that opens the dialog says).
        self.publish: Publish = ()
        self._fields: dict[str, QWidget] = {}
        # The last widget Tab reaches in the form so far: a field, or a button under it.
        self._tab_tail: QWidget | None = None
        self.carriers: list[CarriedBy] = []
        self.free_text = FreeTextNames(self)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.form.setHorizontalSpacing(14)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = InlineMessage(self)
        self.errors = FormErrors(self.message, self.problems)
        self.buttons = QDialogButtonBox()
        save = self.buttons.addButton(_("Gem"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_("Annullér"), QDialogButtonBox.ButtonRole.RejectRole)
        # The title bar may be off-screen or tiny on a projector; say what is being entered.
        heading = QLabel(title)
        heading.setObjectName("entryHeading")
        self.hint = QLabel(_("Enter gemmer · Esc annullerer"))
        self.hint.setObjectName("entryHint")
        # In the hint's place while a free-text field holds a name (see name_notice.py).
        self.name_notice = QLabel()
        self.name_notice.setObjectName("nameNotice")
        self.name_notice.setWordWrap(True)
        self.name_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.name_notice.setToolTip(notice_why())
        self.name_notice.hide()
        # Shown only where it is true: the live screen adds Ctrl+digit to its quick entries.
        self.speaker_hint = QLabel(_("Ctrl+1/2/3/0 markerer stadig, hvem der taler"))
        self.speaker_hint.setObjectName("entryHint")
        self.speaker_hint.hide()
        self.setStyleSheet(
            "#entryHeading { font-size: 14pt; font-weight: bold; } #entryHint { color: #555; }"
            " #nameNotice { color: #1d3f6e; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addWidget(self.name_notice)
        layout.addWidget(self.speaker_hint)
        layout.addWidget(self.buttons)
        # Made the default once inside the dialog, so the dialog keeps it as its main default:
        # a button under a field (auto-default, so Enter on it presses it) never takes over.
        save.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.free_text.changed.connect(lambda: self._sync_hints(fit=True))

    def add_field(self, label: str, field: str, widget: QWidget) -> QWidget:
        """A labelled row; `field` names it so a refusal can put the cursor there."""
        if not isinstance(widget, QPlainTextEdit):
            widget.setMinimumHeight(32)
        self.form.addRow(label, widget)
        if self._tab_tail is not None:
            # Tab walks the form top to bottom, whatever order the widgets were made in.
            QWidget.setTabOrder(self._tab_tail, widget)
        self._tab_tail = widget
        self._fields[field] = widget
        self.errors.add_field(field, widget)
        return widget

    def project_context(self, meeting_id: uuid.UUID) -> Context:
        """The meeting's project's villages and registered people, for the name checks."""
        return context_of(groups.carrier_choices(self._db, meeting_id))

    def add_free_text(
        self, label: str, field: str, widget: QLineEdit | QPlainTextEdit, context: Context
    ) -> QWidget:
        """A free-text field; a name of someone unregistered in it gets a quiet notice."""
        self.add_field(label, field, widget)
        self.free_text.watch(widget, context)
        return widget

    def add_carried_by(self, label: str, field: str, meeting_id: uuid.UUID,
                       edit: QLineEdit) -> CarriedBy:
        """A "carried by" field: groups and consented people offered, a name warned about."""
        today = self._db.clock.now().astimezone().date()
        carried = CarriedBy(self._db, meeting_id, edit, today, self.message, self)
        self.add_field(label, field, edit)
        note = carried.note
        # Under the field, across both columns: the buttons need the width on a small screen.
        self.form.addRow(note)
        self.form.setRowVisible(note, False)
        note.shown_changed.connect(lambda on: self._note_shown(note, on))
        QWidget.setTabOrder(edit, note.use_group_button)
        QWidget.setTabOrder(note.use_group_button, note.add_person_button)
        self._tab_tail = note.add_person_button
        carried.submit_requested.connect(self.accept)
        carried.person_added.connect(lambda: self._person_added(carried))
        self.carriers.append(carried)
        return carried

    def linked_person(self, combo: QComboBox | None) -> uuid.UUID | None:
        """The person to link: the one chosen in "Person (valgfri)", else the one the field names."""
        chosen = combo.currentData() if combo is not None else None
        if chosen is not None:
            return chosen
        return self.carriers[0].person_id() if self.carriers else None

    def person_link(
        self, combo: QComboBox | None, before: uuid.UUID | None
    ) -> capture.PersonLink | None:
        """The person to store with the entry, or None when the choice did not change."""
        person = self.linked_person(combo)
        return None if person == before else capture.PersonLink(person)

    def _person_added(self, carried: CarriedBy) -> None:
        # The new person is registered now: the notice stops naming them.
        self.free_text.set_context(context_of(carried.choices))

    def _note_shown(self, note: QWidget, on: bool) -> None:
        self.form.setRowVisible(note, on)
        self._sync_hints(fit=True)

    def _sync_hints(self, fit: bool = False) -> None:
        """The lines under the form: the hints, or the name notice; none while a warning shows.

        A warning takes their room: with it the quick entry still fits a 1024×600 screen,
        and "Enter gemmer" is not true while it shows.
        """
        warning = any(c.note.warning for c in self.carriers)
        names = self.free_text.names
        if names:
            self.name_notice.setText("ℹ " + notice_text(names))
        self.hint.setVisible(not warning and not names)
        self.name_notice.setVisible(not warning and bool(names))
        self.speaker_hint.setVisible(not warning and self.marks_speakers())
        if fit and self.isVisible():
            # Once the layout has taken in what was shown or hidden.
            QTimer.singleShot(0, self._fit_height)

    def _fit_height(self) -> None:
        """As tall as the form needs now at this width, and still whole on the screen."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = self.heightForWidth(self.width())
        if needed < 0:
            needed = self.sizeHint().height()
        self.resize(self.width(), max(needed, self.minimumSizeHint().height()))
        screen = self.screen().availableGeometry()
        frame = self.frameGeometry()
        if frame.bottom() > screen.bottom():
            self.move(frame.left(), max(screen.top(), frame.top() - (frame.bottom() - screen.bottom())))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Say which speaker keys work here; the frame remembers what the fields held."""
        self._sync_hints()
        super().showEvent(event)

    def marks_speakers(self) -> bool:
        """Ctrl+1 (and its siblings) mark the speaker while this dialog is open."""
        marker = QKeySequence("Ctrl+1")
        return any(s.key() == marker for s in self.findChildren(QShortcut))

    def accept(self) -> None:
        """Save through the service; on refusal stay open with the text as typed."""
        # A name where a group belongs is not saved as it stands: the first Enter warns and
        # puts the cursor on the safe ways on; only a deliberate choice lets the text through.
        # The warning comes alone (refused fields are shown at the next Enter): it is a choice
        # to make, not a mistake, and with both the form would not fit a 1024×600 screen.
        if not all(c.confirm() for c in self.carriers):
            self.errors.clear()
            return
        # Every refused field at once, in the form's order; the cursor goes to the first.
        problems = self.problems()
        if problems:
            self.errors.show_problems(problems)
            return
        result = run_action(self.store, self.message, self.publish,
                            success=lambda row: setattr(self, "saved_row", row),
                            problems=self.errors)
        if result is not None:
            super().accept()

    def store(self) -> Any:
        """Build the input and call the add/update service; raise ValidationError to refuse."""
        raise NotImplementedError

    def problems(self) -> list[validation.Problem]:
        """Every field saving would refuse now (checked without saving), in the form's order."""
        return []
