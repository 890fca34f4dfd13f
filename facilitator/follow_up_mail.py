"""«Lav mail til forvaltningen»: an e-mail draft (.eml) about one ask, for the official's mail program.

The draft is an RFC 5322 message in UTF-8 with `X-Unsent: 1`, so mail programs
(Outlook, Thunderbird, Apple Mail) open it as a new message to send rather than
as one received. It says what the citizens asked for, the idea it serves, the
amount, the deadline and the meeting it came from, anonymised like the brief
(services/follow_up_desk.ask_mail_facts). It is saved in the data folder's
private `exports/` folder (0700, the file 0600); an erasure removes the drafts.
"""

from __future__ import annotations

import os
import re
import uuid
from datetime import date
from email import policy
from email.message import EmailMessage
from pathlib import Path

from facilitator.i18n import _
from facilitator.reports.formatting import BriefWords
from facilitator.services.backups import data_folder
from facilitator.services.follow_up_desk import AskMailFacts, ask_mail_facts
from facilitator.storage.database import Database
from facilitator.storage.permissions import PRIVATE_FILE, create_private_folder
from facilitator.storage.stale_files import EXPORT_FOLDER

# An address someone typed in "Sendt til" ("Plan og Byg <plan@syddjurs.dk>" or just the address).
_ADDRESS = re.compile(r"[\w.%+'-]+@(?:[\w-]+\.)+[\w-]{2,}")
# What the subject keeps of a long ask; the whole ask is in the body.
SUBJECT_CHARS = 70
# Mail drafts are written with CRLF line ends, as RFC 5322 asks.
DRAFT_POLICY = policy.default.clone(linesep="\r\n")


def department_address(facts: AskMailFacts) -> str:
    """The department's e-mail address, if the official typed one as "Sendt til"; else empty."""
    found = _ADDRESS.search(facts.sent_to)
    return found.group(0) if found else ""


def _plain(text: str) -> str:
    # Non-breaking spaces from the number formats read oddly in some mail programs' plain text.
    return text.replace("\u00a0", " ")


def subject(facts: AskMailFacts) -> str:
    """«Borgerønske fra Borgermøde i Knebel: Tilskud til shelter»."""
    what = " ".join(facts.what.split())
    if len(what) > SUBJECT_CHARS:
        what = what[: SUBJECT_CHARS - 1].rstrip() + "…"
    return _("Borgerønske fra {meeting}: {what}").format(meeting=" ".join(facts.meeting_title.split()),
                                                         what=what)


def body(facts: AskMailFacts) -> str:
    """The letter: greeting, the ask with what it serves and needs, the meeting, the signature."""
    words = BriefWords("da")
    lines = [
        _("Kære {department}").format(department=facts.department) if facts.department else _("Kære forvaltning"),
        "",
        _("På mødet »{meeting}« den {day} ønskede borgerne i projektet »{project}«:").format(
            meeting=facts.meeting_title, day=words.date(facts.meeting_day), project=facts.project_name),
        "",
        "    " + facts.what,
        "",
    ]
    if facts.idea_title:
        lines.append(_("Idéen, ønsket hører til: {idea}").format(idea=facts.idea_title))
        if facts.idea_detail.strip():
            lines.append("    " + " ".join(facts.idea_detail.split()))
    if facts.amount_dkk is not None:
        lines.append(_("Beløb: {amount}").format(amount=_plain(words.amount(facts.amount_dkk))))
    if facts.villages:
        lines.append(_("Landsby: {villages}").format(villages=", ".join(facts.villages)))
    if facts.answer_needed_by is not None:
        lines.append(_("Borgerne har brug for svar senest {day}.").format(
            day=words.date(facts.answer_needed_by)))
    lines += [
        "",
        _("Jeg vil gerne høre, om forvaltningen kan imødekomme ønsket, så jeg kan melde "
          "svaret tilbage til borgerne."),
        "",
        _("Med venlig hilsen"),
    ]
    lines += [line for line in (facts.official_name, facts.official_department, facts.municipality)
              if line.strip()]
    return "\n".join(lines) + "\n"


def build_message(facts: AskMailFacts) -> EmailMessage:
    """The draft as an e-mail message: To (if known), Subject, X-Unsent, a UTF-8 plain-text body."""
    message = EmailMessage(policy=DRAFT_POLICY)
    message["To"] = department_address(facts)
    message["Subject"] = subject(facts)
    message["X-Unsent"] = "1"
    message.set_content(body(facts), charset="utf-8")
    return message


def draft_name(today: date, ask_id: uuid.UUID) -> str:
    """«mail-2026-03-15-1a2b3c4d.eml»: the day and a short part of the ask's id."""
    return f"mail-{today.isoformat()}-{ask_id.hex[:8]}.eml"


def save_draft(message: EmailMessage, folder: Path, name: str) -> Path:
    """Write the draft into `folder/exports` (created 0700), readable by the user only; its path."""
    exports = folder / EXPORT_FOLDER
    create_private_folder(exports)
    path = exports / name
    partial = exports / (name + ".partial")
    data = message.as_bytes(policy=DRAFT_POLICY)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if os.name == "posix":
            os.chmod(partial, PRIVATE_FILE)  # an old partial left by a crash may be wider
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


def make_mail_draft(db: Database, ask_id: uuid.UUID) -> Path:
    """Write the e-mail draft for one ask into the data folder's exports; its path."""
    facts = ask_mail_facts(db, ask_id)
    today = db.clock.now().astimezone().date()
    return save_draft(build_message(facts), data_folder(db), draft_name(today, ask_id))

