"""Les nombres de CETTE partie pour les indices et « ce que tu viens de découvrir ».

L'indice 3 travaille la méthode sur UNE ligne, tirée par la graine (pas forcément la plus
loin de son anneau) : « ta ligne fin : la balle à 41 %, l'anneau à 9 % : trop loin de
32 points, donc − ». Recopier cette poussée ne règle que cette ligne : les trois balles
bougent ensemble, il faut regarder les trois à chaque coup.
"""

import math
import random

from levels.l2_erreurs import logic

NOMS_EN = {"voyelle": "vowel", "consonne": "consonant", "fin": "end"}
HASARD_3 = math.log(3)  # deviner au hasard parmi les 3 réponses


def ligne_exemple(etat):
    """Une ligne tirée par la graine parmi les deux qui ne sont PAS la plus loin de son
    anneau au départ : l'exemple montre la méthode, pas le premier coup à jouer."""
    f = logic.frequences()
    probas = logic.perte_et_gradient(etat.depart)[2]
    loin = max(range(len(f)), key=lambda k: abs(probas[k] - f[k]))
    autres = [k for k in range(len(f)) if k != loin]
    return random.Random(f"l2-indice-{etat.graine}").choice(autres)


def ecart_points(etat, k):
    """De combien de points (de %) la balle k est loin de son anneau (négatif : trop court)."""
    return round((etat.probas[k] - logic.frequences()[k]) * 100)


def valeurs_indices(etat):
    k = ligne_exemple(etat)
    ecart = ecart_points(etat, k)
    nom = logic.REPONSES[k]
    if ecart < 0:
        fr, en, signe = f"trop court de {-ecart} points", f"short by {-ecart} points", "+"
    elif ecart > 0:
        fr, en, signe = f"trop loin de {ecart} points", f"too far by {ecart} points", "−"
    else:
        fr, en, signe = "déjà dans l'anneau", "already in the ring", "rien"
    return {
        "ligne": nom,
        "ligne_en": NOMS_EN[nom],
        "balle": round(etat.probas[k] * 100),
        "anneau": round(logic.frequences()[k] * 100),
        "position": fr,
        "position_en": en,
        "signe": signe,
        "signe_en": "nothing" if signe == "rien" else signe,
    }


def nombre_fr(x, decimales=3):
    return f"{x:.{decimales}f}".replace(".", ",")


def decouverte(etat):
    """Les nombres de l'enfant : sa perte à la main, le plancher, ses poussées."""
    a_la_main = etat.a_la_main if math.isfinite(etat.a_la_main) else etat.perte
    valeurs = {
        "depart": etat.historique[0] if etat.historique else etat.perte,
        "a_la_main": a_la_main,
        "plancher": logic.plancher(),
        "hasard": HASARD_3,
    }
    resultat = {k: nombre_fr(v) for k, v in valeurs.items()}
    resultat.update({f"{k}_point": f"{v:.3f}" for k, v in valeurs.items()})
    resultat.update({"poussees": etat.poussees, "ratees": etat.ratees})
    return resultat
