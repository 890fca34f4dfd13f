"""Erasure reaches every copy: half-written backups, brief previews and every free-text field."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Enum, String, Text

from facilitator.data_door import Purpose, open_data_folder
from facilitator.domain.enums import ConsentSource
from facilitator.services import (
    agenda,
    briefs,
    capture,
    meetings,
    people,
    priorities,
    privacy,
    projects,
)
from facilitator.services.privacy_erase import KEPT_COLUMNS, TEXT_COLUMNS
from facilitator.storage import stale_files
from facilitator.storage.backup import list_backups, make_backup
from facilitator.storage.database import StorageError
from facilitator.storage.models import Base
from tests.facilitator.erasure_helpers import assert_absent, every_text, file_bytes

KAREN = "Karen Vestergaard"
KAREN_MAIL = "karen.v@example.org"


def karen_everywhere(db) -> dict:
    """Karen (consented) named in every free-text field the app has, in a project named after her."""
    project = projects.create_project(db, f"{KAREN}s shelterprojekt", ["Knebel", "Agri"])
    meeting = meetings.create_meeting(
        db, project.id, f"Møde hos {KAREN}", datetime(2026, 3, 3, 19, 0),
        f"{KAREN}s lade", [p.id for p in project.places], with_default_agenda=True)
    karen = people.add_person(db, project.id, KAREN, KAREN_MAIL, True, True, date(2026, 3, 3),
                              ConsentSource.ORAL)
    phase = agenda.add_phase(db, meeting.id, f"Spørgsmål fra {KAREN}", 10)
    phase = agenda.set_question(db, phase.id, f"Hvor skal {KAREN}s shelter stå?")
    capture.add_idea(db, meeting.id, capture.IdeaInput(
        f"Shelter ved {KAREN}s skov", f"{KAREN} skriver til {KAREN_MAIL}", f"{KAREN} og naboerne",
        theme=f"{KAREN}s tema", check_note=f"Tjek med {KAREN}"))
    capture.add_ask(db, meeting.id, capture.AskInput(
        f"Penge til {KAREN}", asked_by=f"{KAREN}s gruppe", department=f"Att. {KAREN}"))
    capture.add_step(db, meeting.id, capture.StepInput(f"Ring til {KAREN}", owner_label=KAREN))
    priorities.start_round(db, meeting.id)  # the round keeps no title of its own
    briefs.record_sent(db, meeting.id, date(2026, 3, 5), f"Byrådet; kopi til {KAREN}", "da")
    return {"project": project, "meeting": meeting, "karen": karen, "phase": phase}


# ----- every free-text field -------------------------------------------------------------


def test_erasure_scrubs_project_meeting_agenda_and_every_note(db, tmp_path):
    scene = karen_everywhere(db)
    backup = make_backup(db, "automatisk")
    assert KAREN.encode() in backup.path.read_bytes()

    privacy.erase_person(db, scene["karen"].id, tmp_path)

    assert projects.get_project(db, scene["project"].id).name == "[slettet person] shelterprojekt"
    meeting = meetings.get_meeting(db, scene["meeting"].id)
    assert meeting.title == "Møde hos [slettet person]"
    assert meeting.venue == "[slettet person] lade"
    assert "Spørgsmål fra [slettet person]" in [p.title for p in agenda.list_phases(db, meeting.id)]
    assert "Hvor skal [slettet person] shelter stå?" in [
        p.question for p in agenda.list_phases(db, meeting.id)]
    [choice] = priorities.latest_round(db, meeting.id).choices
    assert choice.title == "Shelter ved [slettet person] skov"
    [sent] = briefs.list_sent(db, meeting.id)
    assert sent.recipients == "Byrådet; kopi til [slettet person]"
    assert_absent(file_bytes(tmp_path / "f.db"), KAREN, KAREN_MAIL)
    assert "Vestergaard" not in every_text(tmp_path / "f.db")
    for info in list_backups(tmp_path):
        assert_absent(file_bytes(info.path), KAREN, KAREN_MAIL)
        assert "Vestergaard" not in every_text(info.path)


def test_every_text_column_is_scrubbed_or_kept_for_a_stated_reason():
    """A new text column must be added to one list or the other: none is forgotten."""
    text_columns = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, Text | String) and not isinstance(column.type, Enum)
        and not column.primary_key
    }
    scrubbed = {(table, column) for table, columns in TEXT_COLUMNS.items() for column in columns}
    kept = set(KEPT_COLUMNS)
    assert not scrubbed & kept
    assert text_columns == scrubbed | kept


# ----- half-written backups and previews ---------------------------------------------------


def stale_copies(folder: Path, db) -> tuple[Path, Path]:
    """A backup cut off by a kill (a `.partial`) and a preview a killed app left, both naming Karen."""
    info = make_backup(db, "automatisk")
    partial = info.path.with_name(info.path.name.replace(".db", "-2.db") + ".partial")
    shutil.copy(info.path, partial)
    info.path.unlink()
    info.path.with_suffix(".json").unlink()
    journal = partial.with_name(partial.name + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9 " + KAREN.encode())
    left = stale_files.preview_folder(folder) / "preview-Ab12Cd"
    left.mkdir()
    (left / "orientering-1-da.pdf").write_bytes(b"%PDF-1.4 " + KAREN.encode() + b" %%EOF")
    (left / ".orientering-2-da.pdf.x1y2.part").write_bytes(KAREN.encode())
    return partial, left


def test_a_session_start_removes_stale_partials_and_previews_but_not_one_shown(tmp_path, clock):
    opened = open_data_folder(tmp_path, clock, Purpose.EDIT)
    db = opened.database
    karen_everywhere(db)
    partial, left = stale_copies(tmp_path, db)
    shown = stale_files.preview_folder(tmp_path) / "preview-Shown1"
    shown.mkdir()
    (shown / "orientering-1-da.pdf").write_bytes(b"%PDF-1.4 shown")
    stale_files.hold_previews(shown)
    opened.close()
    try:
        open_data_folder(tmp_path, clock, Purpose.EDIT).close()
        assert not partial.exists() and not left.exists()
        assert (shown / "orientering-1-da.pdf").exists()
    finally:
        stale_files.let_go_previews(shown)
    assert not any((tmp_path / "backups").glob("*.partial*"))


def test_erasure_deletes_partials_and_every_preview_and_tells_the_window_after_commit(db, tmp_path):
    scene = karen_everywhere(db)
    partial, left = stale_copies(tmp_path, db)
    shown = stale_files.preview_folder(tmp_path) / "preview-Shown2"
    shown.mkdir()
    (shown / "orientering-3-da.pdf").write_bytes(b"%PDF-1.4 " + KAREN.encode())
    told: list[int] = []

    def preview_removed() -> None:
        # Told only once the erasure is committed: a preview made now has no name in it.
        with sqlite3.connect(tmp_path / "f.db") as other:
            told.append(other.execute("SELECT count(*) FROM person").fetchone()[0])

    stale_files.hold_previews(shown, preview_removed)
    try:
        privacy.erase_person(db, scene["karen"].id, tmp_path)
    finally:
        stale_files.let_go_previews(shown)

    assert told == [0]
    assert not partial.exists() and not left.exists()
    assert shown.is_dir() and list(shown.iterdir()) == []  # the window writes its next preview here
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.suffix != ".lock":
            assert KAREN.encode() not in path.read_bytes(), path


def test_a_preview_that_cannot_be_deleted_stops_the_erasure_before_anything_changes(
    db, tmp_path, monkeypatch
):
    scene = karen_everywhere(db)
    make_backup(db, "automatisk")
    left = stale_files.preview_folder(tmp_path) / "preview-Stuck1"
    left.mkdir()
    (left / "orientering-1-da.pdf").write_bytes(KAREN.encode())
    monkeypatch.setattr(stale_files, "_remove", lambda path: False)

    with pytest.raises(StorageError, match="ikke slettet"):
        privacy.erase_person(db, scene["karen"].id, tmp_path)

    assert people.get_person(db, scene["karen"].id).name == KAREN
    [info] = list_backups(tmp_path)
    assert KAREN in every_text(info.path)
