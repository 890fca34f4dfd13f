"""Every command opens its data folder through the one door: damaged, emptied, held, read-only, private."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from facilitator.clock import FakeClock
from facilitator.paths import database_path
from facilitator.services import people, projects
from facilitator.services.privacy_settings import set_project_ended
from facilitator.storage.backup import make_backup
from facilitator.storage.database import Database
from facilitator.storage.integrity import quick_check
from tests.backup_factory import big_database, damage
from tests.folder_holder import held_by_another_process
from tests.read_only_mount import read_only_view, snapshot
from tests.test_commands import assert_one_line_refusal, cli

# English that Python or the OS would put in a message.
ENGLISH = re.compile(r"\b(File|name|too|long|[Ee]rror|Errno|denied|Permission|such|directory|"
                     r"Traceback|unable|open|database|disk|full|[Rr]ead-only)\b")


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    """A data folder with the demo project, made through the command line."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    result = cli("demo", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def crashed_then_damaged(folder: Path, clock) -> tuple[bytes, bytes]:
    """A database whose last changes sit in its -wal (a crash), with pages in the middle overwritten."""
    source = big_database(folder.parent / "source", clock)
    writer = sqlite3.connect(source)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE idea SET title = title || ' (rettet)' WHERE rowid % 97 = 0")
    writer.commit()
    folder.mkdir()
    # Copied while the writer is still open: the file and its -wal as a crash leaves them.
    for suffix in ("", "-wal"):
        shutil.copy2(str(source) + suffix, str(database_path(folder)) + suffix)
    writer.close()
    path = database_path(folder)
    damaged = damage(path, keep_wal=True)
    wal = Path(str(path) + "-wal").read_bytes()
    assert wal and quick_check(path), "the copy is not damaged as the test needs"
    return damaged, wal


@pytest.mark.parametrize("command", ["meetings", "brief"])
def test_a_damaged_database_is_refused_and_neither_it_nor_its_wal_is_touched(
    tmp_path, clock, command
):
    folder = tmp_path / "data"
    damaged, wal = crashed_then_damaged(folder, clock)
    args = ["meetings"] if command == "meetings" else [
        "brief", "--meeting", "latest", "--out", str(tmp_path / "b.pdf")]
    result = cli(*args, "--data-dir", str(folder))
    assert_one_line_refusal(result, "Databasen kan ikke åbnes, fordi den er beskadiget")
    assert "facilitator backup --restore ID" in result.stderr
    path = database_path(folder)
    assert path.read_bytes() == damaged
    assert Path(str(path) + "-wal").read_bytes() == wal  # not folded into the damaged file
    assert not (folder / "backups").exists()


def emptied(folder: Path, with_backup: bool, clock) -> Path:
    """A data folder whose database file is 0 bytes (a sync program emptied it)."""
    db = Database.open_file(database_path(folder), clock)
    projects.create_project(db, "Mols i Udvikling")
    if with_backup:
        make_backup(db, "ved lukning")
    db.dispose()
    path = database_path(folder)
    path.write_bytes(b"")
    return path


def test_an_emptied_database_with_backups_is_reported_damaged_by_check_and_refused(tmp_path, clock):
    path = emptied(tmp_path / "data", True, clock)
    result = cli("check", "--data-dir", str(path.parent))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Resultat: BESKADIGET – 1 fejl fundet." in result.stdout
    assert "Databasefilen er tom" in result.stdout
    assert "Sikkerhedskopier: 1;" in result.stdout
    for args in (("meetings",), ("demo",)):
        refused = cli(*args, "--data-dir", str(path.parent))
        assert_one_line_refusal(refused, "fordi den er tom, selv om der findes sikkerhedskopier")
        assert path.read_bytes() == b""  # not replaced by an empty schema


def test_an_emptied_database_without_backups_is_a_new_one(tmp_path, clock):
    path = emptied(tmp_path / "data", False, clock)
    assert cli("check", "--data-dir", str(path.parent)).returncode == 0
    result = cli("meetings", "--data-dir", str(path.parent))
    assert result.returncode == 0, result.stderr
    assert "Der er ingen møder endnu." in result.stdout


def test_demo_is_refused_while_the_app_holds_the_folder(tmp_path, clock):
    folder = tmp_path / "data"
    with held_by_another_process(folder):
        before = database_path(folder).read_bytes()
        (folder / "facilitator.lock").unlink(missing_ok=True)  # deleted by accident
        for args in (("demo",), ("meetings",), ("check",), ("backup", "--list")):
            result = cli(*args, "--data-dir", str(folder))
            assert_one_line_refusal(result, "Facilitator kører allerede med de samme data")
        assert database_path(folder).read_bytes() == before


