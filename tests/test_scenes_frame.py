"""The frame around the scenes: letterboxing, mouse conversion, F11, settings, the stack."""

import pygame
import pytest

from game.scenes.base import Scene, SceneManager
from game.scenes.settings import SettingsScene
from game.scenes.title import TitleScene


def test_scene_manager_push_pop_replace_and_overlays():
    manager = SceneManager()
    calls = []

    class Probe(Scene):
        def __init__(self, name, overlay=False):
            super().__init__(app=None)
            self.name, self.overlay = name, overlay

        def on_enter(self):
            calls.append(("enter", self.name))

        def on_exit(self):
            calls.append(("exit", self.name))

        def on_resume(self):
            calls.append(("resume", self.name))

    base, other, modal = Probe("a"), Probe("b"), Probe("m", overlay=True)
    manager.push(base)
    manager.push(other)
    manager.push(modal)
    assert manager.visible() == [other, modal]
    manager.pop()
    assert manager.top is other
    manager.replace(Probe("c"))
    assert [s.name for s in manager] == ["a", "c"]
    assert manager.pop_to(Probe) is manager.top
    assert ("resume", "b") in calls and ("exit", "b") in calls


def test_letterbox_and_mouse_conversion(app):
    pygame.display.set_mode((1920, 1200), pygame.RESIZABLE)
    app.step([], 1 / 60)
    view = app.viewport
    assert view.size == (1920, 1080) and view.topleft == (0, 60)
    assert app.to_logical((0, 60)) == (0, 0)
    assert app.to_logical((1919, 1139)) == (1279, 719)
    # A click at the window's centre reaches the scene at the logical centre.
    seen = []
    top = app.scenes.top
    original = top.handle_event
    top.handle_event = lambda event: seen.append(event) or original(event)
    app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(960, 600), button=1)], 1 / 60)
    assert seen[0].pos == (640, 360)
    # The picture is scaled, not cut: a pixel of the letterbox stays dark.
    assert app.window.get_at((5, 5))[:3] == (12, 14, 22)


def test_small_window_still_shows_everything(app):
    pygame.display.set_mode((640, 480), pygame.RESIZABLE)
    app.step([], 1 / 60)
    assert app.viewport.size == (640, 360)
    assert app.to_logical((320, 240)) == (640, 360)


def test_f11_toggles_full_screen_and_is_remembered(app):
    before = app.fullscreen
    key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0)
    app.step([key], 1 / 60)
    assert app.fullscreen != before
    assert app.settings.fullscreen == app.fullscreen
    app.step([key], 1 / 60)
    assert app.fullscreen == before


def test_settings_apply_at_once(app):
    app.scenes.push(SettingsScene(app))
    app.step([], 1 / 60)
    title = app.scenes.stack[0]
    assert isinstance(title, TitleScene)
    french = title.container.widgets[0].label
    app.settings.language = "en"
    app.settings.text_size = 2
    app.settings.colorblind_palette = True
    app.apply_settings()
    app.step([], 1 / 60)
    assert title.container.widgets[0].label != french  # rebuilt in English
    assert app.theme.text_size == 2 and app.theme.colorblind
    from game.settings import load_settings

    saved, message = load_settings()
    assert message is None
    assert (saved.language, saved.text_size, saved.colorblind_palette) == ("en", 2, True)


def test_clicking_a_language_in_the_settings_scene(app):
    scene = app.scenes.push(SettingsScene(app))
    app.step([], 1 / 60)
    english = [w for w in scene.container.widgets if hasattr(w, "painter")][1]
    pos = english.rect.center
    app.step(
        [
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        ],
        1 / 60,
    )
    assert app.settings.language == "en"
    assert app.translator.lang == "en"


def test_mute_setting_reaches_the_sounds(app):
    calls = []
    app.sounds.set_muted = calls.append
    app.settings.sound = False
    app.apply_settings()
    assert calls[-1] is True


@pytest.mark.parametrize("text_size", [0, 1, 2])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_hosts_goal_bar_says_what_it_measures(app, text_size, lang):
    from game.scenes import demo
    from game.scenes.level import LevelHost
    from game.scenes.places import build_places

    demo.demo_profile(app, "all")
    app.settings.language, app.settings.text_size = lang, text_size
    app.apply_settings()
    place = next(p for p in build_places(app.profile) if p.kind == "level" and p.number == 5)
    host = app.scenes.push(LevelHost(app, place, seed=2))
    if host.intro:
        host.skip_intro()
    app.step([], 1 / 60)
    # level 5 shows a step bar of its own: the host's bar is named
    assert host.progress_label == {"fr": "vers l'objectif", "en": "to the goal"}[lang]
    label, bar = host.progress_label_rect, host.progress_rect
    assert label.bottom <= bar.top and host.bar.contains(label.union(bar))
    assert app.theme.font("tiny").size(host.progress_label)[0] <= label.w
    for other in (host.title_rect, host.hints_button.rect, host.pause_button.rect):
        assert not other.colliderect(label.union(bar))


def test_tiles_are_clickables():
    from game import ui
    from game.scenes.common import tile_class

    pygame.init()
    clicks = []
    tile = tile_class(ui)(ui.Theme(), (0, 0, 100, 100), lambda s, t: None, lambda: clicks.append(1))
    assert isinstance(tile, ui.Clickable)
    events = [
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(50, 50), button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(50, 50), button=1),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(50, 50), button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(150, 50), button=1),  # slid off
    ]
    for event in events:
        tile.handle_event(event)
    tile.focused = True
    tile.handle_event(
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0)
    )
    assert clicks == [1, 1]


def test_map_says_something_else_once_the_three_stars_are_won(app):
    from game.scenes.demo import SETUPS

    SETUPS["map_proof"](app)
    scene = app.scenes.top
    by_stars = {p.stars: scene._state_text(p) for p in scene.places if p.status == "done"}
    assert "d'autres étoiles" not in by_stars[3] and "3 étoiles" in by_stars[3]
    assert all("d'autres étoiles" in text for stars, text in by_stars.items() if stars < 3)
