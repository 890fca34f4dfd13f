"""The retention purge at start, which a wrong clock cannot turn into erasing people too early.

The purge erases people whose project ended longer ago than the retention,
counted from "today" as the computer's clock says. A clock set years ahead (a
flat CMOS battery, a typo) would erase them at once. So the purge compares
"now" with the newest time stored in the database: if the clock is more than
a day ahead of everything ever saved, the purge does not run by itself. The
window asks the official first; a command line leaves it and says why.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from facilitator.domain import formats
from facilitator.i18n import _
from facilitator.services import privacy
from facilitator.storage.database import Database
from facilitator.storage.models import Base, UTCDateTime

# How far the clock may be ahead of the newest stored time before the purge asks first.
CLOCK_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class StartPurge:
    """What the start-up purge did: erased people, or held them back because of the clock."""

    today: date
    erased: int = 0
    # People due for erasure but not erased: the clock is far ahead of the data.
    held: int = 0
    # The newest time stored in the database (None: nothing stored yet).
    newest: datetime | None = None
    failed: bool = False


def newest_stored_time(db: Database) -> datetime | None:
    """The newest timestamp stored anywhere (every UTC time column of every table)."""
    columns = [
        column
        for mapper in Base.registry.mappers
        for column in mapper.columns
        if isinstance(column.type, UTCDateTime)
    ]
    with db.session() as s:
        stamps = [s.scalar(select(func.max(column))) for column in columns]
    found = [stamp for stamp in stamps if isinstance(stamp, datetime)]
    return max(found) if found else None


def clock_ahead_of_data(now: datetime, newest: datetime | None) -> bool:
    """True if `now` is more than a day past everything the database holds."""
    return newest is not None and now - newest > CLOCK_SLACK


def purge_at_start(db: Database, folder: Path) -> StartPurge:
    """The start-up purge; never stops the app (a failure is tried again at the next start)."""
    now = db.clock.now()
    today = now.astimezone().date()
    try:
        due = privacy.people_due(db, today)
        # The official's reflections on an ended project's meetings are purged with its people.
        if not due and not privacy.reflections_due(db, today):
            return StartPurge(today)
        newest = newest_stored_time(db)
        if clock_ahead_of_data(now, newest):
            # Reflections alone wait without asking: the next start whose clock agrees purges them.
            return StartPurge(today, held=due, newest=newest)
        return StartPurge(today, erased=privacy.purge_expired(db, folder, today), newest=newest)
    except Exception as exc:  # noqa: BLE001 - a failed purge must not keep the meeting from starting
        # Only the kind of error: a message could quote a citizen's name.
        print(_("Facilitator: sletningen efter opbevaringstid mislykkedes ({kind}); den prøves "
                "igen ved næste start.").format(kind=type(exc).__name__), file=sys.stderr)
        return StartPurge(today, failed=True)


def purge_held(db: Database, folder: Path, held: StartPurge) -> int:
    """Erase the people a start held back, once the official has confirmed the date."""
    return privacy.purge_expired(db, folder, held.today)


def held_explanation(held: StartPurge) -> str:
    """Why the purge waits, in Danish: the clock against the newest stored time."""
    newest = formats.entry_date(held.newest.astimezone().date()) if held.newest else "–"
    if held.held == 1:
        text = _("1 person fra et afsluttet projekt skal slettes, fordi opbevaringstiden er "
                 "udløbet. Men computerens ur siger {today}, og det nyeste i databasen er fra "
                 "{newest}. Går uret forkert, ville personen blive slettet for tidligt.")
    else:
        text = _("{count} personer fra afsluttede projekter skal slettes, fordi opbevaringstiden "
                 "er udløbet. Men computerens ur siger {today}, og det nyeste i databasen er fra "
                 "{newest}. Går uret forkert, ville de blive slettet for tidligt.")
    return text.format(count=held.held, today=formats.entry_date(held.today), newest=newest)
