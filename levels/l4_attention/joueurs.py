"""Les joueurs de l'audit, l'indice 3, la prédiction et « ce que tu viens de découvrir »
du niveau 4 (voir `tuto-llm audit` et `levels.base.Niveau`)."""

import random

from levels.l4_attention import enigmes, logic, methode


def signe(valeur):
    """+3, 0, −2 : le vrai signe moins, et pas de « +0 »."""
    return f"{valeur:+d}".replace("-", "−") if valeur else "0"


def pourcent(x):
    """« 93 % » (une espace insécable : le nombre et son signe restent ensemble)."""
    return f"{round(100 * x)}\u00a0%"


def au_hasard(etat, hasard):
    numero = hasard.randrange(logic.NB_ENIGMES)
    carte = hasard.choice(logic.CARTES)
    if carte == "question":
        valeur = hasard.randint(logic.QUESTION_MIN, logic.QUESTION_MAX)
    else:
        valeur = hasard.randint(logic.PANNEAU_MIN, logic.PANNEAU_MAX)
    return {
        "type": "regler",
        "enigme": numero,
        "tete": hasard.randrange(logic.TETES[numero]),
        "carte": carte,
        "axe": hasard.choice(logic.AXES),
        "valeur": valeur,
    }


# ---------------------------------------------------------------------------
# Le joueur des indices 1 et 2 : la méthode, bouton par bouton
# ---------------------------------------------------------------------------


def selon_les_indices(etat):
    """Tête après tête : lire ce que les élèves qui tiennent la bonne lettre ont en commun,
    régler la question dans ce sens, puis monter la place cran par cran jusqu'à ce que la
    réussite de la tête (affichée) passe la barre."""
    tableau = logic.NIVEAU.tableau(etat)
    for numero, enigme in enumerate(etat.enigmes):
        for tete in range(enigme.tetes):
            if tableau[numero][tete] >= logic.SEUIL_REUSSITE:
                continue
            signes = methode.signes_lus(methode.cibles_de(enigme, tete))
            if signes is None:
                return None
            echelle = methode.echelle(signes)
            actuel = etat.reglages[numero][tete]
            suivant = echelle.index(actuel) + 1 if actuel in echelle else 0
            if suivant >= len(echelle):
                return None  # la méthode est au bout : le joueur ne sait plus quoi faire
            return logic.actions_regler(numero, tete, actuel, echelle[suivant])[0]
    return None


# ---------------------------------------------------------------------------
# L'indice 3 : la méthode travaillée sur UNE énigme de cette graine
# ---------------------------------------------------------------------------


def tete_de_l_indice(graine):
    """L'énigme (2 ou 3) sur laquelle l'indice 3 montre la méthode, tirée par la graine."""
    return random.Random(f"l4-indice-{graine}").choice((1, 2))


def reglage_de_l_indice(etat):
    numero = tete_de_l_indice(etat.graine)
    enigme = etat.enigmes[numero]
    signes = methode.signes_lus(methode.cibles_de(enigme, 0))
    cibles = methode.cibles_de(enigme, 0)
    for reglage in methode.echelle(signes):
        if methode.score_rapide(cibles, reglage) >= logic.SEUIL_REUSSITE + methode.MARGE:
            return numero, reglage
    return numero, methode.echelle(signes)[-1]


def valeurs_indice3(etat):
    numero, reglage = reglage_de_l_indice(etat)
    ex = etat.enigmes[numero].exemples[0]
    regle = etat.enigmes[numero].regles[0]
    table = enigmes.eleve_de_regle(ex.mot, ex.place, regle)
    poids, _ = logic.ecouter(ex.mot, ex.place, reglage)
    q, p = reglage["question"], reglage["panneau"]
    return {
        "enigme": numero + 1,
        "debut": ex.mot[: ex.place + 1],
        "demande": ex.mot[ex.place],
        "cible": ex.cibles[0],
        "table": table + 1,
        "qv": signe(q[0]),
        "qp": signe(q[1]),
        "pv": p[0],
        "pp": p[1],
        "part": pourcent(poids[table]),
    }