def test_an_existing_shared_folder_is_not_made_private_by_demo(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o755)
    (folder / "referat.txt").write_text("Andres fil")
    result = cli("demo", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE(database_path(folder).stat().st_mode) == 0o600


def test_a_database_others_can_read_is_refused_with_what_to_do(demo_folder, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(demo_folder, folder)
    os.chmod(database_path(folder), 0o644)
    result = cli("meetings", "--data-dir", str(folder))
    assert_one_line_refusal(result, "kan læses af andre brugere")
    assert "chmod 600" in result.stderr
    assert stat.S_IMODE(database_path(folder).stat().st_mode) == 0o644


@pytest.mark.parametrize("args", [("demo",), ("meetings",), ("check",), ("backup", "--list"),
                                  ("brief", "--meeting", "latest", "--out", "b.pdf")])
def test_a_data_folder_name_too_long_is_explained_in_danish(tmp_path, args):
    folder = tmp_path / ("a" * 300)
    result = cli(*args, "--data-dir", str(folder))
    assert_one_line_refusal(result, "Filnavnet er for langt")
    assert not ENGLISH.search(result.stderr.replace(str(folder), "")), result.stderr


# ----- a read-only medium -------------------------------------------------------------------


def test_meetings_and_brief_read_a_sound_database_on_a_read_only_medium(demo_folder, tmp_path):
    from pypdf import PdfReader

    source = tmp_path / "stick"
    shutil.copytree(demo_folder, source)
    before = snapshot(source)
    with read_only_view(source, tmp_path / "mnt") as medium:
        listed = cli("meetings", "--data-dir", str(medium))
        out = tmp_path / "orientering.pdf"
        written = cli("brief", "--meeting", "latest", "--out", str(out), "--data-dir", str(medium))
    assert listed.returncode == 0, listed.stderr
    assert len([line for line in listed.stdout.splitlines() if "(demo)" in line]) == 3
    assert "åbnet skrivebeskyttet" in listed.stderr
    assert written.returncode == 0, written.stderr
    assert "Opfølgningsmøde i Femmøller" in PdfReader(out).pages[0].extract_text()
    assert snapshot(source) == before


def test_the_app_still_refuses_a_read_only_medium(demo_folder, tmp_path):
    source = tmp_path / "stick"
    shutil.copytree(demo_folder, source)
    with read_only_view(source, tmp_path / "mnt") as medium:
        result = cli("demo", "--data-dir", str(medium))
    assert_one_line_refusal(result, "kan ikke skrives (Disken er skrivebeskyttet)")


# ----- the retention purge and the computer's clock ----------------------------------------


def folder_with_an_ended_project(folder: Path, written_at: datetime) -> None:
    """A project that ended long ago, with Karen, all written at `written_at` (long ago too)."""
    clock = FakeClock(written_at)
    db = Database.open_file(database_path(folder), clock)
    project = projects.create_project(db, "Mols i Udvikling")
    people.add_person(db, project.id, "Karen Vestergaard", "k@example.org", True, True)
    set_project_ended(db, project.id, written_at.date() + timedelta(days=1))
    db.dispose()


def names(folder: Path) -> list[str]:
    with sqlite3.connect(database_path(folder)) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM person")]


def test_the_command_line_never_purges_when_the_clock_is_far_ahead_of_the_data(tmp_path):
    folder = tmp_path / "data"
    folder_with_an_ended_project(folder, datetime(2024, 1, 10, 12, 0, tzinfo=UTC))
    result = cli("meetings", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "1 person fra et afsluttet projekt skal slettes" in lines[0]
    assert "det nyeste i databasen er fra 10-01-2024" in lines[0]
    assert "Derfor er ingen slettet." in lines[0]
    assert names(folder) == ["Karen Vestergaard"]


def test_the_command_line_purges_when_the_clock_agrees_with_the_data(tmp_path):
    folder = tmp_path / "data"
    folder_with_an_ended_project(folder, datetime(2024, 1, 10, 12, 0, tzinfo=UTC))
    # Used an hour ago: the clock and the data agree.
    recent = Database.open_file(database_path(folder), FakeClock(datetime.now(UTC) - timedelta(hours=1)))
    projects.create_project(recent, "Helgenæs i Fællesskab")
    recent.dispose()
    result = cli("meetings", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert names(folder) == []
    assert date.today().year >= 2025  # the project's retention (12 months) has run out
