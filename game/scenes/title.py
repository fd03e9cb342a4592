"""The title screen: the game's name, Jouer / Réglages / Quitter."""

from __future__ import annotations

import math

import pygame

from game.scenes.common import Screen, W, draw_text

BUTTON_W = 420
TEXT_BOXES = {
    "title.name": (1000, 1, "title"),
    "title.subtitle": (900, 2, "heading"),
    "title.play": (BUTTON_W - 60, 1, "body"),
    "title.settings": (BUTTON_W - 60, 1, "body"),
    "title.quit": (BUTTON_W - 60, 1, "body"),
}
LETTERS = "TUTO LLM"


class TitleScene(Screen):
    name = "title"

    def build(self):
        theme = self.theme
        h = theme.control_height
        x = (W - BUTTON_W) // 2
        y = 330
        gap = h + 14
        self.default_focus = self.button(
            (x, y, BUTTON_W, h), self.t("title.play"), self.play, icon="play"
        )
        self.button((x, y + gap, BUTTON_W, h), self.app.t("course.titre"), self.race, "secondary")
        self.button(
            (x, y + 2 * gap, BUTTON_W, h), self.app.t("salon.titre"), self.race_room, "secondary"
        )
        self.button(
            (x, y + 3 * gap, BUTTON_W, h), self.t("title.settings"), self.settings, "secondary"
        )
        self.button(
            (x, y + 4 * gap, BUTTON_W, h),
            self.t("title.quit"),
            self.app.ask_quit,
            "secondary",
            sound=None,
        )
        # For adults (teachers, parents): bottom right, out of the way of the kids' buttons.
        label = self.app.t("devoirs.prof.titre")
        width = theme.font("body").size(label)[0] + 3 * theme.pad + 8
        self.button(
            (W - 20 - width, 720 - h - 18, width, h),
            label,
            lambda: self.app.push("teacher"),
            "secondary",
        )

    def play(self):
        profiles = self.app.profiles.list_profiles()
        for message in self.app.profiles.messages:
            self.app.notify(message, "warn")
        if profiles:
            self.app.push("profiles", profiles)
        else:
            self.app.push("profile_new", first=True)

    def settings(self):
        self.app.push("settings")

    def race(self):
        """« Course »: the speedrun menu (the runner is the last profile played, if any)."""
        if self.app.profile is None:
            profiles = self.app.profiles.list_profiles()
            self.app.profile = profiles[0] if profiles else None
        self.app.push("course_menu")

    def race_room(self):
        self.app.push("race_menu")

    def back(self):
        self.app.ask_quit()

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        # The name, one letter per tile, like letter tokens of the game.
        font_size = theme.size("title") + 24
        tile = 104
        gap = 14
        total = len(LETTERS) * tile + (len(LETTERS) - 1) * gap
        x = (W - total) // 2
        y0 = 92
        motion = not self.app.reduce_motion
        for i, letter in enumerate(LETTERS):
            if letter == " ":
                x += tile + gap
                continue
            bob = math.sin(self.app.time * 2.2 + i * 0.7) * 6 if motion else 0
            rect = pygame.Rect(x, y0 + bob, tile, tile)
            fill = colors.series[i % len(colors.series)]
            theme.draw_shadow(surface, rect, 6)
            pygame.draw.rect(surface, fill, rect, border_radius=18)
            pygame.draw.rect(surface, colors.panel_edge, rect, 3, border_radius=18)
            theme.text(surface, letter, rect.center, font_size, theme.ink_on(fill), "center")
            x += tile + gap
        sub = pygame.Rect((W - 900) // 2, 232, 900, theme.line_height("heading") * 2 + 8)
        draw_text(
            theme,
            surface,
            self.t("title.subtitle"),
            sub,
            "heading",
            colors.ink_soft,
            "center",
            "middle",
        )
