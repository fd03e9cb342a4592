"""Making and changing a player: a new player (first name, colour, animal), « Renommer »
(a new first name, the same checks, the id stays) and « Supprimer Léa ? » (the files go
to `profiles/corbeille/`, nothing is unlinked)."""

from __future__ import annotations

import unicodedata

import pygame

from game.scenes.avatars import draw_avatar
from game.scenes.common import MARGIN, Overlay, Screen, W, draw_text, heading, make_tile
from game.scenes.profiles import choose_profile

PROMPT_W = 760
FIELD_W = 600
PREVIEW = pygame.Rect(880, 120, 320, 400)
TEXT_BOXES = {
    "create.title": (800, 1, "title"),
    "create.placeholder": (FIELD_W - 30, 1, "body"),
    "create.go": (PREVIEW.width - 20, 1, "body"),
    "create.hello": (PREVIEW.width - 30, 3, "body"),
    "create.first": (FIELD_W + 140, 2, "small"),
    "delete.question": (PROMPT_W - 60, 2, "title"),
    "delete.detail": (PROMPT_W - 60, 3, "body"),
    "rename.title": (PROMPT_W - 60, 2, "heading"),
    "rename.ok": (280, 1, "body"),
}


def _allowed(char):
    """A letter (with its accents), a space, a hyphen or an apostrophe."""
    category = unicodedata.category(char)
    return category[0] in "LM" or char in " -'\u2019"


def name_field(scene, rect, on_submit):
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


def save_name(scene, save):
    """Create or rename with the name typed in `scene.field`: (True, what `save` gave) and
    the scene closes; on a refusal (a bad name, a disk that says no), (False, None), the
    reason is shown and the cursor goes back to the name, to fix it."""
    from game.profiles import ProfileError
    from game.storage import SaveError

    try:
        result = save()
    except (ProfileError, SaveError) as error:
        scene.error = error.message if isinstance(error, ProfileError) else str(error)
        scene.app.play("error")
        scene.container.focus.set(scene.field)
        return False, None
    scene.app.play("success")
    scene.field.focused = False
    scene.app.scenes.pop()
    return True, result


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
        self.field = name_field(self, (MARGIN + 20, y, FIELD_W, h), self.create)
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
        self.tried = True
        saved, profile = save_name(
            self, lambda: self.app.profiles.create(self.text, self.colour, self.avatar)
        )
        if saved:
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
        self.field = name_field(self, (self.panel.x + 30, y, inner, h), self.confirm)
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
        save_name(self, lambda: self.app.profiles.rename(self.profile, self.text))

    def draw_content(self, surface):
        theme = self.theme
        panel = self.panel
        theme.draw_panel(surface, panel)
        x, width = panel.x + 30, panel.width - 60
        draw_text(theme, surface, self.title, (x, panel.y + 36, width, self.title_h), "heading")
        if self.error:
            rect = (x, self.error_y, width, self.error_h)
            draw_text(theme, surface, self.error, rect, "small", theme.colors.bad)
