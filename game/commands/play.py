"""`tuto-llm play` (and `tuto-llm` alone): opens the game window."""

NAME = "play"
HELP = "lance le jeu (c'est aussi ce que fait « tuto-llm » tout seul)"


def add_arguments(parser):
    parser.add_argument(
        "--fenetre",
        metavar="LxH",
        help="taille de la fenêtre au départ, par exemple 1600x900 (par défaut 1280x720)",
    )
    parser.add_argument(
        "--tranches",
        action="store_true",
        help="entraîne dans le processus du jeu, par petits morceaux (sans processus à part)",
    )


def _parse_size(text):
    from game.cli import CliError

    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise CliError(
            f"« {text} » n'est pas une taille de fenêtre : écris par exemple 1280x720."
        ) from None
    if not (320 <= width <= 7680 and 180 <= height <= 4320):
        raise CliError(f"La taille {width}x{height} est impossible : entre 320x180 et 7680x4320.")
    return width, height


def run(args):
    import logging
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    size = _parse_size(args.fenetre) if args.fenetre else None
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s : %(message)s")
    from game.app import App

    app = App(runner_mode="slices" if args.tranches else "worker", window_size=size)
    app.run()
    return 0
