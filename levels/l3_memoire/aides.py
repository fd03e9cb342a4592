"""Niveau 3 : les indices de la partie, les joueurs de l'audit, la question, « découvert ».

- `joueur_indices` applique la méthode des indices 1 et 2 avec ce que l'écran montre :
  pour chaque lettre à placer (en couleur), la lettre de la machine dont la carte « ce qui
  vient après » ressemble le plus à la sienne (`plateau.sosie`), et on pose tout contre ;
- `valeurs_indices` : l'indice 3 fait ce travail sur UNE lettre de CETTE partie (tirée par
  la graine, calculée sur le plateau de départ : il ne change pas pendant la partie) ;
- `joueur_copie_indice3` ne fait que recopier ce coup-là ;
- `question_voisines` : la prédiction « quelles lettres sont plus près de … que … ? »
  calculée sur le plateau de l'enfant ;
- `decouverte` : les nombres de l'enfant pour « ce que tu viens de découvrir ».

Les valeurs sont les mêmes pour les deux langues (le jeu formate les deux catalogues
avec le même dict) : les nombres sont écrits à la française (« 3,107 ») et les suites
sans mot (« n 20 %, r 7 % » ; la fin du prénom à part, en pourcentage).
"""

import math
import random

from engine.vocab import LETTRES, VOCAB
from levels.l3_memoire.plateau import (
    comptes,
    perte_du_placement,
    place_libre,
    plateau_de,
    plus_proches,
    sosie,
    suivantes,
)

# La forme des mauvais choix : « plus » (la bonne est la plus courte), « moins » (la plus
# longue), « mixte » (au milieu). Les deux autres questions du niveau ont leur bonne
# réponse au milieu ou la plus courte : « moins » compte plus, pour que sur l'ensemble
# des questions posées la bonne soit la plus longue environ une fois sur quatre.
FORMES = (3, 5, 2)
ECART_QUESTION = 0.3  # dans la question, une lettre « plus près » l'est d'au moins 0,3


def nombre(valeur, chiffres, langue="fr"):
    texte = f"{valeur:.{chiffres}f}"
    return texte.replace(".", ",") if langue == "fr" else texte


def _valeurs(**nombres):
    """{nom: nombre arrondi} pour des (valeur, chiffres) : le jeu l'écrit dans la langue de
    l'enfant (« 3,107 » en français, « 3.107 » en anglais)."""
    return {nom: round(float(v), chiffres) for nom, (v, chiffres) in nombres.items()}


def texte_suites(lettre, combien=3):
    """« n 20 %, r 7 %, l 6 % » : les lettres en haut de la carte de `lettre` (sans la fin
    du prénom, donnée à part par `fin_du_prenom`), dans les deux langues."""
    suites = [(s, p) for s, p in suivantes(lettre, combien + 1) if s != "."][:combien]
    return ", ".join(f"{s} {round(100 * p)} %" for s, p in suites)


def fin_du_prenom(lettre):
    """Sur 100 fois où on voit `lettre`, combien de fois le prénom s'arrête juste après."""
    ligne = comptes()[VOCAB.index(lettre)]
    return str(round(100 * ligne[0] / max(1, sum(ligne))))


def lettres_machine(plateau):
    return [c for c in LETTRES if c not in plateau.libres]


# --------------------------------------------------------------------------- indices


def lettre_exemple(graine):
    """La lettre de l'indice 3 : une des lettres à placer, tirée par la graine."""
    return random.Random(f"l3-indice-{graine}").choice(plateau_de(graine).libres)


def coup_exemple(graine):
    """L'indice 3 travaillé sur le plateau de départ : (lettre, voisine, x, y, avant, après)."""
    plateau = plateau_de(graine)
    lettre = lettre_exemple(graine)
    voisine = sosie(lettre, lettres_machine(plateau))
    x, y = (round(v, 1) for v in plateau.depart[VOCAB.index(voisine)])
    places = [list(p) for p in plateau.depart]
    avant = perte_du_placement(places, plateau)
    i = VOCAB.index(lettre)
    places[i] = place_libre(places, i, x, y)
    return lettre, voisine, x, y, avant, perte_du_placement(places, plateau)


def valeurs_indices(etat):
    lettre, voisine, x, y, avant, apres = coup_exemple(etat.graine)
    return {
        "lettre": lettre,
        "voisine": voisine,
        "suites_lettre": texte_suites(lettre),
        "fin_lettre": fin_du_prenom(lettre),
        "suites_voisine": texte_suites(voisine),
        "fin_voisine": fin_du_prenom(voisine),
        **_valeurs(x=(x, 1), y=(y, 1), avant=(avant, 3), apres=(apres, 3)),
    }


