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

TITLE_ROOM = 260  # pixels the level's own title keeps in the top bar, at least


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
        """The tag « Devoir 2CUB-… » when the level's title keeps room; at a large text
        size only « Devoir » (the code is on the homework panel)."""
        theme = host.theme
        font = theme.font("small")
        one_line = font.size(self.label(host.app))[0] + 24
        button = getattr(host, "result_button", None)
        free = 10**6 if button is None else button.rect.x - 16 - (16 + theme.control_height + 32)
        self.short_tag = one_line > free - TITLE_ROOM  # the pause button, then the title
        if not self.short_tag:
            return one_line
        return min(font.size(self.label(host.app, short=True))[0] + 24, max(0, free // 2))

    def top_bar_items(self, host):
        return [self.label(host.app, short=getattr(self, "short_tag", False))]

    def label(self, app, short=False):
        if short:
            return app.t("devoirs.panneau.barre_court")
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
