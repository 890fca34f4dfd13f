"""The `facilitator` command: the composition root that wires the layers together.

It lives in ui/ because it is the one place allowed to know both layers; it
imports Qt only when a window is really needed, so `--version` and headless
subcommands start without it.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from facilitator.i18n import _
from facilitator.paths import DATA_DIR_ENV
from ui.console import ensure_console
from ui.versions import VersionAction


def _add_data_dir(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=_("mappe til databasen (ellers ${env} eller brugerens datamappe)").format(
            env=DATA_DIR_ENV
        ),
    )


def _add_help(parser: argparse.ArgumentParser) -> None:
    # argparse's own "-h" text is English; the Danish one replaces it.
    parser.add_argument("-h", "--help", action="help", help=_("vis denne hjælp og afslut"))
    parser._optionals.title = _("tilvalg")


class _Parser(argparse.ArgumentParser):
    """argparse with its refusals in one Danish line (its own messages are English)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, _("facilitator: kommandoen kan ikke forstås. Se «facilitator --help».") + "\n")


def build_parser() -> argparse.ArgumentParser:
    """The command-line options."""
    parser = _Parser(
        prog="facilitator",
        description=_("Facilitator — mødeværktøj til borgerdrevet samskabelse."),
        add_help=False,
    )
    _add_help(parser)
    parser.add_argument(
        "--version", action=VersionAction, help=_("vis versionerne (app, skema, Python, Qt) og afslut")
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("kontrollér installationen uden vindue med en midlertidig datamappe, og afslut"),
    )
    _add_data_dir(parser)
    commands = parser.add_subparsers(
        parser_class=_Parser,
        dest="command",
        title=_("kommandoer"),
        metavar="{demo,meetings,brief,backup,check}",
        help=_("uden kommando starter appen"),
    )
    demo = commands.add_parser(
        "demo",
        add_help=False,
        help=_("opret et demoprojekt med tre møder"),
        description=_("Opretter et opdigtet projekt med flere landsbyer og tre møder, så du kan "
                      "se alle funktioner på én gang."),
    )
    _add_help(demo)
    # SUPPRESS: "--data-dir" given before the subcommand must not be reset by its default.
    _add_data_dir(demo, argparse.SUPPRESS)
    listing = commands.add_parser(
        "meetings",
        add_help=False,
        help=_("vis møderne med deres id"),
        description=_("Viser alle møder med id, tidspunkt, status og titel."),
    )
    _add_help(listing)
    _add_data_dir(listing, argparse.SUPPRESS)
    brief = commands.add_parser(
        "brief",
        add_help=False,
        help=_("skriv den politiske orientering for et møde som PDF"),
        description=_("Skriver den politiske orientering for et møde som PDF uden at åbne et "
                      "vindue."),
    )
    _add_help(brief)
    brief.add_argument(
        "--meeting",
        required=True,
        metavar="ID|latest",
        help=_("mødets id, eller «latest» for det senest afholdte møde"),
    )
    brief.add_argument(
        "--out", required=True, metavar="FILE.pdf", help=_("hvor PDF-filen skal gemmes")
    )
    brief.add_argument(
        "--lang", default="da", metavar="da|en", help=_("orienteringens sprog: da (standard) eller en")
    )
    _add_data_dir(brief, argparse.SUPPRESS)
    _add_backup_commands(commands)
    return parser


def _add_backup_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    """`facilitator backup --list | --restore ID` and `facilitator check`."""
    backup = commands.add_parser(
        "backup",
        add_help=False,
        help=_("vis eller gendan sikkerhedskopier"),
        description=_("Viser databasens sikkerhedskopier, eller gendanner én. Før en gendannelse "
                      "gemmes det nuværende indhold som en ny sikkerhedskopi."),
    )
    _add_help(backup)
    backup.add_argument(
        "--list", action="store_true", help=_("vis sikkerhedskopierne, nyeste først")
    )
    backup.add_argument(
        "--restore", metavar="ID", help=_("gendan sikkerhedskopien med dette id")
    )
    _add_data_dir(backup, argparse.SUPPRESS)
    check = commands.add_parser(
        "check",
        add_help=False,
        help=_("kontrollér databasen; fejlstatus hvis den er beskadiget"),
        description=_("Kontrollerer databasens integritet uden at ændre den og skriver en "
                      "rapport. Afslutter med status 1, hvis databasen er beskadiget."),
    )
    _add_help(check)
    _add_data_dir(check, argparse.SUPPRESS)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, then run a headless command or start the app."""
    ensure_console()
    args = build_parser().parse_args(argv)
    if args.self_test:
        from ui.self_test import run_self_test

        return run_self_test()
    # The headless commands never import Qt: they run on servers and in scripts.
    if args.command == "demo":
        from facilitator.commands import demo

        return demo(args.data_dir)
    if args.command == "meetings":
        from facilitator.commands import meetings

        return meetings(args.data_dir)
    if args.command == "brief":
        from facilitator.commands import brief

        return brief(args.data_dir, args.meeting, args.out, args.lang)
    if args.command == "backup":
        from facilitator.commands import backup

        return backup(args.data_dir, args.list, args.restore)
    if args.command == "check":
        from facilitator.commands import check

        return check(args.data_dir)
    from ui.app import run

    return run(args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
