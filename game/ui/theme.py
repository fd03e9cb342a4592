"""The look of the game: colours, fonts, text layout and the few drawing helpers.

One `Theme` object is shared by every widget of the app. Changing the settings
calls `theme.configure(...)`: every widget sees the new look (and language) at its
next draw. The only global state of the kit is the font cache (`game.ui.fonts`).
"""

from __future__ import annotations

import pygame

from game import i18n

from .colors import COLORBLIND, NORMAL, Palette, contrast, luminance, mix  # noqa: F401
from .fonts import (  # noqa: F401
    _DRAWN_SPACES,
    _FONTS,
    _INK_FONTS,
    FONT_SCALE,
    _clear_fonts,
    _cut_long_word,
    _ink_font,
    _longest_prefix,
    _new_font,
    _on_pygame_quit,
    clear_fonts,
    get_font,
)
from .safe_text import safe_line, safe_text

TEXT_SCALES = (1.0, 1.25, 1.5)  # text_size 0, 1, 2 (réglage « taille du texte »)
# Base font sizes for pygame's bundled font (freesansbold), at scale 1.0.
ROLE_SIZES = {"tiny": 20, "small": 25, "body": 31, "heading": 40, "title": 60}
MIN_SHRINK = 0.7  # text may shrink to 70 % of its size to fit a box, never less


def format_number(value: float, decimals: int = 0, lang: str | None = None) -> str:
    """`game.i18n.format_number` (default: no decimals, the game's current language).

    Widgets use `theme.format_number`, which follows the theme's language.
    """
    return i18n.format_number(value, decimals, lang)


def format_percent(fraction: float, decimals: int | None = None, lang: str | None = None) -> str:
    """`game.i18n.format_percent`; by default 0.97 → « 97 % », 0.004 → « 0,4 % »."""
    return i18n.format_percent(fraction, decimals, lang)


