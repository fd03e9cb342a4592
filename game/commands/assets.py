"""`tuto-llm assets`: write (build) or check the files of `assets/`.

`tuto-llm assets build` writes `assets/sounds/<name>.wav` for every effect of
`game/sound.py`, byte for byte the same every run (the samples are computed, no
randomness). `tuto-llm assets check` (the default) says whether every file is there and
matches the code that makes it: after changing a sound's recipe, build again.

The game plays the files and makes a missing or damaged one again in memory, so a
stale or missing file is never a crash. See assets/README.md.
"""

from __future__ import annotations

from pathlib import Path

NAME = "assets"
HELP = "écrit (build) ou vérifie (check) les fichiers du dossier assets/ : les sons du jeu"


def add_arguments(parser):
    actions = parser.add_subparsers(dest="assets_action", metavar="ACTION")
    build = actions.add_parser(
        "build",
        help="réécrit assets/sounds/*.wav à partir de game/sound.py",
        description="Calcule chaque son du jeu et l'écrit en .wav (identique à chaque fois).",
    )
    check = actions.add_parser(
        "check",
        help="vérifie que chaque fichier est là et correspond au code (par défaut)",
        description="Compare chaque fichier de assets/sounds au son que calcule le jeu.",
    )
    for sub in (build, check):
        sub.add_argument(
            "--dir",
            type=Path,
            default=None,
            metavar="DOSSIER",
            help="un autre dossier que assets/sounds (pour essayer)",
        )


def sounds_dir(args) -> Path:
    if getattr(args, "dir", None) is not None:
        return args.dir
    from assets import SOUNDS

    return SOUNDS


def stale_sounds(folder) -> list[str]:
    """The effects whose file in `folder` is missing or differs from the synthesis."""
    from game.sound import SOUND_NAMES, samples, wav_bytes

    stale = []
    for name in SOUND_NAMES:
        path = Path(folder) / f"{name}.wav"
        try:
            same = path.read_bytes() == wav_bytes(samples(name))
        except OSError:
            same = False
        if not same:
            stale.append(name)
    return stale


def run(args) -> int:
    from game.cli import CliError
    from game.sound import export_wav

    folder = sounds_dir(args)
    if getattr(args, "assets_action", None) == "build":
        try:
            paths = export_wav(folder)
        except OSError as error:
            raise CliError(
                f"Impossible d'écrire dans « {folder} » : {error.strerror or error}. "
                "Vérifie que le dossier existe et qu'on a le droit d'y écrire."
            ) from None
        for path in paths:
            print(f"écrit : {path} ({path.stat().st_size} octets)")
        return 0
    stale = stale_sounds(folder)
    if stale:
        print(f"Sons absents ou différents du code dans « {folder} » : {', '.join(stale)}.")
        print("Refais-les avec : tuto-llm assets build")
        return 1
    print(f"Les sons de « {folder} » correspondent au code.")
    return 0
