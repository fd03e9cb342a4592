"""A new level is one folder and one registry line, for real.

`sixth_level` (tests/conftest.py, tests/level_copy.py) copies level 2 as `l6_essai` and
adds one line to `levels.registry.MODULES` — nothing else. The map, the screenshots,
`solve` and `verify` must all work with it.
"""

import json
import math

import pygame
import pytest
from test_app_flow import key, top

from game.cli import main
from game.profiles import SANDBOX, is_unlocked, record_level_result
from game.scenes import demo
from game.scenes.level import LevelHost
from game.scenes.map_paint import NODE_SPACING, level_positions, place_positions
from game.scenes.places import ENDING, build_places


@pytest.fixture
def app(app):
    app.seed_override = 2
    return app


def test_the_copy_is_a_sixth_level(sixth_level):
    from levels import registry

    assert sixth_level.id == "l6_essai" and sixth_level.numero == 6
    assert registry.niveau_numero(6) is sixth_level
    assert [n.id for n in registry.niveaux()][-1] == "l6_essai"


def test_the_map_places_six_levels_apart_and_keeps_five_where_they_were():
    five = level_positions(5)
    assert five == [(540, 560), (780, 590), (1030, 555), (1165, 405), (950, 335)]
    for count in range(1, 7):
        points = level_positions(count)
        assert len(set(points)) == count
        for a, b in zip(points, points[1:], strict=False):
            assert math.dist(a, b) >= NODE_SPACING
        assert points[-1] == five[-1]  # the sandbox and the ending hang off the last one
    assert len(set(level_positions(12))) == 12  # many levels: still one place each
    assert set(place_positions(6)) == {1, 2, 3, 4, 5, 6, "sandbox", "ending"}


def test_the_map_draws_and_navigates_to_the_sixth_level(app, sixth_level):
    demo.setup_map_some(app)
    profile = app.profile
    for niveau_id in ("l1_devine", "l2_erreurs", "l3_memoire", "l4_attention", "l5_gpt"):
        record_level_result(profile, niveau_id, [True, True, True], {}, None, 0)
    game_map = app.push("map")  # a fresh map (nothing selected yet)
    places = {p.id: p for p in game_map.places}
    assert places["l6_essai"].number == 6 and places["l6_essai"].status == "open"
    # The sandbox and the ending wait for the last level of the registry.
    assert places["sandbox"].status == "locked" and places[ENDING].status == "locked"
    assert not is_unlocked(profile, SANDBOX)
    for name in ("sandbox", ENDING):  # the map says which level opens them
        assert "6" in game_map._state_text(places[name]), game_map._state_text(places[name])
    app.step([], 1 / 60)
    assert app.crashes == 0
    # Keyboard: the suggested place is the sixth level; Entrée enters it.
    assert game_map.selected == "l6_essai"
    key(app, pygame.K_RETURN)
    host = top(app)
    assert isinstance(host, LevelHost) and host.niveau is sixth_level
    for _ in range(5):
        app.step([], 1 / 60)
    assert app.crashes == 0
    # Completed: the sandbox and the ending open.
    record_level_result(profile, "l6_essai", [True, True, True], {}, None, 0)
    status = {p.id: p.status for p in build_places(profile)}
    assert status["sandbox"] == "open" and status[ENDING] == "open"


def test_screenshots_draw_the_map_with_six_levels(tmp_path, sixth_level, capsys):
    folder = tmp_path / "images"
    names = "map_empty,map_some,map_all,map_unlock,level_l6_essai"
    assert main(["screenshots", str(folder), "--scenes", names, "--langues", "fr"]) == 0
    out = capsys.readouterr().out
    assert "plant" not in out and "sauté" not in out, out
    for name in names.split(","):
        for size in (0, 2):
            picture = folder / f"{name}_fr_t{size}.png"
            assert picture.exists(), out
            assert pygame.image.load(str(picture)).get_size() == (1280, 720)


def test_solve_and_verify_the_sixth_level(tmp_path, sixth_level, capsys):
    path = tmp_path / "niveau6.json"
    assert main(["solve", "6", "--out", str(path), "--seed", "5"]) == 0
    journal = json.loads(path.read_text(encoding="utf-8"))
    assert journal["niveau"] == "l6_essai" and journal["graine"] == 5
    assert main(["verify", str(path)]) == 0
    out = capsys.readouterr().out
    assert "VALIDE" in out and "NON VALIDE" not in out and "★★★" in out
    journal["actions"] = []  # nothing played: the goal is not reached
    path.write_text(json.dumps(journal), encoding="utf-8")
    assert main(["verify", str(path)]) == 1
