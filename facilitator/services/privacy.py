"""Citizens' privacy: find a person, export what is stored about them, erase them, purge by retention.

Every action here is written to the audit log as kind, time and count only.
Erasure is all or nothing: it reaches the backups and every loose copy in the
data folder (half-written backups, brief previews) inside the one transaction
that erases the live file, and leaves no freed page holding the name: the
erasure runs with `secure_delete`, then the file is rebuilt and its
write-ahead log emptied.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from facilitator.domain import validation
from facilitator.domain.anonymise import nfc
from facilitator.i18n import LANGUAGES, _
from facilitator.services import audit, reflection, settings
from facilitator.services.audit import AuditAction
from facilitator.services.people import person_row
from facilitator.services.people_rows import PersonRow
from facilitator.services.privacy_erase import ErasureTarget, erase_in, erase_people_in
from facilitator.services.privacy_export import PersonExport, as_json, gather
from facilitator.services.privacy_settings import all_retentions, get_retention_months
from facilitator.services.private_files import SaveError, write_private
from facilitator.storage import stale_files
from facilitator.storage.busy import Backoff, DatabaseBusy, sole_writer, wipe_free_space
from facilitator.storage.database import Database, StorageError, describe_error
from facilitator.storage.models import Idea, Person, ResourceAsk

Change = Callable[[sqlite3.Connection], None]


class PrivacyError(validation.ValidationError):
    """A privacy action could not be done; `message` is one Danish line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "privacy")


# ----- people, with the audit log -------------------------------------------


def find_people(db: Database, text: str) -> list[PersonRow]:
    """People in every project whose name or contact contains `text` (any case, any accent form)."""
    needle = " ".join(nfc(text).split()).casefold()
    if not needle:
        return []
    with db.session() as s:
        everyone = [person_row(p) for p in s.scalars(select(Person))]

    def matches(p: PersonRow) -> bool:
        # casefold, not lower(): SQLite's lower() knows only ASCII, and "Å" must find "å".
        return needle in " ".join(nfc(p.name).split()).casefold() or needle in nfc(
            p.contact).casefold()

    found = [p for p in everyone if matches(p)]
    return sorted(found, key=lambda p: (nfc(p.name).casefold(), p.created_at))


def linked_person_id(
    db: Database, kind: Literal["idea", "ask"], entry_id: uuid.UUID
) -> uuid.UUID | None:
    """The person an idea or ask is credited to, if the official picked one."""
    with db.session() as s:
        if kind == "idea":
            return s.get_one(Idea, entry_id).person_id
        return s.get_one(ResourceAsk, entry_id).person_id


# ----- access (export) --------------------------------------------------------


def export_person(db: Database, person_id: uuid.UUID) -> PersonExport:
    """Everything stored about a person: the record, consents, linked and naming entries."""
    _known(db, person_id)
    return gather(db, person_id)


def export_person_json(db: Database, person_id: uuid.UUID, path: Path) -> Path:
    """Write the export as JSON to `path` (atomically); logged as an access export."""
    export = export_person(db, person_id)
    _write(Path(path), as_json(export).encode("utf-8"))
    audit.log(db, AuditAction.PERSON_EXPORTED, 1, export.person.project_id)
    return Path(path)


def export_person_pdf(db: Database, person_id: uuid.UUID, path: Path) -> Path:
    """Write the export as a Danish PDF to `path` (atomically); logged as an access export."""
    export = export_person(db, person_id)
    _write(Path(path), _pdf(db, export))
    audit.log(db, AuditAction.PERSON_EXPORTED, 1, export.person.project_id)
    return Path(path)


