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


FAMILIES = [
    "ARNAUD", "BLANC", "COLIN", "DURAND", "FAURE", "GIRARD", "HENRY", "JOLY", "KLEIN",
    "LEROY", "MARTIN", "NOEL", "PERRIN", "ROUX", "SIMON", "THOMAS", "VIDAL", "WEBER",
    "BERNARD", "CARON", "DUPONT", "EVRARD", "FONTAINE", "GARNIER", "HUBERT", "JACOB",
    "LAMBERT", "MOREAU", "NICOLAS", "PETIT", "RENARD", "SCHMITT", "TESSIER", "VINCENT",
]  # fmt: skip
STRANGER = "Maxime"  # hands in a cut file, and is not in the class list


def class_of(rng, count):
    """[(family name, profile first name)]: two pupils share a first name (the game asked
    each for an initial: « Lucas D. », « Lucas M. »)."""
    firsts = rng.sample(NAMES, count) if count <= len(NAMES) else _many_names(count)
    size = len(FAMILIES)  # a bigger class: double family names (« DURAND-PETIT »)
    families = [FAMILIES[i % size] + ("" if i < size else "-" + FAMILIES[(i // size + i) % size])
                for i in range(count)]  # fmt: skip
    rng.shuffle(families)
    pupils = list(zip(families, firsts, strict=True))
    if count >= 6:  # the twins: pupils 3 and 4, families with different initials
        other = next(i for i in range(count) if i != 3 and families[i][0] != families[3][0])
        families[4], families[other] = families[other], families[4]
        pupils = list(zip(families, firsts, strict=True))
        twin = firsts[3]
        pupils[3] = (families[3], f"{twin} {families[3][0]}.")
        pupils[4] = (families[4], f"{twin} {families[4][0]}.")
    return pupils


def class_list_text(pupils):
    lines = ["NOM;Prénom"]
    for family, prenom in pupils:
        lines.append(f"{family};{prenom.split(' ')[0] if prenom.endswith('.') else prenom}")
    return "\n".join(lines) + "\n"


def simulate(folder, eleves, numeros, workers, echeance=None):
    """Plays, hands in, plants the traps, checks. Returns (grille, summary dict)."""
    from game.modes.devoir.homework.check import check_files
    from game.modes.devoir.homework.classlist import parse_class_list
    from game.modes.devoir.homework.report import csv_text

    rng = random.Random(eleves * 1000 + sum(numeros))
    pupils = class_of(rng, eleves)
    names = [p for _f, p in pupils]
    devoir = Devoir(tuple(numeros), True, False, echeance, rng.randrange(2**14), _version())
    code = devoir.code
    start = time.monotonic()
    logs = play_class(code, names, numeros, workers)
    when = dt.datetime(2026, 12, 1, 18, 0)
    for index, prenom in enumerate(names):
        quand = when + dt.timedelta(minutes=7 * index)
        handin.write(folder, handin.build(code, prenom, logs[prenom], quand))
    seconds_play = time.monotonic() - start
    traps = plant_traps(folder, code, names)
    cpu_before = _children_cpu()
    classe = parse_class_list(class_list_text(pupils))
    grille = check_files([folder], classe=classe, workers=workers)
    cpu = _children_cpu() - cpu_before
    rows = {_key(c.prenom, c.nom): c for c in grille.copies}
    by_name = {p: rows.get(_key(p, f)) for f, p in pupils}
    honest = [n for n in names if n not in traps["victims"]]
    summary = {
        "eleves": eleves,
        "niveaux": list(numeros),
        "code": code,
        "secondes_jeu": round(seconds_play, 1),
        "secondes_verification": round(grille.secondes, 1),
        "valides": grille.valides,
        "honnetes_valides": sum(1 for n in honest if by_name[n] and by_name[n].valide),
        "honnetes": len(honest),
        "pieges": _trap_verdicts(traps, by_name),
        "cores": grille.workers,
        # The machine may be shared: the processes' own CPU time and the load say how much.
        "secondes_cpu_verification": round(cpu, 1),
        "charge_machine": round(_load(), 1),
        "lignes_rapport": len(csv_text(grille).splitlines()) - 1,
        "inconnus": grille.inconnus,
        "listes": realistic_lists(),
    }
    return grille, summary


def _key(prenom, nom):
    from game.modes.devoir.homework.seeds import normalise_name

    return normalise_name(prenom.split(" ")[0] if prenom.endswith(".") else prenom), nom


def plant_traps(folder, code, names):
    """The traps (as many as the class size allows); returns who they hit."""
    traps = {"victims": set()}
    if len(names) >= 2:
        plant_copy(folder, code, names[0], names[1])
        traps["copie"] = names[1]
    if len(names) >= 3:
        plant_edit(folder, code, names[2])
        traps["modifie"] = names[2]
    if len(names) >= 6:
        source = folder / handin.file_name(code, names[0])
        (folder / handin.file_name(code, names[5])).write_bytes(source.read_bytes())
        traps["renomme"] = (names[5], names[0])
        traps["homonymes"] = (names[3], names[4])
    stranger = handin.build(code, STRANGER, {}, dt.datetime(2026, 12, 1, 20, 0))
    path = handin.write(folder, stranger)
    path.write_bytes(path.read_bytes()[:120])  # cut on the way: still a row, named from its file
    traps["victims"] = {traps.get("copie"), traps.get("modifie"), traps.get("renomme", [""])[0]}
    return traps


def _trap_verdicts(traps, by_name):
    out = {}
    for trap in ("copie", "modifie"):
        if trap in traps:
            out[trap] = _verdict(by_name.get(traps[trap]))
    if "renomme" in traps:
        victim, source = traps["renomme"]
        out["renomme"] = f"{_verdict(by_name.get(victim))} | {_state(by_name.get(source))}"
    if "homonymes" in traps:
        out["homonymes"] = " | ".join(_state(by_name.get(n)) for n in traps["homonymes"])
    return out


def _state(copie):
    if copie is None:
        return "introuvable"
    name = f"{copie.prenom} {copie.nom}".strip()
    if copie.valide:
        return f"{name} : valide (corrigé à part)"
    return f"{name} : NON VALIDE : " + " ; ".join(copie.raisons()[:1])


def realistic_lists():
    """Each realistic class list export of the test folder, read: pupils read = expected."""
    import json
    from pathlib import Path

    from game.modes.devoir.homework.classlist import read_class_list_file

    folder = Path(__file__).resolve().parents[4] / "tests" / "data" / "listes"
    try:
        expected = json.loads((folder / "attendus.json").read_text("utf-8"))
    except (OSError, ValueError):
        return []  # an installed game without its tests
    out = []
    for name, pupils in expected.items():
        found = read_class_list_file(folder / name)
        read = [f"{e.nom} {e.prenom}".strip() for e in found.eleves]
        out.append({"fichier": name, "eleves_lus": len(read), "attendus": len(pupils),
                    "identiques": read == pupils})  # fmt: skip
    return out


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
    size = len(NAMES)  # then compound first names (« Chloé-Léa »), as real ones are
    return [
        NAMES[i % size] + ("" if i < size else "-" + NAMES[(i // size + i) % size])
        for i in range(count)
    ]


def _version():
    from game.modes.devoir.homework.code import game_version

    return game_version()[:2]
