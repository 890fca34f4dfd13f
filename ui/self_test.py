"""`facilitator --self-test`: the installed app proves it works, without a window.

Run by CI on the frozen bundle and the installed package, and by IT on a
laptop after installing: one line per check, then `self-test ok` (status 0),
or the failing check and status 1. Everything happens in a temporary data
folder that is deleted afterwards; the user's own data folder is never opened.
Qt starts on whatever platform it is given (xcb, wayland, windows, cocoa or
offscreen), so a missing platform plugin or system library shows here.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from facilitator.clock import FakeClock
from facilitator.i18n import _
from facilitator.self_check import EXPECTED_TEXTS, SelfCheckFailed

OK = "self-test ok"
FAILED = "self-test FEJLEDE"
EMOJI_FAMILY = "Noto Emoji"
TEXT_FAMILY = "DejaVu Sans"


def _comparable(text: str) -> str:
    """Text with line breaks, spaces and hyphens gone: a wrapped or hyphenated word still matches."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", text)


class SelfTest:
    """The checks, in order; each returns a short detail or raises SelfCheckFailed."""

    def __init__(self, folder: Path, out: TextIO) -> None:
        self.folder = folder
        self.out = out
        self.clock = FakeClock()
        self.db: object = None
        self.meeting_id: object = None
        self.briefs: dict[str, Path] = {}

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        """(what is checked, the check)."""
        return [
            (_("Qt starter"), self.qt_starts),
            (_("skrifttyper"), self.fonts),
            (_("ikon"), self.icon),
            (_("danske Qt-tekster"), self.danish_qt),
            (_("database og migrering"), self.database),
            (_("møde gennem tjenesterne"), self.meeting),
            (_("orientering på dansk"), lambda: self.brief("da")),
            (_("orientering på engelsk"), lambda: self.brief("en")),
            (_("PDF i QtPdf"), self.qt_pdf),
            (_("licenser"), self.licences),
        ]

    def run(self) -> int:
        """Run every check in turn; stop at the first that fails."""
        try:
            for label, check in self.checks():
                try:
                    detail = check()
                except SelfCheckFailed as failed:
                    return self._fail(label, str(failed))
                except Exception as exc:  # the self-test reports, it never shows a traceback
                    reason = str(exc).splitlines()[0] if str(exc) else ""
                    return self._fail(label, f"{type(exc).__name__}: {reason}")
                print(f"ok    {label}: {detail}", file=self.out, flush=True)
        finally:
            dispose = getattr(self.db, "dispose", None)
            if dispose is not None:
                dispose()
        print(OK, file=self.out, flush=True)
        return 0

    def _fail(self, label: str, reason: str) -> int:
        print(f"FEJL  {label}: {reason}", file=self.out, flush=True)
        print(FAILED, file=self.out, flush=True)
        return 1

    # ----- Qt -----------------------------------------------------------------------

    def qt_starts(self) -> str:
        from PySide6.QtCore import qVersion
        from PySide6.QtGui import QGuiApplication

        from ui.app import create_application

        create_application()
        return f"Qt {qVersion()}, platform {QGuiApplication.platformName()}"

    def fonts(self) -> str:
        from PySide6.QtGui import QFontDatabase

        families = set(QFontDatabase.families())
        missing = [f for f in (TEXT_FAMILY, EMOJI_FAMILY) if f not in families]
        if missing:
            raise SelfCheckFailed(_("mangler {fonts}").format(fonts=", ".join(missing)))
        return f"{TEXT_FAMILY}, {EMOJI_FAMILY}"

    def icon(self) -> str:
        from ui.about_dialog import app_icon

        pixmap = app_icon().pixmap(32, 32)
        if pixmap.isNull():
            raise SelfCheckFailed(_("SVG-ikonet kan ikke tegnes (mangler Qt's SVG-modul?)"))
        return f"{pixmap.width()}×{pixmap.height()} px"

    def danish_qt(self) -> str:
        from PySide6.QtCore import QCoreApplication

        # create_application() installed Qt's own Danish catalogue (qtbase_da.qm).
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
        if cancel == "Cancel":
            raise SelfCheckFailed(_("qtbase_da.qm blev ikke indlæst"))
        return f"Cancel → {cancel}"

    # ----- the app's own layers -------------------------------------------------------

    def database(self) -> str:
        from facilitator.data_door import Purpose, open_data_folder
        from facilitator.storage.schema import SCHEMA_HEAD

        # The same door the app opens its data folder by (lock, check, migration, purge).
        db = open_data_folder(self.folder, self.clock, Purpose.EDIT).database
        self.db = db
        revision = db.schema_revision()
        if revision != SCHEMA_HEAD:
            raise SelfCheckFailed(_("skema {found}, ikke {head}").format(
                found=revision, head=SCHEMA_HEAD))
        return _("skema {head} i en midlertidig mappe").format(head=revision)

    def meeting(self) -> str:
        from facilitator.self_check import run_scripted_meeting
        from facilitator.storage.database import Database

        assert isinstance(self.db, Database)
        done = run_scripted_meeting(self.db, self.clock)
        self.meeting_id = done.meeting_id
        return _("{respected} af {hold_backs} ventetider overholdt, {ideas} idéer, "
                 "{asks} ressourceønske").format(
            respected=done.hold_backs_respected, hold_backs=done.hold_backs,
            ideas=done.ideas, asks=done.asks)

    def brief(self, language: str) -> str:
        import uuid

        from facilitator.self_check import font_problems
        from facilitator.services.briefs import write_brief
        from facilitator.storage.database import Database

        assert isinstance(self.db, Database) and isinstance(self.meeting_id, uuid.UUID)
        path = write_brief(self.db, self.meeting_id, self.folder / f"brief-{language}.pdf",
                           language)
        problems = font_problems(path.read_bytes())
        if problems:
            raise SelfCheckFailed("; ".join(problems))
        self.briefs[language] = path
        return _("{size} kB, alle skrifttyper indlejret").format(
            size=round(path.stat().st_size / 1024))

    def qt_pdf(self) -> str:
        from PySide6.QtPdf import QPdfDocument

        titles, pages = {}, 0
        for language, path in self.briefs.items():
            document = QPdfDocument()
            status = document.load(str(path))
            if status != QPdfDocument.Error.None_:
                raise SelfCheckFailed(_("{file} kan ikke åbnes: {status}").format(
                    file=path.name, status=status.name))
            text = "".join(document.getAllText(page).text()
                           for page in range(document.pageCount()))
            missing = [t for t in EXPECTED_TEXTS if _comparable(t) not in _comparable(text)]
            if missing:
                raise SelfCheckFailed(_("teksten kan ikke læses ud af {file}: {texts}").format(
                    file=path.name, texts=", ".join(missing)))
            titles[language] = document.metaData(QPdfDocument.MetaDataField.Title)
            pages += document.pageCount()
            document.close()
        if len(set(titles.values())) != len(titles):
            raise SelfCheckFailed(_("den engelske orientering har den danske titel"))
        return _("{count} PDF'er, {pages} sider, teksten kan læses ud").format(
            count=len(titles), pages=pages)

    def licences(self) -> str:
        from facilitator.licences import bundled_folder, shipped_licences
        from ui.versions import version_rows

        versions = dict(version_rows())
        entries = shipped_licences(versions.get("Qt", "?"), versions.get("PySide6", "?"))
        names = {entry.name for entry in entries}
        missing = [n for n in ("Qt / PySide6", "DejaVu Sans", "SQLAlchemy", "reportlab")
                   if n not in names]
        if missing:
            raise SelfCheckFailed(_("mangler {names}").format(names=", ".join(missing)))
        folder = bundled_folder()
        where = str(folder) if folder is not None else _("de installerede pakker")
        return _("{count} licenser fra {where}").format(count=len(entries), where=where)


def run_self_test(out: TextIO | None = None) -> int:
    """Run the self-test in a temporary data folder; 0 when every check held."""
    stream = out or sys.stdout
    with tempfile.TemporaryDirectory(prefix="facilitator-self-test-") as temporary:
        return SelfTest(Path(temporary) / "data", stream).run()
