"""The headless commands (`demo`, `brief`, `export`, `backup`, `check`): pure Python, no window.

Each returns an exit status. A failure is one Danish line on stderr and a
non-zero status, never a traceback: these run from scripts and by newcomers.
"""

from __future__ import annotations

import io
import sys
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TextIO, cast

from facilitator.clock import SystemClock
from facilitator.data_door import OpenedFolder, Purpose, open_data_folder
from facilitator.domain import formats
from facilitator.domain.validation import ValidationError
from facilitator.i18n import LANGUAGES, _
from facilitator.paths import data_dir, database_path
from facilitator.storage.database import Database, StorageError
from facilitator.storage.integrity import DatabaseDamaged
from facilitator.storage.os_errors import describe_failure, describe_os_error

LATEST = ("latest", "seneste")


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Current(io.TextIOBase):
    """sys.stdout or sys.stderr as it is when written to, not when this module was imported
    (a redirect, an embedding app or a test's capture set it later)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def write(self, text: str) -> int:
        """Write to the stream the name means now."""
        return int(getattr(sys, self._name).write(text))

    def flush(self) -> None:
        """Flush the stream the name means now."""
        getattr(sys, self._name).flush()


STDOUT = cast(TextIO, _Current("stdout"))
STDERR = cast(TextIO, _Current("stderr"))


def _guarded(action: Callable[[], int], err: TextIO) -> int:
    """Run a command; any failure becomes one line on `err` and status 1."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return action()
    except DatabaseDamaged as exc:
        message = exc.message + " " + _(
            "Se hvad der er galt med «facilitator check», og gendan en sikkerhedskopi med "
            "«facilitator backup --restore ID» (se dem med «facilitator backup --list»).")
    except (ValidationError, StorageError) as exc:  # BriefError is a ValidationError
        message = exc.message
    except SQLAlchemyError as exc:
        message = _("Databasen kan ikke læses: {reason}").format(reason=describe_failure(exc))
    except OSError as exc:
        message = _("Filen kan ikke bruges: {reason}").format(reason=describe_os_error(exc))
    except KeyboardInterrupt:
        print(_("Afbrudt."), file=err)
        return 130
    except Exception as exc:  # a command line must never end in a traceback
        message = describe_failure(exc)
    print(_one_line(message), file=err)
    return 1


def _report_opening(opened: OpenedFolder, err: TextIO) -> None:
    """Tell on stderr what the door found that the user should know: read-only, a held purge."""
    from facilitator.services.privacy_purge import held_explanation

    if opened.read_only_medium:
        print(_one_line(_("Datamappen {folder} kan ikke skrives, så databasen er åbnet "
                          "skrivebeskyttet; intet bliver ændret.").format(folder=opened.folder)),
              file=err)
    purge = opened.purge
    if purge is not None and purge.held:
        print(_one_line(held_explanation(purge) + " " + _(
            "Derfor er ingen slettet. Tjek computerens dato; appen spørger, før den sletter.")),
              file=err)


def demo(data_dir_option: str | None, out: TextIO = STDOUT, err: TextIO = STDERR) -> int:
    """`facilitator demo`: create the demo project in the data folder."""

    def run() -> int:
        from facilitator.clock import FakeClock
        from facilitator.demo import create_demo
        from facilitator.demo_content import PROJECT_NAME
        from facilitator.services import projects

        folder = data_dir(data_dir_option)
        path = database_path(folder)
        with open_data_folder(folder, SystemClock(), Purpose.EDIT) as opened:
            _report_opening(opened, err)
            db = opened.database
            if any(p.name == PROJECT_NAME for p in projects.list_projects(db, True)):
                print(
                    _("Demoprojektet «{name}» findes allerede i {path}.").format(
                        name=PROJECT_NAME, path=path
                    ),
                    file=out,
                )
                return 0
            project = create_demo(db, FakeClock())
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


def _check_pdf_options(language: str, out_path: str, example: str, folder_ok: bool = False) -> None:
    """A PDF command's language and file name, refused in Danish before the data is opened."""
    if language not in LANGUAGES:
        raise ValidationError(_("Sproget skal være da (dansk) eller en (engelsk)."), "lang")
    path = Path(out_path)
    if path.suffix.lower() != ".pdf" and not (folder_ok and path.is_dir()):
        raise ValidationError(_("Filnavnet skal ende på .pdf (fx {example}).").format(example=example),
                              "out")


def brief(
    data_dir_option: str | None,
    meeting: str,
    out_path: str,
    language: str = "da",
    out: TextIO = STDOUT,
    err: TextIO = STDERR,
) -> int:
    """`facilitator brief`: write a meeting's brief as a PDF without opening a window."""

    def run() -> int:
        from facilitator.services.briefs import write_brief

        _check_pdf_options(language, out_path, _("orientering.pdf"), folder_ok=True)
        # READ never creates a database: a brief needs an existing one.
        with open_data_folder(data_dir(data_dir_option), SystemClock(), Purpose.READ) as opened:
            _report_opening(opened, err)
            db = opened.database
            written = write_brief(db, _meeting_id(db, meeting), Path(out_path), language)
        print(_("Orienteringen er gemt: {path}").format(path=written), file=out)
        return 0

    return _guarded(run, err)


