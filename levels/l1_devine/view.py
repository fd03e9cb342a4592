"""L'écran du niveau 1 : nourrir la machine avec des prénoms, et le duel.

La vue ne fait que transformer les clics et les touches en actions (`partie.jouer`)
et dessiner l'état ; tout le calcul est dans `logic.py`. Elle n'importe pas `game` :
les widgets arrivent par `ctx.ui`, le thème par `ctx.theme`, les textes par `ctx.t`.
"""

import pygame

from engine.vocab import VOCAB
from levels.l1_devine import logic
from levels.l1_devine.dessin import DessinDevine, classe_barres
from levels.l1_devine.maj import BAR_LETTERS, MajDevine  # noqa: F401
from levels.vue import VueNiveau

CHIPS_MAX = 24  # names shown in the « read » list (the most recent)
CURVE_MIN_H = 120  # under this height the loss curve is left out (largest text size)


def make_view(level, partie, ctx):
    return VueDevine(level, partie, ctx)


class VueDevine(MajDevine, DessinDevine, VueNiveau):
    def __init__(self, level, partie, ctx):
        super().__init__(level, partie, ctx)
        self.tab = "nourrir"
        self.row = "a"  # the letter whose row is shown as bars
        self.duel_row = None  # the duel: the letter the kid clicked in the hidden name
        self.word_boxes = []  # the duel: (rect, letter) of the shown letters, as drawn
        self.message_bon = True
        self.construire()

    # ------------------------------------------------------------------ layout
    def construire(self):
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
                on_click=lambda tab=tab: self.montrer(tab),
            )
            self.tab_buttons[tab] = self.box.add(button)
        self.body = pygame.Rect(
            x0, y0 + h + 12, area.right - 20 - x0, area.bottom - 14 - y0 - h - 12
        )
        self.feed_widgets = []
        self.duel_widgets = []
        self._construire_nourrir(pad)
        self._construire_duel(pad)
        self.maj()

    def _construire_nourrir(self, pad):
        # Long on purpose: the layout reads top to bottom, one widget after the other on one
        # running y; cut in pieces, every piece would need the whole list of measures.
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
            on_select=self.choisir_ligne,
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
            button = ui.Button(theme, rect, "", on_click=lambda i=i: self.donner_carte(i))
            self.card_buttons.append(button)
        y = inner.y + rows * (h + 8)
        self.more_cards = ui.Button(
            theme,
            (inner.x, y, inner.w, h),
            self.t("vue.nouvelles_cartes"),
            self.nouvelles_cartes,
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
            max_length=logic.LONGUEUR_MAX + 10,  # « Hélène-Marie » : folded, then checked
            on_submit=self.donner_tape,
        )
        self.give = ui.Button(
            theme,
            (inner.right - give_w, y, give_w, h),
            self.t("vue.donner"),
            on_click=lambda: self.donner_tape(self.field.text),
        )
        y += h + 14
        self.chips_rect = pygame.Rect(inner.x, y, inner.w, middle.bottom - pad - y)
        self.chips = []
        right = pygame.Rect(middle.right + pad, body.y, body.right - middle.right - pad, body.h)
        self.loss_rect = pygame.Rect(right.x, right.y, right.w, self._hauteur_perte(right.w))
        bars_top = self.loss_rect.bottom + pad
        room = right.bottom - bars_top - pad
        curve_h = min(room - self._hauteur_min_barres(right.w), room // 2)
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
        self.bars = classe_barres(ui)(
            theme,
            bars_rect,
            [],
            [],
            title="",
            y_max=1.0,
            fmt=lambda v: self.theme.format_percent(v),  # one decimal at every size: « 3,7 % »
        )
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

    def _construire_duel(self, pad):
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
                on_click=lambda c=lettre: self.deviner(c),
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
            on_click=self.lancer_duel,
            icon="play",
        )
        self.machine_bars = classe_barres(ui)(
            theme,
            (right.x, right.y + h + pad + 120, right.w, right.bottom - right.y - h - pad - 120),
            [],
            [],
            y_max=1.0,
            fmt=lambda v: str(int(v)),  # the table's counts: « 4 » times after this letter
        )
        self.score_rect = pygame.Rect(right.x, right.y + h + pad, right.w, 110)
        self.duel_widgets = [*self.keys, self.new_duel, self.machine_bars]
        self.box.add(*self.duel_widgets)

    def _role_perte(self, width):
        """The big loss figure: the title size, or the heading size if it would not fit."""
        sample = self.t("vue.perte", perte=self.nombre(3.3, 3))
        fits = self.theme.font("title").size(sample)[0] <= width - 24
        return "title" if fits else "heading"

    def _sous_titre_perte(self):
        sub = self.t("vue.perte_but", seuil=self.nombre(logic.SEUIL_PERTE))
        sub += " · " + self.t("vue.secrets", n=len(logic.prenoms_examen()))
        return sub + " · " + self.t("vue.perte_sens")  # what 0 and 3,30 mean

    def _hauteur_perte(self, width):
        """Room for the figure, its whole subtitle (wrapped) and a message (2 lines)."""
        theme = self.theme
        line = theme.line_height("small")
        sub_h = theme.text_height(self._sous_titre_perte(), width - 24, "small")
        return 16 + theme.line_height(self._role_perte(width)) + sub_h + 4 + 2 * line

    def _hauteur_min_barres(self, width):
        theme = self.theme
        title = self.t("vue.apres", lettre="m")
        lines = 2 if theme.font("body").size(title)[0] > width - 2 * theme.pad else 1
        fixed = 2 * theme.pad + lines * theme.line_height("body") + 4
        return fixed + theme.line_height("tiny") + theme.line_height("small") + 70

    # ------------------------------------------------------------------ actions
    def jouer(self, action, son=None):
        """Comme `VueNiveau.jouer` ; en plus, dit de combien la perte a bougé (sinon le
        message d'avant reste)."""
        avant, message = self.etat.perte, (self.message, self.message_bon)
        refus = super().jouer(action, son)
        if refus is not None:
            return refus
        apres = self.etat.perte
        if action["type"] in ("nourrir", "oublier", "vider") and apres != avant:
            delta = self.nombre(abs(apres - avant), 3)
            cle = "vue.perte_baisse" if apres < avant else "vue.perte_monte"
            self.dire(self.t(cle, delta=delta), apres < avant)
        else:
            self.dire(*message)
        return None

    def donner_carte(self, i):
        if i < len(self.etat.cartes):
            prenom = self.etat.cartes[i]
            if self.jouer({"type": "nourrir", "prenom": prenom}) is None:
                self.row = prenom[0]
                self.maj()

    def lu_de(self, text):
        """What the machine will read of a typed name (None: not a name)."""
        try:
            return logic.prenom_lu(text)
        except logic.ActionRefusee:
            return None

    def texte_saisie(self):
        """The line over the field: what the machine will read, said before giving it
        (« Léa » → « lea » : accents and ligatures become plain letters)."""
        text = (self.field.text or "").strip()
        lu = self.lu_de(text) if text else None
        if not lu or lu == text.lower():
            return self.t("vue.taper")
        return self.t("vue.lira_plie", prenom=lu)

    def donner_tape(self, text):
        text = (text or "").strip()
        if not text:
            return
        lu = self.lu_de(text)
        if self.jouer({"type": "nourrir", "prenom": text}) is None:
            self.field.set_text("")
            if lu and lu != text.lower():  # « Léa », « Jean-Pierre » : say what was read
                self.dire(self.t("vue.lira", tape=text, prenom=lu) + " · " + self.message, True)

    def nouvelles_cartes(self):
        self.jouer({"type": "cartes"})

    def oublier(self, prenom):
        self.jouer({"type": "oublier", "prenom": prenom})

    def choisir_ligne(self, row, _col=None):
        self.row = VOCAB[row]
        self.maj()

    def lancer_duel(self):
        self.duel_row = None
        self.jouer({"type": "duel"})

    def deviner(self, lettre):
        duel = self.etat.duel
        if duel is None or duel.fini:
            self.lancer_duel()
            return
        self.duel_row = None  # a new letter is shown: the kid picks the row again
        self.jouer({"type": "deviner", "lettre": lettre})

    def choisir_ligne_duel(self, pos):
        """A click on a shown letter of the hidden name: its row of the frozen table."""
        for rect, lettre in self.word_boxes:
            if rect.collidepoint(pos):
                self.duel_row = lettre
                self.maj()
                return True
        return False

    def montrer(self, tab):
        self.tab = tab
        if (
            tab == "duel"
            and self.etat.duel is None
            and len(self.etat.prenoms) >= logic.PRENOMS_DUEL
        ):
            self.lancer_duel()
        self.maj()

    # ------------------------------------------------------------------ maj
    def maj(self):
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
            self._refaire_courbe()
            self._maj_barres()
            self._faire_puces()
        else:
            self._maj_barres_machine()

    # ------------------------------------------------------------------ helpers
    def _lettre(self, c):
        return self.t("vue.duel_fin") if c == logic.FIN else c

    # ------------------------------------------------------------------ scene protocol
    def handle_event(self, event):
        click = event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 0) == 1
        if self.tab == "duel" and click and self.choisir_ligne_duel(event.pos):
            return True
        if self.tab == "duel" and event.type == pygame.KEYDOWN:
            char = (getattr(event, "unicode", "") or "").lower()
            if len(char) == 1 and char in logic.LETTRES:
                self.deviner(char)
                return True
            keyboard_nav = self.box.show_focus and self.box.focused is not None
            enter = event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
            if char == "." or (enter and not keyboard_nav):
                self.deviner(logic.FIN)
                return True
        return self.box.handle_event(event)

    def update(self, dt):
        self.box.update(dt)

    def draw(self, surface):
        if self.tab == "nourrir":
            self._dessiner_nourrir(surface)
        else:
            self._dessiner_duel(surface)
        self.box.draw(surface)
        if self.tab == "nourrir":
            self._dessiner_dessus_nourrir(surface)
        elif self.etat.duel is not None and not self.machine_bars.labels:
            # No row picked yet: the bars are empty, say what will show there (never over bars).
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
