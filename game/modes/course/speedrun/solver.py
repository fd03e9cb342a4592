"""The built-in solver plays a whole category through a `Run` (tests, demos, the CLI).

`solve_run(category, seed, levels, think_ms=1000, ...)` → the finished `Run`;
`method_run(category, seed, levels, runner)` → a run played by the hints' method at an
uneven, child-like pace (no tool mark: it must verify as a human run).

The clock is simulated: before each action the runner « thinks » `think_ms` (a steady,
human pace); the engine's real computing time is measured and added as busy time, so
the real-time clock includes it and the game-time clock leaves it out — exactly as in
the game. Raises RuntimeError when the solver cannot meet the category (a level bug).
"""

from __future__ import annotations

import time

from game.modes.course.speedrun.human import method_actions
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


def human_pace(level_id, number):
    """An uneven, child-like thinking time before an action (ms): 0.7 to 1.6 s."""
    return 700 + (number * 389 + len(level_id) * 97) % 900


def method_run(category, seed, levels, runner="", think=human_pace, code=""):
    """A child who applies each level's hint method (`joueur_indices`) at an uneven pace:
    a human-like run (no tool mark) for tests, demos and the race simulation."""
    clock = SimClock()
    run = Run(category, seed, levels, clock=clock, code=code, runner=runner)
    run.start()
    while not run.finished:
        niveau = run.niveau
        actions = method_actions(niveau, seed) or list(niveau.resoudre(seed))
        _play_level(run, clock, niveau, seed, 0, think, actions)
        if run.niveau is niveau and not run.finished:
            raise RuntimeError(f"la méthode du niveau {niveau.numero} ne suffit pas")
    return run


def _play_level(run, clock, niveau, seed, think_ms, think, actions=None):
    actions = niveau.resoudre(seed) if actions is None else actions
    for number, action in enumerate(actions, start=1):
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
