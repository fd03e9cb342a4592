"""« Espace enseignant » (from the title screen): create a homework, check a class.

For adults, no password: nothing here can touch a pupil's progress. Everything the
teacher makes goes to `<home>/enseignant/` (sheets, reports, certificates), a folder
the game shows and opens with the computer's file manager.
"""

from __future__ import annotations

import datetime as dt

import pygame

from game.modes.devoir.homework.certificate import teacher_dir
from game.modes.devoir.teacher import t as _t
from game.scenes.common import MARGIN, Screen, W, draw_text, heading


class TeacherSpace(Screen):
    name = "teacher"

    def __init__(self, app):
        super().__init__(app)
        self.cert_text = ""
        self.cert_result = ""

    def build(self):
        h = self.theme.control_height
        self.back_button()
        x = MARGIN + 40
        self.default_focus = self.button(
            (x, 250, 440, h + 10),
            _t(self, "prof.nouveau"),
            lambda: self.app.push("teacher_new"),
            icon="plus",
        )
        self.button(
            (x, 390, 440, h + 10),
            _t(self, "prof.corriger"),
            lambda: self.app.push("teacher_check"),
            icon="check",
        )
        self.button((x, 560, 440, h), _t(self, "prof.dossier"), self.open_folder, "secondary")
        self.cert_field = self.ui.TextField(
            self.theme,
            (620, 580, 300, h),
            self.cert_text,
            "XXXX-XXXX",
            12,
            on_submit=lambda _t: self.check_certificate(),
        )
        self.container.add(self.cert_field)
        self.button(
            (940, 580, 280, h), _t(self, "prof.verifier"), self.check_certificate, "secondary"
        )

    def check_certificate(self):
        from game.modes.devoir.homework import certificate

        self.cert_text = self.cert_field.text
        found, problem = certificate.check(self.cert_text)
        if found is None:
            self.cert_result = problem
            self.app.play("error")
            return
        stars = ", ".join(_t(self, "prof.niveau_etoiles", n=n, s=s) for n, s in found.niveaux)
        classe = found.classe or _t(self, "prof.sans_classe")
        self.cert_result = _t(
            self,
            "prof.authentique",
            prenom=found.prenom,
            classe=classe,
            date=found.date,
            etoiles=stars,
        )
        self.app.play("success")

    def open_folder(self):
        folder = teacher_dir()
        folder.mkdir(parents=True, exist_ok=True)
        if not self.app.open_folder(folder):
            self.app.notify(str(folder), "info")

    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        heading(self, surface, _t(self, "prof.titre"), y=24)
        x = MARGIN + 40
        draw_text(
            theme,
            surface,
            _t(self, "prof.pour_adultes"),
            (x, 110, W - 2 * x, 80),
            "body",
            colors.ink_soft,
        )
        help_w = 440
        below = theme.control_height + 16
        draw_text(
            theme, surface, _t(self, "prof.nouveau_aide"), (x, 250 + below, help_w, 70), "small"
        )
        draw_text(
            theme, surface, _t(self, "prof.corriger_aide"), (x, 390 + below, help_w, 70), "small"
        )
        draw_text(theme, surface, str(teacher_dir()), (x, 620, 460, 60), "small", colors.ink_soft)
        self._draw_recent(surface, pygame.Rect(620, 250, W - 620 - 60, 260))
        draw_text(theme, surface, _t(self, "prof.attestation_titre"), (620, 545, 600, 30), "small")
        if self.cert_result:
            draw_text(
                theme, surface, self.cert_result, (620, 640, W - 680, 70), "small", colors.ink
            )

    def _draw_recent(self, surface, box):
        from game.modes.devoir.homework import register

        theme = self.theme
        theme.draw_panel(surface, box)
        title = _t(self, "prof.derniers")
        draw_text(theme, surface, title, box.inflate(-30, -20), "heading")
        y = box.y + 20 + theme.text_height(title, box.w - 30, "heading") + 10
        entries = list(register.load().items())[-4:][::-1]
        if not entries:
            draw_text(
                theme,
                surface,
                _t(self, "prof.aucun"),
                (box.x + 15, y, box.w - 30, 40),
                "body",
                theme.colors.ink_soft,
            )
        for code, entry in entries:
            label = f"{code}   {entry.get('classe', '')}   {entry.get('cree_le', '')}"
            draw_text(theme, surface, label, (box.x + 15, y, box.w - 30, 40), "body")
            y += theme.line_height("body") + 8


