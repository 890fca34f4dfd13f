"""The app icon in every format the installers need, drawn from the one SVG."""

from __future__ import annotations

from PIL import Image
from PySide6.QtGui import QImage

from installer.icons import ICO_SIZES, PNG_SIZES, make_icons


def test_pngs_ico_and_icns_are_drawn_at_each_size(qapp, tmp_path) -> None:
    made = make_icons(tmp_path)
    for size in PNG_SIZES:
        image = QImage(str(made[str(size)]))
        assert (image.width(), image.height()) == (size, size)
        # Drawn, not empty: the corner is transparent, the middle is the bubble's white.
        assert image.pixelColor(size // 2, size // 5).alpha() == 255
    with Image.open(made["ico"]) as ico:
        assert ico.format == "ICO"
        assert set(ico.info["sizes"]) == {(s, s) for s in ICO_SIZES}
    with Image.open(made["icns"]) as icns:
        assert icns.format == "ICNS" and (512, 512, 1) in icns.info["sizes"]
    assert made["svg"].read_text(encoding="utf-8").startswith("<svg")
