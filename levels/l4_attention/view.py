"""Vue du niveau 4 : la salle de classe de l'attention.

À gauche, les élèves (les lettres du mot) à leurs tables ; l'élève qui lève la
main pose sa carte-question ; des flèches plus ou moins épaisses montrent qui il
écoute (les poids calculés par `engine.gpt.attention`). Les tables derrière lui
sont hachurées : c'est le futur. À droite, les boutons + / − de la question et
des panneaux, et la carte « qui écoute qui ? » du mot entier.

La vue ne fait que transformer les clics en actions et dessiner l'état : tout
se calcule dans `levels.l4_attention.logic`. Elle n'importe pas `game` : le kit
de widgets arrive par `ctx.ui`.
"""

import pygame

from levels.l4_attention import logic
from levels.l4_attention.dessin import TABLE_H, DessinAttention
from levels.vue import VueNiveau

TAB_H = 58
ANIM_SPEED = 8.0  # les flèches rejoignent leur épaisseur en ~1/8 s


class VueAttention(DessinAttention, VueNiveau):
    def __init__(self, niveau, partie, ctx):
        super().__init__(niveau, partie, ctx)
        self.titre_mission = True
        self.enigme = 0
        self.tete = 0
        self.exemple = [0] * logic.NB_ENIGMES
        self.affiches = {}  # poids affichés (animés) : (énigme, exemple, tête) → liste
        self.scores_passes = set()
        self._cache_cle = None
        self._cache = None
        self.construire()

    # ------------------------------------------------------------------ mise en page
    def construire(self):
        ui, theme, t = self.ui, self.theme, self.t
        a = self.area
        self.box = ui.Container(theme)
        self.gauche = pygame.Rect(a.x + 20, a.y + 8, 830, a.h - 16)
        self.droite = pygame.Rect(self.gauche.right + 20, a.y + 8, a.right - 20, a.h - 16)
        self.droite.width = a.right - 20 - self.droite.x
        # les onglets des énigmes
        largeur = (self.gauche.w - 3 * 8) // logic.NB_ENIGMES
        self.onglets = []
        for i, enigme in enumerate(self.enigmes):
            rect = (self.gauche.x + i * (largeur + 8), self.gauche.y, largeur, TAB_H)
            bouton = ui.Button(
                theme,
                rect,
                t(f"enigmes.{enigme.id}_court"),
                on_click=lambda i=i: self.choisir_enigme(i),
                style="secondary",
                tooltip=self._mission(enigme),
            )
            self.onglets.append(self.box.add(bouton))
        self._construire_gauche()
        self._construire_droite()
        self.maj()

    def _construire_gauche(self):
        """De haut en bas : la mission, la salle, la prédiction, les puces des exemples."""
        ui, theme = self.ui, self.theme
        haut = self.gauche.y + TAB_H + 18
        largeur_texte = self.gauche.w - 32
        hauteur_puces = max(52, theme.line_height("body") + 30)
        self.hauteur_prediction = max(
            48, 2 * max(theme.line_height("body"), theme.line_height("small")) + 8
        )
        reste = self.gauche.bottom - 10 - hauteur_puces - 14 - self.hauteur_prediction - 8 - haut
        # la salle : les flèches au-dessus des tables, la carte-question dessous
        salle_min = TABLE_H + 2 * theme.line_height("small") + 60
        # La mission : en taille normale avec son titre si elle tient, sinon sans le titre
        # (l'onglet le dit), puis en plus petit.
        for role, titre in (("body", True), ("body", False), ("small", True), ("small", False)):
            self.role_mission, self.titre_mission = role, titre
            hauteur = max(
                theme.text_height(self._texte_mission(e), largeur_texte, role) for e in self.enigmes
            )
            if hauteur <= reste - salle_min:
                break
        hauteur = min(hauteur, reste - salle_min)
        self.mission = pygame.Rect(self.gauche.x + 16, haut, largeur_texte, hauteur)
        self.salle = pygame.Rect(
            self.gauche.x, self.mission.bottom + 2, self.gauche.w, min(320, reste - hauteur - 2)
        )
        self.zone_prediction = pygame.Rect(
            self.gauche.x + 16, self.salle.bottom + 6, self.gauche.w - 32, self.hauteur_prediction
        )
        self.puces = []
        y_puces = self.zone_prediction.bottom + 14
        nombre = max(len(e.exemples) for e in self.enigmes)
        largeur_puce = (self.gauche.w - 16) // nombre - 8
        for k in range(nombre):
            rect = (
                self.gauche.x + 8 + k * (largeur_puce + 8),
                y_puces,
                largeur_puce,
                hauteur_puces,
            )
            bouton = ui.Button(
                theme, rect, "", on_click=lambda k=k: self.choisir_exemple(k), style="secondary"
            )
            self.puces.append(self.box.add(bouton))

    def _construire_droite(self):
        """À droite : les têtes, puis les réglages (− et +) de la question et du panneau."""
        ui, theme, t = self.ui, self.theme, self.t
        d = self.droite
        self.boutons_tetes = []
        haut_tete = max(42, theme.line_height("body") + 12)
        for h in range(2):
            rect = (d.x + 16 + h * ((d.w - 40) // 2 + 8), d.y + 12, (d.w - 40) // 2, haut_tete)
            bouton = ui.Button(
                theme,
                rect,
                t("vue.tete", n=h + 1),
                on_click=lambda h=h: self.choisir_tete(h),
                style="secondary",
            )
            self.boutons_tetes.append(self.box.add(bouton))
        self.lignes = []  # (carte, axe, rect de la ligne, bouton −, bouton +)
        y = d.y + 12 + max(haut_tete, theme.line_height("heading")) + 12
        for carte in logic.CARTES:
            y += theme.line_height("small") + 4  # le sous-titre
            for axe in logic.AXES:
                ligne = pygame.Rect(d.x + 16, y, d.w - 32, 44)
                moins = ui.Button(
                    theme,
                    (ligne.right - 160, y, 46, 44),
                    "−",
                    on_click=lambda c=carte, x=axe: self.regler(c, x, -1),
                    style="secondary",
                    tooltip=t(f"vue.{axe}_aide") if carte == "question" else None,
                )
                plus = ui.Button(
                    theme,
                    (ligne.right - 46, y, 46, 44),
                    "+",
                    on_click=lambda c=carte, x=axe: self.regler(c, x, +1),
                    style="secondary",
                    tooltip=t(f"vue.{axe}_aide") if carte == "question" else None,
                )
                self.box.add(moins, plus)
                self.lignes.append((carte, axe, ligne, moins, plus))
                y += 48
            y += 6
        self.y_crans = y + 2
        crans = t("vue.crans", n=99, max=logic.CRANS_MAX_ETOILE)
        self.hauteur_crans = theme.text_height(crans, d.w - 48, "small")
        haut_carte = self.y_crans + self.hauteur_crans + 10
        self.carte_rect = pygame.Rect(d.x + 16, haut_carte, d.w - 32, d.bottom - 12 - haut_carte)

    @property
    def enigmes(self):
        """Les énigmes de cette partie (elles changent avec la graine)."""
        return self.partie.etat.enigmes

    def _mission(self, enigme):
        ex = enigme.exemples[0]
        return self.t(
            f"enigmes.{enigme.id}_mission",
            demande=ex.mot[ex.place],
            debut=ex.mot[: ex.place + 1],
            cible=ex.cibles[0],
            n=len(enigme.exemples),
        )

    def _texte_mission(self, enigme):
        mission = self._mission(enigme)
        if not self.titre_mission:
            return mission
        return f"{self.t(f'enigmes.{enigme.id}_titre')} — {mission}"

    # ------------------------------------------------------------------ actions
    def choisir_enigme(self, i):
        self.enigme = i
        self.tete = min(self.tete, logic.TETES[i] - 1)
        self.message = ""
        self.maj()

    def choisir_tete(self, h):
        if h < logic.TETES[self.enigme]:
            self.tete = h
            self.maj()

    def choisir_exemple(self, k):
        if k < len(self.enigmes[self.enigme].exemples):
            self.exemple[self.enigme] = k

    def regler(self, carte, axe, sens):
        valeur = self.reglage()[carte][logic.AXES.index(axe)] + sens
        action = {
            "type": "regler",
            "enigme": self.enigme,
            "tete": self.tete,
            "carte": carte,
            "axe": axe,
            "valeur": valeur,
        }
        self.jouer(action, son="tick")

    # ------------------------------------------------------------------ calculs (en cache)
    def reglage(self):
        return self.partie.etat.reglages[self.enigme][self.tete]

    def calculs(self):
        """Les écoutes et les scores de toutes les énigmes, recalculés si l'état a changé."""
        cle = (id(self.partie.etat), len(self.partie.actions))
        if cle != self._cache_cle:
            etat = self.partie.etat
            self._cache = {
                "ecoutes": [logic.ecoutes(etat, n) for n in range(logic.NB_ENIGMES)],
                "tetes": self.niveau.tableau(etat),  # the goal's own numbers
            }
            self._cache["scores"] = [min(scores) for scores in self._cache["tetes"]]
            self._cache_cle = cle
        return self._cache

    def maj(self):
        enigme = self.enigmes[self.enigme]
        for i, bouton in enumerate(self.onglets):
            bouton.style = "primary" if i == self.enigme else "secondary"
        for h, bouton in enumerate(self.boutons_tetes):
            bouton.visible = enigme.tetes > 1
            bouton.style = "primary" if h == self.tete else "secondary"
        for k, bouton in enumerate(self.puces):
            bouton.visible = k < len(enigme.exemples)
        self.exemple[self.enigme] = min(self.exemple[self.enigme], len(enigme.exemples) - 1)
        reglage = self.reglage()
        for carte, axe, _, moins, plus in self.lignes:
            valeur = reglage[carte][logic.AXES.index(axe)]
            bas, haut = (
                (logic.QUESTION_MIN, logic.QUESTION_MAX)
                if carte == "question"
                else (logic.PANNEAU_MIN, logic.PANNEAU_MAX)
            )
            moins.enabled = valeur > bas
            plus.enabled = valeur < haut

    # ------------------------------------------------------------------ boucle
    def handle_event(self, event):
        if self.box.handle_event(event):
            return True
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_1,
            pygame.K_2,
            pygame.K_3,
            pygame.K_4,
        ):
            self.choisir_enigme(event.key - pygame.K_1)
            return True
        return False

    def update(self, dt):
        self.box.update(dt)
        calculs = self.calculs()
        for n, score in enumerate(calculs["scores"]):
            if score >= logic.SEUIL_REUSSITE and n not in self.scores_passes:
                if self.scores_passes or n:
                    self.son("unlock")
                self.scores_passes.add(n)
            elif score < logic.SEUIL_REUSSITE:
                self.scores_passes.discard(n)
        vite = self.ctx.reduce_motion
        k = 1.0 if vite else min(1.0, dt * ANIM_SPEED)
        enigme = self.enigmes[self.enigme]
        for h, bouton in enumerate(self.boutons_tetes):
            if h < enigme.tetes:
                score = self.pourcent(calculs["tetes"][self.enigme][h])
                bouton.label = self.t("vue.tete_score", n=h + 1, score=score)
        for e, ligne in enumerate(calculs["ecoutes"][self.enigme]):
            for h in range(enigme.tetes):
                cible = ligne[h].poids
                cle = (self.enigme, e, h)
                montre = self.affiches.get(cle)
                if montre is None or len(montre) != len(cible):
                    self.affiches[cle] = list(cible)
                else:
                    self.affiches[cle] = [
                        m + (c - m) * k for m, c in zip(montre, cible, strict=True)
                    ]

    def chiffres(self):
        """The numbers this view draws (tab bars, head labels, notches), for the tests that
        compare them with the level's own measures."""
        calculs = self.calculs()
        etat = self.partie.etat
        return {
            "onglets": list(calculs["scores"]),
            "tetes": [list(scores) for scores in calculs["tetes"]],
            "crans": etat.au_but["crans"] if etat.au_but else etat.crans,
        }

    # ------------------------------------------------------------------ dessin
    def draw(self, surface):
        theme, c = self.theme, self.theme.colors
        calculs = self.calculs()
        enigme = self.enigmes[self.enigme]
        numero_ex = self.exemple[self.enigme]
        ligne = calculs["ecoutes"][self.enigme][numero_ex]
        ecoute = ligne[self.tete]
        # les deux grands panneaux, sous les widgets
        fond = pygame.Rect(
            self.gauche.x - 6,
            self.gauche.y + TAB_H + 8,
            self.gauche.w + 12,
            self.gauche.h - TAB_H - 8,
        )
        theme.draw_panel(surface, fond)
        theme.draw_panel(surface, self.droite)
        theme.draw_text(
            surface, self._texte_mission(enigme), self.mission, self.role_mission, c.ink
        )
        self._dessiner_salle(surface, ecoute, ligne)
        self._dessiner_prediction(surface, ligne)
        # les puces des exemples
        self.box.draw(surface)
        for k, ex in enumerate(enigme.exemples):
            self._dessiner_puce(
                surface, self.puces[k].rect, ex, calculs["ecoutes"][self.enigme][k], k == numero_ex
            )
        for i, score in enumerate(calculs["scores"]):
            self._dessiner_score_onglet(surface, self.onglets[i].rect, score)
        self._dessiner_droite(surface, ecoute)
        self.box.tooltip.draw(surface)  # les bulles d'aide par-dessus tout


def make_view(niveau, partie, ctx):
    return VueAttention(niveau, partie, ctx)
