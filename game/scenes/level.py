"""The level host: wraps a level's view and draws what every level shares.

See docs/ARCHITECTURE.md « What the game's level host does ». The host:

- shows the intro screens the first time (skippable);
- draws the top bar (pause, title, progress bar, hints, « sous le capot ») and the
  goal line; the view draws in `ctx.area`, below them;
- opens the pause menu on Échap, the hints and the code panels;
- when the view says `finished` (or the goal is reached and the kid asks for the
  result), asks the understanding question if the level has one, then hands over to
  its policy (the way to play: `game.policies`), which keeps the log and decides what
  comes next (the adventure: the result screen).

Every choice that differs between ways to play (seed, intro, hints, what the top bar
shows, the end, where the log goes) is a hook of the host's `policy`; see
`game.policies.base.Policy`.
"""

from __future__ import annotations

import importlib
import logging

import pygame

from game.modes.aventure.policy import Aventure
from game.scenes.common import H, Screen, W
from game.scenes.figures import LevelTexts
from game.scenes.goal import GoalProgress
from game.scenes.level_context import LevelContext
from game.scenes.level_draw import LevelDrawing
from levels.base import Partie

log = logging.getLogger(__name__)

INTRO_W = 900
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
    "level.to_goal_estimate": (210, 1, "tiny"),
}


