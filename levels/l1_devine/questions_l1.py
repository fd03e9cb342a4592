"""Les prédictions du niveau 1, calculées sur le tableau de l'enfant au moment de la question.

- « suite » : si ta machine prend toujours la lettre en tête de sa ligne, comment
  continue-t-elle « M… » ? Les choix sont des débuts de prénoms (sans langue) : le bon
  suit la plus haute barre à chaque lettre, les autres partent de la 2e et de la 3e.
- « predire_perte » : si tu donnais tel prénom (tiré par la graine parmi ceux que ta
  machine n'a pas lus), sa perte baisserait de plus de 0,01, d'un tout petit peu, ou
  monterait ? Au début, chaque prénom apprend beaucoup ; plus tard, un prénom de plus
  change peu (et des paires rares la font monter) : la réponse dépend de TON tableau.
"""

import random

from engine.bigramme import ajouter_mot
from engine.vocab import FIN, LETTRES, VOCAB_STANDARD
from levels.l1_devine import logic
from levels.l1_devine.duel import en_tete

LETTRES_SUITE = 4  # la suite s'arrête après 4 lettres (« … »)
BEAUCOUP = 0.01  # « baisserait de plus de 0,01 »


def calculer(etat, question):
    hasard = random.Random(f"l1-question-{etat.graine}-{question}")
    if question == "predire_lettre":
        return _suite(etat, hasard)
    if question == "predire_perte":
        return _predire_perte(etat, hasard)
    return None


def _ordre(ligne):
    return [j for j in sorted(range(len(ligne)), key=lambda j: (-ligne[j], j)) if ligne[j]]


def chemin(comptes, debut, premiere):
    """Le prénom que fait la machine depuis `debut` : `premiere`, puis à chaque lettre la
    seule en tête de sa ligne ; s'arrête à la fin, à une égalité, ou après 4 lettres."""
    lettres, fini = [premiere], premiere == FIN
    while not fini and len(lettres) < LETTRES_SUITE:
        suivante = en_tete(comptes, lettres[-1])
        if suivante is None:
            break
        fini = suivante == FIN
        lettres.append(suivante)
    texte = debut + "".join(c for c in lettres if c != FIN)
    return texte.capitalize() + ("." if fini else "…")


def _suite(etat, hasard):
    """« D'après TON tableau, comment ta machine continue « {debut}… » ? »"""
    comptes = etat.comptes
    debuts = []
    for lettre in LETTRES:
        ordre = _ordre(comptes[VOCAB_STANDARD.char_to_id[lettre]])
        if len(ordre) >= 3 and en_tete(comptes, lettre) not in (None, FIN):
            debuts.append(lettre)
    lettre = hasard.choice(debuts) if debuts else "a"
    ordre = [
        VOCAB_STANDARD.id_to_char[j] for j in _ordre(comptes[VOCAB_STANDARD.char_to_id[lettre]])
    ]
    ordre += [c for c in "eaironlsut" if c not in ordre]
    ordre = [c for c in ordre if c != FIN][:3]
    choix = []
    for premiere in ordre:
        texte = chemin(comptes, lettre, premiere)
        if texte not in choix:
            choix.append(texte)
    for c in "eaironlsut":
        if len(choix) >= 3:
            break
        texte = (lettre + c).capitalize() + "…"
        if texte not in choix:
            choix.append(texte)
    return {
        "valeurs": {"lettre": lettre.upper(), "bonne_suite": choix[0]},
        "choix": choix,
        "bonne": 0,
    }


def _predire_perte(etat, hasard):
    """« Si tu donnais maintenant tel prénom… » : 0 beaucoup baisser, 1 un peu, 2 monter."""
    pioche = [p for p in logic._pioche(etat.graine)[-200:] if p not in etat.prenoms]
    prenom = hasard.choice(pioche)
    essai = [ligne[:] for ligne in etat.comptes]
    ajouter_mot(essai, prenom)
    ecart = logic.perte_du_modele(essai) - etat.perte
    sens = 0 if ecart <= -BEAUCOUP else (1 if ecart < 0 else 2)
    return {"valeurs": {"prenom": prenom.capitalize()}, "bonne": sens}
