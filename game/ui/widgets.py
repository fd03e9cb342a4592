"""The controls: Label, Panel, Button, Toggle, Slider, TextField, DraggableToken."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pygame

from .base import ARROWS, Clickable, Widget, is_click, is_release
from .icons import draw_icon
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


class TextField(Widget):
    """One line of text. Typing uses TEXTINPUT events, so é, ç, œ and dead keys work.

    Retour arrière, Suppr, ← →, Début, Fin; Entrée calls `on_submit(text)`.
    `allowed(char) -> bool` filters characters; `on_change(text)` after each edit.
    """

    focusable = True
    EDIT_KEYS = (
        pygame.K_BACKSPACE,
        pygame.K_DELETE,
        pygame.K_LEFT,
        pygame.K_RIGHT,
        pygame.K_HOME,
        pygame.K_END,
        pygame.K_RETURN,
        pygame.K_KP_ENTER,
    )

    def __init__(
        self,
        theme,
        rect,
        text: str = "",
        placeholder: str = "",
        max_length: int = 40,
        on_submit: Callable[[str], None] | None = None,
        on_change: Callable[[str], None] | None = None,
        allowed: Callable[[str], bool] | None = None,
        tooltip=None,
        enabled=True,
    ):
        super().__init__(theme, rect, tooltip, enabled)
        self.placeholder, self.max_length = placeholder, max_length
        self.on_submit, self.on_change, self.allowed = on_submit, on_change, allowed
        self.text = text[:max_length]
        self.caret = len(self.text)
        self.composition = ""  # being typed with a dead key / input method
        self.blink = 0.0

    def on_focus(self, focused: bool) -> None:
        self.composition, self.blink = "", 0.0
        if focused:
            pygame.key.start_text_input()
        else:
            pygame.key.stop_text_input()

    def set_text(self, text: str) -> None:
        self.text = text[: self.max_length]
        self.caret = len(self.text)

    def _edit(self, text: str, caret: int) -> None:
        self.blink = 0.0
        self.caret = caret
        if text != self.text:
            self.text = text
            if self.on_change is not None:
                self.on_change(text)

    def insert(self, chars: str) -> None:
        chars = "".join(
            ch for ch in chars if ch.isprintable() and (not self.allowed or self.allowed(ch))
        )
        chars = chars[: max(0, self.max_length - len(self.text))]
        if chars:
            t, i = self.text, self.caret
            self._edit(t[:i] + chars + t[i:], i + len(chars))

    def on_event(self, event) -> bool:
        kind = event.type
        if kind == pygame.TEXTINPUT and self.focused:
            self.composition = ""
            self.insert(event.text)
            return True
        if kind == pygame.TEXTEDITING and self.focused:
            self.composition = event.text
            return True
        if kind == pygame.KEYDOWN and self.focused:
            return self._key(event)
        if is_click(event) and self.rect.collidepoint(event.pos):
            self.caret = self._index_at(event.pos[0])
            self.blink = 0.0
            return True
        return False

    def _key(self, event) -> bool:
        t, i, key = self.text, self.caret, event.key
        if key == pygame.K_BACKSPACE and i > 0:
            self._edit(t[: i - 1] + t[i:], i - 1)
        elif key == pygame.K_DELETE:
            self._edit(t[:i] + t[i + 1 :], i)
        elif key in (pygame.K_LEFT, pygame.K_RIGHT):
            self._edit(t, min(len(t), max(0, i + ARROWS[key][0])))
        elif key in (pygame.K_HOME, pygame.K_END):
            self._edit(t, 0 if key == pygame.K_HOME else len(t))
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.on_submit is not None:
            self.on_submit(self.text)
        # printable keys arrive again as TEXTINPUT: swallow them so scenes don't react
        return key in self.EDIT_KEYS or bool(
            getattr(event, "unicode", "").isprintable() and getattr(event, "unicode", "")
        )

    @property
    def inner(self) -> pygame.Rect:
        return self.rect.inflate(-2 * self.theme.pad, -8)

    def _scroll(self) -> int:
        """How far the text is shifted left so the caret stays visible."""
        font = self.theme.font("body")
        caret_x = font.size(self.text[: self.caret] + self.composition)[0]
        return max(0, caret_x - self.inner.width + 4)

    def _index_at(self, x: float) -> int:
        font, rel = self.theme.font("body"), x - self.inner.x + self._scroll()
        for i in range(len(self.text) + 1):
            if font.size(self.text[:i])[0] >= rel:
                w_prev = font.size(self.text[: max(0, i - 1)])[0]
                return i if i == 0 or rel - w_prev > font.size(self.text[:i])[0] - rel else i - 1
        return len(self.text)

    def update(self, dt: float) -> None:
        self.blink = (self.blink + dt) % 1.0

    def draw(self, surface) -> None:
        theme, c = self.theme, self.theme.colors
        active = self.focused and self.enabled
        pygame.draw.rect(
            surface, c.panel if self.enabled else c.disabled, self.rect, border_radius=10
        )
        edge = c.accent if active else (c.second if self.hovered else c.panel_edge)
        pygame.draw.rect(surface, edge, self.rect, 4 if active else 2, border_radius=10)
        inner, font = self.inner, theme.font("body")
        y = inner.centery - font.get_height() // 2
        clip = surface.get_clip()
        surface.set_clip(inner.inflate(4, 8).clip(clip))
        if not self.text and not self.composition:
            theme.draw_text(surface, self.placeholder, inner, "body", c.ink_soft, valign="middle")
        x = inner.x - self._scroll()
        before, after = self.text[: self.caret], self.text[self.caret :]
        ink = c.ink if self.enabled else c.disabled_ink
        x = theme.text(surface, before, (x, y), "body", ink).right if before else x
        caret_x = x
        if self.composition:
            r = theme.text(surface, self.composition, (x, y), "body", c.second)
            pygame.draw.line(surface, c.second, r.bottomleft, r.bottomright, 2)
            caret_x = x = r.right
        if after:
            theme.text(surface, after, (x, y), "body", ink)
        if active and self.blink < 0.6:
            pygame.draw.line(
                surface, c.ink, (caret_x + 1, y + 2), (caret_x + 1, y + font.get_height() - 2), 3
            )
        surface.set_clip(clip)


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
