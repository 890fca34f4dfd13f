"""A project export as plain tables, and the three ways it is written: XLSX, CSV and JSON.

The tables arrive gathered and anonymised (services/project_export.py); these
writers only decide how each kind of cell is stored: in XLSX a date is a date
and an amount a number (with a Danish number format), in CSV (UTF-8 with BOM,
`;` separated, as Danish Excel expects) dates are ISO days, in JSON dates are
ISO strings and amounts numbers. Qt-free, like everything in facilitator/.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

Cell = str | int | bool | date | datetime | None


class Kind(StrEnum):
    """How a column's cells are stored."""

    TEXT = "text"
    INT = "int"
    AMOUNT = "amount"  # whole kroner
    DATE = "date"
    DATETIME = "datetime"
    BOOL = "bool"


@dataclass(frozen=True)
class Column:
    """A column: its key in JSON, its title in XLSX and CSV, how its cells are stored."""

    key: str
    title: str
    kind: Kind = Kind.TEXT


@dataclass(frozen=True)
class Table:
    """One kind of entry (ideas, asks, next steps, meetings): its sheet, its file, its rows."""

    key: str  # the JSON key
    sheet: str  # the sheet's name in XLSX ("Ønsker")
    file_stem: str  # the CSV file's name without ".csv", plain ASCII ("oensker")
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class ExportData:
    """Everything one export holds."""

    project_name: str
    exported_at: datetime
    tables: tuple[Table, ...]


YES, NO = "Ja", "Nej"
DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"
AMOUNT_FORMAT = '#,##0 "kr."'
MAX_WIDTH = 60  # characters: a long idea wraps in Excel rather than making a screen-wide column


# Characters a spreadsheet file cannot hold (XML 1.0 forbids them; openpyxl refuses them):
# the app keeps what was typed, the spreadsheet shows a space in their place.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A cell Excel would read as a formula (CSV/XLSX injection): shown as the text it is.
_FORMULA_START = ("=", "+", "-", "@")


def sheet_text(text: str) -> str:
    """A citizen's text as a spreadsheet cell holds it: no control characters."""
    return _ILLEGAL.sub(" ", text)


def csv_text(text: str) -> str:
    """A CSV field Excel shows as text, never evaluates: a leading = + - @ gets an apostrophe."""
    text = sheet_text(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _text(value: Cell, kind: Kind, yes: str, no: str) -> str:
    """A cell as CSV text: ISO dates, plain whole numbers, Ja/Nej."""
    if value is None:
        return ""
    if kind is Kind.BOOL:
        return yes if value else no
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return csv_text(value) if isinstance(value, str) else str(value)


def csv_bytes(table: Table, yes: str = YES, no: str = NO) -> bytes:
    """One table as CSV: UTF-8 with a BOM, `;` between fields, quotes where a field needs them."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([c.title for c in table.columns])
    for row in table.rows:
        writer.writerow([_text(v, c.kind, yes, no) for v, c in zip(row, table.columns, strict=True)])
    return out.getvalue().encode("utf-8-sig")


def _json_value(value: Cell) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def json_bytes(data: ExportData) -> bytes:
    """The whole export as one JSON document (UTF-8, Danish letters as they are)."""
    document: dict[str, Any] = {
        "project": data.project_name,
        "exported_at": data.exported_at.isoformat(timespec="seconds"),
    }
    for table in data.tables:
        document[table.key] = [
            {c.key: _json_value(v) for v, c in zip(row, table.columns, strict=True)}
            for row in table.rows
        ]
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def xlsx_bytes(data: ExportData, yes: str = YES, no: str = NO) -> bytes:
    """The export as a workbook: one sheet per table, typed cells, bold frozen header row."""
    from openpyxl import Workbook  # loaded only when a workbook is made
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])  # the empty default sheet
    bold = Font(bold=True)
    for table in data.tables:
        sheet = book.create_sheet(table.sheet[:31])
        sheet.append([c.title for c in table.columns])
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(vertical="top")
        for row in table.rows:
            sheet.append([(yes if v else no) if c.kind is Kind.BOOL and v is not None
                          else sheet_text(v) if isinstance(v, str) else v
                          for v, c in zip(row, table.columns, strict=True)])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # a citizen's "=…" is text, not a formula
        widths = [len(c.title) for c in table.columns]
        for index, column in enumerate(table.columns, start=1):
            number_format = {Kind.DATE: DATE_FORMAT, Kind.DATETIME: DATETIME_FORMAT,
                             Kind.AMOUNT: AMOUNT_FORMAT, Kind.INT: "0"}.get(column.kind)
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if number_format and cell.value is not None:
                    cell.number_format = number_format
                if column.kind is Kind.TEXT and isinstance(cell.value, str) and "\n" in cell.value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            shown = {Kind.DATE: 10, Kind.DATETIME: 16, Kind.AMOUNT: 14}.get(column.kind)
            longest = shown or max(
                (len(_text(r[index - 1], column.kind, yes, no)) for r in table.rows), default=0)
            widths[index - 1] = max(widths[index - 1], longest)
            sheet.column_dimensions[get_column_letter(index)].width = min(MAX_WIDTH,
                                                                         widths[index - 1] + 2)
        sheet.freeze_panes = "A2"
        if table.rows:
            sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
