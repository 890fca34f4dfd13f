"""The layering rule: facilitator/ is pure Python and never imports Qt or ui/."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"PySide6", "ui"}


def lint_imports_command() -> list[str]:
    """The venv's `lint-imports` script (beside this interpreter), else the one on PATH."""
    beside = Path(sys.executable).parent / "lint-imports"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("lint-imports")
    assert found, "import-linter is not installed (pip install -e '.[test]')"
    return [found]


def forbidden_imports(source: str) -> list[str]:
    """Top-level modules in FORBIDDEN that `source` imports, statically or via importlib."""
    hits: list[str] = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args:
            # importlib.import_module("PySide6.QtCore") / __import__("ui") hide from import-linter.
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if called in {"import_module", "__import__"} and isinstance(first, ast.Constant):
                names = [str(first.value)]
        hits += [name for name in names if name.split(".")[0] in FORBIDDEN]
    return hits


def test_import_linter_contract_is_kept():
    result = subprocess.run(
        [*lint_imports_command(), "--no-cache", "--no-logo", "pyproject.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_ast_check_finds_what_it_should():
    sample = (
        "import os\nfrom PySide6.QtCore import QTimer\nimport ui.app\n"
        "from facilitator import clock\nimport importlib\nimportlib.import_module('PySide6.QtGui')\n"
    )
    assert forbidden_imports(sample) == ["PySide6.QtCore", "ui.app", "PySide6.QtGui"]
    assert forbidden_imports("import uip\nfrom facilitator.ui_text import x\n") == []


def test_no_facilitator_module_imports_qt_or_ui():
    modules = sorted((ROOT / "facilitator").rglob("*.py"))
    assert len(modules) > 10  # the walk really found the package
    offenders = {
        str(path.relative_to(ROOT)): hits
        for path in modules
        if (hits := forbidden_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
