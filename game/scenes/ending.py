"""La fin de l'aventure : « Mon mini-LLM et ChatGPT ».

Deux pages qu'un enfant de 12 ans retient :

1. « La même recette, une autre taille » : des barres sur une échelle où chaque
   trait vaut ×10 (échelle logarithmique), pour les nombres réglés, ce qui a été
   lu pour apprendre et la mémoire (le contexte) — le modèle de l'enfant contre
   GPT-2 et GPT-3, avec seulement des chiffres publiés et connus, dits « environ » ;
2. « Ce qui manque à ton mini-LLM » : les cartes graphiques, les jetons qui sont
   des morceaux de mots, les nombreuses couches, la longue mémoire, l'éducation
   à la conversation — en mots simples.

Les chiffres de l'enfant viennent de son profil (son modèle gardé, ou les mesures
de son meilleur essai du niveau 5) ; sinon, ceux du modèle par défaut du jeu.
Textes : `game/textes/ending.<langue>.toml` (clés « ending.… »).
"""

from __future__ import annotations

import math

import pygame

from game.scenes.common import MARGIN, Screen, W, heading

NIVEAU_5 = "l5_gpt"
PAGES = 2

# Les grands modèles : seulement des chiffres publiés et connus (articles de 2019 et 2020).
GPT2_PARAMETRES = 1.5e9  # GPT-2 : environ 1,5 milliard de paramètres
GPT3_PARAMETRES = 175e9  # GPT-3 : environ 175 milliards de paramètres
GPT3_JETONS = 300e9  # GPT-3 : environ 300 milliards de jetons lus à l'entraînement
GPT2_CONTEXTE = 1024  # jetons que GPT-2 peut regarder à la fois
GPT3_CONTEXTE = 2048
GPT3_COUCHES = 96
GPT2_VOCAB = 50257
ECHELLE_MAX = 12  # l'axe va de 1 à 10^12
MANQUES = ("gpu", "jetons", "couches", "memoire", "conversation")


def chiffres_enfant(profile):
    """Les chiffres du mini-LLM de l'enfant : paramètres, lettres lues, contexte, couches."""
    from engine.gpt import Config, nombre_parametres

    config = Config()
    parametres = None
    modele = getattr(profile, "saved_model", None) if profile is not None else None
    if isinstance(modele, dict):
        try:
            config = Config.depuis_dict(modele["config"])
            parametres = nombre_parametres(config)
        except (KeyError, TypeError, ValueError):
            parametres = None
    mots_vus = None
    if profile is not None:
        entree = profile.progress.get(NIVEAU_5)
        if entree is not None:
            mesures = entree.log_metrics or entree.best or {}
            if parametres is None and _nombre(mesures.get("parametres")):
                parametres = int(mesures["parametres"])
            if _nombre(mesures.get("mots_vus")):
                mots_vus = int(mesures["mots_vus"])
    if parametres is None:
        parametres = nombre_parametres(config)
    if not mots_vus:
        mots_vus = 1200  # l'entraînement du jeu par défaut : 300 pas de 4 prénoms
    lettres = round(mots_vus * LETTRES_PAR_PRENOM)
    return {
        "parametres": parametres,
        "lettres": lettres,
        "contexte": config.block_size,
        "couches": config.n_layer,
    }


LETTRES_PAR_PRENOM = 7.2  # un prénom fait environ 6,2 lettres, plus le « . » de la fin


def _nombre(valeur):
    return isinstance(valeur, int | float) and not isinstance(valeur, bool) and valeur > 0


def mots_du_nombre(t, valeur):
    """Un grand nombre en mots : 175e9 → « 175 milliards » (pour les enfants)."""
    for puissance, cle in ((1e12, "mille_milliards"), (1e9, "milliard"), (1e6, "million")):
        if valeur >= puissance:
            n = valeur / puissance
            texte = f"{n:.1f}".rstrip("0").rstrip(".") if n < 10 else f"{round(n)}"
            pluriel = "s" if n >= 2 else ""
            return t(f"ending.unites.{cle}{pluriel}", n=texte.replace(".", ","))
    return None


