"""The frozen app's entry point: the same `facilitator` command as an installed checkout."""

import sys

from ui.cli import main

if __name__ == "__main__":
    sys.exit(main())
