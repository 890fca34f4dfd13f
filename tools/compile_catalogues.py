"""Compile every gettext catalogue under resources/locale (each .po to the .mo beside it).

Run: .venv/bin/python tools/compile_catalogues.py [--check]
With --check nothing is written; it exits 1 when a committed .mo differs from a fresh compile.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "resources" / "locale"


def compile_po(po_path: Path) -> bytes:
    """The .mo bytes for one .po file (fuzzy entries are left out, as gettext does)."""
    with po_path.open("rb") as source:
        catalog = read_po(source, locale=po_path.parent.parent.name)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def catalogues(root: Path = LOCALE) -> list[Path]:
    """Every .po file under `root`, in a stable order."""
    return sorted(root.glob("*/LC_MESSAGES/*.po"))


def main(argv: list[str]) -> int:
    """Compile (or with --check, compare) every catalogue; print what was done."""
    check = "--check" in argv
    stale = []
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        fresh = compile_po(po_path)
        if check:
            if not mo_path.exists() or mo_path.read_bytes() != fresh:
                stale.append(mo_path)
            continue
        mo_path.write_bytes(fresh)
        print(f"{po_path.relative_to(LOCALE.parent.parent)} -> {mo_path.name}")
    for mo_path in stale:
        print(f"stale: {mo_path}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
