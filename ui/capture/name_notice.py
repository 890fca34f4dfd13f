"""A quiet notice when a free-text field holds a name like "Anna Holm" of someone not registered.

Lighter than the "carried by" warning: no buttons and no extra key press.
Free text is where the citizens' own words go, and a name there is often
fine (a consented person, a councillor); the notice only makes sure the
official sees that the name will be printed. It takes the place of the
form's "Enter gemmer" line instead of opening a line of its own, so the
form does not jump while the official types, and still fits a small screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from facilitator.domain.name_guess import Context, names_in_text
from facilitator.i18n import _

# More than this many names in one form is a list of people; three are enough to see it.
_SHOWN = 3


def notice_text(names: list[str]) -> str:
    """What the notice says about these names (one or more)."""
    if len(names) == 1:
        return _("«{name}» ligner et navn og kommer med i orienteringen.").format(name=names[0])
    quoted = [f"«{n}»" for n in names[:_SHOWN]] + (["…"] if len(names) > _SHOWN else [])
    return _("{names} ligner navne og kommer med i orienteringen.").format(names=", ".join(quoted))


def notice_why() -> str:
    """The longer explanation, for the tooltip."""
    return _("Skriv kun en persons navn, hvis personen har sagt ja til at blive nævnt i "
             "orienteringen. Ellers skriv gruppen.")


class FreeTextNames(QObject):
    """Watches the free-text fields of a form for names of people not registered in the project."""

    changed = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._fields: list[QLineEdit | QPlainTextEdit] = []
        # Names per field, so typing in one field does not read a long text in another again.
        self._found: list[list[str]] = []
        self._context = Context()
        self.names: list[str] = []

    def watch(self, field: QLineEdit | QPlainTextEdit, context: Context) -> None:
        """Look at this field too, with the project's villages and people."""
        self._fields.append(field)
        self._found.append([])
        self._context = context
        index = len(self._fields) - 1
        field.textChanged.connect(lambda *_args: self._read(index))
        self._read(index)

    def set_context(self, context: Context) -> None:
        """The project's people changed (a person was just added): read every field again."""
        self._context = context
        for index in range(len(self._fields)):
            self._read(index)

    def _read(self, index: int) -> None:
        field = self._fields[index]
        text = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
        self._found[index] = names_in_text(text, self._context)
        found: list[str] = []
        for names in self._found:
            found += [n for n in names if n not in found]
        if found != self.names:
            self.names = found
            self.changed.emit()
