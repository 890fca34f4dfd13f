"""All of a form's refused fields at once, in the form's order, each cleared as soon as it is fixed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from facilitator.domain.validation import Problem
from ui.common.feedback import InlineMessage

MARK = "⚠ "
# Which signal says a field's value changed, by the widget's kind.
_CHANGE_SIGNALS = ("textChanged", "currentIndexChanged", "valueChanged", "toggled")


class FormErrors(QObject):
    """Shows problems as a list in the form's message line and marks each field's label.

    The label gets a ⚠ and bold dark red text, so the mark never relies on
    colour alone; the field's accessible description says why. When a marked
    field changes, `recheck` (the form's own check) runs: a field now valid
    loses its message and mark; other fields keep theirs until they change.
    """

    def __init__(
        self, message: InlineMessage, recheck: Callable[[], Sequence[Problem]] | None = None
    ) -> None:
        super().__init__(message)
        self._message = message
        self._recheck = recheck
        self._fields: dict[str, QWidget] = {}
        self._shown: dict[str, str] = {}
        self._marked: dict[str, tuple[QLabel, str]] = {}
        # True while this object writes the message line itself.
        self._rendering = False
        message.message_changed.connect(self._message_replaced)

    def add_field(
        self, field: str, widget: QWidget, changed: SignalInstance | None = None
    ) -> None:
        """A field of the form, in the order the form shows them.

        `changed` is the signal that says the field's value changed; without it
        the widget's own (textChanged, currentIndexChanged, ...) is used. A
        plain push button has none: its form must say when its value changes.
        """
        self._fields[field] = widget
        if changed is None:
            changed = _change_signal(widget)
        if changed is None:
            raise TypeError(f"{field}: no signal says when this field changes; pass `changed`")
        changed.connect(lambda *_args, f=field: self._changed(f))

    def set_recheck(self, recheck: Callable[[], Sequence[Problem]]) -> None:
        """The form's check, run again when a marked field changes."""
        self._recheck = recheck

    def messages(self) -> list[str]:
        """The messages shown, in the form's order."""
        return list(self._shown.values())

    def fields_shown(self) -> list[str]:
        """The fields with a message, in the form's order."""
        return list(self._shown)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Show every problem (in field order) and put the cursor in the first refused field."""
        order = list(self._fields)

        def position(problem: Problem) -> int:
            # A problem of no known field (e.g. from the database) goes last.
            return order.index(problem.field) if problem.field in order else len(order)

        self._shown = {}
        for problem in sorted(problems, key=position):
            self._shown.setdefault(problem.field, problem.message)
        self._render()
        first = next((self._fields[f] for f in self._shown if f in self._fields), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """No problems."""
        self._shown = {}
        self._render()

    def _changed(self, field: str) -> None:
        if field not in self._shown or self._recheck is None:
            return
        now = {p.field: p.message for p in self._recheck()}
        if field in now:
            self._shown[field] = now[field]
        else:
            del self._shown[field]
        self._render()

    def _message_replaced(self) -> None:
        # Another action cleared or overwrote the message line: marks with no
        # message to explain them would mislead, so they go too.
        if self._rendering or not self._shown:
            return
        self._shown = {}
        for field in list(self._marked):
            self._unmark(field)

    def _render(self) -> None:
        self._rendering = True
        try:
            if self._shown:
                self._message.show_errors(list(self._shown.values()))
            else:
                self._message.clear_message()
        finally:
            self._rendering = False
        for field in list(self._marked):
            if field not in self._shown:
                self._unmark(field)
        for field, text in self._shown.items():
            widget = self._fields.get(field)
            if widget is not None:
                self._mark(field, widget, text)

    def _mark(self, field: str, widget: QWidget, text: str) -> None:
        widget.setAccessibleDescription(text)
        if field in self._marked:
            return
        label = _label_of(widget)
        if label is not None:
            self._marked[field] = (label, label.text())
            label.setText(MARK + label.text())
            label.setStyleSheet("color: #8a1c1c; font-weight: bold;")

    def _unmark(self, field: str) -> None:
        label, text = self._marked.pop(field)
        widget = self._fields.get(field)
        if widget is not None:
            widget.setAccessibleDescription("")
        if shiboken6.isValid(label):
            label.setText(text)
            label.setStyleSheet("")


def _change_signal(widget: QWidget) -> SignalInstance | None:
    """The widget's own "value changed" signal, if it has one that fires."""
    if isinstance(widget, QAbstractButton) and not widget.isCheckable():
        return None  # a plain button has `toggled`, but never emits it
    for name in _CHANGE_SIGNALS:
        signal = getattr(widget, name, None)
        if signal is not None:
            return signal
    return None


def _label_of(widget: QWidget) -> QLabel | None:
    """The label whose buddy `widget` is (its access key moves there)."""
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget:
            return label
    return None
