"""The proof core: reads a run log (bounded), replays it through the engine, judges it
and says in French whether the goal is really reached, with the recomputed figures and
stars; the replay pool several files share. `tuto-llm verify` (game/commands/verify_cli.py),
homework, the club board and the race host all use it.

Nothing written in a file is trusted except its seed and its actions: every figure
is recomputed. Several files are replayed in parallel, one per core (`verify_files`).
"""

MAX_FILE_BYTES = 20 * 1024 * 1024  # a real log is a few kilobytes


def read_log(path):
    """Reads one log file. Returns (journal, None) or (None, French reason); never raises.

    The one bounded reader of the game (`game.proofs.reader`): only a regular file, never
    more than `MAX_FILE_BYTES`, depth and numbers bounded, a key written twice refused.
    """
    from game.proofs.reader import read_json_file

    return read_json_file(path, MAX_FILE_BYTES)


def parse_log_text(text):
    """(journal, None) or (None, French reason) for the text of a log."""
    from game.proofs.reader import ReadError, parse_json

    try:
        return parse_json(text, MAX_FILE_BYTES), None
    except ReadError as error:
        return None, str(error)


def nombre(x):
    """A number the French way: 2,583 ; whole numbers stay whole."""
    if x is None:
        return "—"
    if isinstance(x, bool):
        return "oui" if x else "non"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        if x != x:
            return "—"
        if abs(x) < 1e9 and x == int(x):  # (an infinity is not a whole number)
            return str(int(x))
        return f"{x:.3f}".replace(".", ",")
    return str(x)


def seuil(x):
    """A bar the French way, without useless zeros: 2,85 ; 22."""
    if isinstance(x, float) and x != int(x):
        return f"{x:.4f}".rstrip("0").replace(".", ",")
    return nombre(x)


SIGNS = {"sous": "≤", "sur": "≥"}


def temps(ms):
    secondes = ms // 1000
    return f"{secondes // 60}:{secondes % 60:02d}.{ms % 1000 // 100}"


def _labels(level):
    """The level's French names for its measures (`[mesures]` in textes.fr.toml), if any."""
    try:
        from levels.base import charger_textes

        labels = charger_textes(type(level).__module__, "fr").get("mesures", {})
    except Exception:  # no texts: the raw keys will do
        return {}
    return {k: v for k, v in labels.items() if isinstance(v, str)}


def _level_for(verdict):
    from levels import registry

    return registry.par_id().get(verdict.niveau_id)


def describe_verdict(name, verdict, journal=None):
    """A few French lines about one verdict (the human-readable report)."""
    lines = []
    level = _level_for(verdict) if verdict.niveau_id else None
    head = "VALIDE" if verdict.valide else "NON VALIDE"
    if level is None:
        lines.append(f"✗ {name} : {head} — {verdict.raison}")
        return "\n".join(lines)
    mark = "✔" if verdict.valide else "✗"
    seed = _seed(journal)
    seed = "?" if seed is None else seed
    lines.append(f"{mark} {name} : {head} — niveau {level.numero} « {level.titre} », graine {seed}")
    labels = _labels(level)
    goal = level.objectif
    value = verdict.mesures.get(goal.metrique)
    precise = f"{value:.4f}".replace(".", ",") if isinstance(value, float) else nombre(value)
    lines.append(
        f"    Objectif : {labels.get(goal.metrique, goal.metrique)} "
        f"{SIGNS.get(goal.sens, goal.sens)} {seuil(goal.seuil)} → recalculé : "
        f"{precise} {'(atteint)' if verdict.termine else '(pas atteint)'}"
    )
    if not verdict.valide:
        lines.append(f"    Pourquoi : {verdict.raison}")
    stars = "".join("★" if e else "☆" for e in verdict.etoiles)
    detail = ["objectif"]
    if level.defi is not None:
        defi = level.defi
        detail.append(
            f"défi : {labels.get(defi.metrique, defi.metrique)} "
            f"{SIGNS.get(defi.sens, defi.sens)} {seuil(defi.seuil)}"
        )
    detail.append("compréhension")
    lines.append(f"    Étoiles : {stars} ({' · '.join(detail)})")
    figures = " · ".join(f"{labels.get(k, k)} {nombre(v)}" for k, v in verdict.mesures.items())
    lines.append(f"    Mesures : {figures}")
    lines.append(
        f"    Temps déclaré : {temps(verdict.temps_ms)} (écrit par l'ordinateur du joueur,"
        " non vérifiable)"
    )
    lines.append(f"    Indices : {verdict.indices} · actions refusées : {verdict.actions_refusees}")
    for remark in verdict.remarques + _claims_mismatch(verdict, journal):
        lines.append(f"    Attention : {remark}.")
    return "\n".join(lines)


def _claims_mismatch(verdict, journal):
    """What the file claimed (never trusted) versus what the replay found."""
    claims = journal.get("annonce") if isinstance(journal, dict) else None
    if not isinstance(claims, dict):
        return []
    notes = []
    if "termine" in claims and claims.get("termine") is True and not verdict.termine:
        notes.append("le fichier annonce l'objectif atteint, mais le rejeu ne l'atteint pas")
    claimed = claims.get("etoiles")
    count = sum(1 for e in claimed if e is True) if isinstance(claimed, list) else 0
    if count > sum(verdict.etoiles):  # (never more than the stars a level has)
        notes.append(
            f"le fichier annonce {min(count, len(verdict.etoiles))} étoile(s)"
            + (" ou plus" if count > len(verdict.etoiles) else "")
            + f", le rejeu en trouve {sum(verdict.etoiles)}"
        )
    return notes


