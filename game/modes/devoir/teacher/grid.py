"""The class grid: pupils × assigned levels (done, stars, hints, steps, actions, late),
the reason for every problem, `rapport.csv` and the certificates."""

from __future__ import annotations

import datetime as dt

import pygame

from game.modes.devoir.homework.certificate import teacher_dir
from game.modes.devoir.teacher import t as _t
from game.scenes.common import Screen, W, draw_stars, draw_text, heading

TOP = 150
ROW_H = 44
NAME_W = 230
CELL_W = 150
STATUS_W = 260
VISIBLE_ROWS = 7
LEGEND_Y = TOP + ROW_H * (VISIBLE_ROWS + 1) + 2
BOX_Y = LEGEND_Y + 62


class GridScene(Screen):
    name = "teacher_grid"

    def __init__(self, app, grille):
        super().__init__(app)
        self.grille = grille
        self.scroll = 0
        self.selected = 0 if grille.copies else None
        self.show_understood = False
        from game.modes.devoir.homework.report import understanding

        self.understood = understanding(grille)

    def build(self):
        h = self.theme.control_height
        self.back_button()
        self.default_focus = self.button(
            (W - 340, 18, 320, h), _t(self, "prof.exporter"), self.export_csv, "secondary"
        )
        self.button(
            (W - 620, 18, 260, h), _t(self, "prof.attestations"), self.certificates, "secondary"
        )
        self.button(
            (W - 1000, 18, 360, h), _t(self, "prof.compris"), self.toggle_understood, "secondary"
        )

    def toggle_understood(self):
        self.show_understood = not self.show_understood

    def handle_event(self, event):
        rows = len(self.grille.copies)
        if event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, min(max(0, rows - VISIBLE_ROWS), self.scroll - event.y))
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            index = (event.pos[1] - TOP - ROW_H) // ROW_H
            if 0 <= index < VISIBLE_ROWS and self.scroll + index < rows and event.pos[1] > TOP:
                self.selected = self.scroll + index
                self.show_understood = False
                return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN) and rows:
            step = 1 if event.key == pygame.K_DOWN else -1
            self.selected = max(0, min(rows - 1, (self.selected or 0) + step))
            self.scroll = max(
                0, min(self.selected, max(self.scroll, self.selected - VISIBLE_ROWS + 1))
            )
            return True
        return super().handle_event(event)

    def export_csv(self):
        from game.modes.devoir.homework.report import write_csv
        from game.storage import SaveError

        path = teacher_dir() / "rapports" / f"rapport-{self.grille.code}-{dt.date.today()}.csv"
        try:
            write_csv(path, self.grille)
        except SaveError as error:
            self.app.notify(str(error), "warn")
            return
        self.app.notify(_t(self, "prof.rapport_ecrit", chemin=path), "info")
        self.app.open_folder(path.parent)

    def certificates(self):
        from game.modes.devoir.teacher.certificate_png import write_certificates
        from game.storage import SaveError

        try:
            paths = write_certificates(self.grille, dt.date.today())
        except SaveError as error:
            self.app.notify(str(error), "warn")
            return
        if not paths:
            self.app.notify(_t(self, "prof.pas_attestation"), "info")
            return
        self.app.push("teacher_picture", paths, _t(self, "prof.attestations"))

    def understood_text(self):
        """Per level: « compris du premier coup : 17/28 » and the question most missed."""
        lines = [_t(self, "prof.compris_titre")]
        for niveau, right, answered, missed in self.understood:
            line = _t(self, "prof.compris_ligne", n=niveau.numero, ok=right, total=answered)
            if missed:
                line += " " + _t(self, "prof.compris_manquee", question=missed)
            lines.append(line)
        return "\n".join(lines)

    def draw_content(self, surface):
        grille = self.grille
        title = _t(self, "prof.devoir_titre", code=grille.code) + (
            f" — {grille.classe}" if grille.classe else ""
        )
        heading(self, surface, title, y=80, role="heading")
        self._draw_table(surface)
        self._draw_legend(surface)
        self._draw_reasons(surface)

    def _draw_table(self, surface):
        theme, colors = self.theme, self.colors
        x0 = 40
        for i, (niveau, right, answered, _missed) in enumerate(self.understood):
            rect = (x0 + NAME_W + i * CELL_W, TOP - 6, CELL_W, ROW_H + 6)
            head = _t(self, "prof.niveau_n", n=niveau.numero)
            head += "\n" + _t(self, "prof.compris_court", ok=right, total=answered)
            draw_text(theme, surface, head, rect, "small", None, "center", "middle")
        status_x = x0 + NAME_W + len(self.grille.niveaux) * CELL_W
        draw_text(
            theme,
            surface,
            _t(self, "prof.bilan"),
            (status_x, TOP, 200, ROW_H),
            "small",
            None,
            "left",
            "middle",
        )
        shown = self.grille.copies[self.scroll : self.scroll + VISIBLE_ROWS]
        for row, copie in enumerate(shown):
            y = TOP + ROW_H * (row + 1)
            band = pygame.Rect(x0, y, status_x + STATUS_W - x0, ROW_H - 4)
            fill = colors.panel if self.scroll + row != self.selected else theme_mix(colors)
            pygame.draw.rect(surface, fill, band, border_radius=8)
            name = f"{copie.prenom} {copie.nom}".strip()
            draw_text(
                theme,
                surface,
                name,
                (x0 + 10, y, NAME_W - 12, ROW_H - 4),
                "body",
                None,
                "left",
                "middle",
            )
            for i, niveau in enumerate(self.grille.niveaux):
                self._draw_cell(
                    surface,
                    copie.cases.get(niveau.numero),
                    pygame.Rect(x0 + NAME_W + i * CELL_W, y, CELL_W, ROW_H - 4),
                )
            status, ink = _status(self, copie, colors)
            draw_text(
                theme,
                surface,
                status,
                (status_x + 4, y, STATUS_W - 8, ROW_H - 4),
                "small",
                ink,
                "left",
                "middle",
            )

    def _draw_cell(self, surface, case, rect):
        theme, colors = self.theme, self.colors
        if case is None or not case.rendu:  # not handed in, or in a file that does not count
            draw_text(theme, surface, "—", rect, "body", colors.ink_soft, "center", "middle")
            return
        self._draw_tick(surface, case.fait, pygame.Rect(rect.x + 4, rect.centery - 12, 24, 24))
        draw_stars(surface, (rect.x + 66, rect.centery), case.etoiles, 10, theme)
        if case.compris is not None:  # the understanding question, right at the first try?
            mark = pygame.Rect(rect.x + 100, rect.centery - 9, 18, 18)
            self._draw_tick(surface, case.compris, mark)
        if case.indices:
            draw_text(
                theme,
                surface,
                f"i{case.indices}",
                (rect.right - 28, rect.y, 28, rect.h),
                "small",
                colors.ink_soft,
                "left",
                "middle",
            )

    def _draw_tick(self, surface, ok, rect):
        """A green check when `ok`, else a red cross."""
        ink = self.colors.good if ok else self.colors.bad
        self.ui.draw_icon(surface, "check" if ok else "cross", rect, ink)

    def _draw_legend(self, surface):
        """What the cells' marks mean, as a line (two at the largest text) of marks + words."""
        theme, colors = self.theme, self.colors
        font = theme.font("small")
        good, bad = colors.good, colors.bad
        items = [
            (lambda r: self.ui.draw_icon(surface, "check", r, good), 24, "prof.legende_fait"),
            (lambda r: self.ui.draw_icon(surface, "cross", r, bad), 24, "prof.legende_pas_fait"),
            (lambda r: draw_stars(surface, (r.x + 30, r.centery), 3, 10, theme), 64,
             "prof.legende_etoiles"),
            (lambda r: self.ui.draw_icon(surface, "check", r.inflate(-6, -6), good), 18,
             "prof.legende_compris"),
            (None, 0, "prof.legende_indices"),
            (None, 0, "prof.legende_rendu"),
        ]  # fmt: skip
        x, y, line = 48, LEGEND_Y, font.get_linesize() + 4
        for draw, width, key in items:
            label = theme.render(_t(self, key), "small", colors.ink_soft)
            total = width + (6 if width else 0) + label.get_width()
            if x + total > W - 40 and x > 48:
                x, y = 48, y + line
            if draw is not None:
                draw(pygame.Rect(x, y + (line - 24) // 2, width, 24))
            top = y + (line - label.get_height()) // 2
            surface.blit(label, (x + total - label.get_width(), top))
            x += total + 26

    def _draw_reasons(self, surface):
        theme = self.theme
        box = pygame.Rect(40, BOX_Y, W - 80, 720 - BOX_Y - 12)
        theme.draw_panel(surface, box)
        if self.show_understood:
            draw_text(theme, surface, self.understood_text(), box.inflate(-24, -14), "small")
            return
        if self.selected is None or self.selected >= len(self.grille.copies):
            return
        copie = self.grille.copies[self.selected]
        reasons = copie.raisons() or [_t(self, "prof.rien_a_signaler")]
        figures = []
        for case in copie.cases.values():
            if case.rendu:
                figures.append(
                    _t(
                        self,
                        "prof.chiffres",
                        n=case.numero,
                        actions=case.actions or 0,
                        pas=case.pas or 0,
                        indices=case.indices,
                    )
                )
        text = f"{copie.prenom} — " + " · ".join(figures) + "\n" + "\n".join(reasons[:4])
        draw_text(theme, surface, text, box.inflate(-24, -14), "small")


def _status(scene, copie, colors):
    if not copie.rendu:
        return _t(scene, "prof.rien_rendu"), colors.bad
    late = " · " + _t(scene, "prof.en_retard") if copie.en_retard else ""
    if copie.valide:
        return _t(scene, "prof.valide") + late, colors.good
    return _t(scene, "prof.a_voir") + late, colors.warn


def theme_mix(colors):
    from game.ui.theme import mix

    return mix(colors.panel, colors.second, 0.25)
