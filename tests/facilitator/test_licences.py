"""The licences of what ships: read from the installed packages and resources, never typed."""

from __future__ import annotations

import sys

from facilitator.licences import (
    Licence,
    bundled_folder,
    collect,
    normalise,
    qt_licence,
    read_folder,
    runtime_distributions,
    shipped_licences,
    write_folder,
)


def test_the_run_time_packages_are_the_requirements_and_theirs_without_extras() -> None:
    names = {normalise(d.metadata["Name"]) for d in runtime_distributions()}
    assert {"sqlalchemy", "alembic", "reportlab", "babel", "platformdirs", "anyascii"} <= names
    assert "mako" in names  # alembic's, not the app's own requirement
    assert {"pytest", "mypy", "pypdf", "pyinstaller"}.isdisjoint(names)
    assert "facilitator" not in names


def test_every_package_has_its_licence_text() -> None:
    entries = {e.name.lower(): e for e in collect("6.0.0", "6.0.0")}
    assert "MIT" in entries["sqlalchemy"].licence
    assert "Permission is hereby granted" in entries["sqlalchemy"].text
    for name in ("alembic", "reportlab", "babel", "platformdirs", "anyascii"):
        assert len(entries[name].text) > 200, name
    assert "Bitstream" in entries["dejavu sans"].text
    assert "SIL Open Font License" in entries["noto emoji"].text
    assert entries["python"].version == ".".join(map(str, sys.version_info[:3]))
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in entries["python"].text


def test_qt_carries_the_lgpl_and_where_its_source_is() -> None:
    qt = qt_licence("6.12.0", "6.12.0")
    assert qt.licence == "LGPL-3.0-only"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt.text
    assert "GNU GENERAL PUBLIC LICENSE" in qt.text
    assert "https://download.qt.io/official_releases/QtForPython/" in qt.text
    assert "v6.12.0" in qt.text and "Qt 6.12.0" in qt.text


def test_a_licences_folder_reads_back_as_written(tmp_path) -> None:
    entries = [Licence("Qt / PySide6", "6.12.0", "LGPL-3.0-only", "https://www.qt.io/",
                       "line one\nline two"),
               Licence("Noto Emoji", "", "OFL-1.1", "", "Ø\n\nend")]
    files = write_folder(entries, tmp_path / "LICENSES")
    assert [f.name for f in files] == ["Qt_PySide6.txt", "Noto_Emoji.txt"]
    assert "LGPL-3.0-only" in files[0].read_text(encoding="utf-8")
    assert read_folder(tmp_path / "LICENSES") == entries


def test_the_frozen_app_reads_its_licences_folder(tmp_path, monkeypatch) -> None:
    entry = Licence("SQLAlchemy", "2.0", "MIT", "", "text")
    write_folder([entry], tmp_path / "LICENSES")
    assert bundled_folder() is None
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert bundled_folder() == tmp_path / "LICENSES"
    assert shipped_licences("6.12.0", "6.12.0") == [entry]
