"""The app icon in every format a platform wants, drawn from resources/icons/facilitator.svg.

Qt's own SVG renderer draws each size (so small sizes are drawn, not shrunk);
Pillow packs them into the Windows .ico and the macOS .icns.
"""

from __future__ import annotations

import os
from pathlib import Path

from installer.config import ROOT

SVG = ROOT / "resources" / "icons" / "facilitator.svg"
# The hicolor sizes a Linux desktop looks for, which are also the .ico's and .icns's.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render_pngs(folder: Path, svg: Path = SVG, sizes: tuple[int, ...] = PNG_SIZES) -> dict[int, Path]:
    """One square PNG per size, `facilitator-<size>.png`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"cannot read the icon {svg}")
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = folder / f"facilitator-{size}.png"
        if not image.save(str(path)):
            raise RuntimeError(f"cannot write {path}")
        made[size] = path
    return made


def write_ico(pngs: dict[int, Path], target: Path) -> Path:
    """A Windows icon holding each drawn size."""
    from PIL import Image

    images = [Image.open(pngs[size]) for size in ICO_SIZES]
    images[-1].save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                    append_images=images[:-1])
    return target


def write_icns(pngs: dict[int, Path], target: Path) -> Path:
    """A macOS icon holding each drawn size."""
    from PIL import Image

    images = [Image.open(pngs[size]) for size in ICNS_SIZES]
    images[-1].save(target, format="ICNS", append_images=images[:-1])
    return target


def make_icons(folder: Path) -> dict[str, Path]:
    """Every icon file: PNGs by size, `ico`, `icns` and the `svg` source."""
    pngs = render_pngs(folder)
    made: dict[str, Path] = {str(size): path for size, path in pngs.items()}
    made["ico"] = write_ico(pngs, folder / "facilitator.ico")
    made["icns"] = write_icns(pngs, folder / "facilitator.icns")
    made["svg"] = SVG
    return made
