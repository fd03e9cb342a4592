"""Vue du bac à sable : choisir ses mots, entraîner le petit GPT, jouer avec.

Les onglets « Entraînement » et « Jouer avec » sont ceux du niveau 5
(`levels.atelier`). L'onglet « Les mots » choisit un jeu de données du jeu,
ou la liste de l'enfant (tapée, ou lue dans un fichier .txt) : une liste qui ne
va pas est refusée avec un message en français qui dit quelles lignes corriger.
"""

import pygame

from engine.donnees import ErreurDonnees
from levels.atelier.commun import nombre, texte
from levels.atelier.outils import mot_plie
from levels.atelier.vue import VueAtelier
from levels.bac_a_sable import logic
from levels.vue import melange

SEPARATEURS = (",", ";", "\n")
LISTE_MAX = 2000  # caractères tapés dans le champ de la liste


def lignes_tapees(texte):
    """Le texte tapé par l'enfant (« lina, zoé, hugo ») → une ligne par mot."""
    for separateur in SEPARATEURS[1:]:
        texte = texte.replace(separateur, SEPARATEURS[0])
    morceaux = [morceau.strip() for morceau in texte.split(SEPARATEURS[0])]
    while morceaux and not morceaux[-1]:
        morceaux.pop()
    return morceaux


