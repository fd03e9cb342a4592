"""« Le petit dico »: every technical word of the game in kid words, one page per level.

The words live in the catalogs (`game/textes/dico.<lang>.toml`): the French term, a
definition a 12-year-old understands, and the English word in small print; the panel's
own labels are in the scenes catalog (`[dico]`). The panel
opens on the page of the level being played; the arrows go through the other levels.
"""

from __future__ import annotations

import pygame

from game.scenes.common import H, Overlay, W, draw_text

DICO_W = 1180
PAGES = ("1", "2", "3", "4", "5")
TEXT_BOXES = {
    "dico.titre": (DICO_W - 60, 1, "title"),
    "dico.bouton": (200, 1, "body"),
    "dico.page": (DICO_W - 60, 1, "heading"),
    "dico.precedent": (300, 1, "body"),
    "dico.suivant": (300, 1, "body"),
    "dico.anglais": (DICO_W - 100, 1, "tiny"),
    "dico.suite": (DICO_W - 80, 1, "tiny"),
}


def words_of_page(app, page):
    """[(term, definition, english)] of the words first met in level `page`."""
    out = []
    for key in app.translator.t_list("dico.ordre"):
        if app.t(f"dico.mots.{key}.niveau") == page:
            out.append(
                (
                    app.t(f"dico.mots.{key}.mot"),
                    app.t(f"dico.mots.{key}.definition"),
                    app.t(f"dico.mots.{key}.anglais"),
                )
            )
    return out


class DicoPanel(Overlay):
    """The little dictionary, over a level (or over the map)."""

    name = "dico"

    def __init__(self, app, page="1"):
        super().__init__(app)
        self.page = str(page) if str(page) in PAGES else PAGES[0]
        self.scroll = 0  # pixels of the page's words scrolled up (a long page scrolls)

    def build(self):
        theme = self.theme
        h = theme.control_height
        width = DICO_W - 100
        self.words = words_of_page(self.app, self.page)
        self.rows = []
        title_h = theme.line_height("title") + theme.line_height("heading") + 30
        y0 = title_h
        heights = []
        for _term, definition, _english in self.words:
            text_h = theme.text_height(definition, width, "small")
            heights.append(theme.line_height("heading") + text_h + theme.line_height("tiny") + 18)
        height = 30 + y0 + sum(heights) + h + 60
        self.panel = pygame.Rect(0, 0, DICO_W, min(H - 20, height))
        self.panel.center = (W // 2, H // 2)
        y = self.panel.y + 30 + y0
        # The words live in a window between the title and the buttons; a page longer
        # than that window scrolls (wheel, arrows) instead of hiding under the buttons.
        self.words_rect = pygame.Rect(
            self.panel.x + 40, y, DICO_W - 80, self.panel.bottom - h - 40 - y
        )
        self.content_h = sum(heights)
        self.scroll = max(0, min(self.scroll, self.max_scroll()))
        for (term, definition, english), row_h in zip(self.words, heights, strict=True):
            self.rows.append(
                (term, definition, english, pygame.Rect(self.panel.x + 50, y, width, row_h))
            )
            y += row_h
        bottom = self.panel.bottom - h - 24
        index = PAGES.index(self.page)
        self.button(
            (self.panel.x + 40, bottom, 300, h),
            self.t("dico.precedent"),
            lambda: self.turn(-1),
            "secondary",
            enabled=index > 0,
        )
        close = self.button(((W - 260) // 2, bottom, 260, h), self.app.t("common.close"), self.back)
        self.button(
            (self.panel.right - 340, bottom, 300, h),
            self.t("dico.suivant"),
            lambda: self.turn(1),
            "secondary",
            enabled=index < len(PAGES) - 1,
        )
        self.default_focus = close

    def turn(self, step):
        index = max(0, min(len(PAGES) - 1, PAGES.index(self.page) + step))
        self.page, self.scroll = PAGES[index], 0
        self.rebuild()

    def max_scroll(self):
        return max(0, self.content_h - self.words_rect.height)

    def handle_event(self, event):
        step = 0
        if event.type == pygame.MOUSEWHEEL:
            step = -event.y * 40
        elif event.type == pygame.KEYDOWN:
            page = self.words_rect.height - 40
            step = {
                pygame.K_DOWN: 40,
                pygame.K_UP: -40,
                pygame.K_PAGEDOWN: page,
                pygame.K_PAGEUP: -page,
            }.get(event.key, 0)
        if step and self.max_scroll():
            self.scroll = max(0, min(self.max_scroll(), self.scroll + step))
            return True
        return super().handle_event(event)

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, self.panel)
        x, y, w = self.panel.x + 30, self.panel.y + 20, DICO_W - 60
        title_h = theme.line_height("title")
        draw_text(theme, surface, self.t("dico.titre"), (x, y, w, title_h), "title", None, "center")
        y += title_h + 4
        page = self.t("dico.page", n=self.page)
        draw_text(
            theme,
            surface,
            page,
            (x, y, w, theme.line_height("heading")),
            "heading",
            colors.accent,
            "center",
        )
        clip = surface.get_clip()
        surface.set_clip(self.words_rect.clip(clip) if clip else self.words_rect)
        for term, definition, english, rect in self.rows:
            rect = rect.move(0, -self.scroll)
            if rect.bottom < self.words_rect.top or rect.top > self.words_rect.bottom:
                continue
            head_h = theme.line_height("heading")
            draw_text(theme, surface, term, (rect.x, rect.y, rect.w, head_h), "heading")
            text_h = rect.h - head_h - theme.line_height("tiny") - 18
            draw_text(
                theme, surface, definition, (rect.x, rect.y + head_h + 2, rect.w, text_h), "small"
            )
            small = self.t("dico.anglais", mot=english)
            draw_text(
                theme,
                surface,
                small,
                (rect.x, rect.y + head_h + text_h + 4, rect.w, theme.line_height("tiny")),
                "tiny",
                colors.ink_soft,
            )
        surface.set_clip(clip)
        self._draw_scrollbar(surface)

    def _draw_scrollbar(self, surface):
        """A bar on the right when the page scrolls, and « ▼ la suite » under the words."""
        if not self.max_scroll():
            return
        colors = self.theme.colors
        view = self.words_rect
        knob_h = max(30, view.height * view.height // self.content_h)
        y = view.y + (view.height - knob_h) * self.scroll // self.max_scroll()
        pygame.draw.rect(surface, colors.panel_edge, (view.right, view.y, 10, view.height), 0, 5)
        pygame.draw.rect(surface, colors.second, (view.right, y, 10, knob_h), 0, 5)
        if self.scroll < self.max_scroll():
            more = self.t("dico.suite")
            box = (view.x, view.bottom + 2, view.width, self.theme.line_height("tiny"))
            draw_text(self.theme, surface, more, box, "tiny", colors.ink_soft, "center")
