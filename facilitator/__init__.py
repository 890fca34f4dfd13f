"""Facilitator: the official's companion for citizen-driven co-creation meetings."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # `__version__` is looked up on first use only: reading the installed metadata
    # costs a few milliseconds that most imports of the package do not need.
    if name == "__version__":
        from facilitator.version import app_version

        return app_version()
    raise AttributeError(f"module 'facilitator' has no attribute {name!r}")
