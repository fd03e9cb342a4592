"""The players' avatars, drawn by the game with pygame primitives (no image files).

`draw_avatar(surface, name, colour, center, radius)` paints a round badge of the
player's colour with the animal on it. Names come from `game.profiles.AVATARS`.
"""

from __future__ import annotations

import math

import pygame

from game.ui.fonts import forget_on_quit

INK = (40, 36, 48)
WHITE = (255, 255, 255)


def _shade(color, k):
    """k < 0 darker, k > 0 lighter."""
    target = (0, 0, 0) if k < 0 else (255, 255, 255)
    k = abs(k)
    return tuple(round(c + (t - c) * k) for c, t in zip(color[:3], target, strict=True))


def _eye(surface, x, y, r):
    pygame.draw.circle(surface, WHITE, (x, y), r)
    pygame.draw.circle(surface, INK, (x + r * 0.15, y + r * 0.1), max(1, r * 0.55))
    pygame.draw.circle(surface, WHITE, (x + r * 0.35, y - r * 0.2), max(1, r * 0.2))


def _cat(s, cx, cy, r, col):
    fur = (250, 190, 110)
    dark = _shade(fur, -0.35)
    for side in (-1, 1):
        ear = [
            (cx + side * r * 0.55, cy - r * 0.75),
            (cx + side * r * 0.15, cy - r * 0.35),
            (cx + side * r * 0.7, cy - r * 0.2),
        ]
        pygame.draw.polygon(s, fur, ear)
        pygame.draw.polygon(s, dark, ear, max(1, int(r * 0.05)))
    pygame.draw.ellipse(s, fur, (cx - r * 0.62, cy - r * 0.5, r * 1.24, r * 1.05))
    pygame.draw.ellipse(
        s, dark, (cx - r * 0.62, cy - r * 0.5, r * 1.24, r * 1.05), max(1, int(r * 0.05))
    )
    _eye(s, cx - r * 0.25, cy - r * 0.05, r * 0.13)
    _eye(s, cx + r * 0.25, cy - r * 0.05, r * 0.13)
    pygame.draw.polygon(
        s,
        (230, 110, 120),
        [(cx - r * 0.08, cy + r * 0.15), (cx + r * 0.08, cy + r * 0.15), (cx, cy + r * 0.25)],
    )
    for side in (-1, 1):
        for dy in (0.22, 0.32):
            pygame.draw.line(
                s,
                dark,
                (cx + side * r * 0.15, cy + r * dy),
                (cx + side * r * 0.55, cy + r * (dy - 0.06)),
                2,
            )


def _owl(s, cx, cy, r, col):
    body = (150, 110, 80)
    belly = (235, 210, 170)
    pygame.draw.ellipse(s, body, (cx - r * 0.55, cy - r * 0.65, r * 1.1, r * 1.35))
    for side in (-1, 1):
        pygame.draw.polygon(
            s,
            body,
            [
                (cx + side * r * 0.5, cy - r * 0.45),
                (cx + side * r * 0.45, cy - r * 0.8),
                (cx + side * r * 0.2, cy - r * 0.55),
            ],
        )
    pygame.draw.ellipse(s, belly, (cx - r * 0.35, cy, r * 0.7, r * 0.62))
    for side in (-1, 1):
        pygame.draw.circle(s, WHITE, (cx + side * r * 0.24, cy - r * 0.22), r * 0.22)
        pygame.draw.circle(s, (250, 170, 40), (cx + side * r * 0.24, cy - r * 0.22), r * 0.13)
        pygame.draw.circle(s, INK, (cx + side * r * 0.24, cy - r * 0.22), r * 0.07)
    pygame.draw.polygon(
        s,
        (240, 150, 40),
        [(cx - r * 0.08, cy - r * 0.02), (cx + r * 0.08, cy - r * 0.02), (cx, cy + r * 0.14)],
    )


