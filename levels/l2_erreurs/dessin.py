"""Le dessin de l'écran du niveau 2 : les lignes, le terrain, la légende, la perte."""

import math

import pygame

from levels.l2_erreurs import logic

TRACK_H = 46  # the 0 %…100 % track of a row (ball, ring, arrow)
ICON_W = 26  # the little drawing in front of each legend item


class DessinErreurs:
    """Les méthodes de dessin de `VueErreurs` (une classe à hériter)."""

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
        c = self.theme.colors
        y = rect.centery
        x0, x1 = rect.x + 14, rect.right - 14
        pygame.draw.line(surface, c.panel_edge, (x0, y), (x1, y), 3)
        for t in (0.0, 0.5, 1.0):
            x = x0 + t * (x1 - x0)
            pygame.draw.line(surface, c.panel_edge, (x, y - 8), (x, y + 8), 2)
        self._dessiner_bornes(surface, rect, x0, x1)
        hoop = x0 + f * (x1 - x0)
        ball = x0 + max(0.0, min(1.0, p)) * (x1 - x0)
        if abs(ball - hoop) > 18:
            self._fleche(surface, (ball, y + 16), (hoop, y + 16), c.good)
        pygame.draw.circle(surface, c.second, (round(hoop), y), 17, 4)
        pygame.draw.circle(surface, c.accent, (round(ball), y), 11)
        pygame.draw.circle(surface, c.panel_edge, (round(ball), y), 11, 2)

    def _dessiner_bornes(self, surface, rect, x0, x1):
        """« 0 % » and « 100 % » over the ends of the track, kept inside `rect` (at large
        text sizes they are wider than the margin around the ends)."""
        theme = self.theme
        drawn = []
        for text, x in (("0 %", x0), ("100 %", x1)):
            w = theme.font("tiny").size(text)[0]
            x = min(max(round(x), rect.x + w // 2), rect.right - (w + 1) // 2)
            box = theme.text(
                surface, text, (x, rect.y - 2), "tiny", theme.colors.ink_soft, "midtop"
            )
            drawn.append(box)
        self.bornes_terrain = {**getattr(self, "bornes_terrain", {}), tuple(rect): drawn}

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
        coups = self.texte_compteurs()
        theme.draw_text(
            surface,
            coups,
            (inner.x, inner.y + title_h, inner.w, inner.h - title_h),
            "small",
            c.ink_soft,
            "left",
            "middle",
        )

    def texte_compteurs(self):
        """The counters under the loss: the same numbers as `mesures` (the whole run)."""
        m = self.niveau.mesures(self.etat)
        return self.t("vue.coups", n=m["poussees"], ratees=m["poussees_ratees"], coups=m["coups"])

    def au_plancher(self):
        """Every ball in its ring (to the point): the loss cannot go lower."""
        f = logic.frequences()
        return all(round((p - fk) * 100) == 0 for p, fk in zip(self.etat.probas, f, strict=True))

    def _dessiner_etat(self, surface):
        theme, c = self.theme, self.theme.colors
        etat = self.etat
        if self.au_plancher() and not etat.explose:
            floor = self.nombre(logic.plancher(), 3)
            text, color = self.t("vue.plancher", plancher=floor), c.good
        elif self.niveau.est_termine(etat) and not etat.explose:
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
