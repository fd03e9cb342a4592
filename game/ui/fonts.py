"""The font cache (safe across pygame inits), the freetype ink fonts and long-word cutting."""

from __future__ import annotations

import math

import pygame

from game import i18n

# Everything here that pygame.init() makes dies with pygame.quit() (a Font used after a new
# init segfaults on pygame 2; a freetype Font raises « freetype module quit » on pygame-ce).
# So no cache outlives the App that filled it:
# - pygame.quit() calls `_on_pygame_quit`, which empties every cache registered with
#   `forget_on_quit` (fonts, ink fonts, the scenes' text pictures, avatars). pygame forgets
#   its quit hooks once it has called them, so the hook is registered again with the first
#   font of each init;
# - get_font() and _ink_font() also check their module's get_init() (cheap) and start afresh
#   after a pygame.font.quit() / freetype.quit(). Only a quit then init() with no font asked
#   in between goes unseen: whoever does that calls `clear_fonts()`.
_FONTS: dict[tuple[int, str | None], pygame.font.Font] = {}
_INK_FONTS: dict[int, object] = {}
_quit_hooked = False  # is `_on_pygame_quit` registered for the current init?
_CACHES: list[dict] = [_FONTS, _INK_FONTS]


def forget_on_quit(cache: dict) -> dict:
    """Register a module-level cache of pygame objects: emptied at every pygame.quit()."""
    if not any(cache is known for known in _CACHES):
        _CACHES.append(cache)
    return cache


def clear_fonts() -> None:
    """Forget every cached font and pygame picture (the next use makes new ones)."""
    for cache in _CACHES:
        cache.clear()


_clear_fonts = clear_fonts  # the name game.app looks for


def _on_pygame_quit() -> None:
    global _quit_hooked
    _quit_hooked = False
    clear_fonts()


def get_font(size: int, path: str | None = None) -> pygame.font.Font:
    """pygame's bundled font at `size` (cached). It has all the French letters.

    `path` loads another font file instead (cached the same way, safe across inits).
    """
    font = _FONTS.get((size, path))
    if font is not None and pygame.font.get_init():
        return font
    return _new_font(size, path)


def _hook_quit() -> None:
    global _quit_hooked
    if not _quit_hooked:
        pygame.register_quit(_on_pygame_quit)
        _quit_hooked = True


def _new_font(size: int, path: str | None) -> pygame.font.Font:
    if not pygame.font.get_init():
        _FONTS.clear()  # made before a pygame.font.quit(): dead
        pygame.font.init()
    _hook_quit()
    font = _FONTS[(size, path)] = pygame.font.Font(path, size)
    return font


FONT_SCALE = 0.6875  # pygame.font.Font(None, n) draws the bundled font at this scale


def _ink_font(size: int):
    """The bundled font through `pygame.freetype` at the size `get_font(size)` draws."""
    try:
        import pygame.freetype as freetype
    except ImportError:
        return None
    if not freetype.get_init():
        _INK_FONTS.clear()  # made before a freetype.quit() or pygame.quit(): dead
    font = _INK_FONTS.get(size)
    if font is not None:
        return font
    try:
        if not freetype.get_init():
            freetype.init()
        _hook_quit()
        # a whole size: fractional ones blur « c » into « o » at small sizes
        font = freetype.Font(None, max(1, math.ceil(size * FONT_SCALE)))
        font.origin = True  # positions are baselines
        font.antialiased = True
    except (pygame.error, OSError):
        return None
    _INK_FONTS[size] = font
    return font


# pygame's bundled font has no glyph for U+00A0 (nor U+202F). SDL_ttf's shaper draws it
# as a space, but a build without one would draw a box: draw it as a plain space (line
# breaks are decided before, so "97 %" and "12 345" still never split).
_DRAWN_SPACES = str.maketrans({i18n.NBSP: " "})


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
