"""The homework just made (or reopened from « Derniers devoirs »): its code, big, and its
sheet, written as PNG and HTML in the teacher folder."""

from __future__ import annotations

import pygame

from game.modes.devoir.homework.certificate import teacher_dir
from game.modes.devoir.teacher import t as _t
from game.scenes.common import MARGIN, Screen, W, draw_text, heading


def write_sheets(devoir, label):
    """The sheet as PNG and HTML in the teacher folder; returns [paths]."""
    from game.modes.devoir.homework.sheet import html_page, sheet_texts
    from game.modes.devoir.teacher.sheet_png import write_sheet_png
    from game.storage import write_atomic

    texts = sheet_texts(devoir, devoir.code, label)
    folder = teacher_dir() / "feuilles"
    png = write_sheet_png(texts, folder / f"feuille-{devoir.code}.png")
    html = folder / f"feuille-{devoir.code}.html"
    write_atomic(html, html_page(texts), backup=False)
    return [png, html]


def code_size(theme, code, width):
    """The code's font size: big, but never wider than `width` (at every text size)."""
    from game.ui.fonts import get_font

    size = theme.size("title") + 30
    while size > 12 and get_font(size).size(code)[0] > width:
        size -= 2
    return size


class HomeworkCreatedScene(Screen):
    """The code, big; the sheet's picture; where the files are."""

    name = "teacher_created"

    def __init__(self, app, devoir, label, paths):
        super().__init__(app)
        self.devoir, self.label, self.paths = devoir, label, paths
        self.preview = None

    def build(self):
        h = self.theme.control_height
        self.back_button()
        self.default_focus = self.button(
            (MARGIN + 40, 620, 360, h), _t(self, "prof.ouvrir"), self.open_folder, "secondary"
        )
        self.button(
            (W - 360, 620, 300, h),
            _t(self, "prof.termine"),
            lambda: self.app.scenes.pop(),
            icon="check",
        )

    def open_folder(self):
        if not self.app.open_folder(self.paths[0].parent):
            self.app.notify(str(self.paths[0].parent), "info")

    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        heading(self, surface, _t(self, "prof.code_titre"), y=24)
        x = MARGIN + 40
        box = pygame.Rect(x, 110, 640, 130)
        theme.draw_panel(surface, box, edge=colors.second, width=4)
        size = code_size(theme, self.devoir.code, box.width - 40)
        theme.text(surface, self.devoir.code, box.center, size, None, "center")
        lines = [_t(self, "prof.classe_nom", classe=self.label) if self.label else ""]
        lines += [_t(self, "prof.feuille"), *[p.name for p in self.paths], ""]
        lines += [_t(self, "prof.dans_dossier"), str(self.paths[0].parent)]
        draw_text(
            theme, surface, "\n".join(line for line in lines if line), (x, 270, 640, 300), "small"
        )
        self._draw_preview(surface, pygame.Rect(780, 100, 330, 467))

    def _draw_preview(self, surface, rect):
        if self.preview is None:
            from game.modes.devoir.homework.sheet import sheet_texts
            from game.modes.devoir.teacher.sheet_png import draw_sheet

            page = draw_sheet(sheet_texts(self.devoir, self.devoir.code, self.label))
            self.preview = pygame.transform.smoothscale(page, rect.size)
        surface.blit(self.preview, rect)
        pygame.draw.rect(surface, self.colors.panel_edge, rect, 2)
