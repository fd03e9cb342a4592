"""Checking a class: every hand-in file replayed through the engine, one grid.

`check_files(paths, …)` reads the files (a damaged one never stops the others),
replays every assigned level's log on every core (`replay.replay_many`), and
builds a `Grille`: one `Copie` per pupil with one `Case` per assigned level.

A problem (« probleme ») means the level or the file does not count: damaged file,
code of another homework, a seed that is not this pupil's (a copied, renamed file),
a log of another level, a file edited by hand, hints used when forbidden, goal not
reached. A remark (« remarque ») is only a flag for the teacher: identical actions
between two pupils, an older game version, handed in late (date declared by the
pupil's computer), refused actions.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from game.modes.devoir.homework import handin as handin_mod
from game.modes.devoir.homework import rows
from game.modes.devoir.homework.code import ErreurCode, decode, game_version, normaliser
from game.modes.devoir.homework.flags import (
    TRAINING_KEYS,
    action_count,
    edited_figures,
    flag_same_actions,
)
from game.modes.devoir.homework.french import day as date_fr
from game.modes.devoir.homework.french import de, plural, teacher_text
from game.modes.devoir.homework.replay import cores, replay_many
from game.modes.devoir.homework.seeds import normalise_name, personal_seed

MAX_FILES = 500


@dataclass
class Case:
    """One pupil × one assigned level."""

    numero: int
    niveau_id: str
    rendu: bool = False  # a log was in the file
    fait: bool = False  # done according to the homework's rule, and no problem
    but: bool = False
    etoiles: int = 0
    indices: int = 0
    pas: int | None = None  # training steps (hardware-free effort)
    actions: int | None = None
    mesure: float | None = None  # the goal's figure, recomputed
    temps_ms: int = 0  # declared by the pupil's computer
    compris: bool | None = None  # every understanding question right at the first try
    manquees: list = field(default_factory=list)  # ids of the questions missed at first
    suspect: bool = False  # not this pupil's own play (another's seed, edited figures)
    problemes: list = field(default_factory=list)
    remarques: list = field(default_factory=list)


@dataclass
class Copie:
    """One pupil's line of the grid."""

    prenom: str
    nom: str = ""
    fichier: str = ""
    rendu_le: str = ""
    en_retard: bool = False
    version_jeu: str = ""
    cases: dict = field(default_factory=dict)  # level number → Case
    prenom_fichier: str = ""  # the first name written in the file
    copie_de: str = ""  # renamed file: the first name written inside
    hors_liste: bool = False  # a class list was given and this name is not in it
    problemes: list = field(default_factory=list)  # about the whole file
    remarques: list = field(default_factory=list)

    @property
    def rendu(self):
        return bool(self.fichier)

    @property
    def valide(self):
        return self.rendu and not self.problemes and all(c.fait for c in self.cases.values())

    def raisons(self):
        """Every problem then every remark, in French, level by level."""
        out = list(self.problemes)
        for case in self.cases.values():
            out += [f"niveau {case.numero} : {p}" for p in case.problemes]
        out += list(self.remarques)
        for case in self.cases.values():
            out += [f"niveau {case.numero} : {r}" for r in case.remarques]
        return out


@dataclass
class Grille:
    code: str = ""
    devoir: object = None
    classe: str = ""
    niveaux: list = field(default_factory=list)  # the assigned Niveau objects
    copies: list = field(default_factory=list)
    illisibles: list = field(default_factory=list)  # (file, French reason)
    messages: list = field(default_factory=list)
    secondes: float = 0.0
    workers: int = 1

    @property
    def valides(self):
        return sum(1 for c in self.copies if c.valide)

    @property
    def inconnus(self):
        """Rows of hand-ins whose name is not in the class list."""
        return sum(1 for c in self.copies if c.hors_liste)


def list_files(inputs):
    """The hand-in files among `inputs` (files and folders); folders give their *.tuto."""
    found = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            try:
                found += sorted(p for p in path.iterdir() if p.suffix.lower() == handin_mod.SUFFIX)
            except OSError:  # a folder we may not read: named like a file that cannot be
                found.append(path)
        else:
            found.append(path)
    return found[:MAX_FILES]


