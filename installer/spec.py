"""The PyInstaller spec for the one-folder bundle, written out from the data in this module.

The spec is generated (build/installer/facilitator.spec) so that what goes in
and what is left out is written here once, readable and tested: the app's
resources and migrations, the package metadata that carries its version, and
only the Qt plugins and libraries the app uses.
"""

from __future__ import annotations

import ast
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from installer.config import ROOT, App

ENTRY = ROOT / "installer" / "launch.py"
MIGRATIONS = ROOT / "facilitator" / "storage" / "migrations"

# Qt plugins kept, by folder under Qt's plugins/ ("*": the whole folder). Every other
# folder is left out: no Wayland (Qt runs through XWayland there), no OpenGL integration,
# no GTK theme, no network, no input devices the app does not read.
QT_PLUGINS: dict[str, frozenset[str] | str] = {
    "platforms": frozenset({"qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"}),
    "platforms/darwin": "*",
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin",
                                        "ibusplatforminputcontextplugin"}),
    "imageformats": frozenset({"qsvg", "qico", "qjpeg", "qicns"}),
    "iconengines": frozenset({"qsvgicon"}),
    "styles": "*",
    "printsupport": "*",
    "accessiblebridge": "*",
}
# Qt libraries nothing kept links to, though PyInstaller's Qt hooks may collect them.
QT_LIBRARIES_LEFT_OUT = (
    "Qml", "Quick", "Wayland", "Designer", "Help", "Lottie", "Labs", "VirtualKeyboard",
    "3D", "Multimedia", "WebEngine", "WebChannel", "WebSockets", "WebView", "Sql", "Test",
    "Concurrent", "OpenGL", "Wl", "PdfQuick", "EglFS", "EglFs", "ShaderTools", "SvgWidgets",
    "UiTools", "Charts", "Graphs", "DataVisualization", "Positioning", "Location", "Sensors",
    "SerialPort", "SerialBus", "Bluetooth", "Nfc", "RemoteObjects", "Scxml", "StateMachine",
    "TextToSpeech", "SpatialAudio", "HttpServer", "NetworkAuth",
)
# Qt's own translations: Danish only (the app's Qt dialogs are Danish).
QT_TRANSLATIONS = ("qtbase_da.qm",)
# Python modules the app never uses that hooks or optional imports would pull in.
EXCLUDED_MODULES = (
    "tkinter", "_tkinter", "unittest", "pydoc", "pydoc_data", "doctest", "test", "lib2to3",
    "ssl", "_ssl", "readline", "setuptools", "pkg_resources", "distutils",
    # Pillow reads the brief's logo (PNG, JPEG); its AVIF and WebP codecs weigh 6 MB.
    "PIL.ImageTk", "PIL.ImageQt", "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp",
    "PIL.WebPImagePlugin",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtOpenGL",
    "PySide6.QtDBus",
)
# Babel's locale data is 30 MB; the app formats numbers and dates in Danish and English.
BABEL_LOCALES = ("root", "da", "en")


@dataclass(frozen=True)
class SpecInputs:
    """What the spec needs from the build: the app, where its icons and licences are."""

    app: App
    platform: str  # linux, windows or macos
    icons: dict[str, Path]
    licences: Path
    version_file: Path | None  # Windows version resource, made by windows.version_resource


def migration_imports(folder: Path = MIGRATIONS) -> list[str]:
    """Modules the Alembic scripts import: Alembic loads them from files, unseen by the analysis."""
    found: set[str] = set()
    for script in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                # `from alembic import op`: op is a module; `from x import Base` is not.
                found.update(f"{node.module}.{alias.name}" for alias in node.names
                             if _is_module(f"{node.module}.{alias.name}"))
    return sorted(found)


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def datas(inputs: SpecInputs) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for every data file or folder."""
    return [
        (str(ROOT / "resources"), "resources"),
        (str(MIGRATIONS), "facilitator/storage/migrations"),
        (str(inputs.licences), "LICENSES"),
    ]


def icon_for(inputs: SpecInputs) -> str | None:
    """The executable's icon: .ico on Windows, .icns on macOS (Linux has the desktop entry)."""
    kind = {"windows": "ico", "macos": "icns"}.get(inputs.platform)
    return str(inputs.icons[kind]) if kind else None


def spec_values(inputs: SpecInputs) -> dict[str, object]:
    """The constants the spec's code works from."""
    return {
        "ENTRY": str(ENTRY),
        "ROOT": str(ROOT),
        "NAME": inputs.app.name,
        "VERSION": inputs.app.version,
        "BUNDLE_ID": inputs.app.macos_bundle_id,
        "DATAS": datas(inputs),
        "HIDDEN": migration_imports(),
        "EXCLUDES": list(EXCLUDED_MODULES),
        "QT_PLUGINS": {k: v if isinstance(v, str) else sorted(v) for k, v in QT_PLUGINS.items()},
        "QT_LIBRARIES_LEFT_OUT": list(QT_LIBRARIES_LEFT_OUT),
        "QT_TRANSLATIONS": list(QT_TRANSLATIONS),
        "BABEL_LOCALES": list(BABEL_LOCALES),
        "ICON": icon_for(inputs),
        "VERSION_FILE": str(inputs.version_file) if inputs.version_file else None,
        "MACOS": inputs.platform == "macos",
        "LINUX": inputs.platform == "linux",
        # Debug symbols off the Linux libraries (libpython alone carries 25 MB of them).
        "STRIP": inputs.platform == "linux",
    }


