"""A new way to play is one folder and one line in `game.modes.MODES`, for real.

`fifth_mode` (tests/conftest.py, tests/mode_copy.py) writes a package `mode_essai` with
a policy, a screen, a subcommand and a screenshot set-up, and adds only its line to the
registry of ways to play. The CLI, the scene registry and the screenshots must find it.
"""

import pygame
import pytest

from game.cli import main
from game.scenes.level import LevelHost


@pytest.fixture
def app(app):
    app.seed_override = None
    return app


def test_its_subcommand_is_in_the_cli(fifth_mode, capsys):
    assert main(["essai", "--dire", "coucou"]) == 0
    assert "essai : coucou" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "Une façon de jouer d'essai" in capsys.readouterr().out


def test_its_screen_opens_by_name_and_plays_a_level_with_its_policy(app, fifth_mode):
    from mode_essai.policy import Essai

    app.push("profiles")
    from game.scenes import demo

    demo.demo_profile(app, "some")
    app.push("essai_menu")
    app.step([], 1 / 60)
    assert app.scenes.top.name == "essai_menu"
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r")], 1 / 60)
    host = app.scenes.top
    assert isinstance(host, LevelHost) and isinstance(host.policy, Essai)
    assert host.partie.graine == 4242


def test_its_screenshot_is_drawn(tmp_path, fifth_mode, capsys):
    folder = tmp_path / "images"
    assert main(["screenshots", str(folder), "--scenes", "essai_menu", "--langues", "fr"]) == 0
    out = capsys.readouterr().out
    assert "plant" not in out and "sauté" not in out, out
    picture = folder / "essai_menu_fr_t0.png"
    assert picture.exists(), out
    assert pygame.image.load(str(picture)).get_at((5, 5))[:3] == (20, 90, 60)


def test_without_its_line_the_game_does_not_know_it():
    from game import modes
    from game.scenes import registry

    assert "mode_essai" not in modes.MODES
    with pytest.raises(KeyError, match="essai_menu"):
        registry.scene_class("essai_menu")
