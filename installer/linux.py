"""Linux packages: a .deb (installed under /opt, a `facilitator` command, menu entry, icons)
and a .tar.gz of the same bundle.

The bundle carries Python, Qt and the app; the system libraries Qt and Python
load (X11/xcb, fontconfig, SQLite, CUPS …) are left to the system. The .deb
names them as dependencies, found by asking `ldd` what each library in the
bundle loads from outside it and `dpkg -S` which package that file belongs to.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterable
from pathlib import Path

from installer.bundle import folder_size
from installer.config import App, Folders

INSTALL_DIR = "/opt/facilitator"
COMMAND = "/usr/bin/facilitator"
MAINTAINER = "Facilitator <dev@facilitator.invalid>"
# Installed once a window shows; listed even if this build's ldd scan were to miss them.
ALWAYS_DEPENDS = ("libc6",)
_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(\S+|not found)")


def desktop_entry(app: App, exec_path: str = COMMAND) -> str:
    """The menu entry (freedesktop .desktop file)."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={app.name}",
        f"GenericName={app.summary}",
        f"Comment={app.summary}",
        f"Exec={exec_path}",
        f"Icon={app.package}",
        "Terminal=false",
        "Categories=Office;",
        "Keywords=møde;borgermøde;samskabelse;meeting;",
        f"StartupWMClass={app.name}",
        "",
    ])


def control_file(app: App, architecture: str, installed_kib: int, depends: Iterable[str]) -> str:
    """DEBIAN/control."""
    description = app.description.rstrip(".")
    return "\n".join([
        f"Package: {app.package}",
        f"Version: {app.version}",
        "Section: misc",
        "Priority: optional",
        f"Architecture: {architecture}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kib}",
        f"Depends: {', '.join(sorted(set(depends)))}",
        f"Description: {app.summary}",
        f" {description}.",
        " Runs offline; the data stays in each user's own data folder, which",
        " installing, upgrading and removing the package never touch.",
        "",
    ])


def elf_files(folder: Path) -> list[Path]:
    """Every ELF executable or library in the folder."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def outside_libraries(bundle: Path) -> tuple[dict[str, Path], set[str]]:
    """The libraries the bundle loads from the system (soname → path), and those not found."""
    elves = elf_files(bundle)
    search = os.pathsep.join(sorted({str(p.parent) for p in elves}))
    env = {**os.environ, "LD_LIBRARY_PATH": search}
    system: dict[str, Path] = {}
    missing: set[str] = set()
    for elf in elves:
        result = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            match = _LDD_LINE.match(line)
            if not match:
                continue
            soname, where = match.groups()
            if where == "not found":
                missing.add(soname)
            elif not Path(where).resolve().is_relative_to(bundle.resolve()):
                system[soname] = Path(where)
    return system, missing


def direct_needs(bundle: Path) -> set[str]:
    """The sonames the bundle's files link to directly (readelf's NEEDED)."""
    needed: set[str] = set()
    for elf in elf_files(bundle):
        result = subprocess.run(["readelf", "-d", str(elf)], capture_output=True, text=True)
        needed.update(re.findall(r"\(NEEDED\).*\[(.+?)\]", result.stdout))
    return needed


def owning_package(path: Path) -> str | None:
    """The Debian package that installed `path` (trying the /usr-merged spellings too)."""
    candidates = [str(path), str(path.resolve())]
    for name in list(candidates):
        if name.startswith("/usr/lib/"):
            candidates.append(name.removeprefix("/usr"))
        elif name.startswith("/lib/"):
            candidates.append("/usr" + name)
    for name in dict.fromkeys(candidates):
        result = subprocess.run(["dpkg", "-S", name], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def debian_depends(bundle: Path) -> list[str]:
    """The packages providing what the bundle loads directly from the system."""
    system, missing = outside_libraries(bundle)
    needed = direct_needs(bundle)
    absent = sorted(missing & needed)
    if absent:
        raise RuntimeError(
            "the bundle needs libraries this machine lacks, so the .deb cannot name them: "
            + ", ".join(absent) + " (install them, e.g. with .ci/run's apt-get line, and build again)"
        )
    packages = set(ALWAYS_DEPENDS)
    for soname in sorted(needed & system.keys()):
        package = owning_package(system[soname])
        if package is None:
            raise RuntimeError(f"no Debian package owns {system[soname]} ({soname})")
        packages.add(package)
    return sorted(packages)


def architecture() -> str:
    """dpkg's name for this machine's architecture (amd64, arm64)."""
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()


def lay_out_package(app: App, folders: Folders, icons: dict[str, Path], root: Path,
                    depends: list[str]) -> None:
    """The package's file tree under `root`, with DEBIAN/control."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(folders.bundle, opt, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "facilitator").symlink_to(f"{INSTALL_DIR}/{app.name}")
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{app.package}.desktop").write_text(desktop_entry(app), encoding="utf-8")
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for key, path in icons.items():
        if key.isdigit():
            target = hicolor / f"{key}x{key}" / "apps" / f"{app.package}.png"
        elif key == "svg":
            target = hicolor / "scalable" / "apps" / f"{app.package}.svg"
        else:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    doc = root / "usr" / "share" / "doc" / app.package
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        f"{app.name} {app.version}\n\nThe licences of everything the package contains are in\n"
        f"{INSTALL_DIR}/_internal/LICENSES/ (and in the app: Ctrl+F1, «Om Facilitator»).\n",
        encoding="utf-8",
    )
    for path in root.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    debian = root / "DEBIAN"
    debian.mkdir()
    installed_kib = (folder_size(root) + 1023) // 1024
    (debian / "control").write_text(
        control_file(app, architecture(), installed_kib, depends), encoding="utf-8"
    )


def build_linux_packages(app: App, folders: Folders, icons: dict[str, Path]) -> list[Path]:
    """The .deb and the .tar.gz."""
    depends = debian_depends(folders.bundle)
    print(f"   Depends: {', '.join(depends)}")
    return [build_deb(app, folders, icons, depends), build_tarball(app, folders, depends)]


def build_deb(app: App, folders: Folders, icons: dict[str, Path], depends: list[str]) -> Path:
    """dist/facilitator_<version>_<arch>.deb."""
    root = folders.build / "deb"
    lay_out_package(app, folders, icons, root, depends)
    target = folders.dist / f"{app.package}_{app.version}_{architecture()}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    return target


def build_tarball(app: App, folders: Folders, depends: list[str]) -> Path:
    """dist/facilitator-<version>-linux-<arch>.tar.gz: the bundle, the menu entry and the icon."""
    machine = os.uname().machine
    target = folders.dist / f"{app.package}-{app.version}-linux-{machine}.tar.gz"
    top = f"{app.package}-{app.version}"
    readme = folders.build / "INSTALL.txt"
    readme.write_text(
        f"{app.name} {app.version}\n\nStart: ./{app.name} (or link it into your PATH).\n"
        f"Menu entry: copy {app.package}.desktop to ~/.local/share/applications and set Exec= to\n"
        f"where {app.name} lies. The system must have the libraries the .deb depends on:\n"
        f"{', '.join(depends)}\n",
        encoding="utf-8",
    )
    entry = folders.build / f"{app.package}.desktop"
    entry.write_text(desktop_entry(app, f"{app.name}"), encoding="utf-8")
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(folders.bundle, arcname=top)
        archive.add(readme, arcname=f"{top}/INSTALL.txt")
        archive.add(entry, arcname=f"{top}/{app.package}.desktop")
        archive.add(folders.icons / "facilitator-256.png", arcname=f"{top}/{app.package}.png")
    return target
