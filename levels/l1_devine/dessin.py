"""Le dessin de l'écran du niveau 1 : les panneaux « nourrir » et « duel », et deux
petits widgets (les barres des lettres, les puces des prénoms lus).

`DessinDevine` est la moitié « dessin » de `VueDevine` (levels/l1_devine/view.py) :
elle ne fait que lire l'état et la mise en page de la vue.
"""

import pygame

from levels.l1_devine import logic

WORD_BOX = 64  # the letters of the duel's name


class DessinDevine:
    """Les méthodes de dessin de la vue du niveau 1 (une classe à hériter)."""

    def _dessiner_nourrir(self, surface):
        theme, c = self.theme, self.theme.colors
        etat = self.etat
        rect = self.loss_rect
        done = self.niveau.est_termine(etat)
        theme.draw_panel(surface, rect, fill=c.panel)
        color = c.good if etat.perte <= logic.SEUIL_PERTE else c.ink
        inner = rect.inflate(-24, -16)
        role = self._role_perte(rect.w)
        title_h = theme.line_height(role)
        # Near the bar, 3 decimals: « 2,848 » is clearly under 2,85, « 2,85 » is not.
        decimals = 3 if abs(etat.perte - logic.SEUIL_PERTE) < 0.005 else 2
        theme.draw_text(
            surface,
            self.t("vue.perte", perte=self.nombre(etat.perte, decimals)),
            (inner.x, inner.y, inner.w, title_h),
            role,
            color,
            "left",
            "middle",
        )
        top = inner.y + title_h
        sub = self._sous_titre_perte()
        sub_h = min(theme.text_height(sub, inner.w, "small"), inner.bottom - top)
        self.sous_titre_rect = pygame.Rect(inner.x, top, inner.w, sub_h)
        top += theme.draw_text(surface, sub, self.sous_titre_rect, "small", c.ink_soft)
        if done:
            message, mcolor = self.t("vue.reussi"), c.good
        else:
            message, mcolor = self.message, c.good if self.message_bon else c.bad
        if message:
            top += 4
            theme.draw_text(
                surface, message, (inner.x, top, inner.w, inner.bottom - top), "small", mcolor
            )

    def _dessiner_dessus_nourrir(self, surface):
        theme, c = self.theme, self.theme.colors
        label = self.type_label_rect
        theme.draw_text(surface, self.texte_saisie(), label, "small", c.ink_soft)
        rect = self.chips_rect
        n = len(self.etat.prenoms)
        text = self.t("vue.lus", n=n) if n else self.t("vue.lus_aucun")
        lines = 1 if n else 2  # no names yet: the room of the chips is free
        theme.draw_text(
            surface,
            text,
            (rect.x, rect.y, rect.w, lines * theme.line_height("small") + 4),
            "small",
            c.ink_soft,
        )
        if self.hidden_chips:
            x, y, h = self.more_pos
            if y + h > rect.bottom and self.chips:
                x, y = self.chips[-1].rect.right + 6, self.chips[-1].rect.y
            elif y + h > rect.bottom:
                x, y = rect.x, min(y, rect.bottom - h)
            theme.text(
                surface,
                f"+{self.hidden_chips}",
                (x + 4, y + h // 2),
                "small",
                c.ink_soft,
                "midleft",
            )

    def _role_regle_duel(self, inner):
        """The rule in the body size if the duel still fits under it, else a bit smaller."""
        theme = self.theme
        needed = (
            theme.line_height("small")
            + WORD_BOX
            + theme.line_height("heading")
            + theme.line_height("body")
            + 40
        )
        rule = self.t("vue.duel_regle")
        room = self.keys_top - inner.y - needed
        return "body" if theme.text_height(rule, inner.w, "body") <= room else "small"

    def _dessiner_duel(self, surface):
        theme, c = self.theme, self.theme.colors
        panel = self.duel_panel
        theme.draw_panel(surface, panel)
        inner = panel.inflate(-32, -24)
        role = self._role_regle_duel(inner)
        rule = self.t("vue.duel_regle")
        rule_h = theme.text_height(rule, inner.w, role)
        theme.draw_text(surface, rule, (inner.x, inner.y, inner.w, rule_h), role, c.ink_soft)
        duel = self.etat.duel
        self.word_boxes = []
        score = self.score_rect
        theme.draw_panel(surface, score, fill=c.panel)
        if duel is None:
            closed = self.t("vue.duel_ferme", n=len(self.etat.prenoms))
            box = pygame.Rect(
                inner.x, inner.y + rule_h + 8, inner.w, self.keys_top - inner.y - rule_h
            )
            theme.draw_text(surface, closed, box, "heading", c.ink, "center", "middle")
            return
        text = self.t("vue.duel_score", toi=duel.toi, coups=duel.coups)
        box = score.inflate(-16, -16)
        big = "title" if theme.font("title").size(text)[0] <= box.w else "heading"
        theme.draw_text(surface, text, box, big, c.ink, "center", "middle")
        rows = self.rangs_duel(inner, rule_h)
        self.duel_rows = {"regle": pygame.Rect(inner.x, inner.y, inner.w, rule_h), **rows}
        if not duel.fini:
            self._dessiner_coup(surface, duel, rows)
        else:
            if duel.toi >= logic.SEUIL_DUEL:
                text, color = self.t("vue.duel_gagne", toi=duel.toi, machine=duel.machine), c.good
            else:
                text, color = self.t("vue.duel_perdu", toi=duel.toi, machine=duel.machine), c.bad
            theme.draw_text(surface, text, rows["fin"], "heading", color, "center", "middle")
        if duel.dernier:
            d = duel.dernier
            line = self.t(
                "vue.duel_dernier",
                toi=self._lettre(d["toi"]),
                machine=self._lettre(d["machine"]),
                bonne=self._lettre(d["bonne"]),
            )
            theme.draw_text(surface, line, rows["dernier"], "body", c.ink_soft, "center", "middle")

    def rangs_duel(self, inner, rule_h):
        """The duel's rows under the rule, none over another: {"compteur", "mot",
        "question", "dernier", "fin"} (rects). The last guess sits just above the keys; the
        count, the name and the question share the room above it, spare room between them.
        When the room is short (large text), the count moves beside the name."""
        theme = self.theme
        last_h = theme.line_height("body")
        last = pygame.Rect(inner.x, self.keys_top - last_h - 8, inner.w, last_h)
        top, bottom = inner.y + rule_h, last.y - 4
        small_h, head_h = theme.line_height("small"), theme.line_height("heading")
        stacked = 2 * small_h + WORD_BOX + head_h <= bottom - top - 12
        used = (2 * small_h if stacked else 0) + WORD_BOX + head_h
        gap = max(2, (bottom - top - used) // 4)
        y = top + gap
        if stacked:
            count = pygame.Rect(inner.x, y, inner.w, 2 * small_h)
            y = count.bottom + 4
            word = pygame.Rect(inner.x, y, inner.w, WORD_BOX)
        else:
            widest = (self.t("vue.duel_nouveau"), self.t("vue.duel_coup", n=10, total=10))
            side = max(theme.font("small").size(text)[0] for text in widest) + 8
            count = pygame.Rect(inner.x, y, side, WORD_BOX)
            word = pygame.Rect(count.right + 8, y, inner.right - count.right - 8, WORD_BOX)
        question = pygame.Rect(inner.x, word.bottom + gap, inner.w, head_h)
        end = pygame.Rect(inner.x, top + 8, inner.w, max(0, bottom - top - 8))
        return {"compteur": count, "mot": word, "question": question, "dernier": last, "fin": end}

    def _dessiner_coup(self, surface, duel, rows):
        """The count (« Coup 4 sur 10 », « Nouveau prénom ! »), the name, the question."""
        theme, c = self.theme, self.theme.colors
        count = rows["compteur"]
        lines = [self.t("vue.duel_coup", n=duel.coups + 1, total=logic.COUPS_DUEL)]
        if duel.dernier and duel.dernier.get("nouveau"):
            lines.append(self.t("vue.duel_nouveau"))
        small_h = theme.line_height("small")
        y = count.centery - len(lines) * small_h // 2
        for line, color in zip(lines, (c.ink_soft, c.second), strict=False):
            box = (count.x, y, count.w, small_h)
            theme.draw_text(surface, line, box, "small", color, "center")
            y += small_h
        self._dessiner_mot(surface, duel, rows["mot"])
        question = self.t("vue.duel_question")
        theme.draw_text(surface, question, rows["question"], "heading", c.ink, "center")

    def _dessiner_mot(self, surface, duel, rect):
        theme, c = self.theme, self.theme.colors
        mot = duel.lettres()
        shown = mot[: duel.montrees]
        side = WORD_BOX
        gap = 10
        count = len(shown) + 1
        x = rect.centerx - (count * (side + gap) - gap) // 2
        self.word_boxes = []
        for i in range(count):
            box = pygame.Rect(x + i * (side + gap), rect.y + (rect.h - side) // 2, side, side)
            if i < len(shown):
                self.word_boxes.append((box, shown[i]))
                chosen = shown[i] == self.duel_row
                pygame.draw.rect(surface, c.panel, box, border_radius=10)
                edge = c.second if chosen else c.panel_edge
                pygame.draw.rect(surface, edge, box, 3, border_radius=10)
                theme.draw_text(surface, shown[i].upper(), box, "title", c.ink, "center", "middle")
            else:
                fill = c.accent
                pygame.draw.rect(surface, fill, box, border_radius=10)
                theme.draw_text(surface, "?", box, "title", theme.ink_on(fill), "center", "middle")


_PUCES = {}
_BARRES = {}


def classe_barres(ui):
    """A `ui.BarChart` whose title may take two lines (large text sizes)."""
    if ui not in _BARRES:

        class Barres(ui.BarChart):
            def _title_lines(self, title=None):
                title = self.title if title is None else title
                width = self.rect.w - 2 * self.theme.pad
                too_long = self.theme.font("body").size(title)[0] > width
                return 2 if title and too_long else 1

            _drawn_title = None  # the title while `draw` hides it from the base class

            def plot_rect(self):
                plot = super().plot_rect()
                lines = self._title_lines(self._drawn_title)
                extra = (lines - 1) * self.theme.line_height("body")
                return pygame.Rect(plot.x, plot.y + extra, plot.w, max(4, plot.h - extra))

            def draw(self, surface):
                if self._title_lines() == 1:
                    super().draw(surface)
                    return
                title, self.title, self._drawn_title = self.title, "", self.title
                try:
                    super().draw(surface)  # a hovered bar's readout shows instead of the title
                finally:
                    self.title, self._drawn_title = title, None
                if self.active is None:
                    theme = self.theme
                    head = pygame.Rect(
                        self.rect.x + theme.pad,
                        self.rect.y + theme.pad,
                        self.rect.w - 2 * theme.pad,
                        2 * theme.line_height("body"),
                    )
                    theme.draw_text(surface, title, head, "body")

        _BARRES[ui] = Barres
    return _BARRES[ui]


def classe_puce(ui):
    """A small name chip (a `ui.Clickable`): clicking it removes the name."""
    if ui not in _PUCES:

        class Puce(ui.Clickable):
            def __init__(self, theme, rect, text, on_click, tooltip):
                super().__init__(theme, rect, tooltip)
                self.text, self.on_click = text, on_click

            def activate(self):
                self.on_click()

            def draw(self, surface):
                theme, c = self.theme, self.theme.colors
                fill = c.disabled if self.hovered else c.panel
                rect = self.rect.move(0, 2) if self.down else self.rect
                pygame.draw.rect(surface, fill, rect, border_radius=rect.h // 2)
                pygame.draw.rect(surface, c.second, rect, 2, border_radius=rect.h // 2)
                theme.draw_text(surface, self.text, rect, "small", c.ink, "center", "middle")

        _PUCES[ui] = Puce
    return _PUCES[ui]
