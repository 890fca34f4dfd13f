"""Type sized in pixels, for the screens whose text follows the window (live screen, room view)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from ui.planning.planning_widgets import ElidedLabel

# Below this a projector or a laptop across the room shows nothing readable.
SMALLEST_PX = 9


def pixel_font(px: float, bold: bool = False, italic: bool = False, base: QFont | None = None) -> QFont:
    """`base` (or the default font) at `px` pixels, never below SMALLEST_PX."""
    font = QFont(base) if base is not None else QFont()
    font.setPixelSize(max(SMALLEST_PX, round(px)))
    font.setBold(bold)
    font.setItalic(italic)
    return font


def set_px(widget: QWidget, px: float, bold: bool = False, italic: bool = False) -> None:
    """Give `widget` a font of `px` pixels (only when it changes)."""
    font = pixel_font(px, bold, italic, widget.font())
    if font == widget.font():
        return
    widget.setFont(font)
    if isinstance(widget, ElidedLabel):
        widget.setText(widget.full_text())  # re-shorten for the new font
