"""L'écran du niveau 3 : le plateau des notes, les lettres à glisser, la machine qui apprend.

Chaque lettre est un jeton (`ui.DraggableToken`) sur un plateau de 0 à 10 sur
chaque axe ; les lettres que l'enfant doit placer sont en couleur. Rien ne dit la
perte AVANT le coup (pas d'aperçu qui chercherait à la place de l'enfant) : lâcher
la lettre joue l'action « deplacer », et c'est APRÈS que l'écran montre ce qui a
changé et pourquoi (`etat.dernier` : la perte avant → après, ce que le modèle devine
maintenant après la lettre, et ce qui vient vraiment après elle).
Au clavier (Tab puis flèches), le déplacement est joué quand on s'arrête une
seconde, pour ne pas compter chaque flèche comme un coup.
"""

import pygame

from engine.vocab import LETTRES, VOCAB
from levels.l3_memoire import logic
from levels.l3_memoire.consigne import ConsigneMemoire
from levels.l3_memoire.jetons import classe_jeton, ecarter
from levels.l3_memoire.vue_suites import dessiner_suites, lignes_du_coup
from levels.vue import VueNiveau, classe_dessin

PAS_PAR_SECONDE = 30  # the machine's steps are animated
PAUSE_CLAVIER = 0.9  # seconds without arrows before a keyboard move is played


def make_view(level, partie, ctx):
    return VueMemoire(level, partie, ctx)


