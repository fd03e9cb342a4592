"""The understanding question (the third star): choose, read the explanation, go on."""

from __future__ import annotations

import pygame

from game.scenes.common import Overlay, W, draw_text, make_tile
from game.scenes.pause import panel_rect
from game.ui.theme import mix

QUESTION_W = 1060
TEXT_BOXES = {
    "question.title": (QUESTION_W - 60, 1, "heading"),
    "question.right": (QUESTION_W - 60, 1, "heading"),
    "question.wrong": (QUESTION_W - 60, 1, "heading"),
    "question.next": (360, 1, "body"),
    "question.discovery": (QUESTION_W - 60, 1, "heading"),
    "question.discovery_go": (360, 1, "body"),
    "question.peek": (360, 1, "body"),
    "question.unpeek": (420, 1, "body"),
}


class QuestionPanel(Overlay):
    """The understanding question (3rd star): choose, read the explanation, go on."""

    name = "question"

    def __init__(self, app, host):
        from levels import questions

        super().__init__(app)
        self.host = host
        self.answer = None
        waiting = questions.a_repondre(host.partie.etat)
        self.posee = waiting[0] if waiting else None
        self.discovery = "" if host.discovery_shown else discovery_text(host)
        self.peeking = False  # the question is about the kid's own screen: look at it

    def build(self):
        if self.peeking:
            self._build_peek()
            return
        if self.discovery:
            self._build_discovery()
            return
        theme = self.theme
        texts = self.host.texts
        h = theme.control_height
        width = QUESTION_W - 80
        posee = self.posee or {"id": "", "valeurs": {}, "choix": None, "ordre": [], "bonne": -1}
        key, values = f"questions.{posee['id']}", posee["valeurs"]
        self.question = texts.text(f"{key}.texte", **values)
        source = posee["choix"] or texts.list(f"{key}.choix", **values)
        self.choices = [source[rank] for rank in posee["ordre"] if rank < len(source)]
        self.explanation = texts.text(f"{key}.explication", **values)
        q_h = theme.text_height(self.question, width, "body") + 8
        heights = [theme.text_height(c, width - 70, "small") + 20 for c in self.choices]
        title_h = theme.line_height("heading") + 14
        if self.answer is None:
            body = q_h + sum(x + 10 for x in heights) + h + 14  # + « Regarder mon écran »
        else:
            body = (
                q_h
                + theme.line_height("heading")
                + 16
                + theme.text_height(self.explanation, width, "body")
                + 20
            )
        height = 24 + title_h + body + (h + 50 if self.answer is not None else 30)
        self.panel = panel_rect(QUESTION_W, height)
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
            self.button(
                ((W - 360) // 2, y + 4, 360, h), self.t("question.peek"), self.peek, "secondary"
            )
        else:
            self.feedback_y = y
            first = self.button(
                ((W - 360) // 2, self.panel.bottom - h - 24, 360, h),
                self.t("question.next"),
                self.next,
            )
        self.default_focus = first

    def _build_discovery(self):
        """« Ce que tu viens de découvrir »: the idea in the kid's own numbers, before the
        question (the question then checks it)."""
        theme = self.theme
        h = theme.control_height
        width = QUESTION_W - 80
        title_h = theme.line_height("heading") + 14
        text_h = theme.text_height(self.discovery, width, "body") + 8
        self.panel = panel_rect(QUESTION_W, 24 + title_h + text_h + h + 60)
        self.q_rect = pygame.Rect(self.panel.x + 40, self.panel.y + 24 + title_h, width, text_h)
        self.default_focus = self.button(
            ((W - 360) // 2, self.panel.bottom - h - 24, 360, h),
            self.t("question.discovery_go"),
            self.to_question,
            icon="right",
        )

    def to_question(self):
        self.host.discovery_shown = True
        self.discovery = ""
        self.rebuild()

    def _build_peek(self):
        """Only a bar at the bottom: the level's screen, undimmed, is what the kid reads."""
        h = self.theme.control_height
        self.panel = pygame.Rect(0, 720 - h - 24, W, h + 24)
        self.default_focus = self.button(
            ((W - 420) // 2, self.panel.y + 12, 420, h),
            self.t("question.unpeek"),
            self.unpeek,
            icon="left",
        )

    def peek(self):
        self.peeking, self.shade = True, 0  # the level below, not darkened
        self.rebuild()

    def unpeek(self):
        self.peeking, self.shade = False, type(self).shade
        self.rebuild()

    def draw(self, surface):
        if not self.peeking:
            super().draw(surface)
            return
        pygame.draw.rect(surface, self.theme.colors.panel, self.panel)
        pygame.draw.line(
            surface, self.theme.colors.panel_edge, self.panel.topleft, self.panel.topright, 2
        )
        self.container.draw(surface)

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
        refus = self.host.partie.jouer(
            {"type": "repondre", "question": self.posee["id"], "choix": index}
        )
        if refus:
            self.app.notify(refus, "warn")
        self.answer = index
        self.app.play("success" if index == self.posee["bonne"] else "error")
        self.rebuild()

    def next(self):
        """The next question of this play, or the end when all are answered."""
        from levels import questions

        waiting = questions.a_repondre(self.host.partie.etat)
        if waiting:
            self.posee, self.answer = waiting[0], None
            self.rebuild()
        else:
            self.host.complete()

    def back(self):
        if self.peeking:
            self.unpeek()
        elif self.discovery:
            self.to_question()
        elif self.answer is None:
            self.app.play("click")
            self.app.scenes.pop()
        else:
            self.next()

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        theme.draw_panel(surface, self.panel)
        rect = pygame.Rect(
            self.panel.x + 30, self.panel.y + 20, QUESTION_W - 60, theme.line_height("heading")
        )
        if self.discovery:
            title = self.t("question.discovery")
            draw_text(theme, surface, title, rect, "heading", colors.accent, "center", "middle")
            draw_text(theme, surface, self.discovery, self.q_rect, "body")
            return
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
            right = self.answer == self.posee["bonne"]
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


def discovery_text(host):
    """The level's `decouvert` text filled with the kid's numbers (`Niveau.decouverte`), or
    "" when the level has none."""
    texts, niveau = host.texts, host.niveau
    if texts is None or niveau is None or not texts.has("decouvert"):
        return ""
    try:
        values = niveau.decouverte(host.partie.etat) or {}
    except Exception:  # a hook must not crash the end of a level: the question still comes
        import logging

        logging.getLogger(__name__).exception("decouverte(%s)", niveau.id)
        return ""
    from game.scenes.figures import localised

    return texts.text("decouvert", **localised(host.app, values))
