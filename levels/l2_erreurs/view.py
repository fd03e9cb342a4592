"""L'écran du niveau 2 : trois lancers au basket, un par poids, et la machine qui apprend.

Chaque ligne montre une réponse possible (voyelle, consonne, fin) : la balle est
la probabilité prédite, l'anneau la vraie fréquence, et la flèche la
correction (l'opposé du gradient). Les boutons − / + poussent le poids ; la
machine fait des pas de descente de gradient à la vitesse choisie, un pas à la
fois pour qu'on voie les balles bouger. Aucun calcul ici : tout vient de logic.py.
"""

import pygame

from levels.l2_erreurs import logic
from levels.l2_erreurs.dessin import ICON_W, TRACK_H, DessinErreurs  # noqa: F401
from levels.vue import VueNiveau, classe_dessin

PAS_PAR_SECONDE = 6  # the machine's steps are animated: the kid sees each one


def make_view(level, partie, ctx):
    return VueErreurs(level, partie, ctx)


class VueErreurs(DessinErreurs, VueNiveau):
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
        self.restart.enabled = self.etat.poids != self.etat.depart
        self.curve.clear()
        self.curve.extend(self.etat.historique)
        self.curve.reference_label = self.t(
            "vue.perte_but",
            seuil=self.nombre(logic.SEUIL_PERTE, 3),  # as the goal writes it: « 0,860 »
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