LEVEL_W = 220


class NewHomeworkScene(Screen):
    """The form: levels, hints, done = goal / 3 stars, due date, class label."""

    name = "teacher_new"

    def __init__(self, app):
        super().__init__(app)
        self.levels = {1, 2, 3, 4}
        self.hints = True
        self.stars = False
        self.due = ""
        self.label = ""
        self.error = ""

    def build(self):
        from levels import registry

        theme, ui = self.theme, self.ui
        h = theme.control_height
        self.back_button()
        x, y = MARGIN + 40, 150
        for index, niveau in enumerate(registry.niveaux()):
            rect = (
                x + (index % 3) * (LEVEL_W + 140),
                y + (index // 3) * (h + 14),
                LEVEL_W + 120,
                h,
            )
            toggle = ui.Toggle(
                theme,
                rect,
                f"{niveau.numero}. {niveau.titre}",
                niveau.numero in self.levels,
                lambda v, n=niveau.numero: self._level(n, v),
            )
            self.container.add(toggle)
        y += 2 * (h + 14) + 30
        self.container.add(
            ui.Toggle(
                theme,
                (x, y, 520, h),
                _t(self, "prof.indices"),
                self.hints,
                lambda v: setattr(self, "hints", v),
            )
        )
        self.container.add(
            ui.Toggle(
                theme,
                (x + 560, y, 560, h),
                _t(self, "prof.trois_etoiles"),
                self.stars,
                lambda v: setattr(self, "stars", v),
            )
        )
        y += h + 60
        self.due_field = ui.TextField(
            theme,
            (x, y, 300, h),
            self.due,
            "JJ/MM/AAAA",
            10,
            on_change=lambda v: setattr(self, "due", v),
            allowed=lambda c: c.isdigit() or c in "/-.",
        )
        self.label_field = ui.TextField(
            theme,
            (x + 380, y, 300, h),
            self.label,
            "5e B",
            24,
            on_change=lambda v: setattr(self, "label", v),
        )
        self.container.add(self.due_field, self.label_field)
        self.default_focus = self.button(
            (W - 420, 620, 340, h + 6),
            _t(self, "prof.creer"),
            self.create,
            icon="check",
            sound=None,
        )
        self.field_y = y

    def _level(self, numero, value):
        (self.levels.add if value else self.levels.discard)(numero)

    def create(self):
        from game.modes.devoir.homework import register
        from game.modes.devoir.homework.code import Devoir
        from game.storage import SaveError

        due, problem = parse_due(self.due)
        if problem:
            problem = _t(self, f"prof.{problem[0]}", **problem[1])
        if not problem and not self.levels:
            problem = _t(self, "prof.aucun_niveau")
        if problem:
            self.error = problem
            self.app.play("error")
            return
        devoir = Devoir.nouveau(sorted(self.levels), self.hints, self.stars, due)
        try:
            paths = write_sheets(devoir, self.label.strip())
            register.remember(devoir.code, self.label.strip())
        except (SaveError, ValueError) as error:
            self.error = str(error)
            self.app.play("error")
            return
        self.app.play("success")
        self.app.replace("teacher_created", devoir, self.label.strip(), paths)

    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        heading(self, surface, _t(self, "prof.nouveau"), y=24)
        x = MARGIN + 40
        draw_text(theme, surface, _t(self, "prof.niveaux"), (x, 110, 600, 36), "heading")
        y = self.field_y - theme.line_height("small") - 6
        draw_text(theme, surface, _t(self, "prof.date"), (x, y, 360, 30), "small")
        draw_text(theme, surface, _t(self, "prof.classe"), (x + 380, y, 360, 30), "small")
        if self.error:
            draw_text(
                theme,
                surface,
                self.error,
                (x, self.field_y + 70, W - 2 * x, 60),
                "body",
                colors.bad,
            )


def parse_due(text):
    """(date or None, None) or (None, (catalog key under devoirs.prof, values))."""
    text = (text or "").strip()
    if not text:
        return None, None
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y"):
        try:
            day = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if day < dt.date.today():
            return None, ("date_passee", {})
        if day.year > 2031:
            return None, ("date_loin", {})
        return day, None
    return None, ("date_illisible", {"texte": text})


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
        theme.text(surface, self.devoir.code, box.center, theme.size("title") + 30, None, "center")
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
