"""Panels over a level: the pause menu, the hints, « sous le capot », the question."""

from __future__ import annotations

import inspect

import pygame

from game.scenes.common import H, Overlay, W, draw_text, make_tile
from game.ui.theme import mix

PAUSE_W = 520
HINTS_W = 980
CAPOT_W = 1120
QUESTION_W = 1060
TEXT_BOXES = {
    "pause.title": (PAUSE_W - 60, 1, "title"),
    "pause.resume": (PAUSE_W - 120, 1, "body"),
    "pause.hints": (PAUSE_W - 120, 1, "body"),
    "pause.capot": (PAUSE_W - 120, 1, "body"),
    "pause.settings": (PAUSE_W - 120, 1, "body"),
    "pause.quit_level": (PAUSE_W - 120, 1, "body"),
    "hints.title": (HINTS_W - 60, 1, "title"),
    "hints.note": (HINTS_W - 60, 2, "small"),
    "hints.show": (HINTS_W - 120, 1, "body"),
    "hints.none": (HINTS_W - 120, 2, "body"),
    "capot.title": (CAPOT_W - 300, 1, "heading"),
    "capot.scroll": (CAPOT_W - 60, 1, "tiny"),
    "capot.missing": (CAPOT_W - 60, 2, "body"),
    "question.title": (QUESTION_W - 60, 1, "heading"),
    "question.right": (QUESTION_W - 60, 1, "heading"),
    "question.wrong": (QUESTION_W - 60, 1, "heading"),
    "question.next": (360, 1, "body"),
}


def _panel(width, height):
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
            ("pause.settings", self.settings, "secondary", None),
            ("pause.quit_level", self.quit_level, "danger", "home"),
        ]
        if not self.host.hints_allowed:  # the way to play forbids them (some homework)
            entries.pop(1)
        title_h = theme.line_height("title") + 30
        height = 30 + title_h + len(entries) * (h + gap) + 20
        self.panel = _panel(PAUSE_W, height)
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
        hints = self.host.texts.list("indices")[:3]
        shown = self.shown()
        width = HINTS_W - 120
        title_h = theme.line_height("title") + 16
        note_h = 2 * theme.line_height("small") + 10
        rows = []
        for number, text in enumerate(hints, start=1):
            if number in shown:
                text_h = max(44, theme.text_height(text, width - 60, "body"))
                rows.append(("text", number, text, text_h))
            else:
                rows.append(("button", number, None, h))
        body = sum(height + 16 for *_rest, height in rows) if rows else 2 * h
        height = 30 + title_h + note_h + body + h + 50
        self.panel = _panel(HINTS_W, height)
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
            self.rows.append((kind, number, text, rect))
            y += row_h + 16
        close = self.button(
            ((W - 300) // 2, self.panel.bottom - h - 24, 300, h),
            self.app.t("common.close"),
            self.back,
        )
        self.default_focus = first or close

    def reveal(self, number):
        refus = self.host.partie.jouer({"type": "indice", "numero": number})
        if refus:
            self.app.notify(refus, "warn")
        self.rebuild()

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, self.panel)
        rect = pygame.Rect(
            self.panel.x + 30, self.panel.y + 24, HINTS_W - 60, theme.line_height("title")
        )
        draw_text(theme, surface, self.t("hints.title"), rect, "title", None, "center", "middle")
        rect = pygame.Rect(
            self.panel.x + 30, rect.bottom + 8, HINTS_W - 60, 2 * theme.line_height("small")
        )
        draw_text(theme, surface, self.t("hints.note"), rect, "small", colors.ink_soft, "center")
        if not self.rows:
            rect = pygame.Rect(self.panel.x + 60, rect.bottom + 20, HINTS_W - 120, 100)
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
                "body",
                None,
                "left",
                "middle",
            )


_MONO_PATH = []  # [path or None], found once


def mono_font(size):
    """A monospace font for code if the system has one, else pygame's font.

    Cached by the widget kit (`game.ui.theme.get_font`), which forgets its fonts when
    pygame quits: a new App never gets a dead font.
    """
    from game.ui.theme import get_font

    if not _MONO_PATH:
        path = None
        try:
            for name in ("dejavusansmono", "liberationmono", "consolas", "couriernew", "menlo"):
                path = pygame.font.match_font(name)
                if path:
                    break
        except Exception:  # noqa: BLE001 - no fontconfig: keep the bundled font
            path = None
        _MONO_PATH.append(path)
    try:
        return get_font(size, _MONO_PATH[0])
    except (OSError, pygame.error):  # a font file that does not load: the bundled one
        _MONO_PATH[0] = None
        return get_font(size)


