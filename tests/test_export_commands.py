"""`facilitator export` and `facilitator brief --project`: run as a user would, and refused in
one Danish line without a traceback."""

from __future__ import annotations

import csv
import io
import os
import stat
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from facilitator import commands
from tests.test_commands import cli
from ui.cli import main

HIDDEN_IN_DEMO = "Jens Bødker"  # a demo citizen without consent to be named


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """A data folder with the demo project, made once through the command line."""
    folder = tmp_path_factory.mktemp("demo")
    result = cli("demo", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def run(command, *args: str) -> tuple[int, str, str]:
    """A headless command in this process: its status, stdout and stderr.

    The commands' default streams are bound when they are defined, so pass them.
    """
    out, err = io.StringIO(), io.StringIO()
    status = command(*args, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_status_brief_from_the_command_line(demo, tmp_path) -> None:
    out = tmp_path / "status.pdf"
    result = cli("brief", "--project", "latest", "--since", "2026-01-01", "--out", str(out),
                 "--lang", "en", "--data-dir", str(demo))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "exit 0 qt []"
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Project status" in text and "Appendix A" in text
    assert HIDDEN_IN_DEMO not in text
    assert os.name != "posix" or stat.S_IMODE(out.stat().st_mode) == 0o600


def test_meeting_brief_still_works(demo, tmp_path) -> None:
    out = tmp_path / "b.pdf"
    assert run(commands.brief, str(demo), "latest", str(out))[0] == 0
    assert "Politisk orientering" in " ".join(p.extract_text() for p in PdfReader(out).pages)


def test_export_xlsx_and_csv(demo, tmp_path) -> None:
    book = tmp_path / "mols.xlsx"
    status, out, _err = run(commands.export, str(demo), "latest", "xlsx", str(book))
    assert status == 0 and "Eksporten er gemt" in out
    sheets = load_workbook(book)
    assert sheets.sheetnames == ["Idéer", "Ønsker", "Næste skridt", "Prioriteringer", "Møder",
                                 "Forvaltninger"]
    # The demo's round of dots at its latest closed meeting, vote by vote.
    votes = [row[6].value for row in sheets["Prioriteringer"].iter_rows(min_row=2)]
    assert sum(votes) == 102
    cells = " ".join(str(c.value) for sheet in sheets for row in sheet.iter_rows() for c in row)
    assert HIDDEN_IN_DEMO not in cells
    folder = tmp_path / "csv"
    assert run(commands.export, str(demo), "latest", "csv", str(folder))[0] == 0
    with (folder / "ideer.csv").open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source, delimiter=";"))
    assert rows[0][:2] == ["Nr.", "Idé"] and len(rows) > 1
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.parametrize("args, words", [
    (("export", str(uuid.UUID(int=7)), "json"), "Projektet findes ikke"),
    (("export", "projekt-7", "json"), "«projekt-7» er ikke et projekt-id"),
    (("export", "latest", "ods"), "xlsx, csv eller json"),
    (("brief", "latest", None, "2026-02-30"), "«2026-02-30» er ikke en dato"),
    (("brief", "latest", None, "2099-01-01"), "Startdatoen ligger i fremtiden"),
    (("brief", "latest", None, None, "de"), "da (dansk) eller en (engelsk)"),
    (("brief", "latest", "s.txt"), "skal ende på .pdf"),
])
def test_bad_input_is_one_danish_line(demo, tmp_path, args, words) -> None:
    if args[0] == "export":
        status, _out, err = run(commands.export, str(demo), args[1], args[2],
                                str(tmp_path / "x.json"))
    else:
        name = args[2] or "s.pdf"
        status, _out, err = run(commands.status_brief, str(demo), args[1], str(tmp_path / name),
                                *args[3:])
    assert status != 0
    assert words in one_line(err)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["brief", "export"])
def test_unwritable_path_is_one_danish_line(demo, tmp_path, command) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    if command == "brief":
        status, _out, err = run(commands.status_brief, str(demo), "latest", str(blocker / "s.pdf"))
        words = "Statusorienteringen kan ikke gemmes som"
    else:
        status, _out, err = run(commands.export, str(demo), "latest", "xlsx",
                                str(blocker / "x.xlsx"))
        words = "Eksporten kan ikke gemmes som"
    assert status == 1
    assert words in one_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_since_belongs_to_a_project(demo, tmp_path, capsys) -> None:
    status = main(["brief", "--meeting", "latest", "--since", "2026-01-01",
                   "--out", str(tmp_path / "b.pdf"), "--data-dir", str(demo)])
    assert status == 2 and "--since hører til --project" in one_line(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


def test_project_and_meeting_together_are_refused(demo, tmp_path) -> None:
    result = cli("brief", "--meeting", "latest", "--project", "latest", "--out",
                 str(tmp_path / "b.pdf"), "--data-dir", str(demo))
    assert result.returncode == 2 and "kommandoen kan ikke forstås" in result.stderr


def test_missing_database_is_one_line_and_nothing_is_created(tmp_path) -> None:
    status, _out, err = run(commands.export, str(tmp_path / "empty"), "latest", "json",
                            str(tmp_path / "x.json"))
    assert status == 1 and "Der er ingen database" in one_line(err)
    assert not (tmp_path / "empty").exists()
