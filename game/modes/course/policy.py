"""The speedrun way to play: a category, a shared seed, two clocks and splits.

`Speedrun(run, profile_store_saver)` wraps a `game.modes.course.speedrun.run.Run` (made with
`auto_partie=False`, already started by the « Course » menu). For every level:

- the seed is the run's; no intro; hints only when the category allows them;
- the level's log is stamped with the run's game-time clock (`clock`), so its `t_ms`
  leave out pauses and the engine's computing time;
- a panel over the level (pause menu…) pauses both clocks (recorded in the run file);
  a long engine job (« busy ») stops game time only;
- the level ends as soon as the category's requirement is met (the goal, or in « 100 % »
  the three stars: the question is asked once the goal and the challenge are there);
  the split is taken and the next level starts at once, without a result screen;
- the top bar shows both clocks, labelled, and one cell per level with the delta to the
  personal best (green ahead, red behind, gold for a best segment ever);
- at the end the attempt goes into the profile (PB, golds, history), the run file is
  written in the data folder, and the end-of-run screen (`course_end`) shows it all.
  Leaving from the pause menu abandons the attempt (counted, like a reset in LiveSplit).
"""

from __future__ import annotations

import pygame

from game.modes.course.speedrun.categories import STARS
from game.modes.course.speedrun.records import GAME, category_record
from game.modes.course.speedrun.run import requirement_met
from game.modes.course.speedrun.timer import format_delta, format_time
from game.policies.base import Policy

GOLD = (214, 160, 20)


