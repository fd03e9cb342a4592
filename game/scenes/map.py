"""The adventure map: the registry's levels along a path, then the sandbox and the ending.

Each place is locked, open, done (with 0–3 stars), or « bientôt » while its level is
not written yet. Arrows / Tab move between places, Entrée enters; a click on an open
place enters it. A newly opened place gets a small animation (none with « moins
d'animations »).
"""

from __future__ import annotations

import math

import pygame

from game.scenes.avatars import draw_avatar
from game.scenes.common import Screen, W, draw_star, draw_stars, draw_text, make_tile
from game.scenes.figures import place_name
from game.scenes.map_paint import (
    draw_flag,
    draw_sandbox_icon,
    ease_back,
    paint_scenery,
    place_positions,
)
from game.scenes.places import build_places
from game.scenes.proof import has_proof, save_proof
from game.ui.theme import mix

NODE_R = 44
INFO = pygame.Rect(28, 118, 396, 572)
UNLOCK_SECONDS = 2.2
LABEL_W = 210
TEXT_BOXES = {
    "map.title": (560, 2, "heading"),
    "map.level": (LABEL_W, 1, "small"),
    "map.sandbox": (LABEL_W, 1, "small"),
    "map.ending": (LABEL_W + 40, 2, "small"),
    "map.soon": (LABEL_W, 1, "small"),
    "map.state_locked": (INFO.width - 40, 3, "small"),
    "map.state_open": (INFO.width - 40, 3, "small"),
    "map.state_done": (INFO.width - 40, 3, "small"),
    "map.state_soon": (INFO.width - 40, 3, "small"),
    "map.sandbox_text": (INFO.width - 40, 5, "small"),
    "map.ending_text": (INFO.width - 40, 5, "small"),
    "map.sandbox_locked": (INFO.width - 40, 3, "small"),
    "map.ending_locked": (INFO.width - 40, 3, "small"),
    "map.play": (INFO.width - 48, 1, "body"),
    "map.replay": (INFO.width - 48, 1, "body"),
    "map.change": (300, 1, "body"),
    "map.unlocked": (INFO.width - 20, 4, "heading"),
}


