"""La méthode des indices 1 et 2 du niveau 4, avec seulement ce que l'écran montre.

1. Dans chaque prénom, qui tient la lettre à trouver ? (l'écran montre les lettres,
   « voyelle » sur les panneaux et le numéro de chaque table).
2. Ce que ces élèves ont en commun : toujours une voyelle (question voyelle +), toujours
   une consonne (−), ça change (0) ; toujours le plus en avant de leur sorte (place −) ou
   toujours le plus près de celui qui demande (place +).
3. La voyelle au plus fort (question ±5, panneau 3), puis la place cran par cran (la
   question de 1 à 5, puis son panneau) jusqu'à ce que la tête réussisse.

Le générateur des énigmes (`enigmes.enigmes_de`) ne garde que des énigmes que cette
méthode résout ; `joueurs.selon_les_indices` la joue bouton par bouton.
"""

from levels.l4_attention.enigmes import VOYELLES, proba_lettre

SEUIL = 0.9  # la réussite d'une tête (la même que logic.SEUIL_REUSSITE)
MARGE = 0.005  # le générateur garde un peu de marge (les arrondis du vrai calcul)
PLACES = ((1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (5, 2), (5, 3))  # (question, panneau)


def tenants(mot, place, lettre):
    """Les élèves visibles (0…place) qui tiennent `lettre`."""
    return [j for j in range(place + 1) if mot[j] == lettre]


def signes_lus(cibles):
    """(signe voyelle, signe place) lus dans [(mot, place, lettre)], ou None si rien de
    commun ne se lit."""
    sortes = {lettre in VOYELLES for _, _, lettre in cibles}
    sv = 0 if len(sortes) > 1 else (1 if sortes == {True} else -1)
    devant = pres = True
    for mot, place, lettre in cibles:
        memes = [j for j in range(place + 1) if sv == 0 or (mot[j] in VOYELLES) == (sv > 0)]
        ici = tenants(mot, place, lettre)
        devant = devant and memes[0] in ici
        pres = pres and memes[-1] in ici
    if devant:
        return sv, -1
    if pres:
        return sv, +1
    return None


def echelle(signes):
    """Les réglages que la méthode essaie, dans l'ordre : {carte: [voyelle, place]}."""
    sv, sp = signes
    voyelle = (5 * sv, 3 if sv else 1)
    return [{"question": [voyelle[0], sp * q], "panneau": [voyelle[1], p]} for q, p in PLACES]


def cibles_de(enigme, tete):
    return [(ex.mot, ex.place, ex.cibles[tete]) for ex in enigme.exemples]


def score_rapide(cibles, reglage):
    a = reglage["question"][0] * reglage["panneau"][0]
    b = reglage["question"][1] * reglage["panneau"][1]
    return sum(proba_lettre(m, p, lettre, a, b) for m, p, lettre in cibles) / len(cibles)


def resolue_par_la_methode(enigme):
    """Chaque tête de l'énigme est-elle résolue par la méthode (avec un peu de marge) ?"""
    for tete in range(enigme.tetes):
        cibles = cibles_de(enigme, tete)
        signes = signes_lus(cibles)
        if signes is None:
            return False
        if not any(score_rapide(cibles, r) >= SEUIL + MARGE for r in echelle(signes)):
            return False
    return True
