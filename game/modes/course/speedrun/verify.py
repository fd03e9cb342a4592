"""Checking a run file: re-play every level, then check the times are humanly possible.

API (pygame-free, never raises on bad input):
- `is_run_file(data)` → True when a parsed JSON object is a run file (not a level log);
- `verify_run(data, expected_category=None, expected_seed=None, levels=None)` → `RunVerdict`.

What the labels mean (shown on screen and in files, never stronger than the proof):
- « vérifié »: the replay through the engine reached each level's requirement (goal or
  three stars, no hint in « sans indice ») and recomputed the hardware-free costs
  (actions, training steps, names fed) — nothing in the file is believed but the seed
  and the actions;
- « déclaré »: the times, written by the runner's own computer. They are checked for
  consistency only (clocks that only go forward, splits that agree with the actions, no
  two actions closer than a human can click); a run whose times are impossible is refused.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from game.modes.course.speedrun.categories import STARS, category, unknown_category_message
from game.modes.course.speedrun.human import machine_remark, solver_remark
from game.modes.course.speedrun.names import has_hidden_chars
from game.modes.course.speedrun.run import FORMAT_COURSE, RUN_TYPE
from game.modes.course.speedrun.timing import MAX_RUN_MS, check_times, pause_remarks

SLOW_REPLAY_S = 1.0  # a level replayed slower than that trains: its solver is not re-run
LABEL_VERIFIED = "vérifié"
LABEL_DECLARED = "déclaré"
# Hardware-free costs: (name in the run file, level measure keys that hold it).
COST_MEASURES = {"pas": ("pas", "pas_machine", "etapes_totales"), "prenoms": ("prenoms",)}
COST_ORDER = ("actions", "pas", "prenoms")


@dataclass
class RunVerdict:
    valid: bool
    reason: str  # French: why it is (not) valid
    category_id: str = ""
    seed: int | None = None
    code: str = ""
    runner: str = ""
    version: str = ""
    practice: bool = False
    started: str = ""
    levels: list[dict] = field(default_factory=list)  # per level: id, stars, hints, costs…
    costs: dict = field(default_factory=dict)  # totals: actions, pas, prenoms
    real_ms: int | None = None  # declared
    game_ms: int | None = None  # declared
    splits: list[list[int]] = field(default_factory=list)  # declared [real, game] per level
    problems: list[str] = field(default_factory=list)  # what made it invalid
    remarks: list[str] = field(default_factory=list)  # noted, not blocking
    slow_levels: set = field(default_factory=set)  # levels whose replay trained for long

    @property
    def human(self) -> bool:
        """False when a remark says a program played (solver, metronome, too-fast clicks):
        such a run is never ranked with the verified human runs."""
        return not any(machine_remark(r) for r in self.remarks)

    @property
    def outcome_label(self) -> str:
        return LABEL_VERIFIED if self.valid else "non vérifié"

    time_label = LABEL_DECLARED

    def to_json(self) -> dict:
        return {
            "type": RUN_TYPE,
            "valide": self.valid,
            "raison": self.reason,
            "resultat": self.outcome_label,
            "temps": self.time_label,
            "categorie": self.category_id,
            "graine": self.seed,
            "code": self.code,
            "coureur": self.runner,
            "version": self.version,
            "entrainement": self.practice,
            "temps_reel_ms": self.real_ms,
            "temps_jeu_ms": self.game_ms,
            "couts": self.costs,
            "niveaux": self.levels,
            "problemes": self.problems,
            "remarques": self.remarks,
        }


def is_run_file(data) -> bool:
    return isinstance(data, dict) and data.get("type") == RUN_TYPE


def _game_version() -> str:
    from game import __version__

    return __version__


def _is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _code_seed(code):
    from game.modes.course.speedrun.seeds import CodeError, seed_from_code

    try:
        return seed_from_code(code)
    except CodeError:
        return None


def _mark(value) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(_is_int(v) and 0 <= v <= MAX_RUN_MS for v in value)
    )


def _read_header(data, verdict, expected_category, expected_seed):
    """Shape, version, category and seed; raises ValueError with a French reason."""
    if not isinstance(data, dict) or data.get("jeu", "tuto-llm") != "tuto-llm":
        raise ValueError("ce n'est pas une course de Tuto LLM")
    if data.get("type") != RUN_TYPE or data.get("format") != FORMAT_COURSE:
        raise ValueError(f"format de course inconnu ({data.get('format')!r})")
    for key in ("version", "categorie", "code", "coureur", "debut"):
        if not isinstance(data.get(key, ""), str) or len(data.get(key, "")) > 200:
            raise ValueError(f"le champ « {key} » est mal écrit")
    if has_hidden_chars(data.get("coureur", "")):
        raise ValueError("le prénom du coureur contient des caractères invisibles ou de contrôle")
    verdict.version, verdict.code = data.get("version", ""), data.get("code", "")
    verdict.runner, verdict.started = data.get("coureur", ""), data.get("debut", "")
    if verdict.version != _game_version():
        raise ValueError(
            f"cette course vient d'une autre version du jeu ({verdict.version or '?'}) ; "
            f"ici c'est la version {_game_version()} : il faut courir avec la même version"
        )
    try:
        cat = category(data.get("categorie"))
    except (KeyError, TypeError):
        raise ValueError(unknown_category_message(data.get("categorie")).rstrip(".")) from None
    verdict.category_id = cat.id
    if expected_category is not None and cat.id != expected_category:
        raise ValueError(f"c'est une course « {cat.id} », pas « {expected_category} »")
    seed = data.get("graine")
    if not _is_int(seed) or not 0 <= seed < 2**63:
        raise ValueError("la graine manque ou n'est pas un nombre entier positif")
    verdict.seed = seed
    if verdict.code and _code_seed(verdict.code) != seed:
        raise ValueError(f"la graine ne correspond pas au code du club « {verdict.code} »")
    if expected_seed is not None and seed != expected_seed:
        raise ValueError(f"cette course a été faite avec une autre graine ({seed})")
    practice = data.get("entrainement", False)
    if not isinstance(practice, bool):
        raise ValueError("le champ « entrainement » est mal écrit")
    verdict.practice = practice
    return cat


def _read_levels(data, cat, levels):
    """The list of level entries, checked against the category's levels, in order."""
    ids = cat.level_ids(levels)
    entries = data.get("niveaux")
    if not isinstance(entries, list):
        raise ValueError("la liste des niveaux manque")
    if data.get("entrainement") is True:
        if len(entries) != 1 or not isinstance(entries[0], dict):
            raise ValueError("une course d'entraînement a exactement un niveau")
        ids = [entries[0].get("niveau")] if entries[0].get("niveau") in ids else [None]
    if len(entries) != len(ids):
        raise ValueError(f"il faut {len(ids)} niveau(x) dans cette catégorie, pas {len(entries)}")
    for number, (entry, level_id) in enumerate(zip(entries, ids, strict=True), start=1):
        if not isinstance(entry, dict) or entry.get("niveau") != level_id or level_id is None:
            raise ValueError(f"le niveau n° {number} n'est pas celui de la catégorie")
        if not (_mark(entry.get("debut")) and _mark(entry.get("fin"))):
            raise ValueError(f"les temps du niveau n° {number} sont mal écrits")
        journal = entry.get("journal")
        if not isinstance(journal, dict) or journal.get("niveau") != level_id:
            raise ValueError(f"le journal du niveau n° {number} manque ou n'est pas le bon")
        if journal.get("graine") != data.get("graine"):
            raise ValueError(f"le niveau n° {number} a été joué avec une autre graine")
    return entries


