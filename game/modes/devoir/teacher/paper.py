"""Drawing printable pages with pygame: an A4 page at 150 dpi, wrapped text, PNG bytes.

Used by the homework sheet and the certificates (no window needed: fonts and
surfaces only).
"""

from __future__ import annotations

import io

import pygame

from game.ui.theme import get_font

PAGE = (1240, 1754)  # A4 portrait at 150 dpi
LANDSCAPE = (1754, 1240)
INK = (30, 34, 52)
SOFT = (90, 96, 120)
TILE_COLOURS = [(230, 90, 80), (245, 170, 60), (90, 170, 90), (70, 140, 210), (150, 100, 200)]


def wrap(text, font, width):
    """The lines of `text` that fit in `width` pixels (long words are cut)."""
    lines = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}".strip()
            if font.size(candidate)[0] <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
            while font.size(line)[0] > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and font.size(line[:cut])[0] > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def write(surface, text, x, y, width, size, colour=INK, bold=False, align="left"):
    """Draws wrapped text; returns the y below it."""
    font = get_font(size)
    font.set_bold(bold)
    height = font.get_linesize()
    for line in wrap(text, font, width):
        picture = font.render(line, True, colour)
        left = x + (width - picture.get_width()) // 2 if align == "center" else x
        surface.blit(picture, (left, y))
        y += height
    font.set_bold(False)
    return y


def letter_tiles(surface, text, centre_x, y, tile=70, gap=10):
    """The game's name as coloured letter tiles (like the title screen)."""
    total = len(text) * tile + (len(text) - 1) * gap
    x = centre_x - total // 2
    font = get_font(int(tile * 0.62))
    for i, letter in enumerate(text):
        if letter != " ":
            rect = pygame.Rect(x, y, tile, tile)
            pygame.draw.rect(surface, TILE_COLOURS[i % len(TILE_COLOURS)], rect, border_radius=12)
            picture = font.render(letter, True, (255, 255, 255))
            surface.blit(picture, picture.get_rect(center=rect.center))
        x += tile + gap
    return y + tile


def png_bytes(surface):
    """The surface as PNG file content."""
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "page.png")
    return buffer.getvalue()


def save_png(surface, path):
    """Writes the PNG atomically; raises `game.storage.SaveError` (French)."""
    from game.storage import write_atomic

    write_atomic(path, png_bytes(surface), backup=False)
    return path
