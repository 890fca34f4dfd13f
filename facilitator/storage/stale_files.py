"""Loose copies of citizens' data in the data folder: half-written backups and brief previews.

A backup interrupted by a crash leaves `backups/*.partial`; a brief window that
was not closed properly (the app killed, the laptop's power gone) leaves its
preview PDFs in `previews/`. Both hold names, and neither is a backup anyone
can restore, so they are removed at the start of every session
(`remove_stale_copies`) and by every erasure (`remove_copies`). An erasure also
removes the e-mail drafts in `exports/`; otherwise they are the official's, kept
for MAIL_DRAFT_DAYS days after they were written (long enough to send one; by
then the mail program has its own copy) and removed by the next opening of the
folder after that. Age is the file's date against the system clock: a clock set
wrongly ahead removes drafts early, which loses nothing (E writes one anew).

A preview shown by a window of this process is not stale: the window holds its
folder (`hold_previews`) until it closes. An erasure removes it all the same,
since it may show the erased name, and tells the window, which makes it anew.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.paths import DATABASE_FILE
from facilitator.storage.backup_files import BACKUP_FOLDER

PREVIEW_FOLDER = "previews"
# E-mail drafts to a department (facilitator/follow_up_mail.py): anonymised, but an erasure
# removes them all the same, since the official may have typed a name into an ask.
EXPORT_FOLDER = "exports"
MAIL_DRAFT_GLOB = "mail-*.eml"
MAIL_DRAFT_DAYS = 30

# Preview folders shown by a window of this process, and what to call when an
# erasure removed one (the window makes its preview anew).
_held: dict[Path, Callable[[], None] | None] = {}
_held_lock = threading.Lock()


def preview_folder(folder: Path) -> Path:
    """`previews/` in the data folder, created readable by the user only (0700)."""
    path = folder / PREVIEW_FOLDER
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)  # mkdir's mode is cut by the umask, and an old folder may be wider
    return path


def hold_previews(path: Path, on_removed: Callable[[], None] | None = None) -> None:
    """Mark a preview folder as shown by this process; `on_removed` runs after an erasure removed it."""
    with _held_lock:
        _held[Path(path).resolve()] = on_removed


def let_go_previews(path: Path) -> None:
    """The preview folder is no longer shown (its window closed)."""
    with _held_lock:
        _held.pop(Path(path).resolve(), None)


def _is_held(path: Path) -> bool:
    with _held_lock:
        return path.resolve() in _held


def half_written_files(folder: Path) -> list[Path]:
    """Files a crash left half written: backups and their descriptions, scrubbed copies."""
    backups = folder / BACKUP_FOLDER
    # With their -journal/-wal/-shm, if SQLite had made one when the crash came.
    found = [*backups.glob("*.partial*"), *backups.glob("*.scrub*")] if backups.is_dir() else []
    found += folder.glob(f"{DATABASE_FILE}.beskadiget-*.scrub*")
    return sorted(p for p in found if p.is_file())


def preview_entries(folder: Path, include_held: bool) -> list[Path]:
    """What `previews/` holds (folders and loose files), without those held unless asked."""
    previews = folder / PREVIEW_FOLDER
    if not previews.is_dir():
        return []
    return sorted(p for p in previews.iterdir() if include_held or not _is_held(p))


def mail_drafts(folder: Path) -> list[Path]:
    """The e-mail drafts in the data folder's `exports/`."""
    exports = folder / EXPORT_FOLDER
    return sorted(p for p in exports.glob(MAIL_DRAFT_GLOB) if p.is_file()) if exports.is_dir() else []


def _remove(path: Path) -> bool:
    """Delete a file or a folder with everything in it; whether it is gone."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        return not path.exists()
    return True


def old_mail_drafts(folder: Path, now: float | None = None) -> list[Path]:
    """The e-mail drafts written more than MAIL_DRAFT_DAYS days before `now` (seconds)."""
    limit = (time.time() if now is None else now) - MAIL_DRAFT_DAYS * 24 * 3600
    found = []
    for draft in mail_drafts(folder):
        try:
            if draft.stat().st_mtime < limit:
                found.append(draft)
        except OSError:
            continue  # gone meanwhile, or unreadable: left for the next start
    return found


def remove_stale_copies(folder: Path) -> list[Path]:
    """At the start of a session: delete half-written backups, previews no window shows and
    e-mail drafts older than MAIL_DRAFT_DAYS days.

    Best effort (a file that cannot be deleted now is tried again next time);
    returns what could not be deleted.
    """
    left = [p for p in half_written_files(folder) if not _remove(p)]
    left += [p for p in preview_entries(folder, include_held=False) if not _remove(p)]
    left += [p for p in old_mail_drafts(folder) if not _remove(p)]
    return left


@dataclass
class Removal:
    """What `remove_copies` did: files it could not delete, and windows to tell afterwards."""

    failed: list[Path] = field(default_factory=list)
    to_tell: list[Callable[[], None]] = field(default_factory=list)

    def tell_windows(self) -> None:
        """Tell each window whose preview was removed (after the erasure was committed)."""
        for tell in self.to_tell:
            tell()


def remove_copies(folder: Path) -> Removal:
    """For an erasure: delete every half-written backup, every mail draft and every preview.

    The windows that showed a removed preview are not told here: the caller
    tells them once the erasure is committed, so their new preview no longer
    has the name.
    """
    removal = Removal()
    removal.failed += [p for p in half_written_files(folder) if not _remove(p)]
    removal.failed += [p for p in mail_drafts(folder) if not _remove(p)]
    for entry in preview_entries(folder, include_held=True):
        with _held_lock:
            held = entry.resolve() in _held
            tell = _held.get(entry.resolve())
        # A held folder stays (its window writes the next preview there); only its files go.
        doomed = sorted(entry.iterdir()) if held and entry.is_dir() else [entry]
        failed = [p for p in doomed if not _remove(p)]
        removal.failed += failed
        if held and not failed and tell is not None:
            removal.to_tell.append(tell)
    return removal
