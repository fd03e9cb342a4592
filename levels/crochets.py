"""Les crochets (hooks) mal écrits, repérés au chargement : « tu voulais dire … ? ».

Une classe que le jeu appelle par des noms convenus (une vue de niveau, une façon de
jouer) peut définir une méthode au nom presque juste — `rebiuld`, `on_pasue` — que
personne n'appellerait jamais : le défaut serait silencieux. `verifier_crochets` le dit
dès que la classe est créée, avec le nom le plus proche.
"""

from __future__ import annotations

import difflib

RESSEMBLANCE = 0.8  # à partir de là, un nom « ressemble » à un crochet


def crochet_mal_ecrit(nom, crochets, prefixes=()):
    """Le crochet que `nom` voulait sans doute dire, ou None si `nom` n'en est pas un raté.

    `nom` est un raté quand ce n'est pas un crochet mais qu'il commence par un des
    `prefixes` (« on_ ») ou ressemble de près à un crochet."""
    if nom in crochets or nom.startswith("_"):
        return None
    proches = difflib.get_close_matches(nom, sorted(crochets), n=1, cutoff=RESSEMBLANCE)
    if proches:
        return proches[0]
    if nom.startswith(tuple(prefixes)):
        proches = difflib.get_close_matches(nom, sorted(crochets), n=1, cutoff=0.5)
        return proches[0] if proches else "?"
    return None


def verifier_crochets(classe, crochets, prefixes=()):
    """TypeError (en français) si `classe` définit une méthode au nom de crochet raté."""
    for nom, valeur in vars(classe).items():
        if not callable(valeur):
            continue
        voulu = crochet_mal_ecrit(nom, crochets, prefixes)
        if voulu is None:
            continue
        idee = f" Tu voulais dire « {voulu} » ?" if voulu != "?" else ""
        publics = sorted(n for n in crochets if not n.startswith("_"))
        raise TypeError(
            f"{classe.__module__}.{classe.__qualname__} définit « {nom} », que le jeu "
            f"n'appelle jamais.{idee} (Les noms connus : {', '.join(publics)}.)"
        )
