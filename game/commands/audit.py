"""`tuto-llm audit --json [--seeds N]`: does each level demand understanding?

For every registered level and every seed 0..N-1 it runs, through the level's own logic:
- the solver (`resoudre`): its number of actions sets the random player's budget;
- the random player (`joueur_hasard(etat, rng)`: one uniformly random legal action),
  with a budget of three times the solver's action count;
- the hint player (`joueur_indices(etat)`: the method of hints 1 and 2, applied with what
  the screen shows);
- the copier (`joueur_copie_indice3(etat)`: only the concrete values written in hint 3 of
  this run);
- a friend's answer: the solver's actions of seed A replayed on seed B (the next seed);
- the understanding questions: where the right answer is shown, whether it is the longest
  or the shortest choice, and for each computed question whether the right answer differs
  between the random player's run and the solver's run (the answer comes from the run).

The last line printed is one JSON object:
{"levels": {"<id>": {"random_win_rate", "hint_player_win_rate", "hints12_win_rate",
"copy_hint3_win_rate", "cross_seed_copy_win_rate", "solver_actions", "seeds",
"questions": {"pool", "answer_position_counts", "longest_answer_rate",
"shortest_answer_rate", "run_dependent_rate": {id: rate}, "never_right_choices"}}}}.
Targets (issues #9 and #19): random ≤ 0.05; hints 1-2 ≥ 0.90; copying hint 3 ≤ 0.05;
a friend's answer ≤ 0.05 (levels 1-4; ≤ 0.50 on the last level, whose lesson is a rule);
pool ≥ 3; no answer position holding more than twice another's count; the right answer
the longest and the shortest each 20-50 % of the time; every computed question run-dependent
on ≥ 30 % of seeds; no choice of a computed question never right.
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


def audit_seed(level_id, graine, graine_amie=None):
    """Everything measured for one level and one seed (runs in a worker process).

    `graine_amie`: the seed whose goal the solver's actions of `graine` are tried on (a
    friend's answer copied); None skips that measure."""
    import random

    from levels import registry

    niveau = registry.par_id()[level_id]
    solveur = niveau.resoudre(graine)
    etat_solveur = niveau.nouvel_etat(graine)
    nombre = 0
    for action in solveur:
        niveau.appliquer(etat_solveur, action)
        nombre += action.get("type") != "indice"
    random_win, etat_hasard = _random_player(niveau, graine, BUDGET_HASARD * nombre, random)
    return {
        "solver_actions": nombre,
        "solver_wins": niveau.est_termine(etat_solveur),
        "random_win": random_win,
        "hint_win": _hint_player(niveau, graine),
        "copy_hint3_win": _copy_hint3_player(niveau, graine),
        "cross_seed_win": (
            None if graine_amie is None else _replay_on(niveau, solveur, graine_amie)
        ),
        "questions": _questions(niveau, etat_solveur),
        "answers": _right_answers(niveau, etat_hasard, etat_solveur),
    }


def _random_player(niveau, graine, budget, random):
    """(won, final state) of uniformly random legal clicks within the budget."""
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
            return True, etat
    return False, etat


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


def _copy_hint3_player(niveau, graine):
    """Copying the concrete values of hint 3 (and nothing else) reaches the goal? None when
    the level has no copier (nothing measured is not « 0 % »)."""
    from levels.base import Niveau

    if type(niveau).joueur_copie_indice3 is Niveau.joueur_copie_indice3:
        return None
    return _follow(niveau, graine, niveau.joueur_copie_indice3)


def _follow(niveau, graine, joueur):
    from levels.base import ActionRefusee

    etat = niveau.nouvel_etat(graine)
    for _ in range(BUDGET_INDICES):
        if niveau.est_termine(etat):
            return True
        action = joueur(etat)
        if action is None:
            break
        try:
            niveau.appliquer(etat, action)
        except ActionRefusee:
            continue  # a copied value this run refuses: the copier goes on with the next
    return niveau.est_termine(etat)


def _replay_on(niveau, actions, graine):
    """A friend's solution (`actions`) played on `graine`: does it reach that goal?"""
    from levels.base import ActionRefusee

    etat = niveau.nouvel_etat(graine)
    for action in actions:
        if action.get("type") in ("poser", "repondre"):
            continue
        try:
            niveau.appliquer(etat, action)
        except ActionRefusee:
            continue
    return niveau.est_termine(etat)


def _right_answers(niveau, *etats):
    """For each computed question: [(rank of the right choice in the file or None, its
    filled French text)] for each state — from different runs of the same seed."""
    textes = niveau.textes("fr").get("questions", {})
    reponses = {}
    for question in niveau.predictions:
        modele = textes.get(question, {})
        for etat in etats:
            try:
                calcul = niveau.calculer_question(etat, question) or {}
            except Exception:  # a state a real kid never asks about (nothing played)
                reponses.setdefault(question, []).append(None)
                continue
            bonne = calcul.get("bonne", 0)
            valeurs = calcul.get("valeurs", {})
            source = calcul.get("choix") or modele.get("choix", [])
            texte = _remplir(source[bonne], valeurs) if bonne < len(source) else ""
            rang = None if calcul.get("choix") else bonne
            reponses.setdefault(question, []).append((rang, texte))
    return reponses


