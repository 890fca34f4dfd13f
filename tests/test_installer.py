"""build_installer.py's parts that run anywhere: the spec's filters, packages' metadata files."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

from installer.config import Folders, read_app
from installer.linux import control_file, debian_depends, desktop_entry, direct_needs
from installer.macos import hdiutil_command
from installer.spec import SpecInputs, migration_imports, render_spec, spec_values
from installer.windows import inno_script, signing_command, version_resource, version_tuple

ROOT = Path(__file__).resolve().parent.parent
APP = read_app()


def inputs(platform: str = "linux") -> SpecInputs:
    icons = {"ico": Path("icons/facilitator.ico"), "icns": Path("icons/facilitator.icns")}
    return SpecInputs(APP, platform, icons, Path("LICENSES"), None)


def filters(platform: str = "linux") -> dict[str, object]:
    """The spec's keep/leave-out functions, run as the spec runs them."""
    from installer.spec import SPEC_FILTERS

    namespace: dict[str, object] = dict(spec_values(inputs(platform)))
    exec(SPEC_FILTERS, namespace)  # noqa: S102 - our own generated code
    return namespace


def test_the_app_is_described_from_pyproject() -> None:
    from facilitator.version import version_in_pyproject

    assert APP.version == version_in_pyproject(ROOT / "pyproject.toml")
    assert APP.package == "facilitator" and APP.name == "Facilitator"


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
    ("PySide6/Qt/lib/libQt6PdfQuick.so.6", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6QmlModels.so.6", False),
    ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
    ("PySide6/Qt/lib/libQt6OpenGL.so.6", False),
    ("PySide6\\Qt6Quick.dll", False),
    ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libicudata.so.73", True),
])
def test_only_the_qt_plugins_and_libraries_the_app_uses_are_kept(dest, kept) -> None:
    keep = filters()["_keep_binary"]
    assert keep((dest, "/venv/site-packages/" + dest, "BINARY")) is kept  # type: ignore[operator]


def test_system_libraries_are_left_to_the_debian_package_on_linux_only() -> None:
    entry = ("libxcb-cursor.so.0", "/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0", "BINARY")
    python = ("libpython3.12.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.12.so.1.0", "BINARY")
    assert filters("linux")["_keep_binary"](entry) is False  # type: ignore[operator]
    assert filters("linux")["_keep_binary"](python) is True  # type: ignore[operator]
    assert filters("windows")["_keep_binary"](entry) is True  # type: ignore[operator]


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/translations/qtbase_da.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("babel/locale-data/da.dat", True),
    ("babel/locale-data/en_GB.dat", True),
    ("babel/locale-data/root.dat", True),
    ("babel/locale-data/fr.dat", False),
    ("babel/global.dat", True),
    ("resources/fonts/DejaVuSans.ttf", True),
])
def test_only_danish_qt_texts_and_the_babel_locales_in_use_are_kept(dest, kept) -> None:
    keep = filters()["_keep_data"]
    assert keep((dest, "/src/" + dest, "DATA")) is kept  # type: ignore[operator]


def test_the_spec_carries_the_migrations_and_what_they_import() -> None:
    imports = migration_imports()
    assert {"alembic.op", "alembic.context", "sqlalchemy", "facilitator.storage.models"} <= set(
        imports)
    assert "facilitator.storage.models.Base" not in imports  # a class, not a module
    spec = render_spec(inputs())
    ast.parse(spec)
    assert "facilitator/storage/migrations" in spec and "'LICENSES'" in spec
    assert "console=False" in spec and "copy_metadata(\"facilitator\")" in spec
    assert "collect_data_files(\"anyascii\")" in spec
    assert "ICON = 'icons/facilitator.ico'" in render_spec(inputs("windows"))


def test_the_desktop_entry_and_the_control_file() -> None:
    entry = desktop_entry(APP)
    assert "Exec=/usr/bin/facilitator" in entry and "Icon=facilitator" in entry
    assert "Terminal=false" in entry and entry.startswith("[Desktop Entry]\n")
    control = control_file(APP, "amd64", 120_000, ["libxcb-cursor0", "libc6", "libc6"])
    fields = dict(line.split(": ", 1) for line in control.splitlines() if not line.startswith(" "))
    assert fields["Package"] == "facilitator" and fields["Version"] == APP.version
    assert fields["Depends"] == "libc6, libxcb-cursor0"
    assert fields["Installed-Size"] == "120000" and fields["Architecture"] == "amd64"


@pytest.mark.skipif(not (shutil.which("dpkg") and shutil.which("ldd") and shutil.which("readelf")),
                    reason="needs a Debian system (dpkg, ldd, readelf)")
def test_the_debian_dependencies_are_the_packages_of_what_the_bundle_loads(tmp_path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    program = Path(shutil.which("true") or "/bin/true").resolve()
    shutil.copy(program, bundle / "program")
    assert "libc.so.6" in direct_needs(bundle)
    assert debian_depends(bundle) == ["libc6"]


def test_the_windows_installer_is_per_user_and_never_removes_the_data() -> None:
    script = inno_script(APP, Path("C:/b/dist/Facilitator"), Path("C:/b/facilitator.ico"),
                         Path("C:/b/dist"))
    assert "PrivilegesRequired=lowest" in script
    assert "DefaultDirName={localappdata}\\Programs\\Facilitator" in script
    assert f"AppId={{{APP.windows_app_id}" in script  # "{" doubled, as Inno Setup wants
    assert 'Name: "{autoprograms}\\Facilitator"' in script
    assert "compiler:Languages\\Danish.isl" in script
    assert "[UninstallDelete]" not in script.replace("No [UninstallDelete]", "")
    assert f"OutputBaseFilename=Facilitator-{APP.version}-setup" in script


def test_the_version_resource_and_signing_command() -> None:
    assert version_tuple("1.2.3") == (1, 2, 3, 0) and version_tuple("2.0rc1") == (2, 0, 0, 0)
    ast.parse(version_resource(APP))
    assert f"StringStruct('ProductVersion', '{APP.version}')" in version_resource(APP)
    assert signing_command(Path("x.exe"), {}) is None
    pfx = signing_command(Path("x.exe"), {"FACILITATOR_SIGN_PFX": "c.pfx",
                                          "FACILITATOR_SIGN_PASSWORD": "pw",
                                          "FACILITATOR_SIGNTOOL": "signtool"})
    assert pfx is not None and pfx[:6] == ["signtool", "sign", "/f", "c.pfx", "/p", "pw"]
    assert pfx[-1] == "x.exe" and "/tr" in pfx
    store = signing_command(Path("x.exe"), {"FACILITATOR_SIGN_THUMBPRINT": "AB12",
                                            "FACILITATOR_SIGNTOOL": "signtool"})
    assert store is not None and store[2:4] == ["/sha1", "AB12"]


def test_the_dmg_command() -> None:
    command = hdiutil_command(APP, Path("build/dmg"), Path("dist/Facilitator.dmg"))
    assert command[:2] == ["hdiutil", "create"] and "UDZO" in command
    assert command[-1] == "dist/Facilitator.dmg"


def test_build_output_is_ignored_by_git() -> None:
    folders = Folders()
    for path in (folders.bundle, folders.icons / "facilitator.ico", ROOT / ".venv-build" / "x"):
        result = subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=ROOT)
        assert result.returncode == 0, path
