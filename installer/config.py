"""What every installer step needs to know: the app's name, version and the folders."""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class App:
    """The app as the installers present it."""

    name: str  # shown to people, and the bundle's folder and executable
    package: str  # the .deb package, the command on PATH, the desktop entry
    version: str
    summary: str
    description: str
    publisher: str
    # Inno Setup's AppId: fixed for good, so a newer installer updates the installed app.
    windows_app_id: str = "{8C1F3F52-6D5B-4E0A-9B6E-3A7C2F1D9E41}"
    macos_bundle_id: str = "dk.facilitator.app"


@dataclass(frozen=True)
class Folders:
    """Where the build writes (all under build/ and dist/, ignored by git)."""

    root: Path = ROOT

    @property
    def build(self) -> Path:
        return self.root / "build" / "installer"

    @property
    def dist(self) -> Path:
        return self.root / "dist"

    @property
    def bundle(self) -> Path:
        """The one-folder bundle PyInstaller makes."""
        return self.dist / "Facilitator"

    @property
    def icons(self) -> Path:
        return self.build / "icons"

    @property
    def licences(self) -> Path:
        return self.build / "LICENSES"


def read_app(root: Path = ROOT) -> App:
    """The app's facts, from pyproject.toml (the one place its version is written)."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return App(
        name="Facilitator",
        package="facilitator",
        version=project["version"],
        summary="Mødeværktøj til borgerdrevet samskabelse",
        description=project["description"],
        publisher="Facilitator",
    )


def platform_name() -> str:
    """linux, windows or macos."""
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"
