"""Ce que toutes les vues de niveau partagent (pygame, mais jamais `game`).

Une vue reçoit du jeu un contexte (`ContexteVue` : widgets, thème, textes, runner…,
voir docs/ARCHITECTURE.md) ; elle transforme les clics en actions de la partie et
dessine l'état. Le jeu appelle `rebuild()` (changement de taille du texte),
`handle_event`, `update`, `draw` ; une vue écrit `construire()` (la mise en page)
et `maj()` (remettre les widgets à jour après une action).

`jouer(action)` joue une action courte (le refus s'affiche, avec le son d'erreur),
`animer(action, pas_par_seconde)` une action longue à un rythme qu'un enfant suit
des yeux (`arreter()` l'interrompt : les pas faits restent notés), `son(nom)` joue
un son du jeu.
"""

import contextlib
from typing import Any, Protocol, runtime_checkable

import pygame

from levels.crochets import verifier_crochets

# La zone d'une vue si le jeu n'en donne pas : sous le bandeau de l'hôte.
ZONE_PAR_DEFAUT = (0, 110, 1280, 610)


@runtime_checkable
class ContexteVue(Protocol):
    """Ce que le jeu donne à une vue (`game.scenes.level_context.LevelContext` l'implémente)."""

    ui: Any  # le kit de widgets (Container, Button, Slider, LineChart…)
    theme: Any  # couleurs, polices, `draw_text`, `line_height`, `text_size`…
    t: Any  # les textes du niveau : t(clé, **valeurs), t.number(x, n), t.percent(x)
    sounds: Any  # sounds.play(nom)
    runner: Any  # runner.play(partie, action) : une action longue sans geler l'écran
    area: Any  # le rectangle où la vue dessine (coordonnées logiques 1280×720)

    @property
    def profile(self) -> Any:
        """Le profil du joueur (None dans les écrans de démonstration)."""

    @property
    def reduce_motion(self) -> bool:
        """Le réglage « moins d'animations »."""

    def garder_modele(self, contenu: dict) -> bool:
        """Garde un modèle entraîné dans le profil ; True s'il est sur le disque."""


class VueNiveau:
    # Ce que l'hôte du jeu appelle sur une vue, en plus des méthodes publiques de cette base.
    APPELS_DU_JEU = frozenset({"handle_event", "update", "draw", "rebuild", "make_view"})

    def __init_subclass__(cls, **kwargs):
        """Une vue qui écrit `rebiuld` ou `handle_evnet` est refusée au chargement."""
        super().__init_subclass__(**kwargs)
        connus = {nom for base in cls.__mro__[1:] for nom in vars(base)}
        verifier_crochets(cls, VueNiveau.APPELS_DU_JEU | connus)

    def __init__(self, niveau, partie, ctx: ContexteVue):
        self.niveau, self.partie, self.ctx = niveau, partie, ctx
        self.ui, self.theme, self.t = ctx.ui, ctx.theme, ctx.t
        self.finished = False  # la vue passe à True pour demander l'écran de résultat
        self.message = ""  # ce que la dernière action a fait, en une phrase
        self.message_bon = False  # une bonne nouvelle (vert) ou un refus (rouge)
        self.animation = None  # l'action longue en cours (générateur de la partie)
        self._horloge = 0.0
        self._rythme = 1.0

    # --- ce que le jeu appelle -----------------------------------------------------------

    def rebuild(self):
        """La taille du texte ou la langue a changé : on refait la mise en page."""
        self.construire()

    def construire(self):
        """La mise en page (les widgets) ; à écrire par chaque vue."""

    def maj(self):
        """Remet les widgets à jour après une action ; à écrire par chaque vue."""

    @property
    def area(self):
        """Le rectangle où la vue dessine (logique 1280×720)."""
        return pygame.Rect(self.ctx.area or ZONE_PAR_DEFAUT)

    @property
    def etat(self):
        return self.partie.etat

    # --- jouer ----------------------------------------------------------------------------

    def dire(self, message, bon=False):
        self.message, self.message_bon = message or "", bon

    def jouer(self, action, son=None):
        """Joue une action courte. Refusée : le message s'affiche avec le son d'erreur ;
        acceptée : le message s'efface et `son` (s'il y en a un) se joue. Puis `maj()`.
        Renvoie le message du refus, ou None."""
        refus = self.partie.jouer(action)
        if refus is not None:
            self.dire(refus)
            self.son("error")
        else:
            self.dire("")
            if son:
                self.son(son)
        self.maj()
        return refus

    def son(self, nom):
        """Joue un son du jeu (« click », « error », « success »…) ; un son raté ne casse rien."""
        with contextlib.suppress(Exception):
            self.ctx.sounds.play(nom)

    # --- une action longue, au rythme d'un enfant -------------------------------------------

    @property
    def occupe(self):
        return self.animation is not None

    def animer(self, action, pas_par_seconde):
        """Lance l'action longue `action`, `pas_par_seconde` pas par seconde (le premier
        tout de suite) ; `update` la fait avancer. Ne fait rien si une autre est en cours."""
        if self.animation is not None:
            return
        self.animation = self.partie.jouer_en_tranches(action)
        self._rythme = pas_par_seconde
        self._horloge = 1 / pas_par_seconde
        self.maj()

    def arreter(self):
        """Interrompt l'action longue : les pas déjà faits restent notés dans le journal."""
        if self.animation is not None:
            self.animation.close()
            self.animation = None
            self.maj()

    def avancer(self, dt):
        """À appeler dans `update` : fait les pas dus depuis la dernière image."""
        if self.animation is None:
            return
        self._horloge += dt
        pas = int(self._horloge * self._rythme)
        if pas <= 0:
            return
        self._horloge -= pas / self._rythme
        for _ in range(pas):
            try:
                next(self.animation)
            except StopIteration:
                self.animation = None
                if self.partie.dernier_refus:
                    self.dire(self.partie.dernier_refus)
                break
        self.maj()

    # --- écrire les nombres -----------------------------------------------------------------

    def nombre(self, x, decimals=2):
        """Un nombre écrit dans la langue du jeu (« 2,85 » en français)."""
        return self.t.number(x, decimals)

    def pourcent(self, fraction):
        """Une fraction en pourcentage, dans la langue du jeu (« 97 % »)."""
        return self.t.percent(fraction)


def melange(a, b, t):
    """La couleur entre `a` (t = 0) et `b` (t = 1)."""
    t = min(1.0, max(0.0, t))
    return tuple(round(x + (y - x) * t) for x, y in zip(a[:3], b[:3], strict=True))


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
