"""« Corriger des devoirs »: files dropped on the window (or a folder), checked in the
background on every core, with a progress bar; then the class grid.

The check runs in a thread that drives a process pool (`game.modes.devoir.homework.check`), so the
window stays responsive; « Arrêter » stops it (the levels not replayed are marked).
A `.csv` / `.txt` dropped on the window is taken as the class list; « Coller la liste »
reads one copied from a spreadsheet (`game.clipboard`).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path

import pygame

from game.modes.devoir.teacher import t as _t
from game.modes.devoir.teacher import tn as _tn
from game.scenes.common import MARGIN, Screen, W, draw_text, heading

LIST_SUFFIXES = (".csv", ".txt", ".xlsx", ".ods", ".xls", ".xlsm", ".tsv")


def inbox_dir():
    """The default folder to check: where « Rendre mon devoir » writes the pupils'
    files on this computer (created, so that it exists and can be opened)."""
    from game.modes.devoir.homework.progress import homework_dir

    folder = homework_dir()
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return folder


class CheckJob:
    """One background check: `progress` (0..1), `done`, `grille` or `error` (French)."""

    def __init__(self, inputs, classe, workers=None, label=""):
        self.inputs, self.classe, self.workers = list(inputs), classe, workers
        self.label = label
        self.done_count, self.total = 0, 0
        self.grille, self.error = None, None
        self.stop = False
        self.thread = threading.Thread(target=self._run, name="correction", daemon=True)

    def start(self):
        self.thread.start()
        return self

    @property
    def done(self):
        return not self.thread.is_alive() and (self.grille is not None or self.error is not None)

    @property
    def progress(self):
        return self.done_count / self.total if self.total else 0.0

    def _progress(self, done, total):
        self.done_count, self.total = done, total

    def _run(self):

        from game.modes.devoir.homework import register
        from game.modes.devoir.homework.check import check_files

        try:
            grille = check_files(
                self.inputs,
                classe=self.classe,
                label=self.label,
                workers=self.workers,
                progress=self._progress,
                cancelled=lambda: self.stop,
            )
            grille.classe = grille.classe or register.label(grille.code)
            self.grille = grille
        except Exception as error:  # noqa: BLE001 - told to the teacher, never a crash
            logging.getLogger(__name__).error("correction : %r", error, exc_info=error)
            self.error = (
                "La correction s'est arrêtée à cause d'une erreur du jeu (les détails sont "
                "dans le journal). Réessaie ; si cela revient, corrige moins de copies à la fois."
            )


class CheckScene(Screen):
    name = "teacher_check"

    def __init__(self, app):
        super().__init__(app)
        self.files = []
        self.class_label = None  # the class list's file name, or « collée »
        self.classe = None
        self.job = None
        self.message = ""
        self.folder_text = str(inbox_dir())
        self.label_text = ""

    def build(self):
        theme, ui = self.theme, self.ui
        h = theme.control_height
        self.back_button()
        x = MARGIN + 40
        self.folder_field = ui.TextField(
            theme,
            (x, 330, W - x - 80, h),
            self.folder_text,
            max_length=400,
            on_change=lambda v: setattr(self, "folder_text", v),
        )
        self.label_field = ui.TextField(
            theme,
            (x + 560, 230, 260, h),
            self.label_text,
            _t(self, "prof.classe_exemple"),
            24,
            on_change=lambda v: setattr(self, "label_text", v),
        )
        self.container.add(self.folder_field, self.label_field)
        busy = self.job is not None and not self.job.done
        self.default_focus = self.button(
            (W - 400, 620, 320, h + 6),
            _t(self, "prof.corriger_bouton"),
            self.start,
            icon="check",
            enabled=not busy,
            sound=None,
        )
        self.button((x, 620, 320, h), _t(self, "prof.ouvrir"), self.open_inbox, "secondary")
        if busy:
            self.button((x + 340, 620, 220, h), _t(self, "prof.arreter"), self.cancel, "secondary")
        else:
            paste = _t(self, "prof.coller")
            self.button((x + 340, 620, 380, h), paste, self.paste_class_list, "secondary")
        self.button((x, 400, 320, h), _t(self, "prof.vider"), self.clear, "secondary")

    def handle_event(self, event):
        if event.type == pygame.DROPFILE:
            self.dropped(getattr(event, "file", ""))
            return True
        return super().handle_event(event)

    def dropped(self, name):
        path = Path(name)
        if path.suffix.lower() in LIST_SUFFIXES and path.is_file():
            self._load_class_list(path)
        elif path.exists() and path not in self.files:
            self.files.append(path)
            self.message = _tn(self, "prof.deposes_n", len(self.files))
        self.app.play("click")

    def _load_class_list(self, path):
        from game.modes.devoir.homework.classlist import read_class_list_file

        self._use_class_list(read_class_list_file(path), path.name)

    def paste_class_list(self):
        """The class list copied from a spreadsheet (NOM and Prénom columns) or a text."""
        from game.clipboard import read_text
        from game.modes.devoir.homework.classlist import parse_class_list

        text = read_text()
        if text is None:
            self.message = _t(self, "prof.presse_papiers_vide")
            self.app.play("error")
            return
        self._use_class_list(parse_class_list(text), _t(self, "prof.liste_collee"))

    def _use_class_list(self, classe, label):
        if not classe.eleves:  # not a class list: the one already loaded stays
            self.message = " ".join(classe.messages[:3])
            self.app.play("error")
            return
        self.classe, self.class_label = classe, label
        if classe.classe and not self.label_text.strip():
            self.label_text = classe.classe  # the list's « Classe » column
            self.label_field.set_text(classe.classe)
        notes = " ".join(classe.messages[:3])
        self.message = _tn(self, "prof.liste_ok", len(classe.eleves), notes=notes)

    def clear(self):
        self.files, self.classe, self.class_label, self.message = [], None, None, ""

    def open_inbox(self):
        folder = Path(self.folder_text.strip() or inbox_dir())
        if not self.app.open_folder(folder):
            self.app.notify(str(folder), "info")

    def start(self):
        inputs = self.files or [Path(self.folder_text.strip() or inbox_dir())]
        missing = [p for p in inputs if not Path(p).exists()]
        if missing:
            self.message = _t(self, "prof.introuvable", chemin=missing[0])
            self.app.play("error")
            return
        self.app.play("click")
        self.job = CheckJob(inputs, self.classe, label=self.label_text.strip()).start()
        self.rebuild()

    def cancel(self):
        if self.job is not None:
            self.job.stop = True

    def on_exit(self):
        self.cancel()  # leaving the screen stops the check (its processes end with it)

    def update(self, dt):
        super().update(dt)
        if self.job is not None and self.job.done:
            job, self.job = self.job, None
            self.rebuild()
            if job.error:
                self.message = _t(self, "prof.arret", erreur=job.error)
                self.app.play("error")
            else:
                self.app.play("success")
                self.app.push("teacher_grid", job.grille)

    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        heading(self, surface, _t(self, "prof.corriger"), y=24)
        x, width = MARGIN + 40, W - MARGIN - 120
        text = _t(self, "prof.depose_aide")
        draw_text(theme, surface, text, (x, 110, width, 120), "body")
        draw_text(theme, surface, _t(self, "prof.sinon_dossier"), (x, 295, width, 30), "small")
        draw_text(
            theme, surface, _t(self, "prof.classe_grille"), (x, 230, 540, h_of(theme)), "small",
            None, "left", "middle",
        )  # fmt: skip
        names = ", ".join(p.name for p in self.files[-4:]) or _t(self, "prof.aucun_depot")
        info = _t(self, "prof.deposes", noms=names) + (
            "\n" + _t(self, "prof.liste", nom=self.class_label) if self.class_label else ""
        )
        draw_text(theme, surface, info, (x + 340, 400, width - 340, 70), "small", colors.ink_soft)
        if self.message:
            draw_text(theme, surface, self.message, (x, 480, width, 60), "small", colors.ink)
        if self.job is not None:
            bar = self.ui.ProgressBar(
                theme,
                pygame.Rect(x, 545, width, 60),
                self.job.progress,
                _t(self, "prof.progression", fait=self.job.done_count, total=self.job.total or "…"),
            )
            bar.draw(surface)


def h_of(theme):
    return theme.control_height