def check_files(
    inputs, code=None, classe=None, label="", workers=None, progress=None, cancelled=None
):
    """Checks hand-in files (paths or folders). Never raises for a bad file.

    code: the homework's code (default: the code most files carry);
    classe: a `classlist.ListeClasse` (to list who handed nothing in).
    """
    start = time.monotonic()
    grille = Grille(classe=label or (classe.classe if classe is not None else ""))
    files = list_files(inputs)
    if len(files) >= MAX_FILES:
        grille.messages.append(
            f"Plus de {MAX_FILES} fichiers : seuls les {MAX_FILES} premiers sont lus."
        )
    envois = [(path, *handin_mod.read(path)) for path in files]
    readable = [h for _p, h, _r in envois if h is not None]
    grille.code = _expected_code(code, readable, grille)
    if grille.code:
        grille.devoir = decode(grille.code)
        grille.niveaux = _assigned_levels(grille.devoir, grille)
    eleves = classe.eleves if classe is not None else []
    candidates = _candidate_names(readable, classe)
    jobs = {}
    copies = [_prepare(e, grille, eleves, candidates, jobs) for e in envois]
    results = replay_many(jobs, workers, progress, cancelled)
    for copie in copies:
        for case in copie.cases.values():
            _apply_result(case, results.get((copie.fichier, case.numero)), jobs, copie, grille)
    grille.copies = copies
    flag_same_actions(grille, jobs)
    grille.copies = rows.one_per_pupil(copies, classe, _absent)
    grille.workers = min(workers or cores(), max(1, len(jobs)))
    grille.secondes = time.monotonic() - start
    return grille


def _absent(eleve):
    absent = Copie(eleve.prenom, nom=eleve.nom)
    absent.problemes.append("rien rendu")
    return absent


def _standard(code):
    try:
        return normaliser(code)
    except ErreurCode:
        return None


def _expected_code(code, handins, grille):
    if code:
        return normaliser(code)  # the caller checked it (CLI: a French error)
    counts = Counter(c for c in (_standard(h.code) for h in handins) if c)
    if not counts:
        return ""
    best, _ = counts.most_common(1)[0]
    if len(counts) > 1:
        grille.messages.append(
            f"Les fichiers viennent de {len(counts)} devoirs différents : "
            f"je corrige le devoir {best} (le plus fréquent)."
        )
    return best


def _assigned_levels(devoir, grille):
    from levels import registry

    by_number = {n.numero: n for n in registry.niveaux()}
    missing = [n for n in devoir.niveaux if n not in by_number]
    if missing:
        grille.messages.append(
            ("Niveaux inconnus" if len(missing) > 1 else "Niveau inconnu")
            + f" dans cette version du jeu : {', '.join(map(str, missing))}."
        )
    return [by_number[n] for n in devoir.niveaux if n in by_number]


def _file_problem(handin, problem, grille):
    """Why this file does not count at all (damaged, another homework), or None."""
    if handin is None:
        return problem[0].upper() + problem[1:] + "."
    code = _standard(handin.code)
    if code is None:
        return f"Le code du devoir dans ce fichier est abîmé (« {handin.code[:20]} »)."
    if code != grille.code:
        return f"Ce fichier est pour un autre devoir (code {code}), pas pour {grille.code}."
    return None


def _candidate_names(handins, classe):
    names = [h.prenom for h in handins]
    if classe is not None:
        for eleve in classe.eleves:
            names += [eleve.prenom, f"{eleve.prenom} {eleve.nom[:1]}"]
    return list(dict.fromkeys(n for n in names if normalise_name(n)))


def _version_tuple(text):
    parts = []
    for part in text.split(".")[:3]:
        parts.append(int(part) if part.isdigit() else 0)
    return tuple(parts + [0] * (3 - len(parts)))


