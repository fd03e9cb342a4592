"""What the game gives a level view (`ctx`), and what it keeps of a level in the profile.

- level 1's bigram loss becomes `profile.bigram_baseline` (the lowest over plays), and
  level 5 turns it into the kid's own line;
- `ctx.profile`, `ctx.garder_modele(contenu)` (a kept model, saved at once);
- the host's progress bar follows a running training (the job's live `suivi`).
"""

import json

import pygame
import pytest
from test_app_support import fake_level  # noqa: F401 - fixture

from engine import sauvegarde
from game.app import App
from game.modes.aventure.policy import keep_bigram_baseline, record_result
from game.profiles import ProfileStore
from game.scenes import demo
from game.scenes.level import LevelHost
from game.scenes.level_context import LevelContext
from game.scenes.places import build_places
from levels.base import Partie
from levels.l1_devine.logic import NIVEAU as NIVEAU_1
from levels.l5_gpt import logic as l5
from levels.vue import ContexteVue

ASSEMBLAGE = [{"type": "placer", "bloc": b, "position": i} for i, b in enumerate(l5.ORDRE_GPT)]
PETIT = [  # level 5 gives each model a fixed number of steps: a small model, batch 1
    {"type": "regler", "parametre": "n_embd", "valeur": 8},
    {"type": "regler", "parametre": "n_head", "valeur": 2},
]


@pytest.fixture
def app(app):
    app.seed_override = 3
    return app


def place_of(app, level_id):
    return next(p for p in build_places(app.profile) if p.id == level_id)


def solved_level_1(seed=3):
    partie = Partie(NIVEAU_1, seed)
    for action in NIVEAU_1.resoudre(seed):
        assert partie.jouer(action) is None
    assert partie.termine()
    return partie


def on_disk(app):
    profile, message = ProfileStore().load(app.profile.id)
    assert message is None
    return profile


def test_level_1_completed_keeps_the_kids_bigram_loss(app):
    demo.demo_profile(app, "none")
    partie = solved_level_1()
    record_result(app, place_of(app, NIVEAU_1.id), partie)
    loss = NIVEAU_1.mesures(partie.etat)["perte_bigramme"]
    assert app.profile.bigram_baseline == pytest.approx(loss)
    assert on_disk(app).bigram_baseline == pytest.approx(loss)
    # Another play: only a lower loss replaces it.
    keep_bigram_baseline(app.profile, NIVEAU_1, {"perte_bigramme": loss + 0.2})
    assert app.profile.bigram_baseline == pytest.approx(loss)
    keep_bigram_baseline(app.profile, NIVEAU_1, {"perte_bigramme": loss - 0.1})
    assert app.profile.bigram_baseline == pytest.approx(loss - 0.1)
    # Not a number, or another level: nothing changes.
    keep_bigram_baseline(app.profile, NIVEAU_1, {"perte_bigramme": float("nan")})
    keep_bigram_baseline(app.profile, l5.NIVEAU, {"perte_bigramme": 2.0})
    assert app.profile.bigram_baseline == pytest.approx(loss - 0.1)


def test_an_unfinished_level_1_keeps_no_line(app):
    demo.demo_profile(app, "none")
    partie = Partie(NIVEAU_1, 3)
    partie.jouer({"type": "nourrir", "prenom": "lina"})
    record_result(app, place_of(app, NIVEAU_1.id), partie)
    assert app.profile.bigram_baseline is None


def test_level_5_draws_the_kids_own_line(app):
    demo.demo_profile(app, "all")
    app.profile.bigram_baseline = 2.71
    host = app.scenes.push(LevelHost(app, place_of(app, l5.NIVEAU.id), seed=2))
    assert host.ctx.profile is app.profile
    assert host.partie.actions[0][1] == {"type": "ligne_bigramme", "perte": 2.71}
    assert host.partie.etat.ligne_enfant == pytest.approx(2.71)


