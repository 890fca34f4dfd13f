"""The project page's «Statusorientering og eksport»: Ctrl+E, the period, the language, the file."""

from __future__ import annotations

import openpyxl
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.facilitator.desk_factory import fill_desk
from tests.ui.window_keys import key, shown_window

CTRL = Qt.KeyboardModifier.ControlModifier


def opened_dialog(qtbot, db, clock, meeting_factory, out, answer: str):
    out.mkdir()
    filled = fill_desk(db, clock, meeting_factory)
    window = shown_window(qtbot, db, clock)
    window.show_project(filled["project_id"])
    key(qtbot, window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: window.project_page.hand_out is not None
                    and window.project_page.hand_out.isVisible())
    dialog = window.project_page.hand_out
    asked: list[str] = []

    def choose(_parent, title, suggested, _filter):
        asked.append(f"{title}: {suggested.name}")
        return str(out / answer) if answer else ""

    opened: list = []
    dialog.choose_path = choose
    dialog.open_file = opened.append
    return dialog, asked, opened


def text_of(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_enter_in_the_period_field_saves_the_status_brief_in_english(
    qtbot, db, clock, meeting_factory, tmp_path
):
    dialog, asked, opened = opened_dialog(qtbot, db, clock, meeting_factory, tmp_path / "out", "status")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.since.setFocus()
    QTest.keyClicks(dialog.since, "01-01-2026")
    QTest.keyClick(dialog.since, Qt.Key.Key_Return)
    written = tmp_path / "out" / "status.pdf"
    assert asked and asked[0].startswith("Gem statusorientering")
    assert written.exists() and opened == [written]
    assert "Project status" in text_of(written)
    assert (written.stat().st_mode & 0o777) == 0o600
    assert "Statusorienteringen er gemt" in dialog.message.text()


def test_an_impossible_day_is_refused_in_danish_and_nothing_is_asked(
    qtbot, db, clock, meeting_factory, tmp_path
):
    dialog, asked, opened = opened_dialog(qtbot, db, clock, meeting_factory, tmp_path / "out", "status.pdf")
    QTest.keyClicks(dialog.since, "30-02-2026")
    QTest.keyClick(dialog.since, Qt.Key.Key_Return)
    assert "ikke en gyldig dato" in dialog.message.text()
    assert asked == [] and opened == [] and list((tmp_path / "out").iterdir()) == []


def test_the_export_button_writes_a_typed_workbook_and_cancel_writes_nothing(
    qtbot, db, clock, meeting_factory, tmp_path
):
    dialog, asked, _opened = opened_dialog(qtbot, db, clock, meeting_factory, tmp_path / "out", "projekt")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    workbook = openpyxl.load_workbook(tmp_path / "out" / "projekt.xlsx")
    assert len(workbook.sheetnames) >= 3
    assert "Eksporten er gemt: projekt.xlsx" in dialog.message.text()
    dialog.choose_path = lambda *_args: ""
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["projekt.xlsx"]
