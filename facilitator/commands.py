"""The headless commands (`demo`, `brief`, `backup`, `check`): pure Python, no window.

Each returns an exit status. A failure is one Danish line on stderr and a
non-zero status, never a traceback: these run from scripts and by newcomers.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from facilitator.domain.validation import ValidationError
from facilitator.i18n import LANGUAGES, _
from facilitator.paths import data_dir, database_path
from facilitator.storage.database import Database, StorageError

LATEST = ("latest", "seneste")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _guarded(action: Callable[[], int], err: TextIO) -> int:
    """Run a command; any failure becomes one line on `err` and status 1."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return action()
    except (ValidationError, StorageError) as exc:  # BriefError is a ValidationError
        message = exc.message
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        message = _("Databasen kan ikke læses: {reason}").format(reason=str(reason).splitlines()[0])
    except OSError as exc:
        message = _("Filen kan ikke bruges: {reason}").format(reason=exc.strerror or exc)
    except KeyboardInterrupt:
        print(_("Afbrudt."), file=err)
        return 130
    except Exception as exc:  # a command line must never end in a traceback
        message = _("Uventet fejl: {reason}").format(reason=f"{type(exc).__name__}: {exc}")
    print(_one_line(message), file=err)
    return 1


def demo(data_dir_option: str | None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """`facilitator demo`: create the demo project in the data folder."""

    def run() -> int:
        from facilitator.clock import FakeClock
        from facilitator.demo import create_demo
        from facilitator.demo_content import PROJECT_NAME
        from facilitator.services import projects

        path = database_path(data_dir(data_dir_option))
        db = Database.open_file(path)
        try:
            if any(p.name == PROJECT_NAME for p in projects.list_projects(db, True)):
                print(
                    _("Demoprojektet «{name}» findes allerede i {path}.").format(
                        name=PROJECT_NAME, path=path
                    ),
                    file=out,
                )
                return 0
            project = create_demo(db, FakeClock())
        finally:
            db.dispose()
        print(
            _("Demoprojektet «{name}» er oprettet med {count} møder i {path}.").format(
                name=project.name, count=project.meeting_count, path=path
            ),
            file=out,
        )
        option = f" --data-dir {data_dir_option}" if data_dir_option else ""
        print(
            _("Lav en politisk orientering: facilitator brief --meeting latest "
              "--out orientering.pdf{option}").format(option=option),
            file=out,
        )
        return 0

    return _guarded(run, err)


def _meeting_id(db: Database, text: str) -> uuid.UUID:
    """The meeting named on the command line: an id, or "latest"."""
    from facilitator.services.briefs import BriefError, latest_meeting_id

    if text.strip().lower() in LATEST:
        found = latest_meeting_id(db)
        if found is None:
            raise BriefError(
                _("Der er endnu ikke holdt et møde. Se møderne og deres id med «facilitator meetings».")
            )
        return found
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise BriefError(
            _("«{text}» er ikke et møde-id. Skriv mødets id eller «latest».").format(text=text[:60])
        ) from None


def brief(
    data_dir_option: str | None,
    meeting: str,
    out_path: str,
    language: str = "da",
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """`facilitator brief`: write a meeting's brief as a PDF without opening a window."""

    def run() -> int:
        from facilitator.services.briefs import BriefError, write_brief

        if language not in LANGUAGES:
            raise BriefError(_("Sproget skal være da (dansk) eller en (engelsk)."))
        if Path(out_path).suffix.lower() != ".pdf" and not Path(out_path).is_dir():
            raise BriefError(_("Filnavnet skal ende på .pdf (fx orientering.pdf)."))
        folder = data_dir(data_dir_option)
        path = database_path(folder)
        # Opening would create an empty database; a brief needs an existing one.
        if not path.is_file():
            raise BriefError(
                _("Der er ingen database i {folder}. Opret et demoprojekt med «facilitator demo».")
                .format(folder=folder)
            )
        db = Database.open_file(path)
        try:
            written = write_brief(db, _meeting_id(db, meeting), Path(out_path), language)
        finally:
            db.dispose()
        print(_("Orienteringen er gemt: {path}").format(path=written), file=out)
        return 0

    return _guarded(run, err)


def _when(moment: datetime | None) -> str:
    """A time as the app writes it, in local time: 03-03-2026 19:00."""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M") if moment else "–"


def backup_list(
    data_dir_option: str | None, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """`facilitator backup --list`: the backups, newest first, with what each holds."""

    def run() -> int:
        from facilitator.storage.backup import list_backups, reason_label

        folder = data_dir(data_dir_option)
        found = list_backups(folder)
        if not found:
            print(_("Der er ingen sikkerhedskopier i {folder} endnu.").format(folder=folder),
                  file=out)
            return 0
        print(_("Sikkerhedskopier i {folder} (nyeste først):").format(folder=folder), file=out)
        for info in found:
            print(
                _("{id:<18}  {when}  {reason:<18}  projekter: {projects}, møder: {meetings}, "
                  "seneste indtastning: {last}").format(
                    id=info.id, when=_when(info.created_at), reason=reason_label(info.reason),
                    projects=info.projects, meetings=info.meetings, last=_when(info.last_entry),
                ),
                file=out,
            )
        print(_("Gendan med: facilitator backup --restore ID"), file=out)
        return 0

    return _guarded(run, err)


def backup_restore(
    data_dir_option: str | None, backup_id: str, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """`facilitator backup --restore ID`: put a backup in place; the current state is kept first."""

    def run() -> int:
        from facilitator.clock import SystemClock
        from facilitator.storage.backup import restore
        from facilitator.storage.data_folder import InstanceLock

        folder = data_dir(data_dir_option)
        if not folder.is_dir():
            raise StorageError(_("Datamappen {folder} findes ikke.").format(folder=folder))
        # A running app would keep writing to the file being replaced: refuse while it runs.
        lock = InstanceLock(folder)
        lock.acquire()
        try:
            result = restore(folder, backup_id, SystemClock())
        finally:
            lock.release()
        print(
            _("Sikkerhedskopien {id} fra {when} er gendannet i {path}.").format(
                id=result.restored.id, when=_when(result.restored.created_at),
                path=database_path(folder),
            ),
            file=out,
        )
        if result.safety is not None:
            print(_("Det hidtidige indhold er gemt som sikkerhedskopi {id}.").format(
                id=result.safety.id), file=out)
        if result.damaged_copy is not None:
            print(_("Den beskadigede database er gemt uændret som {path}.").format(
                path=result.damaged_copy), file=out)
        return 0

    return _guarded(run, err)


def backup(
    data_dir_option: str | None,
    show_list: bool,
    restore_id: str | None,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """`facilitator backup`: exactly one of --list and --restore ID."""
    if show_list == (restore_id is not None):
        print(_("Skriv enten --list eller --restore ID."), file=err)
        return 2
    if show_list:
        return backup_list(data_dir_option, out, err)
    assert restore_id is not None
    return backup_restore(data_dir_option, restore_id, out, err)


def check(data_dir_option: str | None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """`facilitator check`: the integrity report; exit status 1 when the database is damaged."""

    def run() -> int:
        from facilitator.storage.integrity import format_report, integrity_check

        folder = data_dir(data_dir_option)
        path = database_path(folder)
        if not path.is_file():
            raise StorageError(_("Der er ingen database i {folder}.").format(folder=folder))
        problems = integrity_check(path)
        print(format_report(path, problems), file=out)
        return 1 if problems else 0

    return _guarded(run, err)


def meetings(data_dir_option: str | None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """`facilitator meetings`: every meeting with its id, for `facilitator brief --meeting ID`."""

    def run() -> int:
        from facilitator.services import meetings as meeting_service
        from facilitator.services import projects

        folder = data_dir(data_dir_option)
        path = database_path(folder)
        if not path.is_file():
            raise StorageError(_("Der er ingen database i {folder}.").format(folder=folder))
        db = Database.open_file(path)
        try:
            rows = [
                m
                for project in projects.list_projects(db, include_archived=True)
                for m in meeting_service.list_meetings(db, project.id)
            ]
        finally:
            db.dispose()
        if not rows:
            print(_("Der er ingen møder endnu."), file=out)
        for m in sorted(rows, key=lambda m: m.scheduled_at):
            print(
                f"{m.id}  {m.scheduled_at:%d-%m-%Y %H:%M}  {m.status.label:<10}  "
                f"{_one_line(m.title)} ({_one_line(m.project_name)})",
                file=out,
            )
        return 0

    return _guarded(run, err)
