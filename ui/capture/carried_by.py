"""The "carried by" fields (Foreslået af, Ønsket af, Ansvarlig): a group, or a person who consented.

Typing filters a popup of the project's citizen groups and the people who
said yes to being named; arrows and Enter choose; a new group name can be
kept for the next meeting. A text that looks like a person's name is not
saved as it stands: a line under the field says so and offers the two safe
ways on, "Brug en gruppe" and "Tilføj personen med samtykke". The text stays
in the field until the official picks one of them.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from facilitator.domain.name_guess import Carrier, Context, fold, judge_carrier
from facilitator.i18n import _
from facilitator.services import groups
from facilitator.services.groups import CarrierChoices
from facilitator.services.people_rows import PersonRow
from facilitator.storage.database import Database
from ui.capture.carried_note import CarriedByNote
from ui.common.feedback import InlineMessage, attempt

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "group", "person" or "new"
ID_ROLE = Qt.ItemDataRole.UserRole + 2
TEXT_ROLE = Qt.ItemDataRole.UserRole + 3  # what is matched and put in the field
# Longer texts are not offered as a new group's name.
_GROUP_NAME_OFFERED = 80

def context_of(choices: CarrierChoices) -> Context:
    """The villages and registered people's names, as the name rules take them."""
    people = [p.name for p in choices.named_people] + list(choices.unnamed_people)
    return Context(choices.places, tuple(people))


class _PopupKeys(QObject):
    """Enter in the popup with no row chosen saves the form, as Enter does everywhere else."""

    def __init__(self, carried: CarriedBy) -> None:
        super().__init__(carried)
        self._carried = carried

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Catch Enter before the completer only closes the popup with it."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            popup = self._carried.popup
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not popup.currentIndex().isValid():
                popup.hide()
                # After the completer's own handling of this key press has finished.
                QTimer.singleShot(0, self._carried.submit_requested.emit)
                return True
        return False


class _FieldKeys(QObject):
    """Down in the field opens the list of groups and people, as in a drop-down list."""

    def __init__(self, carried: CarriedBy) -> None:
        super().__init__(carried)
        self._carried = carried

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Open the popup on Down when it is closed."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not self._carried.popup.isVisible()
            and self._carried.active
        ):
            self._carried.open_list()
            return True
        return False


