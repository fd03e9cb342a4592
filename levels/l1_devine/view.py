"""L'écran du niveau 1 : nourrir la machine avec des prénoms, et le duel.

La vue ne fait que transformer les clics et les touches en actions (`partie.jouer`)
et dessiner l'état ; tout le calcul est dans `logic.py`. Elle n'importe pas `game` :
les widgets arrivent par `ctx.ui`, le thème par `ctx.theme`, les textes par `ctx.t`.
"""

import pygame

from engine.vocab import VOCAB
from levels.l1_devine import logic
from levels.vue import VueNiveau

CHIPS_MAX = 24  # names shown in the « read » list (the most recent)
BAR_LETTERS = 8
WORD_BOX = 64  # the letters of the duel's name
CURVE_MIN_H = 120  # under this height the loss curve is left out (largest text size)


def make_view(level, partie, ctx):
    return VueDevine(level, partie, ctx)


class VueDevine(VueNiveau):
    def __init__(self, level, partie, ctx):
        super().__init__(level, partie, ctx)
        self.tab = "nourrir"
        self.row = "a"  # the letter whose row is shown as bars
        self.message_good = True
        self.build()

    # ------------------------------------------------------------------ layout
    def rebuild(self):
        self.build()

    def build(self):
        ui, theme = self.ui, self.theme
        self.box = ui.Container(theme)
        area = self.area
        h = theme.control_height
        pad = 16
        x0, y0 = area.x + 20, area.y + 10
        tabs = (("nourrir", "onglet_nourrir"), ("duel", "onglet_duel"))
        labels = [self.t(f"vue.{key}") for _, key in tabs]
        widest = max(theme.font("body").size(label)[0] for label in labels)
        tab_w = max(300, widest + 2 * theme.pad + 24)  # the label never shrinks
        self.tab_buttons = {}
        for i, ((tab, _key), label) in enumerate(zip(tabs, labels, strict=True)):
            button = ui.Button(
                theme,
                (x0 + i * (tab_w + 12), y0, tab_w, h),
                label,
                on_click=lambda tab=tab: self.show(tab),
            )
            self.tab_buttons[tab] = self.box.add(button)
        self.body = pygame.Rect(
            x0, y0 + h + 12, area.right - 20 - x0, area.bottom - 14 - y0 - h - 12
        )
        self.feed_widgets = []
        self.duel_widgets = []
        self._build_feed(pad)
        self._build_duel(pad)
        self.refresh()

    def _build_feed(self, pad):
        ui, theme, body = self.ui, self.theme, self.body
        h = theme.control_height
        left = pygame.Rect(body.x, body.y, 500, body.h)
        self.heatmap = ui.HeatMap(
            theme,
            left,
            VOCAB,
            VOCAB,
            self.etat.comptes,
            title=self.t("vue.tableau"),
            readout=lambda r, c, v: self.t("vue.tableau_lecture", avant=r, apres=c, n=int(v)),
            on_select=self.pick_row,
            log_scale=True,
            hint=self.t("vue.tableau_vide"),
        )
        middle = pygame.Rect(left.right + pad, body.y, 380, body.h)
        self.cards_panel = ui.Panel(theme, middle, self.t("vue.cartes"))
        inner = self.cards_panel.content_rect
        card_w = (inner.w - 10) // 2
        line_s = theme.line_height("small")
        below = (h + 14) + (line_s + 4) + (h + 14) + (line_s + 6) + (line_s + 16)
        rows = 3 if inner.h >= 3 * (h + 8) + below else 2  # big text: fewer cards shown
        self.shown_cards = 2 * rows
        self.card_buttons = []
        for i in range(logic.NOMBRE_CARTES):
            rect = (inner.x + (i % 2) * (card_w + 10), inner.y + (i // 2) * (h + 8), card_w, h)
            button = ui.Button(theme, rect, "", on_click=lambda i=i: self.feed_card(i))
            self.card_buttons.append(button)
        y = inner.y + rows * (h + 8)
        self.more_cards = ui.Button(
            theme,
            (inner.x, y, inner.w, h),
            self.t("vue.nouvelles_cartes"),
            self.new_cards,
            icon="right",
            style="secondary",
            tooltip=self.t("vue.nouvelles_cartes_aide"),
        )
        y += h + 14
        self.type_label_rect = pygame.Rect(inner.x, y, inner.w, theme.line_height("small"))
        y += theme.line_height("small") + 4
        give_w = max(120, theme.font("body").size(self.t("vue.donner"))[0] + 2 * theme.pad + 8)
        self.field = ui.TextField(
            theme,
            (inner.x, y, inner.w - give_w - 8, h),
            "",
            "lina",
            max_length=logic.LONGUEUR_MAX,
            on_submit=self.feed_typed,
        )
        self.give = ui.Button(
            theme,
            (inner.right - give_w, y, give_w, h),
            self.t("vue.donner"),
            on_click=lambda: self.feed_typed(self.field.text),
        )
        y += h + 14
        self.chips_rect = pygame.Rect(inner.x, y, inner.w, middle.bottom - pad - y)
        self.chips = []
        right = pygame.Rect(middle.right + pad, body.y, body.right - middle.right - pad, body.h)
        self.loss_rect = pygame.Rect(right.x, right.y, right.w, self._loss_height(right.w))
        bars_top = self.loss_rect.bottom + pad
        room = right.bottom - bars_top - pad
        curve_h = min(room - self._bars_min_height(right.w), room // 2)
        self.curve = ui.LineChart(
            theme,
            (right.x, bars_top, right.w, max(curve_h, 40)),
            self.t("vue.courbe"),
            reference=logic.SEUIL_PERTE,
            reference_label=self.t("vue.perte_but", seuil=self.nombre(logic.SEUIL_PERTE)),
            x_label=self.t("vue.courbe_x"),
        )
        self.show_curve = curve_h >= CURVE_MIN_H  # big text: the loss figure is enough
        if self.show_curve:
            bars_top = self.curve.rect.bottom + pad
        bars_rect = (right.x, bars_top, right.w, right.bottom - bars_top)
        self.bars = classe_barres(ui)(theme, bars_rect, [], [], title="", y_max=1.0)
        self.feed_widgets = [
            self.heatmap,
            self.cards_panel,
            *self.card_buttons,
            self.more_cards,
            self.field,
            self.give,
            self.curve,
            self.bars,
        ]
        self.box.add(*self.feed_widgets)

    def _build_duel(self, pad):
        ui, theme, body = self.ui, self.theme, self.body
        left = pygame.Rect(body.x, body.y, 820, body.h)
        right = pygame.Rect(left.right + pad, body.y, body.right - left.right - pad, body.h)
        self.duel_panel = left
        key = 58
        gap = 8
        self.keys = []
        letters = [*VOCAB[1:], logic.FIN]
        per_row = 10
        rows = (len(letters) + per_row - 1) // per_row
        kx = left.x + (left.w - (per_row * (key + gap) - gap)) // 2
        ky = left.bottom - rows * (key + gap) - 10
        for i, lettre in enumerate(letters):
            wide = 2 if lettre == logic.FIN else 1
            rect = (
                kx + (i % per_row) * (key + gap),
                ky + (i // per_row) * (key + gap),
                wide * key + (wide - 1) * gap,
                key,
            )
            label = self.t("vue.duel_fin") if lettre == logic.FIN else lettre
            tip = self.t("vue.duel_fin_aide") if lettre == logic.FIN else None
            button = ui.Button(
                theme,
                rect,
                label,
                on_click=lambda c=lettre: self.guess(c),
                style="secondary",
                tooltip=tip,
            )
            self.keys.append(button)
        self.keys_top = ky
        h = theme.control_height
        self.new_duel = ui.Button(
            theme,
            (right.x, right.y, right.w, h),
            self.t("vue.duel_lancer"),
            on_click=self.start_duel,
            icon="play",
        )
        self.machine_bars = classe_barres(ui)(
            theme,
            (right.x, right.y + h + pad + 120, right.w, right.bottom - right.y - h - pad - 120),
            [],
            [],
            y_max=1.0,
        )
        self.score_rect = pygame.Rect(right.x, right.y + h + pad, right.w, 110)
        self.duel_widgets = [*self.keys, self.new_duel, self.machine_bars]
        self.box.add(*self.duel_widgets)

    def _loss_role(self, width):
        """The big loss figure: the title size, or the heading size if it would not fit."""
        sample = self.t("vue.perte", perte=self.nombre(3.3, 3))
        fits = self.theme.font("title").size(sample)[0] <= width - 24
        return "title" if fits else "heading"

    def _loss_subtitle(self):
        sub = self.t("vue.perte_but", seuil=self.nombre(logic.SEUIL_PERTE))
        return sub + " · " + self.t("vue.secrets", n=len(logic.prenoms_examen()))

    def _loss_height(self, width):
        """Room for the figure, its subtitle (≤ 2 lines) and a message (2 lines)."""
        theme = self.theme
        line = theme.line_height("small")
        sub_h = min(2 * line, theme.text_height(self._loss_subtitle(), width - 24, "small"))
        return 16 + theme.line_height(self._loss_role(width)) + sub_h + 4 + 2 * line

    def _bars_min_height(self, width):
        theme = self.theme
        title = self.t("vue.apres", lettre="m")
        lines = 2 if theme.font("body").size(title)[0] > width - 2 * theme.pad else 1
        fixed = 2 * theme.pad + lines * theme.line_height("body") + 4
        return fixed + theme.line_height("tiny") + theme.line_height("small") + 70

    # ------------------------------------------------------------------ actions
    def play(self, action):
        before = self.etat.perte
        refus = self.partie.jouer(action)
        if refus is not None:
            self.message, self.message_good = refus, False
            self._sound("error")
            return False
        after = self.etat.perte
        if action["type"] in ("nourrir", "oublier", "vider") and after != before:
            delta = self.nombre(abs(after - before), 3)
            key = "vue.perte_baisse" if after < before else "vue.perte_monte"
            self.message, self.message_good = self.t(key, delta=delta), after < before
        self.refresh()
        return True

    def feed_card(self, i):
        if i < len(self.etat.cartes):
            prenom = self.etat.cartes[i]
            if self.play({"type": "nourrir", "prenom": prenom}):
                self.row = prenom[0]
                self.refresh()

    def feed_typed(self, text):
        text = (text or "").strip()
        if not text:
            return
        if self.play({"type": "nourrir", "prenom": text}):
            self.field.set_text("")

    def new_cards(self):
        self.play({"type": "cartes"})

    def forget(self, prenom):
        self.play({"type": "oublier", "prenom": prenom})

    def pick_row(self, row, _col=None):
        self.row = VOCAB[row]
        self.refresh()

    def start_duel(self):
        self.play({"type": "duel"})

    def guess(self, lettre):
        duel = self.etat.duel
        if duel is None or duel.fini:
            self.start_duel()
            return
        self.play({"type": "deviner", "lettre": lettre})

    def show(self, tab):
        self.tab = tab
        if tab == "duel" and self.etat.duel is None:
            self.start_duel()
        self.refresh()

    # ------------------------------------------------------------------ refresh
    def refresh(self):
        etat = self.etat
        for tab, button in self.tab_buttons.items():
            button.style = "primary" if tab == self.tab else "secondary"
        for widget in self.feed_widgets:
            widget.visible = self.tab == "nourrir"
        self.curve.visible = self.tab == "nourrir" and self.show_curve
        for button in self.card_buttons[self.shown_cards :]:
            button.visible = False
        for widget in self.duel_widgets:
            widget.visible = self.tab == "duel"
        for chip in self.chips:
            self.box.remove(chip)
        self.chips = []
        self.hidden_chips = 0
        if self.tab == "nourrir":
            for button, prenom in zip(self.card_buttons, etat.cartes, strict=False):
                button.label = prenom.capitalize()
            self.heatmap.values = etat.comptes
            self.heatmap.hint = self.t("vue.tableau_aide" if etat.prenoms else "vue.tableau_vide")
            self.curve.clear()
            self._replay_curve()
            self._refresh_bars()
            self._make_chips()
        else:
            self._refresh_machine_bars()

    def _replay_curve(self):
        """The loss after each name read so far (recomputed: cheap, 27 × 27)."""
        from engine.bigramme import ajouter_mot, tableau_vide

        comptes = tableau_vide()
        self.curve.append(logic.perte_du_modele(comptes))
        for prenom in self.etat.prenoms[-60:] if len(self.etat.prenoms) <= 60 else []:
            ajouter_mot(comptes, prenom)
            self.curve.append(logic.perte_du_modele(comptes))
        if len(self.etat.prenoms) > 60:
            self.curve.append(self.etat.perte)

    def _refresh_bars(self):
        top = logic.ligne_de_probabilites(self.etat.comptes, self.row, BAR_LETTERS)
        labels = [self._letter(c) for c, _ in top]
        self.bars.set_data(labels, [p for _, p in top], highlight=0)
        self.bars.y_max = max(0.25, top[0][1])
        self.bars.title = self.t("vue.apres", lettre=self._letter(self.row))

    def _refresh_machine_bars(self):
        """What the machine thought at the last guess (shown after, not before: it's a duel)."""
        duel = self.etat.duel
        if duel is None or duel.dernier is None:
            self.machine_bars.set_data([], [])
            self.machine_bars.title = ""
            return
        lettre = duel.dernier["apres"]
        ligne = logic.probas_machine()[VOCAB.index(lettre)]
        ordre = sorted(range(len(ligne)), key=lambda j: (-ligne[j], j))[:BAR_LETTERS]
        labels = [self._letter(VOCAB[j]) for j in ordre]
        bonne = VOCAB.index(duel.dernier["bonne"])
        highlight = ordre.index(bonne) if bonne in ordre else 0
        self.machine_bars.set_data(labels, [ligne[j] for j in ordre], highlight=highlight)
        self.machine_bars.y_max = max(0.25, ligne[ordre[0]])
        self.machine_bars.title = self.t("vue.duel_machine_pense", lettre=lettre)

    def _make_chips(self):
        ui, theme = self.ui, self.theme
        rect = self.chips_rect
        top = rect.y + theme.line_height("small") + 6
        x, y = rect.x, top
        h = theme.line_height("small") + 10
        more_w = theme.font("small").size("+99")[0] + 12
        self.hidden_chips = 0
        prenoms = list(reversed(self.etat.prenoms))
        for rank, prenom in enumerate(prenoms):
            w = theme.font("small").size(prenom)[0] + 20
            if x + w > rect.right:
                x, y = rect.x, y + h + 6
            last_row = y + 2 * h + 6 > rect.bottom
            if y + h > rect.bottom or (
                last_row and x + w + more_w > rect.right and rank < len(prenoms) - 1
            ):
                self.hidden_chips = len(prenoms) - rank
                self.more_pos = (x, y, h)
                break
            chip = classe_puce(ui)(
                theme,
                (x, y, w, h),
                prenom,
                lambda p=prenom: self.forget(p),
                self.t("vue.retirer", prenom=prenom),
            )
            self.chips.append(chip)
            x += w + 6
        self.box.add(*self.chips)

    # ------------------------------------------------------------------ helpers
    def _sound(self, name):
        sounds = getattr(self.ctx, "sounds", None)
        if sounds is not None:
            sounds.play(name)

    def _letter(self, c):
        return self.t("vue.duel_fin") if c == logic.FIN else c

    # ------------------------------------------------------------------ scene protocol
    def handle_event(self, event):
        if self.tab == "duel" and event.type == pygame.KEYDOWN:
            char = (getattr(event, "unicode", "") or "").lower()
            if len(char) == 1 and char in logic.LETTRES:
                self.guess(char)
                return True
            keyboard_nav = self.box.show_focus and self.box.focused is not None
            enter = event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
            if char == "." or (enter and not keyboard_nav):
                self.guess(logic.FIN)
                return True
        return self.box.handle_event(event)

    def update(self, dt):
        self.box.update(dt)

    def draw(self, surface):
        if self.tab == "nourrir":
            self._draw_feed(surface)
        else:
            self._draw_duel(surface)
        self.box.draw(surface)
        if self.tab == "nourrir":
            self._draw_feed_overlay(surface)
        elif self.etat.duel is None or self.etat.duel.dernier is None:
            # Before the first guess the machine's bars are empty: say what will show there.
            box = self.machine_bars.rect.inflate(-2 * self.theme.pad, -2 * self.theme.pad)
            self.theme.draw_text(
                surface,
                self.t("vue.duel_machine_vide"),
                box,
                "small",
                self.theme.colors.ink_soft,
                "center",
                "middle",
            )

    def _draw_feed(self, surface):
        theme, c = self.theme, self.theme.colors
        etat = self.etat
        rect = self.loss_rect
        done = self.niveau.est_termine(etat)
        theme.draw_panel(surface, rect, fill=c.panel)
        color = c.good if etat.perte <= logic.SEUIL_PERTE else c.ink
        inner = rect.inflate(-24, -16)
        role = self._loss_role(rect.w)
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
        line = theme.line_height("small")
        top = inner.y + title_h
        top += theme.draw_text(
            surface, self._loss_subtitle(), (inner.x, top, inner.w, 2 * line), "small", c.ink_soft
        )
        if done:
            message, mcolor = self.t("vue.reussi"), c.good
        else:
            message, mcolor = self.message, c.good if self.message_good else c.bad
        if message:
            top += 4
            theme.draw_text(
                surface, message, (inner.x, top, inner.w, inner.bottom - top), "small", mcolor
            )

    def _draw_feed_overlay(self, surface):
        theme, c = self.theme, self.theme.colors
        label = self.type_label_rect
        theme.draw_text(surface, self.t("vue.taper"), label, "small", c.ink_soft)
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

    def _duel_rule_role(self, inner):
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

    def _draw_duel(self, surface):
        theme, c = self.theme, self.theme.colors
        panel = self.duel_panel
        theme.draw_panel(surface, panel)
        inner = panel.inflate(-32, -24)
        role = self._duel_rule_role(inner)
        rule = self.t("vue.duel_regle")
        rule_h = theme.text_height(rule, inner.w, role)
        theme.draw_text(surface, rule, (inner.x, inner.y, inner.w, rule_h), role, c.ink_soft)
        duel = self.etat.duel
        score = self.score_rect
        theme.draw_panel(surface, score, fill=c.panel)
        if duel is None:
            return
        text = self.t("vue.duel_score", toi=duel.toi, machine=duel.machine)
        box = score.inflate(-16, -16)
        big = "title" if theme.font("title").size(text)[0] <= box.w else "heading"
        theme.draw_text(surface, text, box, big, c.ink, "center", "middle")
        # Under the rule, from the top: « name n of 4 », the letters, the question; the
        # last guess just above the keys. Spare room goes between them, evenly.
        last_h = theme.line_height("body")
        bottom = self.keys_top - last_h - 12
        top = inner.y + rule_h
        if not duel.fini:
            small_h, head_h = theme.line_height("small"), theme.line_height("heading")
            used = small_h + WORD_BOX + head_h
            gap = max(4, (bottom - top - used) // 4)
            y = top + gap
            total = len(duel.prenoms)
            theme.draw_text(
                surface,
                self.t("vue.duel_prenom", n=duel.numero + 1, total=total),
                (inner.x, y, inner.w, small_h),
                "small",
                c.ink_soft,
                "center",
            )
            y += small_h + 4
            self._draw_word(surface, duel, pygame.Rect(inner.x, y, inner.w, WORD_BOX))
            y += WORD_BOX + gap
            theme.draw_text(
                surface,
                self.t("vue.duel_question"),
                (inner.x, y, inner.w, head_h),
                "heading",
                c.ink,
                "center",
            )
        else:
            if duel.toi > duel.machine:
                text, color = self.t("vue.duel_gagne", toi=duel.toi, machine=duel.machine), c.good
            elif duel.toi < duel.machine:
                text, color = self.t("vue.duel_perdu", toi=duel.toi, machine=duel.machine), c.bad
            else:
                text, color = self.t("vue.duel_egal", toi=duel.toi), c.ink
            box = pygame.Rect(inner.x, top + 8, inner.w, bottom - top - 8)
            theme.draw_text(surface, text, box, "heading", color, "center", "middle")
        if duel.dernier:
            d = duel.dernier
            line = self.t(
                "vue.duel_dernier",
                toi=self._letter(d["toi"]),
                machine=self._letter(d["machine"]),
                bonne=self._letter(d["bonne"]),
            )
            theme.draw_text(
                surface,
                line,
                (inner.x, bottom + 4, inner.w, last_h),
                "body",
                c.ink_soft,
                "center",
                "middle",
            )

    def _draw_word(self, surface, duel, rect):
        theme, c = self.theme, self.theme.colors
        mot = duel.lettres()
        shown = mot[: duel.montrees]
        side = WORD_BOX
        gap = 10
        count = len(shown) + 1
        x = rect.centerx - (count * (side + gap) - gap) // 2
        for i in range(count):
            box = pygame.Rect(x + i * (side + gap), rect.y + (rect.h - side) // 2, side, side)
            if i < len(shown):
                pygame.draw.rect(surface, c.panel, box, border_radius=10)
                pygame.draw.rect(surface, c.panel_edge, box, 3, border_radius=10)
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
