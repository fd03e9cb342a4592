"""Vue du niveau 5 : assembler le GPT, l'entraîner, jouer avec.

Trois onglets : « Assemblage » (glisser les pièces dans les cases, ou cliquer une
pièce puis une case), « Entraînement » et « Jouer avec » (partagés avec le bac à
sable : `levels.atelier`). L'entraînement passe par `ctx.runner` : l'écran
ne gèle jamais. Si le profil du joueur a une perte du niveau 1, elle devient la
« ligne » de la partie (action notée dans le journal, donc vérifiée au rejeu).
"""

import pygame

from levels.atelier.vue import VueAtelier
from levels.l5_gpt import logic
from levels.vue import melange

COULEURS_BLOCS = {"plongements": 0, "attention": 1, "mlp": 2, "sortie": 3}
BLOCS = ("mlp", "sortie", "plongements", "attention")  # mélangées dans la boîte
ECART = 44  # entre deux cases : la place d'une flèche


class VueGPT(VueAtelier):
    ONGLETS = ("assemblage", "entrainement", "terrain")

    def __init__(self, niveau, partie, ctx):
        super().__init__(niveau, partie, ctx)
        self._poser_ligne_enfant()
        assemble = not logic.problemes_assemblage(partie.etat.blocs)
        self.onglet = "entrainement" if assemble else "assemblage"
        self.choisi = None  # la pièce choisie au clic (clavier ou souris)
        self.tenu = None  # (pièce, position de la souris, a bougé ?) pendant un glisser
        self.construire()

    def _poser_ligne_enfant(self):
        """La perte du niveau 1 du joueur devient la ligne à battre (une seule fois)."""
        if self.partie.actions or self.partie.etat.ligne_enfant is not None:
            return
        qui = self.ctx.profile
        perte = qui.bigram_baseline if qui is not None else None
        if isinstance(perte, int | float) and logic.LIGNE_MIN <= perte <= logic.LIGNE_MAX:
            self.partie.jouer({"type": "ligne_bigramme", "perte": float(perte)})

    # ------------------------------------------------------------------ mise en page
    def construire_propre(self, r):
        """Tout se mesure avec le thème : aux grandes tailles de texte, les noms des pièces
        passent en taille normale, et les cases ne montrent plus que le nom."""
        # Long on purpose: the layout reads top to bottom, one widget after the other on one
        # running y; cut in pieces, every piece would need the whole list of measures.
        ui, theme, t = self.ui, self.theme, self.t
        self.box_propre = ui.Container(theme)
        n = logic.NB_PLACES
        corps = theme.font("body")
        fleche = 40  # une flèche et son espace
        self.marge_g = corps.size(t("blocs.entree"))[0] + fleche + 12
        mots = t("blocs.sortie_modele").replace("\u00a0", " ").split(" ")
        self.marge_d = max(corps.size(m)[0] for m in [*mots, "?"]) + 30 + fleche
        place = r.w - 40 - self.marge_g - self.marge_d
        largeur = min(220, (place - (n - 1) * ECART) // n)
        total = n * largeur + (n - 1) * ECART
        x0 = r.x + 20 + self.marge_g + (place - total) // 2
        noms = [t(f"blocs.{b}") for b in BLOCS]
        trop_large = max(theme.font("heading").size(nom)[0] for nom in noms) > largeur - 16
        self.role_nom = "body" if trop_large else "heading"
        nom_h = theme.line_height(self.role_nom)
        aide_h = max(theme.text_height(t(f"blocs.{b}_aide"), largeur - 20, "small") for b in BLOCS)
        pleine = min(150, 8 + nom_h + 6 + aide_h + 12)
        courte = max(theme.control_height + 10, 8 + nom_h + 24)
        heading = theme.line_height("heading")
        self.haut_titre = r.y + 12
        consigne_w = r.w - 40 - 380
        self.consigne_h = theme.text_height(t("blocs.glisse"), consigne_w, "small")
        self.problemes_h = 2 * theme.line_height("small") + 4
        fixe = (12 + heading + 12) + (12 + self.problemes_h + 12) + (heading + 10)
        fixe += 12 + self.consigne_h + 12
        reste = r.h - fixe
        if 2 * pleine <= reste:
            haut_case, haut_piece = pleine, pleine
        else:
            haut_case = courte
            haut_piece = min(pleine, reste - courte)
        self.cases_completes = haut_case == pleine  # sinon : le nom seul dans les cases
        y = self.haut_titre + heading + 12
        self.cases = []
        for i in range(n):
            rect = pygame.Rect(x0 + i * (largeur + ECART), y, largeur, haut_case)
            bouton = ui.Button(
                theme,
                rect,
                "",
                on_click=lambda i=i: self.case(i),
                style="secondary",
                tooltip=t("blocs.case", n=i + 1),
            )
            self.cases.append(self.box_propre.add(bouton))
        self.zone_problemes = pygame.Rect(r.x + 20, y + haut_case + 12, r.w - 40, self.problemes_h)
        self.y_boite = self.zone_problemes.bottom + 12
        y = self.y_boite + heading + 10
        self.pieces = {}
        for i, bloc in enumerate(BLOCS):
            rect = pygame.Rect(x0 + i * (largeur + ECART), y, largeur, haut_piece)
            bouton = ui.Button(
                theme,
                rect,
                "",
                on_click=lambda b=bloc: self.prendre(b),
                style="secondary",
                tooltip=t(f"blocs.{bloc}_aide"),
            )
            self.pieces[bloc] = self.box_propre.add(bouton)
        self.zone_consigne = pygame.Rect(r.x + 20, y + haut_piece + 12, consigne_w, self.consigne_h)
        h = theme.control_height
        self.bouton_suite = self.box_propre.add(
            ui.Button(
                theme,
                (r.right - 380, r.bottom - h - 10, 360, h),
                t("blocs.vers_entrainement"),
                lambda: self.choisir("entrainement"),
                icon="right",
            )
        )

    def maj_propre(self):
        assemble = not logic.problemes_assemblage(self.partie.etat.blocs)
        for nom in ("entrainement", "terrain"):
            self.onglets[nom].enabled = assemble
            self.onglets[nom].tooltip = None if assemble else self.t("blocs.d_abord")
        self.bouton_suite.visible = assemble
        verrou = self.partie.etat.poids is not None
        for bouton in [*self.cases, *self.pieces.values()]:
            bouton.enabled = not verrou and not self.occupe

    def choisir(self, nom):
        if nom != "assemblage" and logic.problemes_assemblage(self.partie.etat.blocs):
            return
        super().choisir(nom)

    # ------------------------------------------------------------------ assemblage
    def prendre(self, bloc):
        self.choisi = None if self.choisi == bloc else bloc

    def case(self, i):
        if self.choisi is not None:
            self.poser(self.choisi, i)
        elif self.partie.etat.blocs[i] is not None:
            self.jouer({"type": "retirer", "position": i})
        self.maj()

    def poser(self, bloc, i):
        self.jouer({"type": "placer", "bloc": bloc, "position": i})
        self.choisi = None
        if not logic.problemes_assemblage(self.partie.etat.blocs):
            self.son("success")
        self.maj()

    def _piece_sous(self, pos):
        for bloc, bouton in self.pieces.items():
            if bouton.enabled and bouton.rect.collidepoint(pos):
                return bloc
        for i, bouton in enumerate(self.cases):
            bloc = self.partie.etat.blocs[i]
            if bloc is not None and bouton.enabled and bouton.rect.collidepoint(pos):
                return bloc
        return None

    def _glisser(self, event):
        """Glisser-déposer à la souris (le clic simple passe par les boutons)."""
        if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 0) == 1:
            bloc = self._piece_sous(event.pos)
            if bloc is not None:
                self.tenu = [bloc, event.pos, False, event.pos]
            return False
        if self.tenu is None:
            return False
        if event.type == pygame.MOUSEMOTION:
            depart = self.tenu[3]
            if abs(event.pos[0] - depart[0]) + abs(event.pos[1] - depart[1]) > 8:
                self.tenu[2] = True
            self.tenu[1] = event.pos
            return self.tenu[2]
        if event.type == pygame.MOUSEBUTTONUP and getattr(event, "button", 0) == 1:
            bloc, pos, bouge, _ = self.tenu
            self.tenu = None
            if not bouge:
                return False  # un simple clic : le bouton s'en occupe
            self.box_propre.handle_event(event)  # les boutons relâchent leur appui
            for i, case in enumerate(self.cases):
                if case.rect.collidepoint(pos):
                    self.poser(bloc, i)
                    return True
            ancienne = self.partie.etat.blocs
            if bloc in ancienne and not any(c.rect.collidepoint(pos) for c in self.cases):
                self.jouer({"type": "retirer", "position": ancienne.index(bloc)})
                self.maj()
            return True
        return False

    def evenement_propre(self, event):
        return self._glisser(event) or self.box_propre.handle_event(event)

    # ------------------------------------------------------------------ dessin de l'assemblage
    def _couleur(self, bloc):
        serie = self.theme.colors.series
        return serie[COULEURS_BLOCS[bloc] % len(serie)]

    def _dessiner_piece(self, surface, rect, bloc, fantome=False, choisie=False, aide=True):
        theme, c, t = self.theme, self.theme.colors, self.t
        couleur = self._couleur(bloc)
        fond = melange(c.panel, couleur, 0.12 if fantome else 0.3)
        pygame.draw.rect(surface, fond, rect, border_radius=14)
        bord = c.accent if choisie else (c.disabled_ink if fantome else couleur)
        pygame.draw.rect(surface, bord, rect, 5 if choisie else 3, border_radius=14)
        encre = c.ink_soft if fantome else c.ink
        role = self.role_nom
        if not aide:  # le nom seul, sur une ligne, au milieu de la case
            ligne = theme.line_height(role)
            nom = pygame.Rect(rect.x + 8, rect.centery - ligne // 2, rect.w - 16, ligne)
            theme.draw_text(surface, t(f"blocs.{bloc}"), nom, role, encre, "center", "middle")
            return
        nom = pygame.Rect(rect.x + 8, rect.y + 8, rect.w - 16, theme.line_height(role))
        theme.draw_text(surface, t(f"blocs.{bloc}"), nom, role, encre, "center", "middle")
        zone = pygame.Rect(rect.x + 10, nom.bottom + 6, rect.w - 20, rect.bottom - nom.bottom - 12)
        theme.draw_text(surface, t(f"blocs.{bloc}_aide"), zone, "small", encre, "center")

    def dessiner_propre(self, surface):
        theme, c, t = self.theme, self.theme.colors, self.t
        r = self.contenu
        theme.draw_panel(surface, r)
        etat = self.partie.etat
        heading = theme.line_height("heading")
        # la chaîne : lettres → cases → lettre suivante
        theme.draw_text(
            surface, t("blocs.modele"), (r.x + 20, self.haut_titre, r.w - 40, heading), "heading"
        )
        premiere, derniere = self.cases[0].rect, self.cases[-1].rect
        entree = pygame.Rect(r.x + 14, premiere.y, premiere.x - 40 - (r.x + 14), premiere.h)
        theme.draw_text(surface, t("blocs.entree"), entree, "body", c.ink_soft, "right", "middle")
        sortie = pygame.Rect(
            derniere.right + 40, derniere.y, r.right - 14 - derniere.right - 40, derniere.h
        )
        theme.draw_text(
            surface, t("blocs.sortie_modele"), sortie, "body", c.ink_soft, "left", "middle"
        )
        fleches = [(premiere.x - 34, premiere.centery)]
        fleches += [(b.rect.right + 8, b.rect.centery) for b in self.cases]
        for x, y in fleches:
            self.ui.draw_icon(surface, "right", pygame.Rect(x, y - 14, 28, 28), c.ink_soft)
        self.box_propre.draw(surface)
        tenu = self.tenu[0] if self.tenu and self.tenu[2] else None
        for i, bouton in enumerate(self.cases):
            bloc = etat.blocs[i]
            if bloc is not None and bloc != tenu:
                self._dessiner_piece(surface, bouton.rect, bloc, aide=self.cases_completes)
            elif bloc is None:
                theme.draw_text(
                    surface, str(i + 1), bouton.rect, "title", c.disabled, "center", "middle"
                )
        boite = (r.x + 20, self.y_boite, r.w - 40, heading)
        theme.draw_text(surface, t("blocs.boite"), boite, "heading", c.ink)
        for bloc, bouton in self.pieces.items():
            place = bloc in etat.blocs
            if bloc == tenu:
                continue
            self._dessiner_piece(
                surface, bouton.rect, bloc, fantome=place, choisie=bloc == self.choisi
            )
        # les problèmes, ou « tout se branche »
        problemes = problemes_traduits(t, etat.blocs)
        if problemes:
            theme.draw_text(surface, problemes[0], self.zone_problemes, "small", c.bad)
        else:
            theme.draw_text(surface, t("blocs.assemble"), self.zone_problemes, "body", c.good)
        theme.draw_text(surface, t("blocs.glisse"), self.zone_consigne, "small", c.ink_soft)
        if tenu is not None:
            rect = self.pieces[tenu].rect.copy()
            rect.center = self.tenu[1]
            self._dessiner_piece(surface, rect, tenu, choisie=True)


def problemes_traduits(t, blocs):
    """Les problèmes de l'assemblage dans la langue du joueur.

    Les mêmes règles que `logic.problemes_assemblage` (qui les dit en français, pour les
    refus) : un test vérifie qu'ils trouvent les mêmes problèmes.
    """
    cle = "blocs.problemes."
    problemes = []
    vides = [i + 1 for i, bloc in enumerate(blocs) if bloc is None]
    if vides:
        places = [str(i) for i in vides]
        if len(places) > 1:
            places = [", ".join(places[:-1]), places[-1]]
        places = f" {t(cle + 'et')} ".join(places)
        problemes.append(t(cle + ("manque_une" if len(vides) == 1 else "manque"), places=places))
    entree = "lettres"
    for i, bloc in enumerate(blocs):
        if bloc is None:
            entree = None
            continue
        recoit, donne = logic.BLOCS[bloc]
        if entree is not None and recoit != entree:
            if bloc == "plongements":
                problemes.append(t(cle + "plongements_debut", n=i + 1))
            elif entree == "lettres":
                problemes.append(t(cle + "attend_nombres", n=i + 1))
            else:
                attendu, recu = t(cle + recoit), t(cle + entree)
                problemes.append(t(cle + "attend", n=i + 1, attendu=attendu, recu=recu))
        entree = donne
    if not vides and not problemes and entree != "scores":
        problemes.append(t(cle + "sortie_fin"))
    if not problemes and blocs.index("attention") > blocs.index("mlp"):
        problemes.append(t(cle + "ordre"))
    return problemes


def make_view(niveau, partie, ctx):
    return VueGPT(niveau, partie, ctx)