class EndingScene(Screen):
    name = "ending"

    def __init__(self, app):
        super().__init__(app)
        self.page = 0
        self.chiffres = chiffres_enfant(app.profile)
        self.age = 0.0

    def tr(self, key, **kwargs):
        return self.app.t(f"ending.{key}", **kwargs)

    def nombre(self, valeur):
        return self.app.translator.number(valeur, 0)

    # ------------------------------------------------------------------ widgets
    def build(self):
        theme = self.theme
        h = theme.control_height
        self.back_button()
        y = 720 - h - 18
        if self.page < PAGES - 1:
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
        self.page = min(PAGES - 1, self.page + 1)
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
    def draw_content(self, surface):
        heading(self, surface, self.tr("titre"), 22, width=W - 480)
        if self.page == 0:
            self._page_echelle(surface)
        else:
            self._page_manques(surface)
        theme = self.theme
        y = 720 - theme.control_height - 18
        compteur = self.tr("page", n=self.page + 1, total=PAGES)
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
        sous_titre = pygame.Rect(MARGIN, 98, W - MARGIN - 40, theme.line_height("heading") + 4)
        theme.draw_text(
            surface, self.tr("meme_recette"), sous_titre, "heading", c.accent, "center", "middle"
        )
        zone = pygame.Rect(MARGIN, sous_titre.bottom + 8, W - MARGIN - 40, 420)
        theme.draw_panel(surface, zone)
        etiquettes_w = 300
        axe = pygame.Rect(
            zone.x + etiquettes_w, zone.y + 20, zone.w - etiquettes_w - 30, zone.h - 76
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
                theme.text(
                    surface,
                    self.tr(f"axe.{noms[p]}"),
                    (x, axe.bottom + 4),
                    "tiny",
                    c.ink_soft,
                    "midtop",
                )
        theme.draw_text(
            surface,
            self.tr("axe.x10"),
            (axe.x, axe.bottom + 26, axe.w, 22),
            "tiny",
            c.ink_soft,
            "center",
        )
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
        hauteur_barre = 28
        y = axe.y + 12
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
            y += 22
            pygame.draw.line(surface, c.grid, (zone.x + 16, y - 12), (zone.right - 16, y - 12), 1)
        fois = GPT3_PARAMETRES / max(1, ch["parametres"])
        phrase = self.tr("fois_plus", fois=mots_du_nombre(self.app.t, fois) or self.nombre(fois))
        bas = pygame.Rect(MARGIN, zone.bottom + 10, W - MARGIN - 40, 56)
        theme.draw_text(surface, phrase, bas, "body", c.ink, "center", "middle")

    def _libelle(self, groupe, qui, valeur):
        if qui == "toi":
            cle = {"parametres": "toi_parametres", "lu": "toi_lu", "memoire": "toi_memoire"}[groupe]
            return self.tr(cle, n=self.nombre(valeur))
        nom = self.tr(qui)
        if groupe == "memoire":
            return self.tr("eux_memoire", qui=nom, n=self.nombre(valeur))
        grand = mots_du_nombre(self.app.t, valeur) or self.nombre(valeur)
        return self.tr(f"eux_{groupe}", qui=nom, n=grand)

    def _page_manques(self, surface):
        theme, c = self.theme, self.theme.colors
        sous_titre = pygame.Rect(MARGIN, 98, W - MARGIN - 40, theme.line_height("heading") + 4)
        theme.draw_text(
            surface, self.tr("ce_qui_manque"), sous_titre, "heading", c.accent, "center", "middle"
        )
        haut = sous_titre.bottom + 10
        bas = 720 - theme.control_height - 128
        hauteur = (bas - haut) // len(MANQUES) - 8
        for i, cle in enumerate(MANQUES):
            carte = pygame.Rect(MARGIN, haut + i * (hauteur + 8), W - MARGIN - 40, hauteur)
            theme.draw_panel(surface, carte, shadow=False)
            pastille = pygame.Rect(carte.x + 12, carte.centery - 22, 44, 44)
            pygame.draw.circle(surface, c.series[i % len(c.series)], pastille.center, 22)
            theme.draw_text(
                surface,
                str(i + 1),
                pastille,
                "heading",
                theme.ink_on(c.series[i % len(c.series)]),
                "center",
                "middle",
            )
            titre_w = 300
            titre = pygame.Rect(pastille.right + 14, carte.y + 4, titre_w, carte.h - 8)
            texte_titre = self.tr(f"manques.{cle}_titre")
            theme.draw_text(surface, texte_titre, titre, "body", c.ink, "left", "middle")
            detail = pygame.Rect(
                titre.right + 10, carte.y + 4, carte.right - titre.right - 24, carte.h - 8
            )
            texte_detail = self.tr(
                f"manques.{cle}",
                couches=self.chiffres["couches"],
                contexte=self.chiffres["contexte"],
                gpt3_couches=GPT3_COUCHES,
                gpt3_contexte=self.nombre(GPT3_CONTEXTE),
                vocab=self.nombre(GPT2_VOCAB),
            )
            theme.draw_text(surface, texte_detail, detail, "small", c.ink, "left", "middle")
        boutons = 720 - theme.control_height - 18
        meme = pygame.Rect(MARGIN, bas + 8, W - MARGIN - 40, boutons - 14 - (bas + 8))
        theme.draw_panel(surface, meme, fill=_melange(c.panel, c.good, 0.12), edge=c.good)
        theme.draw_text(
            surface, self.tr("meme_idee"), meme.inflate(-30, -16), "body", c.ink, "center", "middle"
        )


def _melange(a, b, t):
    from game.ui.theme import mix

    return mix(a, b, t)
