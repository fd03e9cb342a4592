"""Full navigation through real pygame events: keyboard only, mouse only, back again."""

import pygame
import pytest
from test_app_support import fake_level  # noqa: F401 - fixture

from game.app import App
from game.scenes.dialogs import ErrorPanel, QuitPrompt
from game.scenes.intro import FirstLaunchScene
from game.scenes.level import LevelHost
from game.scenes.map import MapScene
from game.scenes.pause import PauseMenu
from game.scenes.profile_edit import ProfileCreateScene
from game.scenes.profiles import ProfileChoiceScene
from game.scenes.question import QuestionPanel
from game.scenes.result import ResultScene
from game.scenes.title import TitleScene


@pytest.fixture
def app(app):
    app.seed_override = 7
    return app


def post(app, *events, frames=1):
    """Post real events to pygame's queue and let the app read them."""
    for event in events:
        pygame.event.post(event)
    for _ in range(frames):
        app.step(dt=1 / 60)


def key(app, k, mod=0, frames=1):
    post(
        app,
        pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0),
        pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0),
        frames=frames,
    )


def type_text(app, text):
    post(app, pygame.event.Event(pygame.TEXTINPUT, text=text))


def click(app, pos, frames=1):
    pos = (int(pos[0]), int(pos[1]))
    post(
        app,
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        frames=frames,
    )


def find_button(scene, label):
    for widget in scene.container.widgets:
        if getattr(widget, "label", None) == label and widget.visible:
            return widget
    raise AssertionError(f"pas de bouton « {label} » dans {scene.name}")


def top(app):
    return app.scenes.top


