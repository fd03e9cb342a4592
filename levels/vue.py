"""Ce que toutes les vues de niveau partagent (pygame, mais jamais `game`).

Une vue reçoit du jeu un `ctx` (widgets, thème, textes, runner…, voir
docs/ARCHITECTURE.md) ; elle transforme les clics en actions de la partie et
dessine l'état. `rebuild()` refait la mise en page (changement de taille du texte).
"""

import pygame

# La zone d'une vue si le jeu n'en donne pas : sous le bandeau de l'hôte.
ZONE_PAR_DEFAUT = (0, 110, 1280, 610)


class VueNiveau:
    def __init__(self, niveau, partie, ctx):
        self.niveau, self.partie, self.ctx = niveau, partie, ctx
        self.ui, self.theme, self.t = ctx.ui, ctx.theme, ctx.t
        self.finished = False  # la vue passe à True pour demander l'écran de résultat
        self.message = ""  # ce que la dernière action a fait, en une phrase

    @property
    def area(self):
        """Le rectangle où la vue dessine (logique 1280×720)."""
        return pygame.Rect(getattr(self.ctx, "area", None) or ZONE_PAR_DEFAUT)

    @property
    def etat(self):
        return self.partie.etat

    def nombre(self, x, decimals=2):
        """Un nombre écrit dans la langue du jeu (« 2,85 » en français)."""
        number = getattr(self.t, "number", None)
        if number is not None:
            return number(x, decimals)
        return f"{x:.{decimals}f}".replace(".", ",")


_DESSINS = {}


def classe_dessin(ui):
    """A widget that only draws, with a function of the view (keeps the kit's draw order)."""
    if ui not in _DESSINS:

        class Dessin(ui.Widget):
            def __init__(self, theme, rect, dessiner):
                super().__init__(theme, rect)
                self.dessiner = dessiner

            def draw(self, surface):
                self.dessiner(surface)

        _DESSINS[ui] = Dessin
    return _DESSINS[ui]
