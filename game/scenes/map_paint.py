"""Where the map's places sit, and the drawings that do not change: scenery, roads, icons.

The levels sit along one path whatever their number (`place_positions`): the path goes
through five anchor points (the map's look with five levels: each level on one anchor);
another number of levels is spread evenly along it, first on the first anchor, last on
the last. The sandbox and the ending hang off the last level.
Up to six levels the places stay apart (`NODE_SPACING`, tested); seven and more still
work but the places get close at the path's last turn: give the path more anchors then.
"""

from __future__ import annotations

import math

import pygame

from game.scenes.places import ENDING, SANDBOX
from game.ui.theme import mix

NODE_SPACING = 100  # the least distance between two levels' centres (a place is 88 wide)
PATH_ANCHORS = ((540, 560), (780, 590), (1030, 555), (1165, 405), (950, 335))
SANDBOX_POS = (660, 320)
ENDING_POS = (1090, 195)
HILLS = ((620, 720, 360, 150), (1040, 740, 420, 190), (860, 300, 300, 110))
TREES = (
    (470, 430),
    (640, 470),
    (1235, 560),
    (860, 470),
    (1220, 290),
    (555, 240),
    (880, 190),
    (1180, 690),
    (470, 680),
    (920, 690),
)


def level_positions(count):
    """The centres of `count` levels along the path: five levels sit on the five anchors;
    another number is spread evenly (by length) from the first anchor to the last."""
    if count <= 0:
        return []
    if count == len(PATH_ANCHORS):
        return list(PATH_ANCHORS)
    if count == 1:
        return [PATH_ANCHORS[-1]]
    segments = list(zip(PATH_ANCHORS, PATH_ANCHORS[1:], strict=False))
    lengths = [math.dist(a, b) for a, b in segments]
    step = sum(lengths) / (count - 1)
    points = []
    for i in range(count):
        left = i * step  # how far along the path
        for (a, b), length in zip(segments, lengths, strict=True):
            if left <= length or (a, b) == segments[-1]:
                f = min(1.0, left / length)
                points.append((round(a[0] + (b[0] - a[0]) * f), round(a[1] + (b[1] - a[1]) * f)))
                break
            left -= length
    return points


def place_positions(count):
    """{level number (1-based) or SANDBOX / ENDING: centre} for a map of `count` levels."""
    positions = {n: p for n, p in enumerate(level_positions(count), start=1)}
    positions[SANDBOX] = SANDBOX_POS
    positions[ENDING] = ENDING_POS
    return positions


def paint_scenery(theme, size, positions):
    """Page, hills, trees and the roads: drawn once, then blitted each frame."""
    colors = theme.colors
    page = pygame.Surface(size)
    theme.draw_background(page)
    hill = mix(colors.bg, colors.good, 0.18)
    for cx, cy, rx, ry in HILLS:
        pygame.draw.ellipse(page, hill, (cx - rx, cy - ry, 2 * rx, 2 * ry))
    # Water is blue in both palettes (the colour-blind one's second colour is
    # vermillion: a lake of it read as sand). Okabe–Ito blue there.
    blue = (0, 114, 178) if getattr(theme, "colorblind", False) else colors.second
    water = mix(colors.bg, blue, 0.25)
    pygame.draw.ellipse(page, water, (470, 170, 230, 90))
    for x, y in TREES:
        trunk = mix(colors.ink_soft, (120, 80, 40), 0.6)
        pygame.draw.rect(page, trunk, (x - 4, y, 8, 18))
        pygame.draw.circle(page, mix(colors.good, colors.bg, 0.25), (x, y - 6), 18)
    # The path: a wide dotted road through the levels, then to the sandbox and the ending.
    order = [positions[n] for n in sorted(k for k in positions if isinstance(k, int))]
    road = mix(colors.bg, colors.warn, 0.45)
    edge = mix(colors.bg, colors.ink_soft, 0.35)
    for a, b in zip(order, order[1:], strict=False):
        draw_road(page, a, b, road, edge)
    if order:
        draw_road(page, order[-1], positions[SANDBOX], road, edge)
        draw_road(page, order[-1], positions[ENDING], road, edge)
    return page


def ease_back(k):
    """0 → 1 with a small overshoot (a place popping open)."""
    s = 1.7
    k -= 1
    return k * k * ((s + 1) * k + s) + 1


def draw_road(surface, a, b, fill, edge):
    pygame.draw.line(surface, edge, a, b, 30)
    pygame.draw.line(surface, fill, a, b, 24)
    for point in (a, b):
        pygame.draw.circle(surface, edge, point, 15)
        pygame.draw.circle(surface, fill, point, 12)
    length = math.dist(a, b)
    steps = int(length // 26)
    for i in range(1, steps):
        t = i / steps
        x = a[0] + (b[0] - a[0]) * t
        y = a[1] + (b[1] - a[1]) * t
        pygame.draw.circle(surface, (255, 255, 255), (round(x), round(y)), 3)


def draw_sandbox_icon(surface, center, radius, ink):
    cx, cy = center
    r = radius
    pygame.draw.polygon(
        surface,
        (245, 215, 140),
        [(cx - r * 0.6, cy + r * 0.4), (cx, cy - r * 0.1), (cx + r * 0.6, cy + r * 0.4)],
    )
    pygame.draw.line(surface, ink, (cx + r * 0.1, cy + r * 0.1), (cx + r * 0.45, cy - r * 0.5), 5)
    pygame.draw.ellipse(surface, ink, (cx - r * 0.05, cy, r * 0.3, r * 0.22))


def draw_flag(surface, center, radius, ink):
    cx, cy = center
    r = radius
    pygame.draw.line(surface, ink, (cx - r * 0.3, cy + r * 0.5), (cx - r * 0.3, cy - r * 0.55), 5)
    pygame.draw.polygon(
        surface,
        ink,
        [
            (cx - r * 0.3, cy - r * 0.55),
            (cx + r * 0.45, cy - r * 0.3),
            (cx - r * 0.3, cy - r * 0.05),
        ],
    )
