"""A full disk while capturing: refused in Danish, nothing stored is harmed, the retry saves.

The disk is a real one: a 2 MB tmpfs the test mounts and fills with a file. Where
mounting is not permitted that variant skips, and the same tests still run on
SQLite's own "database or disk is full" (a page limit), so the behaviour is
always covered.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from facilitator.domain.enums import AskKind, OwnerSide
from facilitator.services import capture, meetings, projects
from facilitator.services.rows import IdeaRow
from facilitator.storage.database import Database, describe_error
from tests.small_disk import fill, integrity, small_disk

DISK_FULL = (
    "Disken er fuld, så det kunne ikke gemmes. Frigør plads, og prøv igen – "
    "det indtastede er ikke gået tabt."
)
EARLIER_TITLES = (
    "Shelter ved Agri Bavnehøj",
    "Fælles el-ladestander 🔌 ved forsamlingshuset",
    "حديقة مجتمعية في القرية",  # right-to-left text
    "Cafe\u0301 i den gamle brugs",  # a combining accent, kept as typed
)


class TmpfsDisk:
    """A real 2 MB filesystem that a filler file fills up."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.filler: Path | None = None

    def fill(self, db: Database) -> None:
        """No byte left on the disk."""
        self.filler = fill(self.folder)

    def free(self, db: Database) -> None:
        """The official deleted something: room again."""
        assert self.filler is not None
        self.filler.unlink()


