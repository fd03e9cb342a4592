"""The pupil's homework: typing the code, the homework panel on the map, handing it in.

- `CodeEntryScene`: « J'ai un code de devoir » → type it; a wrong code gets the French
  sentence of `game.modes.devoir.homework.code.ErreurCode` (which group has the typo),
  never a crash.
- `HomeworkPanel`: the homework (levels, rules, due date, what is left), a « Jouer »
  button per level (played with the `Devoir` policy: personal seed, hints per the rule),
  « Rendre mon devoir » (the file `devoir-CODE-Prenom.tuto` in a folder it shows).

The homework lives in `profile.homework` (saved atomically with the profile).
"""

from __future__ import annotations

import pygame

from game.modes.devoir.homework import progress
from game.modes.devoir.homework.code import ErreurCode
from game.modes.devoir.homework.sheet import date_fr
from game.scenes.common import H, Overlay, W, draw_stars, draw_text

PANEL = pygame.Rect(0, 0, 900, 620)
PANEL.center = (W // 2, H // 2)
CODE_CHARS = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -")


def _t(scene, key, **kwargs):
    return scene.app.t(f"devoirs.{key}", **kwargs)


class CodeEntryScene(Overlay):
    name = "homework_code"

    def __init__(self, app, text=""):
        super().__init__(app)
        self.text = text
        self.error = ""

    def build(self):
        theme = self.theme
        h = theme.control_height
        self.panel = pygame.Rect(0, 0, 860, 420)
        self.panel.center = (W // 2, H // 2)
        x, width = self.panel.x + 40, self.panel.width - 80
        self.field = self.ui.TextField(
            theme,
            (x, self.panel.y + 190, width, h + 10),
            self.text,
            _t(self, "saisie.exemple"),
            max_length=20,
            on_submit=lambda _text: self.submit(),
            on_change=self._changed,
            allowed=lambda c: c in CODE_CHARS,
        )
        self.container.add(self.field)
        self.default_focus = self.field
        y = self.panel.bottom - h - 30
        self.button(
            (self.panel.right - 40 - 300, y, 300, h),
            _t(self, "saisie.valider"),
            self.submit,
            icon="check",
            sound=None,
        )
        self.button((x, y, 260, h), _t(self, "saisie.annuler"), self.back, "secondary")

    def _changed(self, text):
        self.text = text
        self.error = ""

    def submit(self):
        profile = self.app.profile
        try:
            code, _devoir = progress.join(profile, self.field.text)
        except ErreurCode as error:
            self.error = self.explain(error)
            self.app.play("error")
            return
        self.app.play("success")
        self.app.save_profile()
        self.app.scenes.replace(HomeworkPanel(self.app, code))

    def explain(self, error):
        """The code's problem in the player's language (French if the catalog lacks it)."""
        key = f"devoirs.erreur.{error.cle}"
        if not self.app.translator.has(key):
            return str(error)
        ranks = self.app.translator.t_list("devoirs.erreur.rangs") or ["1", "2", "3", "4"]
        group = error.valeurs.get("groupe") or 0
        rank = ranks[min(group, len(ranks)) - 1] if group else ""
        return self.app.t(key, **{**error.valeurs, "rang": rank})

    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        theme.draw_panel(surface, self.panel, edge=colors.second, width=4)
        x, width = self.panel.x + 40, self.panel.width - 80
        y = self.panel.y + 28
        draw_text(
            theme, surface, _t(self, "saisie.titre"), (x, y, width, 50), "title", None, "center"
        )
        draw_text(theme, surface, _t(self, "saisie.texte"), (x, y + 70, width, 80), "body")
        if self.error:
            box = pygame.Rect(x, self.panel.y + 260, width, 2 * theme.line_height("body") + 6)
            draw_text(theme, surface, self.error, box, "body", colors.bad)


class HomeworkPanel(Overlay):
    """The active homework: levels, rules, due date, what is left; play; hand in."""

    name = "homework"

    def __init__(self, app, code=None, handed_path=None):
        super().__init__(app)
        found_code, self.devoir = progress.active(app.profile)
        self.code = code or found_code
        self.handed_path = handed_path

    def rows(self):
        if self.devoir is None:
            return []
        return progress.level_status(self.app.profile, self.code, self.devoir)

    def build(self):
        theme = self.theme
        h = theme.control_height
        y = PANEL.y + 200
        self.row_y = []
        for numero, _level_id, done, _stars in self.rows():
            label = _t(self, "panneau.rejouer" if done else "panneau.jouer")
            self.button(
                (PANEL.right - 220, y, 180, h),
                label,
                lambda n=numero: self.play_level(n),
                "secondary" if done else "primary",
                icon="play",
                sound=None,
            )
            self.row_y.append(y)
            y += h + 12
        bottom = PANEL.bottom - h - 24
        self.default_focus = self.button(
            (PANEL.right - 340, bottom, 300, h),
            _t(self, "panneau.rendre"),
            self.hand_in,
            icon="check",
            sound=None,
        )
        self.button(
            (PANEL.x + 40, bottom, 200, h), _t(self, "panneau.fermer"), self.back, "secondary"
        )
        self.button(
            (PANEL.x + 260, bottom, 220, h), _t(self, "panneau.autre"), self.other_code, "secondary"
        )
        if self.handed_path is not None:
            self.button(
                (PANEL.right - 340, bottom - h - 70, 300, h),
                _t(self, "panneau.ouvrir"),
                self.open_folder,
                "secondary",
            )

    def play_level(self, numero):
        from game.modes.devoir.policy import start_level

        self.app.play("click")
        start_level(self.app, self.code, self.devoir, numero)

    def other_code(self):
        self.app.scenes.replace(CodeEntryScene(self.app))

    def open_folder(self):
        if self.handed_path is not None:
            self.app.open_folder(self.handed_path.parent)

    def hand_in(self):
        from game.storage import SaveError

        if not any(done or stars for _, _, done, stars in self.rows()) and not self._any_log():
            self.app.notify(_t(self, "panneau.rien"), "warn")
            self.app.play("error")
            return
        try:
            path = progress.hand_in(self.app.profile, self.code, progress.homework_dir())
        except SaveError as error:
            self.app.notify(str(error), "warn")
            self.app.play("error")
            return
        self.app.save_profile()
        self.app.play("success")
        self.handed_path = path
        self.rebuild()

    def _any_log(self):
        entry = progress.state(self.app.profile)["devoirs"].get(self.code, {})
        return bool(entry.get("journaux"))

    def draw_content(self, surface):
        theme, colors = self.theme, self.colors
        theme.draw_panel(surface, PANEL, edge=colors.second, width=4)
        x, width = PANEL.x + 40, PANEL.width - 80
        if self.devoir is None:
            return
        draw_text(
            theme,
            surface,
            _t(self, "panneau.titre"),
            (x, PANEL.y + 22, width, 50),
            "title",
            None,
            "center",
        )
        devoir = self.devoir
        rule = _t(self, "panneau.regle_etoiles" if devoir.trois_etoiles else "panneau.regle_but")
        hints = _t(self, "panneau.indices_oui" if devoir.indices else "panneau.indices_non")
        due = (
            _t(self, "panneau.pour", date=date_fr(devoir.echeance))
            if devoir.echeance
            else _t(self, "panneau.sans_date")
        )
        lines = f"{_t(self, 'panneau.code', code=self.code)} · {due}\n{rule} {hints}"
        draw_text(theme, surface, lines, (x, PANEL.y + 86, width, 100), "body", colors.ink_soft)
        self._draw_rows(surface, x)
        self._draw_footer(surface, x, width)

    def _draw_rows(self, surface, x):
        theme, colors = self.theme, self.colors
        h = theme.control_height
        for (numero, level_id, done, stars), y in zip(self.rows(), self.row_y, strict=False):
            title = self.app.t(f"{_package(level_id)}.titre")
            text = _t(self, "panneau.niveau", n=numero, titre=title)
            draw_text(theme, surface, text, (x, y, 400, h), "body", None, "left", "middle")
            draw_stars(surface, (x + 445, y + h // 2), stars, 14, theme)
            status = _t(self, "panneau.fait" if done else "panneau.a_faire")
            draw_text(
                theme,
                surface,
                status,
                (x + 500, y, 110, h),
                "body",
                colors.good if done else colors.warn,
                "left",
                "middle",
            )

    def _draw_footer(self, surface, x, width):
        theme, colors = self.theme, self.colors
        left = sum(1 for row in self.rows() if not row[2])
        y = PANEL.y + 200 + len(self.rows()) * (theme.control_height + 12) + 8
        text = _t(self, "panneau.reste", n=left) if left else _t(self, "panneau.tout_fait")
        entry = progress.state(self.app.profile)["devoirs"].get(self.code, {})
        if self.handed_path is not None:
            text = f"{_t(self, 'panneau.rendu')}\n{self.handed_path}"
        elif entry.get("rendu_le"):
            when = entry["rendu_le"].replace("T", " ")[:16]
            text += "\n" + _t(self, "panneau.deja_rendu", date=when)
        draw_text(
            theme,
            surface,
            text,
            (x, y, width, 3 * theme.line_height("small") + 8),
            "small",
            colors.good if self.handed_path else colors.ink,
        )


def _package(level_id):
    from game.scenes.places import package_of
    from levels import registry

    niveau = registry.par_id().get(level_id)
    return package_of(niveau) if niveau is not None else level_id
