"""« Sous le capot »: the real engine functions at work (their source), scrollable."""

from __future__ import annotations

import inspect

import pygame

from game.scenes.common import H, Overlay, draw_text
from game.scenes.pause import panel_rect
from game.ui.theme import get_font

CAPOT_W = 1120
TEXT_BOXES = {
    "capot.title": (CAPOT_W - 300, 1, "heading"),
    "capot.scroll": (CAPOT_W - 60, 1, "tiny"),
    "capot.missing": (CAPOT_W - 60, 2, "body"),
}


_MONO_PATH = []  # [path or None], found once


def mono_font(size):
    """A monospace font for code if the system has one, else pygame's font.

    Cached by the widget kit (`game.ui.theme.get_font`), which forgets its fonts when
    pygame quits: a new App never gets a dead font.
    """
    if not _MONO_PATH:
        path = None
        try:
            for name in ("dejavusansmono", "liberationmono", "consolas", "couriernew", "menlo"):
                path = pygame.font.match_font(name)
                if path:
                    break
        except Exception:  # noqa: BLE001 - no fontconfig: keep the bundled font
            path = None
        _MONO_PATH.append(path)
    try:
        return get_font(size, _MONO_PATH[0])
    except (OSError, pygame.error):  # a font file that does not load: the bundled one
        _MONO_PATH[0] = None
        return get_font(size)


class CapotPanel(Overlay):
    """« Sous le capot »: the real engine functions at work, scrollable."""

    name = "capot"

    def __init__(self, app, host):
        super().__init__(app)
        self.host = host
        self.scroll = 0
        self._code = None
        self._code_key = None

    def build(self):
        theme = self.theme
        h = theme.control_height
        self.panel = panel_rect(CAPOT_W, H - 40)
        self.default_focus = self.button(
            (self.panel.right - 220, self.panel.y + 16, 200, h),
            self.app.t("common.close"),
            self.back,
        )
        sentence = self.host.texts.text("capot")
        sentence_h = min(
            4 * theme.line_height("small"), theme.text_height(sentence, CAPOT_W - 60, "small")
        )
        self.sentence = sentence
        self.sentence_rect = pygame.Rect(
            self.panel.x + 30, self.panel.y + h + 30, CAPOT_W - 60, sentence_h
        )
        top = self.sentence_rect.bottom + 14
        self.code_rect = pygame.Rect(
            self.panel.x + 30, top, CAPOT_W - 60, self.panel.bottom - top - 40
        )
        self._code = None

    def source(self):
        parts = []
        for function in getattr(self.host.niveau, "fonctions_capot", ()) or ():
            try:
                parts.append(inspect.getsource(function).rstrip())
            except (OSError, TypeError):
                name = getattr(function, "__name__", str(function))
                parts.append(f"# {name} : {self.t('capot.missing')}")
        return "\n\n".join(parts)

    def code_surface(self):
        size = round(20 * self.theme.scale)
        key = (size, self.theme.colorblind)
        if self._code is None or self._code_key != key:
            lines = (self.source() or f"# {self.t('capot.missing')}").splitlines()[:600]
            lines = [line.expandtabs(4) for line in lines]
            room = self.code_rect.width - 40
            longest = max(lines, key=len, default="")
            while size > 15 and mono_font(size).size(longest)[0] > room:
                size -= 1  # the widest line fits when it can: no code hidden on the right
            font = mono_font(size)
            line_h = font.get_linesize()
            width = max(1, max((font.size(line)[0] for line in lines), default=1)) + 20
            surface = pygame.Surface((width, len(lines) * line_h + 20))
            surface.fill((30, 34, 48))
            for i, line in enumerate(lines):
                color = (140, 200, 140) if line.lstrip().startswith("#") else (235, 235, 225)
                if line.lstrip().startswith(("def ", "class ")):
                    color = (250, 200, 110)
                if '"""' in line:
                    color = (170, 190, 240)
                surface.blit(font.render(line, True, color), (10, 10 + i * line_h))
            self._code, self._code_key = surface, key
            self.line_h = line_h
        return self._code

    def max_scroll(self):
        return max(0, self.code_surface().get_height() - self.code_rect.height)

    def handle_event(self, event):
        step = 0
        if event.type == pygame.MOUSEWHEEL:
            step = -event.y * 3
        elif event.type == pygame.KEYDOWN:
            step = {
                pygame.K_DOWN: 1,
                pygame.K_UP: -1,
                pygame.K_PAGEDOWN: 12,
                pygame.K_PAGEUP: -12,
            }.get(event.key, 0)
        if step:
            self.code_surface()
            self.scroll = max(0, min(self.max_scroll(), self.scroll + step * self.line_h))
            return True
        return super().handle_event(event)

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, self.panel)
        rect = pygame.Rect(
            self.panel.x + 30, self.panel.y + 16, CAPOT_W - 300, theme.control_height
        )
        draw_text(theme, surface, self.t("capot.title"), rect, "heading", None, "left", "middle")
        draw_text(theme, surface, self.sentence, self.sentence_rect, "small", colors.ink)
        code = self.code_surface()
        view = self.code_rect
        pygame.draw.rect(surface, (30, 34, 48), view, border_radius=8)
        area = pygame.Rect(0, self.scroll, view.width - 16, view.height)
        surface.blit(code, view.topleft, area)
        total = code.get_height()
        if total > view.height:
            knob_h = max(30, view.height * view.height // total)
            y = view.y + (view.height - knob_h) * self.scroll // max(1, self.max_scroll())
            pygame.draw.rect(
                surface, (90, 96, 120), (view.right - 12, view.y, 10, view.height), border_radius=5
            )
            pygame.draw.rect(
                surface, (220, 220, 230), (view.right - 12, y, 10, knob_h), border_radius=5
            )
        draw_text(
            theme,
            surface,
            self.t("capot.scroll"),
            (self.panel.x + 30, view.bottom + 6, CAPOT_W - 60, 30),
            "tiny",
            colors.ink_soft,
        )
