"""The figures of issues 19/24 for levels 1 and 2, with the audit's definitions.

    python tests/mesures_l12.py [graines] [numéro…]

- hints12 : `joueur_indices` reaches the goal (≤ 2000 actions);
- copy_hint3 : `joueur_copie_indice3` reaches it;
- cross_seed : `resoudre(A)` replayed on seed B = A + 1 (refused actions skipped);
- random : `joueur_hasard` with 3 × the solver's actions;
- questions : per computed question, the share of seeds where a random run's state and
  the solver's give a different filled right choice; per question, the file choices never
  right; over every posed question, the right answer strictly longest / shortest.
"""

import copy
import json
import random
import sys

from levels import questions as q
from levels.base import ActionRefusee


def _jouer(niveau, etat, joueur, budget):
    for _ in range(budget):
        if niveau.est_termine(etat):
            return True
        action = joueur(etat)
        if action is None:
            break
        try:
            niveau.appliquer(etat, action)
        except ActionRefusee:
            continue
    return niveau.est_termine(etat)


def _sans_questions(actions):
    return [a for a in actions if a["type"] not in ("poser", "repondre")]


def etat_solveur(niveau, graine):
    etat = niveau.nouvel_etat(graine)
    for action in _sans_questions(niveau.resoudre(graine)):
        niveau.appliquer(etat, action)
    return etat


def etat_hasard(niveau, graine, budget):
    rng = random.Random(f"hasard-{niveau.id}-{graine}")
    etat = niveau.nouvel_etat(graine)
    _jouer(niveau, etat, lambda e: niveau.joueur_hasard(e, rng), budget)
    return etat


def bonne_affichee(niveau, etat, question):
    calcul = niveau.calculer_question(etat, question) or {}
    modele = niveau.textes("fr")["questions"][question]
    choix = calcul.get("choix") or modele["choix"]
    return q._remplir(choix[calcul.get("bonne", 0)], calcul.get("valeurs", {})), calcul


def longueurs(niveau, etat):
    etat = copy.deepcopy(etat)
    q.poser(niveau, etat)
    vues = []
    for posee in etat.posees:
        modele = niveau.textes("fr")["questions"][posee["id"]]
        _, choix, _ = q.textes_affiches(posee, modele["texte"], modele["choix"], "")
        n = [len(c) for c in choix]
        b = n[posee["bonne"]]
        vues.append((b == max(n) and n.count(b) == 1, b == min(n) and n.count(b) == 1))
    return vues


def mesurer(niveau, graines):
    gagne = {"random": 0, "hints12": 0, "copy_hint3": 0, "cross_seed": 0}
    differe = dict.fromkeys(niveau.predictions, 0)
    justes = {qid: set() for qid in niveau.questions}
    vues = []
    for g in range(graines):
        solution = niveau.resoudre(g)
        budget = 3 * len(solution)
        hasard = etat_hasard(niveau, g, budget)
        gagne["random"] += niveau.est_termine(hasard)
        gagne["hints12"] += _jouer(niveau, niveau.nouvel_etat(g), niveau.joueur_indices, 2000)
        gagne["copy_hint3"] += _jouer(
            niveau, niveau.nouvel_etat(g), niveau.joueur_copie_indice3, 2000
        )
        autre = niveau.nouvel_etat(g + 1)
        ok = False
        for action in _sans_questions(solution):
            try:
                niveau.appliquer(autre, action)
            except ActionRefusee:
                continue
            ok = ok or niveau.est_termine(autre)
        gagne["cross_seed"] += ok
        solveur = etat_solveur(niveau, g)
        for qid in niveau.predictions:
            a, calcul = bonne_affichee(niveau, solveur, qid)
            b, _ = bonne_affichee(niveau, hasard, qid)
            differe[qid] += a != b
            if not calcul.get("choix"):
                justes[qid].add(calcul.get("bonne", 0))
        vues += longueurs(niveau, solveur)
    jamais = {
        qid: [k for k in range(len(niveau.textes("fr")["questions"][qid]["choix"])) if k not in s]
        for qid, s in justes.items()
        if s  # the computed questions with the file's choices
    }
    return {
        **{f"{k}_win_rate": round(v / graines, 3) for k, v in gagne.items()},
        "run_dependent_rate": {k: round(v / graines, 3) for k, v in differe.items()},
        "never_right_choices": jamais,
        "longest_answer_rate": round(sum(v[0] for v in vues) / len(vues), 3),
        "shortest_answer_rate": round(sum(v[1] for v in vues) / len(vues), 3),
    }


def main(argv):
    from levels import registry

    graines = int(argv[0]) if argv else 40
    numeros = [int(n) for n in argv[1:]] or [1, 2]
    rapport = {
        registry.niveau_numero(n).id: mesurer(registry.niveau_numero(n), graines) for n in numeros
    }
    print(json.dumps(rapport, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