def _fish(s, cx, cy, r, col):
    body = (255, 140, 60)
    fin = _shade(body, -0.2)
    pygame.draw.polygon(
        s, fin, [(cx + r * 0.35, cy), (cx + r * 0.8, cy - r * 0.38), (cx + r * 0.8, cy + r * 0.38)]
    )
    pygame.draw.ellipse(s, body, (cx - r * 0.7, cy - r * 0.42, r * 1.2, r * 0.84))
    for k in (-0.1, 0.12):
        pygame.draw.arc(
            s,
            WHITE,
            (cx + r * k - r * 0.2, cy - r * 0.35, r * 0.3, r * 0.7),
            -1.2,
            1.2,
            max(1, int(r * 0.06)),
        )
    _eye(s, cx - r * 0.38, cy - r * 0.08, r * 0.12)
    pygame.draw.circle(s, WHITE, (cx - r * 0.55, cy - r * 0.6), r * 0.08, max(1, int(r * 0.03)))
    pygame.draw.circle(s, WHITE, (cx - r * 0.4, cy - r * 0.78), r * 0.05, max(1, int(r * 0.03)))


def _frog(s, cx, cy, r, col):
    skin = (110, 190, 80)
    dark = _shade(skin, -0.35)
    pygame.draw.ellipse(s, skin, (cx - r * 0.68, cy - r * 0.3, r * 1.36, r * 0.9))
    for side in (-1, 1):
        pygame.draw.circle(s, skin, (cx + side * r * 0.33, cy - r * 0.35), r * 0.25)
        _eye(s, cx + side * r * 0.33, cy - r * 0.37, r * 0.15)
    pygame.draw.arc(
        s,
        dark,
        (cx - r * 0.4, cy - r * 0.05, r * 0.8, r * 0.45),
        math.pi + 0.3,
        2 * math.pi - 0.3,
        max(2, int(r * 0.07)),
    )
    for side in (-1, 1):
        pygame.draw.circle(s, (240, 140, 150), (cx + side * r * 0.48, cy + r * 0.15), r * 0.08)


def _snail(s, cx, cy, r, col):
    body = (230, 200, 150)
    shell = (180, 110, 70)
    pygame.draw.ellipse(s, body, (cx - r * 0.75, cy + r * 0.15, r * 1.45, r * 0.4))
    pygame.draw.line(
        s, body, (cx - r * 0.55, cy + r * 0.2), (cx - r * 0.65, cy - r * 0.3), max(2, int(r * 0.08))
    )
    pygame.draw.line(
        s,
        body,
        (cx - r * 0.45, cy + r * 0.2),
        (cx - r * 0.42, cy - r * 0.32),
        max(2, int(r * 0.08)),
    )
    pygame.draw.circle(s, INK, (cx - r * 0.65, cy - r * 0.32), r * 0.06)
    pygame.draw.circle(s, INK, (cx - r * 0.42, cy - r * 0.34), r * 0.06)
    pygame.draw.circle(s, shell, (cx + r * 0.12, cy - r * 0.05), r * 0.45)
    points = []
    for i in range(60):
        a = i * 0.3
        k = r * 0.4 * (1 - i / 64)
        points.append((cx + r * 0.12 + k * math.cos(a), cy - r * 0.05 + k * math.sin(a)))
    pygame.draw.lines(s, _shade(shell, -0.4), False, points, max(2, int(r * 0.06)))


def _bee(s, cx, cy, r, col):
    yellow = (250, 205, 50)
    for side in (-1, 1):
        pygame.draw.ellipse(
            s, (235, 245, 255), (cx + side * r * 0.3 - r * 0.25, cy - r * 0.7, r * 0.5, r * 0.55)
        )
    body = pygame.Rect(0, 0, r * 1.3, r * 0.9)
    body.center = (cx, cy + r * 0.1)
    pygame.draw.ellipse(s, yellow, body)
    clip = s.get_clip()
    s.set_clip(body.clip(clip) if clip else body)
    for k in (-0.15, 0.2):
        pygame.draw.rect(s, INK, (cx + r * k - r * 0.08, body.top, r * 0.16, body.height))
    s.set_clip(clip)
    pygame.draw.ellipse(s, INK, body, max(1, int(r * 0.05)))
    _eye(s, cx - r * 0.45, cy + r * 0.02, r * 0.11)
    pygame.draw.polygon(
        s,
        INK,
        [
            (cx + r * 0.65, cy + r * 0.1),
            (cx + r * 0.85, cy + r * 0.15),
            (cx + r * 0.65, cy + r * 0.22),
        ],
    )