def verify_run(data, expected_category=None, expected_seed=None, levels=None) -> RunVerdict:
    """Re-plays a parsed run file and checks its times; never raises."""
    verdict = RunVerdict(False, "")
    try:
        if levels is None:
            from levels import registry

            levels = registry.niveaux()
        cat = _read_header(data, verdict, expected_category, expected_seed)
        entries = _read_levels(data, cat, levels)
    except ValueError as error:
        text = str(error)
        verdict.reason = f"Course refusée : {text[0].lower() + text[1:]}."
        return verdict
    by_id = {level.id: level for level in levels}
    if data.get("outil") is not None:
        from levels.horodatage import remarques_temps

        verdict.remarks += remarques_temps([], data.get("outil"))
    for number, entry in enumerate(entries, start=1):
        _replay_level(number, entry, cat, by_id, verdict)
    verdict.problems += check_times(data, entries, cat.pauses_max)
    if not verdict.problems and data.get("outil") is None:
        skip = verdict.slow_levels
        same = solver_remark([e for e in entries if e["niveau"] not in skip], by_id, verdict.seed)
        if same is not None:
            verdict.remarks.append(same)
    verdict.remarks += pause_remarks(data.get("pauses"))
    verdict.costs = {k: sum(lv["couts"].get(k, 0) for lv in verdict.levels) for k in COST_ORDER}
    verdict.splits = [list(entry["fin"]) for entry in entries]
    verdict.real_ms, verdict.game_ms = entries[-1]["fin"]
    verdict.valid = not verdict.problems
    if verdict.valid:
        verdict.reason = (
            f"Course {LABEL_VERIFIED}e : le rejeu atteint chaque niveau de « {cat.name} » ; "
            f"temps {LABEL_DECLARED}s par l'ordinateur du coureur."
        )
    else:
        verdict.reason = "Course refusée : " + verdict.problems[0] + "."
    return verdict


