"""The brief window: made off the GUI thread, previewed, saved, printed and recorded as sent."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from facilitator.domain.enums import AskKind, CheckKind, OwnerSide
from facilitator.services import briefs, capture, live
from ui.brief.brief_output import default_file_name, pages_to_print
from ui.brief.brief_window import BriefWindow
from ui.brief.sent_dialog import SentListModel

from .modal import DISCARD_QUESTION, escape_answering

CTRL = Qt.KeyboardModifier.ControlModifier
UNUSUAL = ["Udvalget 🌳🏡", "لجنة المناطق الريفية", "Cafe\u0301-udvalget"]


def closed_meeting(db, meeting_factory, ideas: int = 40):
    """A held and closed meeting with enough ideas that the brief runs over several pages."""
    meeting = meeting_factory(db)
    live.start_meeting(db, meeting.id, db.clock.now())
    places = {p.name: p.id for p in meeting.places}
    for n in range(ideas):
        capture.add_idea(
            db,
            meeting.id,
            capture.IdeaInput(
                title=f"Idé nummer {n + 1}: shelter, sti og fællesskab ved forsamlingshuset",
                detail="Borgerne vil selv bygge og vedligeholde; de beder om en hånd med tilladelsen. "
                * 3,
                proposed_by="Borgergruppen i Knebel",
                place_id=places["Knebel"],
                theme="Natur",
                needs_check=CheckKind.PLAN if n % 7 == 0 else None,
            ),
        )
    capture.add_ask(
        db,
        meeting.id,
        capture.AskInput(
            what="Tilskud til shelter",
            kind=AskKind.MONEY,
            amount_dkk=12500,
            department="Plan og Byg",
            needs_decision=True,
        ),
    )
    capture.add_step(
        db,
        meeting.id,
        capture.StepInput(
            what="Afklare landzonetilladelse",
            owner_side=OwnerSide.MUNICIPALITY,
            owner_label="Plan og Byg",
        ),
    )
    live.close_meeting(db, meeting.id, db.clock.now())
    return meeting


@pytest.fixture
def meeting(db, meeting_factory):
    """A closed meeting with ideas, an ask and a step."""
    return closed_meeting(db, meeting_factory)


def open_window(qtbot, db, meeting_id, language="da") -> BriefWindow:
    """A brief window, shown and waited for until its first preview is ready."""
    window = BriefWindow(db, meeting_id, language)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(window.brief_ready, timeout=20000):
        window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key through the window handle, so shortcuts fire as for a real key press."""
    QTest.keyClick(window.windowHandle(), key, modifiers)


def pdf_pages(path: Path) -> int:
    """Pages of a PDF file as pypdf reads it (fails on a broken file)."""
    return len(PdfReader(str(path)).pages)