def copie_indice3(etat):
    """Recopie les réglages écrits dans l'indice 3 (une seule tête), puis plus rien."""
    numero, reglage = reglage_de_l_indice(etat)
    actions = logic.actions_regler(numero, 0, etat.reglages[numero][0], reglage)
    return actions[0] if actions else None


# ---------------------------------------------------------------------------
# La prédiction : un prénom nouveau, avec les réglages de l'enfant
# ---------------------------------------------------------------------------

TETES_DEMANDEES = ((1, 0), (2, 0), (3, 0), (3, 1))


def exemple_de_la_question(etat):
    """(énigme, tête, mot, place, trois élèves) : tiré par la graine seule, un prénom que
    les énigmes ne montrent pas, où l'élève de la règle et deux autres ont des lettres
    différentes (dans un ordre tiré, sans rapport avec la bonne réponse)."""
    hasard = random.Random(f"l4-question-{etat.graine}")
    numero, tete = hasard.choice(TETES_DEMANDEES)
    regle = etat.enigmes[numero].regles[tete]
    deja = {ex.mot for e in etat.enigmes for ex in e.exemples}
    possibles = enigmes.candidats_question(regle)
    for mot, place in hasard.sample(possibles, min(200, len(possibles))):
        if mot in deja:
            continue
        juste = enigmes.eleve_de_regle(mot, place, regle)
        autres = [j for j in range(place + 1) if mot[j] != mot[juste]]
        lettres = {}
        for j in hasard.sample(autres, len(autres)):
            lettres.setdefault(mot[j], j)
        if len(lettres) >= 2:
            eleves = [juste, *list(lettres.values())[:2]]
            hasard.shuffle(eleves)
            return numero, tete, mot, place, eleves
    raise ValueError(f"pas de prénom pour la question ({regle})")  # jamais : des centaines


def predire_ecoute(etat):
    """« Dans ce prénom nouveau, avec TES réglages de cette tête, qui le … écoute-t-il le
    plus ? » La bonne réponse : l'élève le plus écouté des trois (le calcul du moteur)."""
    numero, tete, mot, place, eleves = exemple_de_la_question(etat)
    poids, _ = logic.ecouter(mot, place, etat.reglages[numero][tete])
    bonne = max(range(3), key=lambda k: (poids[eleves[k]], -eleves[k]))
    valeurs = {
        "mot": mot,
        "debut": mot[: place + 1],
        "lettre": mot[place],
        "table": place + 1,
        "enigme": numero + 1,
        "tete": tete + 1,
    }
    for k, j in enumerate(eleves):
        valeurs[f"l{k}"] = mot[j]
        valeurs[f"t{k}"] = j + 1
    valeurs["part"] = pourcent(poids[eleves[bonne]])
    return {"valeurs": valeurs, "bonne": bonne}


# ---------------------------------------------------------------------------
# « Ce que tu viens de découvrir » : les nombres de l'enfant
# ---------------------------------------------------------------------------


def decouverte(etat):
    derniere = logic.NB_ENIGMES - 1
    ex = etat.enigmes[derniere].exemples[0]
    valeurs = {"debut": ex.mot[: ex.place + 1], "derriere": len(ex.mot) - ex.place - 1}
    for tete in range(2):
        poids, _ = logic.ecouter(ex.mot, ex.place, etat.reglages[derniere][tete])
        j = max(range(len(poids)), key=lambda i: (poids[i], -i))
        valeurs[f"table{tete + 1}"] = j + 1
        valeurs[f"lettre{tete + 1}"] = ex.mot[j]
        valeurs[f"part{tete + 1}"] = pourcent(poids[j])
    reussite = logic.NIVEAU.mesures(etat)
    valeurs["tetes_reussies"] = reussite["tetes_reussies"]
    valeurs["tetes"] = reussite["tetes"]
    return valeurs
