"""Level 5's audit figures for this round (issue 19), before the coordinator's audit has them.

    PYTHONPATH=. python tests/l5_mesures.py 0-29

One JSON line per seed (hint player won, models it trained, copy-hint-3 player won, the
solver's actions of seed g replayed on g+1 won, the size question's right answer differs
between a random player's settings and the solver's), then a summary line with the rates
and, over the questions posed to the hint player, how often the right answer is the
longest / the shortest displayed choice (French texts). Slow: about 3 trainings a seed.
"""

import contextlib
import copy
import json
import random
import sys

from levels import questions
from levels.base import ActionRefusee
from levels.l5_gpt.logic import NIVEAU

BUDGET_HASARD = 30  # a random player's clicks before the question (3 × the solver's)


def jouer(joueur, graine, max_actions=80):
    etat = NIVEAU.nouvel_etat(graine)
    for _ in range(max_actions):
        if NIVEAU.est_termine(etat):
            break
        action = joueur(etat)
        if action is None:
            break
        try:
            NIVEAU.appliquer(etat, action)
        except ActionRefusee:
            break
    return NIVEAU.est_termine(etat), etat


def croise(a, b):
    etat = NIVEAU.nouvel_etat(b)
    for action in NIVEAU.resoudre(a):
        with contextlib.suppress(ActionRefusee):
            NIVEAU.appliquer(etat, action)
    return NIVEAU.est_termine(etat)


def etat_au_hasard(graine):
    rng = random.Random(f"hasard-{graine}")
    etat = NIVEAU.nouvel_etat(graine)
    for _ in range(BUDGET_HASARD):
        action = NIVEAU.joueur_hasard(etat, rng)
        if action["type"] in ("regler", "placer", "retirer"):
            with contextlib.suppress(ActionRefusee):
                NIVEAU.appliquer(etat, action)
    return etat


def affichees(etat):
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
        vues.append((posee["id"], choix, posee["bonne"]))
    return vues


def mesurer(graine):
    gagne, etat = jouer(NIVEAU.joueur_indices, graine)
    copie, _ = jouer(NIVEAU.joueur_copie_indice3, graine)
    vues, hasard = affichees(etat), affichees(etat_au_hasard(graine))
    differe = [
        v[1][v[2]] != h[1][h[2]]
        for v, h in zip(vues, hasard, strict=True)
        if v[0] in NIVEAU.predictions
    ]
    return {
        "graine": graine,
        "indices": gagne,
        "modeles": len(etat.essais) + 1,
        "copie_indice3": copie,
        "croise": croise(graine, graine + 1),
        "depend_de_la_partie": differe,
        "questions": vues,
    }


def resume(lignes):
    n = len(lignes)
    vues = [v for ligne in lignes for v in ligne["questions"]]

    def part(extreme):
        return sum(
            len(choix[bonne]) == extreme(map(len, choix))
            and [len(c) for c in choix].count(len(choix[bonne])) == 1
            for _, choix, bonne in vues
        ) / len(vues)

    differe = [d for ligne in lignes for d in ligne["depend_de_la_partie"]]
    return {
        "graines": n,
        "hints12_win_rate": sum(ligne["indices"] for ligne in lignes) / n,
        "copy_hint3_win_rate": sum(ligne["copie_indice3"] for ligne in lignes) / n,
        "cross_seed_copy_win_rate": sum(ligne["croise"] for ligne in lignes) / n,
        "run_dependent_rate": sum(differe) / max(1, len(differe)),
        "longest_answer_rate": part(max),
        "shortest_answer_rate": part(min),
    }


if __name__ == "__main__":
    debut, _, fin = (sys.argv[1] if len(sys.argv) > 1 else "0-9").partition("-")
    lignes = []
    for graine in range(int(debut), int(fin or debut) + 1):
        lignes.append(mesurer(graine))
        print(json.dumps(lignes[-1], ensure_ascii=False), flush=True)
    print(json.dumps(resume(lignes)))