def pdf_text(path: Path) -> str:
    """All text of a PDF."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


# ----- made off the GUI thread, then previewed -----------------------------------


def test_brief_is_made_on_a_worker_thread_while_the_window_keeps_working(
    qtbot, db, meeting, monkeypatch
) -> None:
    real_write = briefs.write_brief
    gui_ticked = threading.Event()
    threads: list[int] = []

    def write_after_the_gui_ticked(*args, **kwargs):
        threads.append(threading.get_ident())
        # Finishes only once the GUI thread has handled a timer: proof it was not blocked.
        assert gui_ticked.wait(10), "the GUI thread was blocked while the brief was made"
        return real_write(*args, **kwargs)

    monkeypatch.setattr(briefs, "write_brief", write_after_the_gui_ticked)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: (ticks.append(1), gui_ticked.set()))
    window = BriefWindow(db, meeting.id)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    # While it works: the calm line, and nothing to save or print yet.
    assert window.stack.currentIndex() == 0
    assert window.busy_label.text() == "Laver orienteringen …"
    assert window.busy_label.isVisible()
    assert not window.save_button.isEnabled()
    assert not window.print_button.isEnabled()
    with qtbot.waitSignal(window.brief_ready, timeout=20000) as ready:
        timer.start()
    timer.stop()

    assert threads and threads[0] != threading.get_ident()
    assert window.worker is not None and window.worker.ran_on == threads[0]
    assert ticks  # the GUI handled events while the worker ran
    path = ready.args[0]
    assert path == window.pdf_path and path.exists()
    assert window.document.pageCount() == pdf_pages(path) >= 2
    assert window.stack.currentWidget() is window.view
    assert window.view.document() is window.document
    assert window.view.pageMode() is QPdfView.PageMode.MultiPage
    assert window.view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    assert window.save_button.isEnabled() and window.print_button.isEnabled()
    assert window.windowTitle() == "Politisk orientering – Borgermøde i Knebel"
    assert "Side 1 af" in pdf_text(path) and "3. marts 2026" in pdf_text(path)
    assert window.pages_label.text() == f"{window.document.pageCount()} sider"


def test_choosing_english_makes_the_brief_again_in_english(qtbot, db, meeting) -> None:
    window = open_window(qtbot, db, meeting.id)
    danish = window.pdf_path
    assert "3. marts 2026" in pdf_text(danish)
    assert [window.language_combo.itemText(i) for i in range(2)] == ["Dansk", "English"]
    window.language_combo.setFocus()
    with qtbot.waitSignal(window.brief_ready, timeout=20000) as ready:
        qtbot.keyClick(window.language_combo, Qt.Key.Key_Down)
    assert window.language == "en" and window.worker.language == "en"
    english = ready.args[0]
    assert english != danish and not danish.exists()  # the old preview file is cleaned up
    # Dates follow the brief's language (the catalogue may still lack some words).
    assert "3 March 2026" in pdf_text(english)

    assert window.document.pageCount() == pdf_pages(english)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (briefs.BriefError("Mødet findes ikke (id 42)."), "Mødet findes ikke (id 42)."),
        # An unexpected error's own text is English and may quote a citizen: only its kind shows.
        (RuntimeError("boom\nmore"), "Orienteringen kunne ikke laves: Uventet fejl (RuntimeError)"),
    ],
)
def test_a_failed_brief_shows_a_danish_message_in_the_window(
    qtbot, db, meeting, monkeypatch, error, expected
) -> None:
    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(briefs, "write_brief", fail)
    window = BriefWindow(db, meeting.id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.brief_failed, timeout=5000) as failed:
        window.show()
    assert failed.args == [expected]
    assert window.message.isVisible() and window.message.text() == "⚠ " + expected
    assert window.retry_button.isVisible()
    assert not window.save_button.isEnabled() and not window.print_button.isEnabled()
    # Trying again once the cause is gone gives the preview.
    monkeypatch.undo()
    with qtbot.waitSignal(window.brief_ready, timeout=20000):
        qtbot.mouseClick(window.retry_button, Qt.MouseButton.LeftButton)
    assert not window.message.isVisible()
    assert window.document.pageCount() >= 2


def test_closing_while_the_brief_is_being_made_waits_for_the_worker(qtbot, db, meeting) -> None:
    window = BriefWindow(db, meeting.id)
    qtbot.addWidget(window)
    window.show()
    worker = window.worker
    window.close()
    assert worker is not None and worker.isFinished()


# ----- save as -------------------------------------------------------------------


def test_ctrl_s_saves_a_valid_pdf_where_the_user_chose(qtbot, db, meeting, monkeypatch, tmp_path):
    window = open_window(qtbot, db, meeting.id)
    asked: list[str] = []
    target = tmp_path / "ud" / "orientering til udvalget"
    target.parent.mkdir()

    def choose(_parent, _caption, suggested, _filter):
        asked.append(suggested)
        return str(target), "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    press(window, Qt.Key.Key_S, CTRL)
    saved = target.with_name(target.name + ".pdf")
    qtbot.waitUntil(saved.exists)
    assert Path(asked[0]).name == "Politisk orientering – Borgermøde i Knebel – 2026-03-03.pdf"
    assert pdf_pages(saved) == window.document.pageCount()
    assert saved.read_bytes() == window.pdf_path.read_bytes()
    assert window.message.text() == f"ℹ Gemt som {saved}"
    assert not list(saved.parent.glob("*.part"))


def test_saving_where_it_cannot_be_written_says_why_in_danish(
    qtbot, db, meeting, monkeypatch, tmp_path
) -> None:
    window = open_window(qtbot, db, meeting.id)
    target = tmp_path / "findes-ikke" / "orientering.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert window.message.isVisible()
    assert window.message.text().startswith(f"⚠ Orienteringen kunne ikke gemmes som {target}")
    assert "Vælg en anden mappe" in window.message.text()
    assert not target.parent.exists()


def test_cancelling_save_as_writes_nothing(qtbot, db, meeting, monkeypatch, tmp_path) -> None:
    window = open_window(qtbot, db, meeting.id)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    assert window.save_as() is None
    assert not window.message.isVisible()


def test_default_file_name_is_safe_and_in_the_brief_language() -> None:
    day = date(2026, 3, 3)
    assert default_file_name("Møde: Knebel/Agri?", day, "da") == (
        "Politisk orientering – Møde- Knebel-Agri – 2026-03-03.pdf"
    )
    assert default_file_name("اجتماع 🌳", day, "da").endswith("اجتماع 🌳 – 2026-03-03.pdf")
    for long_title in ("x" * 10_000, "🌳" * 10_000, "e\u0301" * 5_000):
        assert len(default_file_name(long_title, day, "da").encode("utf-8")) <= 200


# ----- print ---------------------------------------------------------------------


def fake_print_dialog(monkeypatch, output: Path, choose=None) -> list[QPrinter]:
    """Accept the print dialog as a user printing to a PDF file would; no real printer."""
    printers: list[QPrinter] = []

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        if choose is not None:
            choose(printer)
        printers.append(printer)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    return printers


def test_ctrl_p_prints_every_page_at_300_dpi(qtbot, db, meeting, monkeypatch, tmp_path) -> None:
    window = open_window(qtbot, db, meeting.id)
    output = tmp_path / "printed.pdf"
    printers = fake_print_dialog(monkeypatch, output)
    press(window, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(output.exists)
    assert printers and printers[0].resolution() == 300
    pages = PdfReader(str(output)).pages
    assert len(pages) == window.document.pageCount()
    for page in pages:
        (image,) = page["/Resources"]["/XObject"].values()
        width_inches = float(page.mediabox.width) / 72
        # A full page drawn from one opaque image about 300 pixels per inch wide.
        assert abs(image.get_object()["/Width"] / width_inches - 300) < 5
        assert "/SMask" not in image.get_object()
    count = window.document.pageCount()
    assert window.message.text() == f"ℹ {count} sider sendt til printeren."


def test_print_respects_the_chosen_page_range(qtbot, db, meeting, monkeypatch, tmp_path) -> None:
    window = open_window(qtbot, db, meeting.id)
    output = tmp_path / "page-two.pdf"

    def only_page_two(printer: QPrinter) -> None:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 2)

    fake_print_dialog(monkeypatch, output, only_page_two)
    assert window.print_brief() == 1
    assert len(PdfReader(str(output)).pages) == 1
    assert window.message.text() == "ℹ 1 side sendt til printeren."


def test_cancelled_print_dialog_prints_nothing(qtbot, db, meeting, monkeypatch) -> None:
    window = open_window(qtbot, db, meeting.id)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)
    assert window.print_brief() == 0
    assert not window.message.isVisible()


def test_pages_to_print_follows_the_dialog() -> None:
    printer = QPrinter()
    assert pages_to_print(printer, 3, 0) == [0, 1, 2]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert pages_to_print(printer, 3, 1) == [1]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 9)
    assert pages_to_print(printer, 3, 0) == [1, 2]


# ----- recorded as sent ----------------------------------------------------------


def open_sent_dialog(qtbot, window):
    """Click "Registrér som sendt …" and wait for the dialog."""
    qtbot.mouseClick(window.sent_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sent_dialog.isVisible())
    return window.sent_dialog


def test_record_as_sent_stores_a_row_and_lists_it(qtbot, db, meeting) -> None:
    window = open_window(qtbot, db, meeting.id)
    assert window.no_sent_label.isVisible() and not window.sent_list.isVisible()
    dialog = open_sent_dialog(qtbot, window)
    today = db.clock.now().astimezone().date()
    assert dialog.date_edit.text() == today.strftime("%d-%m-%Y")
    assert dialog.focusWidget() is dialog.recipients_edit
    qtbot.keyClicks(dialog.recipients_edit, "Udvalget for Landdistrikter")
    with qtbot.waitSignal(window.sent_recorded):
        qtbot.keyClick(dialog.recipients_edit, Qt.Key.Key_Return)
    (row,) = briefs.list_sent(db, meeting.id)
    assert (row.sent_on, row.recipients, row.language) == (
        today,
        "Udvalget for Landdistrikter",
        "da",
    )
    assert window.sent_list.isVisible() and not window.no_sent_label.isVisible()
    assert window.sent_model.index(0).data() == (
        f"Sendt {today:%d-%m-%Y} til Udvalget for Landdistrikter (dansk)"
    )


def test_sent_in_english_on_a_typed_date(qtbot, db, meeting) -> None:
    window = open_window(qtbot, db, meeting.id, language="en")
    dialog = open_sent_dialog(qtbot, window)
    dialog.date_edit.clear()
    qtbot.keyClicks(dialog.date_edit, "05-03-2026")
    qtbot.keyClicks(dialog.recipients_edit, "Byrådet")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    (row,) = briefs.list_sent(db, meeting.id)
    assert (row.sent_on, row.language) == (date(2026, 3, 5), "en")
    assert window.sent_model.index(0).data() == "Sendt 05-03-2026 til Byrådet (english)"


@pytest.mark.parametrize(
    ("date_text", "recipients", "expected"),
    [
        ("03-03-2026", "", "Modtagere"),
        ("31-02-2026", "Byrådet", "«31-02-2026» er ikke en gyldig dato"),
        ("", "Byrådet", "Skriv datoen, orienteringen blev sendt."),
        ("03-03-2026", "x" * 10_001, "Modtagere"),
    ],
)
def test_refused_sending_says_why_and_stores_nothing(
    qtbot, db, meeting, date_text, recipients, expected
) -> None:
    window = open_window(qtbot, db, meeting.id)
    dialog = open_sent_dialog(qtbot, window)
    dialog.date_edit.setText(date_text)
    dialog.recipients_edit.setText(recipients)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.message.isVisible() and expected in dialog.message.text()
    assert briefs.list_sent(db, meeting.id) == []


@pytest.mark.parametrize("recipients", UNUSUAL)
def test_unusual_recipients_are_stored_and_shown_exactly(qtbot, db, meeting, recipients) -> None:
    window = open_window(qtbot, db, meeting.id)
    dialog = open_sent_dialog(qtbot, window)
    QApplication.clipboard().setText(recipients)
    qtbot.keyClick(dialog.recipients_edit, Qt.Key.Key_V, CTRL)
    dialog.accept()
    (row,) = briefs.list_sent(db, meeting.id)
    assert row.recipients == recipients
    assert f"til {recipients} (dansk)" in window.sent_model.index(0).data()


def test_ten_thousand_character_recipients_are_stored_whole_and_shown_short(
    qtbot, db, meeting
) -> None:
    window = open_window(qtbot, db, meeting.id)
    dialog = open_sent_dialog(qtbot, window)
    dialog.recipients_edit.setText("Udvalg " * 1428 + "ABCD")  # 10,000 characters
    dialog.accept()
    (row,) = briefs.list_sent(db, meeting.id)
    assert row.recipients == "Udvalg " * 1428 + "ABCD"
    shown = window.sent_model.index(0).data()
    assert shown.startswith("Sendt ") and "…" in shown and len(shown) < 250


def test_sent_list_model_passes_the_model_tester(qtmodeltester, db, meeting) -> None:
    model = SentListModel()
    qtmodeltester.check(model)
    briefs.record_sent(db, meeting.id, date(2026, 3, 4), "Byrådet", "da")
    briefs.record_sent(db, meeting.id, date(2026, 3, 5), "اللجنة", "en")
    model.set_rows(briefs.list_sent(db, meeting.id))
    qtmodeltester.check(model)
    assert model.rowCount() == 2


# ----- keyboard ------------------------------------------------------------------


def test_escape_closes_the_window(qtbot, db, meeting) -> None:
    window = open_window(qtbot, db, meeting.id)
    press(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_buttons_name_their_shortcuts(qtbot, db, meeting) -> None:
    window = open_window(qtbot, db, meeting.id)
    assert "Ctrl+S" in window.save_button.toolTip()
    assert "Ctrl+P" in window.print_button.toolTip()
    assert "Esc" in window.close_button.toolTip()


def test_the_preview_stays_inside_the_data_folder(qtbot, db, tmp_path):
    from ui.brief.brief_window import preview_folder

    folder = preview_folder(db)
    assert folder.parent == tmp_path and oct(folder.stat().st_mode & 0o777) == "0o700"


def test_escape_asks_before_throwing_typed_recipients_away(qtbot, db, meeting) -> None:
    window = open_window(qtbot, db, meeting.id)
    dialog = open_sent_dialog(qtbot, window)
    qtbot.keyClicks(dialog.recipients_edit, "Byrådet")
    assert escape_answering(qtbot, dialog.recipients_edit, "Skriv videre") == [DISCARD_QUESTION]
    assert dialog.isVisible() and dialog.recipients_edit.text() == "Byrådet"
    with qtbot.waitSignal(dialog.finished):
        assert escape_answering(qtbot, dialog.recipients_edit, "Kassér") == [DISCARD_QUESTION]
    assert briefs.list_sent(db, meeting.id) == []
    assert window.no_sent_label.isVisible()


def test_escape_closes_an_untouched_sent_dialog_at_once(qtbot, db, meeting) -> None:
    window = open_window(qtbot, db, meeting.id)
    dialog = open_sent_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.finished):
        assert escape_answering(qtbot, dialog.recipients_edit, "Kassér") == []
    assert window.isVisible()