def test_keyboard_only_from_title_to_a_level_and_back(app, fake_level):  # noqa: F811
    assert isinstance(top(app), TitleScene)
    key(app, pygame.K_RETURN)  # « Jouer »: nobody yet → new player
    assert isinstance(top(app), ProfileCreateScene)
    type_text(app, "Léa")
    key(app, pygame.K_RETURN)
    assert isinstance(top(app), FirstLaunchScene), app.scenes.stack
    assert app.profile.name == "Léa"
    key(app, pygame.K_RETURN)  # « En route ! »
    assert isinstance(top(app), MapScene)
    key(app, pygame.K_RETURN)  # the first open place is focused
    host = top(app)
    assert isinstance(host, LevelHost)
    key(app, pygame.K_RETURN)  # intro: Suivant
    key(app, pygame.K_RETURN)  # intro: C'est parti
    assert not host.intro
    key(app, pygame.K_TAB)  # focus the view's first button (+1)
    for _ in range(10):
        key(app, pygame.K_RETURN)
    assert host.partie.etat.valeur == 10
    assert host.done
    key(app, pygame.K_TAB)
    key(app, pygame.K_TAB)  # « J'ai fini »
    key(app, pygame.K_RETURN, frames=2)
    assert isinstance(top(app), QuestionPanel)
    assert top(app).discovery  # « ce que tu viens de découvrir » first
    key(app, pygame.K_RETURN)  # « À la question ! »
    while isinstance(top(app), QuestionPanel):  # each question of the play
        for _ in range(top(app).posee["bonne"]):
            key(app, pygame.K_DOWN)  # down to the right choice
        key(app, pygame.K_RETURN)
        key(app, pygame.K_RETURN)  # « Suivant » / « Voir mon résultat »
    result = top(app)
    assert isinstance(result, ResultScene)
    assert result.stars == [True, False, True]
    key(app, pygame.K_RETURN)  # « Retour à la carte »
    assert isinstance(top(app), MapScene)
    assert app.profile.is_completed(fake_level.id)
    # Échap all the way back: map → player choice → title → « Quitter ? » → Non.
    key(app, pygame.K_ESCAPE)
    assert isinstance(top(app), ProfileChoiceScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(top(app), TitleScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(top(app), QuitPrompt)
    key(app, pygame.K_RETURN)  # « Non » is focused
    assert isinstance(top(app), TitleScene) and app.running
    assert app.crashes == 0


def test_mouse_only_from_title_to_a_level_and_back(app, fake_level):  # noqa: F811
    app.profiles.create("Noé", 2, 3)
    click(app, find_button(top(app), app.t("scenes.title.play")).rect.center)
    choice = top(app)
    assert isinstance(choice, ProfileChoiceScene)
    card = next(w for w in choice.container.widgets if hasattr(w, "painter"))
    click(app, card.rect.center)
    first = top(app)
    assert isinstance(first, FirstLaunchScene)
    click(app, find_button(first, app.t("scenes.intro.go")).rect.center)
    game_map = top(app)
    assert isinstance(game_map, MapScene)
    click(app, game_map.tiles[fake_level.id].rect.center)
    host = top(app)
    assert isinstance(host, LevelHost)
    click(app, find_button(host, app.t("scenes.level.intro_skip")).rect.center)
    assert not host.intro
    plus = host.view.plus.rect.center
    for _ in range(10):
        click(app, plus)
    assert host.done
    click(app, host.result_button.rect.center, frames=2)
    assert isinstance(top(app), QuestionPanel)
    click(app, find_button(top(app), app.t("scenes.question.discovery_go")).rect.center)
    while isinstance(top(app), QuestionPanel):
        question = top(app)
        choices = [w for w in question.container.widgets if hasattr(w, "painter")]
        wrong = (question.posee["bonne"] + 1) % len(choices)
        click(app, choices[wrong].rect.center)  # a wrong answer: no third star
        click(app, find_button(top(app), app.t("scenes.question.next")).rect.center)
    result = top(app)
    assert isinstance(result, ResultScene)
    assert result.stars[2] is False
    click(app, find_button(result, app.t("scenes.result.map")).rect.center)
    assert isinstance(top(app), MapScene)
    # Back to the title with the « Changer de joueur » and « Retour » buttons.
    click(app, find_button(top(app), app.t("scenes.map.change")).rect.center)
    assert isinstance(top(app), ProfileChoiceScene)
    click(app, find_button(top(app), app.t("common.back")).rect.center)
    assert isinstance(top(app), TitleScene)
    assert app.crashes == 0


def test_pause_menu_leaves_the_level(app, fake_level):  # noqa: F811
    from game.scenes import demo

    demo.setup_map_some(app)
    game_map = top(app)
    game_map.enter(game_map.by_id[fake_level.id])
    host = top(app)
    assert not host.intro  # the demo player has seen it
    key(app, pygame.K_ESCAPE)
    assert isinstance(top(app), PauseMenu)
    key(app, pygame.K_ESCAPE)  # Échap = reprendre
    assert top(app) is host
    key(app, pygame.K_ESCAPE)
    click(app, find_button(top(app), app.t("scenes.pause.quit_level")).rect.center)
    assert isinstance(top(app), MapScene)


def test_window_close_asks_first(app):
    post(app, pygame.event.Event(pygame.QUIT))
    assert isinstance(top(app), QuitPrompt)
    post(app, pygame.event.Event(pygame.QUIT))  # a second request does not stack
    assert sum(isinstance(s, QuitPrompt) for s in app.scenes) == 1
    click(app, find_button(top(app), app.t("common.no")).rect.center)
    assert isinstance(top(app), TitleScene) and app.running
    post(app, pygame.event.Event(pygame.QUIT))
    click(app, find_button(top(app), app.t("common.yes")).rect.center)
    assert not app.running


def test_a_crash_in_a_scene_goes_back_to_the_map(app, fake_level, tuto_llm_home):  # noqa: F811
    from game.scenes import demo

    demo.setup_map_some(app)
    game_map = top(app)
    game_map.enter(game_map.by_id[fake_level.id])
    host = top(app)

    def broken(dt):
        raise RuntimeError("la vue a un bug")

    host.view.update = broken
    host.intro = []
    app.step([], 1 / 60)
    assert isinstance(top(app), ErrorPanel)
    assert isinstance(app.scenes.stack[-2], MapScene)
    log = (tuto_llm_home / "erreurs.log").read_text(encoding="utf-8")
    assert "la vue a un bug" in log
    key(app, pygame.K_RETURN)  # « D'accord »
    assert isinstance(top(app), MapScene)
    assert app.running


def test_damaged_profile_shows_a_message_and_the_game_goes_on(app, tuto_llm_home):
    profile = app.profiles.create("Zoé", 1, 1)
    app.profiles.save(profile)  # a second save: the first one becomes the backup
    path = app.profiles.path(profile.id)
    path.write_text("{ pas du json", encoding="utf-8")
    key(app, pygame.K_RETURN)  # « Jouer »
    assert isinstance(top(app), ProfileChoiceScene)
    assert [p.name for p in top(app).profiles] == ["Zoé"]
    assert app.notices, "un message doit dire que la sauvegarde a été réparée"
    assert app.notices[0].text == app.t("common.save.recovered")
    for _ in range(5):
        app.step([], 1 / 60)
    assert app.crashes == 0


def test_damaged_settings_are_reported(tuto_llm_home):
    tuto_llm_home.mkdir(parents=True, exist_ok=True)
    (tuto_llm_home / "settings.json").write_text("garbage", encoding="utf-8")
    game = App(headless=True, runner_mode="slices")
    try:
        assert game.notices
        game.step([], 1 / 60)
    finally:
        game.close()
