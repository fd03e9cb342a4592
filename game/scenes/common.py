"""What the screens share: a widget container rebuilt on settings changes, Échap = back,
button helpers with the click sound, and a few drawings (stars, titles, cards)."""

from __future__ import annotations

import math

import pygame

from game.scenes.base import LOGICAL_SIZE, Scene, dim
from game.ui.fonts import forget_on_quit

W, H = LOGICAL_SIZE
MARGIN = 96  # left edge of content (right of the notebook's red margin line)


class Screen(Scene):
    """A screen made of game.ui widgets.

    Subclasses write `build()` (add widgets to `self.container`) and may draw more in
    `draw_content(surface)` (under the widgets). `rebuild()` is called on enter and
    whenever the settings change, so texts and sizes follow at once.
    """

    back_key = True  # Échap calls back()

    def __init__(self, app):
        super().__init__(app)
        self.ui = app.ui
        self.container = app.ui.Container(app.theme)
        self._built = False

    def on_enter(self):
        self.rebuild()

    def rebuild(self):
        old = self.container
        focus_index = None
        if old.focused is not None and old.focused in old.widgets:
            focus_index = old.widgets.index(old.focused)
        self.container = self.ui.Container(self.theme)
        self.container.show_focus = old.show_focus
        self.default_focus = None
        self.build()
        self._built = True
        widgets = self.container.widgets
        if (
            focus_index is not None
            and focus_index < len(widgets)
            and self.container.focus.can_focus(widgets[focus_index])
        ):
            self.container.focus.set(widgets[focus_index])
            return
        if self.default_focus is not None:
            self.container.focus.set(self.default_focus)

    def build(self):
        pass

    def back(self):
        self.app.play("click")
        self.app.scenes.pop()

    # Widgets ----------------------------------------------------------------
    def button(
        self,
        rect,
        label,
        on_click,
        style="primary",
        icon=None,
        tooltip=None,
        enabled=True,
        sound="click",
    ):
        def clicked():
            if sound:
                self.app.play(sound)
            on_click()

        widget = self.ui.Button(
            self.theme,
            rect,
            label,
            clicked,
            icon=icon,
            style=style,
            tooltip=tooltip,
            enabled=enabled,
        )
        self.container.add(widget)
        return widget

    def back_button(self, label=None):
        """The « Retour » button, top left, always at the same place."""
        theme = self.theme
        label = label or self.app.t("common.back")
        width = theme.font("body").size(label)[0] + theme.line_height("body") + 3 * theme.pad + 20
        return self.button(
            (20, 18, max(150, width), theme.control_height), label, self.back, "secondary", "left"
        )

    # Frame ------------------------------------------------------------------
    def handle_event(self, event):
        if self.container.handle_event(event):
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and self.back_key:
            self.back()
            return True
        return False

    def update(self, dt):
        self.container.update(dt)

    def draw(self, surface):
        self.draw_background(surface)
        self.draw_content(surface)
        self.container.draw(surface)

    def draw_background(self, surface):
        self.theme.draw_background(surface)

    def draw_content(self, surface):
        pass


class Overlay(Screen):
    """A modal panel over the scene below (pause, « Quitter ? », error…)."""

    overlay = True
    shade = 150

    def draw(self, surface):
        if not getattr(self.app, "below_dimmed", False):
            dim(surface, self.shade)
        self.draw_content(surface)
        self.container.draw(surface)


def heading(scene, surface, text, y=30, role="title", x=None, width=None):
    """A screen title, centred (or from x), wrapped/shrunk to fit; returns its bottom."""
    theme = scene.theme
    width = width or (W - 2 * 240)
    x = (W - width) // 2 if x is None else x
    height = theme.line_height(role) + 6
    rect = pygame.Rect(x, y, width, height)
    draw_text(theme, surface, text, rect, role, theme.colors.ink, "center", "middle")
    return rect.bottom


def star_points(center, radius, inner=0.45):
    cx, cy = center
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        k = radius if i % 2 == 0 else radius * inner
        pts.append((cx + k * math.cos(a), cy + k * math.sin(a)))
    return pts


def draw_star(surface, center, radius, filled, theme):
    """One star: gold and filled when earned, an outline when not."""
    pts = star_points(center, radius)
    if filled:
        pygame.draw.polygon(surface, (250, 196, 40), pts)
        pygame.draw.polygon(surface, (150, 100, 10), pts, 2)
    else:
        pygame.draw.polygon(surface, theme.colors.panel, pts)
        pygame.draw.polygon(surface, theme.colors.ink_soft, pts, 2)


def draw_stars(surface, center, count, radius, theme, total=3, gap=None):
    gap = gap or radius * 2.3
    x0 = center[0] - gap * (total - 1) / 2
    for i in range(total):
        draw_star(surface, (x0 + i * gap, center[1]), radius, i < count, theme)


def card(surface, theme, rect, fill=None, edge=None, width=2):
    theme.draw_panel(surface, rect, fill, edge, width=width)


_TILE_CLASS = []


def tile_class(ui):
    """A focusable tile drawn by a function (profile cards, colour and avatar choices).

    A `ui.Clickable`: click (press + release inside) or Entrée / Espace calls `on_click`.
    """
    if _TILE_CLASS:
        return _TILE_CLASS[0]

    class Tile(ui.Clickable):
        def __init__(self, theme, rect, painter, on_click, selected=False, tooltip=None):
            super().__init__(theme, rect, tooltip)
            self.painter = painter
            self.on_click = on_click
            self.selected = selected

        def activate(self):
            self.on_click()

        def draw(self, surface):
            self.painter(surface, self)

    _TILE_CLASS.append(Tile)
    return Tile


def make_tile(scene, rect, painter, on_click, selected=False, tooltip=None, sound="click"):
    Tile = tile_class(scene.ui)

    def clicked():
        if sound:
            scene.app.play(sound)
        on_click()

    tile = Tile(scene.theme, rect, painter, clicked, selected, tooltip)
    scene.container.add(tile)
    return tile


_TEXT_CACHE: dict = forget_on_quit({})  # pictures made for this pygame init only


def draw_text(theme, surface, text, rect, role="body", color=None, align="left", valign="top"):
    """`theme.draw_text`, but the wrapped picture is kept: static texts cost one blit.

    Wrapping and shrinking to fit measure every word; doing it once per text (and per
    look: text size, palette) keeps the frames cheap.
    """
    rect = pygame.Rect(rect)
    if rect.width <= 0 or rect.height <= 0 or not text:
        return 0
    color = tuple(color or theme.colors.ink)
    key = (id(theme), theme.text_size, theme.colorblind, text, rect.size, role, color, align,
           valign)  # fmt: skip
    entry = _TEXT_CACHE.get(key)
    if entry is None:
        picture = pygame.Surface(rect.size, pygame.SRCALPHA)
        used = theme.draw_text(picture, text, picture.get_rect(), role, color, align, valign)
        if len(_TEXT_CACHE) > 600:
            _TEXT_CACHE.clear()
        entry = _TEXT_CACHE[key] = (picture, used)
    surface.blit(entry[0], rect.topleft)
    return entry[1]
