"""The end of a run: each level's time, the delta to the personal best, golds, totals,
the run file kept in the data folder, and « Mettre au tableau du club »."""

from __future__ import annotations

import pygame

from game.modes.course.menu import registry_levels, start_run
from game.modes.course.policy import GOLD
from game.modes.course.speedrun.records import GAME
from game.modes.course.speedrun.timer import format_delta, format_time
from game.scenes.common import MARGIN, Screen, W, draw_star, draw_text, heading


class CourseEndScene(Screen):
    """The end of a run: each level's time, the delta to the PB, golds, the totals."""

    name = "course_end"

    def __init__(self, app, policy, result, path):
        super().__init__(app)
        self.policy, self.result, self.path = policy, result, path
        self.run = policy.run

    def c(self, key, **kw):
        return self.app.t(f"course.{key}", **kw)

    def build(self):
        h = self.theme.control_height
        y = 720 - h - 24
        self.default_focus = self.button(
            (MARGIN, y, 300, h), self.c("fin.recommencer"), self.again, icon="play"
        )
        self.button((MARGIN + 320, y, 300, h), self.c("fin.menu"), self.menu, "secondary")
        self.button((W - 420, 18, 400, h), self.c("fin.lss"), self.export_lss, "secondary")
        if self.path is not None:
            self.button(
                (MARGIN + 640, y, 420, h), self.c("fin.au_tableau"), self.to_board, "secondary"
            )

    def again(self):
        practice = None
        if self.run.practice is not None:
            practice = self.run.category.level_ids(registry_levels()).index(self.run.practice)
        self.app.scenes.pop()
        run = self.run
        start_run(self.app, run.category, run.seed, run.code, practice, run.timer.clock)

    def menu(self):
        self.app.scenes.pop()

    def back(self):
        self.menu()

    def to_board(self):
        """The club board, importing this run in the background (a replay takes time)."""
        board = self.app.push("club_board", self.run.category.id)
        board.start_import([str(self.path)])

    def export_lss(self):
        """This profile's splits of the category as a LiveSplit file, next to its runs."""
        from game.modes.course.speedrun.files import RUNS_DIR, safe_name
        from game.modes.course.speedrun.lss import export_lss, segment_names
        from game.modes.course.speedrun.records import category_record
        from game.storage import SaveError, home_dir, write_atomic

        profile, cat = self.app.profile, self.run.category
        if profile is None:
            return
        names = segment_names(cat, registry_levels())
        text = export_lss(category_record(profile, cat.id), cat, names, profile.name)
        path = home_dir() / RUNS_DIR / safe_name(profile.id) / f"{safe_name(cat.id)}.lss"
        try:
            write_atomic(path, text)
        except SaveError as error:
            self.app.notify(str(error), "warn")
            return
        self.app.notify(self.c("fin.lss_fait", chemin=str(path)))

    def title(self):
        if self.policy.failed:
            return self.c("fin.perdue")
        return self.c("fin.entrainement" if self.run.practice else "fin.finie")

    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        lang = self.app.settings.language
        bottom = heading(self, surface, self.title(), 24)
        y = bottom + 10
        if self.policy.failed:
            draw_text(
                theme,
                surface,
                self.policy.failed,
                (MARGIN, y, W - 2 * MARGIN, 60),
                "body",
                colors.bad,
            )
            y += 64
        y = self.draw_table(surface, y, lang)
        self.draw_totals(surface, y + 12, lang)

    def draw_table(self, surface, y, lang):
        theme, colors = self.theme, self.colors
        cols = [MARGIN, MARGIN + 430, MARGIN + 660, MARGIN + 860]
        row_h = theme.line_height("body") + 10
        heads = [
            self.c("fin.niveau"),
            self.c("fin.segment"),
            self.c("fin.cumul"),
            self.c("fin.ecart"),
        ]
        for x, text in zip(cols, heads, strict=True):
            draw_text(
                theme,
                surface,
                text,
                (x, y, 200 if x != MARGIN else 400, row_h),
                "small",
                colors.ink_soft,
            )
        y += row_h
        segments = self.run.segments()
        for k, niveau in enumerate(self.run.niveaux):
            pygame.draw.line(surface, colors.panel_edge, (MARGIN, y), (W - MARGIN, y), 1)
            draw_text(
                theme,
                surface,
                f"{niveau.numero} · {niveau.titre}",
                (cols[0], y + 4, 400, row_h),
                "body",
            )
            if k < len(segments):
                gold = k < len(self.result.golds) and self.result.golds[k]
                seg = format_time(segments[k][GAME], 1, lang)
                draw_text(
                    theme,
                    surface,
                    seg,
                    (cols[1], y + 4, 200, row_h),
                    "body",
                    GOLD if gold else colors.ink,
                )
                if gold:  # a best segment ever: a gold star after the time
                    text_w = theme.font("body").size(seg)[0]
                    draw_star(surface, (cols[1] + text_w + 16, y + row_h // 2 + 2), 9, True, theme)
                draw_text(
                    theme,
                    surface,
                    format_time(self.run.splits[k][GAME], 1, lang),
                    (cols[2], y + 4, 200, row_h),
                    "body",
                )
                delta = self.delta(k)
                colour = colors.ink if delta is None else colors.good if delta <= 0 else colors.bad
                draw_text(
                    theme,
                    surface,
                    format_delta(delta, lang),
                    (cols[3], y + 4, 200, row_h),
                    "body",
                    colour,
                )
            y += row_h
        return y

    def delta(self, k):
        """Delta to the PB as it was before this run (the PB may just have been replaced)."""
        previous = self.policy.record
        return previous.delta(k, self.run.splits[k]) if previous is not None else None

    def draw_totals(self, surface, y, lang):
        theme, colors = self.theme, self.colors
        lines = []
        if self.run.finished and not self.run.practice:
            real, game = self.run.splits[-1]
            lines.append(
                (
                    self.c(
                        "fin.temps", jeu=format_time(game, 1, lang), reel=format_time(real, 1, lang)
                    ),
                    colors.ink,
                )
            )
            pb = self.result.record.pb_total()
            if self.result.new_pb:
                lines.append((self.c("fin.record"), GOLD))
            elif pb:
                lines.append(
                    (self.c("fin.pas_record", pb=format_time(pb[GAME], 1, lang)), colors.ink_soft)
                )
        sob = self.result.record.sum_of_best(self.run.category.level_ids(registry_levels()))
        lines.append(
            (
                self.c(
                    "fin.essai",
                    n=self.result.attempt,
                    sob=format_time(sob[GAME] if sob else None, 1, lang),
                ),
                colors.ink_soft,
            )
        )
        if self.path is not None:
            lines.append((self.c("fin.fichier", chemin=str(self.path)), colors.ink_soft))
        for text, colour in lines:
            used = draw_text(theme, surface, text, (MARGIN, y, W - 2 * MARGIN, 60), "body", colour)
            y += max(theme.line_height("body"), used or 0) + 6
