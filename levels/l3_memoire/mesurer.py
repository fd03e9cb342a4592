"""Les chiffres du niveau 3 pour les issues 19 et 24 (`python -m levels.l3_memoire.mesurer`).

Sur les graines 0..N-1 :
- `hints12_win_rate` : le joueur qui applique les indices 1 et 2 (`joueur_indices`) gagne ;
- `copy_hint3_win_rate` : le joueur qui recopie l'indice 3 (`joueur_copie_indice3`) gagne ;
- `cross_seed_copy_win_rate` : les actions du solveur de la graine A, rejouées sur A+1 ;
- `random_win_rate` : le joueur au hasard (3 × les actions du solveur, comme l'audit) ;
- pour la prédiction : `run_dependent_rate` (la bonne réponse diffère entre l'état du
  joueur au hasard et celui du solveur), `never_right_choices` (rangs jamais bons) ;
  pour toutes les questions posées sur l'état du solveur : `longest_answer_rate`,
  `shortest_answer_rate` (la bonne réponse est strictement la plus longue / courte).
"""

import argparse
import copy
import json
import random

from levels import questions
from levels.base import ActionRefusee
from levels.l3_memoire.logic import NIVEAU

BUDGET = 2000


def jouer(joueur, graine, niveau=NIVEAU):
    """Joue `joueur(etat)` jusqu'au but, à None, ou à une action refusée."""
    etat = niveau.nouvel_etat(graine)
    for _ in range(BUDGET):
        if niveau.est_termine(etat):
            return True
        action = joueur(etat)
        if action is None:
            break
        try:
            niveau.appliquer(etat, action)
        except ActionRefusee:
            return False
    return niveau.est_termine(etat)


def rejouer_sur(actions, graine, niveau=NIVEAU):
    """Les actions d'une autre partie, rejouées sur `graine` (les refusées sont sautées)."""
    etat = niveau.nouvel_etat(graine)
    for action in actions:
        try:
            niveau.appliquer(etat, action)
        except ActionRefusee:
            continue
    return etat


def etat_hasard(graine, budget, niveau=NIVEAU):
    hasard = random.Random(f"hasard-{niveau.id}-{graine}")
    etat = niveau.nouvel_etat(graine)
    gagne = False
    for _ in range(budget):
        try:
            niveau.appliquer(etat, niveau.joueur_hasard(etat, hasard))
        except ActionRefusee:
            continue
        gagne = gagne or niveau.est_termine(etat)
    return etat, gagne


def vues_des_questions(etat, niveau=NIVEAU):
    """(id, textes affichés, rang de la bonne) des questions posées sur `etat`."""
    etat = copy.deepcopy(etat)
    if not etat.posees:
        questions.poser(niveau, etat)
    textes = niveau.textes("fr").get("questions", {})
    vues = []
    for posee in etat.posees:
        modele = textes.get(posee["id"], {})
        _, choix, _ = questions.textes_affiches(
            posee, modele.get("texte", ""), modele.get("choix", []), modele.get("explication", "")
        )
        vues.append((posee["id"], choix, posee["bonne"]))
    return vues


def _strict(longueurs, bonne, choisir):
    extreme = choisir(longueurs)
    return longueurs[bonne] == extreme and longueurs.count(extreme) == 1


def mesurer(graines, niveau=NIVEAU):
    n = len(graines)
    figures = {"hint": 0, "copie": 0, "croise": 0, "hasard": 0, "differe": 0}
    rangs_bons, vues_toutes = {}, []
    for graine in graines:
        figures["hint"] += jouer(niveau.joueur_indices, graine)
        figures["copie"] += jouer(niveau.joueur_copie_indice3, graine)
        solveur = niveau.resoudre(graine)
        figures["croise"] += niveau.est_termine(rejouer_sur(solveur, graine + 1))
        etat_solveur = rejouer_sur(solveur, graine)
        budget = 3 * sum(a["type"] != "indice" for a in solveur)
        etat_h, gagne = etat_hasard(graine, budget)
        figures["hasard"] += gagne
        for prediction in niveau.predictions:
            a = niveau.calculer_question(etat_solveur, prediction)
            b = niveau.calculer_question(etat_h, prediction)
            figures["differe"] += a["valeurs"]["bonne"] != b["valeurs"]["bonne"]
            for calcul in (a, b):
                rangs_bons.setdefault(prediction, set()).add(calcul["bonne"])
        vues_toutes += vues_des_questions(etat_solveur)
    longueurs = [([len(c) for c in choix], bonne) for _, choix, bonne in vues_toutes]
    jamais = {q: sorted(set(range(3)) - r) for q, r in rangs_bons.items()}
    return {
        "seeds": n,
        "hints12_win_rate": figures["hint"] / n,
        "copy_hint3_win_rate": figures["copie"] / n,
        "cross_seed_copy_win_rate": figures["croise"] / n,
        "random_win_rate": figures["hasard"] / n,
        "questions": {
            "run_dependent_rate": figures["differe"] / (n * max(1, len(niveau.predictions))),
            "never_right_choices": sum(len(v) for v in jamais.values()),
            "longest_answer_rate": sum(_strict(ls, b, max) for ls, b in longueurs) / len(longueurs),
            "shortest_answer_rate": sum(_strict(ls, b, min) for ls, b in longueurs)
            / len(longueurs),
            "prediction_longest_rate": _taux(vues_toutes, niveau, max),
            "prediction_shortest_rate": _taux(vues_toutes, niveau, min),
        },
    }


def _taux(vues, niveau, choisir):
    predites = [(choix, bonne) for q, choix, bonne in vues if q in niveau.predictions]
    if not predites:
        return None
    return sum(_strict([len(c) for c in choix], b, choisir) for choix, b in predites) / len(
        predites
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graines", type=int, default=100)
    args = parser.parse_args()
    print(json.dumps(mesurer(range(args.graines)), indent=1))


if __name__ == "__main__":
    main()
