"""A scripted live meeting for the SIGKILL loop: run as a child process, killed at random moments.

Usage: python -m tests.facilitator.scripted_meeting DB_PATH SEED RUN

Before each service call it prints `do {...}` and after the call returned
`ok {...}` (one JSON object per line, ASCII only), so the parent knows what was
acknowledged and which single call may have been cut off by the kill.
Starts the meeting on the first run and resumes it on every later one.
"""

from __future__ import annotations

import json
import random
import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from facilitator.clock import FakeClock
from facilitator.domain.enums import AskKind, OwnerSide, Role
from facilitator.live_meeting import LiveMeeting
from facilitator.live_state import LiveState
from facilitator.services import capture, meetings, projects
from facilitator.storage.database import Database

BASE = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
# Each run starts well after everything an earlier run can have stamped (≤ 200 actions × 40 s).
RUN_SPACING = timedelta(hours=3)
ROLES = (Role.CITIZEN, Role.CITIZEN, Role.OFFICIAL, Role.POLITICIAN, Role.SILENCE)
# Texts as citizens say them: Danish letters, emoji, right-to-left, a combining accent.
FLAVOURS = ("æøå", "🌳", "حديقة", "Cafe\u0301", "Ærø–Ålborg")


def emit(tag: str, **fields: Any) -> None:
    """One protocol line; ASCII JSON, so no encoding can tear it."""
    print(tag, json.dumps(fields, default=str), flush=True)


