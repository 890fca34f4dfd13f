"""The licences of everything the app ships, for the about dialog and the installer's LICENSES.

Nothing here is typed by hand: package licences come from the installed
packages' metadata and licence files, the fonts' from their licence files in
resources/fonts, the LGPL and GPL texts from resources/licenses (the FSF's own
files), and Python's from the interpreter's LICENSE.txt. The installer writes
the same entries into a LICENSES folder of the bundle (build_installer.py), and
the frozen app reads them back from there.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from facilitator.i18n import _
from facilitator.paths import resource

LICENSES_FOLDER = "LICENSES"
INDEX_FILE = "index.json"
ROOT_DISTRIBUTION = "facilitator"
# Qt for Python: every wheel of it carries the same licence choice and no licence file.
QT_DISTRIBUTIONS = ("pyside6", "pyside6-essentials", "pyside6-addons", "pyside6-pdf", "shiboken6")
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA = re.compile(r"\bextra\s*==")
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)


@dataclass(frozen=True)
class Licence:
    """One shipped component: what it is, under which licence, and the licence's full text."""

    name: str
    version: str
    licence: str
    url: str
    text: str


def normalise(name: str) -> str:
    """A distribution name as pip compares them ("PySide6_Essentials" → "pyside6-essentials")."""
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = ROOT_DISTRIBUTION) -> list[metadata.Distribution]:
    """The installed distributions the app needs at run time: its requirements, and theirs.

    Extras (tests, build) are left out; a requirement whose marker excludes this
    Python is simply not installed, so it is skipped.
    """
    found: dict[str, metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = normalise(pending.pop())
        if name in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[name] = dist
        for requirement in dist.requires or []:
            match = _NAME.match(requirement)
            if match and not _EXTRA.search(requirement):
                pending.append(match.group(1))
    found.pop(normalise(root), None)
    return sorted(found.values(), key=lambda d: normalise(d.metadata["Name"]))


def _field(dist: metadata.Distribution, name: str) -> str:
    """A metadata field's first value ("" when absent)."""
    values = dist.metadata.get_all(name) or []
    return str(values[0]) if values else ""


def licence_expression(dist: metadata.Distribution) -> str:
    """The SPDX expression, else the short licence field, else the licence classifiers."""
    meta = dist.metadata
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    short = _field(dist, "License").strip()
    if short and "\n" not in short and len(short) < 80:
        return short
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or "?"


def licence_files_text(dist: metadata.Distribution) -> str:
    """The texts of the licence, notice and authors files the distribution installed."""
    parts = []
    for file in dist.files or []:
        if _LICENCE_FILE.search(file.name) and ".dist-info" in str(file.parent):
            try:
                parts.append(file.read_text(encoding="utf-8").strip())
            except (OSError, UnicodeDecodeError):
                continue
    return "\n\n".join(parts)


def _url(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    for entry in meta.get_all("Project-URL") or []:
        label, _sep, url = str(entry).partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return _field(dist, "Home-page")


def package_licence(dist: metadata.Distribution) -> Licence:
    """One installed package's licence, read from its metadata and licence files."""
    return Licence(
        name=str(dist.metadata["Name"]),
        version=dist.version,
        licence=licence_expression(dist),
        url=_url(dist),
        text=licence_files_text(dist),
    )


def qt_notice(qt_version: str, pyside_version: str) -> str:
    """What the LGPL asks of an app that ships Qt: the licence, and where the source is."""
    return _(
        "Facilitator bruger Qt {qt} og Qt for Python (PySide6 og shiboken6) {pyside} under GNU "
        "Lesser General Public License version 3 (LGPL-3.0); teksterne følger nedenfor.\n\n"
        "Qt-bibliotekerne ligger som selvstændige filer i programmets mappe og kan udskiftes med "
        "en ændret udgave af samme version.\n\n"
        "Kildekoden kan hentes her:\n"
        "  Qt: https://download.qt.io/official_releases/qt/ (version {qt})\n"
        "  PySide6 og shiboken6: https://download.qt.io/official_releases/QtForPython/ og "
        "https://code.qt.io/cgit/pyside/pyside-setup.git/ (tag v{pyside})\n\n"
        "Qt indeholder kode fra tredjeparter under deres egne licenser; se "
        "https://doc.qt.io/qt-6/licenses-used-in-qt.html"
    ).format(qt=qt_version, pyside=pyside_version)


def qt_licence(qt_version: str, pyside_version: str) -> Licence:
    """Qt and PySide6: the notice, then the LGPL-3.0 and the GPL-3.0 it builds on."""
    texts = [qt_notice(qt_version, pyside_version)]
    texts += [resource("licenses", name).read_text(encoding="utf-8")
              for name in ("LGPL-3.0.txt", "GPL-3.0.txt")]
    return Licence("Qt / PySide6", pyside_version, "LGPL-3.0-only", "https://www.qt.io/",
                   "\n\n".join(texts))


def font_licences() -> list[Licence]:
    """The shipped fonts, from the licence files beside them."""
    fonts = (
        ("DejaVu Sans", "LICENSE-DejaVu.txt", "Bitstream-Vera",
         "https://dejavu-fonts.github.io/"),
        ("Noto Emoji", "LICENSE-NotoEmoji.txt", "OFL-1.1", "https://github.com/googlefonts/noto-emoji"),
    )
    return [Licence(name, "", spdx, url, resource("fonts", file).read_text(encoding="utf-8"))
            for name, file, spdx, url in fonts]


def python_licence_file() -> Path | None:
    """The running interpreter's LICENSE.txt (it ships inside the installer)."""
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (base / "lib" / version / "LICENSE.txt", base / "LICENSE.txt",
                      base / "Lib" / "LICENSE.txt"):
        if candidate.is_file():
            return candidate
    return None


def python_licence() -> Licence | None:
    """Python itself, when its licence file can be found."""
    found = python_licence_file()
    if found is None:
        return None
    version = ".".join(str(part) for part in sys.version_info[:3])
    return Licence("Python", version, "PSF-2.0", "https://www.python.org/",
                   found.read_text(encoding="utf-8"))


def app_licence() -> Licence:
    """Facilitator's own entry."""
    from facilitator.version import app_version

    try:
        expression = licence_expression(metadata.distribution(ROOT_DISTRIBUTION))
    except metadata.PackageNotFoundError:
        expression = "?"
    return Licence("Facilitator", app_version(), expression, "", "")


def collect(qt_version: str, pyside_version: str,
            packages: Iterable[Licence] | None = None) -> list[Licence]:
    """Every shipped component: the app, Python, Qt, the fonts, then each package."""
    entries = [app_licence()]
    python = python_licence()
    if python is not None:
        entries.append(python)
    entries.append(qt_licence(qt_version, pyside_version))
    entries += font_licences()
    if packages is None:
        packages = (package_licence(d) for d in runtime_distributions()
                    if normalise(d.metadata["Name"]) not in QT_DISTRIBUTIONS)
    entries += sorted(packages, key=lambda entry: entry.name.lower())
    return entries


def write_folder(entries: Iterable[Licence], folder: Path) -> list[Path]:
    """Write each licence as a text file plus an index the app reads back; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written, index = [], []
    for entry in entries:
        file = folder / f"{re.sub(r'[^A-Za-z0-9.+-]+', '_', entry.name)}.txt"
        head = f"{entry.name} {entry.version}".strip()
        file.write_text(f"{head}\n{entry.licence}\n{entry.url}\n\n{entry.text}\n", encoding="utf-8")
        written.append(file)
        index.append({**asdict(entry), "text": file.name})
    (folder / INDEX_FILE).write_text(json.dumps(index, ensure_ascii=False, indent=1),
                                     encoding="utf-8")
    return written


def read_folder(folder: Path) -> list[Licence]:
    """The entries a LICENSES folder holds (as write_folder wrote them)."""
    index = json.loads((folder / INDEX_FILE).read_text(encoding="utf-8"))
    entries = []
    for item in index:
        text = (folder / item["text"]).read_text(encoding="utf-8")
        # The file starts with the three head lines and a blank one; the text follows.
        item["text"] = text.split("\n", 4)[-1].rstrip("\n")
        entries.append(Licence(**item))
    return entries


def bundled_folder() -> Path | None:
    """The LICENSES folder inside the installed app (None when running from a checkout)."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) / LICENSES_FOLDER if frozen else None


def shipped_licences(qt_version: str, pyside_version: str) -> list[Licence]:
    """What the about dialog lists: the installer's LICENSES folder, or else what is installed."""
    folder = bundled_folder()
    if folder is not None and (folder / INDEX_FILE).is_file():
        return read_folder(folder)
    return collect(qt_version, pyside_version)
