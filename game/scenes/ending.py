"""La fin de l'aventure : « Mon mini-LLM et ChatGPT ».

Deux pages qu'un enfant de 12 ans retient (trois aux grandes tailles de texte : les
explications de la deuxième se partagent alors deux pages, jamais coupées) :

1. « La même recette, une autre taille » : des barres sur une échelle où chaque
   trait vaut ×10 (échelle logarithmique), pour les nombres réglés, ce qui a été
   lu pour apprendre et la mémoire (le contexte) — le modèle de l'enfant contre
   GPT-2 et GPT-3, avec seulement des chiffres publiés et connus, dits « environ » ;
2. « Ce qui manque à ton mini-LLM » : les cartes graphiques, les jetons qui sont
   des morceaux de mots, les nombreuses couches, la longue mémoire, l'éducation
   à la conversation — en mots simples.

Les chiffres de l'enfant viennent de son profil (son modèle gardé, ou les mesures
de son meilleur essai du dernier niveau du registre qui entraîne un GPT, celui qui
mesure `parametres` ou `mots_vus`) ; sinon, ceux du modèle par défaut du jeu.
Textes : `game/textes/ending.<langue>.toml` (clés « ending.… »).
"""

from __future__ import annotations

import math

import pygame

from game.scenes.common import MARGIN, Screen, W, heading
from game.scenes.ending_figures import (  # noqa: F401
    ECHELLE_MAX,
    GPT2_CONTEXTE,
    GPT2_PARAMETRES,
    GPT2_VOCAB,
    GPT3_CONTEXTE,
    GPT3_COUCHES,
    GPT3_JETONS,
    GPT3_PARAMETRES,
    LETTRES_PAR_PRENOM,
    MANQUES,
    MESURES_GPT,
    _nombre,
    chiffres_enfant,
    mesures_gpt,
    mots_du_nombre,
)
from game.ui.theme import mix

PAGES = 2  # à la taille de texte normale ; `EndingScene.pages` en donne le vrai nombre


