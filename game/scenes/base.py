"""Scenes and the scene stack (in the spirit of Tuxemon's State / StateManager).

A scene has three methods the app calls every frame:

- `handle_event(event) -> bool`: True when the scene used the event;
- `update(dt)`: advance animations, poll long work (`dt` in seconds);
- `draw(surface)`: paint the 1280×720 logical surface. **Never changes state.**

Only the top scene of the stack receives events and updates. Drawing starts at the
topmost scene that is not an overlay (`overlay = False`) and goes up, so a pause menu
or a « Quitter ? » prompt is painted over the level it belongs to.
"""

from __future__ import annotations

import logging

import pygame

from game.ui.fonts import forget_on_quit

LOGICAL_SIZE = (1280, 720)


class Scene:
    """Base class for every screen of the game."""

    name = "scene"  # a short id (perf, screenshots, logs)
    overlay = False  # True: the scene below stays visible underneath

    def __init__(self, app):
        self.app = app

    # Shortcuts to what every scene uses.
    @property
    def theme(self):
        return self.app.theme

    @property
    def colors(self):
        return self.app.theme.colors

    def t(self, key, **kwargs):
        """Text from the scenes catalog (`game/textes/scenes.<lang>.toml`)."""
        return self.app.t(f"scenes.{key}", **kwargs)

    # Life cycle -------------------------------------------------------------
    def on_enter(self):
        """Pushed on the stack (or put in place by `replace`)."""

    def on_exit(self):
        """Removed from the stack."""

    def on_pause(self):
        """Another scene was pushed over it: it is no longer the top scene."""

    def on_resume(self):
        """The scene above it was popped: it is the top scene again."""

    def rebuild(self):
        """Settings changed (language, text size, palette): rebuild texts and layout."""

    # Frame ------------------------------------------------------------------
    def handle_event(self, event) -> bool:
        return False

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface) -> None:
        pass


class SceneManager:
    """A stack of scenes: push, pop, replace. Events go to the top scene only."""

    def __init__(self):
        self.stack: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def __len__(self):
        return len(self.stack)

    def __iter__(self):
        return iter(self.stack)

    def push(self, scene: Scene) -> Scene:
        if self.stack:
            self.stack[-1].on_pause()
        self.stack.append(scene)
        scene.on_enter()
        return scene

    def pop(self) -> Scene | None:
        if not self.stack:
            return None
        scene = self.stack.pop()
        self._exit(scene)
        if self.stack:
            self.stack[-1].on_resume()
        return scene

    def replace(self, scene: Scene) -> Scene:
        """Swap the top scene for `scene` (the scene below stays covered)."""
        if self.stack:
            self._exit(self.stack.pop())
        self.stack.append(scene)
        scene.on_enter()
        return scene

    def remove(self, scene: Scene) -> None:
        """Take `scene` out wherever it is in the stack."""
        if scene in self.stack:
            was_top = scene is self.top
            self.stack.remove(scene)
            self._exit(scene)
            if was_top and self.stack:
                self.stack[-1].on_resume()

    def pop_to(self, kind) -> Scene | None:
        """Pop until the top scene is `kind` (a class, or a scene name such as "map");
        returns it (None if absent: then nothing is popped)."""
        if not any(_is(scene, kind) for scene in self.stack):
            return None
        while not _is(self.top, kind):
            self._exit(self.stack.pop())
        self.top.on_resume()
        return self.top

    def find(self, kind) -> Scene | None:
        """The topmost scene that is `kind` (a class or a scene name), or None."""
        for scene in reversed(self.stack):
            if _is(scene, kind):
                return scene
        return None

    def clear(self) -> None:
        while self.stack:
            self._exit(self.stack.pop())

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom to top."""
        start = 0
        for index in range(len(self.stack) - 1, -1, -1):
            if not self.stack[index].overlay:
                start = index
                break
        return self.stack[start:]

    @staticmethod
    def _exit(scene: Scene) -> None:
        try:
            scene.on_exit()
        except Exception:  # noqa: BLE001 - leaving a broken scene must still work
            logging.getLogger(__name__).exception("on_exit de %s", scene.name)


def _is(scene, kind) -> bool:
    """Is `scene` a `kind`: a class, or a scene name (`Scene.name`)?"""
    if isinstance(kind, str):
        return scene.name == kind
    return isinstance(scene, kind)


_SHADES: dict = forget_on_quit({})  # pictures made for this pygame init only


def dim(surface, alpha=140, color=(20, 24, 40)):
    """Darken what is already drawn (under a modal panel)."""
    key = (surface.get_size(), alpha, color)
    shade = _SHADES.get(key)
    if shade is None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((*color, alpha))
        _SHADES[key] = shade
    surface.blit(shade, (0, 0))
