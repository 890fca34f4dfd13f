"""Fifty SIGKILLs at random moments of one live meeting: every acknowledged entry survives, the file stays sound.

A child process runs a scripted meeting (tests/facilitator/scripted_meeting.py)
and reports each service call before (`do`) and after it returned (`ok`). The
parent kills it after a seeded random number of lines, checks the database,
and starts the next child on the same file, which resumes the meeting.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from facilitator.clock import FakeClock
from facilitator.domain.enums import MeetingStatus, PromptKind
from facilitator.live_meeting import LiveMeeting
from facilitator.services import summary
from facilitator.storage.database import Database
from facilitator.storage.models import (
    Idea,
    Meeting,
    NextStep,
    Phase,
    PromptEvent,
    ResourceAsk,
    SpeakerTurn,
)
from tests.facilitator.scripted_meeting import BASE, RUN_SPACING

SEED = 20260303
KILLS = 50
MAX_LINES_BEFORE_KILL = 60
CHILD_TIMEOUT_S = 30.0
REPO = Path(__file__).resolve().parents[2]


@dataclass
class Ledger:
    """What the children acknowledged, i.e. what must be in the database from now on."""

    meeting_id: uuid.UUID | None = None
    # id -> the fields as stored; for ideas also whether deleted.
    ideas: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    asks: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    steps: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    turns: set[tuple[str, datetime]] = field(default_factory=set)
    hold_backs: set[tuple[uuid.UUID, datetime]] = field(default_factory=set)
    phases_entered: dict[uuid.UUID, datetime] = field(default_factory=dict)
    dismissed: set[uuid.UUID] = field(default_factory=set)
    acknowledged: int = 0
    cut_mid_call: int = 0


@dataclass
class InFlight:
    """The one call a kill may have cut off: it may or may not have been stored."""

    action: dict[str, Any] | None = None


def parse(line: bytes) -> tuple[str, dict[str, Any]]:
    """A protocol line: its tag and its JSON fields (times and ids as Python values)."""
    tag, _, payload = line.decode("ascii").rstrip("\n").partition(" ")
    fields = json.loads(payload or "{}")
    if "at" in fields:
        fields["at"] = datetime.fromisoformat(fields["at"])
    for key in ("id", "meeting", "phase"):
        if key in fields:
            fields[key] = uuid.UUID(fields[key])
    return tag, fields


def run_child(path: Path, seed: int, run: int, threshold: int) -> list[bytes]:
    """Start the scripted meeting, SIGKILL it after `threshold` lines; every complete line it wrote."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.facilitator.scripted_meeting",
            str(path),
            str(seed),
            str(run),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=REPO,
    )
    # Reads below block; a hung child is killed so they end with EOF and the test fails.
    watchdog = threading.Timer(CHILD_TIMEOUT_S, child.kill)
    watchdog.start()
    try:
        assert child.stdout is not None and child.stderr is not None
        lines: list[bytes] = []
        while len(lines) < threshold:
            line = child.stdout.readline()
            if not line.endswith(b"\n"):
                raise AssertionError(
                    f"run {run} stopped after {len(lines)} lines:\n"
                    + child.stderr.read().decode("utf-8", "replace")
                )
            lines.append(line)
        child.send_signal(signal.SIGKILL)
        child.wait()
        # Lines already in the pipe were acknowledged too; a torn last line was not.
        lines += [x for x in child.stdout.read().splitlines(keepends=True) if x.endswith(b"\n")]
        child.stdout.close()
        child.stderr.close()
    finally:
        watchdog.cancel()
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, f"run {run} was not killed mid-stream"
    return lines


def record(ledger: Ledger, lines: list[bytes]) -> InFlight:
    """Enter every acknowledged call into the ledger; return the call the kill cut off, if any."""
    in_flight = InFlight()
    for line in lines:
        tag, f = parse(line)
        if tag == "do":
            in_flight.action = f
            continue
        if tag != "ok":
            continue
        in_flight.action = None
        ledger.acknowledged += 1
        action = f["a"]
        if action in ("start", "resume"):
            ledger.meeting_id = f["meeting"]
        elif action == "idea":
            ledger.ideas[f["id"]] = {
                "title": f["title"],
                "detail": f["detail"],
                "theme": f["theme"],
                "deleted": False,
            }
        elif action == "edit":
            ledger.ideas[f["id"]].update(title=f["title"], detail="", theme="")
        elif action in ("delete", "restore"):
            ledger.ideas[f["id"]]["deleted"] = action == "delete"
        elif action == "ask":
            ledger.asks[f["id"]] = {"what": f["what"], "kind": f["kind"], "amount": f["amount"]}
        elif action == "step":
            ledger.steps[f["id"]] = {"what": f["what"], "side": f["side"], "due": f["due"]}
        elif action == "mark":
            ledger.turns.add((f["role"], f["at"]))
        elif action in ("phase", "hold_back"):
            if action == "phase":
                ledger.phases_entered.setdefault(f["phase"], f["at"])
            if f["hold_back"] > 0:
                ledger.hold_backs.add((f["phase"], f["at"]))
        elif action == "dismiss":
            ledger.dismissed.add(f["id"])
    return in_flight


def _stored_entries(s: Any, meeting_id: uuid.UUID) -> dict[str, dict[uuid.UUID, dict[str, Any]]]:
    ideas = {
        i.id: {
            "title": i.title,
            "detail": i.detail,
            "theme": i.theme,
            "deleted": i.deleted_at is not None,
        }
        for i in s.scalars(select(Idea).where(Idea.meeting_id == meeting_id))
    }
    asks = {
        a.id: {"what": a.what, "kind": a.kind.value, "amount": a.amount_dkk}
        for a in s.scalars(select(ResourceAsk).where(ResourceAsk.meeting_id == meeting_id))
    }
    steps = {
        x.id: {"what": x.what, "side": x.owner_side.value, "due": x.due_on.isoformat()}
        for x in s.scalars(select(NextStep).where(NextStep.meeting_id == meeting_id))
    }
    return {"idea": ideas, "ask": asks, "step": steps}


