"""Les prédictions du niveau 1, calculées sur le tableau de l'enfant au moment de la question."""

import random

from engine.bigramme import ajouter_mot
from engine.vocab import LETTRES, VOCAB_STANDARD
from levels.l1_devine import logic

NOMBRE_CHOIX = 3  # comme les autres questions : la bonne réponse à chaque place


def calculer(etat, question):
    hasard = random.Random(f"l1-question-{etat.graine}-{question}")
    if question == "predire_lettre":
        return _predire_lettre(etat, hasard)
    if question == "predire_perte":
        return _predire_perte(etat, hasard)
    return None


def _ordre(ligne):
    return sorted(range(len(ligne)), key=lambda j: (-ligne[j], j))


def _predire_lettre(etat, hasard):
    """« D'après TON tableau, quelle lettre ta machine devinera-t-elle après x ? »"""
    candidates = []
    for lettre in LETTRES:
        ligne = etat.comptes[VOCAB_STANDARD.char_to_id[lettre]]
        ordre = _ordre(ligne)
        if ordre[0] != 0 and ligne[ordre[0]] >= 2 and ligne[ordre[0]] > ligne[ordre[1]]:
            candidates.append(lettre)
    lettre = hasard.choice(candidates) if candidates else "a"
    ligne = etat.comptes[VOCAB_STANDARD.char_to_id[lettre]]
    suivantes = [VOCAB_STANDARD.id_to_char[j] for j in _ordre(ligne) if j != 0]
    bonne = logic.choix_de_la_machine(etat.comptes, lettre)
    autres = [c for c in suivantes if c != bonne and ligne[VOCAB_STANDARD.char_to_id[c]]]
    autres += [c for c in "eaironlsut" if c != bonne and c not in autres]
    autres = autres[: NOMBRE_CHOIX - 1]
    choix = [bonne, *autres]
    return {"valeurs": {"lettre": lettre}, "choix": [c.upper() for c in choix], "bonne": 0}


def _predire_perte(etat, hasard):
    """« Si tu donnais maintenant tel prénom, la perte… » : 0 baisserait, 1 monterait."""
    voulu = hasard.randrange(2)
    possibles = [p for p in (*etat.cartes, *logic._pioche(etat.graine)[:60])]
    possibles = [p for p in possibles if p not in etat.prenoms]
    trouve = None
    for prenom in possibles:
        sens = _sens(etat, prenom)
        if trouve is None:
            trouve = (prenom, sens)
        if sens == voulu:
            trouve = (prenom, sens)
            break
    prenom, sens = trouve
    return {"valeurs": {"prenom": prenom.capitalize()}, "bonne": sens}


def _sens(etat, prenom):
    essai = [ligne[:] for ligne in etat.comptes]
    ajouter_mot(essai, prenom)
    return 0 if logic.perte_du_modele(essai) < etat.perte else 1
