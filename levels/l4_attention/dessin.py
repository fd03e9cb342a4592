"""Le dessin de la salle de classe du niveau 4 : les élèves, les flèches de l'attention,
la prédiction, les puces des exemples, la carte « qui écoute qui ? ».

`DessinAttention` est la moitié « dessin » de `VueAttention` (levels/l4_attention/view.py) :
elle ne fait que lire l'état, les calculs en cache et la mise en page de la vue.
"""

import math

import pygame

from levels.l4_attention import logic
from levels.vue import melange

TABLE_H = 124  # la hauteur d'une table d'élève


def signe(valeur):
    """+3, 0, −2 : le vrai signe moins, et pas de « +0 »."""
    return f"{valeur:+d}".replace("-", "−") if valeur else "0"


class DessinAttention:
    """Les méthodes de dessin de la vue du niveau 4 (une classe à hériter)."""

    def _dessiner_score_onglet(self, surface, rect, score):
        c = self.theme.colors
        barre = pygame.Rect(rect.x + 10, rect.bottom - 9, rect.w - 20, 5)
        pygame.draw.rect(surface, c.disabled, barre, border_radius=2)
        plein = barre.copy()
        plein.w = round(barre.w * score)
        couleur = c.good if score >= logic.SEUIL_REUSSITE else c.warn
        pygame.draw.rect(surface, couleur, plein, border_radius=2)

    def _positions(self, mot):
        n = len(mot)
        largeur = min(100, (self.salle.w - 40) // n - 12)
        total = n * largeur + (n - 1) * 12
        x0 = self.salle.centerx - total // 2
        bas = self.theme.line_height("small") + 12 + 14  # la carte-question sous les tables
        y = max(self.salle.y + 60, min(self.salle.y + 110, self.salle.bottom - bas - TABLE_H))
        return [pygame.Rect(x0 + j * (largeur + 12), y, largeur, TABLE_H) for j in range(n)]

    def _dessiner_salle(self, surface, ecoute, ligne):
        # Long on purpose: it draws one panel top to bottom on one running y (each line's
        # height depends on the lines above); cut in pieces, the y would travel everywhere.
        theme, c, t = self.theme, self.theme.colors, self.t
        mot, place = ecoute.mot, ecoute.place
        tables = self._positions(mot)
        reglage = self.reglage()
        poids = self.affiches.get((self.enigme, self.exemple[self.enigme], self.tete), ecoute.poids)
        # le futur : derrière l'élève qui demande
        if place + 1 < len(mot):
            futur = tables[place + 1].union(tables[-1]).inflate(14, 40).move(0, -6)
            hachures = pygame.Surface(futur.size, pygame.SRCALPHA)
            for x in range(-futur.h, futur.w, 14):
                pygame.draw.line(hachures, (*c.ink_soft, 60), (x, futur.h), (x + futur.h, 0), 2)
            surface.blit(hachures, futur)
            x_mur = (tables[place].right + tables[place + 1].left) // 2
            for y in range(futur.top - 10, futur.bottom + 10, 14):
                pygame.draw.line(surface, c.bad, (x_mur, y), (x_mur, y + 8), 4)
            theme.draw_text(
                surface,
                t("vue.futur"),
                pygame.Rect(futur.x, futur.top - 30, futur.w, 26),
                "small",
                c.bad,
                "center",
                "bottom",
            )
        # les flèches : de l'élève qui demande vers chaque élève écouté
        depart = (tables[place].centerx, tables[place].top)
        for j in range(place + 1):
            w = poids[j] if j < len(poids) else 0.0
            self._fleche(surface, depart, tables[j], w, j == place)
        # les tables
        for j, rect in enumerate(tables):
            visible = j <= place
            self._dessiner_eleve(
                surface,
                rect,
                mot[j] if visible else "?",
                j,
                visible,
                j == place,
                reglage["panneau"],
                mot,
            )
            if visible:
                w = ecoute.poids[j]
                etiquette = self.pourcent(w)
                largeur = max(64, theme.font("small").size(etiquette)[0] + 14)
                fond = pygame.Rect(0, 0, largeur, theme.line_height("small") + 6)
                fond.midbottom = (rect.centerx + (14 if j == place else 0), rect.top - 4)
                pygame.draw.rect(surface, c.panel, fond, border_radius=8)
                pygame.draw.rect(surface, c.accent if w >= 0.5 else c.panel_edge, fond, 2, 8)
                theme.draw_text(surface, etiquette, fond, "small", c.ink, "center", "middle")
        # la carte-question sous l'élève qui demande
        asker = tables[place]
        q = reglage["question"]
        texte = t("vue.carte_question", voyelle=signe(q[0]), place=signe(q[1]))
        largeur = min(self.salle.w - 20, theme.font("small").size(texte)[0] + 28)
        carte = pygame.Rect(0, 0, largeur, theme.line_height("small") + 14)
        carte.midtop = (asker.centerx, asker.bottom + 12)
        carte.clamp_ip(self.salle.inflate(-4, 40))
        pygame.draw.line(
            surface, c.accent, (asker.centerx, asker.bottom), (asker.centerx, carte.top), 3
        )
        theme.draw_panel(surface, carte, fill=melange(c.panel, c.accent, 0.12), edge=c.accent)
        theme.draw_text(surface, texte, carte.inflate(-12, -6), "small", c.ink, "center", "middle")

    def _fleche(self, surface, depart, cible, poids, soi):
        c = self.theme.colors
        epaisseur = max(1, round(1 + 15 * poids))
        couleur = melange(c.ink_soft, c.accent, min(1.0, 0.3 + poids))
        if soi:  # une boucle : l'élève s'écoute lui-même
            centre = (cible.centerx - 14, cible.top - 30)
            pygame.draw.circle(surface, couleur, centre, 18, epaisseur)
            return
        fin = (cible.centerx, cible.top - 30)
        haut = min(depart[1], fin[1]) - 30 - 0.18 * abs(depart[0] - fin[0])
        haut = max(self.salle.top + 2, haut)
        controle = ((depart[0] + fin[0]) / 2, haut)
        points = []
        for k in range(21):
            s = k / 20
            x = (1 - s) ** 2 * depart[0] + 2 * (1 - s) * s * controle[0] + s**2 * fin[0]
            y = (1 - s) ** 2 * (depart[1] - 6) + 2 * (1 - s) * s * controle[1] + s**2 * fin[1]
            points.append((x, y))
        pygame.draw.lines(surface, couleur, False, points, epaisseur)
        # la pointe
        (x1, y1), (x2, y2) = points[-2], points[-1]
        angle = math.atan2(y2 - y1, x2 - x1)
        taille = 8 + epaisseur
        pointe = [
            (x2 + 2 * math.cos(angle), y2 + 2 * math.sin(angle)),
            (x2 - taille * math.cos(angle - 0.5), y2 - taille * math.sin(angle - 0.5)),
            (x2 - taille * math.cos(angle + 0.5), y2 - taille * math.sin(angle + 0.5)),
        ]
        pygame.draw.polygon(surface, couleur, pointe)

    def _dessiner_eleve(self, surface, rect, lettre, j, visible, demande, panneau, mot):
        theme, c, t = self.theme, self.theme.colors, self.t
        if not visible:
            pygame.draw.rect(surface, c.disabled, rect, border_radius=12)
            pygame.draw.rect(surface, c.disabled_ink, rect, 2, border_radius=12)
            theme.draw_text(
                surface,
                "?",
                rect.inflate(0, -40).move(0, -8),
                "title",
                c.disabled_ink,
                "center",
                "middle",
            )
            theme.draw_text(
                surface,
                t("vue.table", n=j + 1),
                pygame.Rect(rect.x, rect.bottom - 30, rect.w, 26),
                "small",
                c.disabled_ink,
                "center",
                "middle",
            )
            return
        fond = melange(c.panel, c.accent, 0.16) if demande else c.panel
        theme.draw_panel(
            surface,
            rect,
            fill=fond,
            edge=c.accent if demande else c.panel_edge,
            width=4 if demande else 2,
        )
        theme.draw_text(
            surface,
            lettre,
            pygame.Rect(rect.x, rect.y + 4, rect.w, 52),
            "title",
            c.ink,
            "center",
            "middle",
        )
        # le panneau : les spécialités, écrites en taille `panneau`
        voyelle, numero = logic.specialites(mot, j)
        y = rect.y + 60
        if voyelle and panneau[0]:
            self._puce_panneau(surface, rect, y, t("vue.voyelle"), panneau[0], c.second)
        y += self._hauteur_puce(rect) + 2
        if panneau[1]:
            self._puce_panneau(surface, rect, y, f"n° {int(numero)}", panneau[1], c.series[2])

    def _hauteur_puce(self, rect):
        """Deux puces tiennent sous la lettre ; aux grandes tailles, elles grandissent."""
        return max(22, min(self.theme.line_height("small") + 2, (rect.h - 66) // 2 - 2))

    def _puce_panneau(self, surface, rect, y, texte, taille, couleur):
        theme = self.theme
        role = {1: "tiny", 2: "small", 3: "body"}.get(taille, "tiny")
        puce = pygame.Rect(rect.x + 6, y, rect.w - 12, self._hauteur_puce(rect))
        pygame.draw.rect(
            surface, melange(theme.colors.panel, couleur, 0.25 * taille), puce, border_radius=6
        )
        theme.draw_text(surface, texte, puce, role, theme.colors.ink, "center", "middle")

    def _dessiner_prediction(self, surface, ligne):
        theme, c, t = self.theme, self.theme.colors, self.t
        zone = self.zone_prediction
        if len(ligne) == 1:
            cible = t("vue.cible", lettre=ligne[0].cible)
        else:
            cible = t("vue.cible_tetes", l1=ligne[0].cible, l2=ligne[1].cible)
        largeur = min(theme.font("body").size(cible)[0] + 8, zone.w * 2 // 5)
        gauche = pygame.Rect(zone.x, zone.y, largeur, zone.h)
        theme.draw_text(surface, cible, gauche, "body", c.ink, "left", "middle")
        x = gauche.right + 8
        largeur = (zone.right - x) // len(ligne) - 8
        for ecoute in ligne:
            lettre = ecoute.prediction
            proba = self.pourcent(ecoute.reponse[lettre])
            ex_aequo = sum(
                1 for p in ecoute.reponse.values() if abs(p - ecoute.reponse[lettre]) < 1e-9
            )
            if ex_aequo > 1:
                texte = t("vue.hesite")
            elif len(ligne) > 1:
                texte = t("vue.prediction_tete", n=ecoute.tete + 1, lettre=lettre, proba=proba)
            else:
                texte = t("vue.prediction", lettre=lettre, proba=proba)
            juste = ecoute.juste
            couleur = c.good if juste else c.warn
            boite = pygame.Rect(x, zone.y + 2, largeur, zone.h - 4)
            pygame.draw.rect(surface, melange(c.panel, couleur, 0.22), boite, border_radius=10)
            pygame.draw.rect(surface, couleur, boite, 2, border_radius=10)
            icone = pygame.Rect(boite.x + 8, boite.centery - 13, 26, 26)
            self.ui.draw_icon(surface, "check" if juste else "cross", icone, couleur)
            texte_rect = pygame.Rect(
                icone.right + 8, boite.y, boite.right - icone.right - 14, boite.h
            )
            theme.draw_text(surface, texte, texte_rect, "small", c.ink, "left", "middle")
            x += largeur + 8

    def _dessiner_puce(self, surface, rect, ex, ligne, choisie):
        theme, c = self.theme, self.theme.colors
        score = sum(e.proba_cible for e in ligne) / len(ligne)
        couleur = c.good if score >= logic.SEUIL_REUSSITE else (c.warn if score >= 0.5 else c.bad)
        if choisie:
            pygame.draw.rect(surface, c.accent, rect.inflate(6, 6), 4, border_radius=16)
        debut = ex.mot[: ex.place + 1]
        haut = pygame.Rect(rect.x + 6, rect.y + 4, rect.w - 12, rect.h - 26)
        theme.draw_text(surface, f"{debut}…", haut, "body", c.ink, "center", "middle")
        bas = pygame.Rect(rect.x + 10, rect.bottom - 20, rect.w - 20, 10)
        pygame.draw.rect(surface, c.disabled, bas, border_radius=4)
        plein = bas.copy()
        plein.w = round(bas.w * score)
        pygame.draw.rect(surface, couleur, plein, border_radius=4)

    def _rangs_titre(self, texte):
        """{("titre"|"reussite", role): rect} of the panel's top line: « Réglages » on the
        left and the score on the right, side by side. At large text sizes, when both do
        not fit, the heading gets smaller, then gives its place to the score."""
        theme, d = self.theme, self.droite
        ligne = pygame.Rect(d.x + 16, d.y + 12, d.w - 32, 42)
        score_w = theme.font("body").size(texte)[0]
        score = pygame.Rect(ligne.right - score_w, ligne.y, score_w, ligne.h)
        for role in ("heading", "body"):
            titre_w = theme.font(role).size(self.t("vue.reglages"))[0]
            if titre_w + 12 + score_w <= ligne.w:
                titre = pygame.Rect(ligne.x, ligne.y, titre_w, ligne.h)
                return {("titre", role): titre, ("reussite", "body"): score}
        score.x = ligne.x
        return {("reussite", "body"): score}

    def _dessiner_droite(self, surface, ecoute):
        theme, c, t = self.theme, self.theme.colors, self.t
        d = self.droite
        # le panneau est dessiné sous les widgets : on le dessine d'abord puis on redessine
        enigme = self.enigmes[self.enigme]
        reglage = self.reglage()
        self.rangs_titre = {}
        if enigme.tetes == 1:
            score = self.calculs()["tetes"][self.enigme][0]
            texte = t("vue.reussite_enigme", score=self.pourcent(score))
            couleur = c.good if score >= logic.SEUIL_REUSSITE else c.ink
            self.rangs_titre = self._rangs_titre(texte)
            for (mot, role), rect in self.rangs_titre.items():
                teinte = c.ink if mot == "titre" else couleur
                ecrit = t("vue.reglages") if mot == "titre" else texte
                theme.draw_text(surface, ecrit, rect, role, teinte, "left", "middle")
        y_sous_titre = None
        for carte, axe, ligne, moins, _plus in self.lignes:
            if axe == logic.AXES[0]:
                y_sous_titre = ligne.y - theme.line_height("small") - 4
                couleur = c.accent if carte == "question" else c.second
                theme.text(surface, t(f"vue.{carte}"), (ligne.x, y_sous_titre), "small", couleur)
            valeur = reglage[carte][logic.AXES.index(axe)]
            theme.draw_text(
                surface,
                t(f"vue.{axe}"),
                pygame.Rect(ligne.x + 8, ligne.y, moins.rect.x - ligne.x - 16, ligne.h),
                "body",
                c.ink,
                "left",
                "middle",
            )
            boite = pygame.Rect(moins.rect.right + 6, ligne.y + 2, 56, 40)
            boite.centerx = (moins.rect.right + _plus.rect.left) // 2
            pygame.draw.rect(surface, c.panel, boite, border_radius=8)
            pygame.draw.rect(surface, c.panel_edge, boite, 2, border_radius=8)
            texte = signe(valeur) if carte == "question" else str(valeur)
            theme.draw_text(surface, texte, boite, "heading", c.ink, "center", "middle")
        crans = self.partie.etat.crans
        au_but = self.partie.etat.au_but  # the star reads the notches when the goal was met
        lus = au_but["crans"] if au_but else crans
        couleur = c.ink if lus <= logic.CRANS_MAX_ETOILE else c.warn
        if au_but:
            texte_crans = t("vue.crans_au_but", n=lus, max=logic.CRANS_MAX_ETOILE, total=crans)
        else:
            texte_crans = t("vue.crans", n=crans, max=logic.CRANS_MAX_ETOILE)
        theme.draw_text(
            surface,
            texte_crans,
            (d.x + 24, self.y_crans, d.w - 48, self.hauteur_crans),
            "small",
            couleur,
        )
        if self.message:
            boite = pygame.Rect(d.x + 16, self.y_crans - 4, d.w - 32, 60)
            theme.draw_text(surface, self.message, boite, "small", c.bad, "right")
        self._dessiner_carte(surface, ecoute)

    def _dessiner_carte(self, surface, ecoute):
        """La carte « qui écoute qui ? » : chaque élève du mot (ligne) écoute ceux de devant."""
        theme, c, t = self.theme, self.theme.colors, self.t
        zone = self.carte_rect
        theme.text(surface, t("vue.carte_thermique"), (zone.x, zone.y), "small", c.ink)
        mot = ecoute.mot
        n = len(mot)
        haut = zone.y + theme.line_height("small") + 6
        bas = theme.line_height("small") + 2
        cote = max(12, min(30, (zone.h - (haut - zone.y) - bas) // n, (zone.w - 40) // n))
        x0 = zone.x + 30
        reglage = self.reglage()
        for i in range(n):
            theme.draw_text(
                surface,
                mot[i],
                pygame.Rect(zone.x, haut + i * cote, 26, cote),
                "small",
                c.accent if i == ecoute.place else c.ink,
                "center",
                "middle",
            )
            poids, _ = logic.ecouter(mot, i, reglage)
            for j in range(n):
                cellule = pygame.Rect(x0 + j * cote, haut + i * cote, cote - 2, cote - 2)
                if j > i:  # le futur : interdit
                    pygame.draw.rect(surface, c.disabled, cellule)
                    pygame.draw.line(
                        surface, c.disabled_ink, cellule.topleft, cellule.bottomright, 1
                    )
                else:
                    pygame.draw.rect(surface, theme.heat_color(poids[j]), cellule)
            if i == ecoute.place:
                cadre = pygame.Rect(x0 - 2, haut + i * cote - 2, n * cote + 2, cote + 2)
                pygame.draw.rect(surface, c.accent, cadre, 3, border_radius=4)
        for j in range(n):
            theme.draw_text(
                surface,
                mot[j],
                pygame.Rect(x0 + j * cote, haut + n * cote, cote, theme.line_height("small")),
                "small",
                c.ink_soft,
                "center",
                "middle",
            )
        legende = pygame.Rect(x0 + n * cote + 12, haut, zone.right - (x0 + n * cote + 12), n * cote)
        if legende.w > 60:
            theme.draw_text(
                surface, t("vue.futur_aide"), legende, "small", c.ink_soft, "left", "middle"
            )
