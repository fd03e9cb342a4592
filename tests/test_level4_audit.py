"""Niveau 4 : les chiffres des issues 19 et 24, mesurés sur des graines.

- le joueur des indices 1 et 2 gagne (≥ 90 %), celui qui recopie l'indice 3 non (≤ 5 %) ;
- les actions du solveur d'une graine A, rejouées sur la graine B = A + 1, ne gagnent pas
  (≤ 5 %) : chaque partie a ses énigmes ;
- le joueur au hasard ne gagne pas (≤ 5 %) ;
- la prédiction dépend de la partie (≥ 30 % des graines : la bonne réponse diffère entre
  l'état d'un joueur au hasard et celui du solveur), chaque choix est parfois juste, et la
  bonne réponse est la plus longue / la plus courte entre 20 et 50 % du temps.

`python tests/test_level4_audit.py 100` imprime les mêmes chiffres sur 100 graines (JSON).
"""

import copy
import json
import random
import sys

from levels import questions
from levels.base import ActionRefusee
from levels.l4_attention.logic import NIVEAU

GRAINES_TEST = 30


def _jouer(etat, joueur, budget=2000):
    for _ in range(budget):
        if NIVEAU.est_termine(etat):
            return True
        action = joueur(etat)
        if action is None:
            break
        try:
            NIVEAU.appliquer(etat, action)
        except ActionRefusee:
            return False
    return NIVEAU.est_termine(etat)


def etat_du_solveur(graine):
    etat = NIVEAU.nouvel_etat(graine)
    for action in NIVEAU.resoudre(graine):
        NIVEAU.appliquer(etat, action)
    return etat


def etat_au_hasard(graine):
    """Le joueur au hasard de l'audit : 3 × les actions du solveur, refus compris."""
    budget = 3 * sum(a["type"] == "regler" for a in NIVEAU.resoudre(graine))
    hasard = random.Random(f"hasard-{NIVEAU.id}-{graine}")
    etat, gagne = NIVEAU.nouvel_etat(graine), False
    for _ in range(budget):
        try:
            NIVEAU.appliquer(etat, NIVEAU.joueur_hasard(etat, hasard))
        except ActionRefusee:
            continue
        gagne = gagne or NIVEAU.est_termine(etat)
    return etat, gagne


def copie_croisee(graine_a, graine_b):
    etat = NIVEAU.nouvel_etat(graine_b)
    for action in NIVEAU.resoudre(graine_a):
        try:
            NIVEAU.appliquer(etat, action)
        except ActionRefusee:
            continue
    return NIVEAU.est_termine(etat)


def _affichees(etat):
    """[(id, choix affichés en français, place de la bonne, rang de la bonne)]."""
    etat = copy.deepcopy(etat)
    if not etat.posees:
        questions.poser(NIVEAU, etat)
    textes = NIVEAU.textes("fr")["questions"]
    vues = []
    for posee in etat.posees:
        modele = textes[posee["id"]]
        _, choix, _ = questions.textes_affiches(
            posee, modele["texte"], modele["choix"], modele["explication"]
        )
        vues.append((posee["id"], choix, posee["bonne"], posee["ordre"][posee["bonne"]]))
    return vues


def texte_juste(etat, question):
    calcul = NIVEAU.calculer_question(etat, question)
    modele = NIVEAU.textes("fr")["questions"][question]["choix"][calcul["bonne"]]
    return modele.format(**calcul["valeurs"])


def mesurer(graines):
    n = len(graines)
    compte = dict.fromkeys(("indices12", "copie3", "croisee", "hasard", "dependante"), 0)
    rangs, longue, courte, posees = {}, 0, 0, 0
    for graine in graines:
        compte["indices12"] += _jouer(NIVEAU.nouvel_etat(graine), NIVEAU.joueur_indices)
        compte["copie3"] += _jouer(NIVEAU.nouvel_etat(graine), NIVEAU.joueur_copie_indice3)
        compte["croisee"] += copie_croisee(graine, graine + 1)
        solveur = etat_du_solveur(graine)
        hasard, gagne = etat_au_hasard(graine)
        compte["hasard"] += gagne
        for question in NIVEAU.predictions:
            juste = texte_juste(solveur, question)
            compte["dependante"] += juste != texte_juste(hasard, question)
            rang = NIVEAU.calculer_question(solveur, question)["bonne"]
            rangs[rang] = rangs.get(rang, 0) + 1
        for _id, choix, bonne, _rang in _affichees(solveur):
            longueurs = [len(c) for c in choix]
            posees += 1
            longue += longueurs[bonne] == max(longueurs) and longueurs.count(max(longueurs)) == 1
            courte += longueurs[bonne] == min(longueurs) and longueurs.count(min(longueurs)) == 1
    nombre_choix = len(NIVEAU.choix_question(NIVEAU.predictions[0]))
    return {
        "seeds": n,
        "hints12_win_rate": compte["indices12"] / n,
        "copy_hint3_win_rate": compte["copie3"] / n,
        "cross_seed_copy_win_rate": compte["croisee"] / n,
        "random_win_rate": compte["hasard"] / n,
        "run_dependent_rate": compte["dependante"] / (n * len(NIVEAU.predictions)),
        "never_right_choices": sum(1 for r in range(nombre_choix) if not rangs.get(r)),
        "longest_answer_rate": longue / posees,
        "shortest_answer_rate": courte / posees,
    }


def test_les_chiffres_du_niveau_4():
    chiffres = mesurer(range(GRAINES_TEST))
    assert chiffres["hints12_win_rate"] >= 0.9, chiffres
    assert chiffres["copy_hint3_win_rate"] <= 0.05, chiffres
    assert chiffres["cross_seed_copy_win_rate"] <= 0.05, chiffres
    assert chiffres["random_win_rate"] <= 0.05, chiffres
    assert chiffres["run_dependent_rate"] >= 0.3, chiffres
    assert chiffres["never_right_choices"] == 0, chiffres
    assert 0.2 <= chiffres["longest_answer_rate"] <= 0.5, chiffres
    assert 0.2 <= chiffres["shortest_answer_rate"] <= 0.5, chiffres


if __name__ == "__main__":
    print(json.dumps(mesurer(range(int(sys.argv[1]) if len(sys.argv) > 1 else 100))))
