"""L'écran du niveau 2 : trois lancers au basket, un par poids, et la machine qui apprend.

Chaque ligne montre une réponse possible (voyelle, consonne, fin) : la balle est
la probabilité prédite, l'anneau la vraie fréquence, et la flèche la
correction (l'opposé du gradient). Les boutons − / + poussent le poids ; la
machine fait des pas de descente de gradient à la vitesse choisie, un pas à la
fois pour qu'on voie les balles bouger. Aucun calcul ici : tout vient de logic.py.
"""

import math

import pygame

from levels.l2_erreurs import logic
from levels.vue import VueNiveau, classe_dessin

PAS_PAR_SECONDE = 6  # the machine's steps are animated: the kid sees each one
TRACK_H = 46  # the 0 %…100 % track of a row (ball, ring, arrow)


def make_view(level, partie, ctx):
    return VueErreurs(level, partie, ctx)


class VueErreurs(VueNiveau):
    def __init__(self, level, partie, ctx):
        super().__init__(level, partie, ctx)
        self.vitesse_index = 2
        self.construire()

    # ------------------------------------------------------------------ layout
    def construire(self):
        ui, theme = self.ui, self.theme
        self.box = ui.Container(theme)
        area = self.area
        pad = 16
        self.left = pygame.Rect(area.x + 20, area.y + 10, 740, area.h - 24)
        self.right = pygame.Rect(
            self.left.right + pad, self.left.y, area.right - 20 - self.left.right - pad, self.left.h
        )
        title = self.t("vue.main")
        if theme.font("heading").size(title)[0] > self.left.w - 2 * theme.pad - 8:
            title = self.t("vue.main_court")  # big text: the short order only
        panel = self.box.add(ui.Panel(theme, self.left, title))
        self._construire_lignes(panel.content_rect)
        self._construire_droite()
        self.maj()

    def _construire_lignes(self, inner):
        """À gauche : une ligne par réponse possible, avec ses boutons − et +."""
        ui, theme = self.ui, self.theme
        h = theme.control_height
        self.rows = []
        line_s = theme.line_height("small")
        self.legend_rows = self._mise_en_page_legende(self.left.w - 40)
        self.legend_h = len(self.legend_rows) * (line_s + 6) + 6
        row_h = (self.left.bottom - self.legend_h - 8 - inner.y) // len(logic.REPONSES)
        self.ctrl_dy = theme.line_height("heading") + 4
        # Lines of text under each track: two if they fit (the advice, the gradient, what
        # is predicted and true), else one.
        below = row_h - 8 - self.ctrl_dy - min(h, TRACK_H) - 2
        self.text_lines = max(1, min(2, below // line_s))
        value_w = theme.font("heading").size("−9,5")[0] + 16
        self.ctrl_w = max(150, 2 * h + value_w + 12)  # − value + : the value never shrinks
        self.pushers = []
        for k in range(len(logic.REPONSES)):
            row = pygame.Rect(inner.x, inner.y + k * row_h, inner.w, row_h - 8)
            self.rows.append(row)
            minus = ui.Button(
                theme,
                (row.x, row.y + self.ctrl_dy, h, h),
                "",
                on_click=lambda k=k: self.pousser(k, -1),
                icon="minus",
                style="secondary",
                tooltip=self.t("vue.moins_aide"),
            )
            plus = ui.Button(
                theme,
                (row.x + self.ctrl_w, row.y + self.ctrl_dy, h, h),
                "",
                on_click=lambda k=k: self.pousser(k, 1),
                icon="plus",
                style="secondary",
                tooltip=self.t("vue.plus_aide"),
            )
            self.pushers += [minus, plus]
        self.box.add(classe_dessin(ui)(theme, self.left, self._dessiner_lignes))
        self.box.add(*self.pushers)

    def _construire_droite(self):
        """À droite : la perte, sa courbe (s'il y a la place) et la machine."""
        ui, theme = self.ui, self.theme
        h = theme.control_height
        right = self.right
        loss_h = theme.line_height("title") + theme.line_height("small") + 28
        self.loss_rect = pygame.Rect(right.x, right.y, right.w, loss_h)
        slider_h = theme.line_height("body") + 36
        panel_title = theme.line_height("heading") + theme.pad + 6
        machine_h = panel_title + 2 * (theme.pad + 4) + slider_h + 2 * h + 18
        machine_h += 2 * theme.line_height("small") + 8
        curve_h = right.h - loss_h - machine_h - 24
        if curve_h < 120:  # big text: no room for a readable curve, the loss number stays
            machine_h += max(0, curve_h) + 12
            curve_h = 0
        self.curve = ui.LineChart(
            theme,
            (right.x, self.loss_rect.bottom + 12, right.w, curve_h),
            self.t("vue.courbe"),
            reference=logic.SEUIL_PERTE,
            x_label=self.t("vue.courbe_x"),
        )
        self.curve.visible = curve_h > 0
        machine = pygame.Rect(
            right.x,
            self.curve.rect.bottom + 12,
            right.w,
            right.bottom - self.curve.rect.bottom - 12,
        )
        self.box.add(classe_dessin(ui)(theme, self.loss_rect, self._dessiner_perte))
        self.machine_panel = self.box.add(ui.Panel(theme, machine, self.t("vue.machine")))
        self.box.add(classe_dessin(ui)(theme, machine, self._dessiner_etat))
        self._construire_machine(self.machine_panel.content_rect, machine, slider_h)

    def _construire_machine(self, m, machine, slider_h):
        """La machine : la vitesse, 1 pas / 10 pas, arrêter, recommencer."""
        ui, theme = self.ui, self.theme
        h = theme.control_height
        self.slider = ui.Slider(
            theme,
            (m.x, m.y, m.w, slider_h),
            self.t("vue.vitesse"),
            0,
            len(logic.VITESSES) - 1,
            self.vitesse_index,
            step=1,
            on_change=self.choisir_vitesse,
            fmt=self._libelle_vitesse,
        )
        y = m.y + slider_h + 8
        half = (m.w - 8) // 2  # two buttons a row: their words never shrink
        self.step1 = ui.Button(
            theme, (m.x, y, half, h), self.t("vue.un_pas"), lambda: self.entrainer(1)
        )
        self.step10 = ui.Button(
            theme,
            (m.x + half + 8, y, half, h),
            self.t("vue.dix_pas"),
            lambda: self.entrainer(10),
            icon="play",
        )
        y += h + 10
        self.stop = ui.Button(
            theme,
            (m.x, y, half, h),
            self.t("vue.arreter"),
            self.arreter,
            icon="stop",
            style="secondary",
        )
        self.restart = ui.Button(
            theme,
            (m.x + half + 8, y, half, h),
            self.t("vue.recommencer"),
            self.recommencer,
            style="danger",
            tooltip=self.t("vue.recommencer_aide"),
        )
        self.status_rect = pygame.Rect(
            m.x, y + h + 6, m.w, max(0, machine.bottom - 8 - (y + h + 6))
        )
        self.box.add(self.curve, self.slider, self.step1, self.step10, self.stop, self.restart)

    # ------------------------------------------------------------------ actions
    def pousser(self, k, sens):
        if not self.occupe:
            self.jouer({"type": "pousser", "poids": k, "sens": sens})

    def choisir_vitesse(self, value):
        self.vitesse_index = int(round(value))

    def entrainer(self, etapes):
        vitesse = logic.VITESSES[self.vitesse_index]
        action = {"type": "entrainer", "vitesse": vitesse, "etapes": etapes}
        self.animer(action, PAS_PAR_SECONDE)

    def recommencer(self):
        self.arreter()
        self.jouer({"type": "recommencer"})

    # ------------------------------------------------------------------ maj
    def maj(self):
        busy = self.occupe
        machine = self.niveau.est_termine(self.etat)  # the machine helps once YOU got there
        for button in self.pushers:
            button.enabled = not busy
        for button in (self.step1, self.step10, self.slider):
            button.enabled = not busy and machine
        self.stop.enabled = busy
        self.restart.enabled = self.etat.coups > 0
        self.curve.clear()
        self.curve.extend(self.etat.historique)
        self.curve.reference_label = self.t(
            "vue.perte_but",
            seuil=self.nombre(logic.SEUIL_PERTE, 2),
            meilleure=self.nombre(min(self.etat.a_la_main, self.etat.meilleure_perte), 3),
        )

    # ------------------------------------------------------------------ helpers
    def _libelle_vitesse(self, value):
        vitesse = logic.VITESSES[int(round(value))]
        return self.nombre(vitesse, 0 if vitesse >= 1 else 1)

    # ------------------------------------------------------------------ scene protocol
    def handle_event(self, event):
        return self.box.handle_event(event)

    def update(self, dt):
        self.box.update(dt)
        self.avancer(dt)

    def draw(self, surface):
        self.box.draw(surface)

    def _dessiner_lignes(self, surface):
        theme, c = self.theme, self.theme.colors
        etat = self.etat
        f = logic.frequences()
        h = theme.control_height
        for k, row in enumerate(self.rows):
            nom = logic.REPONSES[k]
            head = theme.line_height("heading")
            theme.draw_text(
                surface, self.t(f"vue.reponse_{nom}"), (row.x, row.y, 220, head), "heading", c.ink
            )
            theme.draw_text(
                surface,
                self.t(f"vue.reponse_{nom}_aide"),
                (row.x + 230, row.y, row.w - 230, head),
                "small",
                c.ink_soft,
                "left",
                "middle",
            )
            value_box = pygame.Rect(row.x + h + 6, row.y + self.ctrl_dy, self.ctrl_w - h - 12, h)
            pygame.draw.rect(surface, c.panel, value_box, border_radius=8)
            pygame.draw.rect(surface, c.panel_edge, value_box, 2, border_radius=8)
            theme.draw_text(
                surface,
                self.nombre(etat.poids[k], 1).replace("-", "−"),
                value_box,
                "heading",
                c.ink,
                "center",
                "middle",
            )
            court = pygame.Rect(
                row.x + self.ctrl_w + h + 20,
                row.y + self.ctrl_dy,
                row.right - (row.x + self.ctrl_w + h + 20),
                min(h, TRACK_H),
            )
            self._dessiner_terrain(surface, court, etat.probas[k], f[k], etat.gradient[k])
            ecart = round((etat.probas[k] - f[k]) * 100)
            if ecart == 0:
                advice, color = self.t("vue.dedans"), c.good
            else:
                key = "vue.court" if ecart < 0 else "vue.loin"
                key += "_1" if abs(ecart) == 1 else ""
                advice, color = self.t(key, ecart=self.nombre(abs(ecart), 0)), c.ink
            pieces = [
                (advice, color),
                (self.t("vue.gradient", g=self._signe(etat.gradient[k])), c.ink),
                (
                    self.t("vue.balle", p=self.pourcent(etat.probas[k]))
                    + ", "
                    + self.t("vue.panier", f=self.pourcent(f[k])),
                    c.ink_soft,
                ),
            ]
            self._dessiner_pieces(surface, pieces, court.x, court.bottom + 2, court.w)
        self._dessiner_legende(surface)

    def _dessiner_pieces(self, surface, pieces, x0, y, width):
        """The row's texts in order of importance, as many per line as fit, « · » between."""
        theme = self.theme
        font = theme.font("small")
        line_s = theme.line_height("small")
        sep = "   ·   "
        x, lines = x0, 1
        for text, color in pieces:
            w = font.size(text)[0]
            if x > x0 and x + font.size(sep)[0] + w > x0 + width:
                if lines >= self.text_lines:
                    return
                x, y, lines = x0, y + line_s + 2, lines + 1
            if x > x0:
                x = theme.text(surface, sep, (x, y), "small", theme.colors.ink_soft).right
            theme.draw_text(surface, text, (x, y, x0 + width - x, line_s), "small", color)
            x += w

    def _elements_legende(self):
        return [
            ("ball", self.t("vue.legende_balle")),
            ("ring", self.t("vue.legende_anneau")),
            ("arrow", self.t("vue.legende_fleche")),
        ]

    def _mise_en_page_legende(self, width):
        """The legend's items (a small drawing + its words), in rows that fit `width`."""
        font = self.theme.font("small")
        rows, row, used = [], [], 0
        for icon, text in self._elements_legende():
            w = ICON_W + 6 + font.size(text)[0]
            if row and used + 28 + w > width:
                rows.append((row, used))
                row, used = [], 0
            used += (28 if row else 0) + w
            row.append((icon, text, w))
        rows.append((row, used))
        return rows

    def _dessiner_legende(self, surface):
        theme, c = self.theme, self.theme.colors
        line_s = theme.line_height("small")
        y = self.left.bottom - self.legend_h - 2
        for row, used in self.legend_rows:
            x = self.left.centerx - used // 2
            for icon, text, w in row:
                mid = (x + ICON_W // 2, y + line_s // 2)
                if icon == "ball":
                    pygame.draw.circle(surface, c.accent, mid, 9)
                    pygame.draw.circle(surface, c.panel_edge, mid, 9, 2)
                elif icon == "ring":
                    pygame.draw.circle(surface, c.second, mid, 11, 3)
                else:
                    self._fleche(surface, (x + 2, mid[1]), (x + ICON_W - 2, mid[1]), c.good)
                theme.text(surface, text, (x + ICON_W + 6, y), "small", c.ink_soft)
                x += w + 28
            y += line_s + 6

    def _dessiner_terrain(self, surface, rect, p, f, g):
        """A track from 0 % to 100 %: the ring (truth), the ball (prediction), the fix arrow."""
        theme, c = self.theme, self.theme.colors
        y = rect.centery
        x0, x1 = rect.x + 14, rect.right - 14
        pygame.draw.line(surface, c.panel_edge, (x0, y), (x1, y), 3)
        for t in (0.0, 0.5, 1.0):
            x = x0 + t * (x1 - x0)
            pygame.draw.line(surface, c.panel_edge, (x, y - 8), (x, y + 8), 2)
        theme.text(surface, "0 %", (x0, rect.y - 2), "tiny", c.ink_soft, "midtop")
        theme.text(surface, "100 %", (x1, rect.y - 2), "tiny", c.ink_soft, "midtop")
        hoop = x0 + f * (x1 - x0)
        ball = x0 + max(0.0, min(1.0, p)) * (x1 - x0)
        if abs(ball - hoop) > 18:
            self._fleche(surface, (ball, y + 16), (hoop, y + 16), c.good)
        pygame.draw.circle(surface, c.second, (round(hoop), y), 17, 4)
        pygame.draw.circle(surface, c.accent, (round(ball), y), 11)
        pygame.draw.circle(surface, c.panel_edge, (round(ball), y), 11, 2)

    def _fleche(self, surface, start, end, color):
        pygame.draw.line(surface, color, start, end, 4)
        angle = math.atan2(end[1] - start[1], end[0] - start[0])
        for side in (-1, 1):
            tip = (
                end[0] - 12 * math.cos(angle + side * 0.5),
                end[1] - 12 * math.sin(angle + side * 0.5),
            )
            pygame.draw.line(surface, color, end, tip, 4)

    def _dessiner_perte(self, surface):
        theme, c = self.theme, self.theme.colors
        etat = self.etat
        rect = self.loss_rect
        theme.draw_panel(surface, rect)
        inner = rect.inflate(-24, -16)
        color = c.good if etat.perte <= logic.SEUIL_PERTE else (c.bad if etat.explose else c.ink)
        title_h = theme.line_height("title")
        theme.draw_text(
            surface,
            self.t("vue.perte", perte=self.nombre(etat.perte, 3)),
            (inner.x, inner.y, inner.w, title_h),
            "title",
            color,
            "left",
            "middle",
        )
        coups = self.t("vue.coups", n=etat.poussees, ratees=etat.ratees)
        theme.draw_text(
            surface,
            coups,
            (inner.x, inner.y + title_h, inner.w, inner.h - title_h),
            "small",
            c.ink_soft,
            "left",
            "middle",
        )

    def _dessiner_etat(self, surface):
        theme, c = self.theme, self.theme.colors
        etat = self.etat
        if self.niveau.est_termine(etat) and not etat.explose:
            text, color = self.t("vue.reussi"), c.good
        elif etat.explose:
            text, color = self.t("vue.explose"), c.bad
        elif self.message:
            text, color = self.message, c.bad
        elif not self.niveau.est_termine(etat):
            text, color = self.t("vue.machine_bloquee"), c.ink_soft
        elif etat.vitesse is not None and etat.vitesse < 0.5 and etat.perte > logic.SEUIL_PERTE:
            text, color = self.t("vue.rampe"), c.ink_soft
        else:
            return
        theme.draw_text(surface, text, self.status_rect, "small", color, "center", "middle")

    def _signe(self, x):
        text = self.nombre(abs(x), 2)
        return ("+" if x >= 0 else "−") + text


ICON_W = 26  # the little drawing in front of each legend item
