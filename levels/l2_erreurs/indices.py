"""Les nombres de CETTE partie pour les indices et « ce que tu viens de découvrir ».

L'indice 3 travaille la méthode sur UNE ligne, tirée par la graine (pas forcément la plus
loin de son anneau) : « ta ligne fin : la balle à 41 %, l'anneau à 9 % : trop loin de
32 points, donc − ». Recopier cette poussée ne règle que cette ligne : les trois balles
bougent ensemble, il faut regarder les trois à chaque coup.
"""

import math
import random

from levels.l2_erreurs import logic

HASARD_3 = math.log(3)  # deviner au hasard parmi les 3 réponses


def ligne_exemple(etat):
    """Une ligne tirée par la graine parmi les deux qui ne sont PAS la plus loin de son
    anneau au départ (l'exemple montre la méthode, pas le premier coup à jouer) ; si sa
    balle est déjà dans l'anneau, l'autre."""
    f = logic.frequences()
    probas = logic.perte_et_gradient(etat.depart)[2]
    loin = max(range(len(f)), key=lambda k: abs(probas[k] - f[k]))
    autres = [k for k in range(len(f)) if k != loin]
    random.Random(f"l2-indice-{etat.graine}").shuffle(autres)
    return next((k for k in autres if ecart_points(etat, k)), autres[0])


def ecart_points(etat, k):
    """De combien de points (de %) la balle k est loin de son anneau (négatif : trop court)."""
    return round((etat.probas[k] - logic.frequences()[k]) * 100)


def valeurs_indices(etat):
    """Des valeurs sans langue : le numéro de la ligne (1 en haut), la balle et l'anneau en
    %, le bouton à pousser (« + », « − », ou « 0 » : déjà dans l'anneau)."""
    k = ligne_exemple(etat)
    ecart = ecart_points(etat, k)
    return {
        "numero": k + 1,
        "balle": round(etat.probas[k] * 100),
        "anneau": round(logic.frequences()[k] * 100),
        "signe": "+" if ecart < 0 else ("−" if ecart > 0 else "0"),
    }


def nombre(x, decimales):
    """Un nombre pour les textes, arrondi (le jeu l'écrit dans la langue de l'enfant)."""
    return round(float(x), decimales)


def decouverte(etat):
    """Les nombres de l'enfant : sa perte à la main, le plancher, ses poussées."""
    a_la_main = etat.a_la_main if math.isfinite(etat.a_la_main) else etat.perte
    valeurs = {
        "depart": etat.historique[0] if etat.historique else etat.perte,
        "a_la_main": a_la_main,
        "plancher": logic.plancher(),
        "hasard": HASARD_3,
    }
    resultat = {k: nombre(v, 3) for k, v in valeurs.items()}
    resultat.update({"poussees": etat.poussees, "ratees": etat.ratees})
    return resultat
