"""The retention purge at the app's start: silent when the clock agrees with the data, else asked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import ui.app
from facilitator.clock import FakeClock
from facilitator.paths import database_path
from facilitator.services import people, privacy, projects
from facilitator.services.audit import AuditAction, list_audit
from facilitator.services.privacy_settings import set_project_ended
from facilitator.storage.database import Database
from tests.ui.modal import answer_next_box
from ui.common.prompts import Prompts
from ui.safety_net import SafetyNet

KAREN = "Karen Vestergaard"
# The retention (12 months) of a project ended on 31-03-2026 runs out on 31-03-2027.
DUE_DAY = datetime(2027, 4, 1, 9, 0, tzinfo=UTC)


class ScriptedPrompts(Prompts):
    """Answers every question with `answer` and keeps what was asked."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str, str, str]] = []

    def ask(self, parent, title, question, yes, no) -> bool:
        self.asked.append((title, question, yes, no))
        return self.answer


@pytest.fixture
def folder(tmp_path) -> Path:
    """A data folder written in March 2026: a project that ended 31-03-2026, with Karen."""
    path = tmp_path / "data"
    db = Database.open_file(database_path(path), FakeClock())
    project = projects.create_project(db, "Mols i Udvikling")
    people.add_person(db, project.id, KAREN, "k@example.org", True, True)
    set_project_ended(db, project.id, date(2026, 3, 31))
    db.dispose()
    return path


def karen(db: Database) -> list[str]:
    return [p.name for p in privacy.find_people(db, "Karen")]


def start(qtbot, folder: Path, clock, monkeypatch, prompts: Prompts | None = None):
    """The app's real start path, until the window has its database."""
    monkeypatch.setattr(SafetyNet, "install", lambda self: None)  # pytest-qt reports errors
    window = ui.app.launch(str(folder), clock, prompts)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.db is not None, timeout=20_000)
    return window


def finish(window) -> None:
    window.opener.wait()
    window.close()
    window.db.dispose()


def test_app_start_purges_people_of_long_ended_projects(qtbot, folder, monkeypatch):
    """The app was used this morning, so the clock agrees with the data: purged without a question."""
    clock = FakeClock(DUE_DAY - timedelta(hours=3))
    db = Database.open_file(database_path(folder), clock)
    projects.create_project(db, "Helgenæs i Fællesskab")
    db.dispose()
    clock.advance(3 * 3600)
    prompts = ScriptedPrompts(False)
    window = start(qtbot, folder, clock, monkeypatch, prompts)
    assert prompts.asked == []
    assert karen(window.db) == []
    assert [r.action for r in list_audit(window.db)][-1] is AuditAction.RETENTION_PURGE
    finish(window)
    assert b"Vestergaard" not in database_path(folder).read_bytes()


def test_a_clock_far_ahead_of_the_data_asks_and_no_keeps_everyone(qtbot, folder, monkeypatch):
    prompts = ScriptedPrompts(False)
    window = start(qtbot, folder, FakeClock(DUE_DAY), monkeypatch, prompts)
    [(title, question, yes, no)] = prompts.asked
    assert title == "Slette personer efter opbevaringstid?"
    assert "1 person fra et afsluttet projekt skal slettes" in question
    assert "computerens ur siger 01-04-2027" in question
    assert "det nyeste i databasen er fra 03-03-2026" in question
    assert (yes, no) == ("Ja, slet personen nu", "Nej, ikke nu")
    assert karen(window.db) == [KAREN]
    assert AuditAction.RETENTION_PURGE not in [r.action for r in list_audit(window.db)]
    finish(window)


def test_a_clock_far_ahead_of_the_data_asks_and_yes_erases(qtbot, folder, monkeypatch):
    prompts = ScriptedPrompts(True)
    window = start(qtbot, folder, FakeClock(DUE_DAY), monkeypatch, prompts)
    assert len(prompts.asked) == 1
    assert karen(window.db) == []
    assert [r.action for r in list_audit(window.db)][-1] is AuditAction.RETENTION_PURGE
    finish(window)


@pytest.mark.parametrize(("button", "erased"), [("Ja, slet personen nu", True), ("Nej, ikke nu", False)])
def test_the_question_is_a_danish_message_box(qtbot, folder, monkeypatch, button, erased):
    seen: list[str] = []
    answer = answer_next_box(button, seen)
    window = start(qtbot, folder, FakeClock(DUE_DAY), monkeypatch)
    answer.stop()
    assert len(seen) == 1 and "opbevaringstiden er udløbet" in seen[0]
    assert seen[0].endswith("Er datoen 01-04-2027 rigtig, og skal personen slettes nu?")
    assert karen(window.db) == ([] if erased else [KAREN])
    finish(window)
