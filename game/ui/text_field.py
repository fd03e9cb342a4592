"""The TextField: one line of text the player types, with a cursor."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from .base import ARROWS, Widget, is_click
from .safe_text import safe_line

PASTE_MODIFIERS = pygame.KMOD_CTRL | pygame.KMOD_META


class TextField(Widget):
    """One line of text. Typing uses TEXTINPUT events, so é, ç, œ and dead keys work.

    Retour arrière, Suppr, ← →, Début, Fin; Ctrl+V pastes; Entrée calls `on_submit(text)`.
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
        self.text = safe_line(text)[:max_length]
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
        self.text = safe_line(text)[: self.max_length]  # a file name may hold anything
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

    def paste(self) -> None:
        """Ctrl+V (Cmd+V on a Mac): the clipboard's first line, filtered like typing."""
        from game.clipboard import read_text

        text = read_text()  # None, or a text with something besides white space
        if text:
            self.insert(text.strip().splitlines()[0])

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
        elif key == pygame.K_v and getattr(event, "mod", 0) & PASTE_MODIFIERS:
            self.paste()
            return True
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