class CarriedBy(QObject):
    """One "carried by" field: its popup of groups and consented people, and its name check."""

    submit_requested = Signal()  # Enter pressed in the popup with no row chosen
    person_chosen = Signal(object)  # a consented person picked or added (PersonRow)
    person_added = Signal(object)  # a person registered from the field (PersonRow)

    def __init__(
        self,
        db: Database,
        meeting_id: uuid.UUID,
        edit: QLineEdit,
        today: date,
        message: InlineMessage,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._message = message
        self._meeting_id = meeting_id
        self._today = today
        self.edit = edit
        self.active = True
        self.choices: CarrierChoices = groups.carrier_choices(db, meeting_id)
        # The person form open now, if any (tests look at it).
        self.person_form: QWidget | None = None
        # A child of the dialog from the start: shown before it is placed, it would be a window.
        self.note = CarriedByNote(parent)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, edit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionRole(TEXT_ROLE)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setMaxVisibleItems(8)
        edit.setCompleter(self.completer)
        popup = self.completer.popup()
        assert popup is not None  # a completer always makes its popup
        self.popup = popup
        popup.installEventFilter(_PopupKeys(self))
        edit.installEventFilter(_FieldKeys(self))
        self._fill(edit.text())
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.edit.textEdited.connect(self._fill)
        self.edit.textChanged.connect(self._recheck)
        self.edit.editingFinished.connect(self._left)
        # The overload with the row, not the text (the stubs do not know signal overloads).
        cast(Any, self.completer.activated)[QModelIndex].connect(self._chosen)
        self.note.use_group_button.clicked.connect(self.use_group)
        self.note.add_person_button.clicked.connect(self.add_person)

    # ----- what the popup offers -------------------------------------------

    def _item(self, shown: str, text: str, kind: str, ident: uuid.UUID | None) -> QStandardItem:
        item = QStandardItem(shown)
        item.setData(text, TEXT_ROLE)
        item.setData(kind, KIND_ROLE)
        item.setData(ident, ID_ROLE)
        item.setEditable(False)
        return item

    def _fill(self, typed: str = "") -> None:
        """Groups, then consented people, then (for a new, harmless text) "keep as a new group"."""
        self.model.clear()
        for group in self.choices.groups:
            self.model.appendRow(self._item(group.name, group.name, "group", group.id))
        for person in self.choices.named_people:
            shown = _("{name} – må nævnes ved navn").format(name=person.name)
            self.model.appendRow(self._item(shown, person.name, "person", person.id))
        text = " ".join(typed.split())
        # Offered only when nothing listed fits what is typed: while the official is still
        # typing their way to "Shelter-gruppen", "keep «Shel» as a group" is only noise.
        listed = (self.model.item(r).data(TEXT_ROLE) for r in range(self.model.rowCount()))
        fits = any(fold(text) in fold(name) for name in listed)
        short = len(text) <= _GROUP_NAME_OFFERED  # a pasted paragraph is no group's name
        if text and short and not fits and self.verdict(text) is Carrier.PLAIN:
            shown = _("+ Gem «{name}» som ny gruppe").format(name=text)
            self.model.appendRow(self._item(shown, text, "new", None))

    def verdict(self, text: str | None = None) -> Carrier:
        """What the field's text (or `text`) is, for the project."""
        c = self.choices
        return judge_carrier(
            self.edit.text() if text is None else text,
            [g.name for g in c.groups], [p.name for p in c.named_people],
            c.unnamed_people, c.places,
        )

    def open_list(self) -> None:
        """Show the popup for what is typed (everything when the field is empty)."""
        self._fill(self.edit.text())
        self.completer.setCompletionPrefix(self.edit.text())
        self.completer.complete()

    def person_id(self) -> uuid.UUID | None:
        """The consented person the field names, if it names exactly one."""
        key = fold(" ".join(self.edit.text().split()))
        found = [p.id for p in self.choices.named_people if fold(" ".join(p.name.split())) == key]
        return found[0] if len(found) == 1 else None

    def set_active(self, active: bool) -> None:
        """Off where the field is not about citizens (a step the municipality carries)."""
        self.active = active
        # None switches completion off (Qt's own meaning; the stubs do not allow it).
        self.edit.setCompleter(self.completer if active else None)  # type: ignore[arg-type]
        if not active:
            self.note.clear()
        else:
            self._left()

    # ----- choosing --------------------------------------------------------

    def _chosen(self, index: QModelIndex) -> None:
        kind, ident = index.data(KIND_ROLE), index.data(ID_ROLE)
        self.note.clear()  # a notice about the choice before this one is stale now
        if kind == "new":
            self._keep_as_group(index.data(TEXT_ROLE))
        elif kind == "person":
            for person in self.choices.named_people:
                if person.id == ident:
                    self.person_chosen.emit(person)
        # Not while the completer is still handing out this row.
        QTimer.singleShot(0, lambda: self._fill(self.edit.text()))

    def _keep_as_group(self, name: str) -> None:
        row = attempt(lambda: groups.add_group(self._db, self.choices.project_id, name),
                      self._message)
        if row is None:
            return
        self.choices = groups.carrier_choices(self._db, self._meeting_id)
        self.edit.setText(row.name)
        self.note.show_info(
            _("«{name}» er gemt som gruppe og foreslås også næste gang.").format(name=row.name))

    # ----- the name check --------------------------------------------------

    def confirm(self) -> bool:
        """True when the text may be saved; otherwise warn and put the cursor on the first way on."""
        if not self.active or self.verdict().safe:
            return True
        self._warn()
        self.note.use_group_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def _warn(self) -> None:
        text = " ".join(self.edit.text().split())
        if self.verdict() is Carrier.UNNAMED_PERSON:
            self.note.show_warning(
                _("{name} har ikke sagt ja til at blive nævnt ved navn.").format(name=text),
                _("Navnet kommer ikke med i orienteringen. Skriv hellere den gruppe, personen "
                  "er med i."),
                offer_person=False)
        else:
            self.note.show_warning(
                _("«{name}» ligner et navn – det kræver samtykke.").format(name=text),
                _("Et navn kommer kun med i orienteringen, hvis personen har sagt ja til det. "
                  "Brug en gruppe, eller tilføj personen med samtykke."),
                offer_person=True,
                short=_("«{name}» ligner et navn.").format(name=text))

    def show_state(self) -> None:
        """Warn at once about a name already in the field (an entry opened for editing)."""
        self._left()

    def _left(self) -> None:
        # Leaving the field (Tab, a click elsewhere) warns at once, without moving the cursor.
        if self.active and not self.verdict().safe:
            self._warn()

    def _recheck(self) -> None:
        if not self.note.warning:
            return
        if self.verdict().safe:
            self.note.clear()
        else:
            self._warn()

    def use_group(self) -> None:
        """Swap the name for a group: empty the field (Ctrl+Z brings it back) and list the groups."""
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit.selectAll()
        self.edit.del_()
        # Said in the empty field itself: a line under it would sit behind the list.
        self.edit.setPlaceholderText(
            _("Vælg med pil ned, eller skriv en ny gruppe") if self.choices.groups
            else _("Skriv gruppens navn, fx Shelter-gruppen"))
        self.open_list()

    def add_person(self) -> None:
        """Open the person form with the typed name; saved with consent, the name may stay."""
        from ui.people.person_form import PersonForm

        form = PersonForm(self._db, self.choices.project_id, self._today, self.edit.window())
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.name_edit.setText(" ".join(self.edit.text().split()))
        # The consent is the point of this form: the cursor waits on its box, unticked.
        form.named_check.setFocus()
        self.person_form = form
        form.accepted.connect(lambda: self._person_saved(form.saved_row))
        form.finished.connect(self._person_form_closed)
        form.open()

    def _person_form_closed(self) -> None:
        self.person_form = None
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _person_saved(self, person: PersonRow | None) -> None:
        if person is None:
            return
        self.choices = groups.carrier_choices(self._db, self._meeting_id)
        self._fill()
        self.person_added.emit(person)
        if person.can_be_named:
            self.edit.setText(person.name)
            self.note.show_info(
                _("{name} er tilføjet og må nævnes ved navn.").format(name=person.name))
            self.person_chosen.emit(person)
        else:
            self.edit.setText(person.name)
            self._warn()
