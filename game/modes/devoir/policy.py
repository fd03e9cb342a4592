"""Homework: a teacher's code fixes the levels, the rules and a personal seed per pupil.

- the seed of each level comes from (code, the pupil's first name, level)
  (`game.modes.devoir.homework.seeds.personal_seed`): two pupils never play the same variant;
- hints only when the homework allows them;
- the intro like the adventure (the first time only);
- the top bar says which homework is played;
- at the end, the run goes into the homework kept in the profile (`profile.homework`,
  the best run per level), never into the adventure's progress: nothing there changes;
- after the result, back to the map with the homework panel open.
"""

from __future__ import annotations

from game.modes.aventure.policy import Aventure
from game.modes.devoir.homework import progress


class Devoir(Aventure):
    name = "devoir"

    def __init__(self, code, devoir):
        self.code = code
        self.devoir = devoir

    def seed_for(self, app, place):
        if app.profile is None:
            return super().seed_for(app, place)
        return progress.seed(app.profile, self.code, place.niveau.id)

    def hints_allowed(self, place):
        return bool(self.devoir.indices)

    def top_bar_width(self, host):
        label = self.label(host.app)
        return host.theme.font("small").size(label)[0] + 24

    def top_bar_items(self, host):
        return [self.label(host.app)]

    def label(self, app):
        return app.t("devoirs.panneau.barre", code=self.code)

    def save_log(self, app, place, partie):
        profile = app.profile
        if profile is None or not partie.actions or not partie.termine():
            return []
        if progress.record(profile, self.code, self.devoir, partie.journal()):
            app.save_profile()
        return []

    def on_level_complete(self, host):
        self.save_log(host.app, host.place, host.partie)
        host.app.replace("result", host.place, host.partie, [], policy=self)

    def on_quit(self, host):
        back_to_panel(host.app, self.code)

    def after_result(self, app, place, unlocked):
        back_to_panel(app, self.code)

    def replay(self, app, place):
        app.replace("level", place, policy=self)


def back_to_panel(app, code):
    app.go_to_map()
    app.push("homework", code)


def start_level(app, code, devoir, numero):
    """Plays level `numero` of the homework (from the homework panel)."""
    from game.scenes.places import build_places

    place = next(
        (p for p in build_places(app.profile) if p.kind == "level" and p.number == numero), None
    )
    if place is None or place.niveau is None:
        app.play("error")
        return
    app.go_to_map()
    app.push("level", place, policy=Devoir(code, devoir))
