"""La consigne du niveau 3, sous les boutons : ce qu'il faut faire, et pourquoi le bouton
de la machine est encore éteint. Aux grandes tailles de texte elle passe en plus petit,
puis en un seul paragraphe, et la courbe de la perte lui cède un peu de hauteur : aucune
ligne n'est perdue, rien ne touche les boutons.
"""

from levels.l3_memoire import logic


class ConsigneMemoire:
    """Les méthodes de la consigne de la vue du niveau 3 (une classe à hériter)."""

    def _consigne(self):
        """The status box's instruction, and what it adds while the machine's button is off."""
        libres = ", ".join(logic.plateau_de(self.etat.graine).libres)
        text = self.t("vue.glisse") + " " + self.t("vue.a_toi", lettres=libres)
        return text, self.t("vue.machine_bloquee")

    def _mise_en_page_consigne(self, width, height, more_shown=True):
        """[(text, role)] for the status box: the instruction (body, else small) and the
        second part on its own line, else both in one small paragraph, else the
        instruction alone (its second part is also the machine button's tooltip)."""
        theme = self.theme
        text, more = self._consigne()
        if not more_shown:
            role = "body" if theme.text_height(text, width, "body") <= height else "small"
            return [(text, role)]
        for layout in self._consignes_possibles(text, more):
            if sum(theme.text_height(t, width, r) + 8 for t, r in layout) - 8 <= height:
                return layout
        return [(text, "small")]

    @staticmethod
    def _consignes_possibles(text, more):
        return (
            [(text, "body"), (more, "small")],
            [(text, "small"), (more, "small")],
            [(f"{text.rstrip('.')}. {more}", "small")],
        )

    def _hauteur_courbe(self, right, control_h):
        """The loss curve's height: 170, less (down to 130) when the instruction under the
        buttons would not fit whole (large text)."""
        theme = self.theme
        curve_y = self.loss_rect.bottom + 12
        status_y = curve_y + 170 + 14 + control_h + 10 + control_h + 8
        room = right.bottom - status_y
        needed = min(
            sum(theme.text_height(t, right.w, r) + 8 for t, r in layout) - 8
            for layout in self._consignes_possibles(*self._consigne())
        )
        return max(130, 170 - max(0, needed - room))