def _check_entries(kind: str, known: dict, stored: dict, in_flight: dict[str, Any] | None) -> None:
    """Every acknowledged entry stored as acknowledged; anything else is the one cut-off call."""
    cut = in_flight or {}
    for entry_id, expected in known.items():
        assert entry_id in stored, f"acknowledged {kind} {expected} is missing"
        actual = stored[entry_id]
        if actual == expected:
            continue
        # Only the call cut off by the kill may have changed it, and only to what it asked for.
        assert cut.get("id") == entry_id, f"{kind} {entry_id}: {actual} != acknowledged {expected}"
        if cut["a"] == "edit":
            assert actual == {**expected, "title": cut["title"], "detail": "", "theme": ""}
        else:
            assert actual == {**expected, "deleted": cut["a"] == "delete"}
        known[entry_id] = actual  # stored now: must stay so after later kills
    extra = set(stored) - set(known)
    if extra:
        (entry_id,) = extra  # at most the one add the kill cut off
        text_key = "title" if kind == "idea" else "what"
        assert cut.get("a") == kind and stored[entry_id][text_key] == cut[text_key], (
            f"unexpected {kind} {stored[entry_id]}"
        )
        known[entry_id] = stored[entry_id]


def check(path: Path, ledger: Ledger, in_flight: InFlight) -> None:
    """Reopen the database after a kill: sound, and everything acknowledged is there."""
    db = Database.open_file(path, FakeClock())
    try:
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        if ledger.meeting_id is None:
            return
        with db.session() as s:
            meeting = s.get_one(Meeting, ledger.meeting_id)
            assert meeting.status is MeetingStatus.RUNNING
            stored = _stored_entries(s, ledger.meeting_id)
            _check_entries("idea", ledger.ideas, stored["idea"], in_flight.action)
            _check_entries("ask", ledger.asks, stored["ask"], in_flight.action)
            _check_entries("step", ledger.steps, stored["step"], in_flight.action)
            turns = {
                (t.role.value, t.started_at)
                for t in s.scalars(select(SpeakerTurn).where(SpeakerTurn.meeting_id == meeting.id))
            }
            assert ledger.turns <= turns, f"turns missing: {ledger.turns - turns}"
            open_turns = s.scalars(
                select(SpeakerTurn).where(
                    SpeakerTurn.meeting_id == meeting.id, SpeakerTurn.ended_at.is_(None)
                )
            ).all()
            assert len(open_turns) <= 1
            prompts = s.scalars(
                select(PromptEvent).where(PromptEvent.meeting_id == meeting.id)
            ).all()
            hold_backs = {(p.phase_id, p.at) for p in prompts if p.kind is PromptKind.HOLD_BACK}
            assert ledger.hold_backs <= hold_backs, (
                f"hold-backs missing: {ledger.hold_backs - hold_backs}"
            )
            dismissed = {p.id for p in prompts if p.dismissed_at is not None}
            assert ledger.dismissed <= dismissed, (
                f"dismissals missing: {ledger.dismissed - dismissed}"
            )
            for phase_id, at in ledger.phases_entered.items():
                started = s.get_one(Phase, phase_id).started_at
                assert started is not None and started <= at
    finally:
        db.dispose()


@pytest.mark.slow  # fifty kill -9 rounds of a real app process: about a minute and a half
def test_fifty_kills_during_a_meeting_lose_nothing_acknowledged(tmp_path):
    path = tmp_path / "facilitator.db"
    rng = random.Random(SEED)
    ledger = Ledger()
    began = time.monotonic()
    for run in range(KILLS):
        threshold = rng.randint(1, MAX_LINES_BEFORE_KILL)
        lines = run_child(path, rng.randrange(2**32), run, threshold)
        in_flight = record(ledger, lines)
        ledger.cut_mid_call += in_flight.action is not None
        try:
            check(path, ledger, in_flight)
        except AssertionError as exc:
            raise AssertionError(
                f"after kill {run + 1} (seed {SEED}, {threshold} lines): {exc}"
            ) from exc
    elapsed = time.monotonic() - began

    # Enough happened for the test to mean something.
    assert ledger.meeting_id is not None
    assert ledger.acknowledged >= 5 * KILLS
    assert len(ledger.ideas) >= 20 and len(ledger.turns) >= 20
    assert ledger.hold_backs and ledger.phases_entered and ledger.dismissed
    assert any(idea["deleted"] for idea in ledger.ideas.values())
    assert ledger.cut_mid_call >= KILLS // 5, "too few kills landed inside a service call"
    print(
        f"{KILLS} kills in {elapsed:.1f} s, {ledger.cut_mid_call} inside a call, "
        f"{ledger.acknowledged} acknowledged, {len(ledger.dismissed)} dismissals, "
        f"{len(ledger.phases_entered)} phases entered, {len(ledger.ideas)} ideas"
    )

    # And the meeting carries on after the last kill: resumed, closed, summarised.
    clock = FakeClock(start=BASE + (KILLS + 1) * RUN_SPACING)
    db = Database.open_file(path, clock)
    try:
        session, gap = LiveMeeting.resume(db, ledger.meeting_id, clock)
        assert gap is not None
        clock.advance(60)
        assert session.close().status is MeetingStatus.CLOSED
        result = summary.meeting_summary(db, ledger.meeting_id)
        assert result.phases
    finally:
        db.dispose()
