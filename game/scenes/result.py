"""The result screen: what you achieved, your figures, your stars, what you learned.

Its two buttons ask the way to play (`policy`) what comes next: `after_result`
(« Retour à la carte ») and `replay` (« Rejouer »).
"""

from __future__ import annotations

import math

import pygame

from game.modes.aventure.policy import Aventure
from game.scenes.common import MARGIN, Screen, W, draw_star, draw_text, heading
from game.scenes.figures import LevelTexts, format_value, goal_text, place_name
from game.scenes.proof import has_proof, save_proof
from game.ui.theme import mix

LEFT = pygame.Rect(MARGIN, 120, 560, 370)
RIGHT = pygame.Rect(MARGIN + 590, 120, W - MARGIN - 590 - 40, 370)
LEARN = pygame.Rect(MARGIN, 510, W - MARGIN - 40, 110)
MAX_FIGURES = 5
PROOF_W = 380  # « Enregistrer ma preuve »
TEXT_BOXES = {
    "result.title_done": (W - 200, 1, "title"),
    "result.title_not_done": (W - 200, 1, "title"),
    "result.achieved": (LEFT.width - 40, 1, "heading"),
    "result.stars": (RIGHT.width - 40, 1, "heading"),
    "result.learned": (LEARN.width - 40, 1, "body"),
    "result.map": (330, 1, "body"),
    "result.again": (330, 1, "body"),
}


class ResultScene(Screen):
    name = "result"

    def __init__(self, app, place, partie, unlocked=(), policy=None):
        super().__init__(app)
        self.place = place
        self.policy = policy if policy is not None else Aventure()
        self.partie = partie
        self.niveau = place.niveau
        self.texts = LevelTexts(app, self.niveau, place.package)
        self.unlocked = list(unlocked)
        self.completed = partie.termine()
        self.stars = list(self.niveau.etoiles(partie.etat))
        self.mesures = self.niveau.mesures(partie.etat)
        self.age = 0.0

    def build(self):
        theme = self.theme
        h = theme.control_height
        y = 720 - h - 22
        self.default_focus = self.button(
            (W - 40 - 330, y, 330, h), self.t("result.map"), self.back, icon="home"
        )
        self.button(
            (W - 40 - 330 - 350, y, 330, h), self.t("result.again"), self.again, "secondary"
        )
        self.proof_button = None
        if has_proof(self.app.profile, self.place):
            self.proof_button = self.button(
                (MARGIN, y, PROOF_W, h),
                self.t("proof.save"),
                lambda: save_proof(self.app, self.place),
                "secondary",
                tooltip=self.t("proof.save_help"),
                sound=None,
            )

    def back(self):
        self.app.play("click")
        self.policy.after_result(self.app, self.place, self.unlocked)

    def again(self):
        self.policy.replay(self.app, self.place)

    def update(self, dt):
        super().update(dt)
        self.age += dt

    def bars(self):
        """The goal values the screen shows (the goal line; level 5's own `barre`)."""
        barre = self.mesures.get("barre")
        if not isinstance(barre, int | float) or isinstance(barre, bool):
            barre = self.niveau.objectif.seuil  # a run's own bar (level 5) replaces the goal's
        return [barre, *getattr(self.niveau, "autres_barres", ())]

    def figures(self):
        """[(label, value text)] — the goal metric first, then the level's costs."""
        items = []
        metric = self.niveau.objectif.metrique
        keys = [metric] + [k for k in self.mesures if k != metric]
        bars = self.bars()
        for key in keys:
            value = self.mesures.get(key)
            if not isinstance(value, int | float) or key.startswith("enigme_"):
                continue
            label = self.texts.text(f"mesures.{key}") or key.replace("_", " ").capitalize()
            items.append((label, format_value(self.app, self.niveau, key, value, bars)))
            if len(items) >= MAX_FIGURES:
                break
        return items

    def draw_content(self, surface):
        title = self.t(
            "result.title_done" if self.completed else "result.title_not_done",
            place=place_name(self, self.place),
        )
        heading(self, surface, title, 28, width=W - 200)
        self._draw_achieved(surface)
        self._draw_stars(surface)
        self._draw_learned(surface)

    def _draw_achieved(self, surface):
        """Left: what was achieved (the goal line, ticked or not) and the figures."""
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, LEFT)
        inner = LEFT.inflate(-40, -36)
        y = inner.y
        theme.text(surface, self.t("result.achieved"), (inner.x, y), "heading", colors.accent)
        y += theme.line_height("heading") + 8
        goal = goal_text(self.app, self.texts, self.niveau)
        mark_color = colors.good if self.completed else colors.warn
        goal_h = min(
            3 * theme.line_height("small"), theme.text_height(goal, inner.width - 44, "small")
        )
        pygame.draw.circle(surface, mark_color, (inner.x + 14, y + 14), 14)
        self.ui.draw_icon(
            surface,
            "check" if self.completed else "minus",
            pygame.Rect(inner.x + 4, y + 4, 20, 20),
            (255, 255, 255),
        )
        draw_text(theme, surface, goal, (inner.x + 44, y, inner.width - 44, goal_h), "small")
        y += goal_h + 16
        line_h = theme.line_height("small") + 6
        room = max(0, (inner.bottom - y) // line_h)
        for label, value in self.figures()[:room]:
            draw_text(
                theme,
                surface,
                label,
                (inner.x, y, inner.width - 170, line_h),
                "small",
                colors.ink_soft,
                "left",
                "middle",
            )
            draw_text(
                theme,
                surface,
                value,
                (inner.right - 170, y, 170, line_h),
                "small",
                colors.ink,
                "right",
                "middle",
            )
            y += line_h

    def _draw_stars(self, surface):
        """Right: the three stars (they pop in one after the other) and their labels."""
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, RIGHT)
        inner = RIGHT.inflate(-40, -36)
        theme.text(surface, self.t("result.stars"), (inner.x, inner.y), "heading", colors.accent)
        labels = self.texts.list("etoiles")
        y = inner.y + theme.line_height("heading") + 16
        row_h = (inner.bottom - y) // 3
        motion = not self.app.reduce_motion
        for i in range(3):
            earned = i < len(self.stars) and self.stars[i]
            radius = 26
            if earned and motion:
                k = min(1.0, max(0.0, (self.age - 0.3 * i) / 0.4))
                radius = round(26 * (k + 0.25 * math.sin(k * math.pi)))
            if radius > 2 or not earned:
                draw_star(surface, (inner.x + 30, y + row_h // 2), max(radius, 3), earned, theme)
            label = labels[i] if i < len(labels) else ""
            draw_text(
                theme,
                surface,
                label,
                (inner.x + 76, y, inner.width - 76, row_h),
                "small",
                colors.ink if earned else colors.ink_soft,
                "left",
                "middle",
            )
            y += row_h

    def _draw_learned(self, surface):
        """Bottom: one sentence of what was learned."""
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, LEARN, mix(colors.panel, colors.good, 0.12))
        inner = LEARN.inflate(-40, -24)
        theme.text(surface, self.t("result.learned"), (inner.x, inner.y), "body", colors.good)
        rect = pygame.Rect(
            inner.x,
            inner.y + theme.line_height("body") + 4,
            inner.width,
            inner.height - theme.line_height("body") - 4,
        )
        draw_text(theme, surface, self.texts.text("appris"), rect, "small")