def _replay_level(number, entry, cat, by_id, verdict):
    from levels.base import rejouer
    from levels.horodatage import remarques_temps

    niveau = by_id[entry["niveau"]]
    began = time.perf_counter()
    replay = rejouer(entry["journal"], by_id)
    if time.perf_counter() - began > SLOW_REPLAY_S:
        verdict.slow_levels.add(niveau.id)  # long training: its solver is not asked
    stars = list(replay.etoiles)
    accepted = len(entry["journal"].get("actions", [])) - replay.actions_refusees - replay.indices
    costs = {"actions": max(0, accepted)}
    for name, keys in COST_MEASURES.items():
        costs[name] = next(
            (int(replay.mesures[k]) for k in keys if _is_int(replay.mesures.get(k))), 0
        )
    start, end = entry["debut"], entry["fin"]
    verdict.levels.append(
        {
            "niveau": niveau.id,
            "numero": niveau.numero,
            "termine": replay.termine,
            "etoiles": stars,
            "indices": replay.indices,
            "couts": costs,
            "segment_ms": [end[0] - start[0], end[1] - start[1]],
        }
    )
    where = f"niveau {niveau.numero}"
    if replay.etat is None:  # unreadable log, or the level failed: the replay says why
        verdict.problems.append(f"{where} : {replay.raison.rstrip('.')}")
    elif replay.actions_refusees:
        verdict.problems.append(
            f"{where} : {replay.actions_refusees} action(s) refusée(s) au rejeu "
            "(le fichier a été modifié)"
        )
    elif cat.requirement == STARS and not all(stars):
        verdict.problems.append(f"{where} : le rejeu ne trouve pas les 3 étoiles")
    elif not replay.termine:
        verdict.problems.append(f"{where} : le rejeu n'atteint pas l'objectif")
    times = [a[0] for a in entry["journal"].get("actions", []) if isinstance(a, list) and a]
    for remark in remarques_temps(times):  # the solver's mark: once, for the whole run
        if (
            "dans l'ordre" not in remark
        ):  # out of order is a problem (game.modes.course.speedrun.timing)
            verdict.remarks.append(f"{where} : {remark}")
    if not cat.hints_allowed and replay.indices:
        verdict.problems.append(
            f"{where} : {replay.indices} indice(s) ouvert(s) dans « sans indice »"
        )