def verify_file(path, limit_s=None):
    """(journal or None, Verdict) for one file; never raises. A run file (speedrun)
    gives a `game.modes.course.speedrun.verify.RunVerdict` instead (it has `valid` and
    `to_json`)."""
    from levels import registry
    from levels.base import Verdict, rejouer

    journal, problem = read_log(path)
    if problem is not None:
        return None, Verdict(False, problem[0].upper() + problem[1:] + ".")
    from game.modes.course.speedrun.verify import is_run_file, verify_run

    if is_run_file(journal):  # a speedrun: every level re-played, times checked
        return journal, verify_run(journal)
    if isinstance(journal, dict) and journal.get("type") == "devoir":  # a pupil's hand-in
        return journal, Verdict(
            False,
            "C'est un devoir rendu (tous les niveaux d'un élève) : vérifiez-le avec "
            "« tuto-llm devoir corriger DOSSIER », ou dans le jeu (Espace enseignant).",
        )
    try:
        levels = registry.par_id()
    except Exception as error:  # a broken level module: say so, keep going
        import logging

        logging.getLogger(__name__).warning("niveaux : %r", error)
        return journal, Verdict(False, "Impossible de charger les niveaux de cette version.")
    if limit_s is None:
        return journal, rejouer(journal, levels)
    return journal, rejouer(journal, levels, limite_s=limit_s)


def _plain(value):
    """JSON-safe copy: NaN and infinities become None."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _worker_init():
    """In a verification process: one core each, so no nested training helpers.

    Its own session, like the training helpers (`engine.parallele`): on Linux a
    session shares one slice of a busy computer, so this is what lets the files
    really use every core when other programs run too. Ctrl+C is handled by `run`.
    """
    import contextlib
    import os

    from engine import parallele
    from game.cli import send_logs_to_file

    send_logs_to_file()  # a fresh Python: its warnings to the log, never to the terminal
    parallele.fixer_defaut(1)
    if hasattr(os, "setsid"):
        with contextlib.suppress(OSError):
            os.setsid()


def _single_threaded():
    """True when this process has one thread — counted by the system where it can be
    (SDL and other C libraries start threads that `threading` does not see)."""
    import os
    import threading

    if threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # not Linux: Python's own count is all there is
        return True


def replay_pool(processes, fork=False):
    """A pool of `processes` replay processes, one core each (`_worker_init`): fresh
    Pythons (`spawn`) unless `fork` — never fork a window or a process with threads."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if fork else "spawn")
    return ProcessPoolExecutor(processes, mp_context=context, initializer=_worker_init)


def stop_pool_now(pool):
    """Stops a replay pool without waiting: waiting replays are dropped, running ones
    killed (a level-5 replay can take seconds)."""
    import contextlib

    workers = list((getattr(pool, "_processes", None) or {}).values())  # gone after shutdown
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        with contextlib.suppress(Exception):
            worker.terminate()


def verify_files(names, limit_s=None, processes=None, spawn=False):
    """(journal, Verdict) for each file, in the order given; several cores if there are some.

    `limit_s`: each file's replay time limit (None: `levels.journal.TEMPS_MAX_REJEU_S`).
    `processes`: how many at once (None: every core). `spawn`: start fresh Pythons instead
    of forking this one — required from the game, whose window and threads must never be
    forked; even one file is then replayed in another process (a replay holds the
    interpreter for seconds: the window would stutter). A process with other threads is
    never forked either (a thread holding a lock at the fork would freeze the copy)."""
    import functools
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    from engine.parallele import coeurs

    verify_one = functools.partial(verify_file, limit_s=limit_s)
    processes = min(len(names), coeurs() if processes is None else processes)
    if processes < 1 or (processes < 2 and not spawn):  # from the game: never in its process
        yield from map(verify_one, names)
        return
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods and not spawn and _single_threaded()
    done = 0
    pool = replay_pool(processes, fork)
    try:
        futures = [pool.submit(verify_one, name) for name in names]
        for future in futures:
            yield _outcome(future)  # one file that fails never stops the others
            done += 1
    except (BrokenProcessPool, OSError):  # no process pool here: one file after the other
        yield from map(verify_one, names[done:])
    except BaseException:  # Ctrl+C, or the reader stopped: the other processes stop at once
        stop_pool_now(pool)
        raise
    pool.shutdown()


def _seed(journal):
    """The log's seed when it is one (0 ≤ seed < 2^63), else None: never a number or a
    text of the file printed as it is."""
    from levels.journal import GRAINE_MAX

    seed = journal.get("graine") if isinstance(journal, dict) else None
    ok = isinstance(seed, int) and not isinstance(seed, bool) and 0 <= seed < GRAINE_MAX
    return seed if ok else None


def _outcome(future):
    """(journal, Verdict) of one file replayed in another process; a failure of that
    process for this file only (a result it could not send back…) is a French verdict."""
    from concurrent.futures.process import BrokenProcessPool

    from levels.base import Verdict

    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as error:
        import logging

        logging.getLogger(__name__).warning("vérification d'un fichier : %r", error)
        return None, Verdict(False, "Vérification impossible : erreur dans le programme du jeu.")
