"""Race drawing helpers shared by the host and the racers: tick, countdown, seed pictures."""

from __future__ import annotations

import pygame

from game.scenes.common import W
from game.ui.fonts import get_font


def fit_size(words, width, largest, smallest=12):
    """The largest font size (≤ `largest`) at which each of `words` holds on one line of
    `width` pixels: a code or a word is shrunk, never cut nor broken."""
    size = int(largest)
    while size > smallest and any(get_font(size).size(w)[0] > width for w in words):
        size -= 2
    return size


def draw_dot_legend(scene, surface, pos, connected_key, gone_key):
    """« ● connecté  ● déconnecté » from `pos` (its left, its middle); returns its right."""
    theme, colors = scene.theme, scene.colors
    x, y = pos
    for color, key in ((colors.good, connected_key), (colors.bad, gone_key)):
        pygame.draw.circle(surface, color, (x + 7, y), 7)
        drawn = theme.text(surface, scene.app.t(key), (x + 20, y), "small", colors.ink, "midleft")
        x = drawn.right + 24
    return x


def draw_tick(surface, center, radius, color):
    """A filled circle with a white tick (drawn: no font needed)."""
    x, y = center
    pygame.draw.circle(surface, color, center, radius)
    points = [
        (x - radius * 0.5, y),
        (x - radius * 0.1, y + radius * 0.4),
        (x + radius * 0.55, y - radius * 0.4),
    ]
    pygame.draw.lines(surface, (255, 255, 255), False, points, 3)


def draw_countdown(scene, surface, start_in_ms):
    """The big 5, 4, 3, 2, 1 — the same on every computer (each converts the host's start)."""
    theme, colors = scene.theme, scene.colors
    seconds = max(0, -(-int(start_in_ms) // 1000))
    label = str(seconds) if seconds > 0 else scene.app.t("salon.compte.go")
    theme.text(
        surface, scene.app.t("salon.compte.pret"), (W // 2, 150), "title", colors.ink_soft, "midtop"
    )
    size = theme.size("title") * 5
    theme.text(surface, label, (W // 2, 400), size, colors.accent, "center")


def seed_words(seed, lang="fr"):
    """The seed as picture words (the speedrun mode's), for kids to compare at a glance."""
    from game.modes.course.speedrun.seeds import picture_words

    return picture_words(seed, lang)


def draw_seed_pictures(scene, surface, seed, area):
    """The seed's three pictures as big coloured labels (animal, fruit, thing)."""
    from game.modes.course.speedrun.seeds import pictures

    theme, colors = scene.theme, scene.colors
    lang = scene.app.settings.language
    gap = 10
    width = (area.w - 2 * gap) // 3
    words = [picture.word(lang) for picture in pictures(seed)]
    size = fit_size(words, width - 16, theme.size("heading"))  # a word is never broken
    for k, word in enumerate(words):
        rect = pygame.Rect(area.x + k * (width + gap), area.y, width, area.h)
        fill = colors.series[k % len(colors.series)]
        pygame.draw.rect(surface, fill, rect, border_radius=14)
        theme.text(surface, word, rect.center, size, theme.ink_on(fill), "center")
