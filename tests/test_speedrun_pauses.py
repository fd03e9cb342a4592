"""Pauses are part of the run (issue 20): real time never stops, pauses are counted,
a category can cap them, and the level is hidden meanwhile (tests/test_speedrun_game.py)."""

from game import __version__
from game.modes.course.speedrun.categories import category
from game.modes.course.speedrun.solver import method_run
from game.modes.course.speedrun.verify import verify_run
from levels import registry


def _paused(count, shift_real=True):
    """An honest run with `count` pauses of 5 s early in level 1 (real time goes on)."""
    data = method_run(category("debut"), 3, registry.niveaux(), runner="Noé").run_file(__version__)
    pauses = [[100 + k, 5000] for k in range(count)]
    extra = 5000 * count if shift_real else 0
    for number, entry in enumerate(data["niveaux"]):
        if number:
            entry["debut"][0] += extra
        entry["fin"][0] += extra
    data["annonce"]["temps_reel_ms"] += extra
    data["pauses"] = pauses
    return data


def test_pauses_are_counted_and_shown():
    verdict = verify_run(_paused(2))
    assert verdict.valid, verdict.reason
    assert "2 pauses pendant la course (10,0 s)" in verdict.remarks


def test_a_category_caps_its_pauses():
    assert category("debut").pauses_max == 5 and "Au plus 5 pauses" in category("debut").rule_text()
    verdict = verify_run(_paused(6))
    assert not verdict.valid and "au plus 5" in verdict.reason


def test_a_pause_that_stopped_real_time_is_refused():
    verdict = verify_run(_paused(1, shift_real=False))
    assert not verdict.valid and "chronos" in verdict.reason
