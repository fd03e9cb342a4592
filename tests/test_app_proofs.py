"""« Enregistrer ma preuve »: a completed level's log, written where a kid finds it, that
`tuto-llm verify` accepts; never over an older proof."""

import json

import pygame
import pytest
from test_app_flow import click, find_button, key, top

from game.cli import main
from game.modes.aventure.policy import record_result
from game.scenes import demo
from game.scenes.map import MapScene
from game.scenes.places import build_places
from game.scenes.proof import ProofPanel, export_proof, file_stem, path_lines, proofs_dir
from game.scenes.result import ResultScene
from levels.base import Partie
from levels.l1_devine.logic import NIVEAU as NIVEAU_1


@pytest.fixture
def app(app):
    app.seed_override = 4
    return app


def level_1_done(app):
    """The demo player completes level 1 (the solver's actions) and sees the result."""
    demo._map(app, "none")
    place = next(p for p in build_places(app.profile) if p.id == NIVEAU_1.id)
    partie = Partie(NIVEAU_1, 4)
    for action in NIVEAU_1.resoudre(4):
        assert partie.jouer(action) is None
    unlocked = record_result(app, place, partie)
    return app.scenes.push(ResultScene(app, place, partie, unlocked)), place


def test_the_result_screen_saves_a_proof_that_verifies(app, tuto_llm_home, capsys):
    result, _place = level_1_done(app)
    app.step([], 1 / 60)
    click(app, find_button(result, app.t("scenes.proof.save")).rect.center)
    panel = top(app)
    assert isinstance(panel, ProofPanel)
    path = tuto_llm_home / "preuves" / "Lea_niveau1.json"
    assert panel.path == path and path.is_file()
    assert "tuto-llm verify" in panel.sentence() and "1" in panel.sentence()
    first = path.read_bytes()
    assert json.loads(first) == app.profile.level(NIVEAU_1.id).log
    capsys.readouterr()
    assert main(["verify", str(path)]) == 0
    assert "VALIDE" in capsys.readouterr().out
    # « Ouvrir le dossier » (headless: the game only notes it), then Échap.
    click(app, find_button(panel, app.t("scenes.proof.open")).rect.center)
    assert app.opened_folders == [path.parent]
    key(app, pygame.K_ESCAPE)
    assert top(app) is result
    # A second proof never replaces the first one: it gets a number.
    click(app, find_button(result, app.t("scenes.proof.save")).rect.center)
    second = tuto_llm_home / "preuves" / "Lea_niveau1-2.json"
    assert top(app).path == second and second.is_file()
    assert path.read_bytes() == first
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temp left


def test_the_map_offers_the_proof_of_a_completed_level(app, tuto_llm_home):
    level_1_done(app)
    app.go_to_map()
    game_map = top(app)
    assert isinstance(game_map, MapScene)
    game_map.selected = NIVEAU_1.id
    app.step([], 1 / 60)
    button = game_map.proof_button
    assert button.visible
    click(app, button.rect.center)
    assert isinstance(top(app), ProofPanel)
    assert (tuto_llm_home / "preuves" / "Lea_niveau1.json").is_file()
    key(app, pygame.K_ESCAPE)
    # Level 2 is open but not done: no proof to save.
    game_map.selected = next(p.id for p in game_map.places if p.number == 2)
    app.step([], 1 / 60)
    assert not game_map.proof_button.visible


def test_no_button_without_a_saved_log(app):
    demo._map(app, "some")  # completed in the demo profile, but without a log
    game_map = top(app)
    game_map.selected = game_map.places[0].id
    app.step([], 1 / 60)
    assert not game_map.proof_button.visible


def test_a_proof_that_cannot_be_written_is_explained(app, tuto_llm_home):
    result, place = level_1_done(app)
    tuto_llm_home.mkdir(parents=True, exist_ok=True)
    proofs_dir().write_text("un fichier à la place du dossier", encoding="utf-8")
    click(app, find_button(result, app.t("scenes.proof.save")).rect.center)
    assert top(app) is result
    assert app.notices and app.crashes == 0


def test_file_names_and_long_paths(app):
    assert file_stem("Léa", 1) == "Lea_niveau1"
    assert file_stem("Zoé-Chloé d'Arc", 5) == "Zoe-Chloe-d-Arc_niveau5"
    assert file_stem("李", 2) == "joueur_niveau2"
    long = "/home/" + "/".join(["un-dossier-tres-long"] * 12) + "/Lea_niveau1.json"
    lines = path_lines(app.theme, long, 400)
    assert "".join(lines) == long and len(lines) > 1
    assert all(app.theme.font("small").size(line)[0] <= 400 for line in lines)


def test_export_refuses_a_level_without_log(app):
    from game.scenes.proof import NoProof

    demo._map(app, "none")
    place = next(p for p in build_places(app.profile) if p.id == NIVEAU_1.id)
    with pytest.raises(NoProof):
        export_proof(app.profile, place)
