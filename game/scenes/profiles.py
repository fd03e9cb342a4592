"""« Qui joue ? »: a card per player of this computer (a new player, renaming and
deleting: profile_edit.py)."""

from __future__ import annotations

import pygame

from game.scenes.avatars import draw_avatar
from game.scenes.common import (
    MARGIN,
    Screen,
    W,
    draw_star,
    draw_text,
    heading,
    make_tile,
)
from game.ui.theme import mix

CARD_W, CARD_H = 250, 224
SMALL = 44  # the rename / delete buttons on a card
COLS, ROWS = 4, 2
PER_PAGE = COLS * ROWS
TEXT_BOXES = {
    "profiles.title": (800, 1, "title"),
    "profiles.new": (380, 1, "body"),
    "profiles.page": (200, 1, "small"),
    "profiles.stars": (CARD_W - 30, 1, "small"),
    "profiles.star_one": (CARD_W - 30, 1, "small"),
    "profiles.rename": (380, 3, "small"),  # tooltips
    "profiles.delete": (380, 3, "small"),
    "profiles.help": (W - 200, 1, "small"),
}


def _stars_of(profile):
    return sum(entry.star_count for entry in profile.progress.values())


def choose_profile(app, profile):
    """`profile` plays now: first-launch screen the very first time, else the map."""
    from game.profiles import touch

    app.profile = profile
    touch(profile)
    app.save_profile()
    if not profile.first_launch_done:
        app.push("first_launch")
    else:
        app.push("map")


