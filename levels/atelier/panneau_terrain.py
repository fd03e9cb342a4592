"""L'onglet « Jouer avec » de l'atelier (niveau 5 et bac à sable).

Créativité (température), « commence par… », inventer des mots, garder ses favoris
(aussi dans le profil), garder son modèle. `a` est la vue (`VueAtelier`).
"""

import pygame

from levels.atelier import donnees as atelier
from levels.atelier.commun import Panneau, nombre, texte
from levels.atelier.logique import modele_en_dict
from levels.atelier.outils import mot_plie

TEMPERATURE_DEPART = 0.6
N_INVENTES = 8


class PanneauTerrain(Panneau):
    def preparer(self):
        self.temperature = TEMPERATURE_DEPART
        self.prefixe = ""

    def construire(self):
        # Long on purpose: the layout reads top to bottom, one widget after the other on one
        # running y; cut in pieces, every piece would need the whole list of measures.
        ui, theme, ctx = self.ctx.ui, self.theme, self.ctx
        r = self.rect
        self.box = ui.Container(theme)
        self.gauche = pygame.Rect(r.x, r.y, 330, r.h)
        # à droite, « Garder mon modèle » garde la taille de ses mots
        mots = theme.font("body").size(texte(ctx, "garder_modele"))[0]
        large = max(320, mots + theme.control_height + 2 * theme.pad + 48)
        self.droite = pygame.Rect(r.right - large, r.y, large, r.h)
        self.centre = pygame.Rect(
            self.gauche.right + 16, r.y, self.droite.x - self.gauche.right - 32, r.h
        )
        g = self.gauche.inflate(-28, 0)
        h = theme.control_height
        y = self.gauche.y + theme.line_height("heading") + 18
        hauteur = theme.line_height("body") + 30
        self.curseur = self.box.add(
            ui.Slider(
                theme,
                (g.x, y, g.w, hauteur),
                texte(ctx, "creativite"),
                atelier.TEMPERATURE_MIN,
                atelier.TEMPERATURE_MAX,
                self.temperature,
                step=0.1,
                on_change=lambda v: setattr(self, "temperature", v),
                fmt=lambda v: nombre(ctx, v, 1),
                tooltip=texte(ctx, "creativite_aide"),
            )
        )
        self.y_aide_creativite = y + hauteur + 2
        y += hauteur + 2 * theme.line_height("small") + 20
        self.y_prefixe = y
        y += theme.line_height("small") + 4
        self.champ = self.box.add(
            ui.TextField(
                theme,
                (g.x, y, g.w, h),
                self.prefixe,
                texte(ctx, "exemple_debut"),
                max_length=atelier.PREFIXE_MAX,
                on_submit=lambda _t: self.inventer(),
                on_change=lambda t: setattr(self, "prefixe", t),
            )
        )
        y += h + 16
        self.bouton_inventer = self.box.add(
            ui.Button(theme, (g.x, y, g.w, h), texte(ctx, "inventer"), self.inventer, icon="play")
        )
        # au centre : les mots inventés, à cliquer pour les garder
        self.boutons_mots = []
        c = self.centre.inflate(-24, 0)
        haut = self.centre.y + theme.line_height("heading") + 22
        largeur = (c.w - 12) // 2
        hauteur_mot = min(h, (self.centre.bottom - 16 - haut) // (N_INVENTES // 2) - 10)
        for k in range(N_INVENTES):
            rect = (
                c.x + (k % 2) * (largeur + 12),
                haut + (k // 2) * (hauteur_mot + 10),
                largeur,
                hauteur_mot,
            )
            bouton = ui.Button(
                theme,
                rect,
                "",
                on_click=lambda k=k: self.garder(k),
                style="secondary",
                tooltip=texte(ctx, "garder"),
            )
            self.boutons_mots.append(self.box.add(bouton))
        # à droite : les favoris et le modèle
        d = self.droite.inflate(-28, 0)
        self.y_favoris = self.droite.y + theme.line_height("heading") + 20
        self.boutons_oublier = []
        ligne = theme.line_height("body") + 10
        for k in range(8):
            rect = (d.right - 44, self.y_favoris + k * ligne, 44, ligne - 6)
            bouton = ui.Button(
                theme,
                rect,
                "×",
                on_click=lambda k=k: self.oublier(k),
                style="secondary",
                tooltip=texte(ctx, "oublier"),
            )
            self.boutons_oublier.append(self.box.add(bouton))
        self.bouton_modele = self.box.add(
            ui.Button(
                theme,
                (d.x, self.droite.bottom - h - 14, d.w, h),
                texte(ctx, "garder_modele"),
                self.garder_modele,
                icon="star",
                style="secondary",
                tooltip=texte(ctx, "garder_modele_aide"),
            )
        )
        self.maj()

    def inventer(self):
        action = {
            "type": "generer",
            "temperature": round(float(self.temperature), 2),
            "prefixe": self.champ.text,
            "n": N_INVENTES,
        }
        refus = self.a.jouer(action)
        plie = mot_plie([self.champ.text])
        if refus is None and plie is not None and not self.a.niveau.donnees(self.a.etat).accents:
            self.a.dire(texte(self.ctx, "accents", avant=plie[0], apres=plie[1]), bon=True)
        self.maj()

    def garder(self, k):
        noms = self.a.etat.noms
        if k < len(noms) and noms[k] and self.a.jouer({"type": "garder", "nom": noms[k]}) is None:
            _synchroniser_favoris(self.ctx, self.a.etat.favoris, ajout=noms[k])
            self.a.son("unlock")
        self.maj()

    def oublier(self, k):
        favoris = self.a.etat.favoris
        if k < len(favoris):
            nom = favoris[k]
            if self.a.jouer({"type": "oublier", "nom": nom}) is None:
                _synchroniser_favoris(self.ctx, self.a.etat.favoris, retrait=nom)
        self.maj()

    def garder_modele(self):
        etat = self.a.etat
        infos = {
            "niveau": self.a.niveau.id,
            "donnees": self.a.niveau.donnees(etat).nom,
            "perte_validation": etat.perte_val,
            "etapes": etat.etape,
        }
        contenu = modele_en_dict(self.a.niveau, etat, infos)
        if contenu is None:
            return
        if not self.ctx.garder_modele(contenu):
            return  # pas de joueur (démonstration), ou le jeu a dit pourquoi (sauvegarde)
        self.a.dire(texte(self.ctx, "modele_garde"), bon=True)
        self.a.son("success")

    def maj(self):
        etat = self.a.etat
        pret = etat.poids is not None and not self.a.occupe
        self.bouton_inventer.enabled = pret
        self.bouton_inventer.tooltip = None if pret else texte(self.ctx, "pas_de_modele")
        self.champ.enabled = pret
        self.curseur.enabled = pret
        for k, bouton in enumerate(self.boutons_mots):
            nom = etat.noms[k] if k < len(etat.noms) else None
            bouton.visible = bool(nom)
            bouton.label = nom or ""
            bouton.enabled = bool(nom) and nom not in etat.favoris and not self.a.occupe
        for k, bouton in enumerate(self.boutons_oublier):
            bouton.visible = k < len(etat.favoris)
        peut_garder = self.ctx.profile is not None
        self.bouton_modele.visible = peut_garder
        self.bouton_modele.enabled = pret and etat.etape > 0

    def draw(self, surface):
        # Long on purpose: it draws one panel top to bottom on one running y (each line's
        # height depends on the lines above); cut in pieces, the y would travel everywhere.
        theme, c, ctx = self.theme, self.theme.colors, self.ctx
        etat = self.a.etat
        for rect in (self.gauche, self.centre, self.droite):
            theme.draw_panel(surface, rect)
        inventes = texte(ctx, "inventes")
        if theme.font("heading").size(inventes)[0] > self.centre.w - 28:
            inventes = texte(ctx, "inventes_court")
        for rect, titre_texte in (
            (self.gauche, texte(ctx, "terrain")),
            (self.centre, inventes),
            (self.droite, texte(ctx, "favoris")),
        ):
            titre = pygame.Rect(rect.x + 14, rect.y + 10, rect.w - 28, theme.line_height("heading"))
            theme.draw_text(surface, titre_texte, titre, "heading", c.ink)
        theme.draw_text(
            surface,
            texte(ctx, "creativite_aide"),
            (
                self.gauche.x + 14,
                self.y_aide_creativite,
                self.gauche.w - 28,
                2 * theme.line_height("small"),
            ),
            "small",
            c.ink_soft,
        )
        theme.text(
            surface,
            texte(ctx, "commence_par"),
            (self.gauche.x + 14, self.y_prefixe),
            "small",
            c.ink,
        )
        if etat.poids is None:
            zone = self.centre.inflate(-40, -120)
            theme.draw_text(
                surface, texte(ctx, "pas_de_modele"), zone, "body", c.ink_soft, "center", "middle"
            )
        else:
            zone = pygame.Rect(self.centre.x + 20, self.centre.bottom - 110, self.centre.w - 40, 96)
            theme.draw_text(
                surface, texte(ctx, "terrain_aide"), zone, "small", c.ink_soft, "center", "bottom"
            )
        self.box.draw(surface)
        d = self.droite.inflate(-28, 0)
        ligne = theme.line_height("body") + 10
        if not etat.favoris:
            theme.draw_text(
                surface,
                texte(ctx, "favoris_vide"),
                (d.x, self.y_favoris, d.w, 90),
                "small",
                c.ink_soft,
            )
        for k, nom in enumerate(etat.favoris[: len(self.boutons_oublier)]):
            y = self.y_favoris + k * ligne
            ctx.ui.draw_icon(
                surface, "star", pygame.Rect(d.x, y + 4, ligne - 14, ligne - 14), c.warn
            )
            theme.draw_text(
                surface,
                nom,
                (d.x + ligne - 6, y, d.w - 56 - ligne, ligne - 6),
                "body",
                c.accent,
                "left",
                "middle",
            )
        reste = len(etat.favoris) - len(self.boutons_oublier)
        if reste > 0:
            y = self.y_favoris + len(self.boutons_oublier) * ligne
            theme.text(surface, f"+ {reste}", (d.x, y), "small", c.ink_soft)
        if self.a.message:
            couleur = c.good if self.a.message_bon else c.bad
            zone = pygame.Rect(
                self.gauche.x + 14,
                self.bouton_inventer.rect.bottom + 12,
                self.gauche.w - 28,
                self.gauche.bottom - self.bouton_inventer.rect.bottom - 20,
            )
            theme.draw_text(surface, self.a.message, zone, "small", couleur)
        self.box.tooltip.draw(surface)


def _synchroniser_favoris(ctx, favoris, ajout=None, retrait=None):
    """Le jeu garde les favoris dans le profil du joueur (s'il y en a un)."""
    if ctx.profile is None:
        return
    liste = ctx.profile.favourite_names
    if ajout and ajout not in liste:
        liste.append(ajout)
    if retrait and retrait in liste:
        liste.remove(retrait)
