"""The adventure map: the registry's levels along a path, then the sandbox and the ending.

Each place is locked, open, done (with 0–3 stars), or « bientôt » while its level is
not written yet. Arrows / Tab move between places, Entrée enters; a click on an open
place enters it. A newly opened place gets a small animation (none with « moins
d'animations »).
"""

from __future__ import annotations

from game.scenes.avatars import draw_avatar
from game.scenes.common import Screen, W, draw_text, make_tile
from game.scenes.figures import place_name
from game.scenes.map_draw import (  # noqa: F401
    INFO,
    LABEL_W,
    NODE_R,
    UNLOCK_SECONDS,
    MapDrawing,
)
from game.scenes.map_paint import (
    paint_scenery,
    place_positions,
)
from game.scenes.places import build_places
from game.scenes.proof import has_proof, save_proof

TEXT_BOXES = {
    "map.title": (560, 2, "heading"),
    "map.level": (LABEL_W, 1, "small"),
    "map.sandbox": (LABEL_W, 1, "small"),
    "map.ending": (LABEL_W + 40, 2, "small"),
    "map.soon": (LABEL_W, 1, "small"),
    "map.state_locked": (INFO.width - 40, 3, "small"),
    "map.state_open": (INFO.width - 40, 3, "small"),
    "map.state_done": (INFO.width - 40, 3, "small"),
    "map.state_all": (INFO.width - 40, 3, "small"),
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


class MapScene(MapDrawing, Screen):
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
        from game.modes.devoir.homework import progress

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