class CapotPanel(Overlay):
    """« Sous le capot »: the real engine functions at work, scrollable."""

    name = "capot"

    def __init__(self, app, host):
        super().__init__(app)
        self.host = host
        self.scroll = 0
        self._code = None
        self._code_key = None

    def build(self):
        theme = self.theme
        h = theme.control_height
        self.panel = _panel(CAPOT_W, H - 40)
        self.default_focus = self.button(
            (self.panel.right - 220, self.panel.y + 16, 200, h),
            self.app.t("common.close"),
            self.back,
        )
        sentence = self.host.texts.text("capot")
        sentence_h = min(
            4 * theme.line_height("small"), theme.text_height(sentence, CAPOT_W - 60, "small")
        )
        self.sentence = sentence
        self.sentence_rect = pygame.Rect(
            self.panel.x + 30, self.panel.y + h + 30, CAPOT_W - 60, sentence_h
        )
        top = self.sentence_rect.bottom + 14
        self.code_rect = pygame.Rect(
            self.panel.x + 30, top, CAPOT_W - 60, self.panel.bottom - top - 40
        )
        self._code = None

    def source(self):
        parts = []
        for function in getattr(self.host.niveau, "fonctions_capot", ()) or ():
            try:
                parts.append(inspect.getsource(function).rstrip())
            except (OSError, TypeError):
                name = getattr(function, "__name__", str(function))
                parts.append(f"# {name} : {self.t('capot.missing')}")
        return "\n\n".join(parts)

    def code_surface(self):
        size = round(20 * self.theme.scale)
        key = (size, self.theme.colorblind)
        if self._code is None or self._code_key != key:
            lines = (self.source() or f"# {self.t('capot.missing')}").splitlines()[:600]
            lines = [line.expandtabs(4) for line in lines]
            room = self.code_rect.width - 40
            longest = max(lines, key=len, default="")
            while size > 15 and mono_font(size).size(longest)[0] > room:
                size -= 1  # the widest line fits when it can: no code hidden on the right
            font = mono_font(size)
            line_h = font.get_linesize()
            width = max(1, max((font.size(line)[0] for line in lines), default=1)) + 20
            surface = pygame.Surface((width, len(lines) * line_h + 20))
            surface.fill((30, 34, 48))
            for i, line in enumerate(lines):
                color = (140, 200, 140) if line.lstrip().startswith("#") else (235, 235, 225)
                if line.lstrip().startswith(("def ", "class ")):
                    color = (250, 200, 110)
                if '"""' in line:
                    color = (170, 190, 240)
                surface.blit(font.render(line, True, color), (10, 10 + i * line_h))
            self._code, self._code_key = surface, key
            self.line_h = line_h
        return self._code

    def max_scroll(self):
        return max(0, self.code_surface().get_height() - self.code_rect.height)

    def handle_event(self, event):
        step = 0
        if event.type == pygame.MOUSEWHEEL:
            step = -event.y * 3
        elif event.type == pygame.KEYDOWN:
            step = {
                pygame.K_DOWN: 1,
                pygame.K_UP: -1,
                pygame.K_PAGEDOWN: 12,
                pygame.K_PAGEUP: -12,
            }.get(event.key, 0)
        if step:
            self.code_surface()
            self.scroll = max(0, min(self.max_scroll(), self.scroll + step * self.line_h))
            return True
        return super().handle_event(event)

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, self.panel)
        rect = pygame.Rect(
            self.panel.x + 30, self.panel.y + 16, CAPOT_W - 300, theme.control_height
        )
        draw_text(theme, surface, self.t("capot.title"), rect, "heading", None, "left", "middle")
        draw_text(theme, surface, self.sentence, self.sentence_rect, "small", colors.ink)
        code = self.code_surface()
        view = self.code_rect
        pygame.draw.rect(surface, (30, 34, 48), view, border_radius=8)
        area = pygame.Rect(0, self.scroll, view.width - 16, view.height)
        surface.blit(code, view.topleft, area)
        total = code.get_height()
        if total > view.height:
            knob_h = max(30, view.height * view.height // total)
            y = view.y + (view.height - knob_h) * self.scroll // max(1, self.max_scroll())
            pygame.draw.rect(
                surface, (90, 96, 120), (view.right - 12, view.y, 10, view.height), border_radius=5
            )
            pygame.draw.rect(
                surface, (220, 220, 230), (view.right - 12, y, 10, knob_h), border_radius=5
            )
        draw_text(
            theme,
            surface,
            self.t("capot.scroll"),
            (self.panel.x + 30, view.bottom + 6, CAPOT_W - 60, 30),
            "tiny",
            colors.ink_soft,
        )


class QuestionPanel(Overlay):
    """The understanding question (3rd star): choose, read the explanation, go on."""

    name = "question"

    def __init__(self, app, host):
        super().__init__(app)
        self.host = host
        self.answer = None

    def build(self):
        theme = self.theme
        texts = self.host.texts
        h = theme.control_height
        width = QUESTION_W - 80
        self.question = texts.text("question.texte")
        self.choices = texts.list("question.choix")
        self.explanation = texts.text("question.explication")
        q_h = theme.text_height(self.question, width, "body") + 8
        heights = [theme.text_height(c, width - 70, "small") + 20 for c in self.choices]
        title_h = theme.line_height("heading") + 14
        if self.answer is None:
            body = q_h + sum(x + 10 for x in heights)
        else:
            body = (
                q_h
                + theme.line_height("heading")
                + 16
                + theme.text_height(self.explanation, width, "body")
                + 20
            )
        height = 24 + title_h + body + (h + 50 if self.answer is not None else 30)
        self.panel = _panel(QUESTION_W, height)
        self.q_rect = pygame.Rect(self.panel.x + 40, self.panel.y + 24 + title_h, width, q_h)
        y = self.q_rect.bottom + 6
        first = None
        if self.answer is None:
            for i, (text, row_h) in enumerate(zip(self.choices, heights, strict=True)):
                rect = (self.panel.x + 40, y, width, row_h)
                tile = make_tile(
                    self, rect, self._choice_painter(i, text), lambda i=i: self.choose(i)
                )
                first = first or tile
                y += row_h + 10
        else:
            self.feedback_y = y
            first = self.button(
                ((W - 360) // 2, self.panel.bottom - h - 24, 360, h),
                self.t("question.next"),
                self.host.complete,
            )
        self.default_focus = first

    def _choice_painter(self, index, text):
        def paint(surface, tile):
            theme = self.theme
            colors = theme.colors
            hot = tile.hovered or tile.focused
            fill = mix(colors.panel, colors.second, 0.18 if hot else 0.06)
            pygame.draw.rect(surface, fill, tile.rect, border_radius=12)
            pygame.draw.rect(
                surface,
                colors.second if hot else colors.panel_edge,
                tile.rect,
                3 if hot else 2,
                border_radius=12,
            )
            letter = "ABCDEFGHIJ"[index]
            badge = pygame.Rect(tile.rect.x + 10, tile.rect.centery - 20, 40, 40)
            pygame.draw.circle(surface, colors.second, badge.center, 20)
            theme.text(surface, letter, badge.center, "body", theme.ink_on(colors.second), "center")
            draw_text(
                theme,
                surface,
                text,
                tile.rect.inflate(-80, -16).move(30, 0),
                "small",
                None,
                "left",
                "middle",
            )

        return paint

    def choose(self, index):
        question = self.host.niveau.question
        refus = self.host.partie.jouer(
            {"type": "repondre", "question": question["id"], "choix": index}
        )
        if refus:
            self.app.notify(refus, "warn")
        self.answer = index
        self.app.play("success" if index == question.get("bonne") else "error")
        self.rebuild()

    def back(self):
        if self.answer is None:
            self.app.play("click")
            self.app.scenes.pop()
        else:
            self.host.complete()

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, self.panel)
        rect = pygame.Rect(
            self.panel.x + 30, self.panel.y + 20, QUESTION_W - 60, theme.line_height("heading")
        )
        draw_text(
            theme,
            surface,
            self.t("question.title"),
            rect,
            "heading",
            colors.accent,
            "center",
            "middle",
        )
        draw_text(theme, surface, self.question, self.q_rect, "body")
        if self.answer is not None:
            right = self.answer == self.host.niveau.question.get("bonne")
            y = self.feedback_y
            key = "question.right" if right else "question.wrong"
            color = colors.good if right else colors.bad
            theme.text(surface, self.t(key), (self.q_rect.x, y), "heading", color)
            y += theme.line_height("heading") + 12
            rect = pygame.Rect(
                self.q_rect.x,
                y,
                self.q_rect.width,
                self.panel.bottom - y - theme.control_height - 40,
            )
            draw_text(theme, surface, self.explanation, rect, "body")