def _remplir(gabarit, valeurs):
    try:
        return gabarit.format(**valeurs)
    except (KeyError, IndexError, ValueError):
        return gabarit


def _questions(niveau, etat):
    """Where the right answer sits, and whether it is the longest or the shortest choice
    (French texts, as shown)."""
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
        plus_courte = longueurs[bonne] == min(longueurs) and longueurs.count(min(longueurs)) == 1
        vues.append(
            {
                "position": bonne,
                "choices": len(choix),
                "longest": plus_longue,
                "shortest": plus_courte,
            }
        )
    return vues


def _question_figures(niveau, resultats):
    """run_dependent_rate per computed question and the choices never right."""
    dependance, jamais = {}, {}
    for question in niveau.predictions:
        paires = [r["answers"].get(question) or [] for r in resultats]
        comparables = [p for p in paires if len(p) == 2 and None not in p]
        differentes = sum(p[0][1] != p[1][1] for p in comparables)
        dependance[question] = round(differentes / max(1, len(comparables)), 4)
        rangs = {rang for p in paires for r in p if r is not None for rang in [r[0]]}
        if None in rangs or not rangs:
            continue  # language-free choices made per run: every one is someone's answer
        nombre = len(niveau.choix_question(question))
        manquants = [k for k in range(nombre) if k not in rangs]
        if manquants:
            jamais[question] = manquants
    return dependance, jamais


def summarise(niveau, resultats):
    """The JSON figures of one level from its per-seed results."""
    n = len(resultats)
    vues = [vue for r in resultats for vue in r["questions"]]
    largeur = max((v["choices"] for v in vues), default=0)
    positions = [0] * largeur
    for vue in vues:
        positions[vue["position"]] += 1
    amies = [r["cross_seed_win"] for r in resultats]
    dependance, jamais = _question_figures(niveau, resultats)
    hints = round(sum(r["hint_win"] for r in resultats) / n, 4)
    return {
        "seeds": n,
        "random_win_rate": round(sum(r["random_win"] for r in resultats) / n, 4),
        "hint_player_win_rate": hints,
        "hints12_win_rate": hints,
        "copy_hint3_win_rate": _share([r["copy_hint3_win"] for r in resultats]),
        "cross_seed_copy_win_rate": _share(amies),
        "solver_win_rate": round(sum(r["solver_wins"] for r in resultats) / n, 4),
        "solver_actions": round(sum(r["solver_actions"] for r in resultats) / n, 2),
        "questions": {
            "pool": len(niveau.questions),
            "answer_position_counts": positions,
            "longest_answer_rate": _rate(vues, "longest"),
            "shortest_answer_rate": _rate(vues, "shortest"),
            "run_dependent_rate": dependance,
            "never_right_choices": sum(len(v) for v in jamais.values()),
            "never_right": jamais,
        },
    }


def _share(issues):
    """The share of True among the measured outcomes (None: nothing was measured)."""
    mesurees = [x for x in issues if x is not None]
    return round(sum(mesurees) / len(mesurees), 4) if mesurees else None


def _rate(vues, cle):
    return round(sum(v[cle] for v in vues) / max(1, len(vues)), 4)


def audit(niveaux, graines, processus=0):
    """{"levels": {id: figures}} for these levels over seeds 0..graines-1."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    taches = []
    for n in niveaux:
        compte = min(graines, n.audit_graines_max)
        # a friend's answer: seed g's solution tried on the next seed (the last on the first)
        taches += [(n.id, g, (g + 1) % compte if compte > 1 else None) for g in range(compte)]
    workers = processus or max(1, min(len(taches), os.cpu_count() or 1))
    if workers == 1:
        resultats = [audit_seed(*tache) for tache in taches]
    else:
        with ProcessPoolExecutor(workers) as pool:
            resultats = list(pool.map(audit_seed, *zip(*taches, strict=True), chunksize=4))
    par_niveau = {}
    for (level_id, *_), resultat in zip(taches, resultats, strict=True):
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
        amie = r["cross_seed_copy_win_rate"]
        dependance = ", ".join(f"{k} {v:.0%}" for k, v in q["run_dependent_rate"].items())
        print(
            f"Niveau {niveau.numero} ({r['seeds']} graines) : hasard {r['random_win_rate']:.0%}, "
            f"indices 1-2 {r['hints12_win_rate']:.0%}, copie de l'indice 3 "
            f"{_pourcent(r['copy_hint3_win_rate'])}, réponse d'un ami {_pourcent(amie)}, "
            f"solveur {r['solver_actions']} actions ; questions : réserve {q['pool']}, "
            f"places de la bonne réponse {q['answer_position_counts']}, la plus longue "
            f"{q['longest_answer_rate']:.0%}, la plus courte {q['shortest_answer_rate']:.0%}, "
            f"dépend de la partie {dependance}, choix jamais justes {q['never_right_choices']}."
        )
    print(f"({time.monotonic() - debut:.0f} s)")
    if args.json:
        print(json.dumps(rapport, ensure_ascii=False))
    return 0


def _pourcent(valeur):
    return "—" if valeur is None else f"{valeur:.0%}"
