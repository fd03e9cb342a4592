"""The level host's goal bar: how far the run is from the goal, live while a job trains.

The engine's own measure (`NIVEAU.progression`, `Partie.termine`) is recomputed only
when the state changed (mesures can cost). While a job trains the level, the bar follows
the job's live figures (`NIVEAU.suivi(etat)`, 4 times a second), never backwards and
never full: only the engine's measure says the goal is reached.
"""

from __future__ import annotations

from game.scenes.figures import is_real

LIVE_MAX = 0.97  # a live estimate never fills the bar: the engine's measure does


class GoalProgress:
    """`progress` (0–1) and `done` of the run hosted now."""

    def __init__(self, app):
        self.app = app
        self.progress = 0.0
        self.done = False
        self._key = None
        self._info = None  # the latest `suivi` dict of a running job
        self._from = None  # the bar during a job: where it started, then the best live
        # True while the bar follows the training loss because the goal's own measure (a
        # validation loss, level 5) is only taken at the end: the label then says « estimé »
        self.estimated = False

    def peek(self, partie):
        """Read the latest live figures of a job training `partie`; True while one runs."""
        job = self.app.runner.job_for(partie)
        if job is None:
            self._info = None
            self._from = None
            self.estimated = False
            return False
        if self._from is None:
            self._from = self.progress  # the bar starts where it was
        for info in reversed(job.infos):
            if isinstance(info, dict):
                self._info = info
                break
        return True

    def measure(self, partie):
        busy = self._from is not None
        key = (id(partie.etat), len(partie.actions), busy and int(self.app.time * 4))
        if key == self._key:
            return
        self._key = key
        self.progress = partie.niveau.progression(partie.etat)
        self.done = partie.termine()
        if busy and not self.done:
            # Never backwards while the job runs (the live loss wobbles a little).
            live = self._live(partie) or 0.0
            self._from = max(self._from, live)
            self.progress = max(self.progress, self._from)

    def _live(self, partie):
        """An estimate from the live figures: the goal metric if `suivi` gives it, else
        (for a loss to bring under a bar) the recent training loss."""
        info = self._info
        if not info:
            return None
        niveau = partie.niveau
        objectif = niveau.objectif
        value = info.get(objectif.metrique)
        self.estimated = value is None
        if value is None and objectif.sens == "sous":
            value = info.get("perte_moyenne", info.get("perte"))
        if not is_real(value):
            return None
        etat = partie.etat
        try:
            start = niveau.depart(etat)
            barre = getattr(niveau, "barre", None)
            bar = barre(etat) if callable(barre) else objectif.seuil
        except Exception:  # noqa: BLE001 - an estimate is never worth a crash
            return None
        if not is_real(start) or not is_real(bar) or bar == start:
            return None
        return max(0.0, min(LIVE_MAX, (value - start) / (bar - start)))
