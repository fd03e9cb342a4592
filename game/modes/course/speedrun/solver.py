"""The built-in solver plays a whole category through a `Run` (tests, demos, the CLI).

`solve_run(category, seed, levels, think_ms=1000, ...)` → the finished `Run`.

The clock is simulated: before each action the runner « thinks » `think_ms` (a steady,
human pace); the engine's real computing time is measured and added as busy time, so
the real-time clock includes it and the game-time clock leaves it out — exactly as in
the game. Raises RuntimeError when the solver cannot meet the category (a level bug).
"""

from __future__ import annotations

import time

from game.modes.course.speedrun.run import Run
from game.modes.course.speedrun.timer import SimClock
from levels.horodatage import OUTIL_SOLVEUR


def solve_run(category, seed, levels, think_ms=1000, code="", runner="", practice=None, think=None):
    """Plays every level of the category with its solver; `think(level_id, n)` (optional)
    gives the thinking ms before the n-th action of a level instead of `think_ms`."""
    clock = SimClock()
    run = Run(category, seed, levels, clock=clock, code=code, runner=runner, practice=practice)
    run.tool = OUTIL_SOLVEUR  # honest: the file says a program played, not a kid
    run.start()
    while not run.finished:
        niveau = run.niveau
        _play_level(run, clock, niveau, seed, think_ms, think)
        if run.niveau is niveau and not run.finished:
            raise RuntimeError(
                f"le solveur du niveau {niveau.numero} ne remplit pas « {category.title()} »"
            )
    return run


def _play_level(run, clock, niveau, seed, think_ms, think):
    for number, action in enumerate(niveau.resoudre(seed), start=1):
        pause = think(niveau.id, number) if think is not None else think_ms
        clock.advance(pause / 1000)
        run.busy_start()
        began = time.perf_counter()
        refusal = run.partie.jouer(action)
        clock.advance(time.perf_counter() - began)
        run.busy_end()
        if refusal is not None:
            raise RuntimeError(f"le solveur a joué une action refusée ({refusal})")
        if run.check() is not None:
            return
