"""Drawing of the level host: the top bar, the goal strip and the intro screens."""

from __future__ import annotations

import pygame

from game.scenes.common import W, card, draw_text, heading
from game.scenes.figures import goal_text, place_name
from game.ui.theme import mix


class LevelDrawing:
    """Mixin of `LevelHost`: what it draws each frame."""

    def draw(self, surface):
        theme = self.theme
        colors = theme.colors
        theme.draw_background(surface)
        if self.intro:
            self._draw_intro(surface)
            self.container.draw(surface)
            return
        if self.view is not None:
            clip = surface.get_clip()
            surface.set_clip(self.area)
            self.view.draw(surface)
            surface.set_clip(clip)
        # The bar over everything the view drew.
        pygame.draw.rect(surface, colors.panel, self.bar)
        pygame.draw.line(surface, colors.panel_edge, self.bar.bottomleft, self.bar.bottomright, 2)
        title = f"{self.place.number} · {self.texts.text('titre') or self.niveau.titre}"
        if self.place.kind != "level":
            title = self.texts.text("titre") or self.t("map.sandbox")
        draw_text(theme, surface, title, self.title_rect, "heading", None, "left", "middle")
        if self.policy_rect.width:
            self.policy.draw_top_bar(self, surface, self.policy_rect)
        if not self.done:
            bar = self.app.ui.ProgressBar(theme, self.progress_rect, self.progress)
            bar.draw(surface)
            if self.progress_label:
                draw_text(
                    theme,
                    surface,
                    self.t("level.to_goal_estimate")
                    if self.goal.estimated
                    else self.progress_label,
                    self.progress_label_rect,
                    "tiny",
                    colors.ink_soft,
                    "left",
                    "bottom",
                )
        strip_fill = mix(colors.panel, colors.good if self.done else colors.second, 0.18)
        pygame.draw.rect(surface, strip_fill, self.strip)
        pygame.draw.line(
            surface, colors.panel_edge, self.strip.bottomleft, self.strip.bottomright, 1
        )
        text = goal_text(self.app, self.texts, self.niveau)
        if self.done:
            text = f"{self.t('level.done')} {text}"
        draw_text(
            theme,
            surface,
            text,
            self.strip.inflate(-32, -6),
            "small",
            colors.good if self.done else colors.ink,
            "left",
            "middle",
        )
        self.container.draw(surface)

    def _draw_intro(self, surface):
        theme = self.theme
        colors = theme.colors
        title = self.texts.text("titre") or self.niveau.titre
        heading(self, surface, f"{place_name(self, self.place)} · {title}", 40, width=W - 200)
        panel = self.intro_panel
        card(surface, theme, panel)
        count = self.t("level.intro_count", page=self.intro_page + 1, total=len(self.intro))
        theme.text(
            surface, count, (panel.right - 24, panel.y + 18), "small", colors.ink_soft, "topright"
        )
        box = pygame.Rect(
            panel.x + 40,
            panel.y + 56,
            panel.width - 80,
            panel.height - 56 - theme.control_height - 50,
        )
        text = self.intro[min(self.intro_page, len(self.intro) - 1)]
        draw_text(theme, surface, text, box, "heading", None, "left", "middle")
