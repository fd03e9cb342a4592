"""One row per pupil: whose is each hand-in file, and which file counts for a pupil.

- A file is the pupil's whose name it bears. A friend's file renamed
  `devoir-CODE-Gabriel.tuto` while it still says « Alice » inside is Gabriel's row
  (a copy), and Alice's own row gets a remark; a damaged file is still the row of the
  pupil its file name names.
- With a class list: exactly one row per pupil of the list (« rien rendu » when no file),
  plus one per hand-in whose name is not in the list. Two pupils with the same first
  name are told apart by the initial the game asks for (« Léa D. »).
- Several files for one pupil: the best counts, the others are a remark on the row.
"""

from __future__ import annotations

from pathlib import Path

from game.modes.devoir.homework.french import de
from game.modes.devoir.homework.handin import name_in_file_name
from game.modes.devoir.homework.seeds import file_name_part, normalise_name

GENERIC_PARTS = {"eleve"}  # older games wrote this for names without Latin letters


def same(a, b):
    return normalise_name(a) == normalise_name(b)


def identity(path, handin, eleves):
    """(the pupil's name for this file, the first name written inside if the file was
    renamed to another pupil's name, else « »)."""
    _code, part = name_in_file_name(path)
    if handin is not None:
        if not _code or normalise_name(part) in GENERIC_PARTS:
            return handin.prenom, ""
        if same(part, file_name_part(handin.prenom)):
            return handin.prenom, ""
    return name_from_file_part(part, eleves), (handin.prenom if handin is not None else "")


def name_from_file_part(part, eleves):
    """The class list's name that gives this file name part, else the part itself."""
    twins = _twins(eleves)
    for eleve in eleves:
        for name in _forms(eleve, twins):
            if same(file_name_part(name), part):
                return name
    return part.replace("-", " ").strip() or part


def _twins(eleves):
    seen = {}
    for eleve in eleves:
        seen[eleve.cle] = seen.get(eleve.cle, 0) + 1
    return {key for key, count in seen.items() if count > 1}


def _forms(eleve, twins):
    initial = f"{eleve.prenom} {eleve.nom[:1]}." if eleve.nom else eleve.prenom
    if eleve.cle in twins:
        return [initial, f"{eleve.prenom} {eleve.nom}"]
    return [eleve.prenom, initial, f"{eleve.prenom} {eleve.nom}"]


def find_pupil(prenom, eleves):
    """(the pupil of the list, None) or (None, French reason when it is ambiguous)."""
    key = normalise_name(prenom)
    twins = _twins(eleves)
    found = [e for e in eleves if key in {normalise_name(f) for f in _forms(e, twins)}]
    if len(found) == 1:
        return found[0], None
    twins_here = [e for e in eleves if e.cle == key]
    if len(twins_here) > 1:
        return None, (
            f"{len(twins_here)} élèves s'appellent {twins_here[0].prenom} dans la liste : "
            "ce fichier n'a pas l'initiale du nom, je ne sais pas de qui il est"
        )
    return None, None


def _rank(copie):
    done = sum(1 for c in copie.cases.values() if c.fait)
    stars = sum(c.etoiles for c in copie.cases.values())
    return (copie.valide, not copie.problemes, done, stars, copie.rendu_le)


def one_per_pupil(copies, classe, absent_row):
    """The grid's rows: one per pupil of the list (+ one per unknown hand-in)."""
    eleves = classe.eleves if classe is not None else []
    groups, by_pupil = {}, {}
    for copie in copies:
        eleve, doubt = find_pupil(copie.prenom, eleves)
        if eleve is not None:
            key = ("eleve", id(eleve))
            by_pupil[key] = eleve
        else:
            key = ("nom", normalise_name(copie.prenom) or copie.fichier)
            if classe is not None:
                copie.hors_liste = True
                copie.remarques.append(doubt or "ce prénom n'est pas dans la liste de la classe")
        groups.setdefault(key, []).append(copie)
    rows = []
    for key, group in groups.items():
        best = max(group, key=_rank)
        if key in by_pupil:
            best.prenom, best.nom = by_pupil[key].prenom, by_pupil[key].nom
        for other in group:
            if other is not best:
                why = (other.raisons() or ["valide"])[0]
                best.remarques.append(
                    f"autre fichier pour cet élève, non compté : {Path(other.fichier).name} ({why})"
                )
        rows.append(best)
    for eleve in eleves:
        if ("eleve", id(eleve)) not in groups:
            rows.append(absent_row(eleve))
    _tell_the_owner(rows)
    unknown_last = bool(eleves)
    rows.sort(key=lambda c: (unknown_last and not c.nom, normalise_name(c.nom), c.prenom))
    return rows


def _tell_the_owner(rows):
    """Alice's row says that her work was also handed in under another name."""
    for row in rows:
        if not row.copie_de:
            continue
        for owner in rows:
            if owner is not row and same(owner.prenom_fichier or owner.prenom, row.copie_de):
                owner.remarques.append(
                    f"son fichier a aussi été rendu sous le nom {de(row.prenom)} "
                    f"({Path(row.fichier).name})"
                )
