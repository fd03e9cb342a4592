"""The level host: wraps a level's view and draws what every level shares.

See docs/ARCHITECTURE.md « What the game's level host does ». The host:

- shows the intro screens the first time (skippable);
- draws the top bar (pause, title, progress bar, hints, « sous le capot ») and the
  goal line; the view draws in `ctx.area`, below them;
- opens the pause menu on Échap, the hints and the code panels;
- when the view says `finished` (or the goal is reached and the kid asks for the
  result), asks the understanding question if the level has one, saves the result
  in the profile and shows the result screen.
"""

from __future__ import annotations

import importlib
import logging
import math
import random

import pygame

from game.scenes.common import H, Screen, W, card, draw_text, heading
from levels.base import Partie

log = logging.getLogger(__name__)

INTRO_W = 900
LIVE_MAX = 0.97  # a live estimate never fills the bar: the engine's measure does
# Until `level.to_goal` is in game/textes/scenes.<lang>.toml (then the catalog wins).
TEXT_BOXES = {
    "level.intro_next": (260, 1, "body"),
    "level.intro_skip": (300, 1, "body"),
    "level.intro_go": (300, 1, "body"),
    "level.intro_count": (200, 1, "small"),
    "level.hints": (200, 1, "body"),
    "level.capot": (260, 1, "body"),
    "level.result": (260, 1, "body"),
    "level.done": (600, 1, "small"),
    "level.to_goal": (210, 1, "tiny"),
}


class LevelTexts:
    """A level's texts (strings and lists), read through the game's translator."""

    def __init__(self, app, niveau, package):
        self.app = app
        self.niveau = niveau
        self.package = package

    def list(self, key):
        """A list of strings (`intro.ecrans`, `indices`, `etoiles`, `question.choix`)."""
        return self.app.translator.t_list(f"{self.package}.{key}")

    def text(self, key, **kwargs):
        full = f"{self.package}.{key}"
        return self.app.t(full, **kwargs) if self.app.translator.has(full) else ""

    def has(self, key):
        return bool(self.text(key))


def format_value(app, niveau, key, value, bars=()):
    """A figure for kids: the level's own formatter if it has one, else a French number.

    `bars`: the goal values shown next to it (« sous 2,85 »). A figure that is not a bar
    never reads like one: 2.8498 next to « sous 2,85 » shows « 2,8498 », not « 2,85 ».
    """
    text = _format_value(app, niveau, key, value)
    if not isinstance(value, float) or not math.isfinite(value):
        return text
    for bar in bars:
        if not _is_real(bar) or bar == value:
            continue
        if text == _format_value(app, niveau, key, float(bar)):
            return _format_apart(app, niveau, key, value, float(bar))
    return text


