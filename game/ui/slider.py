"""The Slider: a value picked by dragging, clicking or the arrow keys."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pygame

from .base import Widget, is_click, is_release


def _decimals(step: float | None) -> int:
    if not step:
        return 2
    return max(0, -Decimal(str(step)).normalize().as_tuple().exponent)


class Slider(Widget):
    """Label + value on top, a track below. Drag, click, wheel, or ← → when focused.

    PgUp/PgDn move 10 steps, Début/Fin go to the ends. `on_change(value)`.
    `fmt(value) -> str` formats the value (default: a number in the theme's language).
    """

    focusable = True

    def __init__(
        self,
        theme,
        rect,
        label: str,
        min_value: float,
        max_value: float,
        value: float | None = None,
        step: float | None = 1,
        on_change: Callable[[float], None] | None = None,
        fmt: Callable[[float], str] | None = None,
        tooltip=None,
        enabled=True,
    ):
        super().__init__(theme, rect, tooltip, enabled)
        self.label, self.min, self.max, self.step = (
            label,
            min_value,
            max(min_value, max_value),
            step,
        )
        self.on_change = on_change
        self.fmt = fmt or (lambda v: self.theme.format_number(v, _decimals(self.step)))
        self.dragging = False
        self.value = self.clamp(min_value if value is None else value)

    def clamp(self, value: float) -> float:
        value = min(self.max, max(self.min, value))
        if self.step:
            value = self.min + round((value - self.min) / self.step) * self.step
            value = min(self.max, round(value, _decimals(self.step)))
            if isinstance(self.step, int) and isinstance(self.min, int):
                value = int(value)
        return value

    def set_value(self, value: float, notify: bool = True) -> None:
        value = self.clamp(value)
        if value != self.value:
            self.value = value
            if notify and self.on_change is not None:
                self.on_change(value)

    @property
    def key_step(self) -> float:
        return self.step or (self.max - self.min) / 100

    @property
    def track(self) -> pygame.Rect:
        r = self.knob_radius
        return pygame.Rect(
            self.rect.x + r, self.rect.bottom - 2 * r - 2, self.rect.w - 2 * r, 2 * r
        )

    @property
    def knob_radius(self) -> int:
        return max(9, min(16, self.rect.height // 5))

    def fraction(self) -> float:
        span = self.max - self.min
        return (self.value - self.min) / span if span else 0.0

    def _set_from_x(self, x: float) -> None:
        track = self.track
        t = (x - track.left) / track.width if track.width else 0.0
        self.set_value(self.min + min(1.0, max(0.0, t)) * (self.max - self.min))

    def on_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and self.focused:
            moves = {
                pygame.K_LEFT: -self.key_step,
                pygame.K_RIGHT: self.key_step,
                pygame.K_PAGEDOWN: -10 * self.key_step,
                pygame.K_PAGEUP: 10 * self.key_step,
            }
            if event.key in moves:
                self.set_value(self.value + moves[event.key])
                return True
            if event.key in (pygame.K_HOME, pygame.K_END):
                self.set_value(self.min if event.key == pygame.K_HOME else self.max)
                return True
            return False
        if is_click(event) and self.rect.collidepoint(event.pos):
            self.dragging = True
            self._set_from_x(event.pos[0])
            return True
        if event.type == pygame.MOUSEMOTION and self.dragging:
            self._set_from_x(event.pos[0])
            return True
        if is_release(event) and self.dragging:
            self.dragging = False
            return True
        if event.type == pygame.MOUSEWHEEL and self.hovered:
            self.set_value(self.value + self.key_step * (1 if event.y > 0 else -1))
            return True
        return False

    def update(self, dt: float) -> None:
        if not self.enabled:
            self.dragging = False

    def draw(self, surface) -> None:
        theme, c = self.theme, self.theme.colors
        track = self.track
        top = pygame.Rect(self.rect.x, self.rect.y, self.rect.w, track.top - self.rect.y - 2)
        ink = c.ink if self.enabled else c.disabled_ink
        value = self.fmt(self.value)
        value_w = theme.font("body").size(value)[0] + 4
        theme.draw_text(
            surface, value, top, "body", c.accent if self.enabled else ink, "right", "middle"
        )
        theme.draw_text(
            surface,
            self.label,
            top.inflate(-value_w, 0).move(-value_w // 2, 0),
            "body",
            ink,
            "left",
            "middle",
        )
        bar = pygame.Rect(track.x, track.centery - 4, track.w, 8)
        pygame.draw.rect(surface, c.disabled, bar, border_radius=4)
        x = track.x + round(self.fraction() * track.w)
        fill_c = c.accent if self.enabled else c.disabled_ink
        pygame.draw.rect(surface, fill_c, (bar.x, bar.y, x - bar.x, bar.h), border_radius=4)
        r = self.knob_radius + (2 if self.dragging or self.hovered else 0)
        pygame.draw.circle(surface, c.panel, (x, track.centery), r)
        pygame.draw.circle(surface, fill_c, (x, track.centery), r, 4)
