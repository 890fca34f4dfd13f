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
        self._context = Context()
        self.names: list[str] = []

    def watch(self, field: QLineEdit | QPlainTextEdit, context: Context) -> None:
        """Look at this field too, with the project's villages and people."""
        self._fields.append(field)
        self._context = context
        field.textChanged.connect(self.refresh)
        self.refresh()

    def set_context(self, context: Context) -> None:
        """The project's people changed (a person was just added)."""
        self._context = context
        self.refresh()

    def refresh(self) -> None:
        """Find the names in every watched field, in the form's order."""
        found: list[str] = []
        for field in self._fields:
            text = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            found += [n for n in names_in_text(text, self._context) if n not in found]
        if found != self.names:
            self.names = found
            self.changed.emit()