class VueBac(VueAtelier):
    ONGLETS = ("mots", "entrainement", "terrain")

    def __init__(self, niveau, partie, ctx):
        super().__init__(niveau, partie, ctx)
        self.texte_liste = ""
        self.texte_chemin = ""
        self.construire()

    def libelle_onglet(self, nom):
        return self.t("onglet_mots") if nom == "mots" else super().libelle_onglet(nom)

    def construire_propre(self, r):
        # Long on purpose: the layout reads top to bottom, one widget after the other on one
        # running y; cut in pieces, every piece would need the whole list of measures.
        ui, theme, t = self.ui, self.theme, self.t
        self.box_propre = ui.Container(theme)
        self.gauche = pygame.Rect(r.x, r.y, 420 + 40 * theme.text_size, r.h)
        self.droite = pygame.Rect(
            self.gauche.right + 16, r.y, r.right - self.gauche.right - 16, r.h
        )
        g = self.gauche.inflate(-28, 0)
        y = self.gauche.y + theme.line_height("heading") + 22
        self.jeux = {}
        exemples = max(
            theme.text_height(t(f"jeux.{nom}_exemples"), g.w - 24, "small") for nom in logic.JEUX
        )
        hauteur = max(96, 14 + theme.line_height("body") + 4 + exemples + 12)
        hauteur = min(hauteur, (self.gauche.bottom - 12 - y) // len(logic.JEUX) - 12)
        for nom in logic.JEUX:
            bouton = ui.Button(
                theme,
                (g.x, y, g.w, hauteur),
                "",
                on_click=lambda n=nom: self.choisir_jeu(n),
                style="secondary",
                tooltip=t(f"jeux.{nom}_aide"),
            )
            self.jeux[nom] = self.box_propre.add(bouton)
            y += hauteur + 12
        d = self.droite.inflate(-28, 0)
        h = theme.control_height
        y = self.droite.y + theme.line_height("heading") + 22 + theme.line_height("small") + 6
        self.champ_liste = self.box_propre.add(
            ui.TextField(
                theme,
                (d.x, y, d.w, h),
                self.texte_liste,
                t("liste_exemple"),
                max_length=LISTE_MAX,
                on_change=lambda v: setattr(self, "texte_liste", v),
                on_submit=lambda _v: self.utiliser_liste(),
            )
        )
        y += h + 10
        self.bouton_liste = self.box_propre.add(
            ui.Button(
                theme,
                (d.right - 320, y, 320, h),
                t("utiliser_liste"),
                self.utiliser_liste,
                icon="check",
            )
        )
        y += h + 26
        self.y_fichier = y
        y += theme.line_height("small") + 6
        self.champ_chemin = self.box_propre.add(
            ui.TextField(
                theme,
                (d.x, y, d.w, h),
                self.texte_chemin,
                t("fichier_exemple"),
                max_length=300,
                on_change=lambda v: setattr(self, "texte_chemin", v),
                on_submit=lambda _v: self.ouvrir_fichier(),
            )
        )
        y += h + 10
        self.bouton_fichier = self.box_propre.add(
            ui.Button(
                theme,
                (d.right - 320, y, 320, h),
                t("ouvrir_fichier"),
                self.ouvrir_fichier,
                icon="right",
                style="secondary",
            )
        )
        self.y_message = y + h + 16

    # ------------------------------------------------------------------ actions
    def choisir_jeu(self, nom):
        if self.partie.etat.source == nom:
            self.choisir("entrainement")
            return
        refus = self.jouer({"type": "choisir_donnees", "nom": nom})
        if refus is None:
            self.dire(self.t("choisi", nom=self.t(f"jeux.{nom}")), bon=True)
        else:
            self.dire(refus)

    def _liste(self, lignes, nom, tapee):
        action = {"type": "liste_perso", "nom": nom[: logic.NOM_LISTE_MAX], "lignes": lignes}
        refus = self.jouer(action)
        if refus is None:
            n = len(self.partie.etat.mots_perso)
            message = self.t("liste_ok", n=n)
            plie = mot_plie(lignes)
            if plie is not None:
                message += " " + texte(self.ctx, "accents", avant=plie[0], apres=plie[1])
            self.dire(message, bon=True)
        else:
            if tapee:  # dans le champ, chaque « ligne » est un mot de la liste
                refus = refus.replace("ligne ", self.t("mot_numero") + " ")
            self.dire(refus)

    def utiliser_liste(self):
        self._liste(lignes_tapees(self.texte_liste), self.t("ma_liste"), tapee=True)

    def ouvrir_fichier(self):
        chemin = self.texte_chemin.strip().strip('"')
        if not chemin:
            self.dire(self.t("fichier_vide"))
            return
        try:
            lignes = logic.lignes_du_fichier(chemin)
        except ErreurDonnees as erreur:
            self.dire(str(erreur))
            self.son("error")
            return
        nom = chemin.replace("\\", "/").rsplit("/", 1)[-1] or self.t("ma_liste")
        self._liste(lignes, nom, tapee=False)

    def maj_propre(self):
        occupe = self.occupe
        for nom, bouton in self.jeux.items():
            bouton.style = "primary" if self.partie.etat.source == nom else "secondary"
            bouton.enabled = not occupe
        for widget in (self.champ_liste, self.bouton_liste, self.champ_chemin, self.bouton_fichier):
            widget.enabled = not occupe

    def dessiner_propre(self, surface):
        # Long on purpose: it draws one panel top to bottom on one running y (each line's
        # height depends on the lines above); cut in pieces, the y would travel everywhere.
        theme, c, t = self.theme, self.theme.colors, self.t
        theme.draw_panel(surface, self.gauche)
        theme.draw_panel(surface, self.droite)
        for rect, cle in ((self.gauche, "choisis"), (self.droite, "ta_liste")):
            titre = pygame.Rect(rect.x + 14, rect.y + 10, rect.w - 28, theme.line_height("heading"))
            theme.draw_text(surface, t(cle), titre, "heading", c.ink)
        d = self.droite.inflate(-28, 0)
        consigne = pygame.Rect(
            d.x,
            self.champ_liste.rect.y - theme.line_height("small") - 6,
            d.w,
            theme.line_height("small") + 2,
        )
        theme.draw_text(surface, t("liste_consigne"), consigne, "small", c.ink_soft)
        theme.draw_text(
            surface,
            t("fichier_consigne"),
            (d.x, self.y_fichier, d.w, theme.line_height("small") + 2),
            "small",
            c.ink_soft,
        )
        self.box_propre.draw(surface)
        for nom, bouton in self.jeux.items():
            r = bouton.rect.inflate(-24, -14)
            encre = theme.ink_on(c.accent) if bouton.style == "primary" else c.ink
            theme.draw_text(
                surface, t(f"jeux.{nom}"), (r.x, r.y, r.w, theme.line_height("body")), "body", encre
            )
            theme.draw_text(
                surface,
                t(f"jeux.{nom}_exemples"),
                (
                    r.x,
                    r.y + theme.line_height("body") + 4,
                    r.w,
                    r.h - theme.line_height("body") - 4,
                ),
                "small",
                encre,
            )
        # les mots en cours et le message
        etat = self.partie.etat
        donnees = self.niveau.donnees(etat)
        nom = etat.nom_perso if etat.source == "perso" else t(f"jeux.{etat.source}")
        resume = t(
            "en_ce_moment",
            nom=nom,
            n=nombre(self.ctx, donnees.nombre_mots),
            lettres=donnees.lettres_differentes,
            bigramme=nombre(self.ctx, donnees.perte_bigramme, 2),
        )
        hauteur = theme.text_height(resume, d.w, "small")
        bas = pygame.Rect(d.x, self.droite.bottom - 10 - hauteur, d.w, hauteur)
        theme.draw_text(surface, resume, bas, "small", c.ink)
        if self.message:
            zone = pygame.Rect(d.x, self.y_message, d.w, bas.y - self.y_message - 8)
            couleur = c.good if self.message_bon else c.bad
            fond = zone.inflate(16, 12)
            pygame.draw.rect(surface, melange(c.panel, couleur, 0.1), fond, border_radius=10)
            pygame.draw.rect(surface, couleur, fond, 2, border_radius=10)
            theme.draw_text(surface, self.message, zone, "small", c.ink)
        self.box_propre.tooltip.draw(surface)


def make_view(niveau, partie, ctx):
    return VueBac(niveau, partie, ctx)
