"""An erasure that meets a busy database finishes completely or changes nothing.

Another connection holds the write lock, or a long read keeps old pages in the
write-ahead log. The waiting goes through an injected `Backoff` whose `sleep`
releases the other connection when the test says so: no real sleeping.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from facilitator.domain.enums import ConsentSource
from facilitator.services import capture, people, privacy
from facilitator.services.audit import AuditAction, list_audit
from facilitator.storage.backup import list_backups, make_backup
from facilitator.storage.busy import Backoff
from facilitator.storage.database import StorageError
from tests.facilitator.erasure_helpers import assert_absent, every_text, file_bytes

KAREN = "Karen Vestergaard"
KAREN_MAIL = "karen.v@example.org"


@pytest.fixture
def karen(db, meeting_factory, tmp_path):
    """Karen, linked to an idea and named in a step, with a backup that holds her."""
    meeting = meeting_factory(db)
    person = people.add_person(db, meeting.project_id, KAREN, KAREN_MAIL, True, True,
                               date(2026, 3, 3), ConsentSource.WRITTEN)
    idea = capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter", f"{KAREN}s idé"))
    people.link_idea_person(db, idea.id, person.id)
    capture.add_step(db, meeting.id, capture.StepInput(f"Ring til {KAREN}"))
    make_backup(db, "automatisk")
    return {"person": person, "idea": idea, "meeting": meeting, "path": tmp_path / "f.db"}


def write_lock(path: Path) -> sqlite3.Connection:
    """Another connection that holds the database's write lock until told otherwise."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def long_read(path: Path) -> sqlite3.Connection:
    """Another connection in the middle of a read: its snapshot keeps the -wal's pages."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM idea").fetchone()
    return other


class ReleasedAfter:
    """A `sleep` for Backoff that lets the other connection go at the n-th pause."""

    def __init__(self, other: sqlite3.Connection | None, pauses: int) -> None:
        self.other = other
        self.release_at = pauses
        self.pauses: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.pauses.append(seconds)
        if self.other is not None and len(self.pauses) == self.release_at:
            self.other.execute("COMMIT")


def assert_gone_everywhere(folder: Path, path: Path) -> None:
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert_absent(file_bytes(path), KAREN, KAREN_MAIL)
    assert KAREN.split()[1] not in every_text(path)
    for info in list_backups(folder):
        assert_absent(file_bytes(info.path), KAREN, KAREN_MAIL)


def assert_untouched(db, karen, folder: Path) -> None:
    assert people.get_person(db, karen["person"].id).name == KAREN
    assert privacy.linked_person_id(db, "idea", karen["idea"].id) == karen["person"].id
    [idea] = capture.list_ideas(db, karen["meeting"].id)
    assert idea.detail == f"{KAREN}s idé"
    for info in list_backups(folder):
        assert KAREN in every_text(info.path)
    assert AuditAction.PERSON_ERASED not in [r.action for r in list_audit(db)]


@pytest.mark.parametrize("hold", [write_lock, long_read], ids=["write lock", "long read"])
def test_erasure_waits_for_the_other_connection_then_finishes(db, karen, tmp_path, hold):
    path = karen["path"]
    assert KAREN.encode() in file_bytes(path)  # the test sees the name while it is there
    other = hold(path)
    sleep = ReleasedAfter(other, pauses=3)
    try:
        assert privacy.erase_person(db, karen["person"].id, tmp_path,
                                    backoff=Backoff(sleep=sleep)) == 1
    finally:
        other.close()
    assert len(sleep.pauses) == 3
    assert people.list_people(db, karen["meeting"].project_id) == []
    assert AuditAction.PERSON_ERASED in [r.action for r in list_audit(db)]
    assert_gone_everywhere(tmp_path, path)


@pytest.mark.parametrize("hold", [write_lock, long_read], ids=["write lock", "long read"])
def test_erasure_on_a_database_that_stays_busy_changes_nothing_and_says_so(
    db, karen, tmp_path, hold
):
    other = hold(karen["path"])
    sleep = ReleasedAfter(None, pauses=0)
    try:
        with pytest.raises(StorageError) as refused:
            privacy.erase_person(db, karen["person"].id, tmp_path, backoff=Backoff(sleep=sleep))
    finally:
        other.close()
    assert refused.value.message == (
        "Personen er ikke slettet, og intet er ændret. Databasen er optaget af en anden "
        "forbindelse. Prøv igen om et øjeblik.")
    assert len(sleep.pauses) == len(Backoff().pauses)
    assert_untouched(db, karen, tmp_path)
    # Tried again once the database is free, it erases.
    privacy.erase_person(db, karen["person"].id, tmp_path, backoff=Backoff(sleep=sleep))
    assert_gone_everywhere(tmp_path, karen["path"])


def read_begun_during_erasure(monkeypatch, path: Path) -> list[sqlite3.Connection]:
    """Make a long read start while the erasure rewrites the backups; the reader is returned."""
    readers: list[sqlite3.Connection] = []
    rewrite = privacy.rewrite_backups

    def rewrite_while_someone_reads(*args, **kwargs):
        readers.append(long_read(path))
        return rewrite(*args, **kwargs)

    monkeypatch.setattr(privacy, "rewrite_backups", rewrite_while_someone_reads)
    return readers


def test_a_read_begun_during_the_erasure_is_waited_for_before_the_log_is_emptied(
    db, karen, tmp_path, monkeypatch
):
    """A read that starts while the erasure writes keeps old pages; the wipe waits for it."""
    readers = read_begun_during_erasure(monkeypatch, karen["path"])
    sleep = ReleasedAfter(None, pauses=0)

    def release_at_second_pause(seconds: float) -> None:
        sleep(seconds)
        if len(sleep.pauses) == 2:
            readers[0].execute("COMMIT")

    try:
        privacy.erase_person(db, karen["person"].id, tmp_path,
                             backoff=Backoff(sleep=release_at_second_pause))
    finally:
        readers[0].close()
    assert len(sleep.pauses) == 2
    assert_gone_everywhere(tmp_path, karen["path"])


def test_a_read_held_through_the_whole_erasure_is_reported_and_closing_ends_it(
    db, karen, tmp_path, monkeypatch
):
    """The erasure is committed, so it says what is left: closing the app empties the log."""
    readers = read_begun_during_erasure(monkeypatch, karen["path"])
    with pytest.raises(StorageError, match="Personen er slettet, men databasefilen") as told:
        privacy.erase_person(db, karen["person"].id, tmp_path,
                             backoff=Backoff(sleep=ReleasedAfter(None, pauses=0)))
    assert "Luk Facilitator" in told.value.message
    assert people.list_people(db, karen["meeting"].project_id) == []
    readers[0].close()
    db.dispose()  # the app closes
    assert_gone_everywhere(tmp_path, karen["path"])
