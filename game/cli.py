"""`tuto-llm`: starts the game, or runs one of the subcommands (train, bench, data…)."""

import argparse
import importlib
import os
import sys

from game.commands import COMMANDS


class CliError(Exception):
    """A problem the user can fix, explained in one French paragraph (exit status 2)."""


def _load_commands():
    modules = []
    for name in COMMANDS:
        try:
            modules.append(importlib.import_module(f"game.commands.{name}"))
        except ModuleNotFoundError as error:
            if error.name != f"game.commands.{name}":
                raise  # a real missing dependency, not a command still to be written
    return modules


def build_parser():
    parser = argparse.ArgumentParser(
        prog="tuto-llm",
        description=(
            "Tuto LLM — l'aventure. Sans commande : lance le jeu (avec les options de "
            "« play », par exemple : tuto-llm --fenetre 1600x900)."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for module in _load_commands():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv=None):
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]  # `tuto-llm --fenetre 1920x1080` = `tuto-llm play --fenetre …`
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play"])
    try:
        return args.run(args) or 0
    except CliError as error:
        print(f"tuto-llm : {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ntuto-llm : arrêté.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `tuto-llm … | head` closed the pipe early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
