"""What `facilitator --version` and the about dialog say: the app, its schema, Python and Qt.

Only QtCore is loaded for Qt's version (a few hundredths of a second), never a
window; where Qt cannot load at all, the other lines still print and say so.
"""

from __future__ import annotations

import argparse
import platform
import sys
from collections.abc import Sequence

from facilitator.i18n import _
from facilitator.storage.schema import SCHEMA_HEAD
from facilitator.version import app_version


def version_rows() -> list[tuple[str, str]]:
    """(what, version) for the app, its database schema, Python, Qt and PySide6."""
    rows = [
        ("Facilitator", app_version()),
        (_("Databaseskema"), SCHEMA_HEAD),
        ("Python", platform.python_version()),
    ]
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError as exc:
        rows.append(("Qt", _("kan ikke indlæses ({error})").format(error=type(exc).__name__)))
    else:
        rows += [("Qt", qVersion()), ("PySide6", PySide6.__version__)]
    return rows


def version_text() -> str:
    """The lines `facilitator --version` prints; the first is «facilitator 0.1.0»."""
    rows = version_rows()
    lines = [f"facilitator {rows[0][1]}"]
    lines += [f"{what}: {version}" for what, version in rows[1:]]
    return "\n".join(lines)


class VersionAction(argparse.Action):
    """`--version`: print the versions and exit, before anything else is parsed or loaded."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(version_text(), file=sys.stdout)
        parser.exit(0)