def render_spec(inputs: SpecInputs) -> str:
    """The text of the spec file: the constants, the filters, then PyInstaller's build steps."""
    header = "\n".join(f"{key} = {value!r}" for key, value in spec_values(inputs).items())
    return f"{SPEC_HEAD}\n{header}\n{SPEC_FILTERS}\n{SPEC_BUILD}"


SPEC_HEAD = '''# -*- mode: python -*-
# Generated by build_installer.py from installer/spec.py; edit that, not this file.
'''

# What is kept of what PyInstaller's analysis found (plain Python: tests run it without PyInstaller).
SPEC_FILTERS = r'''
import re


def _parts(dest):
    return dest.replace("\\", "/").split("/")


def _keep_qt_plugin(dest):
    """dest is the file's path in the bundle; plugins live under .../Qt/plugins/<kind>/ ."""
    parts = _parts(dest)
    if "plugins" not in parts or "Qt" not in parts:
        return True
    rest = parts[parts.index("plugins") + 1:]
    kind = "/".join(rest[:-1])
    keep = QT_PLUGINS.get(kind)
    if keep is None:
        return False
    if keep == "*":
        return True
    name = re.sub(r"^lib", "", rest[-1].split(".")[0])
    return name in keep


def _keep_qt_library(dest):
    """libQt6Quick.so.6, Qt6Quick.dll, QtQuick.framework and PySide6's QtQuick module go."""
    for part in _parts(dest):
        named = re.match(r"^(?:lib)?Qt6?([A-Za-z0-9]+)", part)
        if named and any(named.group(1).startswith(left) for left in QT_LIBRARIES_LEFT_OUT):
            return False
    return True


def _keep_translation(dest):
    parts = _parts(dest)
    if "translations" not in parts or "Qt" not in parts:
        return True
    return parts[-1] in QT_TRANSLATIONS


def _keep_babel(dest):
    parts = _parts(dest)
    if parts[:2] != ["babel", "locale-data"]:
        return True
    locale = parts[-1].split(".")[0]
    return locale.split("_")[0] in BABEL_LOCALES


SYSTEM_PREFIXES = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")


def _keep_binary(entry):
    dest, source = entry[0], entry[1]
    if LINUX and source.startswith(SYSTEM_PREFIXES) and not dest.startswith("libpython"):
        # Debian's own libraries (X11, xcb, fontconfig, SQLite …) are the package's
        # dependencies, kept up to date by the system, not copies in the bundle.
        return False
    return _keep_qt_plugin(dest) and _keep_qt_library(dest)


def _keep_data(entry):
    dest = entry[0]
    return (_keep_qt_plugin(dest) and _keep_qt_library(dest) and _keep_translation(dest)
            and _keep_babel(dest))


'''

SPEC_BUILD = r'''
from PyInstaller.utils.hooks import collect_data_files, copy_metadata

a = Analysis(
    [ENTRY],
    pathex=[ROOT],
    binaries=[],
    # The version is read from the package metadata; anyascii's tables and pyphen's
    # Danish hyphenation dictionary are data files.
    datas=DATAS + copy_metadata("facilitator") + collect_data_files("anyascii")
    + collect_data_files("pyphen"),
    hiddenimports=HIDDEN,
    excludes=EXCLUDES,
    noarchive=False,
    optimize=0,
)
a.binaries = [entry for entry in a.binaries if _keep_binary(entry)]
a.datas = [entry for entry in a.datas if _keep_data(entry)]
pyz = PYZ(a.pure)
exe = EXE(
    pyz,
    a.scripts,
    [],
    exclude_binaries=True,
    name=NAME,
    debug=False,
    strip=STRIP,
    upx=False,
    console=False,
    icon=ICON,
    version=VERSION_FILE,
)
coll = COLLECT(exe, a.binaries, a.datas, strip=STRIP, upx=False, name=NAME)
if MACOS:
    app = BUNDLE(
        coll,
        name=NAME + ".app",
        icon=ICON,
        bundle_identifier=BUNDLE_ID,
        version=VERSION,
        info_plist={
            "CFBundleDisplayName": NAME,
            "CFBundleShortVersionString": VERSION,
            "NSHighResolutionCapable": True,
            "LSApplicationCategoryType": "public.app-category.productivity",
        },
    )
'''
