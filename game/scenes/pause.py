"""Panels over a level: the pause menu and the hints (« sous le capot »: capot.py, the
understanding question: question.py)."""

from __future__ import annotations

import pygame

from game.scenes.common import H, Overlay, W, draw_text
from game.scenes.figures import localised
from game.ui.theme import mix

PAUSE_W = 520
HINTS_W = 980
TEXT_BOXES = {
    "pause.title": (PAUSE_W - 60, 1, "title"),
    "pause.resume": (PAUSE_W - 120, 1, "body"),
    "pause.hints": (PAUSE_W - 120, 1, "body"),
    "pause.capot": (PAUSE_W - 120, 1, "body"),
    "pause.intro": (PAUSE_W - 120, 1, "body"),
    "pause.settings": (PAUSE_W - 120, 1, "body"),
    "pause.quit_level": (PAUSE_W - 120, 1, "body"),
    "hints.title": (HINTS_W - 60, 1, "title"),
    "hints.note": (HINTS_W - 60, 2, "small"),
    "hints.show": (HINTS_W - 120, 1, "body"),
    "hints.reread": (HINTS_W - 120, 1, "body"),
    "hints.none": (HINTS_W - 120, 2, "body"),
}


def panel_rect(width, height):
    """A panel of this size, centred on the screen (never taller than the screen)."""
    rect = pygame.Rect(0, 0, width, min(H - 20, height))
    rect.center = (W // 2, H // 2)
    return rect


class PauseMenu(Overlay):
    """Reprendre, indices, sous le capot, réglages, quitter le niveau."""

    name = "pause"

    def __init__(self, app, host):
        super().__init__(app)
        self.host = host

    def build(self):
        theme = self.theme
        h = theme.control_height
        gap = 14
        entries = [
            ("pause.resume", self.back, "primary", "play"),
            ("pause.hints", self.hints, "secondary", "?"),
            ("pause.capot", self.capot, "secondary", None),
            ("pause.intro", self.intro, "secondary", None),
            ("pause.settings", self.settings, "secondary", None),
            ("pause.quit_level", self.quit_level, "danger", "home"),
        ]
        if not self.host.intro_pages():
            entries.pop(3)
        if not self.host.hints_allowed:  # the way to play forbids them (some homework)
            entries.pop(1)
        title_h = theme.line_height("title") + 30
        height = 30 + title_h + len(entries) * (h + gap) + 20
        self.panel = panel_rect(PAUSE_W, height)
        y = self.panel.y + 30 + title_h
        for i, (key, action, style, icon) in enumerate(entries):
            widget = self.button(
                (self.panel.x + 60, y, PAUSE_W - 120, h), self.t(key), action, style, icon
            )
            if i == 0:
                self.default_focus = widget
            y += h + gap

    def hints(self):
        if self.host.hints_allowed:
            self.app.replace("hints", self.host)

    def capot(self):
        self.app.replace("capot", self.host)

    def intro(self):
        self.app.scenes.pop()
        self.host.reopen_intro()

    def settings(self):
        self.app.push("settings")

    def quit_level(self):
        self.host.quit_level()

    def draw_content(self, surface):
        theme = self.theme
        theme.draw_panel(surface, self.panel)
        rect = pygame.Rect(
            self.panel.x + 30, self.panel.y + 24, PAUSE_W - 60, theme.line_height("title")
        )
        draw_text(theme, surface, self.t("pause.title"), rect, "title", None, "center", "middle")


class HintsPanel(Overlay):
    """Three hints, each more concrete; showing one is noted (it never costs a star)."""

    name = "hints"

    def __init__(self, app, host):
        super().__init__(app)
        self.host = host
        self.open_hint = None  # the hint read in full when they cannot all be (None: the last)

    def shown(self):
        """Hint numbers already shown in this run (1-based)."""
        numbers = set()
        for _t, action in self.host.partie.actions:
            if action.get("type") == "indice" and isinstance(action.get("numero"), int):
                numbers.add(action["numero"])
        return numbers

    def build(self):
        theme = self.theme
        h = theme.control_height
        values = localised(self.app, self.host.niveau.valeurs_indices(self.host.partie.etat))
        hints = self.host.texts.list("indices", **values)[:3]
        shown = self.shown()
        title_h = theme.line_height("title") + 16
        note_h = 2 * theme.line_height("small") + 10
        # Long hints at a large text size: a wider panel first, then smaller letters, then
        # one hint open at a time (the others are « Relire l'indice n » buttons) — every
        # word of a hint stays readable above « Fermer ».
        last = max(shown, default=None)
        fits = (
            (HINTS_W, "body", None),
            (W - 40, "body", None),
            (W - 40, "small", None),
            (W - 40, "body", self.open_hint or last),
            (W - 40, "small", self.open_hint or last),
        )
        for self.width, self.role, only in fits:
            width = self.width - 120
            rows = []
            for number, text in enumerate(hints, start=1):
                if number in shown and only in (None, number):
                    text_h = max(44, theme.text_height(text, width - 60, self.role))
                    rows.append(("text", number, text, text_h))
                elif number in shown:
                    rows.append(("reread", number, None, h))
                else:
                    rows.append(("button", number, None, h))
            body = sum(height + 16 for *_rest, height in rows) if rows else 2 * h
            height = 30 + title_h + note_h + body + h + 50
            if height <= H - 20:
                break
        self.panel = panel_rect(self.width, height)
        self.rows = []
        y = self.panel.y + 30 + title_h + note_h
        next_number = min((n for n in range(1, len(hints) + 1) if n not in shown), default=None)
        first = None
        for kind, number, text, row_h in rows:
            rect = pygame.Rect(self.panel.x + 60, y, width, row_h)
            if kind == "button":
                enabled = number == next_number
                label = self.t("hints.show", n=number)
                widget = self.button(
                    rect, label, lambda n=number: self.reveal(n), "secondary", "?", enabled=enabled
                )
                first = first or (widget if enabled else None)
            elif kind == "reread":
                label = self.t("hints.reread", n=number)
                self.button(rect, label, lambda n=number: self.reread(n), "secondary", "?")
            self.rows.append((kind, number, text, rect))
            y += row_h + 16
        close = self.button(
            ((W - 300) // 2, self.panel.bottom - h - 24, 300, h),
            self.app.t("common.close"),
            self.back,
        )
        self.default_focus = first or close

    def reread(self, number):
        self.open_hint = number
        self.rebuild()

    def reveal(self, number):
        self.open_hint = None
        refus = self.host.partie.jouer({"type": "indice", "numero": number})
        if refus:
            self.app.notify(refus, "warn")
        self.rebuild()

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, self.panel)
        rect = pygame.Rect(
            self.panel.x + 30, self.panel.y + 24, self.width - 60, theme.line_height("title")
        )
        draw_text(theme, surface, self.t("hints.title"), rect, "title", None, "center", "middle")
        rect = pygame.Rect(
            self.panel.x + 30, rect.bottom + 8, self.width - 60, 2 * theme.line_height("small")
        )
        draw_text(theme, surface, self.t("hints.note"), rect, "small", colors.ink_soft, "center")
        if not self.rows:
            rect = pygame.Rect(self.panel.x + 60, rect.bottom + 20, self.width - 120, 100)
            draw_text(theme, surface, self.t("hints.none"), rect, "body", None, "center")
        for kind, number, text, row in self.rows:
            if kind != "text":
                continue
            pygame.draw.rect(
                surface,
                mix(colors.panel, colors.warn, 0.25),
                row.inflate(16, 10),
                border_radius=10,
            )
            badge = pygame.Rect(row.x, row.y, 44, 44)
            pygame.draw.circle(surface, colors.warn, badge.center, 20)
            theme.text(surface, str(number), badge.center, "body", colors.ink, "center")
            draw_text(
                theme,
                surface,
                text,
                (row.x + 60, row.y, row.width - 60, row.height),
                self.role,
                None,
                "left",
                "middle",
            )
