"""The app: the window, the 60 fps loop, the scene stack, and the safety net.

- The picture is drawn on a 1280×720 logical surface, then scaled to the window
  (aspect ratio kept, letterboxing); mouse positions are converted to logical
  coordinates before any scene sees them. F11 toggles full screen.
- `App.step(events, dt)` runs one frame without sleeping: tests and the perf
  command drive the game with it. `App.run()` is the real loop (clock at 60 fps).
- A crash inside a scene never kills the game: it is logged to
  `home_dir()/erreurs.log`, the game goes back to the map and shows a friendly
  panel. Progress is saved when a level ends, so nothing is lost.
- Closing the window asks « Quitter ? » (Oui / Non) first.

See docs/GAME.md.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import time

import pygame

from game import i18n
from game.app_helpers import (  # noqa: F401
    NOTICE_SECONDS,
    Notice,
    _make_sounds,
    _SilentSounds,
    _theme_options,
    _warm_levels,
    warm_levels_in_background,
)
from game.app_safety import ERROR_LOG, SafetyNet  # noqa: F401
from game.scenes import registry
from game.scenes.base import LOGICAL_SIZE, SceneManager, dim

log = logging.getLogger(__name__)

FPS = 60
MOUSE_EVENTS = (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)
QUIT_EVENTS = (pygame.QUIT, getattr(pygame, "WINDOWCLOSE", -1))


class App(SafetyNet):
    """The game. `App(headless=True)` is what tests, screenshots and perf use."""

    def __init__(
        self,
        *,
        headless=False,
        runner_mode="worker",
        settings=None,
        window_size=None,
        warm_levels=None,
    ):
        self.headless = headless
        pygame.init()
        pygame.key.set_repeat(400, 40)
        # Settings and language first: every text depends on them.
        from game.settings import load_settings
        from game.storage import clean_home_temp_files

        clean_home_temp_files()  # what interrupted saves left behind
        loaded, settings_message = load_settings()
        self.settings = settings if settings is not None else loaded
        self.translator = i18n.Translator(self.settings.language)
        i18n.set_language(self.settings.language)
        self.fullscreen = bool(self.settings.fullscreen) and not headless
        self._window_size = tuple(window_size or LOGICAL_SIZE)
        self._open_window()
        pygame.display.set_caption(self.t("scenes.title.name"))
        self.logical = pygame.Surface(LOGICAL_SIZE).convert()
        self._scaled = None  # reused surface for the scaled picture
        self.viewport = pygame.Rect((0, 0), LOGICAL_SIZE)

        from game import ui
        from game.runner import Runner

        self.ui = ui
        self.theme = ui.Theme(**_theme_options(self.settings))
        self.sounds = _make_sounds(muted=not self.settings.sound)
        self.runner = Runner(mode=runner_mode)
        try:
            self.runner.warm_up()  # the worker process boots while the kid reads the title
        except Exception:  # noqa: BLE001 - no worker: training falls back to slices
            log.exception("processus de calcul impossible à lancer")
            self.runner.mode = "slices"
        if not headless if warm_levels is None else warm_levels:
            warm_levels_in_background()  # opening a level the first time never freezes
        from game.profiles import ProfileStore

        self.profiles = ProfileStore()
        self.profile = None  # the Profile playing now
        self.scenes = SceneManager()
        self.notices: list[Notice] = []
        self.running = True
        self.crashes = 0
        self.last_crash = None  # (scene name, traceback text) of the last crash
        self.time = 0.0  # seconds since start (animations)
        self.frame_ms = 0.0  # last frame: events + update + draw + scale
        self.look_version = 0  # bumped when the settings change (cached pictures are stale)
        self.below_dimmed = False
        self.opened_folders = []  # headless: folders the game would have shown
        self._below = None
        self._below_key = None
        if settings_message:
            self.notify(settings_message, "warn")

        self.push("title")

    # ------------------------------------------------------------------ texts
    def t(self, key, **kwargs):
        return self.translator.t(key, **kwargs)

    def notify(self, text, kind="info"):
        if text and not any(n.text == text for n in self.notices):
            self.notices.append(Notice(text, kind))
            self.notices = self.notices[-3:]

    # ------------------------------------------------------------------ window
    def _open_window(self):
        if self.fullscreen:
            try:
                self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
                return
            except pygame.error:
                self.fullscreen = False
        self.window = pygame.display.set_mode(self._window_size, pygame.RESIZABLE)

    def toggle_fullscreen(self):
        if not self.fullscreen:
            self._window_size = self.window.get_size()
        self.fullscreen = not self.fullscreen
        self._open_window()
        self.settings.fullscreen = self.fullscreen
        self.save_settings()

    def _update_viewport(self):
        surface = pygame.display.get_surface()
        if surface is not None:
            self.window = surface
        width, height = self.window.get_size()
        scale = min(width / LOGICAL_SIZE[0], height / LOGICAL_SIZE[1]) or 1.0
        size = (max(1, round(LOGICAL_SIZE[0] * scale)), max(1, round(LOGICAL_SIZE[1] * scale)))
        self.viewport = pygame.Rect(((width - size[0]) // 2, (height - size[1]) // 2), size)

    def to_logical(self, pos):
        """Window pixel → logical (1280×720) coordinates."""
        view = self.viewport
        if view.size == LOGICAL_SIZE:
            return (pos[0] - view.x, pos[1] - view.y)
        x = (pos[0] - view.x) * LOGICAL_SIZE[0] / view.width
        y = (pos[1] - view.y) * LOGICAL_SIZE[1] / view.height
        return (int(x), int(y))

    def _convert(self, event):
        if event.type not in MOUSE_EVENTS or not hasattr(event, "pos"):
            return event
        data = dict(event.dict)
        data["pos"] = self.to_logical(event.pos)
        if "rel" in data and self.viewport.size != LOGICAL_SIZE:
            k = LOGICAL_SIZE[0] / self.viewport.width
            data["rel"] = (round(data["rel"][0] * k), round(data["rel"][1] * k))
        return pygame.event.Event(event.type, data)

    def present(self):
        """Scale the logical picture into the window (letterboxed) and flip."""
        self._update_viewport()
        view = self.viewport
        if view.size == LOGICAL_SIZE and view.topleft == (0, 0):
            self.window.blit(self.logical, (0, 0))
        else:
            self.window.fill((12, 14, 22))
            if self._scaled is None or self._scaled.get_size() != view.size:
                self._scaled = pygame.Surface(view.size).convert()
            exact = view.width % LOGICAL_SIZE[0] == 0 and view.height % LOGICAL_SIZE[1] == 0
            if exact:
                pygame.transform.scale(self.logical, view.size, self._scaled)
            else:
                pygame.transform.smoothscale(self.logical, view.size, self._scaled)
            self.window.blit(self._scaled, view)
        if not self.headless:
            pygame.display.flip()

    # ------------------------------------------------------------------ settings
    def save_settings(self):
        from game.settings import save_settings
        from game.storage import SaveError

        try:
            save_settings(self.settings)
        except SaveError as error:
            self.notify(str(error), "warn")

    def apply_settings(self):
        """Settings changed: language, theme, sound apply at once; every scene rebuilds."""
        self.translator.lang = self.settings.language
        i18n.set_language(self.settings.language)
        self.theme.configure(**_theme_options(self.settings))
        self.look_version += 1
        self.sounds.set_muted(not self.settings.sound)
        for scene in list(self.scenes):
            self.safely(scene, scene.rebuild)
        self.save_settings()

    @property
    def reduce_motion(self):
        return bool(self.settings.reduce_motion)

    def play(self, name):
        try:
            self.sounds.play(name)
        except Exception:  # noqa: BLE001
            log.exception("son %s", name)

    # ------------------------------------------------------------------ profile
    def save_profile(self):
        """Save the current profile; a failure is shown, never raised."""
        if self.profile is None:
            return True
        from game.storage import SaveError

        try:
            self.profiles.save(self.profile)
            return True
        except SaveError as error:
            self.notify(str(error), "warn")
            return False

    def open_folder(self, path):
        """Show a folder in the computer's file manager (headless: only noted, for tests)."""
        if self.headless:
            self.opened_folders.append(path)
            return True
        from game.scenes.proof import open_folder

        return open_folder(path)

    # ------------------------------------------------------------------ navigation
    def push(self, name, *args, **kwargs):
        """Push a new scene by name (`game.scenes.registry`): `app.push("map")`."""
        return self.scenes.push(registry.make(self, name, *args, **kwargs))

    def replace(self, name, *args, **kwargs):
        """Swap the top scene for a new scene `name`."""
        return self.scenes.replace(registry.make(self, name, *args, **kwargs))

    def ask_quit(self):
        if self.scenes.top is None or self.scenes.top.name != "quit":
            self.push("quit")

    def quit(self):
        self.running = False

    def go_to_map(self, unlocked=None):
        """Back to the adventure map (or the title when no one plays)."""
        found = self.scenes.pop_to("map")
        if found is None:
            if self.profile is None:
                self.scenes.clear()
                self.push("title")
                return None
            self.scenes.clear()
            found = self.push("map")
        if unlocked:
            found.announce_unlock(unlocked)
        return found

    # ------------------------------------------------------------------ frame
    def handle_event(self, event):
        """One raw pygame event (window coordinates) → the game."""
        if event.type in QUIT_EVENTS:
            self.ask_quit()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        event = self._convert(event)
        if event.type == pygame.MOUSEBUTTONDOWN and self._click_notice(event):
            return True
        scene = self.scenes.top
        if scene is None:
            return False
        return bool(self.safely(scene, scene.handle_event, event))

    def _click_notice(self, event):
        for rect, notice in self._notice_rects():
            if rect.collidepoint(event.pos):
                self.notices.remove(notice)
                return True
        return False

    def update(self, dt):
        self.time += dt
        self.safely(self.runner, self.runner.tick)
        for notice in list(self.notices):
            notice.left -= dt
            if notice.left <= 0:
                self.notices.remove(notice)
        scene = self.scenes.top
        if scene is not None:
            self.safely(scene, scene.update, dt)

    def draw(self):
        surface = self.logical
        visible = self.scenes.visible()
        self.below_dimmed = False
        if len(visible) > 1 and getattr(visible[-1], "overlay", False):
            # Under an overlay nothing moves (only the top scene updates): draw the scenes
            # below once, darkened, and reuse that picture while the overlay stays.
            below = visible[:-1]
            shade = getattr(visible[-1], "shade", 150)  # 0: the overlay lets it show (a peek)
            key = (tuple(id(s) for s in below), self.look_version, surface.get_size(), shade)
            if self._below_key != key:
                for scene in below:
                    self.safely(scene, scene.draw, surface)
                if shade:
                    dim(surface, shade)
                self._below = surface.copy()
                self._below_key = key
            else:
                surface.blit(self._below, (0, 0))
            self.below_dimmed = True
            visible = visible[-1:]
        else:
            self._below_key = None
            self._below = None
        for scene in visible:
            self.safely(scene, scene.draw, surface)
        self._draw_notices(surface)

    def _notice_rects(self):
        rects = []
        theme = self.theme
        y = LOGICAL_SIZE[1] - 16
        for notice in reversed(self.notices):
            height = theme.text_height(notice.text, 820, "small") + 24
            rect = pygame.Rect(0, 0, 880, height)
            rect.midbottom = (LOGICAL_SIZE[0] // 2, y)
            rects.append((rect, notice))
            y = rect.top - 10
        return rects

    def _draw_notices(self, surface):
        theme = self.theme
        for rect, notice in self._notice_rects():
            edge = theme.colors.warn if notice.kind == "warn" else theme.colors.second
            theme.draw_panel(surface, rect, theme.colors.tooltip, edge, width=3)
            theme.draw_text(
                surface,
                notice.text,
                rect.inflate(-60, -20),
                "small",
                theme.colors.tooltip_ink,
                "center",
                "middle",
            )

    def step(self, events=None, dt=1 / FPS):
        """One frame without sleeping: events (default: pygame's queue), update, draw, scale.

        Returns the time the frame took, in milliseconds.
        """
        start = time.perf_counter()
        if events is None:
            events = pygame.event.get()
        for event in events:
            self.handle_event(event)
            if not self.running:
                break
        self.update(dt)
        self.draw()
        self.present()
        self.frame_ms = (time.perf_counter() - start) * 1000
        return self.frame_ms

    def run(self):
        """The real loop: 60 fps cap, until the player says « Oui » to « Quitter ? »."""
        clock = pygame.time.Clock()
        dt = 0.0
        with contextlib.suppress(ValueError, OSError, AttributeError):
            # SDL turns SIGTERM into a window-close request (our « Quitter ? »); when the
            # system asks the game to stop, it stops (the saves are already written).
            signal.signal(signal.SIGTERM, lambda *_: self.quit())
        try:
            while self.running:
                self.step(dt=min(dt, 0.1))
                dt = clock.tick(FPS) / 1000.0
        finally:
            self.close()

    def close(self):
        try:
            with contextlib.suppress(Exception):
                self.save_profile()  # favourites and the like, changed since the last save
            self.runner.shutdown()
        finally:
            self.scenes.clear()
            pygame.quit()  # the widget kit forgets its fonts by itself
