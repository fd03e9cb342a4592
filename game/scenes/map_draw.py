"""Drawing of the adventure map: the info panel, the unlock banner and the place nodes."""

from __future__ import annotations

import math

import pygame

from game.scenes.common import W, draw_star, draw_stars, draw_text
from game.scenes.map_paint import (
    draw_flag,
    draw_sandbox_icon,
    ease_back,
)
from game.ui.theme import mix

NODE_R = 44
INFO = pygame.Rect(28, 118, 396, 572)
UNLOCK_SECONDS = 2.2
LABEL_W = 210


class MapDrawing:
    """Mixin of `MapScene`: the panel, banner and nodes it draws."""

    def _draw_info(self, surface):
        theme = self.theme
        colors = theme.colors
        place = self.by_id.get(self.selected)
        theme.draw_panel(surface, INFO)
        if place is None:
            return
        inner = INFO.inflate(-40, -40)
        y = inner.y
        if place.kind == "level":
            name = self.place_name(place)
            theme.text(surface, name, (inner.x, y), "small", colors.ink_soft)
            y += theme.line_height("small") + 4
        title = self.place_title(place)
        title_h = min(
            3 * theme.line_height("heading"), theme.text_height(title, inner.width, "heading")
        )
        draw_text(theme, surface, title, (inner.x, y, inner.width, title_h), "heading")
        y += title_h + 8
        pygame.draw.line(surface, colors.accent, (inner.x, y), (inner.right, y), 3)
        y += 14
        if place.kind == "level" and place.niveau is not None:
            label = self.concept_label(place.niveau)
            if label:
                lines = min(2, len(theme.wrap(label, inner.width, "small")))
                box_h = lines * theme.line_height("small")
                draw_text(
                    theme, surface, label, (inner.x, y, inner.width, box_h), "small", colors.second
                )
                y += box_h + 10
        buttons = self.proof_button if self.proof_button.visible else self.play_button
        bottom = buttons.rect.top - 14
        if place.status == "done" and place.kind == "level":
            draw_stars(surface, (inner.centerx, y + 26), place.stars, 24, theme)
            y += 64
        text = self._state_text(place)
        draw_text(
            theme, surface, text, (inner.x, y, inner.width, max(0, bottom - y)), "small", colors.ink
        )

    def _state_text(self, place):
        last = sum(p.kind == "level" for p in self.places)  # they open after the last level
        if place.kind == "sandbox":
            if place.status == "soon":
                return self.t("map.state_soon")
            return self.t("map.sandbox_text" if place.playable else "map.sandbox_locked", n=last)
        if place.kind == "ending":
            return self.t("map.ending_text" if place.playable else "map.ending_locked", n=last)
        key = {
            "soon": "map.state_soon",
            "locked": "map.state_locked",
            "open": "map.state_open",
            "done": "map.state_all" if place.stars >= 3 else "map.state_done",
        }[place.status]
        return self.t(key, n=max(1, place.number - 1), stars=place.stars)

    def _draw_banner(self, surface):
        theme = self.theme
        text, left = self.banner
        lines = len(theme.wrap(text, INFO.width - 20, "heading"))
        rect = pygame.Rect(0, 0, INFO.width + 20, min(4, lines) * theme.line_height("heading") + 30)
        rect.midtop = (INFO.centerx, INFO.y + 190)
        alpha_in = min(1.0, (4.0 - left) * 4) if not self.app.reduce_motion else 1.0
        if alpha_in < 1.0:
            rect.y -= round((1.0 - alpha_in) * 40)
        theme.draw_panel(surface, rect, theme.colors.tooltip, theme.colors.warn, width=3)
        draw_text(
            theme,
            surface,
            text,
            rect.inflate(-20, -20),
            "heading",
            theme.colors.tooltip_ink,
            "center",
            "middle",
        )

    # ------------------------------------------------------------------ one place
    def _node_painter(self, place):
        def paint(surface, tile):
            self._draw_node(surface, tile, place)

        return paint

    def _draw_node(self, surface, tile, place):
        theme = self.theme
        colors = theme.colors
        cx, cy = self.position(place)
        motion = not self.app.reduce_motion
        if place.id in self.shake and motion:
            cx += round(math.sin(self.shake[place.id] * 60) * 6)
        radius = NODE_R
        age = self.unlocks.get(place.id)
        if age is not None and motion:
            k = min(1.0, age / 0.6)
            radius = round(NODE_R * (0.4 + 0.6 * ease_back(k)))
            for i in range(10):
                a = i * math.pi / 5 + age
                dist = NODE_R + 10 + age * 70
                if age < 1.4:
                    sx, sy = cx + math.cos(a) * dist, cy + math.sin(a) * dist
                    draw_star(surface, (sx, sy), 9, True, theme)
        selected = place.id == self.selected
        hot = tile.hovered or tile.focused or selected
        if place.status == "open" and motion:
            pulse = 6 + 4 * math.sin(self.app.time * 4)
            pygame.draw.circle(surface, colors.accent, (cx, cy), radius + pulse, 4)
        elif age is not None:
            pygame.draw.circle(surface, colors.warn, (cx, cy), radius + 10, 6)
        fill = {
            "open": colors.accent,
            "done": colors.good,
            "locked": colors.disabled,
            "soon": colors.disabled,
        }[place.status]
        if hot:
            pygame.draw.circle(surface, colors.ink, (cx, cy), radius + 5)
        pygame.draw.circle(surface, mix(fill, (0, 0, 0), 0.3), (cx + 3, cy + 4), radius)
        pygame.draw.circle(surface, fill, (cx, cy), radius)
        pygame.draw.circle(surface, colors.panel_edge, (cx, cy), radius, 3)
        ink = theme.ink_on(fill)
        box = pygame.Rect(cx - radius // 2, cy - radius // 2, radius, radius)
        if place.status in ("locked", "soon"):
            self.ui.draw_icon(surface, "lock", box.inflate(4, 4), colors.disabled_ink)
        elif place.kind == "sandbox":
            draw_sandbox_icon(surface, (cx, cy), radius, ink)
        elif place.kind == "ending":
            draw_flag(surface, (cx, cy), radius, ink)
        else:
            theme.text(surface, str(place.number), (cx, cy + 2), 64, ink, "center")
        # Label under the node.
        width = LABEL_W + (40 if place.kind == "ending" else 0)
        lines = theme.wrap(self.place_name(place), width, "small")
        if place.status == "soon":
            lines.append(self.t("map.soon"))
        line_h = theme.line_height("small")
        text_w = max(theme.font("small").size(line)[0] for line in lines)
        card = pygame.Rect(0, 0, text_w + 20, len(lines) * line_h + 8)
        card.midtop = (cx, cy + NODE_R + 12)
        if place.kind == "ending":
            card.midright = (cx - NODE_R - 14, cy)
        card.clamp_ip(pygame.Rect(INFO.right + 8, 0, W - INFO.right - 12, 716))
        pygame.draw.rect(surface, colors.panel, card, border_radius=8)
        pygame.draw.rect(surface, colors.ink if hot else colors.panel_edge, card, 2, 8)
        for i, line in enumerate(lines):
            soon = place.status == "soon" and i == len(lines) - 1
            theme.text(
                surface,
                line,
                (card.centerx, card.y + 4 + i * line_h),
                "small",
                colors.ink_soft if soon else None,
                "midtop",
            )
        if place.status == "done" and place.kind == "level":
            draw_stars(surface, (cx, cy - radius - 16), place.stars, 12, theme)