def test_ctx_gives_the_profile_and_keeps_a_model(app, tmp_path):
    demo.demo_profile(app, "all")
    ctx = LevelContext(app, "l5_gpt", pygame.Rect(0, 120, 1280, 600))
    assert isinstance(ctx, ContexteVue)  # the type a level view is promised
    assert ctx.profile is app.profile
    assert ctx.settings is app.settings and ctx.lang == "fr"
    assert ctx.garder_modele("pas un modèle") is False
    app.profile = None
    assert ctx.profile is None and ctx.garder_modele({"format": 1}) is False


def test_keep_my_model_from_level_5_saves_a_loadable_model(app, tmp_path):
    demo.demo_profile(app, "all")
    host = app.scenes.push(LevelHost(app, place_of(app, l5.NIVEAU.id), seed=2))
    for action in [*ASSEMBLAGE, *PETIT, {"type": "entrainer", "etapes": 5}]:
        assert host.partie.jouer(action) is None, host.partie.dernier_refus
    app.step([], 1 / 60)
    terrain = host.view.terrain
    terrain.maj()
    assert terrain.bouton_modele.visible and terrain.bouton_modele.enabled
    terrain.garder_modele()
    saved = on_disk(app).saved_model
    assert saved is not None and saved == app.profile.saved_model
    path = tmp_path / "modele.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    model = sauvegarde.charger(path)  # the same content as an engine.sauvegarde file
    assert model.config.n_embd == 8


def test_favourites_are_saved_when_leaving_the_level(app):
    demo.demo_profile(app, "all")
    host = app.scenes.push(LevelHost(app, place_of(app, l5.NIVEAU.id), seed=2))
    app.profile.favourite_names.append("lunette")  # what the playground mirrors
    assert "lunette" not in on_disk(app).favourite_names
    host.quit_level()
    assert "lunette" in on_disk(app).favourite_names


def test_the_progress_bar_moves_while_level_5_trains(app):
    demo.demo_profile(app, "all")
    host = app.scenes.push(LevelHost(app, place_of(app, l5.NIVEAU.id), seed=2))
    for action in [*ASSEMBLAGE, {"type": "regler", "parametre": "lr", "valeur": 0.01}]:
        assert host.partie.jouer(action) is None, host.partie.dernier_refus
    app.step([], 1 / 60)
    assert host.progress == 0.0
    job = app.runner.play(host.partie, {"type": "entrainer", "etapes": l5.BUDGET_PAS})
    seen, labels = [], []
    for _ in range(60):
        app.step([], 0.1)  # 0.1 s a frame: the host re-measures at each one
        if job.done:
            break
        seen.append(host.progress)
        labels.append(host.goal.estimated)
    job.cancel()
    assert seen and max(seen) > 0.05, seen[-5:]
    assert max(seen) < 1.0  # only the engine's measure fills the bar
    assert seen == sorted(seen)  # it never goes back while the job runs
    # the goal is a validation loss measured at the end: while training, the bar follows
    # the training loss and its label says so (« estimé »), never the goal's own word
    assert any(labels)


def test_the_progress_bar_follows_a_job_in_the_worker(fake_level):  # noqa: F811
    """In a worker process the state only comes back at the end: the bar reads `suivi`."""
    game = App(headless=True, runner_mode="worker")
    try:
        demo.demo_profile(game, "none")
        host = game.scenes.push(LevelHost(game, place_of(game, fake_level.id), seed=1))
        host.intro = []
        host.rebuild()
        job = game.runner.play(host.partie, {"type": "entrainer", "etapes": 20000})
        moved = False
        for _ in range(3000):
            game.step([], 0.3)
            if job.done:
                break
            if host.progress > 0:
                moved = True
                assert host.partie.etat.valeur == 0  # the real state is still in the worker
                assert host.progress < 1.0 and not host.done
                break
        job.cancel()
        game.runner.wait(job, timeout=30)
        assert moved
    finally:
        game.close()
