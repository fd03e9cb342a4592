"""Replaying many run logs on every core (the teacher's « Corriger des devoirs »).

Each job is one run log replayed by `levels.base.rejouer`, exactly as `tuto-llm
verify` does; a worker sends back a small summary (never the level state). The
longest jobs (level 5 trains a GPT) go first so the cores stay busy to the end.
"""

from __future__ import annotations

import concurrent.futures
import logging

log = logging.getLogger(__name__)


def cores():
    """How many cores this computer lets us use (the engine's own count)."""
    from engine.parallele import coeurs

    return max(1, coeurs())


def replay_summary(journal):
    """Replays one log; a plain, picklable dict (never raises)."""
    from levels import registry
    from levels.base import rejouer

    try:  # the registry as it is now (a level added since is found: no stale copy)
        verdict = rejouer(journal, registry.par_id())
    except Exception as error:  # a bug somewhere: one French line, never a crash
        log.exception("rejeu d'un journal : %r", error)
        return {"valide": False, "raison": "Rejeu impossible : erreur dans le programme du jeu."}
    return {
        "valide": verdict.valide,
        "raison": verdict.raison,
        "niveau": verdict.niveau_id,
        "termine": verdict.termine,
        "etoiles": list(verdict.etoiles),
        "mesures": dict(verdict.mesures),
        "indices": verdict.indices,
        "refusees": verdict.actions_refusees,
        "temps_ms": verdict.temps_ms,
        "remarques": list(verdict.remarques),
        "questions": first_answers(verdict.etat),
    }


def first_answers(etat):
    """[[question id, right at the first try (True/False) or None if unanswered]], read
    from the replayed state (never from a figure the file announces)."""
    posees = getattr(etat, "posees", None) or []
    reponses = getattr(etat, "reponses", None) or {}
    out = []
    for posee in posees:
        given = reponses.get(posee.get("id")) if isinstance(posee, dict) else None
        first = given[0] == posee["bonne"] if given else None
        out.append([posee.get("id"), first])
    return out


def replay_many(journals, workers=None, progress=None, cancelled=None):
    """Replays `journals` (a dict key → run log); returns key → summary.

    `workers`: processes to use (default: every core; 1 = in this process).
    `progress(done, total)` is called after each log; `cancelled()` → True stops early
    (the logs not replayed are missing from the result).
    """
    from levels import registry

    cost = {level.id: level.cout_rejeu for level in registry.niveaux()}  # declared by each level
    keys = sorted(journals, key=lambda k: -cost.get(_level_of(journals[k]), 1.0))
    total = len(keys)
    results = {}
    workers = min(workers or cores(), max(1, total))
    if workers <= 1:
        for key in keys:
            if cancelled and cancelled():
                break
            results[key] = replay_summary(journals[key])
            if progress:
                progress(len(results), total)
        return results
    from game.proofs.core import replay_pool

    # fresh Pythons: the game window's process (pygame, threads) is never forked
    with replay_pool(workers) as pool:
        futures = {pool.submit(replay_summary, journals[key]): key for key in keys}
        try:
            for future in concurrent.futures.as_completed(futures):
                results[futures[future]] = _result(future)
                if progress:
                    progress(len(results), total)
                if cancelled and cancelled():
                    break
        finally:
            for future in futures:
                future.cancel()
    return results


def _result(future):
    try:
        return future.result()
    except Exception as error:  # a worker died (out of memory…): say so for this log only
        log.warning("rejeu interrompu : %r", error)
        return {
            "valide": False,
            "raison": "Rejeu interrompu : le programme de vérification s'est arrêté "
            "(mémoire pleine ?). Corrige ce devoir à nouveau.",
        }


def _level_of(journal):
    level = journal.get("niveau") if isinstance(journal, dict) else None
    return level if isinstance(level, str) else ""
