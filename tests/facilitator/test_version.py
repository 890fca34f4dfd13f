"""One version, written in pyproject.toml; the schema revision importable without SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import facilitator
from facilitator.version import app_version, version_in_pyproject

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_is_the_one_in_pyproject() -> None:
    written = version_in_pyproject(ROOT / "pyproject.toml")
    assert written is not None and written[0].isdigit()
    assert app_version() == written
    assert facilitator.__version__ == written


def test_pyproject_version_is_read_from_the_project_table_only(tmp_path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[build-system]\nversion = "9.9"\n\n[project]\nname = "x"\nversion = "1.2.3"\n\n'
        '[tool.x]\nversion = "0.0"\n', encoding="utf-8")
    assert version_in_pyproject(pyproject) == "1.2.3"
    pyproject.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert version_in_pyproject(pyproject) is None
    assert version_in_pyproject(tmp_path / "missing.toml") is None


def test_an_unknown_package_attribute_is_an_error() -> None:
    try:
        facilitator.no_such_thing  # noqa: B018 - the lookup is the test
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:
        raise AssertionError("an unknown attribute was found")


def test_the_schema_head_loads_without_sqlalchemy_and_matches_the_database_module() -> None:
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys\nfrom facilitator.storage.schema import SCHEMA_HEAD\n"
         "print(SCHEMA_HEAD, 'sqlalchemy' in sys.modules)"],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    from facilitator.storage.database import SCHEMA_HEAD

    assert result.stdout.split() == [SCHEMA_HEAD, "False"], result.stderr
