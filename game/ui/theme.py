"""The look of the game: colours, fonts, text layout and the few drawing helpers.

One `Theme` object is shared by every widget of the app. Changing the settings
calls `theme.configure(...)`: every widget sees the new look (and language) at its
next draw. The only global state of the kit is the font cache below.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game import i18n

TEXT_SCALES = (1.0, 1.25, 1.5)  # text_size 0, 1, 2 (réglage « taille du texte »)
# Base font sizes for pygame's bundled font (freesansbold), at scale 1.0.
ROLE_SIZES = {"tiny": 20, "small": 25, "body": 31, "heading": 40, "title": 60}
MIN_SHRINK = 0.7  # text may shrink to 70 % of its size to fit a box, never less


@dataclass(frozen=True)
class Palette:
    """Colours by role. Both palettes have exactly the same role names."""

    bg: tuple  # the notebook page
    grid: tuple  # faint squares on the page
    margin: tuple  # the red margin line of a French notebook
    panel: tuple  # cards, boxes
    panel_edge: tuple
    ink: tuple  # main text
    ink_soft: tuple  # secondary text (still ≥ 4.5:1 on panel)
    accent: tuple  # main buttons, highlighted bar
    accent_hover: tuple
    accent_ink: tuple  # text on accent
    second: tuple  # secondary buttons' edge, second chart series
    good: tuple
    bad: tuple
    warn: tuple
    focus: tuple  # the focus ring, distinct from everything else
    disabled: tuple
    disabled_ink: tuple
    tooltip: tuple
    tooltip_ink: tuple
    series: tuple  # chart line colours, in order
    heat: tuple  # colour scale for heat maps, low → high


NORMAL = Palette(
    bg=(251, 246, 234),
    grid=(220, 230, 243),
    margin=(240, 170, 170),
    panel=(255, 253, 247),
    panel_edge=(58, 66, 92),
    ink=(31, 38, 61),
    ink_soft=(84, 92, 112),
    accent=(196, 78, 28),
    accent_hover=(219, 99, 45),
    accent_ink=(255, 255, 255),
    second=(37, 110, 168),
    good=(34, 139, 80),
    bad=(200, 50, 50),
    warn=(232, 168, 40),
    focus=(124, 46, 196),
    disabled=(222, 219, 210),
    disabled_ink=(110, 110, 110),
    tooltip=(44, 52, 80),
    tooltip_ink=(255, 255, 255),
    series=((196, 78, 28), (37, 110, 168), (34, 139, 80), (150, 70, 160), (120, 100, 40)),
    heat=((255, 252, 235), (254, 217, 118), (244, 132, 55), (200, 50, 50), (110, 20, 60)),
)

# Okabe–Ito based: safe for the common colour-vision deficiencies.
COLORBLIND = Palette(
    bg=(250, 248, 242),
    grid=(222, 228, 236),
    margin=(230, 190, 150),
    panel=(255, 255, 252),
    panel_edge=(40, 40, 40),
    ink=(20, 20, 20),
    ink_soft=(80, 80, 80),
    accent=(0, 100, 160),  # Okabe–Ito blue, darkened for white text
    accent_hover=(0, 114, 178),
    accent_ink=(255, 255, 255),
    second=(213, 94, 0),  # vermillion
    good=(0, 158, 115),  # bluish green
    bad=(213, 94, 0),
    warn=(230, 159, 0),  # orange
    focus=(170, 51, 119),  # Okabe–Ito reddish purple, darkened
    disabled=(220, 220, 220),
    disabled_ink=(100, 100, 100),
    tooltip=(30, 30, 30),
    tooltip_ink=(255, 255, 255),
    series=((0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167), (230, 159, 0)),
    heat=((255, 255, 255), (200, 225, 240), (86, 180, 233), (0, 114, 178), (0, 50, 100)),
)

# The kit's only global state: (size, path) → font. A Font dies with pygame.quit() or
# pygame.font.quit() (using it after a new init segfaults), so the cache forgets them:
# - pygame.quit() calls `_on_pygame_quit`. pygame forgets its quit hooks once it has
#   called them, so the hook is registered again with the first font of each init;
# - get_font() also checks pygame.font.get_init() (cheap) and starts afresh after a
#   pygame.font.quit(). Only pygame.font.quit() then init() with no get_font() in between
#   goes unseen: whoever does that calls `clear_fonts()`.
_FONTS: dict[tuple[int, str | None], pygame.font.Font] = {}
_quit_hooked = False  # is `_on_pygame_quit` registered for the current init?


def clear_fonts() -> None:
    """Forget every cached font (the next get_font() makes new ones)."""
    _FONTS.clear()


_clear_fonts = clear_fonts  # the name game.app looks for


def _on_pygame_quit() -> None:
    global _quit_hooked
    _quit_hooked = False
    _FONTS.clear()


def get_font(size: int, path: str | None = None) -> pygame.font.Font:
    """pygame's bundled font at `size` (cached). It has all the French letters.

    `path` loads another font file instead (cached the same way, safe across inits).
    """
    font = _FONTS.get((size, path))
    if font is not None and pygame.font.get_init():
        return font
    return _new_font(size, path)


def _new_font(size: int, path: str | None) -> pygame.font.Font:
    global _quit_hooked
    if not pygame.font.get_init():
        _FONTS.clear()  # made before a pygame.font.quit(): dead
        pygame.font.init()
    if not _quit_hooked:
        pygame.register_quit(_on_pygame_quit)
        _quit_hooked = True
    font = _FONTS[(size, path)] = pygame.font.Font(path, size)
    return font


_INK_FONTS: dict[int, object] = {}
FONT_SCALE = 0.6875  # pygame.font.Font(None, n) draws the bundled font at this scale


def _ink_font(size: int):
    """The bundled font through `pygame.freetype` at the size `get_font(size)` draws."""
    font = _INK_FONTS.get(size)
    if font is None:
        try:
            import pygame.freetype as freetype

            if not freetype.get_init():
                freetype.init()
            # a whole size: fractional ones blur « c » into « o » at small sizes
            font = freetype.Font(None, max(1, math.ceil(size * FONT_SCALE)))
            font.origin = True  # positions are baselines
            font.antialiased = True
        except (ImportError, pygame.error, OSError):
            return None
        _INK_FONTS[size] = font
    return font


# pygame's bundled font has no glyph for U+00A0 (nor U+202F). SDL_ttf's shaper draws it
# as a space, but a build without one would draw a box: draw it as a plain space (line
# breaks are decided before, so "97 %" and "12 345" still never split).
_DRAWN_SPACES = str.maketrans({i18n.NBSP: " "})


def luminance(color) -> float:
    """Relative luminance (WCAG), 0 = black, 1 = white."""

    def chan(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color[:3]
    return 0.2126 * chan(r) + 0.7152 * chan(g) + 0.0722 * chan(b)


def contrast(a, b) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a, b, t: float) -> tuple:
    """Colour between `a` (t=0) and `b` (t=1)."""
    t = min(1.0, max(0.0, t))
    return tuple(round(x + (y - x) * t) for x, y in zip(a[:3], b[:3], strict=True))


def format_number(value: float, decimals: int = 0, lang: str | None = None) -> str:
    """`game.i18n.format_number` (default: no decimals, the game's current language).

    Widgets use `theme.format_number`, which follows the theme's language.
    """
    return i18n.format_number(value, decimals, lang)


def format_percent(fraction: float, decimals: int | None = None, lang: str | None = None) -> str:
    """`game.i18n.format_percent`; by default 0.97 → « 97 % », 0.004 → « 0,4 % »."""
    return i18n.format_percent(fraction, decimals, lang)


def _longest_prefix(font, word: str, width: int) -> int:
    """How many letters of `word` fit in `width` pixels (at least 1): a binary search.

    Never measures more letters than pixels (a letter is at least one pixel wide), so a
    3,000-letter word costs a few dozen short measures per line, not thousands of long ones.
    """
    low, high = 1, min(len(word), width + 1)
    while low < high:
        middle = (low + high + 1) // 2
        if font.size(word[:middle])[0] <= width:
            low = middle
        else:
            high = middle - 1
    return low


def _cut_long_word(font, word: str, width: int, lines: list[str]) -> str:
    """Cut `word` into lines of at most `width` pixels; returns the last, unfinished piece."""
    while len(word) > 1 and (len(word) > width or font.size(word)[0] > width):
        cut = _longest_prefix(font, word, width)
        lines.append(word[:cut])
        word = word[cut:]
    return word


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
        rect = pygame.Rect((0, 0), font.size(text))
        setattr(rect, anchor, (round(pos[0]), round(pos[1])))
        ink = _ink_font(size)
        if ink is None:
            self.text(surface, text, pos, role, color, anchor)
            return
        baseline = rect.top + font.get_ascent()
        ink.render_to(
            surface,
            (rect.left, baseline),
            text.translate(_DRAWN_SPACES),
            fgcolor=tuple(color or self.colors.ink),
        )

    def wrap(self, text: str, width: int, role: str | int = "body") -> list[str]:
        """Word-wrap `text` to `width` pixels. Keeps "\\n"; cuts words too long."""
        font = get_font(role if isinstance(role, int) else self.size(role))
        width = max(1, width)
        lines: list[str] = []
        for para in str(text).split("\n"):
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