class PageLimit:
    """SQLite's own SQLITE_FULL via `max_page_count`, for machines where mounting is refused."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _limit(self, connection: Any, _record: Any) -> None:
        connection.execute(f"PRAGMA max_page_count={self.pages}")

    def fill(self, db: Database) -> None:
        """The database may not grow by a single page."""
        with db.engine.connect() as connection:
            self.pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        event.listen(db.engine, "connect", self._limit)
        db.engine.dispose()  # pooled connections pick the limit up when reconnected

    def free(self, db: Database) -> None:
        """The limit is lifted."""
        event.remove(db.engine, "connect", self._limit)
        db.engine.dispose()


@pytest.fixture(params=["tmpfs", "sqlite_page_limit"])
def disk(request, tmp_path) -> Iterator[TmpfsDisk | PageLimit]:
    """A disk that can be made full: a 2 MB tmpfs of the test's own, or SQLite's page limit."""
    if request.param == "sqlite_page_limit":
        yield PageLimit(tmp_path)
        return
    with small_disk(tmp_path / "disk") as folder:
        yield TmpfsDisk(folder)


@pytest.fixture
def on_disk(disk, clock):
    """A database on that disk with a meeting and earlier entries; disposed afterwards."""
    path = disk.folder / "data" / "facilitator.db"
    opened: list[Database] = []

    def open_db() -> Database:
        database = Database.open_file(path, clock)
        opened.append(database)
        return database

    db = open_db()
    project = projects.create_project(db, "Mols i Udvikling", ["Knebel", "Agri"])
    meeting = meetings.create_meeting(
        db, project.id, "Borgermøde i Knebel", datetime(2026, 3, 3, 19, 0), with_default_agenda=True
    )
    for title in EARLIER_TITLES:
        clock.advance(1)
        capture.add_idea(
            db, meeting.id, capture.IdeaInput(title=title, proposed_by="Borgergruppen")
        )
    capture.add_ask(db, meeting.id, capture.AskInput("Tilskud til shelter", AskKind.MONEY, 12_500))
    capture.add_step(db, meeting.id, capture.StepInput("Afklare landzone", OwnerSide.MUNICIPALITY))
    yield db, meeting.id, path, open_db
    for database in opened:
        database.dispose()


def stored(db: Database, meeting_id: uuid.UUID) -> tuple[list[Any], list[Any], list[Any]]:
    """Every idea, ask and step of the meeting as the services return them."""
    return (
        capture.list_ideas(db, meeting_id),
        capture.list_asks(db, meeting_id),
        capture.list_steps(db, meeting_id),
    )


def save_until_refused(save: Callable[[int], Any], tries: int = 40) -> tuple[list[Any], Exception]:
    """Call `save(n)` until the disk refuses; (rows whose save returned, the refusal)."""
    # SQLite may first reuse room it already has in its -wal file, so a save or two
    # can still succeed on a full disk; what matters is that those are kept too.
    saved = []
    for n in range(tries):
        try:
            saved.append(save(n))
        except Exception as exc:  # the real sqlite error, whatever wraps it
            return saved, exc
    raise AssertionError(f"{tries} saves on a full disk all succeeded")


def test_full_disk_refuses_an_idea_in_danish_and_harms_nothing_then_the_retry_saves(
    on_disk, disk, clock
):
    db, meeting_id, path, _open_db = on_disk
    before = stored(db, meeting_id)
    disk.fill(db)

    def save(n: int) -> IdeaRow:
        clock.advance(1)  # entries are listed in the order they were made
        data = capture.IdeaInput(
            title=f"Bålhytte nr. {n} ved stranden", detail="Idé fra salen. " * 300
        )
        return capture.add_idea(db, meeting_id, data)

    acknowledged, refusal = save_until_refused(save)
    assert describe_error(refusal) == DISK_FULL

    ideas, asks, steps = stored(db, meeting_id)
    assert ideas == before[0] + acknowledged  # the refused idea is not half there
    assert (asks, steps) == before[1:]
    assert integrity(path) == ["ok"]
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]

    # The same save again, once there is room: stored exactly once, after everything else.
    disk.free(db)
    retried = save(len(acknowledged))
    ideas_after = capture.list_ideas(db, meeting_id)
    assert ideas_after == ideas + [retried]
    assert [i.title for i in ideas_after].count(retried.title) == 1
    assert integrity(path) == ["ok"]


@pytest.mark.parametrize("kind", ["ask", "step"])
def test_full_disk_refuses_asks_and_steps_the_same_way(on_disk, disk, clock, kind):
    db, meeting_id, path, _open_db = on_disk
    before = stored(db, meeting_id)
    disk.fill(db)

    def save(n: int) -> Any:
        clock.advance(1)
        text = f"Ønske nr. {n}: lån af forsamlingshuset " + "æøå " * 500
        if kind == "ask":
            data = capture.AskInput(text, AskKind.VENUE, answer_needed_by=date(2026, 5, 1))
            return capture.add_ask(db, meeting_id, data)
        return capture.add_step(
            db, meeting_id, capture.StepInput(text, OwnerSide.CITIZENS, "Shelter-gruppen")
        )

    acknowledged, refusal = save_until_refused(save)
    assert describe_error(refusal) == DISK_FULL
    after = stored(db, meeting_id)
    index = 1 if kind == "ask" else 2
    assert after[index] == before[index] + acknowledged
    assert [after[i] for i in range(3) if i != index] == [before[i] for i in range(3) if i != index]
    assert integrity(path) == ["ok"]

    disk.free(db)
    retried = save(len(acknowledged))
    assert stored(db, meeting_id)[index] == after[index] + [retried]


# Only a real disk stays full across a restart (a new engine has no page limit).
@pytest.mark.parametrize("disk", ["tmpfs"], indirect=True)
def test_app_restarted_on_a_full_disk_opens_and_shows_everything(on_disk, disk, clock):
    db, meeting_id, path, open_db = on_disk
    before = stored(db, meeting_id)
    disk.fill(db)

    def save(n: int) -> IdeaRow:
        clock.advance(1)
        return capture.add_idea(db, meeting_id, capture.IdeaInput(title=f"Idé {n} " + "x" * 50_000))

    acknowledged, refusal = save_until_refused(save)
    assert describe_error(refusal) == DISK_FULL
    db.dispose()

    # A restart on a still-full disk: reading works and nothing is missing.
    reopened = open_db()
    before = (before[0] + acknowledged, *before[1:])
    assert stored(reopened, meeting_id) == before
    assert integrity(path) == ["ok"]

    disk.free(db)
    clock.advance(1)
    row = capture.add_idea(reopened, meeting_id, capture.IdeaInput(title="Efter oprydning"))
    assert capture.list_ideas(reopened, meeting_id) == before[0] + [row]
