"""The widget protocol, the container that holds widgets, keyboard focus and tooltips.

Coordinates are logical (1280×720): the app converts mouse positions before it
passes events on. Widgets never ask pygame where the mouse is: they remember the
`pos` of the last MOUSEMOTION they saw.
"""

from __future__ import annotations

import pygame

ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
ARROWS = {
    pygame.K_LEFT: (-1, 0),
    pygame.K_RIGHT: (1, 0),
    pygame.K_UP: (0, -1),
    pygame.K_DOWN: (0, 1),
}


def is_click(event, button: int = 1) -> bool:
    return event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 0) == button


def is_release(event, button: int = 1) -> bool:
    return event.type == pygame.MOUSEBUTTONUP and getattr(event, "button", 0) == button


class Widget:
    """Base of every widget.

    - `handle_event(event) -> bool`: True when the widget used the event;
    - `update(dt)`: time passes (seconds);
    - `draw(surface)`: draws, never changes state.
    Subclasses override `on_event`, which is only called when enabled and visible.
    """

    focusable = False

    def __init__(self, theme, rect, tooltip: str | None = None, enabled: bool = True):
        self.theme = theme
        self.rect = pygame.Rect(rect)
        self.tooltip = tooltip
        self.enabled = enabled
        self.visible = True
        self.mouse: tuple | None = None  # last known mouse position (logical)
        self._focused = False

    @property
    def focused(self) -> bool:
        return self._focused

    @focused.setter
    def focused(self, value: bool) -> None:
        if bool(value) != self._focused:
            self._focused = bool(value)
            self.on_focus(self._focused)

    def on_focus(self, focused: bool) -> None:
        """Called when the widget gains or loses keyboard focus."""

    @property
    def hovered(self) -> bool:
        return self.mouse is not None and self.rect.collidepoint(self.mouse)

    @property
    def focus_rect(self) -> pygame.Rect:
        """Where the focus ring goes."""
        return self.rect

    def handle_event(self, event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.mouse = tuple(event.pos)
        elif event.type == pygame.WINDOWLEAVE:
            self.mouse = None
        if not (self.enabled and self.visible):
            return False
        return bool(self.on_event(event))

    def on_event(self, event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface) -> None:
        pass


class Clickable(Widget):
    """A widget that does one thing when clicked, or on Entrée / Espace when focused.

    Subclasses define `activate()`. The click counts on release inside the widget,
    so sliding off a pressed button cancels it.
    """

    focusable = True

    def __init__(self, theme, rect, tooltip: str | None = None, enabled: bool = True):
        super().__init__(theme, rect, tooltip, enabled)
        self.pressed = False  # mouse button held down on it
        self.flash = 0.0  # pressed look after a key activation (seconds)

    def activate(self) -> None:
        raise NotImplementedError

    def on_event(self, event) -> bool:
        if event.type == pygame.KEYDOWN and self.focused and event.key in ACTIVATE_KEYS:
            self.flash = 0.12
            self.activate()
            return True
        if is_click(event) and self.rect.collidepoint(event.pos):
            self.pressed = True
            return True
        if is_release(event) and self.pressed:
            self.pressed = False
            if self.rect.collidepoint(event.pos):
                self.activate()
            return True
        return False

    def update(self, dt: float) -> None:
        self.flash = max(0.0, self.flash - dt)
        if not self.enabled:
            self.pressed = False

    @property
    def down(self) -> bool:
        """Should it look pressed?"""
        return (self.pressed and self.hovered) or self.flash > 0


class FocusManager:
    """Which widget of a list has the keyboard focus.

    Tab / Shift+Tab cycle through the focusable widgets in list order; the arrows
    jump to the nearest widget in that direction (when the focused widget did not
    use the arrow itself, like a slider does). Échap is left to the scene.
    """

    def __init__(self, widgets: list):
        self.widgets = widgets  # shared with the container, in Tab order
        self.current: Widget | None = None

    def can_focus(self, widget) -> bool:
        return widget.focusable and widget.enabled and widget.visible

    def set(self, widget) -> None:
        if widget is self.current:
            return
        if self.current is not None:
            self.current.focused = False
        self.current = widget
        if widget is not None:
            widget.focused = True

    def next(self, step: int = 1) -> bool:
        """Focus the next (step=1) or previous (step=-1) focusable widget."""
        items = self.widgets
        if not items:
            return False
        start = items.index(self.current) if self.current in items else (-1 if step > 0 else 0)
        for k in range(1, len(items) + 1):
            widget = items[(start + step * k) % len(items)]
            if self.can_focus(widget):
                self.set(widget)
                return True
        return False

    def move(self, dx: int, dy: int) -> bool:
        """Focus the nearest focusable widget in direction (dx, dy)."""
        if self.current is None or self.current not in self.widgets:
            return self.next(1)
        cx, cy = self.current.rect.center
        best, best_score = None, None
        for widget in self.widgets:
            if widget is self.current or not self.can_focus(widget):
                continue
            vx, vy = widget.rect.centerx - cx, widget.rect.centery - cy
            along = vx * dx + vy * dy
            if along <= 0:
                continue
            score = along + 2 * abs(vx * dy - vy * dx)
            if best_score is None or score < best_score:
                best, best_score = widget, score
        if best is None:
            return False
        self.set(best)
        return True

    def handle_event(self, event) -> bool:
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == pygame.K_TAB:
            return self.next(-1 if getattr(event, "mod", 0) & pygame.KMOD_SHIFT else 1)
        if event.key in ARROWS:
            return self.move(*ARROWS[event.key])
        return False


class Tooltip:
    """A small dark bubble under a widget: after a short hover, or at once on focus."""

    delay = 0.5  # seconds of hover before it shows
    max_width = 380

    def __init__(self, theme):
        self.theme = theme
        self.avoid: list[pygame.Rect] = []  # never drawn over (a level's goal line)
        self.target: Widget | None = None
        self.by_focus = False
        self.time = 0.0

    def update(self, dt: float, hovered, focused) -> None:
        target, by_focus = (hovered, False) if hovered is not None else (focused, True)
        if target is not self.target:
            self.time = 0.0
        else:
            self.time += dt
        self.target, self.by_focus = target, by_focus

    @property
    def shown(self) -> bool:
        return (
            self.target is not None
            and bool(self.target.tooltip)
            and self.target.visible
            and (self.by_focus or self.time >= self.delay)
        )

    def place(self, box, anchor, bounds) -> pygame.Rect:
        """Where the bubble goes: below the control, else above it, else below what it must
        avoid, else beside it; inside `bounds`, never over the control nor `avoid`."""
        gap, cx, cy = 12, anchor.centerx, anchor.centery
        below_avoid = max((r.bottom for r in self.avoid), default=anchor.bottom)
        spots = (
            ("midtop", (cx, anchor.bottom + gap)),
            ("midbottom", (cx, anchor.top - gap)),
            ("midtop", (cx, max(anchor.bottom, below_avoid) + gap)),
            ("midleft", (anchor.right + gap, cy)),
            ("midright", (anchor.left - gap, cy)),
        )
        hidden = [anchor, *self.avoid]
        for side, point in spots:
            candidate = box.copy()
            setattr(candidate, side, point)
            candidate.clamp_ip(bounds)
            if candidate.collidelist(hidden) == -1:
                return candidate
        box.midtop = (cx, anchor.bottom + gap)
        return box.clamp(bounds)

    def draw(self, surface) -> None:
        if not self.shown:
            return
        theme, pad = self.theme, 10
        lines = theme.wrap(self.target.tooltip, self.max_width, "small")
        line_h = theme.line_height("small")
        width = max(theme.font("small").size(line)[0] for line in lines) + 2 * pad
        box = self.place(
            pygame.Rect(0, 0, width, len(lines) * line_h + 2 * pad),
            self.target.focus_rect,
            surface.get_clip().inflate(-8, -8),
        )
        theme.draw_panel(surface, box, theme.colors.tooltip, width=0)
        for i, line in enumerate(lines):
            theme.text(
                surface,
                line,
                (box.x + pad, box.y + pad + i * line_h),
                "small",
                theme.colors.tooltip_ink,
            )


class Container:
    """Holds the widgets of a screen: dispatches events, updates, draws, focus.

    Widgets are drawn in list order (later = on top) and Tab follows the same
    order. The focus ring shows while the player uses the keyboard.
    """

    def __init__(self, theme, widgets=()):
        self.theme = theme
        self.widgets: list[Widget] = list(widgets)
        self.focus = FocusManager(self.widgets)
        self.tooltip = Tooltip(theme)
        self.show_focus = False  # True after a key press, False after a click

    def add(self, *widgets):
        """Add widgets; returns the widget (or the tuple) for chaining."""
        self.widgets.extend(widgets)
        return widgets[0] if len(widgets) == 1 else widgets

    def remove(self, widget) -> None:
        if widget is self.focus.current:
            self.focus.set(None)
        if widget in self.widgets:
            self.widgets.remove(widget)

    def clear(self) -> None:
        self.focus.set(None)
        self.widgets.clear()

    @property
    def focused(self) -> Widget | None:
        return self.focus.current

    def handle_event(self, event) -> bool:
        kind, current = event.type, self.focus.current
        if kind == pygame.KEYDOWN:
            self.show_focus = True
            if current is not None and current.handle_event(event):
                return True
            return self.focus.handle_event(event)
        if kind in (pygame.KEYUP, pygame.TEXTINPUT, pygame.TEXTEDITING):
            return current is not None and current.handle_event(event)
        if kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP, pygame.WINDOWLEAVE):
            used = [w.handle_event(event) for w in list(self.widgets)]  # all must know
            return any(used)
        if kind == pygame.MOUSEBUTTONDOWN:
            self.show_focus = False
            for widget in reversed(self.widgets):
                if widget.handle_event(event):
                    if self.focus.can_focus(widget):
                        self.focus.set(widget)
                    return True
            if getattr(event, "button", 0) == 1:
                self.focus.set(None)
            return False
        if kind == pygame.MOUSEWHEEL:
            return any(w.handle_event(event) for w in reversed(self.widgets) if w.hovered)
        return False

    def update(self, dt: float) -> None:
        for widget in list(self.widgets):
            widget.update(dt)
        current = self.focus.current
        if current is not None and not self.focus.can_focus(current):
            self.focus.set(None)
        hovered = next(
            (w for w in reversed(self.widgets) if w.visible and w.tooltip and w.hovered), None
        )
        focused = self.focus.current if self.show_focus else None
        self.tooltip.update(dt, hovered, focused)

    def draw(self, surface) -> None:
        dragged = [w for w in self.widgets if getattr(w, "dragging", False)]
        for widget in self.widgets:
            if widget.visible and widget not in dragged:
                widget.draw(surface)
        current = self.focus.current
        if self.show_focus and current is not None and current.visible and current.enabled:
            self.theme.draw_focus_ring(surface, current.focus_rect)
        for widget in dragged:
            widget.draw(surface)
        self.tooltip.draw(surface)


WidgetGroup = Container
