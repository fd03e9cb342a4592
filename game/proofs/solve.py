"""The built-in solver's run of one level: the actions a kid could play, through a
`Partie`, on a steady clock (one second per action) unless another clock is given.
Used by `tuto-llm solve`, the homework simulation and the demo screens."""

MS_PAR_ACTION = 1000  # the solver's log gets a steady, reproducible clock


class _SteadyClock:
    """A fake clock: every reading is one action later (deterministic logs)."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self):
        now = self.seconds
        self.seconds += MS_PAR_ACTION / 1000
        return now


def solve_level(niveau, graine, horloge=None):
    """Plays the solver's actions through a Partie; returns the Partie.

    `horloge`: the clock the log's times come from (default: one second per action).

    Raises RuntimeError if the solver plays a refused action or misses the goal
    (a bug in the level, not a user error).
    """
    from levels.base import Partie

    partie = Partie(niveau, graine, horloge=horloge or _SteadyClock())
    for numero, action in enumerate(niveau.resoudre(graine), start=1):
        refus = partie.jouer(action)
        if refus is not None:
            raise RuntimeError(f"le solveur a joué une action refusée (n° {numero}) : {refus}")
    return partie
