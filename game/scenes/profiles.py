"""Choose who plays, or create a new player (first name, colour, animal)."""

from __future__ import annotations

import unicodedata

import pygame

from game.scenes.avatars import draw_avatar
from game.scenes.common import (
    MARGIN,
    Overlay,
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
PROMPT_W = 760
COLS, ROWS = 4, 2
PER_PAGE = COLS * ROWS
FIELD_W = 600
PREVIEW = pygame.Rect(880, 120, 320, 400)
TEXT_BOXES = {
    "profiles.title": (800, 1, "title"),
    "profiles.new": (380, 1, "body"),
    "profiles.page": (200, 1, "small"),
    "profiles.stars": (CARD_W - 30, 1, "small"),
    "profiles.star_one": (CARD_W - 30, 1, "small"),
    "profiles.rename": (380, 3, "small"),  # tooltips
    "profiles.delete": (380, 3, "small"),
    "profiles.help": (W - 200, 1, "small"),
    "delete.question": (PROMPT_W - 60, 2, "title"),
    "delete.detail": (PROMPT_W - 60, 3, "body"),
    "rename.title": (PROMPT_W - 60, 2, "heading"),
    "rename.ok": (280, 1, "body"),
    "create.title": (800, 1, "title"),
    "create.placeholder": (FIELD_W - 30, 1, "body"),
    "create.go": (PREVIEW.width - 20, 1, "body"),
    "create.hello": (PREVIEW.width - 30, 3, "body"),
    "create.first": (FIELD_W + 140, 2, "small"),
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


def _allowed(char):
    category = unicodedata.category(char)
    return category[0] in "LM" or char in " -'\u2019"


def _name_field(scene, rect, on_submit):
    """The first-name field of a new player and of a rename: the same hint, length and
    letters; `scene` keeps `text`, `name_max` and `_changed`."""
    field = scene.ui.TextField(
        scene.theme,
        rect,
        scene.text,
        scene.t("create.placeholder"),
        max_length=scene.name_max,
        on_submit=lambda _text: on_submit(),
        on_change=scene._changed,
        allowed=_allowed,
    )
    scene.container.add(field)
    return field


class ProfileCreateScene(Screen):
    """A new player: first name (accents welcome), a colour and an animal."""

    name = "profile_new"

    def __init__(self, app, first=False):
        super().__init__(app)
        from game.profiles import AVATARS, COLOURS, NAME_MAX

        self.first = first
        self.colours = COLOURS
        self.avatars = AVATARS
        self.name_max = NAME_MAX
        self.text = ""
        self.colour = 5
        self.avatar = 0
        self.error = None
        self.tried = False

    def build(self):
        from game.profiles import name_error

        theme = self.theme
        h = theme.control_height
        self.back_button()
        y = 126
        self.name_label_y = y
        y += theme.line_height("body") + 8
        self.field = _name_field(self, (MARGIN + 20, y, FIELD_W, h), self.create)
        y += h + 6
        self.error_y = y
        y += 2 * theme.line_height("small") + 18
        self.colour_label_y = y
        y += theme.line_height("body") + 10
        side = 58
        for i, (_name, rgb) in enumerate(self.colours):
            rect = (MARGIN + 20 + i * (side + 16), y, side, side)
            make_tile(
                self,
                rect,
                self._swatch(i, rgb),
                lambda i=i: self._pick_colour(i),
                tooltip=self.app.t(f"common.colours.{self.colours[i][0]}"),
            )
        y += side + 22
        self.avatar_label_y = y
        y += theme.line_height("body") + 10
        side = 82
        for i, name in enumerate(self.avatars):
            rect = (MARGIN + 20 + i * (side + 12), y, side, side)
            make_tile(
                self,
                rect,
                self._animal(i, name),
                lambda i=i: self._pick_avatar(i),
                tooltip=self.app.t(f"common.avatars.{name}"),
            )
        self.go = self.button(
            (PREVIEW.x, PREVIEW.bottom + 30, PREVIEW.width, h),
            self.t("create.go"),
            self.create,
            icon="check",
            sound=None,
        )
        self.default_focus = self.field
        self.error = name_error(self.text) if (self.text or self.tried) else None

    def _changed(self, text):
        from game.profiles import name_error

        self.text = text
        self.error = name_error(text) if (text or self.tried) else None

    def _pick_colour(self, index):
        self.colour = index

    def _pick_avatar(self, index):
        self.avatar = index

    def _swatch(self, index, rgb):
        def paint(surface, tile):
            selected = index == self.colour
            center = tile.rect.center
            radius = tile.rect.width // 2
            if selected:
                pygame.draw.circle(surface, self.colors.ink, center, radius + 5, 4)
            pygame.draw.circle(surface, rgb, center, radius - 2)
            pygame.draw.circle(surface, self.colors.panel_edge, center, radius - 2, 2)
            if selected:
                self.ui.draw_icon(surface, "check", tile.rect.inflate(-24, -24), (255, 255, 255))

        return paint

    def _animal(self, index, name):
        def paint(surface, tile):
            selected = index == self.avatar
            rect = tile.rect
            colors = self.colors
            fill = colors.panel
            pygame.draw.rect(surface, fill, rect, border_radius=14)
            edge = colors.ink if selected else (colors.second if tile.hovered else colors.grid)
            pygame.draw.rect(surface, edge, rect, 4 if selected else 2, border_radius=14)
            rgb = self.colours[self.colour][1]
            draw_avatar(surface, name, rgb, rect.center, rect.width // 2 - 8)

        return paint

    def create(self):
        from game.profiles import ProfileError
        from game.storage import SaveError

        self.tried = True
        try:
            profile = self.app.profiles.create(self.text, self.colour, self.avatar)
        except (ProfileError, SaveError) as error:
            self.error = error.message if isinstance(error, ProfileError) else str(error)
            self.app.play("error")
            self.container.focus.set(self.field)  # back to the name, to fix it
            return
        self.app.play("success")
        self.field.focused = False
        self.app.scenes.pop()
        choose_profile(self.app, profile)

    def draw_content(self, surface):
        theme = self.theme
        colors = theme.colors
        heading(self, surface, self.t("create.title"), 34)
        x = MARGIN + 20
        theme.text(surface, self.app.t("common.profile.name_label"), (x, self.name_label_y))
        if self.error:
            rect = pygame.Rect(x, self.error_y, FIELD_W + 140, 2 * theme.line_height("small"))
            draw_text(theme, surface, self.error, rect, "small", colors.bad)
        elif self.first:
            rect = pygame.Rect(x, self.error_y, FIELD_W + 140, 2 * theme.line_height("small"))
            draw_text(theme, surface, self.t("create.first"), rect, "small", colors.ink_soft)
        theme.text(surface, self.app.t("common.profile.colour_label"), (x, self.colour_label_y))
        theme.text(surface, self.app.t("common.profile.avatar_label"), (x, self.avatar_label_y))
        # The preview card: how the player will look on the map.
        theme.draw_panel(surface, PREVIEW)
        rgb = self.colours[self.colour][1]
        draw_avatar(
            surface, self.avatars[self.avatar], rgb, (PREVIEW.centerx, PREVIEW.y + 140), 110
        )
        name = self.text.strip() or "?"
        box = pygame.Rect(
            PREVIEW.x + 15, PREVIEW.y + 268, PREVIEW.width - 30, PREVIEW.bottom - PREVIEW.y - 280
        )
        draw_text(
            theme, surface, self.t("create.hello", name=name), box, "body", None, "center", "middle"
        )


class DeleteProfilePrompt(Overlay):
    """« Supprimer Léa ? » Oui / Non. Oui moves the profile to the trash (never unlinked)."""

    name = "profile_delete"

    def __init__(self, app, profile):
        super().__init__(app)
        self.profile = profile

    def build(self):
        theme = self.theme
        h = theme.control_height
        inner = PROMPT_W - 60
        self.question = self.t("delete.question", name=self.profile.name)
        self.detail = self.t("delete.detail", name=self.profile.name)
        self.question_h = theme.text_height(self.question, inner, "title")
        self.detail_h = theme.text_height(self.detail, inner, "body")
        height = 150 + self.question_h + self.detail_h + h + 40
        self.panel = pygame.Rect(0, 0, PROMPT_W, height)
        self.panel.center = (W // 2, 360)
        y = self.panel.bottom - h - 30
        self.button(
            (self.panel.centerx - 255, y, 240, h),
            self.app.t("common.yes"),
            self.confirm,
            "danger",
            sound=None,
        )
        self.default_focus = self.button(
            (self.panel.centerx + 15, y, 240, h), self.app.t("common.no"), self.back
        )

    def confirm(self):
        from game.profiles import ProfileError
        from game.storage import SaveError

        try:
            self.app.profiles.delete(self.profile)
        except (ProfileError, SaveError) as error:
            self.app.notify(str(error), "warn")
            self.app.play("error")
        else:
            self.app.play("click")
        self.app.scenes.pop()

    def draw_content(self, surface):
        theme = self.theme
        panel = self.panel
        theme.draw_panel(surface, panel, edge=theme.colors.bad, width=4)
        draw_avatar(
            surface,
            self.profile.avatar_name,
            self.profile.colour_rgb,
            (panel.centerx, panel.y + 64),
            42,
        )
        x, width = panel.x + 30, panel.width - 60
        y = panel.y + 120
        draw_text(theme, surface, self.question, (x, y, width, self.question_h), "title", None,
                  "center")  # fmt: skip
        y += self.question_h + 10
        draw_text(
            theme,
            surface,
            self.detail,
            (x, y, width, self.detail_h),
            "body",
            theme.colors.ink_soft,
            "center",
        )


class RenameProfileScene(Overlay):
    """A new first name for a player (same checks as a new player); the id stays."""

    name = "profile_rename"

    def __init__(self, app, profile):
        super().__init__(app)
        from game.profiles import NAME_MAX

        self.profile = profile
        self.name_max = NAME_MAX
        self.text = profile.name
        self.error = None

    def build(self):
        theme = self.theme
        h = theme.control_height
        inner = PROMPT_W - 60
        self.title = self.t("rename.title", name=self.profile.name)
        self.title_h = theme.text_height(self.title, inner, "heading")
        self.error_h = 2 * theme.line_height("small")
        height = 40 + self.title_h + 20 + h + 10 + self.error_h + 20 + h + 30
        self.panel = pygame.Rect(0, 0, PROMPT_W, height)
        self.panel.center = (W // 2, 330)
        y = self.panel.y + 40 + self.title_h + 20
        self.field = _name_field(self, (self.panel.x + 30, y, inner, h), self.confirm)
        self.error_y = y + h + 10
        y = self.panel.bottom - h - 30
        self.button(
            (self.panel.x + 30, y, 280, h),
            self.app.t("common.cancel"),
            self.back,
            "secondary",
        )
        self.ok = self.button(
            (self.panel.right - 30 - 280, y, 280, h),
            self.t("rename.ok"),
            self.confirm,
            icon="check",
            sound=None,
        )
        self.default_focus = self.field

    def _changed(self, text):
        from game.profiles import name_error

        self.text = text
        self.error = name_error(text)

    def confirm(self):
        from game.profiles import ProfileError
        from game.storage import SaveError

        try:
            self.app.profiles.rename(self.profile, self.text)
        except (ProfileError, SaveError) as error:
            self.error = error.message if isinstance(error, ProfileError) else str(error)
            self.app.play("error")
            self.container.focus.set(self.field)  # back to the name, to fix it
            return
        self.app.play("success")
        self.field.focused = False
        self.app.scenes.pop()

    def draw_content(self, surface):
        theme = self.theme
        panel = self.panel
        theme.draw_panel(surface, panel)
        x, width = panel.x + 30, panel.width - 60
        draw_text(theme, surface, self.title, (x, panel.y + 36, width, self.title_h), "heading")
        if self.error:
            rect = (x, self.error_y, width, self.error_h)
            draw_text(theme, surface, self.error, rect, "small", theme.colors.bad)


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
