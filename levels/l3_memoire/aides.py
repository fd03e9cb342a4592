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

Les nombres sont donnés en texte, à la française (« 3,107 ») et avec le suffixe `_en`
à l'anglaise (« 3.107 ») : chaque catalogue prend les siens.
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

ECART_QUESTION = 0.3  # dans la question, une lettre « plus près » l'est d'au moins 0,3
FIN = {"fr": "fin du prénom", "en": "end of name"}


def nombre(valeur, chiffres, langue="fr"):
    texte = f"{valeur:.{chiffres}f}"
    return texte.replace(".", ",") if langue == "fr" else texte


def _deux_langues(nom, fabrique):
    """{nom: texte français, nom_en: texte anglais}."""
    return {nom: fabrique("fr"), f"{nom}_en": fabrique("en")}


def texte_suites(lettre, combien=3, langue="fr"):
    """« fin du prénom 31 %, l 16 %, n 12 % » : le haut de la carte de `lettre`."""
    espace = "\u00a0" if langue == "fr" else ""
    morceaux = []
    for suite, part in suivantes(lettre, combien):
        nom = FIN[langue] if suite == "." else f"« {suite} »" if langue == "fr" else f"“{suite}”"
        morceaux.append(f"{nom} {round(100 * part)}{espace}%")
    return ", ".join(morceaux)


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
    valeurs = {"lettre": lettre, "voisine": voisine}
    for nom, v, chiffres in (("x", x, 1), ("y", y, 1), ("avant", avant, 3), ("apres", apres, 3)):
        valeurs |= _deux_langues(nom, lambda langue, v=v, c=chiffres: nombre(v, c, langue))
    valeurs |= _deux_langues("suites_lettre", lambda langue: texte_suites(lettre, 3, langue))
    valeurs |= _deux_langues("suites_voisine", lambda langue: texte_suites(voisine, 3, langue))
    return valeurs


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
    chaque) : la bonne réponse est aussi souvent la plus longue, la plus courte ou celle
    du milieu, et ses lettres viennent du plateau de l'enfant.
    """
    hasard = random.Random(f"l3-question-{etat.graine}")
    forme = hasard.choice(("plus", "moins", "mixte"))
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
    valeurs = {"lettre": lettre, "voisine": voisine}
    for nom, v in (("depart", depart), ("main", main), ("hasard", math.log(len(VOCAB)))):
        valeurs |= _deux_langues(nom, lambda langue, v=v: nombre(v, 2, langue))
    valeurs |= _deux_langues("suites", lambda langue: texte_suites(lettre, 2, langue))
    valeurs |= _deux_langues("suites_voisine", lambda langue: texte_suites(voisine, 2, langue))
    return valeurs
