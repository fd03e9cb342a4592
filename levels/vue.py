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
