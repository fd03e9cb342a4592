"""`tuto-llm audit --json [--seeds N]`: does each level demand understanding?

For every registered level and every seed 0..N-1 it runs, through the level's own logic:
- the solver (`resoudre`): its number of actions sets the random player's budget;
- the random player (`joueur_hasard(etat, rng)`: one uniformly random legal action),
  with a budget of three times the solver's action count;
- the hint player (`joueur_indices(etat)`: literally what the three hints say);
- the understanding questions posed for that seed: where the right answer is shown
  and whether it is the longest choice.

The last line printed is one JSON object:
{"levels": {"<id>": {"random_win_rate", "hint_player_win_rate", "solver_actions",
"questions": {"pool", "answer_position_counts", "longest_answer_rate"}, "seeds"}}}.
Targets (issue #9): random ≤ 0.05, hint player = 1, pool ≥ 3, no answer position
holding more than twice another's count, longest answer rate ≤ 0.35.
"""

NAME = "audit"
HELP = (
    "Mesure si chaque niveau demande de comprendre : joueur au hasard, joueur qui suit "
    "les indices, solveur, questions (JSON sur la dernière ligne avec --json)."
)

GRAINES_PAR_DEFAUT = 200
BUDGET_HASARD = 3  # the random player may play 3 × the solver's actions
BUDGET_INDICES = 2000  # the hint player gives up after this many actions


def add_arguments(parser):
    parser.add_argument(
        "--seeds",
        "--graines",
        dest="graines",
        type=int,
        default=GRAINES_PAR_DEFAUT,
        metavar="N",
        help=f"nombre de graines par niveau (par défaut {GRAINES_PAR_DEFAUT})",
    )
    parser.add_argument("--json", action="store_true", help="une ligne JSON à la fin")
    parser.add_argument(
        "--niveau", type=int, action="append", metavar="N", help="seulement ce niveau (répétable)"
    )
    parser.add_argument(
        "--processus", type=int, default=0, metavar="P", help="processus en parallèle (0 = auto)"
    )


def audit_seed(level_id, graine):
    """Everything measured for one level and one seed (runs in a worker process)."""
    import random

    from levels import registry

    niveau = registry.par_id()[level_id]
    solveur = niveau.resoudre(graine)
    etat_solveur = niveau.nouvel_etat(graine)
    nombre = 0
    for action in solveur:
        niveau.appliquer(etat_solveur, action)
        nombre += action.get("type") != "indice"
    return {
        "solver_actions": nombre,
        "solver_wins": niveau.est_termine(etat_solveur),
        "random_win": _random_player(niveau, graine, BUDGET_HASARD * nombre, random),
        "hint_win": _hint_player(niveau, graine),
        "questions": _questions(niveau, etat_solveur),
    }


def _random_player(niveau, graine, budget, random):
    from levels.base import ActionRefusee

    rng = random.Random(f"hasard-{niveau.id}-{graine}")
    etat = niveau.nouvel_etat(graine)
    for _ in range(budget):
        action = niveau.joueur_hasard(etat, rng)
        if action is None:
            break
        try:
            niveau.appliquer(etat, action)
        except ActionRefusee:
            continue  # a refused click still costs a click
        if niveau.est_termine(etat):
            return True
    return False


def _hint_player(niveau, graine):
    from levels.base import ActionRefusee

    etat = niveau.nouvel_etat(graine)
    for _ in range(BUDGET_INDICES):
        if niveau.est_termine(etat):
            return True
        action = niveau.joueur_indices(etat)
        if action is None:
            break
        try:
            niveau.appliquer(etat, action)
        except ActionRefusee:
            return False  # the hints led to an action the level refuses
    return niveau.est_termine(etat)


def _questions(niveau, etat):
    """Where the right answer sits, and whether it is the longest choice (French texts)."""
    import copy

    from levels import questions

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
        longueurs = [len(c) for c in choix]
        bonne = posee["bonne"]
        plus_longue = longueurs[bonne] == max(longueurs) and longueurs.count(max(longueurs)) == 1
        vues.append({"position": bonne, "choices": len(choix), "longest": plus_longue})
    return vues


def summarise(niveau, resultats):
    """The JSON figures of one level from its per-seed results."""
    n = len(resultats)
    vues = [vue for r in resultats for vue in r["questions"]]
    largeur = max((v["choices"] for v in vues), default=0)
    positions = [0] * largeur
    for vue in vues:
        positions[vue["position"]] += 1
    return {
        "seeds": n,
        "random_win_rate": round(sum(r["random_win"] for r in resultats) / n, 4),
        "hint_player_win_rate": round(sum(r["hint_win"] for r in resultats) / n, 4),
        "solver_win_rate": round(sum(r["solver_wins"] for r in resultats) / n, 4),
        "solver_actions": round(sum(r["solver_actions"] for r in resultats) / n, 2),
        "questions": {
            "pool": len(niveau.questions),
            "answer_position_counts": positions,
            "longest_answer_rate": round(sum(v["longest"] for v in vues) / max(1, len(vues)), 4),
        },
    }


def audit(niveaux, graines, processus=0):
    """{"levels": {id: figures}} for these levels over seeds 0..graines-1."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    taches = [(n.id, g) for n in niveaux for g in range(min(graines, n.audit_graines_max))]
    workers = processus or max(1, min(len(taches), os.cpu_count() or 1))
    if workers == 1:
        resultats = [audit_seed(*tache) for tache in taches]
    else:
        with ProcessPoolExecutor(workers) as pool:
            resultats = list(pool.map(audit_seed, *zip(*taches, strict=True), chunksize=4))
    par_niveau = {}
    for (level_id, _), resultat in zip(taches, resultats, strict=True):
        par_niveau.setdefault(level_id, []).append(resultat)
    return {"levels": {n.id: summarise(n, par_niveau[n.id]) for n in niveaux}}


def run(args):
    import json
    import time

    from game.cli import CliError
    from levels import registry

    if args.graines < 1:
        raise CliError("Il faut au moins une graine (--seeds 1 ou plus).")
    niveaux = registry.niveaux()
    if args.niveau:
        niveaux = [n for n in niveaux if n.numero in args.niveau]
        if not niveaux:
            raise CliError("Aucun niveau avec ces numéros.")
    debut = time.monotonic()
    rapport = audit(niveaux, args.graines, max(0, args.processus))
    for niveau in niveaux:
        r = rapport["levels"][niveau.id]
        q = r["questions"]
        print(
            f"Niveau {niveau.numero} ({r['seeds']} graines) : hasard {r['random_win_rate']:.0%}, "
            f"indices {r['hint_player_win_rate']:.0%}, solveur {r['solver_actions']} actions ; "
            f"questions : réserve {q['pool']}, places de la bonne réponse "
            f"{q['answer_position_counts']}, la plus longue {q['longest_answer_rate']:.0%}."
        )
    print(f"({time.monotonic() - debut:.0f} s)")
    if args.json:
        print(json.dumps(rapport, ensure_ascii=False))
    return 0
