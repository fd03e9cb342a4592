"""Les nombres de CETTE partie pour les indices et « ce que tu viens de découvrir ».

L'indice 3 travaille la méthode sur UNE ligne du tableau de l'enfant, choisie par la
graine (jamais la lettre que le duel demande en ce moment) : « dans la ligne m, a est
venue 4 fois, plus que les autres : après m, ta machine devine a ». Recopier ce « a »
partout ne gagne pas le duel : chaque ligne a sa lettre en tête.
"""

import math
import random
from collections import Counter

from engine.bigramme import compter
from engine.vocab import FIN, LETTRES, VOCAB_STANDARD
from levels.l1_devine.duel import COUPS_DUEL, en_tete

HASARD_27 = math.log(27)  # la perte d'une machine qui devine au hasard parmi 27 signes


def _tableau(etat):
    """Le tableau que l'enfant lit : celui du duel (figé), sinon le sien ; vide : celui des
    cartes à l'écran (l'exemple reste un exemple de CETTE partie)."""
    if etat.duel is not None:
        return etat.duel.comptes
    if etat.prenoms:
        return etat.comptes
    return compter(etat.cartes)


def ligne_exemple(etat):
    """(lettre, suivante, fois) : une ligne qui a une lettre (pas la fin) seule en tête,
    tirée par la graine, en évitant la lettre que le duel demande et la réponse la plus
    courante du tableau (l'exemple montre la méthode, pas une réponse à tout faire)."""
    comptes = _tableau(etat)
    tetes = {c: en_tete(comptes, c) for c in LETTRES}
    lignes = [c for c, t in tetes.items() if t is not None and t != FIN]
    duel = etat.duel
    if duel is not None and not duel.fini:
        lignes = [c for c in lignes if c != duel.derniere()] or lignes
    courante = Counter(tetes[c] for c in lignes).most_common(1)
    rares = [c for c in lignes if not courante or tetes[c] != courante[0][0]]
    choix = rares or lignes
    if not choix:
        return "a", "n", 0
    lettre = random.Random(f"l1-indice-{etat.graine}").choice(sorted(choix))
    suivante = tetes[lettre]
    fois = comptes[VOCAB_STANDARD.char_to_id[lettre]][VOCAB_STANDARD.char_to_id[suivante]]
    return lettre, suivante, fois


def valeurs_indices(etat):
    lettre, suivante, fois = ligne_exemple(etat)
    return {"lettre": lettre, "suivante": suivante, "fois": fois}


def nombre(x, decimales):
    """Un nombre pour les textes, arrondi (le jeu l'écrit dans la langue de l'enfant)."""
    return round(float(x), decimales)


def decouverte(etat):
    """Les nombres de l'enfant : prénoms lus, sa perte, le hasard (ln 27), son duel."""
    toi, machine = etat.meilleur_duel or (etat.record_duel, 0)
    if etat.duel is not None and etat.duel.toi >= toi:
        toi, machine = etat.duel.toi, etat.duel.machine
    return {
        "prenoms": len(etat.prenoms),
        "perte": nombre(etat.perte, 2),
        "hasard": nombre(HASARD_27, 2),
        "toi": toi,
        "machine": machine,
        "coups": COUPS_DUEL,
    }
