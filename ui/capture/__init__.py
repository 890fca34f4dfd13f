"""Capture on the live screen: ideas, resource asks and next steps."""

from ui.capture.panel import CapturePanel

__all__ = ["CapturePanel"]
