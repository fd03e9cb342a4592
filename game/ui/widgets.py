"""The controls: Label, Panel, Button, Toggle, DraggableToken (Slider, TextField re-exported)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from .base import ARROWS, Clickable, Widget, is_click, is_release
from .icons import draw_icon
from .slider import Slider, _decimals  # noqa: F401
from .text_field import TextField  # noqa: F401
from .theme import mix


class Label(Widget):
    """Text in a box: wrapped, shrunk a little if needed, "…" if still too long."""

    def __init__(
        self,
        theme,
        rect,
        text: str,
        role="body",
        color=None,
        align="left",
        valign="top",
        tooltip=None,
    ):
        super().__init__(theme, rect, tooltip)
        self.text, self.role, self.color, self.align, self.valign = text, role, color, align, valign

    def draw(self, surface) -> None:
        self.theme.draw_text(
            surface, self.text, self.rect, self.role, self.color, self.align, self.valign
        )


class Panel(Widget):
    """A titled card. Put it first in the container; lay widgets in `content_rect`."""

    def __init__(self, theme, rect, title: str = "", fill=None, tooltip=None):
        super().__init__(theme, rect, tooltip)
        self.title, self.fill = title, fill

    @property
    def title_height(self) -> int:
        return self.theme.line_height("heading") + self.theme.pad + 6 if self.title else 0

    @property
    def content_rect(self) -> pygame.Rect:
        pad = self.theme.pad + 4
        top = self.rect.top + pad + self.title_height
        return pygame.Rect(
            self.rect.left + pad, top, self.rect.width - 2 * pad, self.rect.bottom - pad - top
        )

    def draw(self, surface) -> None:
        theme, pad = self.theme, self.theme.pad + 4
        theme.draw_panel(surface, self.rect, self.fill)
        if self.title:
            box = pygame.Rect(
                self.rect.x + pad,
                self.rect.y + pad - 2,
                self.rect.w - 2 * pad,
                theme.line_height("heading"),
            )
            theme.draw_text(surface, self.title, box, "heading", valign="middle")
            y = box.bottom + 4
            pygame.draw.line(surface, theme.colors.accent, (box.x, y), (box.right, y), 3)


class Button(Clickable):
    """A button: click, or Entrée / Espace when focused. Calls `on_click()`.

    style: "primary" (accent), "secondary" (light), "danger". `icon` is an icon
    name from `icons.ICON_NAMES` or a character.
    """

    def __init__(
        self,
        theme,
        rect,
        label: str = "",
        on_click: Callable[[], None] | None = None,
        icon: str | None = None,
        style: str = "primary",
        tooltip=None,
        enabled=True,
    ):
        super().__init__(theme, rect, tooltip, enabled)
        self.label, self.on_click, self.icon, self.style = label, on_click, icon, style

    def activate(self) -> None:
        if self.enabled and self.on_click is not None:
            self.on_click()

    click = activate

    def colors(self):
        """(fill, edge, ink) for the current state."""
        c = self.theme.colors
        if not self.enabled:
            return c.disabled, c.disabled_ink, c.disabled_ink
        hot = self.hovered
        if self.style == "secondary":
            fill = mix(c.panel, c.second, 0.15) if hot else c.panel
            return fill, c.second, c.ink
        base = c.bad if self.style == "danger" else c.accent
        fill = mix(base, (0, 0, 0), 0.12) if hot else base  # darker: text stays readable
        return fill, mix(base, (0, 0, 0), 0.35), self.theme.ink_on(base)

    def draw(self, surface) -> None:
        theme = self.theme
        fill, edge, ink = self.colors()
        rect = self.rect.move(0, 3) if self.down else self.rect
        if self.enabled and not self.down:
            theme.draw_shadow(surface, rect, 4)
        pygame.draw.rect(surface, fill, rect, border_radius=theme.radius)
        pygame.draw.rect(surface, edge, rect, 2, border_radius=theme.radius)
        inner = rect.inflate(-2 * theme.pad, -8)
        if self.icon and not self.label:
            draw_icon(surface, self.icon, inner.inflate(-8, -8), ink, theme)
            return
        if self.icon:
            side = min(inner.height, theme.line_height("body"))
            text_w = theme.font("body").size(self.label)[0]
            width = min(inner.width, side + 10 + text_w)
            icon_box = pygame.Rect(
                inner.centerx - width // 2, inner.centery - side // 2, side, side
            )
            draw_icon(surface, self.icon, icon_box.inflate(-4, -4), ink, theme)
            inner = pygame.Rect(
                icon_box.right + 10, inner.y, inner.right - icon_box.right - 10, inner.height
            )
            theme.draw_text(surface, self.label, inner, "body", ink, "left", "middle")
        else:
            theme.draw_text(surface, self.label, inner, "body", ink, "center", "middle")


class Toggle(Clickable):
    """A checkbox with a label. Click or Espace / Entrée flips it; `on_change(value)`."""

    def __init__(
        self,
        theme,
        rect,
        label: str,
        value: bool = False,
        on_change: Callable[[bool], None] | None = None,
        tooltip=None,
        enabled=True,
    ):
        super().__init__(theme, rect, tooltip, enabled)
        self.label, self.value, self.on_change = label, bool(value), on_change

    def activate(self) -> None:
        self.value = not self.value
        if self.on_change is not None:
            self.on_change(self.value)

    @property
    def box(self) -> pygame.Rect:
        side = min(self.rect.height - 4, self.theme.line_height("body") + 8)
        return pygame.Rect(self.rect.x + 2, self.rect.centery - side // 2, side, side)

    def draw(self, surface) -> None:
        theme, c, box = self.theme, self.theme.colors, self.box
        on = self.value
        fill = c.disabled if not self.enabled else (c.accent if on else c.panel)
        edge = c.disabled_ink if not self.enabled else (c.accent if on else c.panel_edge)
        if self.hovered and self.enabled and not on:
            fill = mix(c.panel, c.accent, 0.15)
        pygame.draw.rect(surface, fill, box, border_radius=6)
        pygame.draw.rect(surface, edge, box, 3, border_radius=6)
        if on:
            draw_icon(surface, "check", box.inflate(-10, -10), theme.ink_on(fill))
        label = pygame.Rect(
            box.right + 12, self.rect.y, self.rect.right - box.right - 12, self.rect.height
        )
        ink = c.ink if self.enabled else c.disabled_ink
        theme.draw_text(surface, self.label, label, "body", ink, "left", "middle")


Checkbox = Toggle


class DraggableToken(Widget):
    """A letter chip to drag on a board; arrows move it when focused (Maj: fine steps).

    It always stays inside `bounds`. `on_move(token)` is called when dropped and
    after each arrow key. `fraction` is its position in the board, (0..1, 0..1),
    y going down.
    """

    focusable = True

    def __init__(
        self,
        theme,
        text: str,
        center,
        bounds,
        on_move: Callable[[DraggableToken], None] | None = None,
        color=None,
        size: int | None = None,
        step: int = 10,
        tooltip=None,
        enabled=True,
    ):
        size = size or theme.line_height("heading") + 16
        super().__init__(theme, (0, 0, size, size), tooltip, enabled)
        self.text, self.bounds, self.on_move, self.color, self.step = (
            text,
            pygame.Rect(bounds),
            on_move,
            color,
            step,
        )
        self.rect.center = center
        self.rect.clamp_ip(self.bounds)
        self.dragging = False
        self._grab = (0, 0)
        self._start = self.rect.topleft

    @property
    def fraction(self) -> tuple[float, float]:
        free_w = max(1, self.bounds.w - self.rect.w)
        free_h = max(1, self.bounds.h - self.rect.h)
        return ((self.rect.x - self.bounds.x) / free_w, (self.rect.y - self.bounds.y) / free_h)

    def set_fraction(self, fx: float, fy: float) -> None:
        self.rect.topleft = (
            self.bounds.x + round(fx * (self.bounds.w - self.rect.w)),
            self.bounds.y + round(fy * (self.bounds.h - self.rect.h)),
        )
        self.rect.clamp_ip(self.bounds)

    def _moved(self) -> None:
        if self.on_move is not None:
            self.on_move(self)

    def on_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and self.focused and event.key in ARROWS:
            dx, dy = ARROWS[event.key]
            step = 2 if getattr(event, "mod", 0) & pygame.KMOD_SHIFT else self.step
            before = self.rect.topleft
            self.rect.move_ip(dx * step, dy * step)
            self.rect.clamp_ip(self.bounds)
            if self.rect.topleft != before:
                self._moved()
            return True
        if is_click(event) and self.rect.collidepoint(event.pos):
            self.dragging = True
            self._grab = (event.pos[0] - self.rect.x, event.pos[1] - self.rect.y)
            self._start = self.rect.topleft
            return True
        if event.type == pygame.MOUSEMOTION and self.dragging:
            self.rect.topleft = (event.pos[0] - self._grab[0], event.pos[1] - self._grab[1])
            self.rect.clamp_ip(self.bounds)
            return True
        if is_release(event) and self.dragging:
            self.dragging = False
            if self.rect.topleft != self._start:
                self._moved()
            return True
        return False

    def update(self, dt: float) -> None:
        self.rect.clamp_ip(self.bounds)
        if not self.enabled:
            self.dragging = False

    def draw(self, surface) -> None:
        theme, c = self.theme, self.theme.colors
        fill = self.color or mix(c.warn, (255, 255, 255), 0.55)
        if not self.enabled:
            fill = c.disabled
        lift = 4 if self.dragging else 0
        rect = self.rect.move(-lift, -lift)
        theme.draw_shadow(surface, rect, 4 + 2 * lift, radius=10)
        pygame.draw.rect(surface, fill, rect, border_radius=10)
        edge = c.accent if self.hovered or self.dragging else c.panel_edge
        pygame.draw.rect(surface, edge, rect, 3, border_radius=10)
        theme.draw_text(
            surface,
            self.text,
            rect.inflate(-6, -4),
            "heading",
            theme.ink_on(fill),
            "center",
            "middle",
        )