class VueMemoire(ConsigneMemoire, VueNiveau):
    def __init__(self, level, partie, ctx):
        super().__init__(level, partie, ctx)
        self.pending = None  # (token, seconds left) of a keyboard move not played yet
        self.last_mouse_up = False
        self.choisie = None  # the letter under the mouse, held or focused: its card shows
        self.construire()

    # ------------------------------------------------------------------ layout
    def construire(self):
        # Long on purpose: the layout reads top to bottom, one widget after the other on one
        # running y; cut in pieces, every piece would need the whole list of measures.
        ui, theme = self.ui, self.theme
        self.box = ui.Container(theme)
        area = self.area
        h = theme.control_height
        side = area.h - 24
        self.board_panel = pygame.Rect(area.x + 20, area.y + 10, side + 40, side)
        title_h = theme.line_height("body") + 8
        left_margin = theme.line_height("small") + theme.font("tiny").size("10")[0] + 16
        bottom_margin = theme.line_height("tiny") + theme.line_height("small") + 10
        board_side = side - title_h - 8 - bottom_margin
        self.board = pygame.Rect(
            self.board_panel.x + left_margin,
            self.board_panel.y + title_h + 8,
            board_side,
            board_side,
        )
        self.board_panel.w = self.board.right + 16 - self.board_panel.x
        libres = logic.plateau_de(self.etat.graine).libres
        self.box.add(classe_dessin(ui)(theme, self.board_panel, self._dessiner_plateau))
        size = max(34, theme.line_height("heading") + 8)
        self.tokens = {}
        for lettre in LETTRES:
            token = classe_jeton(ui)(
                theme,
                lettre,
                self.board.center,
                self.board,
                on_move=self.deplace,
                size=size,
                step=6,
                color=theme.colors.warn if lettre in libres else None,
            )
            self.tokens[lettre] = token
        self.box.add(*self.tokens.values())
        right = pygame.Rect(
            self.board_panel.right + 16,
            self.board_panel.y,
            area.right - 20 - self.board_panel.right - 16,
            self.board_panel.h,
        )
        line_s = theme.line_height("small")
        loss_h = theme.line_height("title") + 2 * line_s + 28
        self.loss_rect = pygame.Rect(right.x, right.y, right.w, loss_h)
        self.box.add(classe_dessin(ui)(theme, self.loss_rect, self._dessiner_perte))
        self.curve = self.box.add(
            ui.LineChart(
                theme,
                (right.x, self.loss_rect.bottom + 12, right.w, self._hauteur_courbe(right, h)),
                self.t("vue.courbe"),
                reference=logic.SEUIL_PERTE,
                reference_label=self.t("vue.courbe_but", seuil=self.nombre(logic.SEUIL_PERTE, 2)),
                x_label=self.t("vue.courbe_x"),
            )
        )
        # Over the curve while a letter is pointed at: what usually comes after it.
        self.box.add(classe_dessin(ui)(theme, self.curve.rect, self._dessiner_suites))
        y = self.curve.rect.bottom + 14
        self.machine = self.box.add(
            ui.Button(
                theme,
                (right.x, y, right.w, h),
                self.t("vue.machine"),
                self.entrainer,
                icon="play",
                tooltip=self.t("vue.machine_aide"),
            )
        )
        y += h + 10
        half = (right.w - 10) // 2
        self.stop = self.box.add(
            ui.Button(
                theme,
                (right.x, y, half, h),
                self.t("vue.arreter"),
                self.arreter,
                icon="stop",
                style="secondary",
            )
        )
        self.restart = self.box.add(
            ui.Button(
                theme,
                (right.x + half + 10, y, half, h),
                self.t("vue.recommencer"),
                self.recommencer,
                style="danger",
                tooltip=self.t("vue.recommencer_aide"),
            )
        )
        self.status_rect = pygame.Rect(right.x, y + h + 8, right.w, right.bottom - y - h - 8)
        self.box.add(classe_dessin(ui)(theme, self.status_rect, self._dessiner_etat))
        self.maj()

    # ------------------------------------------------------------------ coordinates
    def _en_notes(self, token):
        fx, fy = token.fraction
        return round(10 * fx, 1), round(10 * (1 - fy), 1)

    def _placer_jeton(self, token, x, y):
        token.set_fraction(x / 10, 1 - y / 10)

    # ------------------------------------------------------------------ actions
    def deplace(self, token):
        if self.occupe:
            self.maj()
            return
        if self.last_mouse_up:
            self._jouer_deplacement(token)
        else:
            self.pending = [token, PAUSE_CLAVIER]

    def _jouer_deplacement(self, token):
        self.pending = None
        x, y = self._en_notes(token)
        self.jouer({"type": "deplacer", "lettre": token.text, "x": x, "y": y})

    def entrainer(self):
        if self.occupe:
            return
        self._jouer_en_attente()
        reste = logic.ETAPES_MACHINE - self.etat.pas
        if reste <= 0:
            self.message = self.t("vue.aide_machine")
            return
        self.animer({"type": "entrainer", "etapes": reste}, PAS_PAR_SECONDE)

    def recommencer(self):
        self.arreter()
        self._jouer_en_attente()
        self.jouer({"type": "recommencer"})

    def _jouer_en_attente(self):
        if self.pending is not None:
            self._jouer_deplacement(self.pending[0])

    # ------------------------------------------------------------------ maj
    def maj(self):
        etat = self.etat
        busy = self.occupe
        self._placer_depuis_etat()
        for token in self.tokens.values():
            token.enabled = not busy
        done = self.niveau.est_termine(etat)
        self.machine.enabled = done and not busy and etat.pas < logic.ETAPES_MACHINE
        self.machine.tooltip = self.t("vue.machine_aide" if done else "vue.machine_bloquee")
        self.stop.enabled = busy
        self.restart.enabled = not busy and (etat.aide or etat.places != etat.depart)
        self.curve.clear()
        self.curve.extend(etat.historique)
        self._ordre_jetons(etat.aide)
        self._ecarter_jetons()

    def _placer_depuis_etat(self):
        """Every token not held (dragged, or moved by the arrows and not played yet) at its
        place in the state."""
        tenu = self._jeton_tenu()
        for lettre, token in self.tokens.items():
            if token is not tenu:
                self._placer_jeton(token, *self.etat.places[VOCAB.index(lettre)])

    def _ordre_jetons(self, vowels_on_top):
        """The kid's own letters are drawn last (on top). After the machine learned, the
        vowels pile up with their neighbours: they come next, « a » and « i » (the letters
        the message names) on the very top of the machine's letters."""
        libres = logic.plateau_de(self.etat.graine).libres
        vowels = "eouyai" if vowels_on_top else ""

        def rank(token):
            return (token.text in libres, token.text in vowels, vowels.find(token.text))

        widgets = self.box.widgets
        order = sorted(self.tokens.values(), key=rank)
        first = min(widgets.index(t) for t in order)
        widgets[first : first + len(order)] = order

    def _ecarter_jetons(self):
        """Tokens too close to each other are drawn a bit apart (the state keeps the real
        places): no letter hides another one."""
        tenu = self._jeton_tenu()
        libres = logic.plateau_de(self.etat.graine).libres
        places = {t.text: t.rect.topleft for t in self.tokens.values() if t is not tenu}
        size = next(iter(self.tokens.values())).rect.w
        board = self.board
        key = (tuple(sorted(places.items())), size)
        if key != getattr(self, "_ecart_de", None):
            self._ecart_de = key
            self._ecarts = ecarter(places, size, (board.x, board.y, board.w, board.h), libres)
        for lettre, token in self.tokens.items():
            token.decalage = self._ecarts.get(lettre, (0, 0))

    # ------------------------------------------------------------------ scene protocol
    def handle_event(self, event):
        self.last_mouse_up = event.type == pygame.MOUSEBUTTONUP
        used = self.box.handle_event(event)
        pending = self.pending if event.type == pygame.MOUSEBUTTONDOWN else None
        if pending is not None and not pending[0].rect.collidepoint(event.pos):
            self._jouer_en_attente()
        return used

    def update(self, dt):
        self.box.update(dt)
        self._placer_depuis_etat()
        self._ecarter_jetons()
        self._maj_choisie()
        if self.pending is not None:
            self.pending[1] -= dt
            if self.pending[1] <= 0:
                self._jouer_deplacement(self.pending[0])
        self.avancer(dt)

    def draw(self, surface):
        self.box.draw(surface)

    # ------------------------------------------------------------------ drawing
    def _jeton_tenu(self):
        for token in self.tokens.values():
            if token.dragging:
                return token
        if self.pending is not None:
            return self.pending[0]
        return None

    def _dessiner_plateau(self, surface):
        theme, c = self.theme, self.theme.colors
        theme.draw_panel(surface, self.board_panel)
        title = pygame.Rect(
            self.board_panel.x + 16,
            self.board_panel.y + 8,
            self.board_panel.w - 32,
            theme.line_height("body"),
        )
        theme.draw_text(surface, self.t("vue.plateau"), title, "body", c.ink, "left", "middle")
        board = self.board
        pygame.draw.rect(surface, c.bg, board)
        half = self.tokens["a"].rect.w / 2
        for note in range(11):
            x = board.x + half + note / 10 * (board.w - 2 * half)
            y = board.bottom - half - note / 10 * (board.h - 2 * half)
            pygame.draw.line(surface, c.grid, (x, board.y), (x, board.bottom), 1)
            pygame.draw.line(surface, c.grid, (board.x, y), (board.right, y), 1)
            if note % 2 == 0:
                theme.text(surface, str(note), (x, board.bottom + 2), "tiny", c.ink_soft, "midtop")
                theme.text(surface, str(note), (board.x - 6, y), "tiny", c.ink_soft, "midright")
        pygame.draw.rect(surface, c.panel_edge, board, 2)
        theme.text(
            surface,
            self.t("vue.note_x"),
            (board.centerx, board.bottom + theme.line_height("tiny") + 2),
            "small",
            c.ink_soft,
            "midtop",
        )
        label = theme.render(self.t("vue.note_y"), "small", c.ink_soft)
        label = pygame.transform.rotate(label, 90)
        surface.blit(label, label.get_rect(midleft=(self.board_panel.x + 8, board.centery)))

    def _maj_choisie(self):
        """The letter whose card shows: held, else under the mouse, else focused by Tab."""
        token = self._jeton_tenu()
        if token is None:
            token = next(
                (t for t in reversed(self.box.widgets) if t in self._jetons and t.hovered), None
            )
        if token is None and self.box.show_focus and self.box.focused in self._jetons:
            token = self.box.focused
        self.choisie = token.text if token is not None else None
        self.curve.visible = self.choisie is None

    @property
    def _jetons(self):
        return set(self.tokens.values())

    def _dessiner_suites(self, surface):
        if self.choisie is not None:
            dessiner_suites(self, surface, self.curve.rect, self.choisie)

    def chiffres(self):
        """The numbers the loss panel draws, read from the same state as the goal."""
        etat = self.etat
        return {
            "perte": etat.perte,
            "perte_a_la_main": etat.perte_a_la_main,
            "deplacements": etat.deplacements,
            "seuil": logic.SEUIL_PERTE,
            "defi": logic.DEFI_DEPLACEMENTS,
        }

    def _dessiner_perte(self, surface):
        theme, c = self.theme, self.theme.colors
        chiffres = self.chiffres()
        inner = self.loss_rect.inflate(-24, -16)
        theme.draw_panel(surface, self.loss_rect)
        title_h = theme.line_height("title")
        color = c.good if chiffres["perte"] <= chiffres["seuil"] else c.ink
        perte = self.t("vue.perte", perte=self.nombre(chiffres["perte"], 3))
        box = (inner.x, inner.y, inner.w, title_h)
        theme.draw_text(surface, perte, box, "title", color, "left", "middle")
        line = theme.line_height("small") + 2
        main = self.t(
            "vue.main",
            perte=self.nombre(chiffres["perte_a_la_main"], 3),
            seuil=self.nombre(chiffres["seuil"], 2),
        )
        moves = self.t("vue.deplacements", n=chiffres["deplacements"], defi=chiffres["defi"])
        for rang, texte in enumerate((main, moves)):
            box = (inner.x, inner.y + title_h + rang * line, inner.w, line)
            theme.draw_text(surface, texte, box, "small", c.ink_soft, "left", "middle")

    def lignes_du_coup(self):
        """After a move the kid chose: what changed and why (see `vue_suites.lignes_du_coup`)."""
        return lignes_du_coup(self)

    def _dessiner_etat(self, surface):
        theme, c = self.theme, self.theme.colors
        etat = self.etat
        if self.message:
            text, color = self.message, c.bad
        elif etat.aide and etat.pas >= 20:
            et = f" {self.t('vue.et')} "
            voisins_a = et.join(logic.plus_proches(etat.places, "a", 2))
            voisins_i = et.join(logic.plus_proches(etat.places, "i", 2))
            text, color = self.t("vue.apres_machine", a=voisins_a, i=voisins_i), c.second
            if not self.niveau.est_termine(etat):
                text += " " + self.t("vue.aide_machine")
        elif etat.aide and not self.niveau.est_termine(etat):
            text, color = self.t("vue.aide_machine"), c.bad
        elif self.niveau.est_termine(etat):
            text, color = self.t("vue.reussi"), c.good
        elif etat.dernier is not None:
            self._dessiner_lignes(surface, self.lignes_du_coup())
            return
        else:
            # What to do now, and why the machine's button is still off.
            rect = self.status_rect
            layout = self._mise_en_page_consigne(rect.w, rect.h, not self.machine.enabled)
            heights = [theme.text_height(t, rect.w, r) for t, r in layout]
            y = max(rect.y, rect.centery - (sum(heights) + 8 * (len(layout) - 1)) // 2)
            self.rangs_consigne = []
            for (line, role), h in zip(layout, heights, strict=True):
                box = pygame.Rect(rect.x, y, rect.w, h)
                self.rangs_consigne.append(box)
                theme.draw_text(surface, line, box, role, c.ink_soft, "center")
                y += h + 8
            return
        theme.draw_text(surface, text, self.status_rect, "body", color, "center", "middle")

    def _dessiner_lignes(self, surface, lignes):
        """Lines top to bottom in the status box; those that do not fit are left out."""
        theme, rect = self.theme, self.status_rect
        y = rect.y
        for texte, police, couleur in lignes:
            h = theme.text_height(texte, rect.w, police)
            if y + h > rect.bottom:
                break
            theme.draw_text(surface, texte, (rect.x, y, rect.w, h), police, couleur, "left")
            y += h + 4
