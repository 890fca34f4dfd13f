"""Files holding citizens' data are readable by the user only; a folder the app did not make is never changed."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from facilitator.clock import FakeClock
from facilitator.data_door import Purpose, open_data_folder
from facilitator.domain.enums import ConsentSource
from facilitator.services import people, privacy
from facilitator.storage.backup import make_backup
from facilitator.storage.database import Database, StorageError
from facilitator.storage.permissions import readable_by_others

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def generous_umask():
    """A umask that would make files readable by everyone (022 is the common default)."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_new_data_folder_database_and_wal_are_private(tmp_path, meeting_factory):
    folder = tmp_path / "Facilitator"
    opened = open_data_folder(folder, FakeClock(), Purpose.APP)
    db = opened.database
    try:
        meeting_factory(db)  # writes, so the -wal and -shm exist
        path = folder / "facilitator.db"
        assert mode(folder) == 0o700
        assert mode(path) == 0o600
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            assert companion.exists(), suffix
            assert mode(companion) == 0o600, suffix
    finally:
        db.dispose()


def test_only_the_folder_itself_is_made_private_not_the_parents_it_needed(tmp_path):
    folder = tmp_path / "new" / "Facilitator"
    with open_data_folder(folder, FakeClock(), Purpose.EDIT):
        pass
    assert mode(folder) == 0o700
    assert mode(folder.parent) == 0o755


def test_an_existing_shared_folder_is_never_changed(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o755)
    (folder / "notes.txt").write_text("someone else's file")
    os.chmod(folder / "notes.txt", 0o644)
    with open_data_folder(folder, FakeClock(), Purpose.APP):
        pass
    assert mode(folder) == 0o755
    assert mode(folder / "notes.txt") == 0o644
    assert mode(folder / "facilitator.db") == 0o600  # the file the app made is private


@pytest.mark.parametrize("purpose", [Purpose.APP, Purpose.EDIT, Purpose.READ])
def test_a_database_others_can_read_is_refused_and_left_as_it_is(tmp_path, purpose):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "facilitator.db"
    Database.open_file(path, FakeClock()).dispose()
    os.chmod(path, 0o644)
    os.chmod(folder, 0o775)
    before = path.read_bytes()
    with pytest.raises(StorageError) as refused:
        open_data_folder(folder, FakeClock(), purpose)
    message = refused.value.message
    assert f"Databasen {path} kan læses af andre brugere" in message
    assert "-rw-r--r--" in message and f"chmod 600 {path}" in message
    assert "ændrer ikke rettighederne" in message
    assert mode(path) == 0o644 and mode(folder) == 0o775
    assert path.read_bytes() == before


def test_a_database_file_with_only_owner_bits_is_fine_in_an_open_folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    os.chmod(folder, 0o755)
    path = folder / "facilitator.db"
    Database.open_file(path, FakeClock()).dispose()
    os.chmod(path, 0o400)  # read-only to its owner: not "readable by others"
    assert readable_by_others(path) == []
    os.chmod(path, 0o640)
    assert readable_by_others(path) == [(path, path.stat().st_mode)]


def test_a_shared_sticky_folder_is_left_alone(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    with open_data_folder(shared, FakeClock(), Purpose.EDIT):
        pass
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777


def test_backups_and_exports_are_private(db, tmp_path, meeting_factory):
    meeting = meeting_factory(db)
    person = people.add_person(db, meeting.project_id, "Karen Vestergaard", "k@example.org",
                                True, True, date(2026, 3, 3), ConsentSource.ORAL)
    info = make_backup(db, "automatisk")
    assert mode(info.path.parent) == 0o700
    assert mode(info.path) == 0o600
    pdf, data = privacy.export_person_files(db, person.id, tmp_path / "indsigt.pdf")
    assert mode(pdf) == 0o600 and mode(data) == 0o600
    notice = privacy.write_privacy_notice(db, tmp_path / "notice.pdf")
    assert notice.exists()
