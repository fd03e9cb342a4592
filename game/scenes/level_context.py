"""What the game gives a level's view (`ctx`): the app's services, the kid's settings
and profile, where to draw; see docs/ARCHITECTURE.md and `levels.vue.ContexteVue`."""

from __future__ import annotations

from levels.vue import ContexteVue


class LevelContext(ContexteVue):
    """What a level view receives (`ctx`): see docs/ARCHITECTURE.md and docs/GAME.md."""

    def __init__(self, app, package, area):
        self.app = app
        self.ui = app.ui
        self.theme = app.theme
        self.sounds = app.sounds
        self.runner = app.runner
        self.t = app.translator.namespaced(package)
        self.area = area  # where the view draws (logical coordinates)

    @property
    def settings(self):
        return self.app.settings

    @property
    def lang(self):
        return self.app.translator.lang

    @property
    def reduce_motion(self):
        return self.app.reduce_motion

    @property
    def profile(self):
        """The profile playing now (None in the demo screens without a player)."""
        return self.app.profile

    def play(self, name):
        self.app.play(name)

    def garder_modele(self, contenu):
        """Keep a trained model (the content of an `engine.sauvegarde` file) in the profile.

        It replaces the model kept before; the profile is saved at once (atomic write).
        Returns True when it is on disk; a failed save is told to the kid in a notice.
        """
        profile = self.app.profile
        if profile is None or not isinstance(contenu, dict):
            return False
        profile.saved_model = contenu
        return self.app.save_profile()