class ProfileChoiceScene(Screen):
    """« Qui joue ? » — a card per player of this computer."""

    name = "profiles"

    def __init__(self, app, profiles=None):
        super().__init__(app)
        self.profiles = profiles if profiles is not None else app.profiles.list_profiles()
        self.page = 0
        self.cards = []

    def on_resume(self):
        self.profiles = self.app.profiles.list_profiles()
        self.app.profile = None
        self.rebuild()

    @property
    def pages(self):
        return max(1, (len(self.profiles) + PER_PAGE - 1) // PER_PAGE)

    def build(self):
        theme = self.theme
        self.back_button()
        self.page = min(self.page, self.pages - 1)
        shown = self.profiles[self.page * PER_PAGE : (self.page + 1) * PER_PAGE]
        rows = max(1, (len(shown) + COLS - 1) // COLS)
        top = 150 if rows > 1 else 150 + (CARD_H + 24) // 2
        first = None
        self.cards = []
        for i, profile in enumerate(shown):
            col, row = i % COLS, i // COLS
            in_row = min(COLS, len(shown) - row * COLS)
            left = (W - (in_row * CARD_W + (in_row - 1) * 30)) // 2
            rect = pygame.Rect(
                left + col * (CARD_W + 30), top + row * (CARD_H + 24), CARD_W, CARD_H
            )
            tile = make_tile(
                self, rect, self._painter(profile), lambda p=profile: choose_profile(self.app, p)
            )
            tile.profile = profile
            self.cards.append(tile)
            first = first or tile
            # Two small buttons in the card's top corners: rename (right), delete (left).
            side = SMALL
            for kind, x, action in (
                ("rename", rect.right - side - 8, self.rename),
                ("delete", rect.x + 8, self.delete),
            ):
                small = make_tile(
                    self,
                    (x, rect.y + 8, side, side),
                    self._small_painter(kind, tile),
                    lambda p=profile, a=action: a(p),
                    tooltip=self.t(f"profiles.{kind}", name=profile.name),
                )
                small.profile = profile
                small.kind = kind
        h = theme.control_height
        new = self.button(
            ((W - 400) // 2, 636, 400, h),
            self.t("profiles.new"),
            self.new,
            "secondary" if shown else "primary",
            icon="plus",
        )
        if self.pages > 1:
            self.button(
                (MARGIN, 636, 90, h),
                "",
                lambda: self.turn(-1),
                "secondary",
                "left",
                enabled=self.page > 0,
            )
            self.button(
                (W - MARGIN - 90, 636, 90, h),
                "",
                lambda: self.turn(1),
                "secondary",
                "right",
                enabled=self.page < self.pages - 1,
            )
        self.default_focus = first or new

    def _painter(self, profile):
        def paint(surface, tile):
            theme = self.theme
            colors = theme.colors
            hot = tile.hovered or tile.focused
            rect = tile.rect.move(0, -4) if hot else tile.rect
            edge = profile.colour_rgb if hot else colors.panel_edge
            theme.draw_panel(surface, rect, edge=edge, width=4 if hot else 2)
            draw_avatar(
                surface, profile.avatar_name, profile.colour_rgb, (rect.centerx, rect.top + 74), 58
            )
            name_box = pygame.Rect(
                rect.x + 12, rect.top + 138, rect.width - 24, theme.line_height("heading") + 2
            )
            draw_text(theme, surface, profile.name, name_box, "heading", None, "center", "middle")
            stars = _stars_of(profile)
            label = self.t("profiles.star_one" if stars == 1 else "profiles.stars", n=stars)
            y = rect.bottom - 26
            width = theme.font("small").size(label)[0]
            x = rect.centerx - (width + 30) // 2
            draw_star(surface, (x + 12, y), 12, stars > 0, theme)
            theme.text(surface, label, (x + 30, y), "small", colors.ink_soft, "midleft")

        return paint

    def _small_painter(self, kind, card):
        def paint(surface, tile):
            colors = self.theme.colors
            hot = tile.hovered or tile.focused
            lift = -4 if (card.hovered or card.focused or hot) else 0
            rect = tile.rect.move(0, lift)
            edge = colors.bad if kind == "delete" else colors.second
            fill = mix(colors.panel, edge, 0.25 if hot else 0.08)
            pygame.draw.rect(surface, fill, rect, border_radius=10)
            pygame.draw.rect(surface, edge, rect, 3 if hot else 2, border_radius=10)
            draw = _draw_bin if kind == "delete" else _draw_pencil
            draw(surface, rect.inflate(-14, -14), colors.bad if kind == "delete" else colors.ink)

        return paint

    def _focused_profile(self):
        focused = self.container.focused
        return getattr(focused, "profile", None)

    def handle_event(self, event):
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_F2, pygame.K_DELETE):
            profile = self._focused_profile()
            if profile is not None:
                self.container.show_focus = True
                (self.rename if event.key == pygame.K_F2 else self.delete)(profile)
                return True
        return super().handle_event(event)

    def rename(self, profile):
        self.app.push("profile_rename", profile)

    def delete(self, profile):
        self.app.push("profile_delete", profile)

    def turn(self, step):
        self.page = max(0, min(self.pages - 1, self.page + step))
        self.rebuild()

    def new(self):
        self.app.push("profile_new")

    def draw_content(self, surface):
        bottom = heading(self, surface, self.t("profiles.title"), 40)
        if self.cards:
            rect = (100, bottom + 6, W - 200, self.theme.line_height("small") + 4)
            help_text = self.t("profiles.help")
            draw_text(self.theme, surface, help_text, rect, "small", self.colors.ink_soft, "center")
        if self.pages > 1:
            label = self.t("profiles.page", page=self.page + 1, pages=self.pages)
            self.theme.text(
                surface, label, (W // 2, 624), "small", self.colors.ink_soft, "midbottom"
            )


def _draw_pencil(surface, rect, color):
    """A pencil, drawn slanted (rename)."""
    x, y, w, h = rect
    body = [
        (x + 0.72 * w, y + 0.02 * h),
        (x + 0.98 * w, y + 0.28 * h),
        (x + 0.36 * w, y + 0.90 * h),
        (x + 0.10 * w, y + 0.64 * h),
    ]
    pygame.draw.polygon(surface, color, body, 3)
    tip = [(x + 0.10 * w, y + 0.64 * h), (x + 0.36 * w, y + 0.90 * h), (x, y + h)]
    pygame.draw.polygon(surface, color, tip)
    pygame.draw.line(surface, color, (x + 0.60 * w, y + 0.14 * h), (x + 0.86 * w, y + 0.40 * h), 3)


def _draw_bin(surface, rect, color):
    """A little bin with a lid (delete)."""
    x, y, w, h = rect
    pygame.draw.line(surface, color, (x, y + 0.18 * h), (x + w, y + 0.18 * h), 3)
    pygame.draw.rect(surface, color, (x + 0.35 * w, y, 0.3 * w, 0.18 * h), 2)
    can = pygame.Rect(x + 0.12 * w, y + 0.26 * h, 0.76 * w, 0.74 * h)
    pygame.draw.rect(surface, color, can, 3, border_radius=3)
    for k in (0.38, 0.62):
        pygame.draw.line(surface, color, (x + k * w, can.y + 5), (x + k * w, can.bottom - 5), 2)