class EndingScene(Screen):
    name = "ending"

    def __init__(self, app):
        super().__init__(app)
        self.page = 0
        self.chiffres = chiffres_enfant(app.profile)
        self.age = 0.0

    def tr(self, key, **kwargs):
        return self.app.t(f"ending.{key}", **kwargs)  # French no-break spaces included

    @property
    def pages(self):
        """1 (l'échelle) + les pages des manques (une, ou deux aux grandes tailles)."""
        return 1 + len(self._pages_manques()[1])

    def _en_mots(self, valeur):
        virgule = "." if self.app.translator.lang == "en" else ","
        return mots_du_nombre(self.app.t, valeur, virgule)

    def nombre(self, valeur):
        return self.app.translator.number(valeur, 0)

    # ------------------------------------------------------------------ widgets
    def build(self):
        theme = self.theme
        h = theme.control_height
        self.back_button()
        y = 720 - h - 18
        self.page = min(self.page, self.pages - 1)
        if self.page < self.pages - 1:
            self.default_focus = self.button(
                (W - 40 - 320, y, 320, h), self.tr("suivant"), self.suivante, icon="right"
            )
        else:
            self.default_focus = self.button(
                (W - 40 - 360, y, 360, h), self.tr("carte"), self.carte, icon="home"
            )
        if self.page > 0:
            self.button(
                (W - 40 - 360 - 340, y, 320, h),
                self.tr("precedent"),
                self.precedente,
                "secondary",
                "left",
            )

    def suivante(self):
        self.page = min(self.pages - 1, self.page + 1)
        self.age = 0.0
        self.rebuild()

    def precedente(self):
        self.page = max(0, self.page - 1)
        self.age = 0.0
        self.rebuild()

    def carte(self):
        self.app.go_to_map()

    def back(self):
        if self.page > 0:
            self.app.play("click")
            self.precedente()
        else:
            super().back()

    def update(self, dt):
        super().update(dt)
        self.age += dt

    # ------------------------------------------------------------------ dessin
    def _haut_sous_titre(self):
        return 98  # sous le titre de l'écran

    def draw_content(self, surface):
        heading(self, surface, self.tr("titre"), 22, width=W - 480)
        if self.page == 0:
            self._page_echelle(surface)
        else:
            self._page_manques(surface)
        theme = self.theme
        y = 720 - theme.control_height - 18
        compteur = self.tr("page", n=self.page + 1, total=self.pages)
        theme.text(
            surface,
            compteur,
            (MARGIN, y + theme.control_height // 2),
            "small",
            theme.colors.ink_soft,
            "midleft",
        )

    def _progres_anim(self):
        if getattr(self.app, "reduce_motion", False):
            return 1.0
        return min(1.0, self.age / 1.2)

    def _page_echelle(self, surface):
        theme, c = self.theme, self.theme.colors
        ch = self.chiffres
        haut = self._haut_sous_titre()
        sous_titre = pygame.Rect(MARGIN, haut, W - MARGIN - 40, theme.line_height("heading") + 4)
        theme.draw_text(
            surface, self.tr("meme_recette"), sous_titre, "heading", c.accent, "center", "middle"
        )
        fois = GPT3_PARAMETRES / max(1, ch["parametres"])
        phrase = self.tr("fois_plus", fois=self._en_mots(fois) or self.nombre(fois))
        largeur = W - MARGIN - 40
        hauteur_phrase = theme.text_height(phrase, largeur, "body")
        boutons = 720 - theme.control_height - 18
        haut = sous_titre.bottom + 8
        zone = pygame.Rect(MARGIN, haut, largeur, boutons - 12 - hauteur_phrase - 10 - haut)
        theme.draw_panel(surface, zone)
        etiquettes_w = 300
        # sous l'axe : le nom des grands traits, puis « chaque trait vaut 10 fois… »
        dessous = theme.line_height("tiny") + theme.line_height("small") + 12
        axe = pygame.Rect(
            zone.x + etiquettes_w, zone.y + 12, zone.w - etiquettes_w - 30, zone.h - 16 - dessous
        )

        def x_de(valeur):
            return axe.x + axe.w * min(ECHELLE_MAX, math.log10(max(1.0, valeur))) / ECHELLE_MAX

        # les traits ×10 et leurs noms
        noms = {3: "mille", 6: "million", 9: "milliard", 12: "mille_milliards"}
        for p in range(ECHELLE_MAX + 1):
            x = x_de(10**p)
            couleur = c.ink_soft if p in noms else c.grid
            pygame.draw.line(surface, couleur, (x, axe.y), (x, axe.bottom), 2 if p in noms else 1)
            if p in noms:
                rendu = theme.render(self.tr(f"axe.{noms[p]}"), "tiny", c.ink_soft)
                place = rendu.get_rect(midtop=(x, axe.bottom + 4))
                place.right = min(place.right, zone.right - 10)  # le dernier reste dans le cadre
                surface.blit(rendu, place)
        note = (
            axe.x,
            axe.bottom + theme.line_height("tiny") + 8,
            axe.w,
            theme.line_height("small"),
        )
        theme.draw_text(surface, self.tr("axe.x10"), note, "small", c.accent, "center")
        groupes = [
            (
                "parametres",
                [("toi", ch["parametres"]), ("gpt2", GPT2_PARAMETRES), ("gpt3", GPT3_PARAMETRES)],
            ),
            ("lu", [("toi", ch["lettres"]), ("gpt3", GPT3_JETONS)]),
            (
                "memoire",
                [("toi", ch["contexte"]), ("gpt2", GPT2_CONTEXTE), ("gpt3", GPT3_CONTEXTE)],
            ),
        ]
        couleurs = {"toi": c.accent, "gpt2": c.series[1], "gpt3": c.series[3 % len(c.series)]}
        # une barre par ligne de texte au moins (son étiquette est à côté), 34 px au plus
        barres_en_tout = sum(len(barres) for _, barres in groupes)
        ecart = 14 if theme.text_size >= 2 else 22  # entre deux groupes
        place_barres = axe.h - 8 - ecart * len(groupes) - 6 * barres_en_tout
        hauteur_barre = min(34, place_barres // barres_en_tout)
        hauteur_barre = max(theme.line_height("small") - 5, hauteur_barre)
        y = axe.y + 8
        anim = self._progres_anim()
        for groupe, barres in groupes:
            hauteur_groupe = len(barres) * (hauteur_barre + 6)
            titre = pygame.Rect(zone.x + 16, y, etiquettes_w - 28, hauteur_groupe)
            theme.draw_text(
                surface, self.tr(f"groupes.{groupe}"), titre, "small", c.ink, "left", "middle"
            )
            for qui, valeur in barres:
                fin = axe.x + (x_de(valeur) - axe.x) * anim
                barre = pygame.Rect(axe.x, y, max(4, round(fin - axe.x)), hauteur_barre)
                pygame.draw.rect(surface, couleurs[qui], barre, border_radius=6)
                texte = self._libelle(groupe, qui, valeur)
                rendu = theme.render(texte, "small", c.ink)
                if barre.right + 8 + rendu.get_width() <= zone.right - 12:
                    # a label on the scale lines gets the panel's colour behind it: readable
                    fond = rendu.get_rect(midleft=(barre.right + 8, barre.centery))
                    pygame.draw.rect(surface, c.panel, fond.inflate(8, 2), border_radius=4)
                    position = (barre.right + 8, barre.centery)
                    theme.text(surface, texte, position, "small", c.ink, "midleft")
                else:
                    theme.text(
                        surface,
                        texte,
                        (barre.right - 8, barre.centery),
                        "small",
                        theme.ink_on(couleurs[qui]),
                        "midright",
                    )
                y += hauteur_barre + 6
            y += ecart
            milieu = y - (ecart + 6) // 2
            pygame.draw.line(surface, c.grid, (zone.x + 16, milieu), (zone.right - 16, milieu), 1)
        bas = pygame.Rect(MARGIN, zone.bottom + 10, largeur, hauteur_phrase)
        theme.draw_text(surface, phrase, bas, "body", c.ink, "center", "middle")

    def _libelle(self, groupe, qui, valeur):
        if qui == "toi":
            cle = {"parametres": "toi_parametres", "lu": "toi_lu", "memoire": "toi_memoire"}[groupe]
            return self.tr(cle, n=self.nombre(valeur))
        nom = self.tr(qui)
        if groupe == "memoire":
            return self.tr("eux_memoire", qui=nom, n=self.nombre(valeur))
        grand = self._en_mots(valeur) or self.nombre(valeur)
        return self.tr(f"eux_{groupe}", qui=nom, n=grand)

    # -- les manques : des cartes mesurées, réparties sur une ou deux pages ----------------
    def _texte_manque(self, cle):
        return self.tr(
            f"manques.{cle}",
            couches=self.chiffres["couches"],
            contexte=self.chiffres["contexte"],
            gpt3_couches=GPT3_COUCHES,
            gpt3_contexte=self.nombre(GPT3_CONTEXTE),
            vocab=self.nombre(GPT2_VOCAB),
        )

    def _zone_manques(self):
        """(haut, bas des cartes sans / avec la boîte « la même idée », largeur)."""
        theme = self.theme
        haut = self._haut_sous_titre() + theme.line_height("heading") + 4 + 10
        boutons = 720 - theme.control_height - 18
        largeur = W - MARGIN - 40
        idee = theme.text_height(self.tr("meme_idee"), largeur - 30, "body") + 16
        return haut, boutons - 14, boutons - 14 - idee - 8, largeur

    def _mesure_carte(self, cle, largeur, empile):
        """Hauteur d'une carte : le titre à gauche du détail, ou au-dessus (`empile`)."""
        theme = self.theme
        texte_w = largeur - 56 - 24 - (0 if empile else TITRE_MANQUE_W + 10)
        detail = theme.text_height(self._texte_manque(cle), texte_w, "small")
        if empile:
            titre = theme.text_height(self.tr(f"manques.{cle}_titre"), texte_w, "body")
            return max(52, titre + detail + 16)
        titre = theme.text_height(self.tr(f"manques.{cle}_titre"), TITRE_MANQUE_W, "body")
        return max(52, titre + 8, detail + 8)

    def _pages_manques(self):
        """(empilé ?, [[(clé, hauteur), …] par page]) : le titre de chaque carte à côté
        du détail si tout tient sur une page, sinon au-dessus ; et si ça ne tient
        toujours pas, deux pages."""
        haut, bas, bas_idee, largeur = self._zone_manques()
        for empile in (False, True):
            cartes = [(cle, self._mesure_carte(cle, largeur, empile)) for cle in MANQUES]
            if sum(h + 8 for _, h in cartes) <= bas_idee - haut:
                return empile, [cartes]
        # trop long pour une page : on remplit la première, le reste (et l'idée) sur l'autre
        pages, page, y = [], [], haut
        for cle, h in cartes:
            if page and y + h > bas:
                pages.append(page)
                page, y = [], haut
            page.append((cle, h))
            y += h + 8
        pages.append(page)
        return True, pages

    def _page_manques(self, surface):
        theme, c = self.theme, self.theme.colors
        haut = self._haut_sous_titre()
        sous_titre = pygame.Rect(MARGIN, haut, W - MARGIN - 40, theme.line_height("heading") + 4)
        theme.draw_text(
            surface, self.tr("ce_qui_manque"), sous_titre, "heading", c.accent, "center", "middle"
        )
        empile, pages = self._pages_manques()
        index = min(self.page - 1, len(pages) - 1)
        haut, _bas, bas_idee, largeur = self._zone_manques()
        y = haut
        for cle, hauteur in pages[index]:
            i = MANQUES.index(cle)
            carte = pygame.Rect(MARGIN, y, largeur, hauteur)
            y += hauteur + 8
            theme.draw_panel(surface, carte, shadow=False)
            couleur = c.series[i % len(c.series)]
            pastille = pygame.Rect(carte.x + 12, carte.y + 8, 44, 44)
            if not empile:
                pastille.centery = carte.centery
            pygame.draw.circle(surface, couleur, pastille.center, 22)
            theme.draw_text(
                surface, str(i + 1), pastille, "heading", theme.ink_on(couleur), "center", "middle"
            )
            x = pastille.right + 14
            titre = self.tr(f"manques.{cle}_titre")
            detail = self._texte_manque(cle)
            if empile:
                w = carte.right - 12 - x
                h_titre = theme.text_height(titre, w, "body")
                theme.draw_text(surface, titre, (x, carte.y + 6, w, h_titre), "body", c.ink)
                boite = (x, carte.y + 6 + h_titre + 2, w, carte.bottom - carte.y - h_titre - 12)
                theme.draw_text(surface, detail, boite, "small", c.ink)
            else:
                boite = pygame.Rect(x, carte.y + 4, TITRE_MANQUE_W, carte.h - 8)
                theme.draw_text(surface, titre, boite, "body", c.ink, "left", "middle")
                boite = pygame.Rect(
                    boite.right + 10, carte.y + 4, carte.right - boite.right - 24, carte.h - 8
                )
                theme.draw_text(surface, detail, boite, "small", c.ink, "left", "middle")
        if index == len(pages) - 1:  # la dernière page : la même idée, en grand
            boutons = 720 - theme.control_height - 18
            meme = pygame.Rect(MARGIN, max(y, bas_idee + 8), largeur, 0)
            meme.h = boutons - 14 - meme.y
            theme.draw_panel(surface, meme, fill=mix(c.panel, c.good, 0.12), edge=c.good)
            theme.draw_text(
                surface,
                self.tr("meme_idee"),
                meme.inflate(-30, -16),
                "body",
                c.ink,
                "center",
                "middle",
            )


TITRE_MANQUE_W = 300  # la colonne des titres, quand le détail est à côté
