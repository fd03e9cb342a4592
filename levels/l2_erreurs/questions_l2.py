"""Les prédictions du niveau 2, calculées sur les poids de l'enfant au moment de la question."""

import random

from levels.l2_erreurs import logic

PAS_ESSAI = 10  # « avec cette vitesse, en 10 pas… »


def calculer(niveau, etat, question):
    hasard = random.Random(f"l2-question-{etat.graine}-{question}")
    if question == "predire_pente":
        return _pente(etat, hasard)
    if question == "predire_vitesse":
        return _vitesse(niveau, etat, hasard)
    return None


def _pente(etat, hasard):
    """« Si tu pousses tel poids vers le haut, la perte va… » : le signe du vrai gradient.
    0 : baisser (gradient négatif), 1 : monter (positif)."""
    voulu = hasard.randrange(2)
    ordre = list(range(len(logic.REPONSES)))
    hasard.shuffle(ordre)
    k = next((i for i in ordre if (etat.gradient[i] > 0) == bool(voulu)), ordre[0])
    bonne = 1 if etat.gradient[k] > 0 else 0
    return {"valeurs": {"reponse": logic.REPONSES[k]}, "bonne": bonne}


def _vitesse(niveau, etat, hasard):
    """« En repartant des poids de départ, 10 pas à la vitesse v… » : ce que fait la courbe.
    0 : elle descend jusqu'au but ; 1 : elle explose ; 2 : elle descend à peine."""
    vitesse = hasard.choice(logic.VITESSES)
    essai = logic.EtatErreurs(graine=etat.graine, depart=etat.depart, poids=list(etat.depart))
    essai.calculer()
    for _ in range(PAS_ESSAI):
        niveau._un_pas(essai, vitesse)
    if essai.explose or essai.perte > essai.historique[0]:
        bonne = 1
    elif essai.meilleure_perte <= logic.SEUIL_PERTE:
        bonne = 0
    else:
        bonne = 2
    return {"valeurs": {"vitesse": _nombre(vitesse)}, "bonne": bonne}


def _nombre(x):
    return str(x).replace(".", ",") if isinstance(x, float) else str(x)
