"""Niveau 3 : la carte « Après « a », on voit souvent : n, r, l », et ce qu'a fait le dernier coup.

Quand l'enfant survole, tient ou choisit au clavier une lettre du plateau, cette carte
remplace la courbe : les lettres qui viennent le plus souvent après elle dans les
vrais prénoms (`logic.suivantes`), chacune avec une petite barre. Deux lettres avec
les mêmes barres se comportent pareil : c'est elles qu'il faut rapprocher.

Après un coup, `lignes_du_coup` dit ce qui a changé (la perte avant et après) et
pourquoi (ce que le modèle devine maintenant après la lettre, et la vraie suite).
"""

import pygame

from engine.vocab import VOCAB
from levels.l3_memoire import logic

PAD = 12
MAX_LIGNES = 5
MIN_LIGNES = 3


def nom_suite(vue, suite):
    """« n », ou « fin du prénom » pour le « . »."""
    return vue.t("vue.fin") if suite == "." else suite


def texte_suites(vue, suites):
    """« fin du prénom 31 %, n 20 %, r 7 % » : (lettre suivante, part) écrits pour l'écran."""
    return ", ".join(f"{nom_suite(vue, s)} {vue.pourcent(p)}" for s, p in suites)


def dessiner_suites(vue, surface, rect, lettre):
    """La carte des suites de `lettre` dans `rect` : un titre, 3 à 5 barres, un conseil."""
    theme, c = vue.theme, vue.theme.colors
    theme.draw_panel(surface, rect)
    inner = rect.inflate(-2 * PAD, -2 * PAD)
    titre = vue.t("vue.suites_titre", lettre=lettre)
    titre_h = theme.text_height(titre, inner.w, "body")
    theme.draw_text(surface, titre, (inner.x, inner.y, inner.w, titre_h), "body", c.ink, "left")
    ligne_h = theme.line_height("small") + 4
    conseil = vue.t("vue.suites_conseil")
    conseil_h = theme.text_height(conseil, inner.w, "small")
    reste = inner.h - titre_h - 4
    lignes = min(MAX_LIGNES, (reste - conseil_h - 4) // ligne_h)
    if lignes < MIN_LIGNES:  # no room for the advice: the bars matter more
        conseil = ""
        lignes = min(MAX_LIGNES, reste // ligne_h)
    lignes = max(1, lignes)
    suites = logic.suivantes(lettre, lignes)
    y = inner.y + titre_h + 4
    _dessiner_barres(vue, surface, pygame.Rect(inner.x, y, inner.w, lignes * ligne_h), suites)
    if conseil:
        box = (inner.x, y + lignes * ligne_h + 4, inner.w, conseil_h)
        theme.draw_text(surface, conseil, box, "small", c.ink_soft, "left")


def _dessiner_barres(vue, surface, rect, suites):
    """Une ligne par lettre suivante : son nom, une barre (la plus fréquente = pleine), sa part."""
    theme, c = vue.theme, vue.theme.colors
    if not suites:
        return
    font = theme.font("small")
    noms = [nom_suite(vue, s) for s, _ in suites]
    parts = [vue.pourcent(p) for _, p in suites]
    nom_w = max(font.size(n)[0] for n in noms) + 10
    part_w = max(font.size(p)[0] for p in parts) + 10
    barre_w = max(20, rect.w - nom_w - part_w)
    ligne_h = rect.h // len(suites)
    plus_grande = suites[0][1]
    for i, ((_, part), nom, texte) in enumerate(zip(suites, noms, parts, strict=True)):
        y = rect.y + i * ligne_h
        milieu = y + ligne_h // 2
        theme.text(surface, nom, (rect.x, milieu), "small", c.ink, "midleft")
        longueur = max(3, round(barre_w * part / plus_grande))
        barre = pygame.Rect(rect.x + nom_w, y + 3, longueur, ligne_h - 6)
        pygame.draw.rect(surface, c.second, barre, border_radius=4)
        x_part = rect.x + nom_w + longueur + 6
        theme.text(surface, texte, (x_part, milieu), "small", c.ink_soft, "midleft")


def lignes_du_coup(vue):
    """After a move the kid chose: what changed (the loss before → after) and why (what
    the model now guesses after the letter, next to what really comes after it)."""
    dernier = vue.etat.dernier
    if dernier is None:
        return []
    c = vue.theme.colors
    lettre, avant, apres = dernier["lettre"], dernier["avant"], dernier["apres"]
    coup = vue.t(
        "vue.coup",
        lettre=lettre,
        voisine=dernier["voisine"],
        avant=vue.nombre(avant, 3),
        apres=vue.nombre(apres, 3),
    )
    if apres < avant - 0.0005:
        verdict, color = vue.t("vue.coup_baisse"), c.good
    elif apres > avant + 0.0005:
        verdict, color = vue.t("vue.coup_monte", lettre=lettre), c.bad
    else:
        verdict, color = vue.t("vue.coup_pareil"), c.ink_soft
    place = vue.etat.places[VOCAB.index(lettre)]
    probas = logic.probabilites_de(place, vue.etat.plateau)
    devine = sorted(range(len(VOCAB)), key=lambda k: (-probas[k], k))[:3]
    modele = texte_suites(vue, [(VOCAB[k], probas[k]) for k in devine])
    vrai = texte_suites(vue, logic.suivantes(lettre, 3))
    return [
        (coup, "body", c.ink),
        (verdict, "small", color),
        (vue.t("vue.devine", lettre=lettre, suites=modele), "small", c.ink),
        (vue.t("vue.vrai", lettre=lettre, suites=vrai), "small", c.ink_soft),
    ]
