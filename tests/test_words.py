"""Every string the user sees goes through the one translation function."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir

ROOT = Path(__file__).resolve().parent.parent

# Qt calls whose string arguments a user reads.
TEXT_CALLS = {
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setTitle", "addRow",
    "addItem", "setStatusTip", "QLabel", "QPushButton", "QGroupBox", "QCheckBox",
    "QRadioButton", "QAction", "critical", "warning", "information", "question", "setHeaderLabels",
    "showMessage", "addTab", "setSuffix", "setPrefix",
}
WORDS = re.compile(r"[A-Za-zÆØÅæøå]{2,}")


def _bare_literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in TEXT_CALLS:
            continue
        for arg in node.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and WORDS.search(arg.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {arg.value!r}")
    return found


def test_no_user_visible_literal_bypasses_translation() -> None:
    offenders = [hit for path in sorted((ROOT / "ui").rglob("*.py")) for hit in _bare_literals(path)]
    assert offenders == []


def test_babel_extracts_the_danish_strings() -> None:
    messages = {
        message
        for folder in ("facilitator", "ui")
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / folder), method_map=[("**.py", "python")]
        )
    }
    assert "Lad borgerne tage ordet først" in messages
    assert "Borgernes idérunde" in messages
