"""The narrow bridge between the race room and the speedrun mode's run files.

The room needs only four things from the speedrun mode (`game.modes.course.speedrun`): a category
(its id, its name, its level ids in order), the game version, a run file as bytes, and
a function that re-verifies such bytes (every level replayed, times checked for
consistency). This module is the only place of `game.modes.salon.race` that knows them.
"""

import json
import logging
import time
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 2 * 1024 * 1024


def game_version():
    """The running game's version (run files record it; the room refuses another one)."""
    from game import __version__

    return __version__


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    levels: tuple  # level ids, in order


def category(category_id, lang="fr"):
    """The category with this id (the speedrun mode's), or None."""
    from game.modes.course.speedrun.categories import category as speedrun_category
    from levels import registry

    try:
        cat = speedrun_category(category_id)
    except (KeyError, TypeError):
        return None
    return Category(cat.id, cat.title(lang), tuple(cat.level_ids(registry.niveaux())))


def categories(lang="fr"):
    from game.modes.course.speedrun.categories import categories as speedrun_categories

    return [category(c.id, lang) for c in speedrun_categories()]


@dataclass
class RunCheck:
    """What re-verifying a run file found. Times are the runner's own (« déclaré »)."""

    valid: bool
    reason: str
    levels_done: int = 0
    real_ms: int | None = None
    game_ms: int | None = None
    costs: dict = field(default_factory=dict)
    remarks: list = field(default_factory=list)  # the verifier's, in its words
    human: bool = True  # False: a remark says a program played (never host-verified)
    splits: list = field(default_factory=list)  # the file's [real, game] at each split
    least_ms: list = field(default_factory=list)  # per level: a hand's least time
    runner: str = ""  # the file's « coureur »
    seed: int | None = None  # the file's seed (a copied file has another runner's)


def build_run_file(category_id, seed, version, runner, journals, marks, busy_ms=0):
    """Bytes of a speedrun run file: one level log per level, `marks` = [(real, game)] at
    each split, `busy_ms` the engine's time (real − game); no pause in a race."""
    starts = [(0, 0), *marks[:-1]]
    levels = [
        {"niveau": j["niveau"], "debut": list(s), "fin": list(e), "journal": j}
        for j, s, e in zip(journals, starts, marks, strict=True)
    ]
    data = {
        "format": 1,
        "jeu": "tuto-llm",
        "type": "course",
        "version": version,
        "categorie": category_id,
        "graine": seed,
        "code": "",
        "coureur": runner,
        "debut": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "entrainement": False,
        "niveaux": levels,
        "pauses": [],
        "calcul_ms": busy_ms,
        "annonce": {"temps_reel_ms": marks[-1][0], "temps_jeu_ms": marks[-1][1], "termine": True},
    }
    return json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")


def verify_run_file(data, category_id, seed, version):
    """Re-plays every level of the run file (the speedrun verifier); never raises."""
    try:
        return _verify(data, category_id, seed, version)
    except Exception as error:  # a verifier bug must not take the host down
        log.exception("vérification d'un fichier de course : %r", error)
        return RunCheck(False, "Vérification impossible : erreur dans le programme du jeu.")


def _verify(data, category_id, seed, version):
    from game.modes.course.speedrun.verify import verify_run

    if not isinstance(data, bytes | bytearray) or not 0 < len(data) <= MAX_FILE_BYTES:
        return RunCheck(False, "Le fichier de course est vide ou trop gros.")
    from game.proofs.reader import ReadError, parse_json

    try:
        run = parse_json(bytes(data), MAX_FILE_BYTES)
    except ReadError as error:
        return RunCheck(False, f"Le fichier de course est abîmé ({error}).")
    if not isinstance(run, dict):
        return RunCheck(False, "Ce n'est pas un fichier de course de Tuto LLM.")
    if run.get("version") != version:
        return RunCheck(
            False, f"Ce fichier vient d'une autre version du jeu que le salon ({version})."
        )
    if run.get("entrainement") is not False:
        return RunCheck(False, "Une course d'entraînement ne compte pas dans un salon.")
    from game.modes.course.speedrun.human import min_human_ms

    verdict = verify_run(run, expected_category=category_id, expected_seed=seed)
    entries = run.get("niveaux") if isinstance(run.get("niveaux"), list) else []
    least = [
        min_human_ms(e.get("journal", {}).get("actions")) if isinstance(e, dict) else 0
        for e in entries
    ]
    return RunCheck(
        verdict.valid,
        verdict.reason,
        len(verdict.levels),
        verdict.real_ms,
        verdict.game_ms,
        dict(verdict.costs),
        list(verdict.remarks),
        verdict.human,
        [list(s) for s in verdict.splits],
        least if verdict.valid else [],
        verdict.runner,
        verdict.seed,
    )


def add_to_club_board(folder, code, name, data, board_folder=None):
    """Keeps the run file in `folder/courses/` and imports it into the speedrun mode's
    club board (which verifies it again and indexes it). Returns the import's status."""
    import re
    from pathlib import Path

    from game.modes.course.speedrun.board import Board
    from game.storage import write_atomic

    safe = re.sub(r"[^A-Za-z0-9-]+", "_", f"{code}-{name}")[:60]
    path = Path(folder) / "courses" / f"salon-{safe}.json"
    write_atomic(path, data, backup=False)
    board = Board(board_folder)
    try:
        return board.import_file(path).status
    finally:
        board.close()