def _star(s, cx, cy, r, col):
    gold = (255, 210, 60)
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        k = r * 0.72 if i % 2 == 0 else r * 0.32
        pts.append((cx + k * math.cos(a), cy + k * math.sin(a)))
    pygame.draw.polygon(s, gold, pts)
    pygame.draw.polygon(s, _shade(gold, -0.4), pts, max(1, int(r * 0.05)))
    _eye(s, cx - r * 0.13, cy, r * 0.09)
    _eye(s, cx + r * 0.13, cy, r * 0.09)
    pygame.draw.arc(
        s,
        INK,
        (cx - r * 0.12, cy + r * 0.02, r * 0.24, r * 0.18),
        math.pi,
        2 * math.pi,
        max(1, int(r * 0.04)),
    )


def _robot(s, cx, cy, r, col):
    metal = (190, 200, 215)
    dark = _shade(metal, -0.45)
    pygame.draw.line(s, dark, (cx, cy - r * 0.5), (cx, cy - r * 0.75), max(2, int(r * 0.06)))
    pygame.draw.circle(s, (240, 80, 80), (cx, cy - r * 0.78), r * 0.09)
    head = pygame.Rect(0, 0, r * 1.1, r * 0.9)
    head.center = (cx, cy - r * 0.02)
    pygame.draw.rect(s, metal, head, border_radius=int(r * 0.18))
    pygame.draw.rect(s, dark, head, max(1, int(r * 0.05)), border_radius=int(r * 0.18))
    for side in (-1, 1):
        pygame.draw.circle(s, (80, 200, 240), (cx + side * r * 0.24, cy - r * 0.12), r * 0.13)
        pygame.draw.circle(s, INK, (cx + side * r * 0.24, cy - r * 0.12), r * 0.05)
        pygame.draw.rect(
            s, dark, (cx + side * r * 0.55 - r * 0.06, cy - r * 0.15, r * 0.12, r * 0.25)
        )
    mouth = pygame.Rect(0, 0, r * 0.5, r * 0.14)
    mouth.center = (cx, cy + r * 0.22)
    pygame.draw.rect(s, dark, mouth, border_radius=3)
    for k in (-1, 0, 1):
        pygame.draw.line(s, metal, (cx + k * r * 0.1, mouth.top), (cx + k * r * 0.1, mouth.bottom))


DRAWERS = {
    "cat": _cat,
    "owl": _owl,
    "fish": _fish,
    "frog": _frog,
    "snail": _snail,
    "bee": _bee,
    "star": _star,
    "robot": _robot,
}

_CACHE: dict = forget_on_quit({})  # pictures made for this pygame init only


def avatar_surface(name, colour, radius):
    """The avatar badge as a surface of size (2·radius+4)², cached."""
    key = (name, tuple(colour), int(radius))
    surface = _CACHE.get(key)
    if surface is None:
        radius = int(radius)
        size = 2 * radius + 4
        # Drawn at twice the size then smoothed down: round edges without aliasing.
        big = pygame.Surface((size * 2, size * 2), pygame.SRCALPHA)
        c = size
        r = radius * 2
        pygame.draw.circle(big, _shade(colour, -0.35), (c, c), r + 2)
        pygame.draw.circle(big, colour, (c, c), r - 4)
        pygame.draw.circle(big, _shade(colour, 0.55), (c, c), r - 14)
        DRAWERS.get(name, _star)(big, c, c + r * 0.05, r * 0.8, colour)
        surface = pygame.transform.smoothscale(big, (size, size))
        if len(_CACHE) > 200:
            _CACHE.clear()
        _CACHE[key] = surface
    return surface


def draw_avatar(surface, name, colour, center, radius):
    badge = avatar_surface(name, colour, radius)
    surface.blit(badge, badge.get_rect(center=(round(center[0]), round(center[1]))))
