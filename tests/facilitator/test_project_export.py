"""The project export: XLSX with typed cells, CSV that Danish Excel reads, JSON; anonymised,
private files."""

from __future__ import annotations

import csv
import json
import os
import stat
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from facilitator.services import priorities
from facilitator.services.project_export import export_data, write_export
from facilitator.services.project_status import ProjectError
from tests.facilitator.status_factory import FIRST, HIDDEN, SHOWN, TODAY, followed_project


@pytest.fixture
def project(db, clock, meeting_factory):
    return followed_project(db, clock, meeting_factory)


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def private(path) -> bool:
    return os.name != "posix" or stat.S_IMODE(path.stat().st_mode) == 0o600


def everything(path) -> str:
    """All the text in a file or a folder of files."""
    if path.is_dir():
        return "".join(p.read_text(encoding="utf-8-sig") for p in sorted(path.iterdir()))
    return path.read_bytes().decode("utf-8", errors="replace")


def test_xlsx_has_a_sheet_per_kind_with_typed_cells(db, project, out) -> None:
    [path] = write_export(db, project.project_id, "xlsx", out / "mols.xlsx")
    assert private(path)
    book = load_workbook(path)
    assert book.sheetnames == ["Idéer", "Ønsker", "Næste skridt", "Prioriteringer", "Møder",
                               "Forvaltninger"]
    asks = book["Ønsker"]
    header = [c.value for c in asks[1]]
    assert asks.freeze_panes == "A2" and all(c.font.b for c in asks[1])
    rows = {r[header.index("Ønske")].value: r for r in asks.iter_rows(min_row=2)}
    shelter = rows["Tilskud til shelter"]
    amount = shelter[header.index("Beløb")]
    assert amount.value == 45000 and isinstance(amount.value, int) and "kr." in amount.number_format
    asked_on = shelter[header.index("Ønsket den")]
    assert isinstance(asked_on.value, datetime) and asked_on.value.date() == FIRST
    assert asked_on.number_format == "DD-MM-YYYY"
    assert shelter[header.index("Dage til svar")].value == 12
    # The whole decision-path clock: sent on day 2, reported back on day 20.
    assert shelter[header.index("Dage til sendt")].value == 2
    assert shelter[header.index("Dage til meldt tilbage")].value == 20
    assert shelter[header.index("Kræver politisk beslutning")].value == "Nej"
    assert rows["Ny bus til Agri"][header.index("Beløb")].value == 1_200_000
    assert rows["Tilladelse til bålplads; «gerne» før sommer"][
        header.index("Dage over fristen")].value == 74
    assert asks.column_dimensions["B"].width > 10
    meetings = book["Møder"]
    when = [c.value for c in meetings["B"]][1:]
    assert when == [datetime(2026, 3, 3, 19), datetime(2026, 5, 5, 19)]
    assert [c.value for c in meetings["G"]][1:] == [2, 0]  # ideas per meeting, as numbers
    # Per department the decision path, as the desk and the status brief count it.
    departments = book["Forvaltninger"]
    heads = [c.value for c in departments[1]]
    by_name = {r[0].value: r for r in departments.iter_rows(min_row=2)}
    technical = by_name["Teknik og Miljø"]
    assert technical[heads.index("Median dage til svar")].value == 12  # the shelter, as above
    assert isinstance(technical[heads.index("Ønsker")].value, int)


def test_csv_round_trips_danish_text(db, project, out) -> None:
    folder = out / "csv"
    written = write_export(db, project.project_id, "csv", folder)
    assert sorted(p.name for p in written) == ["forvaltninger.csv", "ideer.csv", "moeder.csv",
                                              "naeste-skridt.csv", "oensker.csv",
                                              "prioriteringer.csv"]
    assert all(private(p) for p in written)
    raw = (folder / "oensker.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Danish Excel needs to read UTF-8
    with (folder / "oensker.csv").open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.DictReader(source, delimiter=";"))
    by_what = {r["Ønske"]: r for r in rows}
    assert 'Lokale til "strikkeklub; og kaffe"' in by_what
    assert by_what['Lokale til "strikkeklub; og kaffe"']["Ønsket af"] == "Æblegruppen"
    assert by_what["Tilladelse til bålplads; «gerne» før sommer"]["Svar senest"] == "2026-04-02"
    assert by_what["Tilskud til shelter"]["Beløb"] == "45000"
    assert by_what["Tilskud til shelter"]["Svarets tekst"] == "Bevilget; udbetales i april"


