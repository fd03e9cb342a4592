"""The monkey: 20,000 random events across every screen, and never an exception.

Clicks and drags anywhere, keys, typed text (accents too), wheel, window resizes,
focus changes, and quit requests answered « Non » at the game's own « Quitter ? ».
Seeded, so a failure can be replayed; several events per frame to stay fast.
"""

import random
import time

import pygame
from test_app_support import fake_level  # noqa: F401 - fixture

from game.app import App
from game.scenes import demo
from game.scenes.dialogs import QuitPrompt

EVENTS = 20_000
EVENTS_PER_FRAME = 6
SCENE_EVERY = 500  # events before jumping to another screen
KEYS = [
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_TAB,
    pygame.K_SPACE,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_BACKSPACE,
    pygame.K_DELETE,
    pygame.K_HOME,
    pygame.K_END,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_a,
    pygame.K_e,
    pygame.K_1,
    pygame.K_KP_ENTER,
    pygame.K_F1,
]
TEXTS = ["a", "é", "è", "ç", "à", "œ", "Ë", "z", " ", "-", "'", "7", "€", "ñ", "ß", "🙂"]


def _pos(rng, app):
    width, height = app.window.get_size()
    return (rng.randrange(-20, width + 20), rng.randrange(-20, height + 20))


def random_events(rng, app):
    """A few events of one random kind."""
    kind = rng.random()
    if kind < 0.35:  # a click
        pos = _pos(rng, app)
        button = rng.choice((1, 1, 1, 3))
        return [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button),
        ]
    if kind < 0.45:  # a drag
        start, end = _pos(rng, app), _pos(rng, app)
        middle = ((start[0] + end[0]) // 2, (start[1] + end[1]) // 2)
        return [
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1),
            pygame.event.Event(pygame.MOUSEMOTION, pos=middle, rel=(1, 1), buttons=(1, 0, 0)),
            pygame.event.Event(pygame.MOUSEMOTION, pos=end, rel=(1, 1), buttons=(1, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=1),
        ]
    if kind < 0.55:
        pos = _pos(rng, app)
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))]
    if kind < 0.80:  # a key
        key = rng.choice(KEYS)
        mod = rng.choice((0, 0, 0, pygame.KMOD_SHIFT))
        return [
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0),
            pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0),
        ]
    if kind < 0.88:
        return [pygame.event.Event(pygame.TEXTINPUT, text=rng.choice(TEXTS))]
    if kind < 0.92:
        return [
            pygame.event.Event(
                pygame.MOUSEWHEEL,
                x=0,
                y=rng.choice((-3, -1, 1, 3)),
                flipped=False,
                precise_x=0.0,
                precise_y=0.0,
            )
        ]
    if kind < 0.95:  # focus changes
        return [
            pygame.event.Event(
                rng.choice(
                    (
                        pygame.WINDOWFOCUSLOST,
                        pygame.WINDOWFOCUSGAINED,
                        pygame.WINDOWLEAVE,
                        pygame.WINDOWENTER,
                    )
                )
            )
        ]
    if kind < 0.98:  # a resize: the window really changes size
        size = (rng.randrange(400, 1900), rng.randrange(300, 1100))
        pygame.display.set_mode(size, pygame.RESIZABLE)
        return [pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])]
    return [pygame.event.Event(pygame.QUIT)]


def answer_no(app):
    """At the game's « Quitter ? », the monkey always says « Non » (Échap)."""
    guard = 0
    while isinstance(app.scenes.top, QuitPrompt) and guard < 5:
        escape = pygame.event.Event(
            pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0
        )
        app.step([escape], 1 / 60)
        guard += 1


def test_monkey_never_crashes(fake_level):  # noqa: F811
    rng = random.Random(20240607)
    app = App(headless=True, runner_mode="slices")
    app.seed_override = 3
    try:
        setups = dict(demo.SETUPS)
        setups.update(demo.level_setups(app))
        names = sorted(setups)
        visited = set()
        sent = 0
        next_switch = 0
        start = time.perf_counter()
        while sent < EVENTS:
            if sent >= next_switch:
                name = names[(next_switch // SCENE_EVERY) % len(names)]
                next_switch += SCENE_EVERY
                # Each screen in a random language, text size and palette.
                app.settings.language = rng.choice(("fr", "en"))
                app.settings.text_size = rng.choice((0, 1, 2))
                app.settings.colorblind_palette = rng.random() < 0.3
                app.settings.reduce_motion = rng.random() < 0.3
                app.apply_settings()
                try:
                    setups[name](app)
                    visited.add(name)
                except LookupError:
                    pass
            batch = []
            while len(batch) < EVENTS_PER_FRAME:
                batch.extend(random_events(rng, app))
            for event in batch:
                app.handle_event(event)
                if isinstance(app.scenes.top, QuitPrompt):
                    answer_no(app)
            app.step([], rng.choice((1 / 60, 1 / 30, 0.1)))
            answer_no(app)
            sent += len(batch)
            assert app.crashes == 0, f"plantage après {sent} événements :\n{app.last_crash[1]}"
            assert app.running, f"le jeu s'est arrêté après {sent} événements"
        elapsed = time.perf_counter() - start
        assert elapsed < 120, f"le singe a mis {elapsed:.0f} s"
        assert {"title", "map_some", "settings", "quit"} <= visited
    finally:
        app.close()
