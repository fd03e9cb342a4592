"""Les énigmes du niveau 4, tirées par la graine : chaque partie a ses prénoms et ses règles.

Une énigme est une liste d'exemples : dans un prénom, l'élève assis à la table `place`
doit deviner la lettre qui vient ensuite (pour la tête 2 de l'énigme 4 : la lettre
d'après). Cette lettre est toujours tenue par un élève assis devant lui, choisi par une
même règle pour tous les exemples de l'énigme — une des six que les deux spécialités
(voyelle ? numéro de table ?) peuvent dire : le premier, moi-même, la première ou la
dernière voyelle, la première ou la dernière consonne.

La règle n'est écrite nulle part à l'écran : l'enfant la trouve en regardant qui tient la
bonne lettre dans chaque prénom (c'est l'idée du niveau). Comme les prénoms et les règles
changent avec la graine, les réglages d'un ami ne gagnent pas une autre partie.

Une énigme n'est gardée que si la méthode des indices la résout et si aucune autre règle
ne marche sur plus de la moitié de ses exemples (elle se lit dans les exemples, sans ambiguïté).
"""

import functools
import math
import random
from dataclasses import dataclass

from engine.donnees import charger_dataset

VOYELLES = frozenset("aeiouy")
# règle → (signe voyelle, signe place) : ce que la carte-question doit chercher
REGLES = {
    "premiere": (0, -1),
    "moi": (0, +1),
    "premiere_voyelle": (+1, -1),
    "derniere_voyelle": (+1, +1),
    "premiere_consonne": (-1, -1),
    "derniere_consonne": (-1, +1),
}
# la forme du niveau : (id, têtes, exemples) — la même pour toutes les graines
FORME = (("1", 1, 1), ("2", 1, 6), ("3", 1, 6), ("4", 2, 6))
LONGUEUR_MIN, LONGUEUR_MAX = 4, 8
RACINE_2 = math.sqrt(2)  # l'attention divise ses scores par la racine de la taille (2)


@dataclass(frozen=True)
class Exemple:
    """Un élève (à la table `place`, comptée depuis 0) doit rassembler la lettre `cibles[tête]`."""

    mot: str
    place: int
    cibles: tuple


@dataclass(frozen=True)
class Enigme:
    id: str
    tetes: int
    exemples: tuple
    regles: tuple  # une règle par tête (jamais montrée : pour le solveur et l'indice 3)


def eleve_de_regle(mot, place, regle):
    """L'élève (0…place) que la règle désigne, ou None (pas de voyelle devant…)."""
    sens_voyelle, sens_place = REGLES[regle]
    visibles = [
        j
        for j in range(place + 1)
        if sens_voyelle == 0 or (mot[j] in VOYELLES) == (sens_voyelle > 0)
    ]
    if not visibles:
        return None
    return visibles[0] if sens_place < 0 else visibles[-1]


def regles_justes(mot, place, lettre):
    """Les règles dont l'élève désigné tient `lettre`."""
    return frozenset(
        regle
        for regle in REGLES
        if (j := eleve_de_regle(mot, place, regle)) is not None and mot[j] == lettre
    )


def proba_lettre(mot, place, lettre, a, b):
    """La part d'attention sur les élèves qui tiennent `lettre`, avec une question qui vaut
    `a` par voyelle et `b` par numéro de table (le même calcul que `engine.gpt.attention`,
    divisé par la racine de 2 comme lui, écrit court pour chercher vite)."""
    scores = [(a * (mot[j] in VOYELLES) + b * (j + 1)) / RACINE_2 for j in range(place + 1)]
    haut = max(scores)
    poids = [math.exp(s - haut) for s in scores]
    return sum(p for j, p in enumerate(poids) if mot[j] == lettre) / sum(poids)


def _net(mot, place, lettre, regle):
    """La règle réglée fort (voyelle 15, place 3, ou place 6 seule) trouve-t-elle la lettre
    à 95 % au moins ? (un exemple où la règle hésite n'est pas gardé)"""
    sv, sp = REGLES[regle]
    a, b = (15 * sv, 3 * sp) if sv else (0, 6 * sp)
    return proba_lettre(mot, place, lettre, a, b) >= 0.95


@functools.cache
def _mots():
    mots = charger_dataset("prenoms_courants")
    return tuple(m for m in mots if LONGUEUR_MIN <= len(m) <= LONGUEUR_MAX)


@functools.cache
def _candidats(tetes):
    """{règles (une par tête): [(exemple, règles justes par tête)]} sur tous les prénoms."""
    table = {}
    for mot in _mots():
        for place in range(2, len(mot) - tetes):
            cibles = mot[place + 1 : place + 1 + tetes]
            justes = tuple(regles_justes(mot, place, c) for c in cibles)
            for cle in _produit(justes):
                if all(_net(mot, place, c, r) for c, r in zip(cibles, cle, strict=True)):
                    table.setdefault(cle, []).append((Exemple(mot, place, tuple(cibles)), justes))
    return table


def _produit(ensembles):
    cles = [()]
    for ensemble in ensembles:
        cles = [(*c, r) for c in cles for r in sorted(ensemble)]
    return cles


def _tirer(hasard, cle, nombre, interdits):
    """`nombre` exemples de prénoms différents pour ces règles, lisibles sans ambiguïté :
    une autre règle ne tombe juste que sur la moitié d'entre eux au plus."""
    possibles = _candidats(len(cle)).get(cle, [])
    if len(possibles) < 3 * nombre:
        return None
    choisis, mots, comptes = [], set(interdits), {}
    for exemple, justes in hasard.sample(possibles, min(len(possibles), 20 * nombre)):
        autres = [(t, r) for t, regles in enumerate(justes) for r in regles if r != cle[t]]
        if exemple.mot in mots:
            continue
        if nombre > 1 and any(comptes.get(a, 0) >= nombre // 2 for a in autres):
            continue
        choisis.append(exemple)
        mots.add(exemple.mot)
        for a in autres:
            comptes[a] = comptes.get(a, 0) + 1
        if len(choisis) == nombre:
            return tuple(choisis)
    return None


@functools.lru_cache(maxsize=512)
def enigmes_de(graine):
    """Les quatre énigmes de cette graine (toujours les mêmes pour la même graine)."""
    from levels.l4_attention import methode  # la méthode des indices doit les résoudre

    hasard = random.Random(f"l4-enigmes-{graine}")
    while True:
        enigmes = _essai(hasard)
        if enigmes and all(methode.resolue_par_la_methode(e) for e in enigmes):
            return enigmes


def _essai(hasard):
    regles = list(REGLES)
    deux, trois = hasard.sample(regles, 2)
    tirage = {
        "1": (hasard.choice(regles),),
        "2": (deux,),
        "3": (trois,),
        "4": tuple(hasard.sample(regles, 2)),
    }
    enigmes, mots = [], set()
    for ident, tetes, nombre in FORME:
        exemples = _tirer(hasard, tirage[ident], nombre, mots)
        if exemples is None:
            return None
        mots.update(e.mot for e in exemples)
        enigmes.append(Enigme(ident, tetes, exemples, tirage[ident]))
    return tuple(enigmes)


@functools.cache
def candidats_question(regle):
    """(mot, place) où la règle désigne nettement un élève (pour la question de prédiction)."""
    return tuple((e.mot, e.place) for e, _ in _candidats(1).get((regle,), []))
