"""The bundle's LICENSES folder: each shipped package's licence, from pip-licenses.

The packages are those the app needs at run time (facilitator.licences finds
them from the installed metadata); pip-licenses reads their licence and notice
files. Python, Qt, the fonts and the app itself are added from the same
sources the about dialog uses, so the folder and the dialog list the same.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from facilitator.licences import (
    QT_DISTRIBUTIONS,
    Licence,
    collect,
    normalise,
    runtime_distributions,
    write_folder,
)

UNKNOWN = "UNKNOWN"


def shipped_package_names() -> list[str]:
    """The run-time packages, less Qt for Python (its notice and licence come separately)."""
    names = [str(d.metadata["Name"]) for d in runtime_distributions()]
    return [n for n in names if normalise(n) not in QT_DISTRIBUTIONS]


def pip_licenses(names: list[str]) -> list[dict[str, str]]:
    """pip-licenses' JSON report for `names`, with licence and notice texts."""
    command = [sys.executable, "-m", "piplicenses", "--from=mixed", "--format=json",
               "--with-urls", "--with-license-file", "--no-license-path",
               "--with-notice-file", "--packages", *names]
    report = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return list(json.loads(report))


def from_report(report: list[dict[str, str]]) -> list[Licence]:
    """pip-licenses' rows as licences; a package without a licence text stops the build."""
    entries, missing = [], []
    for row in report:
        texts = [row.get(key, UNKNOWN) for key in ("LicenseText", "NoticeText")]
        text = "\n\n".join(t.strip() for t in texts if t and t != UNKNOWN)
        if not text:
            missing.append(row["Name"])
        url = row.get("URL", "")
        entries.append(Licence(row["Name"], row["Version"], row["License"],
                               "" if url == UNKNOWN else url, text))
    if missing:
        raise RuntimeError(f"no licence text found for: {', '.join(missing)}")
    return entries


def write_licences(folder: Path) -> list[Licence]:
    """Write the LICENSES folder for the bundle; returns what it lists."""
    import PySide6
    from PySide6.QtCore import qVersion

    names = shipped_package_names()
    report = pip_licenses(names)
    found = {normalise(row["Name"]) for row in report}
    absent = [n for n in names if normalise(n) not in found]
    if absent:
        raise RuntimeError(f"pip-licenses did not report: {', '.join(absent)}")
    entries = collect(qVersion(), PySide6.__version__, from_report(report))
    write_folder(entries, folder)
    return entries
