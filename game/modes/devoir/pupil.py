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
from game.modes.devoir.homework.french import long_day
from game.scenes.common import H, Overlay, W, draw_stars, draw_text
from game.ui.theme import mix

PANEL = pygame.Rect(0, 0, 900, 620)
PANEL.center = (W // 2, H // 2)
ROWS_TOP = 185  # the levels' rows, under the code and the rules
ROW_GAP = 10
CODE_CHARS = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -")


def _t(scene, key, **kwargs):
    return scene.app.t(f"devoirs.{key}", **kwargs)


class CodeEntryScene(Overlay):
    name = "homework_code"

    def __init__(self, app, text=""):
        super().__init__(app)
        self.text = text
        self.error = ""
        self.ask_initial = False  # another pupil with the same first name has this homework
        self.initial = ""

    def build(self):
        theme = self.theme
        h = theme.control_height
        self.panel = pygame.Rect(0, 0, 860, 500 if self.ask_initial else 420)
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
        if self.ask_initial:
            self.initial_field = self.ui.TextField(
                theme,
                (x + width - 120, self.panel.y + 340, 120, h),
                self.initial,
                "D",
                1,
                on_submit=lambda _text: self.submit(),
                on_change=lambda v: setattr(self, "initial", v),
                allowed=str.isalpha,
            )
            self.container.add(self.initial_field)
            self.default_focus = self.initial_field
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
            code, _devoir = progress.join(profile, self.field.text, self.initial)
        except ErreurCode as error:
            self.error = self.explain(error)
            self.app.play("error")
            if error.cle == "initiale" and not self.ask_initial:
                self.ask_initial = True
                self.text = self.field.text
                self.rebuild()
            else:  # the code stays typed and the field keeps the focus: fix it, press Entrée
                self.container.focus.set(self.field)
            return
        self.app.play("success")
        self.app.save_profile()
        self.app.scenes.replace(HomeworkPanel(self.app, code))

    def explain(self, error):
        """The code's problem in the player's language (French if the catalog lacks it)."""
        key = f"devoirs.erreur.{error.cle}"
        if error.valeurs.get("n") == 1 and self.app.translator.has(key + "_un"):
            key += "_un"
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
        if self.ask_initial:
            h = theme.control_height
            row = (x, self.panel.y + 340, width - 140, h)
            text = _t(self, "saisie.initiale")
            draw_text(theme, surface, text, row, "body", None, "right", "middle")
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
        self.rows_top = self._rows_top()
        y = PANEL.y + self.rows_top
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
            y += h + ROW_GAP
        # one row of buttons under the levels (never over a level's « Jouer »)
        bottom = PANEL.bottom - h - 24
        x = PANEL.x + 40
        self.default_focus = self.button(
            (PANEL.right - 40 - 250, bottom, 250, h),
            _t(self, "panneau.rendre"),
            self.hand_in,
            icon="check",
            sound=None,
        )
        self.button((x, bottom, 150, h), _t(self, "panneau.fermer"), self.back, "secondary")
        self.button(
            (x + 162, bottom, 180, h), _t(self, "panneau.autre"), self.other_code, "secondary"
        )
        if self.handed_path is not None:
            self.button(
                (x + 354, bottom, 204, h),
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
        box = (x, PANEL.y + 86, width, self.rows_top - 86)
        draw_text(theme, surface, self._description(), box, "body", colors.ink_soft)
        self._draw_rows(surface, x)
        self._draw_footer(surface, x, width)

    def _description(self):
        """The code, the due date, the rule, the hints and why the map's stars differ."""
        devoir = self.devoir
        rule = _t(self, "panneau.regle_etoiles" if devoir.trois_etoiles else "panneau.regle_but")
        hints = _t(self, "panneau.indices_oui" if devoir.indices else "panneau.indices_non")
        due = (
            _t(self, "panneau.pour", date=long_day(devoir.echeance))
            if devoir.echeance
            else _t(self, "panneau.sans_date")
        )
        lines = f"{_t(self, 'panneau.code', code=self.code)} · {due}\n{rule} {hints}"
        return lines + "\n" + _t(self, "panneau.carte")  # why the map's stars are not these

    def _rows_top(self):
        """Under the description: lower at a large text size, when the rows leave room."""
        if self.devoir is None:
            return ROWS_TOP
        theme = self.theme
        h = theme.control_height
        lines = theme.wrap(self._description(), PANEL.width - 80, theme.size("body"))
        need = 86 + len(lines) * theme.line_height("body") + 6
        footer = 3 * theme.line_height("small") + 12
        spare = PANEL.height - h - 24 - footer - ROWS_TOP - len(self.rows()) * (h + ROW_GAP)
        return ROWS_TOP + max(0, min(need - ROWS_TOP, spare))

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
                colors.good if done else todo_color(colors),
                "left",
                "middle",
            )

    def _draw_footer(self, surface, x, width):
        theme, colors = self.theme, self.colors
        left = sum(1 for row in self.rows() if not row[2])
        y = PANEL.y + self.rows_top + len(self.rows()) * (theme.control_height + ROW_GAP) + 4
        key = "panneau.reste_un" if left == 1 else "panneau.reste"
        text = _t(self, key, n=left) if left else _t(self, "panneau.tout_fait")
        entry = progress.state(self.app.profile)["devoirs"].get(self.code, {})
        if self.handed_path is not None:
            text = _t(self, "panneau.rendu", fichier=self.handed_path.name)
        elif entry.get("rendu_le"):
            from game.modes.devoir.homework.french import day

            when = f"{day(entry['rendu_le'])} {entry['rendu_le'][11:16]}".strip()
            text += "\n" + _t(self, "panneau.deja_rendu", date=when)
        draw_text(
            theme,
            surface,
            text,
            (x, y, width, 3 * theme.line_height("small") + 8),
            "small",
            colors.good if self.handed_path else colors.ink,
        )


def todo_color(colors):
    """« À faire »: amber, but dark enough to read on the cream panel."""
    return mix(colors.warn, colors.ink, 0.5)


def _package(level_id):
    from game.scenes.places import package_of
    from levels import registry

    niveau = registry.par_id().get(level_id)
    return package_of(niveau) if niveau is not None else level_id
