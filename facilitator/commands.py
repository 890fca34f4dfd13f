"""The headless commands `facilitator demo` and `facilitator brief`: pure Python, no window.

Each returns an exit status. A failure is one Danish line on stderr and a
non-zero status, never a traceback: these run from scripts and by newcomers.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from facilitator.domain.validation import ValidationError
from facilitator.i18n import _
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
            raise BriefError(_("Der er ingen møder i databasen endnu."))
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
        from facilitator.services.briefs import LANGUAGES, BriefError, write_brief

        if language not in LANGUAGES:
            raise BriefError(_("Sproget skal være da (dansk) eller en (engelsk)."))
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
