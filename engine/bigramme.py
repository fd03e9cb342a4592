"""Le modèle bigramme : compter quelle lettre suit quelle lettre.

C'est le clavier du téléphone qui devine la suite : après « q », presque
toujours « u ». Le tableau `comptes[a][b]` dit combien de fois `b` a suivi `a`.
"""

import math

from engine.donnees import formater_training
from engine.vocab import VOCAB_STANDARD


def tableau_vide(vocab=VOCAB_STANDARD):
    """Un tableau de comptes plein de zéros (une ligne et une colonne par jeton)."""
    return [[0] * len(vocab) for _ in range(len(vocab))]


def ajouter_mot(comptes, mot, vocab=VOCAB_STANDARD):
    """Compte chaque paire de lettres voisines du mot (avec « . » au début et à la fin)."""
    jetons = formater_training(mot, vocab)
    for avant, apres in zip(jetons, jetons[1:], strict=False):
        comptes[avant][apres] += 1


def compter(mots, vocab=VOCAB_STANDARD):
    """Le tableau des comptes pour toute une liste de mots."""
    comptes = tableau_vide(vocab)
    for mot in mots:
        ajouter_mot(comptes, mot, vocab)
    return comptes


def probabilites(comptes, lissage=1.0):
    """Transforme chaque ligne de comptes en probabilités (qui font 1 en tout).

    Le lissage ajoute un petit compte partout : ainsi, rien n'est jamais
    « impossible » (une probabilité 0 donnerait une perte infinie).
    """
    lignes = []
    for ligne in comptes:
        total = sum(ligne) + lissage * len(ligne)
        if total == 0:  # ligne vide sans lissage : on ne sait rien, tout est égal
            lignes.append([1.0 / len(ligne)] * len(ligne))
        else:
            lignes.append([(c + lissage) / total for c in ligne])
    return lignes


def perte_moyenne(probas, mots, vocab=VOCAB_STANDARD):
    """La perte moyenne : -log(probabilité donnée à la bonne lettre), en moyenne.

    Plus elle est basse, mieux le modèle devine. Deviner au hasard parmi 27
    jetons donne log(27) ≈ 3,30.
    """
    total, nombre = 0.0, 0
    for mot in mots:
        jetons = formater_training(mot, vocab)
        for avant, apres in zip(jetons, jetons[1:], strict=False):
            total -= math.log(probas[avant][apres])
            nombre += 1
    return total / nombre if nombre else float("nan")


def lettre_suivante_probable(probas, lettre, vocab=VOCAB_STANDARD, combien=5):
    """Les lettres les plus probables après `lettre` : [(lettre, probabilité), …]."""
    ligne = probas[vocab.char_to_id[lettre]]
    classement = sorted(range(len(ligne)), key=lambda i: -ligne[i])[:combien]
    return [(vocab.id_to_char[i], ligne[i]) for i in classement]