class MapScene(Screen):
    name = "map"

    def __init__(self, app):
        super().__init__(app)
        self.places = []
        self.selected = None
        self.unlocks = {}  # place id → seconds since it opened (animation)
        self.banner = None  # (text, seconds left)
        self.shake = {}  # place id → seconds left (clicked while locked)
        self._scenery = None

    # ------------------------------------------------------------------ data
    def refresh(self):
        self.places = build_places(self.app.profile)
        self.by_id = {place.id: place for place in self.places}
        levels = sum(place.kind == "level" for place in self.places)
        self.positions = place_positions(levels)  # from the registry's number of levels

    def position(self, place):
        """Where `place` sits on the map (its centre, logical coordinates)."""
        return self.positions[place.number if place.kind == "level" else place.id]

    def on_resume(self):
        self.rebuild()

    def rebuild(self):
        self.refresh()
        self._scenery = None
        super().rebuild()

    def announce_unlock(self, place_ids):
        """Places that just opened: animate them (or just say it, with reduce motion)."""
        self.refresh()
        names = []
        for place_id in place_ids:
            place = self.by_id.get(place_id)
            if place is None:
                continue
            self.unlocks[place_id] = 0.0
            names.append(self.place_name(place))
        if names:
            self.banner = [self.t("map.unlocked", place=", ".join(names)), 4.0]
            self.selected = place_ids[-1] if place_ids[-1] in self.by_id else self.selected
            self.app.play("unlock")
            self.rebuild()
            tile = self.tiles.get(self.selected)
            if tile is not None:
                self.container.focus.set(tile)

    def place_name(self, place):
        return place_name(self, place)

    def concept_label(self, niveau):
        """What the level teaches, in the player's language only (the level's catalog);
        the English words live in « le petit dico » and in the English version."""
        package = type(niveau).__module__.split(".")[1] if "." in type(niveau).__module__ else ""
        key = f"{package}.concept"
        if package and self.app.translator.has(key):
            return self.app.t(key)
        concept = getattr(niveau, "concept", ("", ""))
        return concept[1] if self.theme.lang == "en" and len(concept) > 1 else concept[0]

    def place_title(self, place):
        """The level's own title (from its catalog), or the place name."""
        if place.kind != "level":
            return self.place_name(place)
        key = f"{place.package}.titre"
        if self.app.translator.has(key):
            return self.app.t(key)
        if place.niveau is not None and place.niveau.titre:
            return place.niveau.titre
        return self.t("map.soon")

    def current_place(self):
        """The place to suggest: the first open one not done yet."""
        for place in self.places:
            if place.status == "open":
                return place
        return self.places[0] if self.places else None

    # ------------------------------------------------------------------ widgets
    def build(self):
        theme = self.theme
        h = theme.control_height
        self.back_button(self.t("map.change"))
        label = self.app.t("common.settings.title")
        width = theme.font("body").size(label)[0] + 3 * theme.pad + 8
        self.button((W - 20 - width, 18, width, h), label, self.settings, "secondary")
        self.homework_button = self._homework_button(h)
        self.tiles = {}
        default = self.current_place()
        for place in self.places:
            x, y = self.position(place)
            rect = (x - NODE_R - 6, y - NODE_R - 6, 2 * NODE_R + 12, 2 * NODE_R + 12)
            tile = make_tile(
                self, rect, self._node_painter(place), lambda p=place: self.enter(p), sound=None
            )
            tile.place = place
            self.tiles[place.id] = tile
        self.play_button = self.button(
            (INFO.x + 12, INFO.bottom - h - 16, INFO.width - 24, h),
            self.t("map.play"),
            self.enter_selected,
            icon="play",
            sound=None,
        )
        self.proof_button = self.button(
            (INFO.x + 12, self.play_button.rect.top - h - 10, INFO.width - 24, h),
            self.t("proof.save"),
            self.save_proof,
            "secondary",
            tooltip=self.t("proof.save_help"),
            sound=None,
        )
        if self.selected is None or self.selected not in self.by_id:
            self.selected = default.id if default else None
        self.default_focus = self.tiles.get(self.selected)
        self._update_info_buttons()

    def settings(self):
        self.app.push("settings")

    def _homework_button(self, h):
        """« J'ai un code de devoir », or « Mon devoir (2/4) » once a code is taken."""
        from game.homework import progress

        code, devoir = progress.active(self.app.profile) if self.app.profile else (None, None)
        if devoir is None:
            label, action = self.app.t("devoirs.carte.code"), lambda: self.app.push("homework_code")
        else:
            rows = progress.level_status(self.app.profile, code, devoir)
            done = sum(1 for row in rows if row[2])
            label = self.app.t("devoirs.carte.mon_devoir", fait=done, total=len(rows))
            action = lambda: self.app.push("homework", code)  # noqa: E731
        width = self.theme.font("body").size(label)[0] + self.theme.line_height("body") + 40
        rect = (W - 20 - width, 18 + h + 12, width, h)  # under « Réglages »
        return self.button(rect, label, action, "secondary", icon="star")

    def back(self):
        """« Changer de joueur »: back to the profile choice."""
        self.app.play("click")
        self.app.save_profile()
        self.app.profile = None
        if self.app.scenes.pop_to("profiles") is None:
            self.app.scenes.clear()
            self.app.push("title")
            self.app.push("profiles")

    def save_proof(self):
        place = self.by_id.get(self.selected)
        if place is not None:
            save_proof(self.app, place)

    def _update_info_buttons(self):
        place = self.by_id.get(self.selected)
        if place is None:
            self.play_button.enabled = False
            self.proof_button.visible = False
            return
        self.play_button.enabled = place.playable
        self.play_button.label = self.t("map.replay" if place.status == "done" else "map.play")
        self.proof_button.visible = has_proof(self.app.profile, place)

    def enter_selected(self):
        place = self.by_id.get(self.selected)
        if place is not None:
            self.enter(place)

    def enter(self, place):
        self.selected = place.id
        if not place.playable:
            self.app.play("error")
            self.shake[place.id] = 0.4
            return
        self.app.play("click")
        if place.kind == "ending":
            self.app.push("ending")
            return
        self.app.push("level", place)  # a level or the sandbox

    # ------------------------------------------------------------------ frame
    def update(self, dt):
        super().update(dt)
        focus = self.container.focused
        hovered = next((t for t in self.tiles.values() if t.hovered), None)
        target = hovered or (focus if getattr(focus, "place", None) else None)
        if target is not None:
            self.selected = target.place.id
        for key in list(self.unlocks):
            self.unlocks[key] += dt
            if self.unlocks[key] > UNLOCK_SECONDS:
                del self.unlocks[key]
        for key in list(self.shake):
            self.shake[key] -= dt
            if self.shake[key] <= 0:
                del self.shake[key]
        if self.banner is not None:
            self.banner[1] -= dt
            if self.banner[1] <= 0:
                self.banner = None
        self._update_info_buttons()

    def draw_background(self, surface):
        if self._scenery is None:
            self._scenery = paint_scenery(self.theme, surface.get_size(), self.positions)
        surface.blit(self._scenery, (0, 0))

    def draw_content(self, surface):
        theme = self.theme
        # Top: the player's map.
        profile = self.app.profile
        name = profile.name if profile is not None else ""
        title = self.t("map.title", name=name)
        h = theme.control_height
        left = self.container.widgets[0].rect.right + 20
        right = self.container.widgets[1].rect.left - 20
        text_w = min(theme.font("heading").size(title)[0], right - left - 70, 560)
        x = left + (right - left - text_w - 64) // 2
        if profile is not None:
            draw_avatar(surface, profile.avatar_name, profile.colour_rgb, (x + 26, 18 + h // 2), 28)
        lines = len(theme.wrap(title, text_w + 4, "heading"))
        box_h = max(h, lines * theme.line_height("heading"))
        draw_text(
            theme,
            surface,
            title,
            (x + 64, 18 + h // 2 - box_h // 2, text_w + 4, box_h),
            "heading",
            None,
            "left",
            "middle",
        )
        self._draw_info(surface)

    def draw(self, surface):
        super().draw(surface)
        if self.banner is not None:
            self._draw_banner(surface)

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
            "done": "map.state_done",
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