def export_person_files(db: Database, person_id: uuid.UUID, pdf_path: Path) -> tuple[Path, Path]:
    """The PDF at `pdf_path` and the JSON beside it (same name, .json): one logged export."""
    pdf_path = Path(pdf_path)
    if pdf_path.suffix.lower() != ".pdf":
        pdf_path = pdf_path.with_name(pdf_path.name + ".pdf")
    json_path = pdf_path.with_suffix(".json")
    export = export_person(db, person_id)
    _write(pdf_path, _pdf(db, export))
    _write(json_path, as_json(export).encode("utf-8"))
    audit.log(db, AuditAction.PERSON_EXPORTED, 1, export.person.project_id)
    return pdf_path, json_path


def _pdf(db: Database, export: PersonExport) -> bytes:
    from facilitator.reports.person_export import build_person_export  # reportlab when needed

    return build_person_export(export, settings.get_settings(db).municipality,
                               made_on=db.clock.now().astimezone().date())


def write_privacy_notice(db: Database, path: Path, language: str = "da") -> Path:
    """Write the printable privacy notice ("da" or "en") with the current settings to `path`."""
    from facilitator.reports.privacy_notice import build_privacy_notice

    if language not in LANGUAGES:
        raise PrivacyError(_("Privatlivserklæringen findes på dansk (da) og engelsk (en)."))
    pdf = build_privacy_notice(settings.get_settings(db), language, get_retention_months(db),
                               db.clock.now().astimezone().date())
    _write(Path(path), pdf)
    return Path(path)


def _write(path: Path, data: bytes) -> None:
    """Write atomically beside the target (0600: the file holds personal data)."""
    try:
        write_private(path, data, _("Filen kan ikke gemmes som {path}: {reason}."))
    except SaveError as exc:
        raise PrivacyError(exc.message) from exc


# ----- erasure ------------------------------------------------------------------


def _known(db: Database, person_id: uuid.UUID) -> Person:
    with db.session() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise PrivacyError(_("Personen findes ikke (længere)."))
        s.expunge(person)
        return person


def _target(person: Person) -> ErasureTarget:
    return ErasureTarget(person.id, person.project_id, person.name, person.contact,
                         _("[slettet person]"))


def rewrite_backups(folder: Path, change: Change, secrets: Iterable[str] = ()) -> int:
    """Apply `change` to every backup in the data folder (storage/backup.py); returns how many."""
    from facilitator.storage import backup

    return backup.rewrite_backups(folder, change, secrets)


def _not_erased(reason: str) -> StorageError:
    return StorageError(
        _("Personen er ikke slettet, og intet er ændret. {reason}").format(reason=reason))


def _erase(
    db: Database, folder: Path, targets: list[ErasureTarget],
    logged: list[tuple[AuditAction, int, uuid.UUID]], backoff: Backoff | None,
    also: Change | None = None,
) -> int:
    """Erase everywhere, all or nothing; returns how many backups were rewritten.

    Inside one write transaction, taken once no other connection uses the
    database (waiting by `backoff`): loose copies (half-written backups,
    previews) are deleted, the backups rewritten, the live file erased and the
    audit entries added; `also` (e.g. deleting expired reflections) runs on the
    live file and every backup with it. Any failure there rolls the live file back, so the
    person can still be found and the erasure tried again. After the commit
    the freed pages are wiped and the write-ahead log emptied.
    """
    backoff = backoff or Backoff()
    secrets = [text for t in targets for text in (t.name, t.contact) if text]
    try:
        with sole_writer(db, backoff) as (connection, outer):
            removal = stale_files.remove_copies(folder)
            if removal.failed:
                raise _not_erased(_("Disse filer kunne ikke fjernes: {files}").format(
                    files=", ".join(p.name for p in removal.failed)))
            try:
                change = erase_people_in(targets)
                rewritten = rewrite_backups(folder, change if also is None else _both(change, also),
                                            secrets)
            except Exception as exc:
                raise StorageError(
                    _("Sikkerhedskopierne kunne ikke renses, så personen er ikke slettet. Prøv "
                      "igen. ({reason})").format(reason=describe_error(exc))
                ) from exc
            # Zero freed cells as they are freed, so not even the write-ahead log keeps old rows.
            connection.execute("PRAGMA secure_delete=ON")
            try:
                for target in targets:
                    erase_in(connection, target)
                if also is not None:
                    also(connection)
                for action, count, project_id in logged:
                    audit.log_on(outer, db.clock.now(), action, count, project_id)
            finally:
                connection.execute("PRAGMA secure_delete=OFF")
    except DatabaseBusy as exc:
        raise _not_erased(
            _("Databasen er optaget af en anden forbindelse. Prøv igen om et øjeblik.")) from exc
    except (sqlite3.Error, DBAPIError) as exc:
        raise _not_erased(describe_error(exc)) from exc
    # Committed: a window whose preview was removed may make it anew, without the name.
    removal.tell_windows()
    try:
        wipe_free_space(db, backoff)
    except sqlite3.Error as exc:
        # Only a read begun during the erasure and held ever since gets here (the write
        # waited until nobody used the database). When the last connection closes,
        # SQLite copies the log into the file and deletes it, so closing the app ends it.
        raise StorageError(
            _("Personen er slettet, men databasefilen kunne ikke ryddes helt endnu, fordi "
              "den stadig bruges. Luk Facilitator, så bliver den ryddet.")
        ) from exc
    return rewritten


