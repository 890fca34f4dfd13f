"""The Qt-free parts of `facilitator --self-test`: a short scripted meeting, and a PDF's fonts.

The meeting goes through the same services a real one does, on a fake clock so
it takes no time: a hold-back the citizens respect, turns of every role, an
idea in Danish, one in Polish and one in Cyrillic, a resource ask and a next
step; then it is closed and summarised.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from facilitator.clock import FakeClock
from facilitator.domain.enums import AskKind, OwnerSide, Role
from facilitator.i18n import _
from facilitator.live_meeting import LiveMeeting
from facilitator.services import agenda, capture, meetings, projects, summary
from facilitator.storage.database import Database

# Text the brief must carry, and a PDF reader must get back out of it.
DANISH_IDEA = "Bålhytte ved åen – æøå ÆØÅ"
POLISH_IDEA = "Sprzątanie brzegu jeziora: źdźbło, łąka, żółw"
CYRILLIC_IDEA = "Свято врожаю на майдані"
ASK_TEXT = "Tilskud til brænde og økser"
EXPECTED_TEXTS = (DANISH_IDEA, POLISH_IDEA, CYRILLIC_IDEA, ASK_TEXT)


class SelfCheckFailed(Exception):
    """One check of the self-test did not hold; the message says what was found."""


@dataclass(frozen=True)
class ScriptedMeeting:
    """What the scripted meeting left behind."""

    meeting_id: uuid.UUID
    hold_backs: int
    hold_backs_respected: int
    ideas: int
    asks: int


def run_scripted_meeting(db: Database, clock: FakeClock) -> ScriptedMeeting:
    """Plan, run and close a short meeting through the services; check the summary adds up."""
    project = projects.create_project(db, "Selvtest", ["Knebel", "Łódź", "Київ"])
    meeting = meetings.create_meeting(
        db, project.id, "Selvtest i forsamlingshuset", datetime(2026, 3, 3, 19, 0),
        "Knebel Forsamlingshus", [project.places[0].id],
    )
    agenda.apply_default_template(db, meeting.id)
    session = LiveMeeting.start(db, meeting.id, clock)
    clock.advance(5)
    session.mark(Role.CITIZEN)  # the citizens take the floor in the opening hold-back
    clock.advance(120)
    session.mark(Role.OFFICIAL)
    clock.advance(30)
    session.asked_question()
    clock.advance(6)
    session.mark(Role.CITIZEN)  # answered within the hold-back: respected
    clock.advance(90)
    session.next_phase()
    session.mark(Role.POLITICIAN)
    clock.advance(20)
    session.mark(Role.SILENCE)
    clock.advance(10)
    session.mark(Role.CITIZEN)
    place = project.places[0].id
    first = capture.add_idea(db, meeting.id, capture.IdeaInput(
        DANISH_IDEA, "Med bålplads og shelter", "Borgergruppen i Knebel", place, "Natur"))
    capture.add_idea(db, meeting.id, capture.IdeaInput(POLISH_IDEA, proposed_by="Grupa z Łodzi"))
    capture.add_idea(db, meeting.id, capture.IdeaInput(CYRILLIC_IDEA, proposed_by="Громада"))
    capture.add_ask(db, meeting.id, capture.AskInput(
        ASK_TEXT, AskKind.MONEY, 4500, first.id, "Borgergruppen i Knebel"))
    capture.add_step(db, meeting.id, capture.StepInput(
        "Finde en lodsejer", OwnerSide.CITIZENS, "Borgergruppen i Knebel"))
    clock.advance(300)
    session.advance()
    session.close()
    result = summary.meeting_summary(db, meeting.id)
    done = ScriptedMeeting(meeting.id, result.hold_backs, result.hold_backs_respected,
                           result.ideas, result.asks)
    if (done.ideas, done.asks) != (3, 1):
        raise SelfCheckFailed(_("{ideas} idéer og {asks} ressourceønsker gemt, ikke 3 og 1").format(
            ideas=done.ideas, asks=done.asks))
    if done.hold_backs_respected < 1:
        raise SelfCheckFailed(_("{count} ventetider, ingen af dem overholdt").format(
            count=done.hold_backs))
    return done


_OBJECT = re.compile(rb"(\d+) 0 obj\s*<<(.*?)>>\s*(?:stream|endobj)", re.DOTALL)
_REFERENCE = re.compile(rb"/FontDescriptor\s+(\d+) 0 R")
_BASE_FONT = re.compile(rb"/BaseFont\s*/([^\s/<>\[\]]+)")


def font_problems(pdf: bytes) -> list[str]:
    """Every font the PDF uses that is not embedded (a missing /FontFile in its descriptor).

    reportlab writes each object's dictionary uncompressed, so the dictionaries
    can be read straight from the bytes. An empty list for a PDF with no font
    would prove nothing, so that is a problem too.
    """
    objects = {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(pdf)}
    fonts = {number: body for number, body in objects.items()
             if re.search(rb"/Type\s*/Font\b", body) and b"/Subtype /Type0" not in body}
    if not fonts:
        return [_("PDF'en bruger ingen skrifttype")]
    problems = []
    for body in fonts.values():
        name_match = _BASE_FONT.search(body)
        name = name_match.group(1).decode("ascii", "replace") if name_match else "?"
        reference = _REFERENCE.search(body)
        descriptor = objects.get(int(reference.group(1)), b"") if reference else b""
        if not re.search(rb"/FontFile[23]?\s+\d+ 0 R", descriptor):
            problems.append(_("skrifttypen {name} er ikke indlejret").format(name=name))
    return problems