def joueur_copie_indice3(etat):
    """Recopie le seul coup écrit dans l'indice 3 (une lettre, une place), puis plus rien."""
    lettre, _, x, y, _, _ = coup_exemple(etat.graine)
    i = VOCAB.index(lettre)
    if etat.places[i] == place_libre(etat.places, i, x, y):
        return None
    return {"type": "deplacer", "lettre": lettre, "x": x, "y": y}


def joueur_indices(etat):
    """Indices 1 et 2 : chaque lettre en couleur, posée tout contre la lettre de la machine
    dont la carte lui ressemble le plus (les cartes, c'est ce que l'écran montre)."""
    plateau = plateau_de(etat.graine)
    machine = lettres_machine(plateau)
    for lettre in plateau.libres:
        voisine = sosie(lettre, machine)
        i = VOCAB.index(lettre)
        x, y = (round(v, 1) for v in etat.places[VOCAB.index(voisine)])
        if math.dist(etat.places[i], (x, y)) > 1.0 and etat.places[i] != place_libre(
            etat.places, i, x, y
        ):
            return {"type": "deplacer", "lettre": lettre, "x": x, "y": y}
    return None


# --------------------------------------------------------------------------- la question


def question_voisines(etat):
    """« Quelles lettres sont plus près de « lettre » que « repère » ? » sur TON plateau.

    La graine choisit la forme des deux mauvais choix (un de plus, un de moins, ou un de
    chaque, voir `FORMES`) : la bonne réponse est tantôt la plus longue, tantôt la plus
    courte, tantôt celle du milieu, et ses lettres viennent du plateau de l'enfant.
    """
    hasard = random.Random(f"l3-question-{etat.graine}")
    forme = hasard.choices(("plus", "moins", "mixte"), weights=FORMES)[0]
    tailles = (1, 2) if forme == "plus" else (2, 3)
    lettres = list(plateau_de(etat.graine).libres)
    hasard.shuffle(lettres)
    meilleur = None
    for lettre in lettres:
        proches = plus_proches(etat.places, lettre, len(LETTRES) - 1)
        ici = etat.places[VOCAB.index(lettre)]
        d = [math.dist(etat.places[VOCAB.index(c)], ici) for c in proches]
        for k in tailles:
            ecart = min(d[k] - d[k - 1], d[k + 1] - d[k])
            if meilleur is None or ecart > meilleur[0] + 1e-9:
                meilleur = (ecart, lettre, k, proches)
        if meilleur[0] >= ECART_QUESTION:
            break
    _, lettre, k, proches = meilleur
    bonne = proches[:k]
    if forme == "plus":
        fausses = [bonne + [proches[k + 1]], bonne + [proches[k + 2]]]
    elif forme == "moins":
        retirees = hasard.sample(bonne, 2)
        fausses = [[c for c in bonne if c != r] for r in retirees]
    else:
        retiree = hasard.choice(bonne)
        fausses = [[c for c in bonne if c != retiree], bonne + [proches[k + 1]]]
    textes = [", ".join(sorted(choix)) for choix in [bonne, *fausses]]
    choix = sorted(textes, key=lambda t: (len(t), t))
    valeurs = {"lettre": lettre, "repere": proches[k], "bonne": textes[0]}
    return {"valeurs": valeurs, "choix": choix, "bonne": choix.index(textes[0])}


# --------------------------------------------------------------------------- découvert


def decouverte(etat):
    """Les nombres de l'enfant : sa perte au départ et à la main, le hasard, une de ses
    lettres et sa voisine sur SON plateau, avec ce qui vient après les deux."""
    plateau = plateau_de(etat.graine)
    lettre = max(plateau.libres, key=lambda c: sum(comptes()[VOCAB.index(c)]))
    voisine = plus_proches(etat.places, lettre, 1)[0]
    depart = perte_du_placement(etat.depart, plateau)
    main = etat.perte_a_la_main if math.isfinite(etat.perte_a_la_main) else etat.perte
    return {
        "lettre": lettre,
        "voisine": voisine,
        "suites": texte_suites(lettre, 2),
        "suites_voisine": texte_suites(voisine, 2),
        **_valeurs(depart=(depart, 2), main=(main, 2), hasard=(math.log(len(VOCAB)), 2)),
    }
