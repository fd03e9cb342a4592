"""Réglages: language, text size, colour-blind palette, sound, reduce motion.

Every change applies at once (theme and texts are rebuilt) and is saved.
"""

from __future__ import annotations

import pygame

from game.scenes.common import MARGIN, Screen, W, draw_text, heading, make_tile
from game.ui.theme import mix

ROW_W = 1000
LABEL_W = 360
CHOICE_W = 200
TEXT_BOXES = {
    "settings.title": (800, 1, "title"),
    "settings.preview": (ROW_W, 2, "small"),
}


class SettingsScene(Screen):
    name = "settings"

    def build(self):
        theme = self.theme
        s = self.app.settings
        h = theme.control_height
        self.back_button()
        x0 = (W - ROW_W) // 2
        y = 124
        gap = h + 22
        self.rows = []
        # Language: two choices, each written in its own language.
        first = self._choices(
            x0,
            y,
            "common.settings.language",
            [(lang, self.app.t(f"common.languages.{lang}")) for lang in ("fr", "en")],
            s.language,
            self._set_language,
        )
        y += gap
        sizes = [
            (i, self.app.t(f"common.settings.text_sizes.{name}"))
            for i, name in enumerate(("normal", "large", "largest"))
        ]
        self._choices(x0, y, "common.settings.text_size", sizes, s.text_size, self._set_size)
        y += gap
        toggles = [
            ("common.settings.colorblind_palette", "colorblind_palette"),
            ("common.settings.sound", "sound"),
            ("common.settings.reduce_motion", "reduce_motion"),
            ("common.settings.fullscreen", "fullscreen"),
            ("common.settings.livesplit_server", "livesplit_server"),
        ]
        for key, attr in toggles:
            toggle = self.ui.Toggle(
                theme,
                (x0, y, ROW_W, h),
                self.app.t(key),
                getattr(s, attr),
                lambda value, a=attr: self._set_flag(a, value),
            )
            self.container.add(toggle)
            y += gap - 6
        self.preview_y = y + 4
        self.default_focus = first

    def _choices(self, x0, y, label_key, options, current, setter):
        theme = self.theme
        h = theme.control_height
        self.rows.append((label_key, y))
        first = None
        x = x0 + LABEL_W
        for value, label in options:
            width = max(CHOICE_W, theme.font("body").size(label)[0] + 2 * theme.pad + 16)
            tile = make_tile(
                self,
                (x, y, width, h),
                self._choice_painter(label, value, current),
                lambda v=value: setter(v),
            )
            if value == current or first is None:
                first = tile if value == current else (first or tile)
            x += width + 12
        return first

    def _choice_painter(self, label, value, current):
        def paint(surface, tile):
            theme = self.theme
            colors = theme.colors
            selected = value == current
            hot = tile.hovered or tile.focused
            if selected:
                fill, ink = colors.accent, colors.accent_ink
            else:
                fill = mix(colors.panel, colors.second, 0.15) if hot else colors.panel
                ink = colors.ink
            pygame.draw.rect(surface, fill, tile.rect, border_radius=12)
            edge = colors.accent if selected else (colors.second if hot else colors.panel_edge)
            pygame.draw.rect(surface, edge, tile.rect, 3 if selected else 2, border_radius=12)
            draw_text(
                theme, surface, label, tile.rect.inflate(-16, -6), "body", ink, "center", "middle"
            )

        return paint

    # Changes ------------------------------------------------------------------
    def _set_language(self, lang):
        self.app.settings.language = lang
        self.app.apply_settings()

    def _set_size(self, size):
        self.app.settings.text_size = size
        self.app.apply_settings()

    def _set_flag(self, attr, value):
        settings = self.app.settings
        if attr == "fullscreen":
            if bool(value) != self.app.fullscreen:
                self.app.toggle_fullscreen()
            return
        setattr(settings, attr, bool(value))
        self.app.apply_settings()
        if attr == "sound" and value:
            self.app.play("click")

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        heading(self, surface, self.t("settings.title"), 30)
        x0 = (W - ROW_W) // 2
        h = theme.control_height
        for key, y in self.rows:
            draw_text(
                theme,
                surface,
                self.app.t(key),
                (x0, y, LABEL_W - 16, h),
                "body",
                None,
                "left",
                "middle",
            )
        rect = pygame.Rect(x0, self.preview_y, ROW_W, 720 - self.preview_y - 10)
        draw_text(theme, surface, self.t("settings.preview"), rect, "small", colors.ink_soft)


__all__ = ["SettingsScene", "MARGIN"]
