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
