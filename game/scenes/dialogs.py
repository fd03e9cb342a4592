"""Small modal panels: « Quitter ? », the friendly error panel, and the last-resort screen."""

from __future__ import annotations

import pygame

from game.scenes.base import Scene
from game.scenes.common import H, Overlay, W, draw_text

QUIT_W, QUIT_H = 640, 330
ERROR_W = 820
TEXT_BOXES = {
    "quit.question": (QUIT_W - 60, 1, "title"),
    "quit.detail": (QUIT_W - 60, 2, "body"),
    "error.title": (ERROR_W - 60, 2, "heading"),
    "error.text": (ERROR_W - 60, 4, "body"),
    "error.ok": (360, 1, "body"),
    "fallback.text": (W - 200, 4, "heading"),
}


def _panel_rect(width, height):
    rect = pygame.Rect(0, 0, width, height)
    rect.center = (W // 2, H // 2)
    return rect


class QuitPrompt(Overlay):
    """« Quitter ? » — Oui ends the game, Non (or Échap) goes back to where we were."""

    name = "quit"

    def build(self):
        theme = self.theme
        h = theme.control_height
        height = theme.line_height("title") + 2 * theme.line_height("body") + h + 120
        self.panel = _panel_rect(QUIT_W, max(QUIT_H, height))
        y = self.panel.bottom - h - 30
        width = 240
        self.button(
            (self.panel.centerx - width - 15, y, width, h),
            self.app.t("common.yes"),
            self.app.quit,
            "secondary",
            sound=None,
        )
        self.default_focus = self.button(
            (self.panel.centerx + 15, y, width, h), self.app.t("common.no"), self.back
        )

    def draw_content(self, surface):
        theme = self.theme
        theme.draw_panel(surface, self.panel)
        top = self.panel.top + 28
        rect = pygame.Rect(
            self.panel.x + 30, top, self.panel.width - 60, theme.line_height("title") + 4
        )
        draw_text(theme, surface, self.t("quit.question"), rect, "title", None, "center", "middle")
        rect = pygame.Rect(
            self.panel.x + 30,
            rect.bottom + 14,
            self.panel.width - 60,
            2 * theme.line_height("body"),
        )
        draw_text(
            theme,
            surface,
            self.t("quit.detail"),
            rect,
            "body",
            theme.colors.ink_soft,
            "center",
            "top",
        )


class ErrorPanel(Overlay):
    """Shown over the map after a crash: nothing is lost, carry on."""

    name = "error"

    def build(self):
        theme = self.theme
        h = theme.control_height
        title_h = 2 * theme.line_height("heading")
        text_h = theme.text_height(self.t("error.text"), ERROR_W - 60, "body")
        height = 40 + 90 + title_h + text_h + h + 70
        self.panel = _panel_rect(ERROR_W, height)
        self.default_focus = self.button(
            (self.panel.centerx - 180, self.panel.bottom - h - 30, 360, h),
            self.t("error.ok"),
            self.back,
        )

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, self.panel, edge=colors.warn, width=4)
        # A little worried robot face.
        cx, cy = self.panel.centerx, self.panel.top + 70
        face = pygame.Rect(0, 0, 96, 72)
        face.center = (cx, cy)
        pygame.draw.rect(surface, colors.warn, face, border_radius=16)
        pygame.draw.rect(surface, colors.panel_edge, face, 3, border_radius=16)
        for side in (-1, 1):
            pygame.draw.circle(surface, colors.panel_edge, (cx + side * 22, cy - 8), 8)
        pygame.draw.arc(surface, colors.panel_edge, (cx - 20, cy + 10, 40, 24), 0.3, 2.84, 3)
        y = face.bottom + 20
        title_h = 2 * theme.line_height("heading")
        rect = pygame.Rect(self.panel.x + 30, y, self.panel.width - 60, title_h)
        draw_text(theme, surface, self.t("error.title"), rect, "heading", None, "center", "middle")
        rect = pygame.Rect(
            self.panel.x + 30,
            rect.bottom + 10,
            self.panel.width - 60,
            self.panel.bottom - rect.bottom - theme.control_height - 50,
        )
        draw_text(theme, surface, self.t("error.text"), rect, "body", colors.ink_soft, "center")


class FallbackScene(Scene):
    """The plainest possible screen, when even the map cannot be shown.

    Entrée goes back to the title screen (a fresh start, the saves are untouched).
    """

    name = "fallback"

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_ESCAPE):
            self._restart()
            return True
        if event.type == pygame.MOUSEBUTTONUP:
            self._restart()
            return True
        return False

    def _restart(self):
        self.app.crashes = 0
        self.app.profile = None
        self.app.scenes.clear()
        self.app.push("title")

    def draw(self, surface):
        surface.fill((40, 44, 70))
        from game.ui.theme import get_font

        font = get_font(44)  # pygame's own font, straight from the cache (no theme needed)
        text = self.t("fallback.text")
        words, lines, line = text.split(), [], ""
        for word in words:
            trial = f"{line} {word}".strip()
            if font.size(trial)[0] > W - 200 and line:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        y = H // 2 - len(lines) * 22
        for text_line in lines:
            image = font.render(text_line, True, (255, 255, 255))
            surface.blit(image, image.get_rect(midtop=(W // 2, y)))
            y += 44
