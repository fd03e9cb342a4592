"""`tuto-llm`: starts the game, or runs one of the subcommands (train, bench, data…)."""

import argparse
import codecs
import contextlib
import importlib
import os
import re
import sys

from game import modes
from game.commands import COMMANDS, WAYS_TO_PLAY

SEED_MAX = 2**63  # one seed range everywhere: 0 ≤ seed < 2^63 (as in levels.journal)
SEED_MESSAGE = "la graine doit être un nombre entier entre 0 et 2^63 − 1 (9223372036854775807)"


class CliError(Exception):
    """A problem the user can fix, explained in one French paragraph (exit status 2)."""


def seed_type(text):
    """argparse `type=` for every seed option: the same range and message everywhere."""
    try:
        value = int(str(text).strip())
    except ValueError:
        raise argparse.ArgumentTypeError(SEED_MESSAGE) from None
    if not 0 <= value < SEED_MAX:
        raise argparse.ArgumentTypeError(SEED_MESSAGE)
    return value


def parse_seed(value):
    """A seed given as text or number, or `CliError` with the same message as `seed_type`."""
    try:
        return seed_type(value)
    except argparse.ArgumentTypeError:
        raise CliError(f"--seed : {SEED_MESSAGE}.") from None


# --------------------------------------------------------------------------- French argparse

_FRENCH_ERRORS = (
    (r"the following arguments are required: (.*)", r"il manque : \1"),
    (r"unrecognized arguments: (.*)", r"options inconnues : \1"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"« \1 » : \2 n'existe pas"),
    (r"argument (\S+): invalid (\S+) value: (.*)", r"« \1 » : \3 n'est pas une valeur possible"),
    (r"argument (\S+): expected one argument", r"« \1 » attend une valeur"),
    (r"argument (\S+): expected at least one argument", r"« \1 » attend au moins une valeur"),
    (r"argument (\S+): expected (.*) arguments?", r"« \1 » attend \2 valeur(s)"),
    (r"argument (\S+): not allowed with argument (.*)", r"« \1 » et « \2 » ne vont pas ensemble"),
    (r"ambiguous option: (\S+) could match (.*)", r"« \1 » est ambigu (\2 ?)"),
    (r"one of the arguments (.*) is required", r"il faut une de ces options : \1"),
    (r"argument (\S+): (.*)", r"« \1 » : \2"),
)


def french_error(message):
    """argparse's English error message, in French (unknown ones are kept as they are)."""
    for pattern, replacement in _FRENCH_ERRORS:
        if re.fullmatch(pattern, message, flags=re.DOTALL):
            return re.sub(pattern, replacement, message, flags=re.DOTALL)
    return message


class _FrenchFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)


class FrenchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks French: usage, titles, -h and errors."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _FrenchFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", help="affiche cette aide et s'arrête")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : {french_error(message)}\n")


# --------------------------------------------------------------------------- console output

_PLAIN = {
    "✔": "OK",
    "✗": "X",
    "★": "*",
    "☆": "-",
    "≤": "<=",
    "≥": ">=",
    "→": "->",
    "—": "-",
    "−": "-",
    "…": "...",
    "«": '"',
    "»": '"',
    "’": "'",
    "·": "-",
    "\u00a0": " ",
    "\u202f": " ",
}


def _plain_fallback(error):
    """Codec error handler: a readable stand-in for a symbol the console cannot show."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    out = []
    for char in text:
        plain = _PLAIN.get(char, "?")
        try:
            plain.encode(error.encoding)
        except (UnicodeEncodeError, LookupError):
            plain = "?"
        out.append(plain)
    return "".join(out), error.end


codecs.register_error("tuto-llm-plain", _plain_fallback)


def safe_console():
    """stdout/stderr never crash on a symbol the console's encoding lacks (cp1252…)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="tuto-llm-plain")


def _load_commands():
    modules = []
    names = [n for name in COMMANDS for n in (modes.commands() if name == WAYS_TO_PLAY else [name])]
    for name in names:
        module_name = name if "." in name else f"game.commands.{name}"
        try:
            modules.append(importlib.import_module(module_name))
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise  # a real missing dependency, not a command still to be written
    return modules


def build_parser():
    parser = FrenchArgumentParser(
        prog="tuto-llm",
        description=(
            "Tuto LLM — l'aventure. Sans commande : lance le jeu (avec les options de "
            "« play », par exemple : tuto-llm --fenetre 1600x900)."
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for module in _load_commands():
        if getattr(module, "HIDDEN", False):  # a developer tool: not in the kids' --help
            command = sub.add_parser(module.NAME, description=module.HELP)
        else:
            command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


LOG_FILE = "journaux/commandes.log"  # in the data folder


def send_logs_to_file():
    """What the engineers need (exception texts, SQLite's words) goes to a log file in the
    data folder, never to the user's terminal: only French sentences are printed there.
    Nothing to do when logging is already set up (the game, pytest)."""
    import logging
    import logging.handlers

    root = logging.getLogger()
    if root.handlers:
        return
    logging.raiseExceptions = False  # a log that cannot be written never shows a traceback
    try:
        from game.storage import home_dir

        path = home_dir() / LOG_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=1, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s : %(message)s"))
    except Exception:  # no data folder here: the details are dropped, never printed
        handler = logging.NullHandler()
    root.addHandler(handler)


def main(argv=None):
    safe_console()
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]  # `tuto-llm --fenetre 1920x1080` = `tuto-llm play --fenetre …`
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play"])
    if args.command != "play":  # the game logs to its console; a command to a file
        send_logs_to_file()
    try:
        return args.run(args) or 0
    except CliError as error:
        print(f"tuto-llm : {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ntuto-llm : arrêté.", file=sys.stderr)
        return 130
    except BrokenPipeError as error:
        if not _stdout_closed():  # another pipe (a helper process): a real failure
            return _failed(args.command, error)
        # `tuto-llm … | head` closed the pipe early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug or a failing helper: said in French, details logged
        return _failed(args.command, error)


def _failed(command, error):
    """An unexpected failure: one French sentence on stderr, exit status 1; the Python
    text and the traceback go to the log (`send_logs_to_file`)."""
    import logging

    logging.getLogger("game.cli").error("tuto-llm %s : %r", command, error, exc_info=error)
    what = {
        MemoryError: "l'ordinateur n'a plus assez de mémoire",
        EOFError: "un processus d'aide s'est arrêté en route",
        BrokenPipeError: "un processus d'aide s'est arrêté en route",
    }.get(type(error), "une erreur inattendue s'est produite dans le programme")
    print(
        f"tuto-llm : la commande « {command} » s'est arrêtée : {what}. Réessaie (pour un "
        f"entraînement, avec « --workers 1 »). Les détails pour les développeurs sont dans "
        f"{LOG_FILE} du dossier de données.",
        file=sys.stderr,
    )
    return 1


def _stdout_closed():
    """True when stdout's reader has gone (`| head`): poll says so on a pipe."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return True
    except (OSError, ValueError):
        return False
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
        return False
    try:
        import select

        poller = select.poll()
        poller.register(descriptor, select.POLLERR)
        return bool(poller.poll(0))
    except (AttributeError, OSError, ValueError):  # no poll (Windows): as before
        return True