def _is_real(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _format_value(app, niveau, key, value, decimals=None):
    formatter = getattr(niveau, "formater_mesure", None)
    if formatter is not None and decimals is None:
        try:
            return str(formatter(key, value))
        except Exception:  # noqa: BLE001
            pass
    if isinstance(value, bool):
        return app.t("common.yes") if value else app.t("common.no")
    if isinstance(value, int):
        return app.translator.number(value, 0)
    if isinstance(value, float):
        if _is_percent(niveau, key):
            return app.translator.percent(value, decimals or 0)
        if decimals is None:
            decimals = 0 if abs(value) >= 100 else (2 if abs(value) >= 1 else 3)
        return app.translator.number(value, decimals)
    return str(value)


def _is_percent(niveau, key):
    objectif = niveau.objectif
    return key == objectif.metrique and objectif.sens == "sur" and 0 < objectif.seuil <= 1


def _format_apart(app, niveau, key, value, bar):
    """`value` with the fewest decimals that make it differ from `bar` (at most 6 more)."""
    scale = 100 if _is_percent(niveau, key) else 1
    start = 0 if scale == 100 else (0 if abs(value) >= 100 else (2 if abs(value) >= 1 else 3))
    decimals = start + 1
    while decimals < start + 6 and round(value * scale, decimals) == round(bar * scale, decimals):
        decimals += 1
    return _format_value(app, niveau, key, value, decimals)


def goal_text(app, texts, niveau):
    seuil = format_value(app, niveau, niveau.objectif.metrique, niveau.objectif.seuil)
    return texts.text("objectif", seuil=seuil) or niveau.titre


class LevelContext:
    """What a level view receives (`ctx`): see docs/ARCHITECTURE.md and docs/GAME.md."""

    def __init__(self, app, package, area):
        self.app = app
        self.ui = app.ui
        self.theme = app.theme
        self.sounds = app.sounds
        self.runner = app.runner
        self.t = app.translator.namespaced(package)
        self.area = area  # where the view draws (logical coordinates)

    @property
    def settings(self):
        return self.app.settings

    @property
    def lang(self):
        return self.app.translator.lang

    @property
    def reduce_motion(self):
        return self.app.reduce_motion

    @property
    def profile(self):
        """The profile playing now (None in the demo screens without a player)."""
        return self.app.profile

    def play(self, name):
        self.app.play(name)

    def garder_modele(self, contenu):
        """Keep a trained model (the content of an `engine.sauvegarde` file) in the profile.

        It replaces the model kept before; the profile is saved at once (atomic write).
        Returns True when it is on disk; a failed save is told to the kid in a notice.
        """
        profile = self.app.profile
        if profile is None or not isinstance(contenu, dict):
            return False
        profile.saved_model = contenu
        return self.app.save_profile()


def new_seed(app):
    seed = getattr(app, "seed_override", None)
    return seed if seed is not None else random.randrange(1, 2**31)


class LevelHost(Screen):
    """Hosts one level (or the sandbox) for the current profile."""

    name = "level"

    def __init__(self, app, place, seed=None):
        super().__init__(app)
        self.place = place
        self.niveau = place.niveau
        self.package = place.package
        self.texts = LevelTexts(app, self.niveau, self.package) if self.niveau else None
        self.partie = Partie(self.niveau, seed if seed is not None else new_seed(app))
        self.area = pygame.Rect(0, 120, W, H - 120)
        self.ctx = LevelContext(app, self.package, self.area)
        self.view = None
        self.intro = []
        self.intro_page = 0
        profile = app.profile
        seen = profile is not None and profile.seen_intro.get(self.niveau.id, False)
        if not seen:
            self.intro = self.texts.list("intro.ecrans")
        self._measure_key = None
        self._live_info = None  # the latest `suivi` dict of a running job
        self._live_from = None  # the bar during a job: where it started, then the best live
        self.progress = 0.0
        self.done = False
        self.finishing = False
        self.celebrated = False

    # ------------------------------------------------------------------ set-up
    def on_enter(self):
        self.rebuild()
        module = importlib.import_module(f"levels.{self.package}.view")
        self.view = module.make_view(self.niveau, self.partie, self.ctx)

    def on_exit(self):
        self.app.runner.cancel_all()
        self.app.save_profile()  # what the view changed in the profile (favourite names…)

    def rebuild(self):
        super().rebuild()
        rebuild = getattr(self.view, "rebuild", None)
        if rebuild is not None:
            rebuild()

    def build(self):
        theme = self.theme
        h = theme.control_height
        self.bar = pygame.Rect(0, 0, W, h + 20)
        strip_h = theme.line_height("small") + 14
        self.strip = pygame.Rect(0, self.bar.bottom, W, strip_h)
        self.area.update(0, self.strip.bottom, W, H - self.strip.bottom)
        if self.intro:
            self._build_intro()
            return
        self.pause_button = self.button(
            (16, 10, h, h), "", self.pause, "secondary", "pause", tooltip=self.t("pause.title")
        )
        font = theme.font("body")
        capot_w = font.size(self.t("level.capot"))[0] + 2 * theme.pad + 12
        hints_w = font.size(self.t("level.hints"))[0] + h + 2 * theme.pad
        x = W - 16 - capot_w
        self.capot_button = self.button(
            (x, 10, capot_w, h), self.t("level.capot"), self.show_capot, "secondary"
        )
        x -= hints_w + 12
        self.hints_button = self.button(
            (x, 10, hints_w, h), self.t("level.hints"), self.show_hints, "secondary", "?"
        )
        x -= 230
        # The goal bar, with « vers l'objectif » above it when both fit in the bar's
        # height (levels may show bars of their own: this one says what it measures).
        label = self.t("level.to_goal")
        label_h, bar_h = theme.line_height("tiny"), 34
        fits = theme.font("tiny").size(label)[0] <= 210 and label_h + 2 + 22 <= h
        self.progress_label = label if fits else ""
        if fits:
            bar_h = min(bar_h, h - label_h - 2)
            y = 10 + (h - label_h - 2 - bar_h) // 2
            self.progress_label_rect = pygame.Rect(x, y, 210, label_h)
            self.progress_rect = pygame.Rect(x, y + label_h + 2, 210, bar_h)
        else:
            self.progress_rect = pygame.Rect(x, 10 + (h - bar_h) // 2, 210, bar_h)
        self.result_button = self.button(
            (x - 60, 10, 270, h), self.t("level.result"), self.finish, icon="check", sound=None
        )
        self.result_button.visible = False
        self.title_rect = pygame.Rect(16 + h + 16, 10, self.result_button.rect.x - h - 48, h)

    def _build_intro(self):
        theme = self.theme
        h = theme.control_height
        self.intro_panel = pygame.Rect((W - INTRO_W) // 2, 140, INTRO_W, 470)
        y = self.intro_panel.bottom - h - 24
        last = self.intro_page >= len(self.intro) - 1
        label = self.t("level.intro_go" if last else "level.intro_next")
        self.default_focus = self.button(
            (self.intro_panel.right - 300 - 24, y, 300, h),
            label,
            self.next_intro,
            icon="right" if not last else "play",
        )
        if not last:
            self.button(
                (self.intro_panel.x + 24, y, 300, h),
                self.t("level.intro_skip"),
                self.skip_intro,
                "secondary",
            )

    # ------------------------------------------------------------------ intro
    def next_intro(self):
        if self.intro_page >= len(self.intro) - 1:
            self.skip_intro()
        else:
            self.intro_page += 1
            self.rebuild()

    def skip_intro(self):
        self.intro = []
        profile = self.app.profile
        if profile is not None:
            profile.seen_intro[self.niveau.id] = True
            self.app.save_profile()
        self.rebuild()

    # ------------------------------------------------------------------ panels
    def pause(self):
        from game.scenes.pause import PauseMenu

        self.app.scenes.push(PauseMenu(self.app, self))

    def show_hints(self):
        from game.scenes.pause import HintsPanel

        self.app.scenes.push(HintsPanel(self.app, self))

    def show_capot(self):
        from game.scenes.pause import CapotPanel

        self.app.scenes.push(CapotPanel(self.app, self))

    def back(self):
        if self.intro:
            self.skip_intro()
        else:
            self.pause()

    def quit_level(self):
        self.app.runner.cancel_all()
        self.app.go_to_map()

    # ------------------------------------------------------------------ the end
    def finish(self):
        """The kid wants the result: the question first (if any), then the result."""
        if self.finishing:
            return
        question = getattr(self.niveau, "question", None)
        reponses = getattr(self.partie.etat, "reponses", {}) or {}
        if question and self.partie.termine() and not reponses.get(question["id"]):
            from game.scenes.pause import QuestionPanel

            self.app.scenes.push(QuestionPanel(self.app, self))
            return
        self.show_result()

    def show_result(self):
        from game.scenes.result import ResultScene, record_result

        self.finishing = True
        unlocked = record_result(self.app, self.place, self.partie)
        self.app.runner.cancel_all()
        self.app.scenes.replace(ResultScene(self.app, self.place, self.partie, unlocked))

    # ------------------------------------------------------------------ frame
    def handle_event(self, event):
        if self.intro:
            return super().handle_event(event)
        keyboard = event.type in (
            pygame.KEYDOWN,
            pygame.KEYUP,
            pygame.TEXTINPUT,
            pygame.TEXTEDITING,
        )
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.pause()
            return True
        if keyboard:
            # The keyboard belongs to the level first; the bar gets what it leaves.
            if self.view is not None and self.view.handle_event(event):
                return True
            if self.container.handle_event(event):
                return True
            enter = event.type == pygame.KEYDOWN and event.key in (
                pygame.K_RETURN,
                pygame.K_KP_ENTER,
            )
            if enter and self.done:
                self.finish()
                return True
            return False
        if self.container.handle_event(event):
            return True
        return bool(self.view is not None and self.view.handle_event(event))

    def update(self, dt):
        super().update(dt)
        if self.intro or self.view is None:
            return
        if self.result_button not in self.container.widgets:
            return  # the bar is rebuilt at the next frame
        self._peek_live()  # before the view, which may read and clear job.infos
        self.view.update(dt)
        self._measure()
        self.result_button.visible = self.done
        self.hints_button.visible = True
        if self.done and not self.celebrated:
            self.celebrated = True
            self.app.play("success")
        if getattr(self.view, "finished", False) and not self.finishing:
            self.finish()

    def _peek_live(self):
        """The latest live figures of a job training this level (its `suivi(etat)`)."""
        job = self.app.runner.job_for(self.partie)
        if job is None:
            self._live_info = None
            self._live_from = None
            return
        if self._live_from is None:
            self._live_from = self.progress  # the bar starts where it was
        for info in reversed(job.infos):
            if isinstance(info, dict):
                self._live_info = info
                break

    def _measure(self):
        """Progress and goal, recomputed only when the state changed (mesures can cost).

        While a job trains the level, the bar follows the live figures (4 times a second).
        """
        busy = self._live_from is not None
        key = (id(self.partie.etat), len(self.partie.actions), busy and int(self.app.time * 4))
        if key == self._measure_key:
            return
        self._measure_key = key
        self.progress = self.niveau.progression(self.partie.etat)
        self.done = self.partie.termine()
        if busy and not self.done:
            # Never backwards while the job runs (the live loss wobbles a little).
            live = self._live_progress() or 0.0
            self._live_from = max(self._live_from, live)
            self.progress = max(self.progress, self._live_from)

    def _live_progress(self):
        """An estimate from the live figures: the goal metric if `suivi` gives it, else
        (for a loss to bring under a bar) the recent training loss. Never 1: only the
        engine's own measure says the goal is reached."""
        info = self._live_info
        if not info:
            return None
        objectif = self.niveau.objectif
        value = info.get(objectif.metrique)
        if value is None and objectif.sens == "sous":
            value = info.get("perte_moyenne", info.get("perte"))
        if not _is_real(value):
            return None
        etat = self.partie.etat
        try:
            start = self.niveau.depart(etat)
            barre = getattr(self.niveau, "barre", None)
            bar = barre(etat) if callable(barre) else objectif.seuil
        except Exception:  # noqa: BLE001 - an estimate is never worth a crash
            return None
        if not _is_real(start) or not _is_real(bar) or bar == start:
            return None
        return max(0.0, min(LIVE_MAX, (value - start) / (bar - start)))

    def draw(self, surface):
        theme = self.theme
        colors = theme.colors
        theme.draw_background(surface)
        if self.intro:
            self._draw_intro(surface)
            self.container.draw(surface)
            return
        if self.view is not None:
            clip = surface.get_clip()
            surface.set_clip(self.area)
            self.view.draw(surface)
            surface.set_clip(clip)
        # The bar over everything the view drew.
        pygame.draw.rect(surface, colors.panel, self.bar)
        pygame.draw.line(surface, colors.panel_edge, self.bar.bottomleft, self.bar.bottomright, 2)
        title = f"{self.place.number} · {self.texts.text('titre') or self.niveau.titre}"
        if self.place.kind != "level":
            title = self.texts.text("titre") or self.t("map.sandbox")
        draw_text(theme, surface, title, self.title_rect, "heading", None, "left", "middle")
        if not self.done:
            bar = self.app.ui.ProgressBar(theme, self.progress_rect, self.progress)
            bar.draw(surface)
            if self.progress_label:
                draw_text(
                    theme,
                    surface,
                    self.progress_label,
                    self.progress_label_rect,
                    "tiny",
                    colors.ink_soft,
                    "left",
                    "bottom",
                )
        strip_fill = theme_mix(colors.panel, colors.good if self.done else colors.second, 0.18)
        pygame.draw.rect(surface, strip_fill, self.strip)
        pygame.draw.line(
            surface, colors.panel_edge, self.strip.bottomleft, self.strip.bottomright, 1
        )
        text = goal_text(self.app, self.texts, self.niveau)
        if self.done:
            text = f"{self.t('level.done')} {text}"
        draw_text(
            theme,
            surface,
            text,
            self.strip.inflate(-32, -6),
            "small",
            colors.good if self.done else colors.ink,
            "left",
            "middle",
        )
        self.container.draw(surface)

    def _draw_intro(self, surface):
        theme = self.theme
        colors = theme.colors
        title = self.texts.text("titre") or self.niveau.titre
        from game.scenes.result import place_name

        heading(self, surface, f"{place_name(self, self.place)} · {title}", 40, width=W - 200)
        panel = self.intro_panel
        card(surface, theme, panel)
        count = self.t("level.intro_count", page=self.intro_page + 1, total=len(self.intro))
        theme.text(
            surface, count, (panel.right - 24, panel.y + 18), "small", colors.ink_soft, "topright"
        )
        box = pygame.Rect(
            panel.x + 40,
            panel.y + 56,
            panel.width - 80,
            panel.height - 56 - theme.control_height - 50,
        )
        text = self.intro[min(self.intro_page, len(self.intro) - 1)]
        draw_text(theme, surface, text, box, "heading", None, "left", "middle")


def theme_mix(a, b, t):
    from game.ui.theme import mix

    return mix(a, b, t)
