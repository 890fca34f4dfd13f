"""Forms that never throw typed text away without asking: Esc or closing asks first."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from facilitator.i18n import _


def form_values(form: QWidget) -> list[object]:
    """What the form's own fields hold now, in a fixed order.

    Text is compared without surrounding spaces: a field holding only spaces
    has nothing in it worth keeping. Popups and message boxes opened from the
    form are windows of their own and are left out.
    """
    values: list[object] = []
    for widget in form.findChildren(QWidget):
        if widget.window() is not form:
            continue
        if isinstance(widget, QLineEdit):
            values.append(widget.text().strip())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            values.append(widget.toPlainText().strip())
        elif isinstance(widget, QComboBox):
            values.append(widget.currentIndex())
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            values.append(widget.isChecked())
        elif isinstance(widget, QListWidget):
            items = (widget.item(i) for i in range(widget.count()))
            values.append([(item.text(), item.checkState()) for item in items])
    return values


# False while nobody is there to answer (the session is ending): forms close unasked.
_asking = True


@contextmanager
def closing_unasked() -> Iterator[None]:
    """Within this block a form closing throws its unsaved input away without asking.

    For the end of a session (logout, shutdown) and for the UI tests' teardown,
    where no person is there to answer; no widget is looked up or touched.
    """
    global _asking
    before, _asking = _asking, False
    try:
        yield
    finally:
        _asking = before


def confirm_discard(parent: QWidget) -> bool:
    """Ask whether to throw the unsaved input away; the default is to keep editing."""
    if not _asking:
        return True
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _("Kassér det indtastede?"),
        _("Det, du har skrevet, er ikke gemt. Vil du kassere det?"),
        parent=parent,
    )
    discard = box.addButton(_("Kassér"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("Skriv videre"), QMessageBox.ButtonRole.RejectRole)
    # Enter or Esc on the question, pressed out of habit, keeps what was typed.
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    chosen = box.clickedButton() is discard
    box.deleteLater()
    return chosen


class FormDialog(QDialog):
    """A dialog with a form: Esc or the close button asks before throwing changes away.

    What the fields held when the dialog was first shown is remembered; on
    reject, a form that still holds exactly that closes at once, a changed one
    asks (default: keep editing). State that lives outside the widgets (a
    chosen logo) comes in through `extra_values`.
    """

    _opened_with: list[object] | None = None

    def extra_values(self) -> list[object]:
        """Values of the form that no field widget holds; compared like the fields."""
        return []

    def current_values(self) -> list[object]:
        """Everything the form holds now."""
        return form_values(self) + self.extra_values()

    def has_unsaved_text(self) -> bool:
        """The official changed something that is not saved yet."""
        return self._opened_with is not None and self.current_values() != self._opened_with

    def forget_changes(self) -> None:
        """Take the form as it is now as unchanged: the next Esc closes without asking."""
        self._opened_with = self.current_values()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Remember what the form held when it opened."""
        if self._opened_with is None:
            self._opened_with = self.current_values()
        super().showEvent(event)

    def reject(self) -> None:
        """Esc, Annullér or the close button: never throw changes away without asking."""
        if self.has_unsaved_text() and not confirm_discard(self):
            return
        super().reject()