class Theme:
    """Colours + fonts + text helpers. `text_size` 0/1/2, `colorblind` palette, `lang`
    ("fr"/"en") for the numbers the widgets write."""

    def __init__(self, text_size: int = 0, colorblind: bool = False, lang: str = "fr"):
        self._renders: dict = {}
        self._surfaces: dict = {}
        self._background = None
        self.configure(text_size, colorblind, lang)

    def configure(
        self,
        text_size: int | None = None,
        colorblind: bool | None = None,
        lang: str | None = None,
    ) -> None:
        """Change the look in place (every widget sharing this theme follows)."""
        if text_size is not None:
            self.text_size = max(0, min(2, int(text_size)))
        if colorblind is not None:
            self.colorblind = bool(colorblind)
        if lang is not None:
            self.lang = lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
        self.scale = TEXT_SCALES[self.text_size]
        self.colors = COLORBLIND if self.colorblind else NORMAL
        self._renders.clear()
        self._surfaces.clear()
        self._background = None

    # ---- numbers ----------------------------------------------------------
    def format_number(self, value: float, decimals: int = 0) -> str:
        """A number in the theme's language: « 1 523,5 » / "1,523.5"."""
        return i18n.format_number(value, decimals, self.lang)

    def format_percent(self, fraction: float, decimals: int | None = None) -> str:
        """0.97 → « 97 % » / "97%"; `decimals=None`: « 0,4 % », « < 0,1 % » for tiny shares."""
        return i18n.format_percent(fraction, decimals, self.lang)

    # ---- sizes ------------------------------------------------------------
    radius = 14  # corner radius of panels and buttons
    pad = 12  # inner padding

    def size(self, role: str = "body") -> int:
        return round(ROLE_SIZES[role] * self.scale)

    def min_size(self, role: str = "body") -> int:
        """The smallest font size `role` may shrink to and stay readable (70 %, ≥ 10)."""
        return max(10, round(self.size(role) * MIN_SHRINK))

    def font(self, role: str = "body") -> pygame.font.Font:
        return get_font(self.size(role))

    def line_height(self, role: str = "body") -> int:
        return self.font(role).get_linesize()

    @property
    def control_height(self) -> int:
        """A comfortable height for a button or a text field at this text size."""
        return self.line_height("body") + 2 * self.pad + 4

    # ---- text -------------------------------------------------------------
    def render(self, text: str, role: str | int = "body", color=None) -> pygame.Surface:
        """Text → surface (cached). `role` is a role name or a font size."""
        size = role if isinstance(role, int) else self.size(role)
        color = tuple(color or self.colors.ink)
        text = safe_line(text)  # a file name, a pasted text, a network string: never a crash
        key = (text, size, color)
        surf = self._renders.get(key)
        if surf is None:
            if len(self._renders) > 3000:
                self._renders.clear()
            drawn = text.translate(_DRAWN_SPACES)
            surf = self._renders[key] = get_font(size).render(drawn, True, color)
        return surf

    def cached(self, key, make) -> pygame.Surface:
        """A drawing kept between frames; `key` must hold everything it shows."""
        surf = self._surfaces.get(key)
        if surf is None:
            if len(self._surfaces) > 32:
                self._surfaces.clear()
            surf = self._surfaces[key] = make()
        return surf

    def text(self, surface, text, pos, role="body", color=None, anchor="topleft") -> pygame.Rect:
        """Draw one line of text; `anchor` is a pygame.Rect attribute name."""
        surf = self.render(text, role, color)
        rect = surf.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
        surface.blit(surf, rect)
        return rect

    def text_ink(self, surface, text, pos, role="body", color=None, anchor="topleft") -> None:
        """Like `text`, but every bit of ink shows, for short labels at small sizes.

        The bundled font announces a smaller height than its letters need: a line drawn
        by `pygame.font` loses the dots of « i » and « j » and the tails of « g », « p »,
        « q », « y ». This one is placed exactly like `text` (same baseline) but drawn
        with `pygame.freetype`, which draws whole letters.
        """
        size = role if isinstance(role, int) else self.size(role)
        font = get_font(size)
        text = safe_line(text)
        rect = pygame.Rect((0, 0), font.size(text))
        setattr(rect, anchor, (round(pos[0]), round(pos[1])))
        baseline = rect.top + font.get_ascent()
        for _attempt in range(2):
            ink = _ink_font(size)
            if ink is None:
                break
            try:
                ink.render_to(
                    surface,
                    (rect.left, baseline),
                    text.translate(_DRAWN_SPACES),
                    fgcolor=tuple(color or self.colors.ink),
                )
                return
            except pygame.error:  # a font of an earlier freetype init (pygame-ce says so)
                _INK_FONTS.clear()
        self.text(surface, text, pos, role, color, anchor)

    def wrap(self, text: str, width: int, role: str | int = "body") -> list[str]:
        """Word-wrap `text` to `width` pixels. Keeps "\\n"; cuts words too long."""
        font = get_font(role if isinstance(role, int) else self.size(role))
        width = max(1, width)
        lines: list[str] = []
        for para in safe_text(text).split("\n"):
            line = ""
            for word in para.split(" "):
                trial = f"{line} {word}" if line else word
                if font.size(trial)[0] <= width:
                    line = trial
                    continue
                if line:
                    lines.append(line)
                word = _cut_long_word(font, word, width, lines)
                line = word
            lines.append(line)
        return lines

    def text_height(self, text: str, width: int, role: str | int = "body") -> int:
        size = role if isinstance(role, int) else self.size(role)
        return len(self.wrap(text, width, size)) * get_font(size).get_linesize()

    def fit_text(self, text: str, rect, role: str = "body") -> bool:
        """Does `text`, wrapped, fit in `rect` at the normal size of `role`?"""
        rect = pygame.Rect(rect)
        return self.text_height(text, rect.width, role) <= rect.height

    def fit_size(self, text: str, rect, role: str = "body") -> int:
        """Largest font size ≤ the role's size (down to 70 %) at which `text` fits."""
        rect = pygame.Rect(rect)
        size, smallest = self.size(role), self.min_size(role)
        while size > smallest and self.text_height(text, rect.width, size) > rect.height:
            size -= 1
        return size

    def draw_text(
        self, surface, text, rect, role="body", color=None, align="left", valign="top"
    ) -> int:
        """Wrapped text in `rect`, shrunk to fit if needed, "…" if still too long.

        align: left/center/right; valign: top/middle/bottom. Returns the height used.
        """
        rect = pygame.Rect(rect)
        text = safe_text(text)
        size = self.fit_size(text, rect, role)
        lines = self.wrap(text, rect.width, size)
        step = get_font(size).get_linesize()
        fit = max(1, rect.height // step)
        if len(lines) > fit:
            lines = lines[:fit]
            last = lines[-1]
            while last and get_font(size).size(last + "…")[0] > rect.width:
                last = last[:-1]
            lines[-1] = last.rstrip() + "…"
        height = len(lines) * step
        y = {"top": rect.top, "middle": rect.centery - height / 2, "bottom": rect.bottom - height}
        y = y[valign]
        for line in lines:
            x = {"left": rect.left, "center": rect.centerx, "right": rect.right}[align]
            anchor = {"left": "topleft", "center": "midtop", "right": "topright"}[align]
            self.text(surface, line, (x, y), size, color, anchor)
            y += step
        return height

    # ---- shapes -----------------------------------------------------------
    def draw_shadow(self, surface, rect, offset: int = 4, radius: int | None = None) -> None:
        """A soft paper-cutout shadow below and right of `rect`."""
        rect = pygame.Rect(rect)
        radius = self.radius if radius is None else radius
        shade = pygame.Surface((rect.width + 4, rect.height + 4), pygame.SRCALPHA)
        pygame.draw.rect(shade, (20, 20, 40, 28), shade.get_rect(), border_radius=radius + 2)
        pygame.draw.rect(shade, (20, 20, 40, 40), shade.get_rect().inflate(-4, -4), 0, radius)
        surface.blit(shade, (rect.x + offset - 2, rect.y + offset - 2))

    def draw_panel(self, surface, rect, fill=None, edge=None, shadow=True, width=2) -> None:
        """A rounded card: shadow, fill, edge."""
        rect = pygame.Rect(rect)
        if shadow:
            self.draw_shadow(surface, rect)
        pygame.draw.rect(surface, fill or self.colors.panel, rect, border_radius=self.radius)
        if width:
            edge = edge or self.colors.panel_edge
            pygame.draw.rect(surface, edge, rect, width, border_radius=self.radius)

    def draw_focus_ring(self, surface, rect) -> None:
        """Thick two-tone ring around `rect`: visible on any background."""
        ring = pygame.Rect(rect).inflate(10, 10)
        pygame.draw.rect(surface, self.colors.panel, ring.inflate(6, 6), 2, self.radius + 6)
        pygame.draw.rect(surface, self.colors.focus, ring, 4, border_radius=self.radius + 4)
        pygame.draw.rect(surface, self.colors.ink, ring.inflate(4, 4), 1, self.radius + 5)

    def draw_background(self, surface) -> None:
        """The notebook page: squared paper with a margin line (cached)."""
        size = surface.get_size()
        if self._background is None or self._background.get_size() != size:
            page = pygame.Surface(size)
            page.fill(self.colors.bg)
            for x in range(0, size[0], 32):
                pygame.draw.line(page, self.colors.grid, (x, 0), (x, size[1]))
            for y in range(0, size[1], 32):
                pygame.draw.line(page, self.colors.grid, (0, y), (size[0], y))
            pygame.draw.line(page, self.colors.margin, (72, 0), (72, size[1]), 2)
            self._background = page
        surface.blit(self._background, (0, 0))

    def heat_color(self, t: float) -> tuple:
        """Colour of the heat scale at t in 0..1."""
        stops = self.colors.heat
        t = min(1.0, max(0.0, t)) * (len(stops) - 1)
        i = min(int(t), len(stops) - 2)
        return mix(stops[i], stops[i + 1], t - i)

    def ink_on(self, fill) -> tuple:
        """Ink or white, whichever reads better on `fill`."""
        white = (255, 255, 255)
        return (
            self.colors.ink if contrast(fill, self.colors.ink) >= contrast(fill, white) else white
        )
