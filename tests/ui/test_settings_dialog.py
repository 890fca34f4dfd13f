"""Indstillinger: municipality, official, department and logo, saved and refused as a person sees it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from facilitator.services import settings
from ui.settings.settings_dialog import SettingsDialog

from .modal import DISCARD_QUESTION, answer_next_box, escape_answering

CTRL = Qt.KeyboardModifier.ControlModifier
UNUSUAL = ["Syddjurs Kommune 🌳", "بلدية سيدجورس", "Rene\u0301 Sørensen", "Łukasz Nguyễn"]


def image_file(folder: Path, name: str, fmt: str, width: int = 300, height: int = 120) -> Path:
    """A small real picture file (a green rectangle)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6f43"))
    path = folder / name
    assert image.save(str(path), fmt)
    return path


@pytest.fixture
def dialog(qtbot, db):
    """The settings dialog, shown."""
    widget = SettingsDialog(db)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def save_button(dialog: SettingsDialog):
    """The dialog's Gem button."""
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def choose_file(monkeypatch, path: Path | None) -> None:
    """The file dialog answers with `path` (None: cancelled)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path) if path else "", ""))


def test_settings_round_trip_with_a_logo(qtbot, db, dialog, monkeypatch, tmp_path) -> None:
    assert dialog.windowTitle() == "Indstillinger"
    assert dialog.focusWidget() is dialog.municipality_edit
    assert dialog.logo_preview.text() == "Intet logo"
    assert not dialog.remove_logo_button.isEnabled()
    qtbot.keyClicks(dialog.municipality_edit, "Syddjurs Kommune")
    qtbot.keyClick(dialog.municipality_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "Mette Holm")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "Plan og Udvikling")
    logo = image_file(tmp_path, "logo.png", "PNG")
    choose_file(monkeypatch, logo)
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert not dialog.logo_preview.pixmap().isNull()
    assert dialog.logo_preview.pixmap().width() <= dialog.logo_preview.width()
    assert dialog.remove_logo_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    stored = settings.get_settings(db)
    assert stored == settings.Settings(
        "Syddjurs Kommune", "Mette Holm", "Plan og Udvikling", logo.read_bytes()
    )
    again = SettingsDialog(db)
    qtbot.addWidget(again)
    assert again.municipality_edit.text() == "Syddjurs Kommune"
    assert again.name_edit.text() == "Mette Holm"
    assert again.department_edit.text() == "Plan og Udvikling"
    assert not again.logo_preview.pixmap().isNull()


def test_a_jpeg_logo_is_accepted_and_can_be_removed(qtbot, db, dialog, monkeypatch, tmp_path):
    choose_file(monkeypatch, image_file(tmp_path, "logo.jpg", "JPEG"))
    dialog.choose_logo()
    dialog.accept()
    assert settings.get_settings(db).logo_png[:3] == b"\xff\xd8\xff"
    again = SettingsDialog(db)
    qtbot.addWidget(again)
    qtbot.mouseClick(again.remove_logo_button, Qt.MouseButton.LeftButton)
    assert again.logo_preview.text() == "Intet logo"
    again.accept()
    assert settings.get_settings(db).logo_png is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"just some text, not a picture", "Logoet skal være et PNG- eller JPEG-billede."),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024), "Logoet er for stort (2,0 MB)"),
        (b"\x89PNG\r\n\x1a\n" + b"broken", "Logoet kan ikke læses"),
    ],
)
def test_a_refused_logo_says_why_and_keeps_the_old_one(
    qtbot, db, dialog, monkeypatch, tmp_path, content, expected
) -> None:
    good = image_file(tmp_path, "good.png", "PNG")
    choose_file(monkeypatch, good)
    dialog.choose_logo()
    dialog.accept()
    again = SettingsDialog(db)
    qtbot.addWidget(again)
    again.show()
    bad = tmp_path / "logo.png"
    bad.write_bytes(content)
    choose_file(monkeypatch, bad)
    qtbot.mouseClick(again.choose_logo_button, Qt.MouseButton.LeftButton)
    assert again.message.isVisible() and expected in again.message.text()
    assert again.logo == good.read_bytes()  # the chosen logo stays
    again.accept()
    assert settings.get_settings(db).logo_png == good.read_bytes()


def test_an_unreadable_logo_file_is_refused_in_danish(qtbot, dialog, tmp_path) -> None:
    assert not dialog.use_logo_file(tmp_path / "findes-ikke.png")
    assert dialog.message.text().startswith("⚠ Filen findes-ikke.png kan ikke læses")
    assert dialog.logo is None


def test_cancelling_the_file_dialog_changes_nothing(qtbot, dialog, monkeypatch) -> None:
    choose_file(monkeypatch, None)
    dialog.choose_logo()
    assert dialog.logo is None and not dialog.message.isVisible()


def test_too_long_name_is_refused_and_nothing_is_stored(qtbot, db, dialog) -> None:
    dialog.municipality_edit.setText("Syddjurs")
    dialog.name_edit.setText("x" * 10_001)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.message.isVisible() and "Embedspersonens navn" in dialog.message.text()
    assert settings.get_settings(db) == settings.Settings()


@pytest.mark.parametrize("text", UNUSUAL + ["", "y" * 10_000])
def test_unusual_text_is_stored_and_shown_exactly(qtbot, db, dialog, text) -> None:
    for field in (dialog.municipality_edit, dialog.name_edit, dialog.department_edit):
        QApplication.clipboard().setText(text)
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
        if text:
            qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
        else:
            qtbot.keyClick(field, Qt.Key.Key_Delete)
    dialog.accept()
    assert settings.get_settings(db) == settings.Settings(text, text, text, None)
    again = SettingsDialog(db)
    qtbot.addWidget(again)
    assert again.department_edit.text() == text


def test_escape_asks_before_throwing_typed_text_away(qtbot, db, dialog) -> None:
    qtbot.keyClicks(dialog.municipality_edit, "Syddjurs Kommune")
    assert escape_answering(qtbot, dialog.municipality_edit, "Skriv videre") == [DISCARD_QUESTION]
    assert dialog.isVisible() and dialog.municipality_edit.text() == "Syddjurs Kommune"
    assert escape_answering(qtbot, dialog.municipality_edit, "Kassér") == [DISCARD_QUESTION]
    assert not dialog.isVisible()
    assert settings.get_settings(db) == settings.Settings()


def test_closing_asks_about_a_chosen_logo_and_unchanged_settings_close_at_once(
    qtbot, db, dialog, monkeypatch, tmp_path
) -> None:
    choose_file(monkeypatch, image_file(tmp_path, "logo.png", "PNG"))
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    seen: list[str] = []
    answerer = answer_next_box("Skriv videre", seen)
    assert not dialog.close()  # the window's close button: refused, the logo is kept
    answerer.stop()
    assert seen == [DISCARD_QUESTION] and dialog.logo is not None
    qtbot.mouseClick(dialog.remove_logo_button, Qt.MouseButton.LeftButton)
    # Back to what it opened with: nothing to lose, so Esc closes without a question.
    assert escape_answering(qtbot, dialog.municipality_edit, "Kassér") == []
    assert not dialog.isVisible()
    assert settings.get_settings(db) == settings.Settings()
