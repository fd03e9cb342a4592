"""Printable pictures (the certificates), shown one at a time, scaled, with « ◀ » / « ▶ »
to page through them and the folder where they all are."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.modes.devoir.teacher import t as _t
from game.scenes.common import Screen, W, draw_text, heading

BOTTOM = 650


class PicturePreview(Screen):
    """`paths`: one picture or a list of them; the arrow keys page too."""

    name = "teacher_picture"

    def __init__(self, app, paths, title):
        super().__init__(app)
        self.paths = [Path(paths)] if isinstance(paths, str | Path) else list(paths)
        self.title, self.index = title, 0
        self.picture = None

    @property
    def path(self):
        return self.paths[self.index]

    def build(self):
        h = self.theme.control_height
        self.back_button()
        self.default_focus = self.button(
            (W - 360, BOTTOM, 320, h),
            _t(self, "prof.ouvrir"),
            lambda: self.app.open_folder(self.path.parent),
            "secondary",
        )
        if len(self.paths) > 1:
            self.button((40, BOTTOM, 90, h), "", lambda: self.turn(-1), "secondary", "left",
                        tooltip=_t(self, "prof.image_precedente"))  # fmt: skip
            self.button((140, BOTTOM, 90, h), "", lambda: self.turn(1), "secondary", "right",
                        tooltip=_t(self, "prof.image_suivante"))  # fmt: skip

    def turn(self, step):
        self.index = (self.index + step) % len(self.paths)
        self.picture = None

    def handle_event(self, event):
        arrows = (pygame.K_LEFT, pygame.K_RIGHT)
        if event.type == pygame.KEYDOWN and event.key in arrows and len(self.paths) > 1:
            self.turn(1 if event.key == pygame.K_RIGHT else -1)
            return True
        return super().handle_event(event)

    def caption(self):
        """« Image 2 sur 5 : attestation-….png, dans <dossier> »."""
        if len(self.paths) == 1:
            return _t(self, "prof.image_une", fichier=self.path.name, dossier=self.path.parent)
        return _t(
            self,
            "prof.image_n_sur",
            n=self.index + 1,
            total=len(self.paths),
            fichier=self.path.name,
            dossier=self.path.parent,
        )

    def draw_content(self, surface):
        heading(self, surface, self.title, y=24)
        if self.picture is None:
            try:
                image = pygame.image.load(str(self.path))
            except (pygame.error, OSError, FileNotFoundError):
                image = pygame.Surface((10, 7))
            scale = min(900 / image.get_width(), 540 / image.get_height())
            size = (round(image.get_width() * scale), round(image.get_height() * scale))
            self.picture = pygame.transform.smoothscale(image, size)
        rect = self.picture.get_rect(midtop=(W // 2, 96))
        surface.blit(self.picture, rect)
        pygame.draw.rect(surface, self.colors.panel_edge, rect, 2)
        x = 250 if len(self.paths) > 1 else 40
        draw_text(self.theme, surface, self.caption(), (x, BOTTOM - 6, W - 380 - x, 64), "small")
