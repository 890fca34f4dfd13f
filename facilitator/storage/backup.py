"""Backups made with SQLite's online backup API: make, list, restore, rewrite and rotate.

A backup is never a file copy: copying an open database loses what still sits
in its -wal file. Each backup is `backups/facilitator-<id>.db` in the data
folder with a small `.json` beside it (when and why it was made, what it holds,
and its place in the order the backups were made), both readable by the user only.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from facilitator.clock import Clock, SystemClock
from facilitator.i18n import _
from facilitator.paths import DATABASE_FILE, database_path
from facilitator.storage.backup_files import (
    BACKUP_FOLDER,
    BackupInfo,
    backup_path,
    contents_of,
    create_private,
    database_file,
    free_id,
    list_backups,
    next_sequence,
    remove_backup,
    write_meta,
)
from facilitator.storage.database import Database, StorageError
from facilitator.storage.integrity import connect_read_only, problems_at_start, quick_check
from facilitator.storage.os_errors import describe_failure
from facilitator.storage.stale_files import half_written_files

__all__ = [
    "BACKUP_FOLDER", "BackupInfo", "RestoreResult", "backup_dir", "latest_good_backup",
    "list_backups", "make_backup", "reason_label", "restore", "restore_backup",
    "rewrite_backups", "rotate",
]

# Why a backup was made; stored in Danish, shown through reason_label().
REASON_BEFORE_UPGRADE = "før opgradering"
REASON_BEFORE_RESTORE = "før gendannelse"
REASON_MEETING_CLOSED = "mødet er afsluttet"
REASON_PERIODIC = "automatisk"
REASON_EXIT = "ved lukning"


def reason_label(reason: str) -> str:
    """The reason in the user's language (unknown reasons as stored)."""
    labels = {
        REASON_BEFORE_UPGRADE: _("før opgradering"),
        REASON_BEFORE_RESTORE: _("før gendannelse"),
        REASON_MEETING_CLOSED: _("mødet er afsluttet"),
        REASON_PERIODIC: _("automatisk"),
        REASON_EXIT: _("ved lukning"),
        "": _("ukendt"),
    }
    return labels.get(reason, reason)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup put in place, and where the previous state went."""

    restored: BackupInfo
    safety: BackupInfo | None  # the backup of the state before the restore
    damaged_copy: Path | None  # a damaged database kept aside instead


def backup_dir(folder: Path) -> Path:
    """The data folder's backups folder, created readable by the user only (0700)."""
    path = folder / BACKUP_FOLDER
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)  # mkdir's mode is cut by the umask, and an old folder may be wider
    return path


def _error(exc: BaseException) -> StorageError:
    reason = describe_failure(exc)
    return StorageError(_("Sikkerhedskopien kunne ikke laves: {reason}").format(reason=reason))


def make_backup(
    db: Database | Path, reason: str, *, clock: Clock | None = None, folder: Path | None = None
) -> BackupInfo:
    """Back up a database (open, or a file) into `folder`/backups, default beside the database."""
    source = database_file(db) if isinstance(db, Database) else Path(db)
    if not source.is_file():
        raise StorageError(
            _("Der er ingen database at tage en sikkerhedskopi af: {path}").format(path=source)
        )
    if clock is None:
        clock = db.clock if isinstance(db, Database) else SystemClock()
    created_at = clock.now()
    data_folder = folder if folder is not None else source.parent
    target_folder = backup_dir(data_folder)
    backup_id = free_id(target_folder, created_at)
    final = backup_path(target_folder, backup_id)
    partial = final.with_name(final.name + ".partial")
    try:
        sequence = next_sequence(data_folder)
        create_private(partial)
        # Read-only source: reads what is committed, -wal included, and never checkpoints.
        with closing(connect_read_only(source)) as src, closing(sqlite3.connect(partial)) as dest:
            src.backup(dest)
            # The copy is a plain file on its own: no -wal/-shm beside it in the backups folder.
            dest.execute("PRAGMA journal_mode=DELETE")
            projects, meetings, last_entry = contents_of(dest)
        info = BackupInfo(backup_id, final, created_at, reason, projects, meetings, last_entry,
                          sequence)
        # The description (with the order number) first: a backup never appears without it.
        write_meta(info)
        os.replace(partial, final)
    except (sqlite3.Error, OSError) as exc:
        for leftover in (partial, final, final.with_suffix(".json")):
            leftover.unlink(missing_ok=True)
        raise _error(exc) from exc
    return info


