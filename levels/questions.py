"""Les questions de compréhension (3e étoile) : une réserve par niveau, tirée par la graine.

Chaque niveau a une réserve d'au moins trois questions (`Niveau.questions`). Une partie
en reçoit une ou deux, choisies par la graine, dont toujours une **prédiction** : une
question sur l'état de l'enfant lui-même, calculée par le moteur au moment où on la pose
(« d'après TON tableau, quelle lettre… ? »). Une réponse copiée sur un ami est donc
fausse aussi souvent qu'une réponse au hasard.

Les textes vivent dans `textes.<langue>.toml`, table `[questions.<id>]` :

    texte = "…"          (peut contenir des {valeurs} calculées)
    choix = ["…", …]     LA BONNE RÉPONSE EN PREMIER (l'ordre affiché est mélangé)
    explication = "…"    (peut contenir des {valeurs})

Pour une prédiction, `Niveau.calculer_question(etat, id)` renvoie
{"valeurs": {…}, "bonne": k} (k : le rang de la bonne réponse dans `choix` du fichier),
et peut remplacer les choix par des textes sans langue (des lettres…) avec "choix".

Les actions :
- {"type": "poser"} : fige les questions de la partie (valeurs, ordre des choix) ;
- {"type": "repondre", "question": id, "choix": i} : i est la place à l'écran (A = 0).
"""

import random

from levels.base import ACTION_POSER, ActionRefusee, lire_entier

QUESTIONS_PAR_PARTIE = 2


def choisir_questions(niveau, graine):
    """Les ids des questions d'une partie : une prédiction, puis une autre de la réserve."""
    hasard = random.Random(f"questions-{niveau.id}-{graine}")
    predictions = [q for q in niveau.questions if q in niveau.predictions]
    autres = [q for q in niveau.questions if q not in niveau.predictions]
    choisies = [hasard.choice(predictions)] if predictions else []
    reste = [q for q in autres + predictions if q not in choisies]
    while len(choisies) < min(QUESTIONS_PAR_PARTIE, len(niveau.questions)) and reste:
        choisies.append(reste.pop(hasard.randrange(len(reste))))
    return choisies


def ordre_des_choix(niveau, graine, question, nombre):
    """L'ordre d'affichage des choix : une permutation tirée par la graine.

    `ordre[place] = rang dans le fichier` ; la bonne réponse (rang 0 ou `bonne`) tombe
    donc à chaque place aussi souvent qu'aux autres, au fil des graines.
    """
    ordre = list(range(nombre))
    random.Random(f"choix-{niveau.id}-{graine}-{question}").shuffle(ordre)
    return ordre


def poser(niveau, etat):
    """Fige les questions de la partie dans `etat.posees` (calculées sur l'état actuel)."""
    if etat.posees:
        raise ActionRefusee("Les questions sont déjà posées : réponds-y !")
    posees = []
    for question in choisir_questions(niveau, etat.graine):
        calcul = niveau.calculer_question(etat, question) or {}
        choix = calcul.get("choix")
        nombre = len(choix) if choix else len(niveau.choix_question(question))
        ordre = ordre_des_choix(niveau, etat.graine, question, nombre)
        bonne = calcul.get("bonne", 0)
        posees.append(
            {
                "id": question,
                "valeurs": dict(calcul.get("valeurs", {})),
                "choix": list(choix) if choix else None,
                "ordre": ordre,
                "bonne": ordre.index(bonne),
            }
        )
    etat.posees = posees


def repondre(etat, action):
    """Note une réponse ; seule la première réponse à chaque question compte pour l'étoile."""
    posee = question_posee(etat, action.get("question"))
    if posee is None:
        raise ActionRefusee("Cette question n'a pas été posée dans cette partie.")
    choix = lire_entier(action, "choix", 0, len(posee["ordre"]) - 1)
    etat.reponses.setdefault(posee["id"], []).append(choix)


def question_posee(etat, question):
    for posee in getattr(etat, "posees", None) or []:
        if posee["id"] == question:
            return posee
    return None


def bien_repondu(etat):
    """Toutes les questions posées ont reçu, du premier coup, la bonne réponse."""
    posees = getattr(etat, "posees", None) or []
    reponses = getattr(etat, "reponses", {}) or {}
    return bool(posees) and all(
        reponses.get(p["id"]) and reponses[p["id"]][0] == p["bonne"] for p in posees
    )


def a_repondre(etat):
    """Les questions posées qui attendent encore une réponse (dans l'ordre)."""
    reponses = getattr(etat, "reponses", {}) or {}
    return [p for p in getattr(etat, "posees", None) or [] if not reponses.get(p["id"])]


def textes_affiches(posee, texte, choix, explication):
    """(question, choix dans l'ordre affiché, explication), valeurs remplies.

    `texte`, `choix` (liste, dans l'ordre du fichier), `explication` : les gabarits lus
    dans le fichier de textes de la langue voulue.
    """
    valeurs = posee["valeurs"]
    source = posee["choix"] or choix
    affiches = [_remplir(source[rang], valeurs) for rang in posee["ordre"]]
    return _remplir(texte, valeurs), affiches, _remplir(explication, valeurs)


def _remplir(gabarit, valeurs):
    try:
        return gabarit.format(**valeurs)
    except (KeyError, IndexError, ValueError):
        return gabarit


def reponse_du_solveur(niveau, etat):
    """Les actions « poser puis répondre juste » (pour les solveurs et les joueurs d'indices)."""
    actions = [] if etat.posees else [{"type": ACTION_POSER}]
    copie = _copie_pour_poser(niveau, etat)
    for posee in copie.posees:
        if not etat.reponses.get(posee["id"]):
            actions.append({"type": "repondre", "question": posee["id"], "choix": posee["bonne"]})
    return actions


def _copie_pour_poser(niveau, etat):
    import copy

    copie = copy.deepcopy(etat)
    if not copie.posees:
        poser(niveau, copie)
    return copie