class Speedrun(Policy):
    name = "course"

    def __init__(self, run, livesplit=None):
        self.run = run
        self.livesplit = livesplit  # game.modes.course.speedrun.livesplit.LiveSplitDriver or None
        self.record = None  # the profile's record, read when the first level starts
        self.golds: list[bool] = []
        self.failed: str | None = None
        self.ended = False  # the attempt is recorded: one attempt per real start

    # ------------------------------------------------------------------ the start
    def seed_for(self, app, place):
        return self.run.seed

    def clock(self, app, place):
        return self.run.timer.game_seconds

    def hints_allowed(self, place):
        return self.run.category.hints_allowed

    def on_start(self, host):
        if self.record is None:
            self.record = category_record(host.app.profile, self.run.category.id)
        self.run.attach(host.partie)

    def on_pause(self, host, reason):
        if reason == "busy":
            self.run.busy_start()
        else:
            self.run.pause()
        if self.livesplit is not None:
            self.livesplit.busy(True) if reason == "busy" else self.livesplit.paused()

    def on_resume(self, host, reason):
        if reason == "busy":
            self.run.busy_end()
        else:
            self.run.resume()
        if self.livesplit is not None:
            self.livesplit.busy(False) if reason == "busy" else self.livesplit.resumed()

    # ------------------------------------------------------------------ the end of a level
    def ask_question(self, host):
        return self.run.category.requirement == STARS

    def finish_when_done(self, host):
        etat = host.partie.etat
        if requirement_met(self.run.category, host.niveau, etat):
            return True
        if self.run.category.requirement != STARS:
            return False
        stars = host.niveau.etoiles(etat)
        return stars[0] and stars[1]  # only the question is missing: ask it now

    def on_level_complete(self, host):
        app = host.app
        if not requirement_met(self.run.category, host.niveau, host.partie.etat):
            self.failed = app.t("course.fin.rate_etoiles")
            self.abandon(app, host)
            return
        segment_start = self.run.starts[self.run.index]
        self.run.split()
        mark = self.run.splits[-1]
        segment = (mark[0] - segment_start[0], mark[1] - segment_start[1])
        self.golds.append(self.record.is_gold(host.niveau.id, segment))
        if self.livesplit is not None:
            self.livesplit.split(mark[GAME])
        if not self.run.finished:
            app.replace("level", self.place_of(app, self.run.index), policy=self)
            return
        self.finish_run(app)

    def place_of(self, app, index):
        from game.scenes.places import build_places

        wanted = self.run.niveaux[index].id
        return next(p for p in build_places(app.profile) if p.id == wanted)

    def finish_run(self, app):
        from game import __version__
        from game.modes.course.speedrun.files import keep_run
        from game.modes.course.speedrun.records import record_attempt
        from game.storage import SaveError

        if self.ended:
            return
        self.ended = True
        result = record_attempt(app.profile, self.run)
        app.save_profile()
        path = None
        try:
            path = keep_run(self.run.run_file(__version__), app.profile.id)
        except SaveError as error:
            app.notify(str(error), "warn")
        app.replace("course_end", self, result, path)

    def abandon(self, app, host=None):
        """Ends the run for good: one attempt recorded, the level (and the pause menu or
        panel over it) taken off the stack, then the end screen in its place."""
        from game.modes.course.speedrun.records import record_attempt

        if self.ended:
            return
        self.ended = True
        self.run.timer.pause()
        if self.livesplit is not None:
            self.livesplit.reset()
        result = record_attempt(app.profile, self.run)
        app.save_profile()
        if host is not None and host in app.scenes.stack:
            while app.scenes.top is not host:
                app.scenes.pop()  # the pause menu, a panel…
        app.replace("course_end", self, result, None)

    def on_quit(self, host):
        if self.ended:
            return
        self.failed = host.app.t("course.fin.abandon")
        self.abandon(host.app, host)

    # ------------------------------------------------------------------ the top bar
    def top_bar_width(self, host):
        return 400

    def draw_top_bar(self, host, surface, rect):
        theme, colors, app = host.theme, host.theme.colors, host.app
        lang = app.settings.language
        if self.run.timer.paused:  # the level is hidden: nothing is studied for free
            self.draw_cover(host, surface)
        parts = self.top_bar_parts(app, theme, rect)
        for text, box in parts["clocks"]:
            theme.draw_text(surface, text, box, "small", colors.ink, "left", "middle")
        if parts["info"] is not None:
            info = self.attempt_text(app, lang)
            theme.draw_text(
                surface, info, parts["info"], "tiny", colors.ink_soft, "right", "middle"
            )
        if parts["cells"] is not None:
            self.draw_split_cells(theme, surface, parts["cells"], lang)

    def top_bar_parts(self, app, theme, rect):
        """Where the clocks, the attempt line and the split cells go in `rect`.

        Wide: « jeu … · réel … » on the top half, the cells below. Narrow (large text):
        one clock a line, the cells right of them only when they have room, no attempt line.
        """
        lang = app.settings.language
        real, game = self.run.now()
        jeu, reel = format_time(game, 1, lang), format_time(real, 1, lang)
        pauses = len(self.run.timer.pauses) + int(self.run.timer.paused)
        suffix = " · " + app.t("course.barre.pauses", n=pauses) if pauses else ""
        font = theme.font("small")
        wide = app.t("course.barre.chronos", jeu=jeu, reel=reel) + suffix
        line = rect.h // 2
        if font.size(wide)[0] <= rect.w:
            width = font.size(wide)[0]
            info = pygame.Rect(rect.x + width + 10, rect.y, rect.w - width - 10, line)
            return {
                "clocks": [(wide, pygame.Rect(rect.x, rect.y, width, line))],
                "info": info if info.w > 40 else None,
                "cells": pygame.Rect(rect.x, rect.y + line, rect.w, rect.h - line),
            }
        reel_text = app.t("course.barre.reel", reel=reel)
        if font.size(reel_text + suffix)[0] <= rect.w:
            reel_text += suffix
        texts = [app.t("course.barre.jeu", jeu=jeu), reel_text]
        width = min(rect.w, max(font.size(t)[0] for t in texts))
        clocks = [
            (text, pygame.Rect(rect.x, rect.y + k * line, width, line))
            for k, text in enumerate(texts)
        ]
        room = rect.w - width - 10
        cells = None
        if room >= 40 * len(self.run.niveaux):
            cells = pygame.Rect(rect.right - room, rect.y, room, rect.h)
        return {"clocks": clocks, "info": None, "cells": cells}

    def draw_cover(self, host, surface):
        """Over the level's area while paused: the level cannot be seen."""
        area = getattr(host, "area", None)
        if area is None:
            return
        theme = host.theme
        pygame.draw.rect(surface, theme.colors.bg, area)
        n = len(self.run.timer.pauses) + 1
        text = host.app.t("course.barre.cache", n=n)
        box = pygame.Rect(area.x + 60, area.centery - 60, area.w - 120, 120)
        theme.draw_text(surface, text, box, "heading", theme.colors.ink_soft, "center", "middle")

    def attempt_text(self, app, lang):
        """« essai 4 · somme 0:35,0 »: this attempt's number and the sum of best."""
        record = self.record
        if record is None or self.run.practice is not None:
            return ""
        sob = record.sum_of_best([n.id for n in self.run.niveaux])
        return app.t(
            "course.barre.essai",
            n=record.attempts + 1,
            somme=format_time(sob[GAME] if sob else None, 1, lang),
        )

    def split_cells(self, lang="fr"):
        """[(text, colour name)] one per level: delta to PB or the level's number."""
        record = self.record
        cells = []
        for k, niveau in enumerate(self.run.niveaux):
            if k < len(self.run.splits):
                delta = record.delta(k, self.run.splits[k]) if record else None
                gold = k < len(self.golds) and self.golds[k]
                colour = (
                    "gold"
                    if gold
                    else "ink"
                    if delta is None
                    else ("good" if delta <= 0 else "bad")
                )
                text = (
                    format_delta(delta, lang)
                    if delta is not None
                    else format_time(self.run.splits[k][GAME], 1, lang)
                )
                cells.append((text, colour))
            elif k == self.run.index:
                cells.append((str(niveau.numero), "now"))
            else:
                cells.append((str(niveau.numero), "soft"))
        return cells

    def draw_split_cells(self, theme, surface, rect, lang):
        colors = theme.colors
        palette = {
            "good": colors.good,
            "bad": colors.bad,
            "gold": GOLD,
            "ink": colors.ink,
            "soft": colors.ink_soft,
        }
        cells = self.split_cells(lang)
        width = rect.w // max(1, len(cells))
        for k, (text, colour) in enumerate(cells):
            cell = pygame.Rect(rect.x + k * width, rect.y + 1, width - 4, rect.h - 2)
            ink = palette.get(colour)
            if colour == "now":  # the level being played
                pygame.draw.rect(surface, colors.second, cell, border_radius=6)
                ink = theme.ink_on(colors.second)
            pygame.draw.rect(surface, colors.panel_edge, cell, 1, border_radius=6)
            theme.draw_text(surface, text, cell, "tiny", ink, "center", "middle")
