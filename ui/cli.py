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
        metavar="{demo,meetings,brief,export,backup,check}",
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
    _add_brief_command(commands)
    _add_export_command(commands)
    _add_backup_commands(commands)
    return parser


def _add_brief_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    """`facilitator brief --meeting ID|latest` (a meeting) or `--project ID|latest` (the status)."""
    brief = commands.add_parser(
        "brief",
        add_help=False,
        help=_("skriv den politiske orientering for et møde, eller et projekts status, som PDF"),
        description=_("Skriver den politiske orientering for et møde (--meeting) eller "
                      "statusorienteringen for et projekt (--project) som PDF uden at åbne et "
                      "vindue."),
    )
    _add_help(brief)
    which = brief.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--meeting",
        metavar="ID|latest",
        help=_("mødets id, eller «latest» for det senest afholdte møde"),
    )
    which.add_argument(
        "--project",
        metavar="ID|latest",
        help=_("projektets id, eller «latest» for projektet med det senest afholdte møde"),
    )
    brief.add_argument(
        "--since",
        metavar="ÅÅÅÅ-MM-DD",
        help=_("kun med --project: ønsker fra møder fra og med denne dag"),
    )
    brief.add_argument(
        "--out", required=True, metavar="FILE.pdf", help=_("hvor PDF-filen skal gemmes")
    )
    brief.add_argument(
        "--lang", default="da", metavar="da|en", help=_("orienteringens sprog: da (standard) eller en")
    )
    _add_data_dir(brief, argparse.SUPPRESS)


def _add_export_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    """`facilitator export --project ID|latest --format xlsx|csv|json --out PATH`."""
    export = commands.add_parser(
        "export",
        add_help=False,
        help=_("eksportér et projekt til regneark (xlsx), csv eller json"),
        description=_("Eksporterer et projekts idéer, ønsker, næste skridt og møder, uden navne "
                      "på personer uden samtykke. Med --format csv er --out en mappe med én fil "
                      "pr. slags (oprettes, hvis den ikke findes)."),
    )
    _add_help(export)
    export.add_argument(
        "--project",
        required=True,
        metavar="ID|latest",
        help=_("projektets id, eller «latest» for projektet med det senest afholdte møde"),
    )
    export.add_argument(
        "--format", required=True, metavar="xlsx|csv|json", help=_("filformatet")
    )
    export.add_argument(
        "--out", required=True, metavar="PATH",
        help=_("filen (xlsx, json) eller mappen (csv) der skal gemmes"),
    )
    _add_data_dir(export, argparse.SUPPRESS)


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
        from facilitator.commands import brief, status_brief

        if args.project is not None:
            return status_brief(args.data_dir, args.project, args.out, args.since, args.lang)
        if args.since is not None:
            print(_("--since hører til --project (et projekts status), ikke til --meeting."),
                  file=sys.stderr)
            return 2
        return brief(args.data_dir, args.meeting, args.out, args.lang)
    if args.command == "export":
        from facilitator.commands import export

        return export(args.data_dir, args.project, args.format, args.out)
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
