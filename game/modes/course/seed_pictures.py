"""The seed's three pictures, drawn (an animal, a fruit, a thing) with their names.

Kids check at a glance that every computer races the same seed. Animals are the
profile avatars' drawings; fruits and things are drawn here with simple shapes.
"""

from __future__ import annotations

import math

import pygame

from game.scenes.avatars import draw_avatar
from game.scenes.common import draw_text

ANIMAL_COLOURS = {
    "cat": (245, 150, 40),
    "owl": (150, 95, 200),
    "fish": (60, 130, 220),
    "frog": (80, 185, 90),
    "snail": (235, 115, 170),
    "bee": (245, 205, 45),
}
INK = (40, 40, 50)


def _apple(s, c, r, colour=(215, 50, 45)):
    pygame.draw.circle(s, colour, (c[0] - r * 0.3, c[1] + r * 0.1), r * 0.62)
    pygame.draw.circle(s, colour, (c[0] + r * 0.3, c[1] + r * 0.1), r * 0.62)
    pygame.draw.line(s, (110, 70, 30), (c[0], c[1] - r * 0.4), (c[0] + r * 0.1, c[1] - r * 0.9), 5)
    pygame.draw.ellipse(s, (70, 160, 60), (c[0] + r * 0.1, c[1] - r * 0.95, r * 0.6, r * 0.3))


def _cherry(s, c, r):
    for dx in (-0.4, 0.4):
        pygame.draw.line(
            s, (70, 120, 40), (c[0] + dx * r, c[1] + r * 0.3), (c[0], c[1] - r * 0.8), 4
        )
        pygame.draw.circle(s, (190, 20, 50), (c[0] + dx * r, c[1] + r * 0.4), r * 0.4)


def _pear(s, c, r):
    colour = (170, 200, 60)
    pygame.draw.circle(s, colour, (c[0], c[1] + r * 0.35), r * 0.6)
    pygame.draw.circle(s, colour, (c[0], c[1] - r * 0.25), r * 0.38)
    pygame.draw.line(s, (110, 70, 30), (c[0], c[1] - r * 0.6), (c[0] + r * 0.1, c[1] - r * 0.95), 5)


def _lemon(s, c, r):
    pygame.draw.ellipse(s, (250, 215, 40), (c[0] - r * 0.85, c[1] - r * 0.55, r * 1.7, r * 1.1))
    pygame.draw.circle(s, (250, 215, 40), (c[0] + r * 0.85, c[1]), r * 0.15)
    pygame.draw.circle(s, (250, 215, 40), (c[0] - r * 0.85, c[1]), r * 0.15)


def _grapes(s, c, r):
    for row, count in enumerate((3, 2, 1)):
        for k in range(count):
            x = c[0] + (k - (count - 1) / 2) * r * 0.5
            pygame.draw.circle(s, (120, 60, 160), (x, c[1] - r * 0.3 + row * r * 0.45), r * 0.26)
    pygame.draw.line(s, (110, 70, 30), (c[0], c[1] - r * 0.55), (c[0], c[1] - r * 0.95), 5)


def _strawberry(s, c, r):
    pts = [
        (c[0] - r * 0.7, c[1] - r * 0.4),
        (c[0] + r * 0.7, c[1] - r * 0.4),
        (c[0], c[1] + r * 0.85),
    ]
    pygame.draw.polygon(s, (220, 40, 60), pts)
    pygame.draw.circle(s, (220, 40, 60), (c[0], c[1] - r * 0.3), r * 0.7)
    for dx, dy in ((-0.3, -0.1), (0.3, -0.1), (0, 0.3), (-0.15, 0.15), (0.2, 0.2)):
        pygame.draw.circle(s, (250, 230, 120), (c[0] + dx * r, c[1] + dy * r), 3)
    pygame.draw.ellipse(s, (70, 160, 60), (c[0] - r * 0.5, c[1] - r * 1.0, r, r * 0.35))


def _sun(s, c, r):
    for k in range(8):
        a = k * math.pi / 4
        inner = (c[0] + math.cos(a) * r * 0.6, c[1] + math.sin(a) * r * 0.6)
        outer = (c[0] + math.cos(a) * r * 0.95, c[1] + math.sin(a) * r * 0.95)
        pygame.draw.line(s, (240, 170, 20), inner, outer, 6)
    pygame.draw.circle(s, (250, 200, 40), c, r * 0.5)


def _moon(s, c, r, fill=(250, 250, 240)):
    pygame.draw.circle(s, (240, 215, 90), c, r * 0.8)
    pygame.draw.circle(s, fill, (c[0] + r * 0.35, c[1] - r * 0.2), r * 0.7)


