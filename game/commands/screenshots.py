"""`tuto-llm screenshots DOSSIER`: every screen of the game as PNG, without a window.

Each screen is rendered in French and in English, at the normal and the largest text
size (`<scene>_<lang>_t<size>.png`). The game runs in a temporary save folder: the
kid's own saves are never touched.
"""

NAME = "screenshots"
HELP = "enregistre une image PNG de chaque écran du jeu (sans ouvrir de fenêtre)"

FRAMES = 40  # frames run before the picture (animations settle)


def add_arguments(parser):
    parser.add_argument("dossier", help="le dossier où écrire les images (créé si besoin)")
    parser.add_argument(
        "--scenes",
        metavar="NOMS",
        help="seulement ces écrans, séparés par des virgules (par exemple title,map_some)",
    )
    parser.add_argument("--langues", default="fr,en", help="par défaut fr,en")
    parser.add_argument("--tailles", default="0,2", help="tailles de texte, par défaut 0,2")


def _headless_env():
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    if os.environ.get("SDL_VIDEODRIVER") == "dummy":
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def render_all(folder, names=None, langs=("fr", "en"), sizes=(0, 2), frames=FRAMES):
    """Writes the PNGs; returns [(file name, error or None)]."""
    import tempfile
    from pathlib import Path

    _headless_env()
    import os

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="tuto-llm-captures-") as home:
        previous = os.environ.get("TUTO_LLM_HOME")
        os.environ["TUTO_LLM_HOME"] = home
        try:
            results = _render(folder, names, langs, sizes, frames)
        finally:
            if previous is None:
                os.environ.pop("TUTO_LLM_HOME", None)
            else:
                os.environ["TUTO_LLM_HOME"] = previous
    return results


def _render(folder, names, langs, sizes, frames):
    import pygame

    from game.app import App
    from game.scenes import demo

    app = App(headless=True, runner_mode="slices")
    app.seed_override = 1
    results = []
    try:
        setups = demo.screen_setups(app)
        for lang in langs:
            for size in sizes:
                app.settings.language = lang
                app.settings.text_size = int(size)
                app.apply_settings()
                for name, setup in setups.items():
                    if names and name not in names:
                        continue
                    file_name = f"{name}_{lang}_t{size}.png"
                    try:
                        crashes = app.crashes
                        setup(app)
                        app.time = 0.0
                        for _ in range(frames):
                            app.step([], 1 / 30)
                        pygame.image.save(app.logical, str(folder / file_name))
                        error = None
                        if app.crashes != crashes:
                            error = f"la scène a planté :\n{app.last_crash[1]}"
                        results.append((file_name, error))
                    except LookupError as missing:
                        results.append((file_name, f"sauté : {missing}"))
    finally:
        app.close()
    return results


def run(args):
    from game.cli import CliError

    names = {n.strip() for n in args.scenes.split(",")} if args.scenes else None
    langs = tuple(x.strip() for x in args.langues.split(",") if x.strip())
    try:
        sizes = tuple(int(x) for x in args.tailles.split(",") if x.strip())
    except ValueError:
        raise CliError(
            "« --tailles » attend des nombres 0, 1 ou 2 séparés par des virgules."
        ) from None
    if any(lang not in ("fr", "en") for lang in langs):
        raise CliError("« --langues » attend fr et/ou en.")
    if any(size not in (0, 1, 2) for size in sizes):
        raise CliError("« --tailles » attend des nombres 0, 1 ou 2.")
    try:
        results = render_all(args.dossier, names, langs, sizes)
    except OSError as error:
        raise CliError(f"Impossible d'écrire dans « {args.dossier} » : {error}.") from None
    written = [name for name, error in results if error is None]
    for name, error in results:
        if error is not None:
            print(f"{name} : {error}")
    print(f"{len(written)} images écrites dans {args.dossier}")
    return 0