class LevelHost(LevelDrawing, Screen):
    """Hosts one level (or the sandbox), played the way `policy` says (default: the
    adventure). `seed` forces the run's seed (tests, demos); else the policy picks it."""

    name = "level"

    def __init__(self, app, place, seed=None, policy=None):
        super().__init__(app)
        self.place = place
        self.policy = policy if policy is not None else Aventure()
        self.niveau = place.niveau
        self.package = place.package
        self.texts = LevelTexts(app, self.niveau, self.package) if self.niveau else None
        if seed is None:
            seed = self.policy.seed_for(app, place)
        clock = self.policy.clock(app, place)
        self.partie = Partie(self.niveau, seed, clock) if clock else Partie(self.niveau, seed)
        self.area = pygame.Rect(0, 120, W, H - 120)
        self.ctx = LevelContext(app, self.package, self.area)
        self.view = None
        self.intro = []
        self.intro_page = 0
        self.intro_again = False  # the intro was reopened from the pause menu
        self.discovery_shown = False  # « ce que tu viens de découvrir » was read
        if self.policy.show_intro(app, place):
            self.intro = self.intro_pages()
        self.paused = set()  # why the policy was told play stopped: "panel", "busy"
        self.goal = GoalProgress(app)
        self.finishing = False
        self.celebrated = False

    # ------------------------------------------------------------------ set-up
    def on_enter(self):
        self.rebuild()
        module = importlib.import_module(f"levels.{self.package}.view")
        self.view = module.make_view(self.niveau, self.partie, self.ctx)
        if not self.intro:
            self.policy.on_start(self)

    def on_exit(self):
        self.app.runner.cancel_all()
        self.app.save_profile()  # what the view changed in the profile (favourite names…)

    def on_pause(self):
        """A scene went over the level (pause menu, panels, settings, « Quitter ? »)."""
        if not self.intro and not self.finishing:
            self._pause("panel")

    def on_resume(self):
        self._resume("panel")

    def _pause(self, reason):
        if reason not in self.paused:
            self.paused.add(reason)
            self.policy.on_pause(self, reason)

    def _resume(self, reason):
        if reason in self.paused:
            self.paused.discard(reason)
            self.policy.on_resume(self, reason)

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
        self.container.tooltip.avoid = []
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
        dico_w = font.size(self.t("dico.bouton"))[0] + 2 * theme.pad + 12
        x -= dico_w + 12
        self.dico_button = self.button(
            (x, 10, dico_w, h), self.t("dico.bouton"), self.show_dico, "secondary"
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
        # Tooltips of the bar never hide the goal line nor the bar towards it.
        self.container.tooltip.avoid = [self.strip, self.progress_rect]
        self.result_button = self.button(
            (x - 60, 10, 270, h), self.t("level.result"), self.finish, icon="check", sound=None
        )
        self.result_button.visible = False
        # Room the way to play keeps for its own figures (timers, splits), left of the bar.
        room = max(0, int(self.policy.top_bar_width(self) or 0))
        right = self.result_button.rect.x - 16
        room = min(room, max(0, right - self.pause_button.rect.right - 16))  # never under ‖
        self.policy_rect = pygame.Rect(right - room, 10, room, h)
        if room:
            right -= room + 16
        self.title_rect = pygame.Rect(16 + h + 16, 10, right - h - 16 - 16, h)

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
    def intro_pages(self):
        """The level's intro screens; the challenge (2nd star) is explained before playing."""
        if self.texts is None or not self.texts.has("intro.ecrans"):
            return []
        defi = self.texts.text("defi")
        return self.texts.list("intro.ecrans") + ([defi] if defi else [])

    def reopen_intro(self):
        """« Revoir l'explication » (pause menu): the intro again, play paused meanwhile."""
        pages = self.intro_pages()
        if not pages or self.intro:
            return
        self._pause("panel")
        self.intro, self.intro_page, self.intro_again = pages, 0, True
        self.rebuild()

    def next_intro(self):
        if self.intro_page >= len(self.intro) - 1:
            self.skip_intro()
        else:
            self.intro_page += 1
            self.rebuild()

    def skip_intro(self):
        self.intro = []
        if self.intro_again:  # play had started already: only resume it
            self.intro_again = False
            self.rebuild()
            self._resume("panel")
            return
        self.policy.intro_seen(self.app, self.place)
        self.rebuild()
        self.policy.on_start(self)

    # ------------------------------------------------------------------ panels
    @property
    def hints_allowed(self):
        return self.policy.hints_allowed(self.place)

    def pause(self):
        self.app.push("pause", self)

    def show_hints(self):
        if self.hints_allowed:
            self.app.push("hints", self)

    def show_dico(self):
        """The little dictionary, open on this level's words."""
        self.app.push("dico", str(self.niveau.numero))

    def show_capot(self):
        self.app.push("capot", self)

    def back(self):
        if self.intro:
            self.skip_intro()
        else:
            self.pause()

    def quit_level(self):
        self.app.runner.cancel_all()
        self.policy.on_quit(self)

    # ------------------------------------------------------------------ the end
    def finish(self):
        """The kid wants the result: the question first (if any), then the end."""
        if self.finishing:
            return
        if self.ask_questions():
            return
        self.complete()

    def ask_questions(self):
        """Poses this play's questions (computed from the kid's state now) and shows the
        first one still unanswered. False when there is nothing (more) to ask."""
        from levels import questions

        if not getattr(self.niveau, "questions", ()) or not self.partie.termine():
            return False
        if not self.policy.ask_question(self):
            return False
        if not self.partie.etat.posees:
            self.partie.jouer({"type": questions.ACTION_POSER})
        if not questions.a_repondre(self.partie.etat):
            return False
        self.app.push("question", self)
        return True

    def complete(self):
        """The level is over: the policy keeps the log and shows what comes next."""
        if self.finishing:
            return
        self.finishing = True
        self.app.runner.cancel_all()
        self._resume("busy")  # the engine work just stopped: close its pause first
        self.policy.on_level_complete(self)

    @property
    def progress(self):
        """How far the run is from the goal (0–1), as the bar shows it."""
        return self.goal.progress

    @property
    def done(self):
        """The goal is reached (the engine's own measure)."""
        return self.goal.done

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
        # Before the view, which may read and clear job.infos. A job running is « busy »
        # for the policy (a speedrun's timer may stop).
        if self.goal.peek(self.partie):
            self._pause("busy")
        else:
            self._resume("busy")
        self.view.update(dt)
        self.goal.measure(self.partie)
        self.policy.update(self, dt)
        self.result_button.visible = self.done
        self.hints_button.visible = self.hints_allowed
        if self.done and not self.celebrated:
            self.celebrated = True
            self.app.play("success")
        wants_end = getattr(self.view, "finished", False)
        if not self.finishing and (wants_end or (self.done and self.policy.finish_when_done(self))):
            self.finish()
