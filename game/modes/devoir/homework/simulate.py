"""A simulated class (`tuto-llm devoir simuler`): pupils play a homework with the
built-in solver on their personal seeds, hand in, and two traps are planted:

- « copie »: a pupil's file copied under another pupil's name (name and checksum
  redone, as a clever pupil would): only the personal seed betrays it;
- « modifie »: a file whose announced figures were improved by hand (checksum
  redone too): only the replay betrays it.

Then the folder is checked as the teacher would, on every core.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import multiprocessing
import random
import time

from game.modes.devoir.homework import handin
from game.modes.devoir.homework.code import Devoir
from game.modes.devoir.homework.seeds import personal_seed

NAMES = [
    "Chloé",
    "Léa",
    "Noé",
    "Zoé",
    "Maël",
    "Inès",
    "Jules",
    "Lina",
    "Hugo",
    "Manon",
    "Adam",
    "Jade",
    "Louis",
    "Emma",
    "Nathan",
    "Camille",
    "Sacha",
    "Louise",
    "Gabriel",
    "Alice",
    "Raphaël",
    "Ambre",
    "Arthur",
    "Rose",
    "Léo",
    "Anaïs",
    "Éloïse",
    "Timéo",
    "Yasmine",
    "Mathis",
    "Clémence",
    "Ethan",
    "Océane",
    "Lucas",
    "Maëlys",
    "Nolan",
    "Héloïse",
    "Rayan",
    "Agathe",
    "Théo",
]


class SimulationError(Exception):
    """The simulated class could not play (a broken level): a French sentence."""


class _PupilClock:
    """A pupil's clock: 2 to 9 seconds between two actions (each pupil their own pace)."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.seconds = 0.0

    def __call__(self):
        now = self.seconds
        self.seconds += self.rng.uniform(2.0, 9.0)
        return now


def play_level(code, prenom, numero):
    """One pupil plays one level with the solver; returns the run log."""
    from game.proofs.solve import solve_level
    from levels import registry

    niveau = registry.niveau_numero(numero)
    seed = personal_seed(code, prenom, niveau.id)
    return solve_level(niveau, seed, horloge=_PupilClock(f"{code}{prenom}{numero}")).journal()


def play_class(code, names, numeros, workers):
    """Every pupil plays every level (on every core); returns {prenom: {level id: log}}."""
    from levels import registry

    ids = {n.numero: n.id for n in registry.niveaux()}
    tasks = [(p, n) for n in sorted(numeros, reverse=True) for p in names]
    logs = {p: {} for p in names}
    from game.proofs.core import _worker_init

    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=context, initializer=_worker_init
    ) as pool:
        futures = {pool.submit(play_level, code, p, n): (p, n) for p, n in tasks}
        for future in concurrent.futures.as_completed(futures):
            prenom, numero = futures[future]
            try:
                logs[prenom][ids[numero]] = future.result()
            except Exception as error:  # a level or a worker broke: one French sentence
                for other in futures:
                    other.cancel()
                raise SimulationError(
                    f"Le solveur du niveau {numero} n'a pas pu jouer pour {prenom} "
                    f"({type(error).__name__} : {error})."
                ) from None
    return {p: dict(sorted(logs[p].items())) for p in names}


def plant_copy(folder, code, source, victim):
    """`victim`'s file replaced by `source`'s, renamed inside, checksum redone."""
    data = _read(folder, code, source)
    data["prenom"] = victim
    data["somme"] = handin.checksum(data)
    handin.write(folder, data)


def _read(folder, code, prenom):
    found, _ = handin.read(folder / handin.file_name(code, prenom))
    return {
        "format": handin.FORMAT,
        "jeu": "tuto-llm",
        "type": handin.KIND,
        "code": found.code,
        "prenom": found.prenom,
        "version_jeu": found.version_jeu,
        "rendu_le": found.rendu_le,
        "journaux": found.journaux,
    }


def plant_edit(folder, code, prenom):
    """`prenom`'s first level: the announced goal figure improved by hand, checksum redone."""
    data = _read(folder, code, prenom)
    level_id, journal = next(iter(data["journaux"].items()))
    claims = journal["annonce"]
    from levels import registry

    metric = registry.par_id()[level_id].objectif.metrique
    value = claims["mesures"][metric]
    claims["mesures"][metric] = round(value * 0.8, 3) if "perte" in metric else 1.0
    claims["etoiles"] = [True, True, True]
    data["somme"] = handin.checksum(data)
    handin.write(folder, data)


def simulate(folder, eleves, numeros, workers, echeance=None):
    """Plays, hands in, plants the traps, checks. Returns (grille, summary dict)."""
    from game.modes.devoir.homework.check import check_files

    rng = random.Random(eleves * 1000 + sum(numeros))
    names = rng.sample(NAMES, eleves) if eleves <= len(NAMES) else _many_names(eleves)
    devoir = Devoir(tuple(numeros), True, False, echeance, rng.randrange(2**14), _version())
    code = devoir.code
    start = time.monotonic()
    logs = play_class(code, names, numeros, workers)
    when = dt.datetime(2026, 12, 1, 18, 0)
    for index, prenom in enumerate(names):
        quand = when + dt.timedelta(minutes=7 * index)
        handin.write(folder, handin.build(code, prenom, logs[prenom], quand))
    seconds_play = time.monotonic() - start
    copied, victim, edited = names[0], names[1], names[2]
    plant_copy(folder, code, copied, victim)
    plant_edit(folder, code, edited)
    cpu_before = _children_cpu()
    grille = check_files([folder], workers=workers)
    cpu = _children_cpu() - cpu_before
    by_name = {c.prenom: c for c in grille.copies}
    honest = [n for n in names if n not in (victim, edited)]
    summary = {
        "eleves": eleves,
        "niveaux": list(numeros),
        "code": code,
        "secondes_jeu": round(seconds_play, 1),
        "secondes_verification": round(grille.secondes, 1),
        "valides": grille.valides,
        "honnetes_valides": sum(1 for n in honest if by_name[n].valide),
        "honnetes": len(honest),
        "pieges": {
            "copie": _verdict(by_name.get(victim)),
            "modifie": _verdict(by_name.get(edited)),
        },
        "cores": grille.workers,
        # The machine may be shared: the processes' own CPU time and the load say how much.
        "secondes_cpu_verification": round(cpu, 1),
        "charge_machine": round(_load(), 1),
    }
    return grille, summary


def _children_cpu():
    try:
        import resource
    except ImportError:  # Windows: no such measure
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load():
    import os

    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def _verdict(copie):
    if copie is None:
        return "introuvable"
    if copie.valide:
        return "NON DÉTECTÉ (valide)"
    return f"{copie.prenom} : " + " ; ".join(copie.raisons()[:2])


def _many_names(count):
    return [f"{NAMES[i % len(NAMES)]}{i // len(NAMES) + 1}" for i in range(count)]


def _version():
    from game.modes.devoir.homework.code import game_version

    return game_version()[:2]
