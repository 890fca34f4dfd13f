"""macOS: the .app PyInstaller made (dist/Facilitator.app) packed into a .dmg with hdiutil.

The disk image holds the app and a link to /Applications, to drag it onto. The
data folder (~/Library/Application Support/Facilitator) lies outside the app,
so replacing or deleting the app keeps it. PyInstaller signs the app ad hoc;
Developer ID signing and notarisation need the municipality's Apple account
and are not done here.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from installer.config import App, Folders


def hdiutil_command(app: App, staging: Path, target: Path) -> list[str]:
    """The compressed, read-only disk image of `staging`."""
    return ["hdiutil", "create", "-volname", f"{app.name} {app.version}", "-srcfolder",
            str(staging), "-ov", "-format", "UDZO", str(target)]


def build_dmg(app: App, folders: Folders) -> list[Path]:
    """dist/Facilitator-<version>.dmg."""
    bundle = folders.dist / f"{app.name}.app"
    staging = folders.build / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    # ditto keeps the app's symlinks, extended attributes and signature intact.
    subprocess.run(["ditto", str(bundle), str(staging / bundle.name)], check=True)
    (staging / "Applications").symlink_to("/Applications")
    target = folders.dist / f"{app.name}-{app.version}.dmg"
    subprocess.run(hdiutil_command(app, staging, target), check=True)
    return [target]
