"""The test run's Qt platform, set on import, before anything imports Qt.

A test run never needs a display: offscreen, with two virtual screens so the room
view can go to a projector. The first screen is exactly the plain offscreen one
(800×800 at 96 dpi) that every other test sees as the primary screen; the second,
«Projektor», is a 1920×1080 screen to its right. A run that asks for another
platform (xcb) or a configfile of its own keeps it.
"""

from __future__ import annotations

import os
from pathlib import Path

TWO_SCREENS = Path(__file__).with_name("two_screens.json")

if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={TWO_SCREENS}"
