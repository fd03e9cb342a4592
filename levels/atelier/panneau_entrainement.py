"""L'onglet « Entraînement » de l'atelier (niveau 5 et bac à sable).

Réglages, Entraîner / Stop / Recommencer, barre de progression, courbe de la perte
contre la ligne à battre, aperçu des mots inventés pendant l'entraînement. `a` est la
vue (`levels.atelier.vue.VueAtelier`) : la partie, le travail en cours, les messages.
"""

import math

import pygame

from levels.atelier import donnees as atelier
from levels.atelier import logique
from levels.atelier.commun import Panneau, nombre, texte

DUREES = (50, 2000, 50)  # le curseur « durée » : de 50 à 2 000 pas, par 50


def _format_choix(parametre, ctx):
    choix = atelier.CHOIX[parametre]

    def fmt(i):
        valeur = choix[min(len(choix) - 1, max(0, round(i)))]
        if parametre == "lr":
            return nombre(ctx, valeur, 3).rstrip("0").rstrip(",.")
        return nombre(ctx, valeur, 0)

    return fmt


class PanneauEntrainement(Panneau):
    def preparer(self):
        self.attente = {}  # paramètre → valeur du curseur pas encore jouée

    def construire(self):
        # Long on purpose: the layout reads top to bottom, one widget after the other on one
        # running y; cut in pieces, every piece would need the whole list of measures.
        ui, theme, ctx = self.ctx.ui, self.theme, self.ctx
        r = self.rect
        self.box = ui.Container(theme)
        self.gauche = pygame.Rect(r.x, r.y, 330, r.h)
        self.droite = pygame.Rect(r.right - 300, r.y, 300, r.h)
        self.centre = pygame.Rect(
            self.gauche.right + 16, r.y, self.droite.x - self.gauche.right - 32, r.h
        )
        g = self.gauche.inflate(-28, 0)
        y = self.gauche.y + theme.line_height("heading") + 18
        hauteur = theme.line_height("body") + 30
        self.curseurs = {}
        etat = self.a.etat
        for parametre in ("n_embd", "n_head", "lr", "batch"):
            choix = atelier.CHOIX[parametre]
            valeur = etat.reglages[parametre]
            index = choix.index(valeur) if valeur in choix else 0
            curseur = ui.Slider(
                theme,
                (g.x, y, g.w, hauteur),
                texte(ctx, parametre),
                0,
                len(choix) - 1,
                index,
                step=1,
                on_change=lambda v, p=parametre: self.attente.__setitem__(p, v),
                fmt=_format_choix(parametre, ctx),
                tooltip=texte(ctx, f"{parametre}_aide"),
            )
            self.curseurs[parametre] = self.box.add(curseur)
            y += hauteur + 6
        bas, haut, pas = DUREES
        duree = ui.Slider(
            theme,
            (g.x, y, g.w, hauteur),
            texte(ctx, "etapes"),
            bas,
            haut,
            min(haut, max(bas, etat.reglages["etapes"])),
            step=pas,
            on_change=lambda v: self.attente.__setitem__("etapes", v),
            fmt=lambda v: nombre(ctx, v, 0),
            tooltip=texte(ctx, "etapes_aide"),
        )
        self.curseurs["etapes"] = self.box.add(duree)
        y += hauteur + 8
        self.y_parametres = y
        # au centre : les boutons, la barre de progression et la courbe
        h = theme.control_height
        c = self.centre
        carre = h + 6
        # « Recommencer » garde la taille de ses mots, « Entraîner » prend le reste
        mots = theme.font("body").size(texte(ctx, "recommencer"))[0] + 2 * theme.pad + 12
        large = max((c.w - carre - 20) * 2 // 5, c.w - carre - 20 - mots)
        self.bouton_entrainer = self.box.add(
            ui.Button(
                theme, (c.x, c.y, large, h), texte(ctx, "entrainer"), self.a.entrainer, icon="play"
            )
        )
        self.bouton_stop = self.box.add(
            ui.Button(
                theme,
                (c.x + large + 10, c.y, carre, h),
                "",
                self.a.arreter,
                icon="stop",
                style="secondary",
                tooltip=texte(ctx, "stop"),
            )
        )
        x = c.x + large + carre + 20
        self.bouton_recommencer = self.box.add(
            ui.Button(
                theme,
                (x, c.y, c.right - x, h),
                texte(ctx, "recommencer"),
                self.recommencer,
                style="danger",
                tooltip=texte(ctx, "recommencer_aide"),
            )
        )
        y = c.y + h + 12
        hauteur_barre = theme.line_height("body") + 30
        # les pas : un seul nombre, « Pas 32 sur 300 », sans pourcentage (le seul pourcentage
        # de l'écran est celui de l'hôte, « vers l'objectif » : la perte de validation)
        self.rect_pas = pygame.Rect(c.x, y, c.w, hauteur_barre)
        self.pas_fait, self.pas_total, self.pas_texte = 0, 0, ""
        y += hauteur_barre + 10
        self.courbe = ui.LineChart(
            theme,
            (c.x, y, c.w, c.bottom - y),
            texte(ctx, "courbe"),
            series=(texte(ctx, "perte"),),
            x_label=texte(ctx, "pas"),
            empty_text=texte(ctx, "inventes_vide"),
        )
        self.box.add(self.courbe)
        self.maj()

    def recommencer(self):
        if self.a.jouer({"type": "recommencer"}) is None:
            self.attente.clear()
            self.maj()

    def maj(self):
        """Active ou grise les contrôles selon l'état (entraînement commencé, en cours…)."""
        etat = self.a.etat
        occupe = self.a.occupe
        verrou = etat.poids is not None
        for parametre, curseur in self.curseurs.items():
            if parametre == "etapes":
                budget = getattr(self.a.niveau, "budget_pas", None)  # level 5: at most this
                curseur.enabled = not occupe
                if budget is not None:
                    curseur.tooltip = texte(self.ctx, "budget", n=budget(etat))
            else:
                curseur.enabled = not (verrou or occupe)
                curseur.tooltip = (
                    texte(self.ctx, "verrou") if verrou else texte(self.ctx, f"{parametre}_aide")
                )
            if parametre not in self.attente and not curseur.dragging:
                valeur = etat.reglages[parametre]
                if parametre != "etapes":
                    choix = atelier.CHOIX[parametre]
                    valeur = choix.index(valeur) if valeur in choix else 0
                curseur.set_value(valeur, notify=False)
        raison = self.a.niveau.peut_entrainer(etat)
        restantes = etat.reglages["etapes"] - etat.etape
        self.bouton_entrainer.enabled = not occupe and not raison and restantes > 0
        self.bouton_entrainer.tooltip = raison or (
            texte(self.ctx, "fini") if restantes <= 0 else None
        )
        self.bouton_stop.enabled = occupe
        self.bouton_recommencer.enabled = verrou and not occupe

    def _jouer_attente(self):
        for parametre, valeur in list(self.attente.items()):
            curseur = self.curseurs[parametre]
            if curseur.dragging:
                continue
            del self.attente[parametre]
            if parametre != "etapes":
                valeur = atelier.CHOIX[parametre][int(round(valeur))]
            if valeur != self.a.etat.reglages[parametre]:
                action = {"type": "regler", "parametre": parametre, "valeur": valeur}
                self.a.jouer(action)

    def update(self, dt):
        self.box.update(dt)
        self._jouer_attente()
        self.maj()
        etat = self.a.etat
        total = etat.reglages["etapes"]
        fait = etat.etape
        if self.a.occupe and self.a.live:
            fait = max(fait, self.a.live[-1][0])
        self.pas_fait, self.pas_total = fait, total
        self.pas_texte = texte(
            self.ctx, "progression", fait=nombre(self.ctx, fait), total=nombre(self.ctx, total)
        )
        points = self.a.courbe()
        serie = next(iter(self.courbe.series))
        self.courbe.series[serie] = list(points)
        valeur, etiquette = self.a.ligne_reference()
        self.courbe.reference, self.courbe.reference_label = valeur, etiquette
        validation = [(x, y) for x, y in etat.points_val]
        nom_val = texte(self.ctx, "validation_courte")
        if validation:
            self.courbe.series[nom_val] = validation
        else:
            self.courbe.series.pop(nom_val, None)

    def draw(self, surface):
        theme, c, ctx = self.theme, self.theme.colors, self.ctx
        etat = self.a.etat
        theme.draw_panel(surface, self.gauche)
        theme.draw_panel(surface, self.droite)
        titre = pygame.Rect(
            self.gauche.x + 14, self.gauche.y + 10, self.gauche.w - 28, theme.line_height("heading")
        )
        theme.draw_text(surface, texte(ctx, "titre_reglages"), titre, "heading", c.ink)
        n = self.a.niveau.nombre_parametres(etat)
        infos = pygame.Rect(
            self.gauche.x + 14,
            self.y_parametres,
            self.gauche.w - 28,
            self.gauche.bottom - 10 - self.y_parametres,
        )
        lignes = [texte(ctx, "parametres", n=nombre(ctx, n))]
        lignes.append(texte(ctx, "donnees", n=nombre(ctx, self.a.niveau.donnees(etat).nombre_mots)))
        lignes += self.lignes_essai()
        if infos.h >= theme.line_height("small"):
            theme.draw_text(surface, "\n".join(lignes), infos, "small", c.ink_soft)
        self._dessiner_pas(surface)
        self.box.draw(surface)
        self._dessiner_barre_fixe(surface)
        self._dessiner_droite(surface)
        self.box.tooltip.draw(surface)

    def lignes_essai(self):
        """Le dernier modèle jeté (ce qu'il a donné), pour comparer les réglages."""
        essais = self.a.etat.essais
        if not essais:
            return []
        ctx, dernier = self.ctx, essais[-1]
        if dernier["explose"]:
            issue = texte(ctx, "essai_explose")
        elif dernier["perte_val"] is not None:
            issue = texte(ctx, "essai_perte", perte=nombre(ctx, dernier["perte_val"], 2))
        else:
            issue = "…"
        vitesse = _format_choix("lr", ctx)(atelier.CHOIX["lr"].index(dernier["lr"]))
        lot = nombre(ctx, dernier["batch"])
        return [texte(ctx, "essai", vitesse=vitesse, lot=lot, issue=issue)]

    def _dessiner_pas(self, surface):
        """« Pas 32 sur 300 » et une barre qui avance avec les pas (sans pourcentage)."""
        theme, c = self.theme, self.theme.colors
        r = self.rect_pas
        haut = min(theme.line_height("body"), r.h // 2)
        theme.draw_text(surface, self.pas_texte, (r.x, r.y, r.w, haut), "body", c.ink)
        barre = pygame.Rect(r.x, r.y + haut + 4, r.w, r.h - haut - 4)
        rayon = min(theme.radius, barre.h // 2)
        pygame.draw.rect(surface, c.panel, barre, border_radius=rayon)
        part = min(1.0, self.pas_fait / self.pas_total) if self.pas_total else 0.0
        if part > 0:
            plein = pygame.Rect(barre.x, barre.y, round(barre.w * part), barre.h)
            pygame.draw.rect(surface, c.second, plein, border_radius=rayon)
        pygame.draw.rect(surface, c.panel_edge, barre, 2, border_radius=rayon)

    def _dessiner_barre_fixe(self, surface):
        """La barre du niveau (s'il y en a une), en pointillés verts, et la ligne du hasard
        (ln du vocabulaire : au-dessus, l'entraînement a explosé), sur la courbe."""
        if not self.courbe.series:
            return
        c = self.theme.colors
        valeur = self.a.niveau.barre(self.a.etat)
        reference = self.courbe.reference
        if valeur is not None and (reference is None or abs(valeur - reference) >= 1e-9):
            etiquette = texte(self.ctx, "barre", valeur=nombre(self.ctx, valeur, 2))
            self._pointilles(surface, valeur, etiquette, c.good, a_gauche=True)
        self.hasard = math.log(len(self.a.niveau.donnees(self.a.etat).vocab))
        etiquette = texte(self.ctx, "hasard", valeur=nombre(self.ctx, self.hasard, 2))
        self._pointilles(surface, self.hasard, etiquette, c.bad, a_gauche=False)

    def _pointilles(self, surface, valeur, etiquette, couleur, a_gauche):
        lo, hi = self.courbe.y_range()
        if not lo <= valeur <= hi or hi <= lo:
            return
        plot = self.courbe.plot_rect()
        y = plot.bottom - (valeur - lo) / (hi - lo) * plot.h
        for x in range(plot.x, plot.right, 14):
            pygame.draw.line(surface, couleur, (x, y), (min(x + 7, plot.right), y), 3)
        # son nom sur une étiquette : la barre à gauche, sous la ligne ; le hasard à droite
        rendu = self.theme.render(etiquette, "small", couleur)
        boite = rendu.get_rect(topleft=(plot.x + 40, y + 6)).inflate(10, 4)
        if not a_gauche:
            boite.topright = (plot.right - 20, y + 6)
        pygame.draw.rect(surface, self.theme.colors.panel, boite, border_radius=6)
        pygame.draw.rect(surface, couleur, boite, 2, border_radius=6)
        surface.blit(rendu, rendu.get_rect(center=boite.center))

    def _dessiner_droite(self, surface):
        # Long on purpose: it draws one panel top to bottom on one running y (each line's
        # height depends on the lines above); cut in pieces, the y would travel everywhere.
        theme, c, ctx = self.theme, self.theme.colors, self.ctx
        d = self.droite.inflate(-28, -20)
        y = d.y
        titre = texte(ctx, "inventes_court")
        hauteur_titre = theme.text_height(titre, d.w, "heading")
        theme.draw_text(surface, titre, (d.x, y, d.w, hauteur_titre), "heading")
        y += hauteur_titre + 6
        # en bas, la validation et un message : les mots inventés prennent ce qui reste
        bas = 2 * theme.line_height("small") + theme.line_height("heading") + 3 * 20
        bas += 3 * theme.line_height("small")
        ligne_mot = theme.line_height("heading") + 2
        place = max(1, (d.bottom - bas - y - theme.line_height("small") - 4) // ligne_mot)
        inventes = self.a.mots_inventes()
        if inventes is None:
            theme.draw_text(
                surface, texte(ctx, "inventes_vide"), (d.x, y, d.w, 100), "small", c.ink_soft
            )
            y += 100
        else:
            pas, mots = inventes
            theme.text(
                surface,
                texte(ctx, "inventes_pas", n=nombre(ctx, pas)),
                (d.x, y),
                "small",
                c.ink_soft,
            )
            y += theme.line_height("small") + 4
            for mot in mots[:place]:
                theme.draw_text(
                    surface,
                    mot or "…",
                    (d.x + 10, y, d.w - 10, theme.line_height("heading")),
                    "heading",
                    c.accent,
                )
                y += theme.line_height("heading") + 2
        y += 10
        etat = self.a.etat
        # la perte de validation : le chiffre de l'objectif, en grand
        if etat.perte_val is None:
            validation = texte(ctx, "validation_aucune")
            hauteur = theme.text_height(validation, d.w, "small")
            theme.draw_text(surface, validation, (d.x, y, d.w, hauteur), "small", c.ink_soft)
            y += hauteur + 8
        else:
            cle = "validation_titre" if self.a.niveau.id == "l5_gpt" else "validation_titre_mots"
            titre = texte(ctx, cle)
            hauteur = theme.text_height(titre, d.w, "small")
            theme.draw_text(surface, titre, (d.x, y, d.w, hauteur), "small", c.ink)
            y += hauteur
            couleur = c.good if self.a.partie.termine() else c.ink
            chiffre = nombre(ctx, etat.perte_val, 2)
            theme.draw_text(
                surface, chiffre, (d.x, y, d.w, theme.line_height("heading")), "heading", couleur
            )
            y += theme.line_height("heading") + 8
        message, couleur = self.a.message, c.good if self.a.message_bon else c.bad
        if not message and self.a.occupe:
            message, couleur = texte(ctx, "occupe"), c.second
        elif not message and etat.explose is not None:
            message, couleur = message_explosion(ctx, etat.explose), c.bad
        elif not message and logique.appris_par_coeur(etat):
            ecart = logique.moyenne_recente(etat.pertes)
            message = texte(
                ctx,
                "par_coeur",
                entrainement=nombre(ctx, ecart, 2),
                validation=nombre(ctx, etat.perte_val, 2),
            )
            couleur = c.bad
        elif not message and self.a.partie.termine():
            message, couleur = texte(ctx, "bravo") + " " + texte(ctx, "pret"), c.good
        if message:
            theme.draw_text(surface, message, (d.x, y, d.w, d.bottom - y), "small", couleur)


def message_explosion(ctx, explose):
    """« Trop vite ! » : le pas où l'entraînement a explosé, et la perte du hasard."""
    etape, hasard = nombre(ctx, explose["etape"]), nombre(ctx, explose["hasard"], 2)
    return texte(ctx, "explose", etape=etape, hasard=hasard)
