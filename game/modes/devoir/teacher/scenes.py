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
from game.modes.devoir.teacher.created import HomeworkCreatedScene, write_sheets  # noqa: F401 (registry)
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
        self.button((x, 530, 440, h), _t(self, "prof.dossier"), self.open_folder, "secondary")
        self.button((x, 650, 440, h), _t(self, "prof.sauvegarder"), self.save_backup, "secondary")
        self._recent_buttons(pygame.Rect(620, 250, W - 620 - 60, 260))
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

    def _recent_buttons(self, box):
        """« Derniers devoirs »: each one reopens its code and its sheet."""
        from game.modes.devoir.homework import register
        from game.modes.devoir.homework.french import day

        h = self.theme.control_height
        title = _t(self, "prof.derniers")
        y = box.y + 20 + self.theme.text_height(title, box.w - 30, "heading") + 8
        for code, entry in list(register.load().items())[-4:][::-1]:
            classe = entry.get("classe", "") if isinstance(entry.get("classe"), str) else ""
            label = " · ".join(p for p in (code, classe, day(entry.get("cree_le", ""))) if p)
            self.button(
                (box.x + 15, y, box.w - 30, h),
                label,
                lambda c=code, k=classe: self.reopen(c, k),
                "secondary",
            )
            y += h + 8

    def reopen(self, code, label):
        from game.modes.devoir.homework.code import decode
        from game.storage import SaveError

        try:
            devoir = decode(code)
            paths = write_sheets(devoir, label)
        except (ValueError, SaveError) as error:
            self.app.notify(str(error), "warn")
            return
        self.app.push("teacher_created", devoir, label, paths)

    def save_backup(self):
        from game.modes.devoir.homework import backup

        try:
            path = backup.export()
        except backup.BackupError as error:
            self.app.notify(str(error), "warn")
            return
        self.app.notify(_t(self, "prof.sauvegarde_ecrite", chemin=path), "info")
        self.app.open_folder(path.parent)

    def handle_event(self, event):
        if event.type == pygame.DROPFILE:  # a backup of another computer: imported
            self.import_backup(getattr(event, "file", ""))
            return True
        return super().handle_event(event)

    def import_backup(self, name):
        from game.modes.devoir.homework import backup

        try:
            self.cert_result = backup.import_backup(name)
        except backup.BackupError as error:
            self.cert_result = str(error)
            self.app.play("error")
            return
        self.app.play("success")
        self.rebuild()

    def check_certificate(self):
        from game.modes.devoir.homework import certificate
        from game.modes.devoir.homework.french import day

        self.cert_text = self.cert_field.text
        self.container.focus.set(self.cert_field)  # the field keeps its text and the focus
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
            date=day(found.date),
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
        draw_text(theme, surface, str(teacher_dir()), (x, 590, 460, 50), "small", colors.ink_soft)
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
        if not register.load():
            draw_text(
                theme,
                surface,
                _t(self, "prof.aucun"),
                (box.x + 15, box.y + 64, box.w - 30, 40),
                "body",
                theme.colors.ink_soft,
            )


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
        self.class_list = None  # dropped on the form: twins will be asked for an initial

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
            _t(self, "prof.classe_exemple"),
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

    def handle_event(self, event):
        if event.type == pygame.DROPFILE:
            from game.modes.devoir.homework.classlist import read_class_list_file
            from game.modes.devoir.teacher import tn

            found = read_class_list_file(getattr(event, "file", ""))
            if found.refus:
                self.error = found.refus
                return True
            self.class_list, self.error = found, ""
            if found.classe and not self.label.strip():
                self.label = found.classe
                self.label_field.set_text(found.classe)
            self.app.notify(tn(self, "prof.liste_ok", len(found.eleves), notes=""), "info")
            return True
        return super().handle_event(event)

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
            register.remember(devoir.code, self.label.strip(), self.class_list)
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