def _both(first: Change, second: Change) -> Change:
    def change(connection: sqlite3.Connection) -> None:
        first(connection)
        second(connection)

    return change


def data_folder_of(db: Database) -> Path:
    """The folder the database file lies in: the data folder, whose backups/ are erased too."""
    return Path(str(db.engine.url.database)).resolve().parent


def erase_person(
    db: Database, person_id: uuid.UUID, folder: Path | None = None, *,
    backoff: Backoff | None = None,
) -> int:
    """Erase a person everywhere, backups included; their contributions stay without the name.

    `folder` is the data folder (default: the database file's). All or
    nothing: a database kept busy by another connection (waited for by
    `backoff`) leaves everything as it was, with a Danish StorageError.
    Returns how many backups were rewritten.
    """
    person = _known(db, person_id)
    return _erase(db, Path(folder) if folder else data_folder_of(db), [_target(person)],
                  [(AuditAction.PERSON_ERASED, 1, person.project_id)], backoff)


# ----- retention ----------------------------------------------------------------


def _due(db: Database, today: date) -> tuple[list[uuid.UUID], list[Person]]:
    """The projects whose retention has run out by `today`, and their people."""
    due = [r.project_id for r in all_retentions(db)
           if r.erase_from is not None and today >= r.erase_from]
    if not due:
        return [], []
    with db.session() as s:
        persons = list(s.scalars(select(Person).where(Person.project_id.in_(due))))
        s.expunge_all()
    return due, persons


def people_due(db: Database, today: date) -> int:
    """How many people a purge on `today` would erase."""
    return len(_due(db, today)[1])


def reflections_due(db: Database, today: date) -> int:
    """How many of the official's reflections a purge on `today` would erase."""
    return reflection.reflections_in(db, _due(db, today)[0])


def purge_expired(db: Database, folder: Path, today: date) -> int:
    """Erase the people of every project that ended longer ago than the retention; returns how many.

    Called at start through services/privacy_purge.py, which first makes sure
    the computer's clock agrees with the data.
    """
    due, persons = _due(db, today)
    # The official's reflections on the project's meetings go with its people: private notes
    # are kept no longer than the personal data they sit beside.
    if not persons and not reflection.reflections_in(db, due):
        return 0
    counts = [(AuditAction.RETENTION_PURGE, count, project_id) for project_id in due
              if (count := sum(1 for p in persons if p.project_id == project_id))]

    def reflections(connection: sqlite3.Connection) -> None:
        reflection.delete_reflections_of(connection, due)

    _erase(db, Path(folder), [_target(p) for p in persons], counts, None, also=reflections)
    return len(persons)
