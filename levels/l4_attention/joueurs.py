"""Les joueurs de l'audit et la prédiction du niveau 4 (voir `tuto-llm audit`)."""

import random

from levels.l4_attention import logic

# L'indice 3, mot pour mot : (énigme, tête) → réglages {carte: [voyelle, place]}.
REGLAGES_INDICE = {
    (0, 0): {"question": [2, 0], "panneau": [3, 1]},
    (1, 0): {"question": [0, -3], "panneau": [1, 2]},
    (2, 0): {"question": [3, 1], "panneau": [3, 2]},
    (3, 0): {"question": [0, -3], "panneau": [1, 2]},  # « une tête comme premier »
    (3, 1): {"question": [3, 1], "panneau": [3, 2]},  # « l'autre comme voyelle »
}


def au_hasard(etat, hasard):
    numero = hasard.randrange(len(logic.ENIGMES))
    carte = hasard.choice(logic.CARTES)
    if carte == "question":
        valeur = hasard.randint(logic.QUESTION_MIN, logic.QUESTION_MAX)
    else:
        valeur = hasard.randint(logic.PANNEAU_MIN, logic.PANNEAU_MAX)
    return {
        "type": "regler",
        "enigme": numero,
        "tete": hasard.randrange(logic.ENIGMES[numero].tetes),
        "carte": carte,
        "axe": hasard.choice(logic.AXES),
        "valeur": valeur,
    }


def selon_les_indices(etat):
    for (numero, tete), reglage in REGLAGES_INDICE.items():
        actions = logic.actions_regler(numero, tete, etat.reglages[numero][tete], reglage)
        if actions:
            return actions[0]
    return None


def predire_ecoute(etat):
    """« Dans tel mot, avec TES réglages, qui cet élève écoute-t-il le plus ? »"""
    hasard = random.Random(f"l4-question-{etat.graine}")
    possibles = [
        (numero, ex) for numero in (1, 2) for ex in logic.ENIGMES[numero].exemples if ex.place >= 2
    ]
    numero, ex = hasard.choice(possibles)
    poids, _ = logic.ecouter(ex.mot, ex.place, etat.reglages[numero][0])
    ordre = sorted(range(len(poids)), key=lambda j: (-poids[j], j))
    places = [ordre[0], ordre[len(ordre) // 2], ordre[-1]]
    choix = [f"« {ex.mot[j]} » ({j + 1})" for j in places]
    valeurs = {"mot": ex.mot, "lettre": ex.mot[ex.place], "table": ex.place + 1}
    return {"valeurs": valeurs, "choix": choix, "bonne": 0}