def _prepare(envoi, grille, eleves, candidates, jobs):
    """The file's line before replay; queues one job per assigned level's log.

    A file that does not count (damaged, another homework) is still the line of the
    pupil its file name names, with every level « non » and the reason."""
    path, handin, problem = envoi
    name, copied_from = rows.identity(path, handin, eleves)
    copie = Copie(name, fichier=str(path), copie_de=copied_from)
    copie.cases = {n.numero: Case(n.numero, n.id) for n in grille.niveaux}
    reason = _file_problem(handin, problem, grille)
    if reason is not None:
        grille.illisibles.append((str(path), reason))
        copie.problemes.append(reason[0].lower() + reason[1:].rstrip("."))
        return copie
    copie.rendu_le, copie.prenom_fichier = handin.rendu_le, handin.prenom
    copie.version_jeu = handin.version_jeu
    if copied_from:
        copie.problemes.append(
            f"ce fichier porte le nom {de(name)} mais c'est le devoir {de(copied_from)} "
            "(son prénom est écrit dedans) : une copie renommée"
        )
    if not handin.somme_ok:
        copie.problemes.append(
            "fichier modifié à la main après avoir été rendu (sa somme de contrôle est fausse)"
        )
    if _version_tuple(handin.version_jeu) < game_version():
        copie.remarques.append(f"fait avec une version plus ancienne du jeu ({handin.version_jeu})")
    day = handin.rendu_date()
    if day is not None and grille.devoir.en_retard(day):
        copie.en_retard = True
        copie.remarques.append(
            f"rendu en retard, le {date_fr(day)} (date déclarée par l'ordinateur de l'élève)"
        )
    for case in copie.cases.values():
        journal = handin.journaux.get(case.niveau_id)
        if journal is None:
            case.problemes.append("pas fait (aucune partie de ce niveau dans le fichier)")
            continue
        case.rendu = True
        _check_identity(case, journal, name, grille.code, candidates)
        jobs[(copie.fichier, case.numero)] = journal
    return copie


def _check_identity(case, journal, prenom, code, candidates):
    """Is this log the right level, played with this pupil's own seed?"""
    if journal.get("niveau") != case.niveau_id:
        case.problemes.append("la partie rangée ici est celle d'un autre niveau")
        case.suspect = True
        return
    seed = journal.get("graine")
    if seed == personal_seed(code, prenom, case.niveau_id):
        return
    case.suspect = True
    owner = next(
        (
            n
            for n in candidates
            if personal_seed(code, n, case.niveau_id) == seed
            and normalise_name(n) != normalise_name(prenom)
        ),
        None,
    )
    if owner:
        case.problemes.append(
            f"partie jouée avec la variante personnelle {de(owner)} (chaque élève a la "
            f"sienne) : fichier copié sur {owner} et renommé"
        )
    else:
        case.problemes.append(
            "partie jouée avec une variante qui n'est pas celle de ce prénom (chaque élève a "
            "la sienne) : fichier copié et renommé, ou joué hors du devoir"
        )


def _apply_result(case, result, jobs, copie, grille):
    if not case.rendu or result is None:
        if case.rendu:
            case.problemes.append("pas vérifié (correction arrêtée)")
        return
    if "mesures" not in result:  # the replay itself failed: its reason, nothing invented
        case.problemes.append(result.get("raison") or "pas vérifié")
        return
    mesures = result.get("mesures", {})
    etoiles = result.get("etoiles", [])
    case.but = bool(result.get("termine"))
    case.etoiles = sum(1 for e in etoiles if e is True)
    case.indices = result.get("indices", 0)
    case.temps_ms = result.get("temps_ms", 0)
    case.pas = next((mesures[k] for k in TRAINING_KEYS if isinstance(mesures.get(k), int)), None)
    journal = jobs[(copie.fichier, case.numero)]
    case.actions = action_count(mesures, journal)
    niveau = next(n for n in grille.niveaux if n.numero == case.numero)
    case.mesure = mesures.get(niveau.objectif.metrique)
    case.remarques += result.get("remarques", [])
    _understood(case, result.get("questions"))
    if not case.but:
        case.problemes.append(teacher_text(result.get("raison")) or "objectif pas atteint")
    elif grille.devoir.trois_etoiles and case.etoiles < 3:
        case.problemes.append(
            f"{plural(case.etoiles, 'étoile')} sur 3 : le devoir demande les trois"
        )
    if case.indices and not grille.devoir.indices:
        case.problemes.append(
            f"{plural(case.indices, 'indice demandé', 'indices demandés')} "
            "alors que le devoir les interdit"
        )
    edited = edited_figures(journal, result, niveau.objectif.metrique)
    case.problemes += edited
    case.fait = case.but and not case.problemes
    if copie.problemes or case.suspect or edited:  # not this pupil's own answers
        case.compris, case.manquees = None, []


def _understood(case, questions):
    """From the replay: was every question asked answered right at the first try?"""
    if not isinstance(questions, list) or not questions:
        return
    answered = [(q, ok) for q, ok in questions if ok is not None]
    if not answered:
        return
    case.manquees = [q for q, ok in answered if not ok]
    if case.manquees:
        case.compris = False
    elif len(answered) == len(questions):
        case.compris = True
