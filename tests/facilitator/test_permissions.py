"""Files holding citizens' data are readable by the user only: folders 0700, files 0600."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from facilitator.clock import FakeClock
from facilitator.domain.enums import ConsentSource
from facilitator.services import people, privacy
from facilitator.storage.backup import make_backup
from facilitator.storage.data_folder import open_app_database
from facilitator.storage.database import Database
from facilitator.storage.permissions import private_folder

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
    db = open_app_database(folder, FakeClock())
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


def test_an_existing_open_database_is_tightened(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    path = folder / "f.db"
    Database.open_file(path, FakeClock()).dispose()
    os.chmod(path, 0o644)
    os.chmod(folder, 0o775)
    db = Database.open_file(path, FakeClock())
    try:
        assert mode(path) == 0o600
        assert mode(folder) == 0o700
    finally:
        db.dispose()


def test_owner_bits_are_kept_so_a_read_only_file_stays_read_only(tmp_path):
    path = tmp_path / "f.db"
    Database.open_file(path, FakeClock()).dispose()
    os.chmod(path, 0o444)
    from facilitator.storage.permissions import private_database

    private_database(path)
    assert mode(path) == 0o400


def test_a_shared_sticky_folder_is_left_alone(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    private_folder(shared)
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
