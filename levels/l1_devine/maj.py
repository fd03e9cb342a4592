"""La mise à jour de l'écran du niveau 1 : la courbe, les barres des lettres, les puces."""

from engine.vocab import VOCAB_STANDARD
from levels.l1_devine import logic
from levels.l1_devine.dessin import classe_puce

BAR_LETTERS = 8


class MajDevine:
    """Les méthodes qui refont courbe, barres et puces de `VueDevine` (une classe à hériter)."""

    def _refaire_courbe(self):
        """The loss after each name read so far (recomputed: cheap, 27 × 27)."""
        from engine.bigramme import ajouter_mot, tableau_vide

        comptes = tableau_vide()
        self.curve.append(logic.perte_du_modele(comptes))
        for prenom in self.etat.prenoms[-60:] if len(self.etat.prenoms) <= 60 else []:
            ajouter_mot(comptes, prenom)
            self.curve.append(logic.perte_du_modele(comptes))
        if len(self.etat.prenoms) > 60:
            self.curve.append(self.etat.perte)

    def _maj_barres(self):
        top = logic.ligne_de_probabilites(self.etat.comptes, self.row, BAR_LETTERS)
        labels = [self._lettre(c) for c, _ in top]
        self.bars.set_data(labels, [p for _, p in top])
        self.bars.y_max = max(0.25, top[0][1])
        self.bars.title = self.t("vue.apres", lettre=self._lettre(self.row))

    def _maj_barres_machine(self):
        """The row of YOUR table (frozen when the round began) for the letter the kid
        clicked in the name: every letter it counted, in alphabetical order, none picked
        out — finding the tallest bar is the kid's job."""
        duel, lettre = self.etat.duel, self.duel_row
        if duel is None or lettre is None:
            self.machine_bars.set_data([], [])
            self.machine_bars.title = ""
            return
        ligne = duel.comptes[VOCAB_STANDARD.char_to_id[lettre]]
        vues = [(c, n) for c, n in zip(VOCAB_STANDARD.jetons, ligne, strict=True) if n]
        vues = [
            *[(c, n) for c, n in vues if c != logic.FIN],
            *[v for v in vues if v[0] == logic.FIN],
        ]
        self.machine_bars.set_data([self._lettre(c) for c, _ in vues], [n for _, n in vues])
        self.machine_bars.y_max = max([1, *(n for _, n in vues)])
        self.machine_bars.title = self.t("vue.duel_machine_pense", lettre=self._lettre(lettre))

    def barres_du_duel(self):
        """What the duel's bars show: {letter: count} (for tests and the readout)."""
        labels, values = self.machine_bars.labels, self.machine_bars.values
        return dict(zip(labels, values, strict=True))

    def _faire_puces(self):
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
                lambda p=prenom: self.oublier(p),
                self.t("vue.retirer", prenom=prenom),
            )
            self.chips.append(chip)
            x += w + 6
        self.box.add(*self.chips)
