"""Les prédictions du niveau 2, calculées sur les poids de l'enfant au moment de la question.

- « predire_pente » : si tu poussais le poids « x » (tiré par la graine) vers le haut (+),
  la perte baisserait, monterait un peu (moins de 0,02), ou monterait de plus de 0,02 ?
  Près du creux, toute poussée fait monter la perte ; loin, la pente décide.
- « predire_vitesse » : depuis TES poids (pas ceux du départ), 10 pas de la machine à
  la vitesse v : la perte finit sous la barre, explose, ou finit au-dessus sans exploser.
"""

import copy
import random

from levels.l2_erreurs import logic

UN_PEU = 0.02  # « monterait un peu » : de moins de 0,02
PAS_ESSAI = 10  # « avec cette vitesse, en 10 pas… »
VITESSES_QUESTION = (0.3, 1, 3, 10, 30)  # assez lentes pour ramper, assez vives pour exploser


def calculer(niveau, etat, question):
    hasard = random.Random(f"l2-question-{etat.graine}-{question}")
    if question == "predire_pente":
        return _pente(etat, hasard)
    if question == "predire_vitesse":
        return _vitesse(niveau, etat, hasard)
    return None


def _pente(etat, hasard):
    """0 : baisserait ; 1 : monterait de moins de `UN_PEU` ; 2 : monterait de plus."""
    k = hasard.randrange(len(logic.REPONSES))
    poids = list(etat.poids)
    poids[k] = logic.borner(poids[k] + logic.PAS_MAIN)
    ecart = logic.perte_et_gradient(poids)[0] - etat.perte
    bonne = 0 if ecart < 0 else (1 if ecart < UN_PEU else 2)
    return {"valeurs": {"reponse": logic.REPONSES[k]}, "bonne": bonne}


def _vitesse(niveau, etat, hasard):
    """0 : finit sous la barre ; 1 : explose ; 2 : finit au-dessus, sans exploser."""
    vitesse = hasard.choice(VITESSES_QUESTION)
    essai = copy.deepcopy(etat)
    essai.explose = False
    for _ in range(PAS_ESSAI):
        niveau._un_pas(essai, vitesse)
    if essai.explose:
        bonne = 1
    elif essai.perte <= logic.SEUIL_PERTE:
        bonne = 0
    else:
        bonne = 2
    return {"valeurs": {"vitesse": _nombre(vitesse)}, "bonne": bonne}


def _nombre(x):
    return str(x).replace(".", ",") if isinstance(x, float) else str(x)