def _cloud(s, c, r):
    colour = (150, 175, 205)
    for dx, dy, k in ((-0.45, 0.15, 0.4), (0.0, -0.15, 0.5), (0.45, 0.15, 0.4)):
        pygame.draw.circle(s, colour, (c[0] + dx * r, c[1] + dy * r), r * k)
    pygame.draw.rect(s, colour, (c[0] - r * 0.45, c[1], r * 0.9, r * 0.55))


def _house(s, c, r):
    pygame.draw.rect(s, (230, 120, 70), (c[0] - r * 0.6, c[1] - r * 0.1, r * 1.2, r * 0.9))
    roof = [
        (c[0] - r * 0.8, c[1] - r * 0.1),
        (c[0] + r * 0.8, c[1] - r * 0.1),
        (c[0], c[1] - r * 0.85),
    ]
    pygame.draw.polygon(s, (150, 60, 50), roof)
    pygame.draw.rect(s, (110, 70, 30), (c[0] - r * 0.15, c[1] + r * 0.3, r * 0.3, r * 0.5))


def _boat(s, c, r):
    hull = [
        (c[0] - r * 0.9, c[1] + r * 0.2),
        (c[0] + r * 0.9, c[1] + r * 0.2),
        (c[0] + r * 0.6, c[1] + r * 0.65),
        (c[0] - r * 0.6, c[1] + r * 0.65),
    ]
    pygame.draw.polygon(s, (60, 110, 190), hull)
    pygame.draw.line(s, INK, (c[0], c[1] + r * 0.2), (c[0], c[1] - r * 0.9), 4)
    sail = [
        (c[0] + 4, c[1] - r * 0.85),
        (c[0] + 4, c[1] + r * 0.1),
        (c[0] + r * 0.7, c[1] + r * 0.1),
    ]
    pygame.draw.polygon(s, (240, 240, 240), sail)
    pygame.draw.polygon(s, INK, sail, 2)


def _rocket(s, c, r):
    body = (c[0] - r * 0.25, c[1] - r * 0.6, r * 0.5, r * 1.2)
    pygame.draw.ellipse(s, (225, 225, 235), body)
    for side in (-1, 1):
        fin = [
            (c[0] + side * r * 0.25, c[1] + r * 0.3),
            (c[0] + side * r * 0.55, c[1] + r * 0.7),
            (c[0] + side * r * 0.2, c[1] + r * 0.55),
        ]
        pygame.draw.polygon(s, (215, 50, 45), fin)
    pygame.draw.circle(s, (60, 130, 220), (c[0], c[1] - r * 0.15), r * 0.14)
    pygame.draw.ellipse(s, INK, body, 2)


DRAWINGS = {
    "apple": _apple,
    "cherry": _cherry,
    "pear": _pear,
    "lemon": _lemon,
    "grapes": _grapes,
    "strawberry": _strawberry,
    "sun": _sun,
    "moon": _moon,
    "cloud": _cloud,
    "house": _house,
    "boat": _boat,
    "rocket": _rocket,
}


def draw_picture(surface, picture_id, center, radius, background=(250, 250, 240)):
    """One picture of `game.modes.course.speedrun.seeds` (its id) in a circle of `radius`."""
    if picture_id in ANIMAL_COLOURS:
        draw_avatar(surface, picture_id, ANIMAL_COLOURS[picture_id], center, radius)
        return
    pygame.draw.circle(surface, background, center, radius)
    pygame.draw.circle(surface, (120, 120, 130), center, radius, 2)
    drawing = DRAWINGS.get(picture_id)
    if drawing is _moon:
        _moon(surface, center, radius * 0.8, background)
    elif drawing is not None:
        drawing(surface, center, radius * 0.8)


def draw_seed(scene, surface, seed, area, role="small"):
    """The three pictures side by side in `area`, each with its name under it."""
    from game.modes.course.speedrun.seeds import pictures

    theme = scene.theme
    lang = scene.app.settings.language
    label_h = theme.line_height(role) + 4
    width = area.w // 3
    radius = max(8, min(width // 2 - 8, (area.h - label_h) // 2 - 2))
    for k, picture in enumerate(pictures(seed)):
        cx = area.x + k * width + width // 2
        draw_picture(surface, picture.id, (cx, area.y + radius + 2), radius, theme.colors.panel)
        label = pygame.Rect(area.x + k * width, area.y + 2 * radius + 6, width, label_h)
        draw_text(theme, surface, picture.word(lang), label, role, None, "center", "top")
