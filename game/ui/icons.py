"""Small vector icons (the bundled font has no arrows or stars).

`draw_icon(surface, name, rect, color)` draws a named icon; any other string is
drawn as text, so `icon="?"` works too.
"""

from __future__ import annotations

import math

import pygame


def _poly(surface, color, rect, points):
    pts = [(rect.x + x * rect.width, rect.y + y * rect.height) for x, y in points]
    pygame.draw.polygon(surface, color, pts)


def _lines(surface, color, rect, points, width):
    pts = [(rect.x + x * rect.width, rect.y + y * rect.height) for x, y in points]
    pygame.draw.lines(surface, color, False, pts, width)


def _star(surface, color, rect):
    cx, cy, r = rect.centerx, rect.centery, rect.width / 2
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        k = r if i % 2 == 0 else r * 0.45
        pts.append((cx + k * math.cos(a), cy + k * math.sin(a)))
    pygame.draw.polygon(surface, color, pts)


SHAPES = {
    "play": lambda s, c, r, w: _poly(s, c, r, [(0.2, 0.1), (0.9, 0.5), (0.2, 0.9)]),
    "right": lambda s, c, r, w: _poly(s, c, r, [(0.25, 0.1), (0.85, 0.5), (0.25, 0.9)]),
    "left": lambda s, c, r, w: _poly(s, c, r, [(0.75, 0.1), (0.15, 0.5), (0.75, 0.9)]),
    "up": lambda s, c, r, w: _poly(s, c, r, [(0.1, 0.75), (0.5, 0.15), (0.9, 0.75)]),
    "down": lambda s, c, r, w: _poly(s, c, r, [(0.1, 0.25), (0.5, 0.85), (0.9, 0.25)]),
    "pause": lambda s, c, r, w: (
        _poly(s, c, r, [(0.2, 0.1), (0.42, 0.1), (0.42, 0.9), (0.2, 0.9)]),
        _poly(s, c, r, [(0.58, 0.1), (0.8, 0.1), (0.8, 0.9), (0.58, 0.9)]),
    ),
    "stop": lambda s, c, r, w: _poly(
        s, c, r, [(0.15, 0.15), (0.85, 0.15), (0.85, 0.85), (0.15, 0.85)]
    ),
    "check": lambda s, c, r, w: _lines(s, c, r, [(0.1, 0.5), (0.4, 0.8), (0.9, 0.2)], w),
    "cross": lambda s, c, r, w: (
        _lines(s, c, r, [(0.15, 0.15), (0.85, 0.85)], w),
        _lines(s, c, r, [(0.85, 0.15), (0.15, 0.85)], w),
    ),
    "plus": lambda s, c, r, w: (
        _lines(s, c, r, [(0.5, 0.1), (0.5, 0.9)], w),
        _lines(s, c, r, [(0.1, 0.5), (0.9, 0.5)], w),
    ),
    "minus": lambda s, c, r, w: _lines(s, c, r, [(0.1, 0.5), (0.9, 0.5)], w),
    "star": lambda s, c, r, w: _star(s, c, r),
    "home": lambda s, c, r, w: _poly(
        s,
        c,
        r,
        [
            (0.5, 0.05),
            (0.95, 0.45),
            (0.8, 0.45),
            (0.8, 0.92),
            (0.2, 0.92),
            (0.2, 0.45),
            (0.05, 0.45),
        ],
    ),
    "lock": lambda s, c, r, w: (
        _lines(s, c, r, [(0.3, 0.5), (0.3, 0.25), (0.5, 0.08), (0.7, 0.25), (0.7, 0.5)], w),
        _poly(s, c, r, [(0.15, 0.45), (0.85, 0.45), (0.85, 0.95), (0.15, 0.95)]),
    ),
    "sound": lambda s, c, r, w: (
        _poly(
            s,
            c,
            r,
            [(0.05, 0.35), (0.3, 0.35), (0.55, 0.1), (0.55, 0.9), (0.3, 0.65), (0.05, 0.65)],
        ),
        _lines(s, c, r, [(0.7, 0.3), (0.8, 0.5), (0.7, 0.7)], max(2, w // 2)),
        _lines(s, c, r, [(0.82, 0.15), (0.97, 0.5), (0.82, 0.85)], max(2, w // 2)),
    ),
}
ICON_NAMES = tuple(SHAPES)


def draw_icon(surface, name: str, rect, color, theme=None) -> None:
    """Draw icon `name` (see ICON_NAMES) in a square centred in `rect`."""
    rect = pygame.Rect(rect)
    side = min(rect.width, rect.height)
    box = pygame.Rect(0, 0, side, side)
    box.center = rect.center
    shape = SHAPES.get(name)
    if shape is not None:
        shape(surface, color, box, max(3, side // 7))
    elif theme is not None:
        theme.text(surface, name, box.center, round(side * 1.6), color, "center")
