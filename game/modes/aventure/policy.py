"""The adventure: a kid at home plays the levels in order, on their own profile.

- a new random seed each play (or `app.seed_override`, for tests and screenshots);
- the intro the first time (remembered in `profile.seen_intro`);
- hints allowed; the top bar shows nothing more than the level's own bar;
- at the end: the understanding question, then the run is saved in the profile
  (`save_log`: stars, best figures, the log of a completed run — the proof) and the
  result screen shows it; « Retour à la carte » announces the places it opened;
- leaving from the pause menu goes back to the map (nothing is lost: a run that did not
  reach the goal was never saved).
"""

from __future__ import annotations

import math

from game.policies.base import Policy
from game.profiles import record_level_result
from game.scenes.places import build_places, open_ids

BIGRAM_METRIC = "perte_bigramme"


class Aventure(Policy):
    name = "aventure"

    def show_intro(self, app, place):
        profile = app.profile
        return profile is None or not profile.seen_intro.get(place.niveau.id, False)

    def intro_seen(self, app, place):
        profile = app.profile
        if profile is not None:
            profile.seen_intro[place.niveau.id] = True
            app.save_profile()

    def save_log(self, app, place, partie):
        return record_result(app, place, partie)

    def on_level_complete(self, host):
        unlocked = self.save_log(host.app, host.place, host.partie)
        host.app.replace("result", host.place, host.partie, unlocked, policy=self)

    def replay(self, app, place):
        # The place as the map sees it now (its status and stars changed with this run).
        fresh = next((p for p in build_places(app.profile) if p.id == place.id), place)
        app.replace("level", fresh, policy=self)


def record_result(app, place, partie):
    """Save the run in the profile; returns the ids of the places it opened."""
    profile = app.profile
    if profile is None:
        return []
    niveau = place.niveau
    before = open_ids(build_places(profile))
    completed = partie.termine()
    metrics = {
        k: v
        for k, v in niveau.mesures(partie.etat).items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }
    metrics["time_ms"] = partie.actions[-1][0] if partie.actions else 0
    higher = {niveau.objectif.metrique} if niveau.objectif.sens == "sur" else set()
    if completed:
        keep_bigram_baseline(profile, niveau, metrics)
    record_level_result(
        profile,
        niveau.id,
        niveau.etoiles(partie.etat),
        metrics,
        partie.journal() if completed else None,
        partie.indices_utilises,
        completed=completed,
        higher_is_better=higher,
    )
    app.save_profile()
    after = open_ids(build_places(profile))
    return [p.id for p in build_places(profile) if p.id in after - before]


def keep_bigram_baseline(profile, niveau, metrics):
    """A level declaring `ligne_bigramme` (level 1) completed: its bigram loss becomes the
    kid's line in level 5 (the lowest)."""
    if not getattr(niveau, "ligne_bigramme", False):
        return
    loss = metrics.get(BIGRAM_METRIC)
    if not isinstance(loss, int | float) or isinstance(loss, bool) or not math.isfinite(loss):
        return
    old = profile.bigram_baseline
    if old is None or loss < old:
        profile.bigram_baseline = float(loss)