def _project_id(db: Database, text: str) -> uuid.UUID:
    """The project named on the command line: an id, or "latest"."""
    from facilitator.services.project_status import ProjectError, latest_project_id

    if text.strip().lower() in LATEST:
        found = latest_project_id(db)
        if found is None:
            raise ProjectError(_("Der er endnu intet projekt."))
        return found
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise ProjectError(
            _("«{text}» er ikke et projekt-id. Skriv projektets id eller «latest».").format(
                text=text[:60])
        ) from None


def _since(text: str | None) -> date | None:
    """The --since day (YYYY-MM-DD), or a Danish refusal."""
    from facilitator.services.project_status import ProjectError

    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ProjectError(
            _("«{text}» er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, fx 2026-03-01.").format(
                text=text[:40])
        ) from None


def status_brief(
    data_dir_option: str | None,
    project: str,
    out_path: str,
    since: str | None = None,
    language: str = "da",
    out: TextIO = STDOUT,
    err: TextIO = STDERR,
) -> int:
    """`facilitator brief --project`: write a project's status brief as a PDF."""

    def run() -> int:
        from facilitator.services.project_status import write_status_brief

        _check_pdf_options(language, out_path, _("status.pdf"))
        first_day = _since(since)
        with open_data_folder(data_dir(data_dir_option), SystemClock(), Purpose.READ) as opened:
            _report_opening(opened, err)
            db = opened.database
            written = write_status_brief(db, _project_id(db, project), Path(out_path), first_day,
                                         language)
        print(_("Statusorienteringen er gemt: {path}").format(path=written), file=out)
        return 0

    return _guarded(run, err)


def export(
    data_dir_option: str | None,
    project: str,
    fmt: str,
    out_path: str,
    out: TextIO = STDOUT,
    err: TextIO = STDERR,
) -> int:
    """`facilitator export`: a project as XLSX, CSV (a folder of files) or JSON."""

    def run() -> int:
        from facilitator.services.project_export import FORMATS, write_export
        from facilitator.services.project_status import ProjectError

        if fmt not in FORMATS:
            raise ProjectError(_("Formatet skal være xlsx, csv eller json."))
        with open_data_folder(data_dir(data_dir_option), SystemClock(), Purpose.READ) as opened:
            _report_opening(opened, err)
            db = opened.database
            written = write_export(db, _project_id(db, project), fmt, Path(out_path))
        for path in written:
            print(_("Eksporten er gemt: {path}").format(path=path), file=out)
        return 0

    return _guarded(run, err)


def _when(moment: datetime | None) -> str:
    """A time as the app writes it, in local time: 03-03-2026 19:00."""
    return formats.local_date_time(moment)


def backup_list(
    data_dir_option: str | None, out: TextIO = STDOUT, err: TextIO = STDERR
) -> int:
    """`facilitator backup --list`: the backups, newest first, with what each holds."""

    def run() -> int:
        from facilitator.storage.backup import list_backups, reason_label

        folder = data_dir(data_dir_option)
        with open_data_folder(folder, SystemClock(), Purpose.BACKUPS):
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
    data_dir_option: str | None, backup_id: str, out: TextIO = STDOUT, err: TextIO = STDERR
) -> int:
    """`facilitator backup --restore ID`: put a backup in place; the current state is kept first."""

    def run() -> int:
        from facilitator.storage.backup import restore

        folder = data_dir(data_dir_option)
        # Held: a running app would keep writing to the file being replaced.
        with open_data_folder(folder, SystemClock(), Purpose.BACKUPS):
            result = restore(folder, backup_id, SystemClock())
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
    out: TextIO = STDOUT,
    err: TextIO = STDERR,
) -> int:
    """`facilitator backup`: exactly one of --list and --restore ID."""
    if show_list == (restore_id is not None):
        print(_("Skriv enten --list eller --restore ID."), file=err)
        return 2
    if show_list:
        return backup_list(data_dir_option, out, err)
    assert restore_id is not None
    return backup_restore(data_dir_option, restore_id, out, err)


def check(data_dir_option: str | None, out: TextIO = STDOUT, err: TextIO = STDERR) -> int:
    """`facilitator check`: the integrity report; exit status 1 when the database is damaged."""

    def run() -> int:
        from facilitator.storage.integrity import format_report

        folder = data_dir(data_dir_option)
        with open_data_folder(folder, SystemClock(), Purpose.CHECK) as opened:
            problems = opened.problems
            print(format_report(database_path(folder), problems), file=out)
        return 1 if problems else 0

    return _guarded(run, err)


def meetings(data_dir_option: str | None, out: TextIO = STDOUT, err: TextIO = STDERR) -> int:
    """`facilitator meetings`: every meeting with its id, for `facilitator brief --meeting ID`."""

    def run() -> int:
        from facilitator.services import meetings as meeting_service
        from facilitator.services import projects

        with open_data_folder(data_dir(data_dir_option), SystemClock(), Purpose.READ) as opened:
            _report_opening(opened, err)
            db = opened.database
            rows = [
                m
                for project in projects.list_projects(db, include_archived=True)
                for m in meeting_service.list_meetings(db, project.id)
            ]
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
