"""The headless commands: `facilitator demo` and `facilitator brief`, run as a user would."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from facilitator.clock import FakeClock, SystemClock
from facilitator.demo import create_demo
from facilitator.demo_content import PROJECT_NAME
from facilitator.domain.enums import MeetingStatus, PromptKind, Role
from facilitator.paths import DATA_DIR_ENV, database_path
from facilitator.services import briefs, capture, meetings, people, summary
from facilitator.services.settings import get_settings
from facilitator.storage.database import Database

ROOT = Path(__file__).resolve().parent.parent

needs_builder = pytest.mark.skipif(
    importlib.util.find_spec("facilitator.reports.brief") is None,
    reason="facilitator.reports.brief (the PDF builder) is not written yet",
)

# Runs the real command line and reports, on its last line, the exit status
# and every PySide6 module that got imported on the way.
RUN_CLI = (
    "import sys\n"
    "from ui.cli import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "except SystemExit as exit:\n"
    "    code = exit.code\n"
    "qt = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')\n"
    "print('exit', code, 'qt', qt)\n"
    "sys.exit(code)\n"
)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`facilitator ARGS` in a fresh interpreter, without a display."""
    env = {k: v for k, v in os.environ.items() if k != DATA_DIR_ENV}
    return subprocess.run(
        [sys.executable, "-c", RUN_CLI, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
    )


def assert_one_line_refusal(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    """A data folder with the demo project, made once through the command line."""
    folder = tmp_path_factory.mktemp("demo")
    result = cli("demo", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "exit 0 qt []"
    assert "er oprettet med 3 møder" in result.stdout
    return folder


def test_demo_creates_three_meetings_two_held_one_planned(demo_dir):
    db = Database.open_file(database_path(demo_dir), SystemClock())
    try:
        meeting_list = meetings.list_meetings(db, latest_project(db))
        statuses = sorted(m.status for m in meeting_list)
        assert statuses == sorted([MeetingStatus.CLOSED] * 2 + [MeetingStatus.PLANNED])
        held = [m for m in meeting_list if m.status is MeetingStatus.CLOSED]
        for meeting in held:
            result = summary.meeting_summary(db, meeting.id)
            # Citizens mostly talking, a few official turns, and the live screen's prompts.
            assert result.share.share(Role.CITIZEN) > 0.75
            assert 0 < result.share.share(Role.OFFICIAL) < 0.2
            assert result.hold_backs >= 4
            assert len(capture.list_ideas(db, meeting.id)) >= 10
            assert len({a.kind for a in capture.list_asks(db, meeting.id)}) >= 5
            assert any(a.needs_decision for a in capture.list_asks(db, meeting.id))
            assert any(i.needs_check for i in capture.list_ideas(db, meeting.id))
            assert len({s.owner_side for s in capture.list_steps(db, meeting.id)}) == 2
            assert meetings.get_meeting(db, meeting.id).attendance
        nudges = {
            kind
            for meeting in held
            for kind in summary.meeting_summary(db, meeting.id).nudges
        }
        assert PromptKind.EARLY_OFFICIAL in nudges and PromptKind.TALK_SHARE in nudges
        named = [p.can_be_named for p in people.list_people(db, latest_project(db))]
        assert sorted(named) == [False, True]
        assert get_settings(db).municipality == "Molsø Kommune"
        assert briefs.latest_meeting_id(db) == max(held, key=lambda m: str(m.ended_at)).id
    finally:
        db.dispose()


def latest_project(db: Database) -> uuid.UUID:
    from facilitator.services import projects

    return next(p.id for p in projects.list_projects(db) if p.name == PROJECT_NAME)


def test_demo_is_the_same_every_time(tmp_path):
    data = []
    for name in ("one", "two"):
        db = Database.open_file(tmp_path / name / "f.db", SystemClock())
        create_demo(db, FakeClock())
        data.append(briefs.brief_data(db, briefs.latest_meeting_id(db)))
        db.dispose()
    assert data[0] == data[1]
    assert "Jens Bødker" not in repr(data[0])  # the demo citizen who did not consent
    assert "Karen Vestergaard" in repr(data[0])  # the one who did


def test_demo_twice_does_not_duplicate_the_project(demo_dir):
    result = cli("--data-dir", str(demo_dir), "demo")
    assert result.returncode == 0, result.stderr
    assert "findes allerede" in result.stdout


@needs_builder
@pytest.mark.parametrize("language", ["da", "en"])
def test_brief_of_the_latest_meeting_writes_a_pdf(demo_dir, tmp_path, language):
    from pypdf import PdfReader

    out = tmp_path / "orientering.pdf"
    result = cli("brief", "--meeting", "latest", "--out", str(out), "--lang", language,
                 "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "exit 0 qt []"
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Opfølgningsmøde i Femmøller" in text
    assert "Jens Bødker" not in text
    assert [p.name for p in tmp_path.iterdir()] == ["orientering.pdf"]  # no temp file left


@needs_builder
def test_brief_by_id_overwrites_an_existing_file(demo_dir, tmp_path):
    db = Database.open_file(database_path(demo_dir), SystemClock())
    first = next(m for m in meetings.list_meetings(db, latest_project(db))
                 if m.title.startswith("Borgermøde i Knebel"))
    db.dispose()
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")
    result = cli("brief", "--meeting", str(first.id), "--out", str(out), "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_bad_meeting_id_is_one_danish_line(demo_dir, tmp_path):
    result = cli("brief", "--meeting", "møde-7", "--out", str(tmp_path / "b.pdf"),
                 "--data-dir", str(demo_dir))
    assert_one_line_refusal(result, "«møde-7» er ikke et møde-id")
    assert not (tmp_path / "b.pdf").exists()


def test_unknown_meeting_is_one_danish_line(demo_dir, tmp_path):
    missing = uuid.uuid4()
    result = cli("brief", "--meeting", str(missing), "--out", str(tmp_path / "b.pdf"),
                 "--data-dir", str(demo_dir))
    assert_one_line_refusal(result, f"Mødet findes ikke (id {missing})")


@pytest.mark.parametrize("where", ["missing folder", "under a file", "a folder"])
def test_unwritable_path_is_one_danish_line(demo_dir, tmp_path, where):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = {
        "missing folder": tmp_path / "nowhere" / "b.pdf",
        "under a file": blocker / "b.pdf",
        "a folder": tmp_path,
    }[where]
    result = cli("brief", "--meeting", "latest", "--out", str(out), "--data-dir", str(demo_dir))
    assert_one_line_refusal(result, "Orienteringen kan ikke gemmes som")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_damaged_database_is_one_danish_line(tmp_path):
    (tmp_path / "facilitator.db").write_bytes(b"this is not a database" * 100)
    result = cli("brief", "--meeting", "latest", "--out", str(tmp_path / "b.pdf"),
                 "--data-dir", str(tmp_path))
    assert_one_line_refusal(result, "Databasen kan ikke åbnes")


def test_missing_database_is_one_danish_line_and_nothing_is_created(tmp_path):
    result = cli("brief", "--meeting", "latest", "--out", str(tmp_path / "b.pdf"),
                 "--data-dir", str(tmp_path / "empty"))
    assert_one_line_refusal(result, "Der er ingen database")
    assert not (tmp_path / "empty").exists()


def test_unknown_language_is_one_danish_line(demo_dir, tmp_path):
    result = cli("brief", "--meeting", "latest", "--out", str(tmp_path / "b.pdf"),
                 "--lang", "de", "--data-dir", str(demo_dir))
    assert_one_line_refusal(result, "da (dansk) eller en (engelsk)")


def test_help_is_danish(tmp_path):
    result = cli("brief", "--help")
    assert result.returncode == 0
    assert "det senest afholdte møde" in result.stdout
    assert "qt []" in result.stdout


def test_commands_refuse_without_a_traceback_in_process(tmp_path, capsys):
    from facilitator import commands

    status = commands.brief(str(tmp_path), "latest", str(tmp_path / "b.pdf"))
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err.count("\n") == 1 and "Der er ingen database" in captured.err


def test_meetings_lists_ids_for_the_brief_command(demo_dir, tmp_path):
    result = cli("meetings", "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "Mols i Udvikling (demo)" in line]
    assert len(lines) == 3
    first_id = lines[0].split()[0]
    written = cli("brief", "--meeting", first_id, "--out", str(tmp_path / "b.pdf"), "--data-dir", str(demo_dir))
    assert written.returncode == 0, written.stderr


def test_brief_file_must_be_a_pdf(demo_dir, tmp_path):
    result = cli("brief", "--meeting", "latest", "--out", str(tmp_path / "b.txt"), "--data-dir", str(demo_dir))
    assert_one_line_refusal(result, "skal ende på .pdf")
    assert not (tmp_path / "b.txt").exists()


def test_a_command_that_cannot_be_understood_is_one_danish_line(tmp_path):
    result = cli("brief", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == "facilitator: kommandoen kan ikke forstås. Se «facilitator --help»."
