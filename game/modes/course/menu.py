"""« Course »: choose a category (rules on screen), the club's seed (pictures), go.

The run itself is played by the level host under the `Speedrun` policy
(`game.modes.course.policy`): no intro, no confirmation, the next level at once.
"""

from __future__ import annotations

import pygame

from game.modes.course.policy import Speedrun
from game.modes.course.seed_pictures import draw_seed
from game.modes.course.speedrun import categories as cats
from game.modes.course.speedrun.records import GAME, category_record
from game.modes.course.speedrun.seeds import CodeError, clean_code, seed_from_code, week_code
from game.modes.course.speedrun.timer import format_time
from game.scenes.common import MARGIN, H, Screen, W, draw_text, heading, make_tile

BASE_IDS = [c.id for c in cats.categories() if c.hints_allowed]


class CourseMenuScene(Screen):
    name = "course_menu"

    def __init__(self, app, category_id="aventure", code=None, practice=None):
        super().__init__(app)
        self.base_id = category_id.removesuffix("-sans-indice")
        self.no_hints = category_id.endswith("-sans-indice")
        self.code, self.seed = week_code() if code is None else (code, seed_from_code(code))
        self.practice = practice  # index into the category's levels, or None
        self.code_error = ""

    @property
    def category(self):
        return cats.category(self.base_id + ("-sans-indice" if self.no_hints else ""))

    def c(self, key, **kw):
        return self.app.t(f"course.{key}", **kw)

    def build(self):
        theme, h = self.theme, self.theme.control_height
        self.back_button()
        self.button((W - 340, 18, 320, h), self.c("tableau"), self.board, "secondary")
        y = 110
        tile_h = min(h, (H - 16 - y) // (len(BASE_IDS) + 1) - 8)  # the toggle below fits too
        for cat_id in BASE_IDS:
            rect = (MARGIN - 40, y, 420, tile_h)
            make_tile(
                self,
                rect,
                self._cat_painter(cat_id),
                lambda i=cat_id: self.pick(i),
                selected=cat_id == self.base_id,
            )
            y += tile_h + 8
        self.container.add(
            self.ui.Toggle(
                theme,
                (MARGIN - 40, y, 420, min(h, H - 8 - y)),
                self.c("menu.sans_indice"),
                self.no_hints,
                self.set_no_hints,
            )
        )
        x = 560
        self.field = self.ui.TextField(
            theme,
            (x, 430, 330, h),
            "",
            self.c("menu.code_exemple"),
            max_length=20,
            on_submit=lambda _t: self.use_code(),
        )
        self.container.add(self.field)
        self.button((x + 340, 430, 330, h), self.c("menu.code_ok"), self.use_code, "secondary")
        self.button((x, 430 + h + 10, 330, h), self.c("menu.semaine"), self.use_week, "secondary")
        profile = self.app.profile
        name = profile.name if profile else "—"
        self.button(
            (x + 340, 430 + h + 10, 330, h),
            self.c("menu.coureur", nom=name),
            self.next_runner,
            "secondary",
        )
        self.button(
            (x, 430 + 2 * (h + 10), 330, h),
            self.practice_label(),
            self.next_practice,
            "secondary",
            tooltip=self.c("menu.entrainement_aide"),
        )
        # The whole rules on hover (the box shows the category's own when all cannot fit).
        rules = self.category.rule_text(self.app.settings.language)
        self.container.add(self.ui.Widget(theme, RULES_BOX, rules))
        self.default_focus = self.button(
            (x + 340, 430 + 2 * (h + 10), 330, h),
            self.c("menu.partir"),
            self.start,
            icon="play",
            enabled=profile is not None,
        )

    def _cat_painter(self, cat_id):
        def paint(surface, tile):
            theme = self.theme
            fill = theme.colors.second if tile.selected else theme.colors.panel
            theme.draw_panel(surface, tile.rect, fill, width=3 if tile.focused else 2)
            name = cats.category(cat_id).title(self.app.settings.language)
            draw_text(
                theme,
                surface,
                name,
                tile.rect.inflate(-20, -4),
                "body",
                theme.ink_on(fill),
                "left",
                "middle",
            )

        return paint

    def practice_label(self):
        if self.practice is None:
            return self.c("menu.sans_entrainement")
        number = self.category.levels[self.practice]
        level = self.c("menu.entrainement_niveau", n=number)
        return self.c("menu.entrainement", niveau=level)

    # ------------------------------------------------------------------ choices
    def pick(self, cat_id):
        self.base_id, self.practice = cat_id, None
        self.rebuild()

    def set_no_hints(self, value):
        self.no_hints = value
        self.rebuild()

    def use_code(self):
        try:
            self.code = clean_code(self.field.text)
            self.seed = seed_from_code(self.code)
            self.code_error = ""
        except CodeError as error:
            self.code_error = str(error)
            self.app.play("error")

    def use_week(self):
        self.code, self.seed = week_code()
        self.code_error = ""

    def next_runner(self):
        profiles = self.app.profiles.list_profiles()
        if not profiles:
            self.app.notify(self.c("menu.sans_profil"), "warn")
            return
        ids = [p.id for p in profiles]
        current = self.app.profile.id if self.app.profile else None
        index = (ids.index(current) + 1) % len(ids) if current in ids else 0
        self.app.profile = profiles[index]
        self.rebuild()

    def next_practice(self):
        count = len(self.category.levels)
        self.practice = 0 if self.practice is None else self.practice + 1
        if self.practice >= count or count == 1:
            self.practice = None
        self.rebuild()

    def board(self):
        self.app.push("club_board", self.category.id)

    def start(self):
        if self.app.profile is None:
            self.app.notify(self.c("menu.sans_profil"), "warn")
            return
        start_run(self.app, self.category, self.seed, self.code, self.practice)

    # ------------------------------------------------------------------ drawing
    def rules_shown(self, body):
        """All the rules when they fit; else the category's own (its pause cap included)
        and where to read the rest: the box's tooltip."""
        lang, theme = self.app.settings.language, self.theme
        full = self.category.rule_text(lang)
        if theme.text_height(full, body.w, theme.min_size("small")) <= body.h:
            return full
        return f"{self.category.own_rule_text(lang)} {self.c('menu.regles_survol')}"

    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        heading(self, surface, self.c("titre"), 24, width=500)
        cat = self.category
        lang = self.app.settings.language
        box = RULES_BOX
        theme.draw_panel(surface, box)
        draw_text(theme, surface, cat.title(lang), box.inflate(-24, -16), "heading")
        body = pygame.Rect(
            box.x + 12,
            box.y + theme.line_height("heading") + 16,
            box.w - 24,
            box.h - theme.line_height("heading") - 24,
        )
        draw_text(theme, surface, self.rules_shown(body), body, "small", colors.ink_soft)
        seed_box = pygame.Rect(560, 298, W - 560 - 40, 126)
        label = f"{self.c('menu.graine')} — {self.code}"
        draw_text(theme, surface, label, seed_box.move(0, -2), "small", colors.ink)
        pics = pygame.Rect(seed_box.x, seed_box.y + 26, 420, seed_box.h - 26)
        draw_seed(self, surface, self.seed, pics, "small")
        if self.code_error:
            note = pygame.Rect(seed_box.x + 430, seed_box.y + 30, seed_box.w - 430, 90)
            draw_text(theme, surface, self.code_error, note, "small", colors.bad)
        if self.app.profile is not None:
            record = category_record(self.app.profile, cat.id)
            sob = record.sum_of_best(cat.level_ids(registry_levels()))
            text = self.c(
                "menu.essais",
                n=record.attempts,
                pb=format_time((record.pb_total() or [None, None])[GAME], 1, lang),
                sob=format_time(sob[GAME] if sob else None, 1, lang),
            )
            draw_text(theme, surface, text, (560, 660, W - 600, 40), "small", colors.ink_soft)
        else:
            draw_text(
                theme,
                surface,
                self.c("menu.sans_profil"),
                (560, 650, W - 600, 60),
                "small",
                colors.bad,
            )


RULES_BOX = pygame.Rect(560, 96, W - 560 - 40, 194)


def registry_levels():
    from levels import registry

    return registry.niveaux()


def start_run(app, category, seed, code, practice=None, clock=None):
    """Starts a run of `category` (or practice of its level n° `practice`) at once.
    `clock` (seconds) is the computer's `time.monotonic` unless a test gives one."""
    import time

    from game.modes.course.speedrun.livesplit import LiveSplitDriver, LiveSplitLink
    from game.modes.course.speedrun.run import Run

    levels = registry_levels()
    practice_id = category.level_ids(levels)[practice] if practice is not None else None
    run = Run(
        category,
        seed,
        levels,
        clock=clock or time.monotonic,
        code=code,
        runner=app.profile.name,
        practice=practice_id,
        auto_partie=False,
    )
    livesplit = None
    if getattr(app.settings, "livesplit_server", False) and practice is None:
        livesplit = LiveSplitDriver(LiveSplitLink())
    policy = Speedrun(run, livesplit)
    run.start()
    if livesplit is not None:
        livesplit.started()
        if livesplit.link.error:
            app.notify(livesplit.link.error, "warn")
    app.push("level", policy.place_of(app, 0), policy=policy)
