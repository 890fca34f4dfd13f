"""The app's one version number, as written in pyproject.toml.

An installed checkout and the frozen bundle both carry the package metadata
(the bundle copies it at build time), so `importlib.metadata` reads the
version from there. A checkout used without installing falls back to reading
pyproject.toml itself.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DISTRIBUTION = "facilitator"
UNKNOWN = "0+unknown"
_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@cache
def app_version() -> str:
    """The version in pyproject.toml (via the installed metadata when there is some)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return version_in_pyproject(_PYPROJECT) or UNKNOWN


def version_in_pyproject(path: Path) -> str | None:
    """The `version = "…"` of the [project] table, or None when the file has none."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    project = re.search(r"^\[project\]\s*$(.*?)(?=^\[|\Z)", text, re.MULTILINE | re.DOTALL)
    if project is None:
        return None
    found = re.search(r'^version\s*=\s*"([^"]+)"', project.group(1), re.MULTILINE)
    return found.group(1) if found else None
