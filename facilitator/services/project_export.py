"""A project exported for the case system and for Excel: XLSX, CSV or JSON, anonymised.

Every text of every row goes through the one `Redactor` of the meeting brief's
rule (a name only with consent; e-mail addresses, phone and CPR numbers never),
so no writer can leak a name. Files are written atomically and readable by the
user only (0600); a CSV export is a folder (made 0700 when it is new) with one
file per kind of entry.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import literal_column, select

from facilitator.domain.decision_path import AskDates, ask_clock, department_figures
from facilitator.i18n import N_, _
from facilitator.reports.export_tables import (
    Cell,
    Column,
    ExportData,
    Kind,
    Table,
    csv_bytes,
    json_bytes,
    xlsx_bytes,
)
from facilitator.services.consent import carried_by, project_redactor
from facilitator.services.priorities import rank_of, rounds_in
from facilitator.services.private_files import write_private
from facilitator.services.project_status import ProjectError, project_of
from facilitator.storage.database import Database
from facilitator.storage.models import Idea, Meeting, MeetingPlace, NextStep, Place, ResourceAsk
from facilitator.storage.os_errors import describe_os_error
from facilitator.storage.permissions import create_private_folder

FORMATS = ("xlsx", "csv", "json")

# Titles are marked here and translated when an export is made (the app's language).
IDEA_COLUMNS = (
    Column("number", N_("Nr."), Kind.INT), Column("title", N_("Idé")),
    Column("detail", N_("Beskrivelse")), Column("carried_by", N_("Bæres af")),
    Column("place", N_("Sted")), Column("theme", N_("Tema")), Column("check", N_("Tjek")),
    Column("check_note", N_("Tjek: note")), Column("status", N_("Status")),
    Column("meeting", N_("Møde")), Column("meeting_date", N_("Mødedato"), Kind.DATE),
)
ASK_COLUMNS = (
    Column("number", N_("Nr."), Kind.INT), Column("what", N_("Ønske")), Column("kind", N_("Type")),
    Column("amount_dkk", N_("Beløb"), Kind.AMOUNT), Column("idea", N_("Til idé")),
    Column("asked_by", N_("Ønsket af")), Column("meeting", N_("Møde")),
    Column("asked_on", N_("Ønsket den"), Kind.DATE),
    Column("answer_needed_by", N_("Svar senest"), Kind.DATE),
    Column("needs_decision", N_("Kræver politisk beslutning"), Kind.BOOL),
    Column("department", N_("Forvaltning")), Column("sent_to", N_("Sendt til")),
    Column("sent_on", N_("Sendt den"), Kind.DATE), Column("answer", N_("Svar")),
    Column("answer_text", N_("Svarets tekst")), Column("answered_on", N_("Svar den"), Kind.DATE),
    Column("reported_on", N_("Meldt tilbage den"), Kind.DATE),
    Column("reported_how", N_("Meldt tilbage hvordan")), Column("status", N_("Status")),
    Column("days_to_sent", N_("Dage til sendt"), Kind.INT),
    Column("days_to_answer", N_("Dage til svar"), Kind.INT),
    Column("days_to_reported", N_("Dage til meldt tilbage"), Kind.INT),
    Column("waiting_days", N_("Ventedage"), Kind.INT),
    Column("overdue_days", N_("Dage over fristen"), Kind.INT),
)
STEP_COLUMNS = (
    Column("number", N_("Nr."), Kind.INT), Column("what", N_("Hvad")),
    Column("owner", N_("Ansvarlig")), Column("side", N_("Side")),
    Column("due_on", N_("Frist"), Kind.DATE), Column("state", N_("Status")),
    Column("state_on", N_("Status den"), Kind.DATE), Column("meeting", N_("Møde")),
    Column("meeting_date", N_("Mødedato"), Kind.DATE),
)
DEPARTMENT_COLUMNS = (
    Column("department", N_("Forvaltning")), Column("asks", N_("Ønsker"), Kind.INT),
    Column("answered", N_("Besvaret"), Kind.INT), Column("waiting", N_("Venter"), Kind.INT),
    Column("overdue", N_("Forfaldne"), Kind.INT),
    Column("median_days_to_answer", N_("Median dage til svar"), Kind.INT),
    Column("slowest_days", N_("Længste ventetid (dage)"), Kind.INT),
    Column("slowest_still_waiting", N_("Venter stadig"), Kind.BOOL),
)
PRIORITY_COLUMNS = (
    Column("meeting", N_("Møde")), Column("meeting_date", N_("Mødedato"), Kind.DATE),
    Column("round", N_("Runde"), Kind.INT), Column("number", N_("Nr. i runden"), Kind.INT),
    Column("idea_number", N_("Idé nr."), Kind.INT), Column("idea", N_("Idé")),
    Column("votes", N_("Stemmer"), Kind.INT), Column("place", N_("Plads"), Kind.INT),
)
MEETING_COLUMNS = (
    Column("title", N_("Møde")), Column("scheduled_at", N_("Tidspunkt"), Kind.DATETIME),
    Column("venue", N_("Sted")), Column("places", N_("Landsbyer")), Column("status", N_("Status")),
    Column("attendance", N_("Fremmødte"), Kind.INT), Column("ideas", N_("Idéer"), Kind.INT),
    Column("asks", N_("Ønsker"), Kind.INT), Column("steps", N_("Næste skridt"), Kind.INT),
)


def export_data(db: Database, project_id: uuid.UUID) -> ExportData:
    """Every live idea, ask, next step, priority round and meeting of the project.

    Names are hidden without consent.
    """
    today = db.clock.now().astimezone().date()
    with db.session() as s:
        project = project_of(s, project_id)
        people, redact = project_redactor(s, project_id)
        meetings = list(s.scalars(select(Meeting).where(Meeting.project_id == project_id)
                                  .order_by(Meeting.scheduled_at)))
        by_id = {m.id: m for m in meetings}
        places = {p.id: p.name for p in s.scalars(select(Place)
                                                  .where(Place.project_id == project_id))}

        def live(model: type[Idea] | type[ResourceAsk] | type[NextStep]) -> list[Any]:
            # Meeting by meeting, each in the order captured (rowid), as the briefs list them.
            order = {m.id: n for n, m in enumerate(meetings)}
            rows = s.scalars(select(model).where(model.meeting_id.in_(by_id),
                                                 model.deleted_at.is_(None))
                             .order_by(literal_column(f'"{model.__tablename__}".rowid'))).all()
            return sorted(rows, key=lambda r: order[r.meeting_id])

        ideas, asks, steps = live(Idea), live(ResourceAsk), live(NextStep)
        idea_titles = {i.id: i.title for i in ideas}

        def person(person_id: uuid.UUID | None) -> Any:
            return people.get(person_id) if person_id is not None else None

        idea_rows = tuple((
            n, i.title, i.detail, carried_by(person(i.person_id), i.proposed_by),
            places.get(i.place_id, "") if i.place_id else "", i.theme,
            i.needs_check.label if i.needs_check else "", i.check_note, i.status.label,
            by_id[i.meeting_id].title, by_id[i.meeting_id].scheduled_at.date(),
        ) for n, i in enumerate(ideas, start=1))
        dates = [AskDates(a.department, a.asked_on, a.forwarded_on, a.answered_on, a.reported_on,
                          a.answer_needed_by) for a in asks]
        # The decision path per department, as the desk and the status brief count it.
        department_rows = tuple((
            f.department, f.asks, f.answered, f.waiting, f.overdue,
            round(f.median_days_to_answer) if f.median_days_to_answer is not None else None,
            f.slowest_days, f.slowest_still_waiting,
        ) for f in department_figures((d for d in dates if d.department.strip()), today))
        ask_rows = []
        for n, a in enumerate(asks, start=1):
            clock = ask_clock(AskDates(a.department, a.asked_on, a.forwarded_on, a.answered_on,
                                       a.reported_on, a.answer_needed_by), today)
            ask_rows.append((
                n, a.what, a.kind.label, a.amount_dkk, idea_titles.get(a.idea_id, "") if a.idea_id
                else "", carried_by(person(a.person_id), a.asked_by), by_id[a.meeting_id].title,
                a.asked_on, a.answer_needed_by, a.needs_decision, a.department, a.sent_to,
                a.forwarded_on, a.answer.label if a.answer else "", a.answer_text, a.answered_on,
                a.reported_on, a.reported_how, a.status.label, clock.days_to_sent,
                clock.days_to_answer, clock.days_to_reported, clock.waiting_days,
                clock.overdue_days,
            ))
        step_rows = tuple((
            n, x.what, x.owner_label, x.owner_side.label, x.due_on, x.state.label, x.state_on,
            by_id[x.meeting_id].title, by_id[x.meeting_id].scheduled_at.date(),
        ) for n, x in enumerate(steps, start=1))
        # Every prioritisation round, meeting by meeting; "Idé nr." is the idea's row in «Idéer».
        idea_numbers = {i.id: n for n, i in enumerate(ideas, start=1)}
        meeting_order = {m.id: n for n, m in enumerate(meetings)}
        rounds = sorted(rounds_in(s, by_id), key=lambda r: (meeting_order[r.meeting_id], r.number))
        priority_rows = tuple((
            by_id[r.meeting_id].title, by_id[r.meeting_id].scheduled_at.date(), r.number,
            c.number, idea_numbers.get(c.idea_id), c.title, c.votes, rank_of(r, c),
        ) for r in rounds for c in r.choices)
        meeting_places: dict[uuid.UUID, list[str]] = {m.id: [] for m in meetings}
        for link in s.scalars(select(MeetingPlace).where(MeetingPlace.meeting_id.in_(by_id))):
            meeting_places[link.meeting_id].append(places.get(link.place_id, ""))

        def count(rows: list[Any], meeting_id: uuid.UUID) -> int:
            return sum(1 for r in rows if r.meeting_id == meeting_id)

        meeting_rows = tuple((
            m.title, m.scheduled_at, m.venue, ", ".join(sorted(meeting_places[m.id])),
            m.status.label, m.attendance, count(ideas, m.id), count(asks, m.id),
            count(steps, m.id),
        ) for m in meetings)
        name = project.name

    def clean(rows: Any) -> tuple[tuple[Cell, ...], ...]:
        return tuple(tuple(redact(v) if type(v) is str else v for v in row) for row in rows)

    def titled(columns: tuple[Column, ...]) -> tuple[Column, ...]:
        return tuple(Column(c.key, _(c.title), c.kind) for c in columns)

    tables = (
        Table("ideas", _("Idéer"), "ideer", titled(IDEA_COLUMNS), clean(idea_rows)),
        Table("asks", _("Ønsker"), "oensker", titled(ASK_COLUMNS), clean(ask_rows)),
        Table("next_steps", _("Næste skridt"), "naeste-skridt", titled(STEP_COLUMNS),
              clean(step_rows)),
        Table("priorities", _("Prioriteringer"), "prioriteringer", titled(PRIORITY_COLUMNS),
              clean(priority_rows)),
        Table("meetings", _("Møder"), "moeder", titled(MEETING_COLUMNS), clean(meeting_rows)),
        Table("departments", _("Forvaltninger"), "forvaltninger", titled(DEPARTMENT_COLUMNS),
              clean(department_rows)),
    )
    return ExportData(project_name=redact(name), exported_at=db.clock.now().astimezone(),
                      tables=tables)


# ----- writing --------------------------------------------------------------


def _failure() -> str:
    return _("Eksporten kan ikke gemmes som {path}: {reason}.")


def write_export(db: Database, project_id: uuid.UUID, fmt: str, out: Path) -> list[Path]:
    """Export the project as `fmt` to `out` (a file; for csv a folder); the files written."""
    writers: dict[str, Callable[[ExportData], bytes]] = {
        "xlsx": lambda data: xlsx_bytes(data, _("Ja"), _("Nej")), "json": json_bytes}
    if fmt not in FORMATS:
        raise ProjectError(_("Formatet skal være xlsx, csv eller json."))
    out = Path(out)
    data = export_data(db, project_id)
    if fmt != "csv":
        write_private(out, writers[fmt](data), _failure())
        return [out]
    if out.exists() and not out.is_dir():
        raise ProjectError(_("{path} er en fil. Til csv skal --out være en mappe.").format(
            path=out))
    try:
        create_private_folder(out)
    except OSError as exc:
        raise ProjectError(_failure().format(path=out, reason=describe_os_error(exc))) from exc
    written = []
    for table in data.tables:
        path = out / f"{table.file_stem}.csv"
        write_private(path, csv_bytes(table, _("Ja"), _("Nej")), _failure())
        written.append(path)
    return written
