"""A way to play is a policy: one object the level host consults.

The same levels are played in several ways — the adventure (a kid at home), homework
(a teacher's code fixes the levels and a personal seed), a speedrun (a shared seed,
timers, splits). The level host (`game.scenes.level.LevelHost`), the result screen and
the map do not know which one is active: every choice that differs between ways to
play is a method of `Policy`, and `LevelHost(app, place, policy=...)` asks it.

Write a new way to play by subclassing `Policy` and overriding the hooks that differ
(see docs/ARCHITECTURE.md « How to add a way to play »). The defaults are the plainest
behaviour; `game.modes.aventure.policy.Aventure` is the adventure.

The life of one level under a policy, as the host calls it:

1. `seed_for(app, place)` → the run's seed, `clock(app, place)` → what stamps its log;
   `show_intro(app, place)` → intro or not (`intro_seen(app, place)` when the kid
   leaves it);
2. `on_start(host)` when play begins (after the intro), then `update(host, dt)` every
   frame the level is on top; `on_pause(host, reason)` / `on_resume(host, reason)`
   around a panel over the level (reason "panel") or a long engine job (reason "busy");
3. `top_bar_width(host)` reserves room in the host's top bar (asked when the bar is
   laid out), `draw_top_bar(host, surface, rect)` draws there (default: the texts of
   `top_bar_items(host)`);
4. the end: the kid asks for the result (or, when `finish_when_done(host)`, as soon as
   the goal is reached); the understanding question comes first when
   `ask_question(host)`; then `on_level_complete(host)` (which calls `save_log`);
   `on_quit(host)` when the kid leaves the level from the pause menu;
5. the result screen's two buttons call `after_result(app, place, unlocked)` and
   `replay(app, place)`.

A hook gets the host (`host.app`, `host.place`, `host.partie`, `host.niveau`,
`host.done`) and must not raise: the host wraps nothing, a crash in a hook is a crash
of the scene (the app's safety net shows the map).
"""

from __future__ import annotations

import random

from levels.crochets import verifier_crochets

SEED_MAX = 2**31


class Policy:
    """The plainest way to play: a random seed, no intro, no saving, back to the map."""

    name = "libre"  # a short id (logs, tests)

    def __init_subclass__(cls, **kwargs):
        """A way to play defining `on_pasue` (or any `on_…` the host never calls, or a
        near-miss of a hook) is refused when it is loaded, with « tu voulais dire … ? »."""
        super().__init_subclass__(**kwargs)
        hooks = {name for base in cls.__mro__[1:] for name in vars(base)}
        verifier_crochets(cls, hooks, prefixes=("on_",))

    # ------------------------------------------------------------------ the start
    def seed_for(self, app, place):
        """The seed of a new run of `place` (tests and screenshots fix `app.seed_override`)."""
        seed = getattr(app, "seed_override", None)
        return seed if seed is not None else random.randrange(1, SEED_MAX)

    def clock(self, app, place):
        """The clock the run's log is stamped with (`t_ms` of each action): a function
        returning seconds, or None for the computer's own (`time.monotonic`). A speedrun
        gives one that stops during pauses, so the log's times leave them out."""
        return None

    def show_intro(self, app, place):
        """Show the level's intro screens before play?"""
        return False

    def intro_seen(self, app, place):
        """The kid went through (or skipped) the intro of `place`."""

    def hints_allowed(self, place):
        """May the kid open the three hints (bar button, pause menu)?"""
        return True

    # ------------------------------------------------------------------ during play
    def on_start(self, host):
        """Play begins (the intro, if any, is over)."""

    def update(self, host, dt):
        """One frame of play, `dt` seconds (only while the level is the top scene)."""

    def on_pause(self, host, reason):
        """Play stops counting: `reason` is "panel" (pause menu, hints, « sous le capot »,
        the question, settings over the level) or "busy" (a long engine job runs)."""

    def on_resume(self, host, reason):
        """Play counts again (same `reason` as the `on_pause` it ends)."""

    # ------------------------------------------------------------------ the top bar
    def top_bar_width(self, host):
        """Pixels to keep in the top bar, left of the goal bar (0: nothing to show)."""
        return 0

    def top_bar_items(self, host):
        """Short texts the top bar shows in that room (timers, splits…)."""
        return []

    def draw_top_bar(self, host, surface, rect):
        """Draw in the room kept by `top_bar_width` (default: the items, « · » between)."""
        items = [str(item) for item in self.top_bar_items(host) if item]
        if items and rect.width > 0:
            theme = host.theme
            theme.draw_text(surface, " · ".join(items), rect, "small", None, "right", "middle")

    # ------------------------------------------------------------------ the end
    def ask_question(self, host):
        """Ask the level's understanding question before the end (when it has one)?"""
        return True

    def finish_when_done(self, host):
        """Go to the end as soon as the goal is reached, without « Voir mon résultat »?"""
        return False

    def save_log(self, app, place, partie):
        """Keep the run somewhere; returns the ids of the map places it opened."""
        return []

    def on_level_complete(self, host):
        """The kid is done with this level (goal reached or not): keep the log and show
        what comes next. The host has already stopped its long work."""
        self.save_log(host.app, host.place, host.partie)
        host.app.go_to_map()

    def on_quit(self, host):
        """The kid leaves the level from the pause menu (nothing is kept by default)."""
        host.app.go_to_map()

    def after_result(self, app, place, unlocked):
        """The result screen's « Retour à la carte »."""
        app.go_to_map(unlocked)

    def replay(self, app, place):
        """The result screen's « Rejouer »: the same place again, same way to play."""
        app.replace("level", place, policy=self)