def test_json_is_one_document(db, project, out) -> None:
    [path] = write_export(db, project.project_id, "json", out / "mols.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert set(document) == {"project", "exported_at", "ideas", "asks", "next_steps", "priorities",
                             "meetings", "departments"}
    shelter = next(a for a in document["asks"] if a["what"] == "Tilskud til shelter")
    assert (shelter["amount_dkk"], shelter["asked_on"], shelter["needs_decision"]) == (
        45000, FIRST.isoformat(), False)
    assert document["exported_at"].startswith(TODAY.isoformat())
    assert "Æblegruppen" in path.read_text(encoding="utf-8")  # not escaped


@pytest.mark.parametrize("fmt, name", [("xlsx", "x.xlsx"), ("csv", "csv"), ("json", "x.json")])
def test_no_name_without_consent_leaves(db, project, out, fmt, name) -> None:
    [*written] = write_export(db, project.project_id, fmt, out / name)
    if fmt == "xlsx":
        book = load_workbook(written[0])
        text = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row)
    else:
        text = everything(out / name)
    assert HIDDEN not in text and "Kjærsgaard" not in text and "birthe@" not in text
    assert SHOWN in text and "[…]" in text


def test_export_data_counts(db, project) -> None:
    data = export_data(db, project.project_id)
    counts = {t.key: len(t.rows) for t in data.tables}
    assert counts == {"ideas": 2, "asks": 5, "next_steps": 2, "priorities": 0, "meetings": 2,
                      "departments": 3}


def test_priority_rounds_are_exported_vote_by_vote_and_anonymised(db, project, out) -> None:
    first = priorities.start_round(db, project.first)
    priorities.set_votes(db, first.id, 1, 4)
    priorities.set_votes(db, first.id, 2, 9)
    second = priorities.start_round(db, project.first)
    priorities.set_votes(db, second.id, 1, 3)
    [path] = write_export(db, project.project_id, "xlsx", out / "mols.xlsx")
    sheet = load_workbook(path)["Prioriteringer"]
    header = [c.value for c in sheet[1]]
    assert header == ["Møde", "Mødedato", "Runde", "Nr. i runden", "Idé nr.", "Idé", "Stemmer",
                      "Plads"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [(r[2], r[3], r[4], r[6], r[7]) for r in rows] == [
        (1, 1, 1, 4, 2), (1, 2, 2, 9, 1), (2, 1, 1, 3, 1), (2, 2, 2, 0, 2)]
    assert all(isinstance(r[6], int) and r[1] == datetime(2026, 3, 3) for r in rows)
    # The idea naming a person without consent is anonymised here too.
    path_title = rows[1][5]
    assert HIDDEN not in path_title and "[…]" in path_title
    data = export_data(db, project.project_id)
    assert {t.key: len(t.rows) for t in data.tables}["priorities"] == 4


def test_refusals_are_danish(db, project, out) -> None:
    import uuid

    with pytest.raises(ProjectError, match="Projektet findes ikke"):
        write_export(db, uuid.uuid4(), "xlsx", out / "x.xlsx")
    with pytest.raises(ProjectError, match="xlsx, csv eller json"):
        write_export(db, project.project_id, "ods", out / "x.ods")
    (out / "file").write_text("x")
    with pytest.raises(ProjectError, match="skal --out være en mappe"):
        write_export(db, project.project_id, "csv", out / "file")
    with pytest.raises(Exception, match="Eksporten kan ikke gemmes som"):
        write_export(db, project.project_id, "json", out / "missing" / "x.json")
    assert sorted(p.name for p in out.iterdir()) == ["file"]


def test_dates_are_dates_not_text(db, project) -> None:
    data = export_data(db, project.project_id)
    steps = next(t for t in data.tables if t.key == "next_steps")
    state_on = [c.key for c in steps.columns].index("state_on")
    assert date(2026, 3, 23) in [row[state_on] for row in steps.rows]


def test_control_characters_and_formulas_stay_text_in_the_spreadsheets(db, project, out) -> None:
    from facilitator.services import capture

    meeting_id = project.first
    capture.add_idea(db, meeting_id, capture.IdeaInput("Shelter\x00ved\x07Agri"))
    capture.add_idea(db, meeting_id, capture.IdeaInput("=1+1 bænke"))
    [path] = write_export(db, project.project_id, "xlsx", out / "x.xlsx")
    ideas = load_workbook(path)["Idéer"]
    titles = {c.value: c for c in ideas["B"][1:]}
    assert "Shelter ved Agri" in titles  # a spreadsheet cannot hold control characters
    assert titles["=1+1 bænke"].data_type == "s"  # text, not a formula
    folder = out / "csv"
    write_export(db, project.project_id, "csv", folder)
    with (folder / "ideer.csv").open(encoding="utf-8-sig", newline="") as source:
        shown = [r["Idé"] for r in csv.DictReader(source, delimiter=";")]
    assert "'=1+1 bænke" in shown and "Shelter ved Agri" in shown
