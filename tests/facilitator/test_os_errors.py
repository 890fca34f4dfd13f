"""The operating system's and SQLite's reasons, in Danish, from one function; never their English."""

from __future__ import annotations

import errno
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from facilitator.storage.os_errors import (
    describe_failure,
    describe_os_error,
    describe_sqlite_error,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("number", "danish"),
    [
        (errno.ENAMETOOLONG, "Filnavnet er for langt"),
        (errno.EROFS, "Disken er skrivebeskyttet"),
        (errno.ENOSPC, "Disken er fuld"),
        (errno.EACCES, "Adgang nægtet"),
        (errno.EPERM, "Adgang nægtet"),
        (errno.ENOENT, "Filen eller mappen findes ikke"),
        (errno.EISDIR, "Det er en mappe"),
        (errno.ENOTDIR, "Ikke en mappe (en del af stien er en fil)"),
    ],
)
def test_known_reasons_are_danish(number, danish):
    assert describe_os_error(OSError(number, "English text from the OS")) == danish


def test_the_real_error_of_a_name_too_long_is_danish(tmp_path):
    with pytest.raises(OSError) as refused:
        (tmp_path / ("a" * 300)).mkdir()
    assert describe_os_error(refused.value) == "Filnavnet er for langt"
    assert describe_failure(refused.value) == "Filnavnet er for langt"


def test_an_unknown_errno_gives_a_danish_sentence_with_its_number():
    assert describe_os_error(OSError(9999, "Something odd")) == (
        "Styresystemet afviste handlingen (fejlkode 9999)")
    assert describe_os_error(OSError("no number at all")) == (
        "Styresystemet afviste handlingen (uden fejlkode)")


def test_sqlite_errors_are_danish_also_when_sqlalchemy_wraps_them(tmp_path):
    path = tmp_path / "not-a-db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(sqlite3.DatabaseError) as refused:
        sqlite3.connect(path).execute("SELECT 1 FROM sqlite_master").fetchall()
    assert describe_sqlite_error(refused.value) == "Filen er ikke en database"
    wrapped = OperationalError("SELECT name FROM person", {}, refused.value)
    assert describe_failure(wrapped) == "Filen er ikke en database"


def test_any_other_failure_names_only_its_kind():
    secret = " ".join(["Karen", "Vestergaard"])
    assert describe_failure(RuntimeError(secret)) == "Uventet fejl (RuntimeError)"


def test_no_user_message_is_built_from_the_os_s_english_text():
    """`strerror` (or `exc.strerror or exc`) shows English; every reason goes through os_errors."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("facilitator", "ui")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.strerror\b", line)
    ]
    assert offenders == []
