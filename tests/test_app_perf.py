"""`tuto-llm perf --json` prints one JSON object with frame times and training speeds."""

import json

from game.cli import main


def test_perf_json_shape(capsys):
    status = main(
        [
            "perf",
            "--json",
            "--images",
            "5",
            "--etapes",
            "15",
            "--scenes",
            "title,map_some",
            "--mode",
            "slices",
        ]
    )
    assert status == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    data = json.loads(line)
    assert set(data["scenes"]) == {"title", "map_some", "training"}
    for scene in data["scenes"].values():
        assert scene["frames"] >= 1 and scene["p95_ms"] >= scene["p50_ms"] >= 0
    assert data["training_steps_per_s_in_game"] > 0
    assert data["training_steps_per_s_headless"] > 0


def test_perf_covers_levels_4_and_5_while_level_5_trains(capsys):
    status = main(
        [
            "perf",
            "--json",
            "--images",
            "4",
            "--etapes",
            "6",
            "--scenes",
            "level_l4_attention,level_l5_gpt,level_l5_gpt_training",
            "--mode",
            "slices",
        ]
    )
    assert status == 0
    data = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert {"level_l4_attention", "level_l5_gpt", "level_l5_gpt_training"} <= set(data["scenes"])
    # Level 5 with its own training running in the game's runner, every measured frame.
    assert data["scenes"]["level_l5_gpt_training"]["busy_frames"] == 4
    assert "busy_frames" not in data["scenes"]["level_l4_attention"]


def test_every_scene_and_level_is_measured():
    """The perf command drives every demo screen and every level (names as in its JSON)."""
    from game.app import App
    from game.scenes import demo

    app = App(headless=True, runner_mode="slices")
    try:
        names = set(demo.SETUPS) | set(demo.level_setups(app))
    finally:
        app.close()
    levels = {f"level_{n}" for n in ("l1_devine", "l2_erreurs", "l3_memoire", "l4_attention")}
    assert levels | {"level_l5_gpt", "level_l5_gpt_training", "sandbox", "result"} <= names


def test_the_warm_up_really_prepares_every_bundled_word_list(caplog):
    """The game loads the sandbox's lists off the frame loop at start; a broken import there
    once went unnoticed and the first click on « Dinosaures » froze the screen ~0.5 s."""
    from engine.donnees import DATASETS
    from game.app_helpers import _warm_levels
    from levels.atelier import donnees

    donnees._DONNEES.clear()
    _warm_levels()
    assert set(DATASETS) <= set(donnees._DONNEES)
    assert "préchargement" not in caplog.text
