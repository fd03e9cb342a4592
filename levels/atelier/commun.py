"""Ce que la vue de l'atelier et ses deux panneaux partagent : les textes, les nombres,
et la base d'un panneau."""

import pygame

TEXTES = "l5_gpt.atelier."


def texte(ctx, cle, **kw):
    """Un texte de la table [atelier] (le traducteur y met les espaces insécables du français)."""
    return ctx.t(TEXTES + cle, **kw)


def nombre(ctx, valeur, decimales=0):
    """Un nombre écrit dans la langue du jeu."""
    return ctx.t.number(valeur, decimales)


class Panneau:
    """Un onglet de l'atelier : `a` est la vue (`VueAtelier`), `rect` sa place.

    Un panneau écrit `construire()` (ses widgets dans `self.box`), `maj()` et `draw`."""

    def __init__(self, vue, rect):
        self.a = vue
        self.ctx = vue.ctx
        self.theme = vue.ctx.theme
        self.rect = pygame.Rect(rect)
        self.preparer()
        self.construire()

    def preparer(self):
        """Ce que le panneau garde d'une mise en page à l'autre (avant `construire`)."""

    def construire(self):
        self.box = self.ctx.ui.Container(self.theme)

    def maj(self):
        """Active ou grise les contrôles selon l'état."""

    def handle_event(self, event):
        return self.box.handle_event(event)

    def update(self, dt):
        self.box.update(dt)
        self.maj()
