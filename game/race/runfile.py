"""The narrow bridge between the race room and the speedrun run files.

The room needs only four things from the speedrun mode: a category (its id, its name,
its levels in order), the game version, a run file as bytes built from the level logs
and splits, and a function that re-verifies such bytes. This module is the only place
of `game.race` that knows the run file's inside.

Until the speedrun mode has landed, it uses its own small format ("course-salon"),
verified by replaying every level log with `levels.base.rejouer`.
"""

import json
from dataclasses import dataclass, field
from importlib import metadata

RUN_FORMAT = "tuto-llm-course"
RUN_FORMAT_VERSION = 1
MAX_FILE_BYTES = 2 * 1024 * 1024


def game_version():
    """The installed game's version (the room refuses another one)."""
    try:
        return metadata.version("tuto-llm")
    except metadata.PackageNotFoundError:
        return "0.1.0"


# id → (name, level numbers in order)
_CATEGORIES = {
    "aventure": ("Toute l'aventure", (1, 2, 3, 4, 5)),
    "debut": ("Les quatre premiers niveaux", (1, 2, 3, 4)),
    **{f"niveau-{n}": (f"Niveau {n} seul", (n,)) for n in range(1, 6)},
}


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    levels: tuple  # level ids, in order


def category(category_id):
    """The category with this id, or None."""
    from levels import registry

    found = _CATEGORIES.get(category_id) if isinstance(category_id, str) else None
    if found is None:
        return None
    by_number = {n.numero: n.id for n in registry.niveaux()}
    return Category(category_id, found[0], tuple(by_number[n] for n in found[1]))


def categories():
    return [category(cid) for cid in _CATEGORIES]


@dataclass
class RunCheck:
    """What re-verifying a run file found. Times are the runner's own (« déclaré »)."""

    valid: bool
    reason: str
    levels_done: int = 0
    real_ms: int | None = None
    game_ms: int | None = None
    costs: dict = field(default_factory=dict)


def build_run_file(category_id, seed, version, journals, splits):
    """Bytes of a run file: one level log per level done, splits [{level, real_ms, game_ms}]."""
    data = {
        "format": RUN_FORMAT,
        "version_format": RUN_FORMAT_VERSION,
        "categorie": category_id,
        "graine": seed,
        "version_jeu": version,
        "journaux": journals,
        "splits": splits,
    }
    return json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")


def verify_run_file(data, category_id, seed, version):
    """Re-plays every level log of the run file; never raises (a bad file → a reason)."""
    try:
        return _verify(data, category_id, seed, version)
    except Exception as error:  # a verifier bug must not take the host down
        return RunCheck(False, f"Vérification impossible ({type(error).__name__}).")


def _verify(data, category_id, seed, version):
    from levels import registry
    from levels.base import rejouer

    if not isinstance(data, bytes | bytearray) or not 0 < len(data) <= MAX_FILE_BYTES:
        return RunCheck(False, "Le fichier de course est vide ou trop gros.")
    try:
        run = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return RunCheck(False, "Le fichier de course est abîmé (ce n'est pas du JSON).")
    if not isinstance(run, dict) or run.get("format") != RUN_FORMAT:
        return RunCheck(False, "Ce n'est pas un fichier de course de Tuto LLM.")
    if run.get("categorie") != category_id or run.get("graine") != seed:
        return RunCheck(False, "Ce fichier est d'une autre catégorie ou d'une autre graine.")
    if run.get("version_jeu") != version:
        return RunCheck(False, "Ce fichier vient d'une autre version du jeu.")
    cat = category(category_id)
    journals, splits = run.get("journaux"), run.get("splits")
    if cat is None or not isinstance(journals, list) or not isinstance(splits, list):
        return RunCheck(False, "Le fichier de course est incomplet.")
    if len(journals) != len(cat.levels) or len(splits) != len(cat.levels):
        return RunCheck(False, "La course n'est pas finie : il manque des niveaux.")
    costs = {}
    for index, (level_id, journal) in enumerate(zip(cat.levels, journals, strict=True)):
        if not isinstance(journal, dict) or journal.get("niveau") != level_id:
            return RunCheck(False, f"Le niveau n° {index + 1} n'est pas le bon.", index)
        if journal.get("graine") != seed:
            return RunCheck(False, f"Le niveau n° {index + 1} a une autre graine.", index)
        verdict = rejouer(journal, registry.par_id())
        if not verdict.valide:
            return RunCheck(False, f"Niveau n° {index + 1} : {verdict.raison}", index)
        costs[level_id] = {"actions": verdict.mesures.get("actions")}
    times = _split_times(splits)
    if times is None:
        return RunCheck(False, "Les temps intermédiaires sont impossibles.", len(cat.levels))
    real_ms, game_ms = times
    return RunCheck(
        True,
        "Course vérifiée : chaque niveau rejoué atteint son objectif.",
        len(cat.levels),
        real_ms,
        game_ms,
        costs,
    )


def _split_times(splits):
    """(real_ms, game_ms) at the last split if every split is sane and in order, else None."""
    previous_real = previous_game = 0
    for split in splits:
        if not isinstance(split, dict):
            return None
        real, game = split.get("real_ms"), split.get("game_ms")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (real, game)):
            return None
        if real < previous_real or game < previous_game or game > real:
            return None
        previous_real, previous_game = real, game
    return previous_real, previous_game