class Script:
    """One run of the meeting: picks actions from a seeded generator and reports each."""

    def __init__(self, db: Database, clock: FakeClock, rng: random.Random, run: int) -> None:
        self.db = db
        self.clock = clock
        self.rng = rng
        self.run = run
        self.seq = 0
        self.session = self._start_or_resume()
        mid = self.session.meeting_id
        self.live_ideas = [i.id for i in capture.list_ideas(db, mid)]
        self.deleted: list[uuid.UUID] = []

    def _start_or_resume(self) -> LiveMeeting:
        running = meetings.running_meeting(self.db)
        if running is not None:
            emit("do", a="resume", meeting=running.id)
            session, _gap = LiveMeeting.resume(self.db, running.id, self.clock)
            emit("ok", a="resume", meeting=running.id, at=session.now())
            return session
        # First run, or a run killed before the meeting started: carry on from what is stored.
        existing = projects.list_projects(self.db)
        if existing:
            project = existing[0]
        else:
            emit("do", a="project")
            project = projects.create_project(self.db, "Mols i Udvikling", ["Knebel", "Agri"])
            emit("ok", a="project", id=project.id)
        planned = meetings.list_meetings(self.db, project.id)
        if planned:
            meeting_id = planned[0].id
        else:
            emit("do", a="meeting")
            meeting_id = meetings.create_meeting(
                self.db,
                project.id,
                "Borgermøde i Knebel",
                datetime(2026, 3, 3, 19, 0),
                "Knebel Forsamlingshus",
                with_default_agenda=True,
            ).id
            emit("ok", a="meeting", id=meeting_id)
        emit("do", a="start", meeting=meeting_id)
        session = LiveMeeting.start(self.db, meeting_id, self.clock)
        emit("ok", a="start", meeting=meeting_id, at=session.now())
        return session

    def text(self, what: str) -> str:
        """A unique text: which run and step wrote it, and a flavour of real input."""
        return f"{what} {self.run}.{self.seq} {self.rng.choice(FLAVOURS)}"

    def step(self) -> None:
        """Let some seconds pass, then do one thing the official does in a meeting."""
        self.seq += 1
        self.clock.advance(self.rng.randint(500, 40_000) / 1000)
        actions = [
            (self.mark, 5),
            (self.idea, 3),
            (self.ask, 2),
            (self.next_step, 2),
            (self.edit_idea, 1),
            (self.delete_or_restore, 1),
            (self.change_phase, 1),
            (self.hold_back, 1),
            (self.tick, 2),
            (self.dismiss, 2),
        ]
        self.rng.choices([a for a, _w in actions], [w for _a, w in actions])[0]()

    def mark(self) -> None:
        role = self.rng.choice(ROLES)
        if self.session.speaker is role:
            return  # not a change: nothing is stored
        at = self.session.now()
        emit("do", a="mark", role=role.value, at=at)
        self.session.mark(role)
        emit("ok", a="mark", role=role.value, at=at)

    def idea(self) -> None:
        data = capture.IdeaInput(
            title=self.text("Idé"),
            detail=self.text("Uddybning"),
            proposed_by="Borgergruppen",
            theme=self.rng.choice(["Natur", "Trafik", ""]),
        )
        fields = {"title": data.title, "detail": data.detail, "theme": data.theme}
        emit("do", a="idea", **fields)
        row = capture.add_idea(self.db, self.session.meeting_id, data)
        self.live_ideas.append(row.id)
        emit("ok", a="idea", id=row.id, **fields)

    def ask(self) -> None:
        kind = self.rng.choice(list(AskKind))
        amount = self.rng.choice([None, 0, 12_500, 2_000_000])
        what = self.text("Ønske")
        emit("do", a="ask", what=what, kind=kind.value, amount=amount)
        row = capture.add_ask(
            self.db, self.session.meeting_id, capture.AskInput(what, kind, amount)
        )
        emit("ok", a="ask", id=row.id, what=what, kind=kind.value, amount=amount)

    def next_step(self) -> None:
        what = self.text("Skridt")
        side = self.rng.choice(list(OwnerSide))
        due = date(2026, 3, 3) + timedelta(days=self.rng.randint(0, 90))
        emit("do", a="step", what=what, side=side.value, due=due)
        row = capture.add_step(
            self.db, self.session.meeting_id, capture.StepInput(what, side, "Shelter-gruppen", due)
        )
        emit("ok", a="step", id=row.id, what=what, side=side.value, due=due)

    def edit_idea(self) -> None:
        if not self.live_ideas:
            return
        idea_id = self.rng.choice(self.live_ideas)
        title = self.text("Rettet idé")
        emit("do", a="edit", id=idea_id, title=title)
        capture.update_idea(
            self.db, idea_id, capture.IdeaInput(title=title, proposed_by="Borgergruppen")
        )
        emit("ok", a="edit", id=idea_id, title=title)

    def delete_or_restore(self) -> None:
        if self.deleted and self.rng.random() < 0.5:
            idea_id = self.deleted.pop()
            emit("do", a="restore", id=idea_id)
            capture.restore_entry(self.db, "idea", idea_id)
            self.live_ideas.append(idea_id)
            emit("ok", a="restore", id=idea_id)
        elif self.live_ideas:
            idea_id = self.live_ideas.pop(self.rng.randrange(len(self.live_ideas)))
            emit("do", a="delete", id=idea_id)
            capture.delete_entry(self.db, "idea", idea_id)
            self.deleted.append(idea_id)
            emit("ok", a="delete", id=idea_id)

    def change_phase(self) -> None:
        index = self.session.phase_index
        target = (
            index - 1
            if index == len(self.session.phases) - 1 or self.rng.random() < 0.2
            else index + 1
        )
        if not 0 <= target < len(self.session.phases):
            return
        phase = self.session.phases[target]
        at = self.session.now()
        emit("do", a="phase", phase=phase.id, at=at)
        if target > index:
            self.session.next_phase()
        else:
            self.session.previous_phase()
        emit("ok", a="phase", phase=phase.id, hold_back=phase.hold_back_seconds, at=at)

    def hold_back(self) -> None:
        phase = self.session.phases[self.session.phase_index]
        at = self.session.now()
        emit("do", a="hold_back", phase=phase.id, at=at)
        self.session.asked_question()
        emit("ok", a="hold_back", phase=phase.id, hold_back=phase.hold_back_seconds, at=at)

    def tick(self) -> LiveState:
        """What the screen's redraw does: end hold-backs that ran out, log nudges, stamp the heartbeat."""
        emit("do", a="tick")
        state = self.session.tick()
        emit("ok", a="tick")
        return state

    def dismiss(self) -> None:
        nudges = self.tick().nudges
        if not nudges:
            return
        prompt_id = nudges[-1].prompt_id  # Esc closes the nudge on screen, the newest
        emit("do", a="dismiss", id=prompt_id)
        self.session.dismiss()
        emit("ok", a="dismiss", id=prompt_id)


def main(argv: list[str]) -> None:
    """Open the database, start or resume the meeting, and act until killed."""
    path, seed, run = Path(argv[0]), int(argv[1]), int(argv[2])
    clock = FakeClock(start=BASE + run * RUN_SPACING)
    db = Database.open_file(path, clock)
    emit("open", run=run)
    script = Script(db, clock, random.Random(seed), run)
    for _n in range(200):  # far more than any run lives; the parent kills it first
        script.step()
    emit("done")


if __name__ == "__main__":
    main(sys.argv[1:])
