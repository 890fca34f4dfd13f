"""Table models for the captured ideas, resource asks and next steps."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from facilitator.domain.formats import amount_dkk, entry_date
from facilitator.i18n import _
from facilitator.services.rows import AskRow, IdeaRow, StepRow
from ui.common.row_model import NUMBER, Column, RowTableModel

R = TypeVar("R")

# Extra roles for the two-line lists of the live screen: a second line under the title,
# a short marker at the right of the title (a check flag, an amount, who owns a step),
# and whether that marker asks for attention (shown as a tinted tag besides its ⚑ text).
# (Numbered after ROW_ROLE, which the base uses for the row itself.)
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 11
MARKER_ROLE = Qt.ItemDataRole.UserRole + 12
MARKER_ALERT_ROLE = Qt.ItemDataRole.UserRole + 13
# A quiet note at the right of the second line: an idea's theme.
NOTE_ROLE = Qt.ItemDataRole.UserRole + 14

# Long texts (a pasted 10,000-character detail) must not make a tooltip fill the screen.
TOOLTIP_LIMIT = 400
CHECK_BACKGROUND = QColor("#fff4d6")


def check_marker(row: IdeaRow) -> str:
    """The visible flag on an idea that needs a check (text, not colour alone)."""
    if row.needs_check is None:
        return ""
    return _("⚑ Tjek: {kind}").format(kind=row.needs_check.label)


def theme_note(theme: str) -> str:
    """An idea's theme as the lists show it beside the idea ("" when it has none)."""
    return _("Tema: {theme}").format(theme=theme) if theme else ""


def _clip(text: str) -> str:
    return text if len(text) <= TOOLTIP_LIMIT else text[:TOOLTIP_LIMIT] + "…"


def _joined(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


class CaptureTableModel(RowTableModel[R]):
    """Captured entries: the table's columns, and the two-line list's subtitle and marker."""

    def extra_data(self, row: R, column: int, role: int) -> Any:
        """The live list's cues; other roles from `more_data`."""
        if role == SUBTITLE_ROLE:
            return self.subtitle(row)
        if role == MARKER_ROLE:
            return self.marker(row)
        if role == MARKER_ALERT_ROLE:
            return self.marker_alert(row)
        if role == NOTE_ROLE:
            return self.note(row)
        return self.more_data(row, column, role)

    def subtitle(self, row: R) -> str:
        """The second line under the title."""
        return ""

    def marker(self, row: R) -> str:
        """A short tag at the right of the title."""
        return ""

    def marker_alert(self, row: R) -> bool:
        """Whether the tag calls for attention."""
        return False

    def note(self, row: R) -> str:
        """A quiet note at the right of the second line."""
        return ""

    def more_data(self, row: R, column: int, role: int) -> Any:
        """Other roles (background, font) for a subclass to add."""
        return None


class IdeaTableModel(CaptureTableModel[IdeaRow]):
    """Ideas: title, who proposed it, place, theme, and the check flag."""

    CHECK_COLUMN = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(_("Idé"), lambda r: r.title),
                Column(_("Foreslået af"), lambda r: r.proposed_by),
                Column(_("Sted"), lambda r: r.place_name),
                Column(_("Tema"), lambda r: r.theme),
                Column(_("Tjek"), check_marker),
            ],
            parent,
        )

    def tooltip(self, row: IdeaRow, column: int) -> str | None:
        """Title, detail and the note on the check."""
        parts = [_clip(row.title)]
        if row.detail:
            parts.append(_clip(row.detail))
        if row.needs_check is not None:
            note = f" — {_clip(row.check_note)}" if row.check_note else ""
            parts.append(check_marker(row) + note)
        return "\n\n".join(parts)

    def subtitle(self, row: IdeaRow) -> str:
        """Who proposed it and where."""
        return _joined(row.proposed_by, row.place_name)

    def note(self, row: IdeaRow) -> str:
        """The theme, if it has one."""
        return theme_note(row.theme)

    def marker(self, row: IdeaRow) -> str:
        """The check flag, if any."""
        return check_marker(row)

    def marker_alert(self, row: IdeaRow) -> bool:
        """A flagged idea calls for attention."""
        return row.needs_check is not None

    def more_data(self, row: IdeaRow, column: int, role: int) -> Any:
        """A warm tint behind a flagged idea's marker, on top of its ⚑ text."""
        if column == self.CHECK_COLUMN and row.needs_check is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(CHECK_BACKGROUND)
        return None


class AskTableModel(CaptureTableModel[AskRow]):
    """Resource asks: what, kind, amount, linked idea, who asked, answer wanted by."""

    AMOUNT_COLUMN = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(_("Ønske"), lambda r: r.what),
                Column(_("Type"), lambda r: r.kind.label),
                Column(_("Beløb"), lambda r: amount_dkk(r.amount_dkk), NUMBER),
                Column(_("Til idé"), lambda r: r.idea_title),
                Column(_("Ønsket af"), lambda r: r.asked_by),
                Column(_("Svar senest"), lambda r: entry_date(r.answer_needed_by)),
            ],
            parent,
        )

    def tooltip(self, row: AskRow, column: int) -> str | None:
        """The ask in full."""
        parts = [_clip(row.what)]
        if row.idea_title:
            parts.append(_("Til idéen: {title}").format(title=_clip(row.idea_title)))
        if row.asked_by:
            parts.append(_("Ønsket af: {who}").format(who=_clip(row.asked_by)))
        if row.department:
            parts.append(_("Afdeling: {department}").format(department=_clip(row.department)))
        if row.needs_decision:
            parts.append(_("Kræver politisk beslutning"))
        return "\n".join(parts)

    def subtitle(self, row: AskRow) -> str:
        """Kind, department, political decision, deadline, linked idea and who asked."""
        return _joined(
            row.kind.label,
            row.department,
            _("politisk beslutning") if row.needs_decision else "",
            _("svar senest {day}").format(day=entry_date(row.answer_needed_by))
            if row.answer_needed_by
            else "",
            _("til: {title}").format(title=row.idea_title) if row.idea_title else "",
            row.asked_by,
        )

    def marker(self, row: AskRow) -> str:
        """The amount, if any."""
        return amount_dkk(row.amount_dkk)


class StepTableModel(CaptureTableModel[StepRow]):
    """Next steps: what, who owns it, and by when."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(_("Hvad"), lambda r: r.what),
                Column(_("Hvem"), lambda r: r.owner_side.label),
                Column(_("Ansvarlig"), lambda r: r.owner_label),
                Column(_("Frist"), lambda r: entry_date(r.due_on)),
            ],
            parent,
        )

    def subtitle(self, row: StepRow) -> str:
        """The owner and the due date."""
        due = _("frist {day}").format(day=entry_date(row.due_on)) if row.due_on else ""
        return _joined(row.owner_label, due)

    def marker(self, row: StepRow) -> str:
        """Who has the ball: the citizens or the municipality."""
        return row.owner_side.label

    def tooltip(self, row: StepRow, column: int) -> str | None:
        """The step in full with its owner."""
        owner = row.owner_side.label + (f" — {_clip(row.owner_label)}" if row.owner_label else "")
        return f"{_clip(row.what)}\n{owner}"
