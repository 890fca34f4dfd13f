"""The `facilitator` command: the composition root that wires the layers together.

It lives in ui/ because it is the one place allowed to know both layers; it
imports Qt only when a window is really needed, so `--version` and headless
subcommands start without it.
"""

from __future__ import annotations

import argparse
import sys

from facilitator import __version__
from facilitator.paths import DATA_DIR_ENV


def build_parser() -> argparse.ArgumentParser:
    """The command-line options."""
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Facilitator — mødeværktøj til borgerdrevet samskabelse.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"mappe til databasen (ellers ${DATA_DIR_ENV} eller brugerens datamappe)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and start the app."""
    args = build_parser().parse_args(argv)
    from ui.app import run

    return run(args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