def _find(folder: Path, backup_id: str) -> BackupInfo:
    wanted = backup_id.strip()
    for info in list_backups(folder):
        if info.id == wanted:
            return info
    raise StorageError(
        _("Der er ingen sikkerhedskopi med id «{id}». Se dem med «facilitator backup --list».")
        .format(id=wanted[:60])
    )


def latest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup that passes quick_check, if any."""
    return next((b for b in list_backups(folder) if not quick_check(b.path)), None)


def set_aside(path: Path, clock: Clock) -> Path:
    """Rename a damaged database (and its -wal/-shm) to `<name>.beskadiget-<time>`, unchanged."""
    stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.beskadiget-{stamp}")
    counter = 2
    while kept.exists():
        kept = path.with_name(f"{path.name}.beskadiget-{stamp}-{counter}")
        counter += 1
    # The -wal belongs to the file it was written for: it keeps its partner's new name.
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, kept.with_name(kept.name + suffix))
    os.replace(path, kept)
    return kept


def restore(folder: Path, backup_id: str, clock: Clock) -> RestoreResult:
    """Put a backup in place of the data folder's database, keeping the current state first.

    A sound current database is backed up ("før gendannelse"); a damaged one is
    renamed aside untouched. The backup is then copied in with the backup API.
    The caller must have closed its connections to the database.
    """
    chosen = _find(folder, backup_id)
    problems = quick_check(chosen.path)
    if problems:
        raise StorageError(
            _("Sikkerhedskopien {id} er selv beskadiget og kan ikke gendannes: {problem}").format(
                id=chosen.id, problem=problems[0]
            )
        )
    target = database_path(folder)
    safety: BackupInfo | None = None
    damaged: Path | None = None
    if target.exists():
        # Damaged, or emptied while backups exist: kept aside as it is, never "backed up".
        if problems_at_start(target):
            damaged = set_aside(target, clock)
        else:
            safety = make_backup(target, REASON_BEFORE_RESTORE, clock=clock)
    try:
        if not target.exists():
            create_private(target)
        with closing(connect_read_only(chosen.path)) as src, closing(sqlite3.connect(target)) as dest:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=WAL")
    except (sqlite3.Error, OSError) as exc:
        reason = describe_failure(exc)
        raise StorageError(
            _("Sikkerhedskopien kunne ikke gendannes: {reason}").format(reason=reason)
        ) from exc
    return RestoreResult(chosen, safety, damaged)


def restore_backup(folder: Path, backup_id: str, clock: Clock) -> BackupInfo:
    """Restore a backup (the current state is backed up first); returns the restored backup."""
    return restore(folder, backup_id, clock).restored


def scrub_bytes(path: Path, secrets: Iterable[str]) -> bool:
    """Overwrite every stored occurrence of each secret in a file that SQLite cannot rewrite.

    For damaged copies and unreadable backups: the text is overwritten in place
    with the same number of "x" bytes (in its composed and decomposed UTF-8 forms),
    so the file keeps its size and whatever else it holds. Returns whether anything changed.
    """
    import unicodedata

    data = path.read_bytes()
    original = data
    for secret in secrets:
        if not secret:
            continue
        for form in {unicodedata.normalize("NFC", secret), unicodedata.normalize("NFD", secret)}:
            needle = form.encode("utf-8")
            data = data.replace(needle, b"x" * len(needle))
    if data == original:
        return False
    partial = path.with_name(path.name + ".scrub")
    partial.write_bytes(data)
    os.chmod(partial, 0o600)
    os.replace(partial, path)
    return True


def set_aside_copies(folder: Path) -> list[Path]:
    """Damaged databases kept aside by a restore, with their -wal/-shm."""
    return sorted(p for p in folder.glob(f"{DATABASE_FILE}.beskadiget-*") if not p.name.endswith(".scrub"))


def rewrite_backups(
    folder: Path, change: Callable[[sqlite3.Connection], None], secrets: Iterable[str] = ()
) -> int:
    """Apply `change` to every backup, commit and VACUUM so freed pages are gone; returns the count.

    A backup SQLite cannot rewrite (damaged, unreadable), and every damaged copy
    kept aside by a restore, has the `secrets` overwritten byte by byte instead, so
    one spoiled file never blocks an erasure. Only if that fails too is a
    StorageError raised, naming the files, after everything else was done.
    """
    rewritten = 0
    failed: list[str] = []
    for info in list_backups(folder):
        try:
            with closing(sqlite3.connect(info.path)) as connection:
                connection.execute("PRAGMA secure_delete=ON")
                change(connection)
                connection.commit()
                connection.execute("VACUUM")
                projects, meetings, last_entry = contents_of(connection)
            write_meta(replace(info, projects=projects, meetings=meetings,
                               last_entry=last_entry))
            rewritten += 1
        except (sqlite3.Error, OSError):
            try:
                scrub_bytes(info.path, secrets)
                for suffix in ("-wal", "-shm"):
                    companion = info.path.with_name(info.path.name + suffix)
                    if companion.exists():
                        scrub_bytes(companion, secrets)
            except OSError:
                failed.append(info.id)
    for copy in set_aside_copies(folder):
        try:
            scrub_bytes(copy, secrets)
        except OSError:
            failed.append(copy.name)
    if failed:
        raise StorageError(
            _("Disse sikkerhedskopier kunne ikke ændres: {ids}").format(ids=", ".join(failed))
        )
    return rewritten


def rotate(
    folder: Path, keep_recent: int, keep_daily_days: int, now: datetime | None = None
) -> list[str]:
    """Delete old backups; keep the newest `keep_recent` and the newest of each day for a while.

    "Newest" is the order the backups were made in (see `list_backups`), so the
    backup made last is always kept, even if a wrong clock stamped it older than
    the rest. Days count back from `now` (default: the backup made last) in local
    time, so "one a day" means one per calendar day the official sees. A backup
    stamped later than that day (the clock was ahead then, or has been set back
    since) cannot be judged by its stamp: it counts for the day it names, so it
    is never deleted as too old. Returns deleted ids.
    """
    backups = list_backups(folder)
    for partial in half_written_files(folder):
        partial.unlink(missing_ok=True)
    if not backups:
        return []
    keep = {b.id for b in backups[: max(1, keep_recent)]}
    reference = (now or backups[0].created_at).astimezone().date()
    first_day = reference - timedelta(days=max(0, keep_daily_days) - 1)
    days_kept: set[object] = set()
    for info in backups:  # newest first: the first seen of a day is its last state
        day = info.created_at.astimezone().date()
        if keep_daily_days > 0 and day >= first_day and day not in days_kept:
            days_kept.add(day)
            keep.add(info.id)
    # The state just before a restore or an upgrade is the way back if that went
    # wrong: kept for the whole daily period, however many backups follow it.
    for info in backups:
        if info.reason in (REASON_BEFORE_RESTORE, REASON_BEFORE_UPGRADE) and (
            info.created_at.astimezone().date() >= first_day
        ):
            keep.add(info.id)
    deleted = [b.id for b in backups if b.id not in keep]
    for info in backups:
        if info.id not in keep:
            remove_backup(info)
    return deleted
