"""The `facilitator` command: --version without Qt, and a clear Danish refusal of a bad data dir."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import qVersion

from facilitator import __version__
from facilitator.paths import DATA_DIR_ENV
from facilitator.storage.database import StorageError
from facilitator.storage.schema import SCHEMA_HEAD

ROOT = Path(__file__).resolve().parent.parent


def python(
    code: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter of this venv."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


@pytest.fixture
def unwritable_dir(tmp_path) -> Path:
    """A data dir that cannot be created even by root: its parent is a regular file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, not a folder")
    return blocker / "data"


def test_version_via_module_prints_version():
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"facilitator {__version__}"
    assert lines[1] == f"Databaseskema: {SCHEMA_HEAD}"
    assert lines[2] == f"Python: {platform.python_version()}"
    assert lines[3] == f"Qt: {qVersion()}"
    assert lines[4] == f"PySide6: {PySide6.__version__}"


def test_version_via_installed_script():
    script = Path(sys.executable).parent / "facilitator"
    if not script.exists():
        pytest.skip("the console script is not installed in this environment")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert __version__ in result.stdout


def test_version_loads_only_qtcore_and_no_database_library():
    # --version starts fast: Qt's core library for its version, no window, no SQLAlchemy.
    result = python(
        "import sys\n"
        "from ui.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6.Qt'))\n"
        "print('exit', code, 'qt', qt, 'sqlalchemy', 'sqlalchemy' in sys.modules)\n"
    )
    assert result.returncode == 0, result.stderr
    # (PySide6's own support modules come with QtCore; no other Qt library is loaded.)
    assert result.stdout.splitlines()[-1] == "exit 0 qt ['PySide6.QtCore'] sqlalchemy False"
    assert f"facilitator {__version__}" in result.stdout


def test_version_works_where_qt_cannot_load():
    # On a machine where Qt cannot even load, --version still answers (and says so).
    result = python(
        "import sys\n"
        "sys.modules['PySide6'] = None  # importing it now fails as a broken install would\n"
        "from ui.cli import main\n"
        "sys.exit(main(['--version']))\n"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"facilitator {__version__}"
    assert lines[1] == f"Databaseskema: {SCHEMA_HEAD}"
    assert lines[-1].startswith("Qt: kan ikke indlæses (")


def test_opening_refuses_unwritable_dir_in_danish(unwritable_dir, clock):
    from facilitator.data_door import Purpose, open_data_folder

    with pytest.raises(StorageError) as refused:
        open_data_folder(unwritable_dir, clock, Purpose.APP)
    message = refused.value.message
    assert str(unwritable_dir) in message
    assert "kan ikke skrives" in message
    assert "--data-dir" in message


def test_run_shows_the_message_and_returns_1(qapp, monkeypatch, unwritable_dir):
    from PySide6.QtWidgets import QMessageBox

    import ui.app

    shown: list[tuple[object, str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        lambda parent, title, text, *rest: shown.append((parent, title, text)),
    )
    assert ui.app.run(str(unwritable_dir)) == 1
    [(parent, title, text)] = shown
    assert parent is None or parent.isWindow()  # over the opening window, never a traceback
    assert title == "Facilitator kan ikke starte"
    assert str(unwritable_dir) in text and "kan ikke skrives" in text


# Patch the dialog (it would wait for a click) and run the real command line.
REFUSED_RUN = (
    "import sys\n"
    "from PySide6.QtWidgets import QMessageBox\n"
    "QMessageBox.critical = lambda parent, title, text, *rest: print('DIALOG', title, '|', text)\n"
    "from ui.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.mark.parametrize("via", ["option", "environment"])
def test_command_line_with_unwritable_dir_exits_1_without_traceback(unwritable_dir, via):
    if via == "option":
        result = python(REFUSED_RUN, "--data-dir", str(unwritable_dir))
    else:
        result = python(REFUSED_RUN, env={DATA_DIR_ENV: str(unwritable_dir)})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "DIALOG Facilitator kan ikke starte |" in result.stdout
    assert "kan ikke skrives" in result.stdout
    assert str(unwritable_dir) in result.stdout


def test_the_app_explains_a_data_folder_name_too_long_in_danish(tmp_path):
    folder = tmp_path / ("a" * 300)
    result = python(REFUSED_RUN, "--data-dir", str(folder))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    [dialog] = [line for line in result.stdout.splitlines() if line.startswith("DIALOG")]
    assert "Filnavnet er for langt" in dialog
    assert "File name too long" not in result.stdout + result.stderr
