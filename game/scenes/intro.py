"""The first-launch moment: what the adventure is, in two sentences."""

from __future__ import annotations

import math

import pygame

from game.scenes.avatars import draw_avatar
from game.scenes.common import H, Screen, W, draw_text, heading

TEXT_W = 900
TEXT_BOXES = {
    "intro.title": (W - 200, 1, "title"),
    "intro.one": (TEXT_W, 3, "heading"),
    "intro.two": (TEXT_W, 3, "heading"),
    "intro.go": (360, 1, "body"),
}
CHAIN = ["l", "é", "o", "."]


class FirstLaunchScene(Screen):
    name = "first_launch"

    def build(self):
        h = self.theme.control_height
        self.default_focus = self.button(
            ((W - 400) // 2, H - h - 40, 400, h), self.t("intro.go"), self.done, icon="right"
        )

    def done(self):
        profile = self.app.profile
        if profile is not None:
            profile.first_launch_done = True
            self.app.save_profile()
        self.app.replace("map")

    def back(self):
        self.done()

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        profile = self.app.profile
        name = profile.name if profile else ""
        bottom = heading(self, surface, self.t("intro.title", name=name), 34, width=W - 200)
        if profile is not None:
            draw_avatar(surface, profile.avatar_name, profile.colour_rgb, (170, 112), 54)
        # A tiny picture of the idea: letters guessed one after the other.
        y = bottom + 30
        tile, gap = 70, 50
        total = len(CHAIN) * tile + (len(CHAIN) - 1) * gap
        x = (W - total) // 2
        t = self.app.time
        for i, letter in enumerate(CHAIN):
            shown = self.app.reduce_motion or (t * 1.2) % (len(CHAIN) + 2) >= i
            rect = pygame.Rect(x + i * (tile + gap), y, tile, tile)
            fill = colors.series[i % len(colors.series)] if shown else colors.disabled
            pygame.draw.rect(surface, fill, rect, border_radius=12)
            pygame.draw.rect(surface, colors.panel_edge, rect, 3, border_radius=12)
            if shown:
                theme.text(surface, letter, rect.center, "title", theme.ink_on(fill), "center")
            if i < len(CHAIN) - 1:
                ax = rect.right + 8
                bob = 0 if self.app.reduce_motion else math.sin(t * 4 + i) * 3
                self.ui.draw_icon(
                    surface,
                    "right",
                    pygame.Rect(ax + bob, rect.centery - 15, 34, 30),
                    colors.ink_soft,
                )
        y += tile + 30
        box = pygame.Rect((W - TEXT_W - 60) // 2, y, TEXT_W + 60, H - y - theme.control_height - 70)
        theme.draw_panel(surface, box)
        inner = box.inflate(-60, -40)
        one = self.t("intro.one")
        two = self.t("intro.two")
        h1 = theme.text_height(one, inner.width, "heading")
        draw_text(theme, surface, one, inner, "heading")
        rest = pygame.Rect(inner.x, inner.y + h1 + 18, inner.width, inner.height - h1 - 18)
        draw_text(theme, surface, two, rest, "heading", colors.accent)
